import { describeOrigin } from '../src/dataflow/describe.js';
import { devOnlyMiddleware, errorFindings } from '../src/checks/errors.js';
import { getFileAnalysis } from '../src/dataflow/file-analysis.js';
import { createRule } from '../src/create-rule.js';
import { genericMessageFix, removeStacksFix } from '../src/fixes/error-details.js';

type MessageIds = 'errorDetails' | 'devOnlyMiddleware' | 'sendGenericMessage';

export default createRule<[], MessageIds>({
  name: 'no-error-details-in-response',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow error stacks, messages and error objects in HTTP responses',
      recommended: 'recommended',
      category: 'error-exposure',
      cwe: ['CWE-209'],
      owasp: ['LLM02'],
      requiresTypeChecking: false,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      errorDetails:
        "Error details '{{source}}' (line {{line}}) reach the client through {{sink}}{{via}}; log them on the server and send a generic message.",
      devOnlyMiddleware: '{{name}}() sends error stacks to the client; mount it only when NODE_ENV is development.',
      sendGenericMessage: "Send the generic message 'Internal Server Error' instead.",
    },
    schema: [],
  },
  create(context) {
    return {
      Program() {
        const analysis = getFileAnalysis(context);
        for (const finding of errorFindings(analysis)) {
          const { source, line, via } = describeOrigin(finding.origin);
          // A helper that sends its argument may use it in other ways: its call is not rewritten.
          const removeStacks = finding.sink.helper ? null : removeStacksFix(analysis, finding);
          const generic = removeStacks || finding.sink.helper ? null : genericMessageFix(analysis, finding);
          context.report({
            node: finding.sink.node,
            messageId: 'errorDetails',
            data: { source, line, via, sink: finding.sink.api },
            fix: removeStacks,
            suggest: generic ? [{ messageId: 'sendGenericMessage', fix: generic }] : [],
          });
        }
        for (const node of devOnlyMiddleware(analysis)) {
          const name = node.type === 'CallExpression' && node.callee.type === 'Identifier' ? node.callee.name : 'errorhandler';
          context.report({ node, messageId: 'devOnlyMiddleware', data: { name } });
        }
      },
    };
  },
});
