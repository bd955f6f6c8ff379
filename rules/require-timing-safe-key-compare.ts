import { shorten } from '../src/dataflow/describe.js';
import { getFileAnalysis } from '../src/dataflow/file-analysis.js';
import { keyCompares } from '../src/checks/key-compares.js';
import { createRule } from '../src/create-rule.js';
import { timingSafeFix } from '../src/fixes/timing-safe.js';

type MessageIds = 'timingUnsafe' | 'useTimingSafeEqual';

const MAX_SHOWN = 40;

export default createRule<[], MessageIds>({
  name: 'require-timing-safe-key-compare',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require constant-time comparison of API keys, tokens and secrets',
      recommended: 'recommended',
      category: 'insecure-key-handling',
      cwe: ['CWE-208'],
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      timingUnsafe:
        "'{{secret}}' is compared with {{operator}}, which stops at the first differing character; the time it takes tells an attacker how much of a guess was right. Compare with crypto.timingSafeEqual.",
      useTimingSafeEqual: 'Compare with crypto.timingSafeEqual on equal-length buffers.',
    },
    schema: [],
  },
  create(context) {
    return {
      Program() {
        for (const compare of keyCompares(getFileAnalysis(context))) {
          // The message names the expression that holds the secret (a name, never a value).
          const secret = shorten(context.sourceCode.getText(compare.secret), MAX_SHOWN);
          const fix = timingSafeFix(compare.node, context.sourceCode);
          context.report({
            node: compare.node,
            messageId: 'timingUnsafe',
            data: { secret, operator: compare.node.operator },
            suggest: fix ? [{ messageId: 'useTimingSafeEqual', fix }] : [],
          });
        }
      },
    };
  },
});
