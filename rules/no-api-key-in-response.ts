import { describeOrigin } from '../src/dataflow/describe.js';
import { getFileAnalysis } from '../src/dataflow/file-analysis.js';
import { keyExposures, keyValues } from '../src/checks/key-exposure.js';
import { createRule } from '../src/create-rule.js';
import { dropFields } from '../src/fixes/drop-field.js';

type MessageIds = 'keyInResponse' | 'dropField';

export default createRule<[], MessageIds>({
  name: 'no-api-key-in-response',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sending API keys and credentials back to the client',
      recommended: 'recommended',
      category: 'insecure-key-handling',
      cwe: ['CWE-200'],
      owasp: ['LLM02'],
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      keyInResponse: "The key '{{source}}' (line {{line}}) is sent to the client through {{sink}}{{via}}; whoever sees the response can use it.",
      dropField: 'Remove the fields that carry the key from the response.',
    },
    schema: [],
  },
  create(context) {
    return {
      Program() {
        const analysis = getFileAnalysis(context);
        for (const exposure of keyExposures(analysis)) {
          const { source, line, via } = describeOrigin(exposure.origin);
          const drop =
            exposure.carriers.length === 1 && !exposure.sink.helper
              ? dropFields(analysis.sourceCode, exposure.carriers[0], (value) => keyValues(analysis.engine.taintOf(value)).length > 0)
              : null;
          context.report({
            node: exposure.sink.node,
            messageId: 'keyInResponse',
            data: { source, line, via, sink: exposure.sink.api },
            suggest: drop ? [{ messageId: 'dropField', fix: drop }] : [],
          });
        }
      },
    };
  },
});
