import { describeOrigin } from '../src/dataflow/describe.js';
import { getFileAnalysis } from '../src/dataflow/file-analysis.js';
import { logFindings, type Replacement } from '../src/checks/logging.js';
import { createRule } from '../src/create-rule.js';
import { preferredQuote } from '../src/fixes/text.js';

type MessageIds = 'sensitiveLog' | 'logSafeFields';

function standIn(replacement: Replacement, text: string, quote: string): string {
  if (replacement === 'request-summary') return `{ method: ${text}.method, url: ${text}.url }`;
  if (replacement === 'keys') return `Object.keys(${text})`;
  return `${quote}[redacted]${quote}`;
}

export default createRule<[], MessageIds>({
  name: 'no-sensitive-logging',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow logging request bodies, credentials, prompts, LLM output and secrets',
      recommended: 'recommended',
      category: 'sensitive-logging',
      cwe: ['CWE-532'],
      owasp: ['LLM02'],
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      sensitiveLog: "{{logger}} writes {{what}} '{{source}}' (line {{line}}){{via}} to the log; log safe fields (method, path, ids, lengths) instead.",
      logSafeFields: 'Log {{replacement}} instead.',
    },
    schema: [],
  },
  create(context) {
    return {
      Program() {
        const analysis = getFileAnalysis(context);
        const quote = preferredQuote(context.sourceCode);
        for (const finding of logFindings(analysis)) {
          const { source, line, via } = describeOrigin(finding.origin, finding.call.through?.hops);
          const replacement = finding.replacement && standIn(finding.replacement, context.sourceCode.getText(finding.argument), quote);
          context.report({
            node: finding.call.node,
            messageId: 'sensitiveLog',
            data: { what: finding.what, source, line, via, logger: finding.call.logger },
            suggest: replacement
              ? [{ messageId: 'logSafeFields', data: { replacement }, fix: (fixer) => fixer.replaceText(finding.argument, replacement) }]
              : [],
          });
        }
      },
    };
  },
});
