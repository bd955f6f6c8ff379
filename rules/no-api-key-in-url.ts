import { getFileAnalysis } from '../src/dataflow/file-analysis.js';
import { queryKeyReads } from '../src/checks/keys-in-url.js';
import { keysPutInUrls } from '../src/checks/keys-put-in-urls.js';
import { createRule } from '../src/create-rule.js';

type MessageIds = 'keyInQuery' | 'keyInUrl' | 'readFromHeader';

export default createRule<[], MessageIds>({
  name: 'no-api-key-in-url',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow reading API keys and tokens from the query string and putting keys into URLs',
      recommended: 'recommended',
      category: 'insecure-key-handling',
      cwe: ['CWE-598'],
      owasp: ['LLM02', 'LLM10'],
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      keyInQuery:
        "The credential '{{name}}' is read from the query string ('{{source}}'); URLs end up in access logs, browser history and Referer headers. Read it from a header instead.",
      keyInUrl:
        "The key '{{name}}' is put into a URL ('{{param}}=…'); the URL is written to the receiving server's and every proxy's access logs and to error reports that print it. Send it in a header instead.",
      readFromHeader: 'Read the key from the x-api-key header ({{header}}).',
    },
    schema: [],
  },
  create(context) {
    return {
      Program() {
        for (const read of queryKeyReads(getFileAnalysis(context))) {
          const header = read.header;
          context.report({
            node: read.node,
            messageId: 'keyInQuery',
            data: { name: read.name, source: read.source },
            suggest: header ? [{ messageId: 'readFromHeader', data: { header }, fix: (fixer) => fixer.replaceText(read.node, header) }] : [],
          });
        }
        for (const put of keysPutInUrls(getFileAnalysis(context))) {
          context.report({ node: put.node, messageId: 'keyInUrl', data: { name: put.name, param: put.param } });
        }
      },
    };
  },
});
