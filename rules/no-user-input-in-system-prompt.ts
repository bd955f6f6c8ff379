import { getFileAnalysis } from '../src/dataflow/file-analysis.js';
import { describePromptFinding, systemSlotFindings } from '../src/checks/prompt.js';
import { createRule } from '../src/create-rule.js';
import { promptFix } from '../src/fixes/prompt-fix.js';

type Options = [{ autofix?: boolean }];
type MessageIds = 'userInputInSystemPrompt' | 'separateRoles';

export default createRule<Options, MessageIds>({
  name: 'no-user-input-in-system-prompt',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow request data in system prompts, developer messages and other system-side instructions',
      recommended: 'recommended',
      category: 'prompt-injection',
      cwe: ['CWE-1427'],
      owasp: ['LLM01', 'LLM07'],
      requiresTypeChecking: false,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      userInputInSystemPrompt:
        "Request data '{{source}}' (line {{line}}) reaches the {{slot}} of {{api}}{{via}}; send it as a separate user message.",
      separateRoles: 'Keep the constant text in the {{slot}} and move the request data into its own user message.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          autofix: {
            type: 'boolean',
            description: 'Apply the role-separation rewrite with `--fix` (true) or offer it only as a suggestion (false).',
          },
        },
      },
    ],
    defaultOptions: [{ autofix: true }],
  },
  create(context, [{ autofix = true }]) {
    return {
      Program() {
        const analysis = getFileAnalysis(context);
        for (const finding of systemSlotFindings(analysis)) {
          const rewrite = promptFix(analysis, finding);
          const asSuggestion = !autofix || !!rewrite?.suggestionOnly;
          const data = describePromptFinding(finding);
          const slot = data.slot;
          context.report({
            node: finding.slot.report,
            messageId: 'userInputInSystemPrompt',
            data,
            fix: rewrite && !asSuggestion ? rewrite.fix : null,
            suggest: rewrite && asSuggestion ? [{ messageId: 'separateRoles', data: { slot }, fix: rewrite.fix }] : [],
          });
        }
      },
    };
  },
});
