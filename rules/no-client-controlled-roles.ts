import { clientRoleFindings, describeRoleFinding, rolesFromClient } from '../src/checks/roles.js';
import { getFileAnalysis } from '../src/dataflow/file-analysis.js';
import { createRule } from '../src/create-rule.js';
import { roleFilterFix } from '../src/fixes/role-filter.js';

type MessageIds = 'clientControlledRoles' | 'keepUserRoles';

export default createRule<[], MessageIds>({
  name: 'no-client-controlled-roles',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow message lists whose roles the client chooses, so that it cannot write its own system message',
      recommended: 'recommended',
      category: 'prompt-injection',
      cwe: ['CWE-1427'],
      owasp: ['LLM01'],
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      clientControlledRoles:
        "The roles of the messages given to {{api}} come from the request: '{{source}}' (line {{line}}){{via}}. A client can send its own system message; keep only user and assistant messages.",
      keepUserRoles: 'Keep only user and assistant messages from the request.',
    },
    schema: [],
  },
  create(context) {
    return {
      Program() {
        const analysis = getFileAnalysis(context);
        for (const finding of clientRoleFindings(analysis)) {
          const fix = roleFilterFix(analysis.sourceCode, analysis.index, finding, (list) => rolesFromClient(analysis, list));
          context.report({
            node: finding.slot.report,
            messageId: 'clientControlledRoles',
            data: describeRoleFinding(finding),
            suggest: fix ? [{ messageId: 'keepUserRoles', fix }] : [],
          });
        }
      },
    };
  },
});
