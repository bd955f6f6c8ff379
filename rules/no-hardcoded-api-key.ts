import { keyFindings } from '../src/checks/keys.js';
import { getFileAnalysis } from '../src/dataflow/file-analysis.js';
import { createRule } from '../src/create-rule.js';
import { shorten } from '../src/dataflow/describe.js';
import { maskKey } from '../src/models/key-patterns.js';

/** Longest expression shown in a message. */
const MAX_SHOWN = 40;

type MessageIds = 'providerKey' | 'literalKey' | 'literalFallback' | 'comparedLiteral' | 'allowlistKey' | 'browserClient' | 'publicEnv';

export default createRule<[], MessageIds>({
  name: 'no-hardcoded-api-key',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow API keys written in source code or shipped to the browser',
      recommended: 'recommended',
      category: 'hardcoded-secret',
      cwe: ['CWE-798'],
      owasp: ['LLM02'],
      requiresTypeChecking: false,
    },
    fixable: 'code',
    messages: {
      providerKey: "A key in {{provider}}'s format ('{{masked}}') is written in the source; anyone with the code can use it. Read it from process.env.{{env}}.",
      literalKey: "A literal key ('{{masked}}'; {{why}}) is {{where}}; read it from process.env.{{env}} and keep the value out of the code.",
      literalFallback:
        "A literal ('{{masked}}'; {{why}}) is the fallback of process.env.{{name}}; wherever the variable is missing, anyone who has read the code holds the secret. Drop the fallback and fail at startup instead.",
      comparedLiteral:
        "'{{guess}}' is checked against a literal ('{{masked}}'); anyone who has read the code can pass the check. Compare with a secret read from the environment or a key store.",
      allowlistKey:
        "The allowlist {{list}}, which '{{guess}}' is looked up in, holds a literal key ('{{masked}}'); anyone who has read the code can pass. Load the allowed keys, or their hashes, from the environment or a key store.",
      browserClient: 'dangerouslyAllowBrowser: true sends the API key to every visitor; call the provider from your server instead.',
      publicEnv: '{{name}} is inlined into the browser bundle by its prefix; an API key there is public. Read it on the server under a name without the prefix.',
    },
    schema: [],
  },
  create(context) {
    return {
      Program() {
        for (const finding of keyFindings(getFileAnalysis(context))) {
          switch (finding.kind) {
            case 'provider-key':
              context.report({
                node: finding.node,
                messageId: 'providerKey',
                data: { provider: finding.format.provider, masked: maskKey(finding.value), env: finding.format.env },
                // Only a literal that is exactly the key, in expression position, is replaced; a key inside other text needs a person.
                fix: finding.replaceable ? (fixer) => fixer.replaceText(finding.node, `process.env.${finding.format.env}`) : null,
              });
              break;
            case 'literal-key':
              context.report({
                node: finding.node,
                messageId: 'literalKey',
                data: { masked: maskKey(finding.value), why: finding.why, where: finding.where, env: finding.env },
                // `'Bearer k'` becomes `` `Bearer ${process.env.X}` ``: the scheme stays, the key goes.
                fix: (fixer) =>
                  fixer.replaceText(finding.node, finding.scheme ? `\`${finding.scheme}\${process.env.${finding.env}}\`` : `process.env.${finding.env}`),
              });
              break;
            case 'fallback':
              context.report({ node: finding.node, messageId: 'literalFallback', data: { masked: maskKey(finding.value), why: finding.why, name: finding.name } });
              break;
            case 'compared-literal':
              // No fix: an unset variable would turn the check into `=== undefined` and let requests without a key through.
              context.report({ node: finding.node, messageId: 'comparedLiteral', data: { masked: maskKey(finding.value), guess: shorten(context.sourceCode.getText(finding.guess), MAX_SHOWN) } });
              break;
            case 'allowlist-key':
              context.report({
                node: finding.node,
                messageId: 'allowlistKey',
                data: { list: finding.list, guess: shorten(context.sourceCode.getText(finding.guess), MAX_SHOWN), masked: maskKey(finding.value) },
              });
              break;
            case 'browser-client':
              context.report({ node: finding.node, messageId: 'browserClient' });
              break;
            case 'public-env':
              context.report({ node: finding.node, messageId: 'publicEnv', data: { name: finding.name } });
              break;
          }
        }
      },
    };
  },
});
