import { getFileAnalysis } from '../src/dataflow/file-analysis.js';
import { describePromptFinding, mixedPromptFindings } from '../src/checks/prompt.js';
import { createRule } from '../src/create-rule.js';
import { promptFix } from '../src/fixes/prompt-fix.js';

type Options = [{ autofix?: boolean }];
type MessageIds = 'mixedPrompt' | 'separateRoles' | 'useChatCompletions';

export default createRule<Options, MessageIds>({
  name: 'require-role-separated-messages',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require fixed instructions and request data to travel in separate messages instead of one flat prompt',
      recommended: 'recommended',
      category: 'prompt-injection',
      cwe: ['CWE-1427'],
      owasp: ['LLM01'],
      requiresTypeChecking: false,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      mixedPrompt:
        "Request data '{{source}}' (line {{line}}) is mixed with fixed instructions in the {{slot}} of {{api}}{{via}}; put the instructions in a system message and the request data in a user message.",
      separateRoles: 'Move the fixed instructions into a system prompt and keep only the request data in the user prompt.',
      useChatCompletions:
        'Switch to chat.completions.create with a system and a user message (pick a chat model and read choices[0].message.content).',
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
        for (const finding of mixedPromptFindings(analysis)) {
          const rewrite = promptFix(analysis, finding);
          const asSuggestion = !autofix || !!rewrite?.suggestionOnly;
          context.report({
            node: finding.slot.report,
            messageId: 'mixedPrompt',
            data: describePromptFinding(finding),
            fix: rewrite && !asSuggestion ? rewrite.fix : null,
            suggest:
              rewrite && asSuggestion
                ? [{ messageId: rewrite.suggestionOnly ? 'useChatCompletions' : 'separateRoles', fix: rewrite.fix }]
                : [],
          });
        }
      },
    };
  },
});
