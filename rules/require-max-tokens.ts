import { describeCall, describeOrigin } from '../src/dataflow/describe.js';
import { getFileAnalysis } from '../src/dataflow/file-analysis.js';
import { inlineOptionsOf, limitOption, unboundedCalls } from '../src/checks/limits.js';
import { createRule } from '../src/create-rule.js';
import { addLimitFix } from '../src/fixes/add-limit.js';

type MessageIds = 'noLimit' | 'addLimit';

export default createRule<[], MessageIds>({
  name: 'require-max-tokens',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require an output limit on LLM calls that run on request data',
      recommended: 'recommended',
      category: 'unbounded-llm-call',
      cwe: ['CWE-770'],
      owasp: ['LLM10'],
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      noLimit:
        "{{api}} runs on request data '{{source}}' (line {{line}}) with no output limit; set {{option}} so that one request cannot run up the bill.",
      addLimit: 'Add {{option}}: 1024.',
    },
    schema: [],
  },
  create(context) {
    return {
      Program() {
        const analysis = getFileAnalysis(context);
        for (const finding of unboundedCalls(analysis)) {
          const { source, line } = describeOrigin(finding.origin);
          const path = finding.limit?.suggest ?? null;
          const option = finding.option ?? limitOption(finding.limit);
          // A helper's limit belongs in the helper: its call is not rewritten.
          const options = finding.option === undefined ? inlineOptionsOf(finding.call, finding.limit) : null;
          const fix = path && options ? addLimitFix(options, path, context.sourceCode) : null;
          context.report({
            node: finding.report,
            messageId: 'noLimit',
            data: { api: finding.api ?? describeCall(finding.call), source, line, option },
            suggest: fix ? [{ messageId: 'addLimit', data: { option }, fix }] : [],
          });
        }
      },
    };
  },
});
