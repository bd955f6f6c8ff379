import { describePromptSecret, promptSecretFindings } from '../src/checks/prompt-secrets.js';
import { getFileAnalysis } from '../src/dataflow/file-analysis.js';
import { createRule } from '../src/create-rule.js';

type MessageIds = 'secretInPrompt';

export default createRule<[], MessageIds>({
  name: 'no-secrets-in-prompt',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow API keys, tokens, passwords and connection strings in the prompts given to an LLM',
      recommended: 'recommended',
      category: 'prompt-leakage',
      cwe: ['CWE-200'],
      owasp: ['LLM07'],
      requiresTypeChecking: false,
    },
    messages: {
      secretInPrompt:
        '{{secret}} (line {{line}}){{via}} is written into the {{slot}} of {{api}}; whoever extracts the prompt can read it. Keep secrets out of prompts.',
    },
    schema: [],
  },
  create(context) {
    return {
      Program() {
        const analysis = getFileAnalysis(context);
        for (const finding of promptSecretFindings(analysis)) {
          context.report({ node: finding.slot.report, messageId: 'secretInPrompt', data: describePromptSecret(finding) });
        }
      },
    };
  },
});
