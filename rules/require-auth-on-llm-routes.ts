import { authFindings } from '../src/checks/auth.js';
import { describeCall } from '../src/dataflow/describe.js';
import { getFileAnalysis } from '../src/dataflow/file-analysis.js';
import { createRule } from '../src/create-rule.js';

type MessageIds = 'unauthenticated';

export default createRule<[], MessageIds>({
  name: 'require-auth-on-llm-routes',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require an auth step on routes that reach an LLM call, where the app authenticates other routes',
      recommended: 'recommended',
      category: 'unauthenticated-llm-route',
      cwe: ['CWE-306'],
      owasp: ['LLM10'],
      requiresTypeChecking: false,
    },
    messages: {
      unauthenticated:
        "{{method}} '{{path}}' reaches {{api}} ({{where}}) with no auth step, while {{evidence}}; anyone who finds the route can spend your LLM quota. Add the auth middleware to the route, or check the caller before the call.",
    },
    schema: [],
  },
  create(context) {
    return {
      Program() {
        for (const { route, llmCall, where, evidence } of authFindings(getFileAnalysis(context))) {
          const callee = route.call.callee;
          context.report({
            node: callee.type === 'MemberExpression' ? callee.property : route.call,
            messageId: 'unauthenticated',
            data: {
              method: route.method.toUpperCase(),
              path: route.path ?? '',
              api: describeCall(llmCall),
              where,
              evidence,
            },
          });
        }
      },
    };
  },
});
