import { getFileAnalysis } from '../src/dataflow/file-analysis.js';
import { queryKeyReads } from '../src/checks/keys-in-url.js';
import { createRule } from '../src/create-rule.js';

type MessageIds = 'keyInQuery' | 'readFromHeader';

export default createRule<[], MessageIds>({
  name: 'no-api-key-in-url',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow reading API keys and tokens from the query string',
      recommended: 'recommended',
      category: 'insecure-key-handling',
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      keyInQuery:
        "The credential '{{name}}' is read from the query string ('{{source}}'); URLs end up in access logs, browser history and Referer headers. Read it from a header instead.",
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
      },
    };
  },
});
