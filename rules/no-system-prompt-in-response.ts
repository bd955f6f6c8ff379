import { describeOrigin } from '../src/dataflow/describe.js';
import { getFileAnalysis } from '../src/dataflow/file-analysis.js';
import { promptValues } from '../src/dataflow/origin.js';
import { promptExposures } from '../src/checks/prompt-exposure.js';
import { createRule } from '../src/create-rule.js';
import { dropFields } from '../src/fixes/drop-field.js';

type MessageIds = 'promptInResponse' | 'dropField';

export default createRule<[], MessageIds>({
  name: 'no-system-prompt-in-response',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sending the system prompt or the messages given to an LLM call back to the client',
      recommended: 'recommended',
      category: 'raw-llm-output',
      cwe: ['CWE-200'],
      owasp: ['LLM07'],
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      promptInResponse:
        "The {{what}} '{{source}}' (line {{line}}) of {{api}} is sent to the client through {{sink}}{{via}}; keep it on the server.",
      dropField: 'Remove the fields that carry the {{what}} from the response.',
    },
    schema: [],
  },
  create(context) {
    return {
      Program() {
        const analysis = getFileAnalysis(context);
        for (const exposure of promptExposures(analysis)) {
          const { origin, sink } = exposure;
          const { source, line, via } = describeOrigin(origin);
          const drop =
            exposure.carriers.length === 1 && !exposure.sink.helper
              ? dropFields(analysis.sourceCode, exposure.carriers[0], (value) => promptValues(analysis.engine.taintOf(value)).length > 0)
              : null;
          context.report({
            node: sink.node,
            messageId: 'promptInResponse',
            data: { what: origin.what, source, line, via, api: origin.call, sink: sink.api },
            suggest: drop ? [{ messageId: 'dropField', data: { what: origin.what }, fix: drop }] : [],
          });
        }
      },
    };
  },
});
