import { dangerFindings } from '../src/checks/dangerous-sinks.js';
import { describeOrigin } from '../src/dataflow/describe.js';
import { getFileAnalysis } from '../src/dataflow/file-analysis.js';
import { createRule } from '../src/create-rule.js';
import type { DangerKind } from '../src/models/sinks/dangerous.js';

type MessageIds = 'outputInSink';

/** What the sink does with the text, for the message. */
const EFFECT: Record<DangerKind, string> = {
  code: 'runs it as code',
  'shell command': 'runs it in a shell',
  HTML: 'renders it as HTML (script injection)',
  SQL: 'runs it as SQL',
  redirect: 'sends the user to it (open redirect)',
  'file path': 'uses it as a file path (path traversal)',
  'module path': 'loads it as a module',
};

export default createRule<[], MessageIds>({
  name: 'no-llm-output-in-dangerous-sink',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow LLM output in code execution, shell commands, HTML, SQL, redirects and file paths',
      recommended: 'recommended',
      category: 'llm-output-to-dangerous-sink',
      cwe: ['CWE-94', 'CWE-89', 'CWE-78', 'CWE-79', 'CWE-22', 'CWE-601'],
      owasp: ['LLM05'],
      requiresTypeChecking: false,
    },
    messages: {
      outputInSink:
        "Output of {{call}} (line {{line}}){{via}} reaches {{api}}, which {{effect}}; whoever steers the model controls it. Validate it against an allowlist, escape it, or bind it as a parameter.",
    },
    schema: [],
  },
  create(context) {
    return {
      Program() {
        for (const { sink, origin, carrier } of dangerFindings(getFileAnalysis(context))) {
          const { line, via } = describeOrigin(origin);
          context.report({
            node: sink.kind === 'HTML' && sink.api === 'dangerouslySetInnerHTML' ? sink.node : carrier,
            messageId: 'outputInSink',
            data: { call: origin.call, line, via, api: sink.api, effect: EFFECT[sink.kind] },
          });
        }
      },
    };
  },
});
