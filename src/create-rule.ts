import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';
import { flowRecorder, type RecordedFlow } from './flow-record.js';
import { headLoc } from './syntax/ast.js';

/** The measurement categories of DESIGN.md's rule catalogue. */
export type RuleCategory =
  | 'prompt-injection'
  | 'raw-llm-output'
  | 'sensitive-logging'
  | 'error-exposure'
  | 'hardcoded-secret'
  | 'insecure-key-handling'
  | 'unauthenticated-llm-route'
  | 'unbounded-llm-call'
  | 'llm-output-to-dangerous-sink'
  | 'prompt-leakage';

export interface LlmSecurityDocs {
  readonly description: string;
  /** The smallest config that turns the rule on: 'recommended' (also in strict and all) or 'strict' (also in all). */
  readonly recommended?: 'recommended' | 'strict';
  readonly category: RuleCategory;
  /** The weaknesses it reports, as CWE ids (`'CWE-209'`), for code scanning's tags. */
  readonly cwe: readonly string[];
  /** The OWASP Top 10 for LLM Applications (2025) entries it covers (`'LLM02'`). */
  readonly owasp?: readonly string[];
  /** Whether the rule needs type information. Every rule here works on syntax alone. */
  readonly requiresTypeChecking: boolean;
  /** Options the `strict` and `all` configs set (e.g. `{ requireSanitizer: true }`). */
  readonly strictOptions?: readonly unknown[];
}

export const REPOSITORY_URL = 'https://github.com/eslint-plugin-llm-security/eslint-plugin-llm-security';

const namedRule = ESLintUtils.RuleCreator<LlmSecurityDocs>((name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`);

/**
 * typescript-eslint's rule creator without its per-file option defaulting: ESLint (9.15 and
 * later, the supported range) already merges `meta.defaultOptions` into `context.options`, and
 * the creator's deep clone of the defaults for every file and rule shows in the benchmark. Should
 * a runner not merge them (fewer options than defaults), they are merged here.
 */
export const createRule: typeof namedRule = (rule) => {
  const created = namedRule(rule);
  const defaults = rule.meta.defaultOptions ?? rule.defaultOptions ?? [];
  type Options = Parameters<typeof rule.create>[1];
  return {
    ...created,
    create(context) {
      const options = context.options.length >= defaults.length ? context.options : ESLintUtils.applyDefault(defaults, context.options);
      return rule.create(reportingAtHeads(context, rule.name), options as Options);
    },
  };
};

/**
 * Every report on a node is drawn where DESIGN.md says ("Where each rule reports"): the node
 * when it fits on one line, otherwise its head (`res.status(500).json` of a multi-line call), never
 * a whole multi-line call. One place for every rule; a report that gives its own `loc` keeps it.
 */
function reportingAtHeads<C extends Readonly<TSESLint.RuleContext<string, readonly unknown[]>>>(context: C, name: string): C {
  // One report per flow and place: a flow that reaches the same report by two paths (a helper that logs its parameter
  // with console.log and console.error, reported at its call) is reported once, by the first path.
  const reported = new Set<string>();
  const report = (descriptor: TSESLint.ReportDescriptor<string>) => {
    const placed = 'node' in descriptor && descriptor.node && !descriptor.loc ? { ...descriptor, loc: headLoc(descriptor.node as Parameters<typeof headLoc>[0]) } : descriptor;
    const key = flowKey(placed);
    if (key !== null) {
      if (reported.has(key)) return;
      reported.add(key);
    }
    context.report(placed);
    const record = flowRecorder();
    if (record && placed.loc && (placed.data as Record<string, unknown> | undefined)?.line !== undefined) record(recordedFlow(context.filename, `llm-security/${name}`, placed));
  };
  return Object.create(context, { report: { value: report } }) as C;
}

/** Message data that names the sink a flow reached or the path it took there, not the flow. */
const PATH_DATA = new Set(['logger', 'sink', 'via']);

/**
 * A report's flow where it is drawn: the place, the message and its data but for the sink and the
 * path (two LLM calls at one place stay two reports: their `api` differs); null for a report that
 * names no source line.
 */
function flowKey(descriptor: TSESLint.ReportDescriptor<string>): string | null {
  const data = descriptor.data as Record<string, unknown> | undefined;
  const loc = descriptor.loc;
  if (!data || data.line === undefined || !loc) return null;
  const at = 'start' in loc ? `${loc.start.line}:${loc.start.column}` : `${loc.line}:${loc.column}`;
  const flow = Object.keys(data)
    .filter((key) => !PATH_DATA.has(key))
    .sort()
    .map((key) => `${key}=${String(data[key])}`);
  return `${at}|${descriptor.messageId}|${flow.join('|')}`;
}

/** What a report says of its flow, for `scan`'s code flows. */
/** The prompt slot a flow fills, as its sink (`the system prompt of ai generateText`), when the message names one. */
function slotOf(data: Record<string, unknown>): string | null {
  return typeof data.slot === 'string' && typeof data.api === 'string' && typeof data.source === 'string' ? `the ${data.slot} of ${data.api}` : null;
}

function recordedFlow(file: string, rule: string, descriptor: TSESLint.ReportDescriptor<string>): RecordedFlow {
  const data = (descriptor.data ?? {}) as Record<string, unknown>;
  const loc = descriptor.loc!;
  const start = 'start' in loc ? loc.start : loc;
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : null);
  return {
    file,
    line: start.line,
    column: start.column + 1,
    rule,
    source: text('source') ?? text('call') ?? text('api') ?? '',
    sourceLine: data.line === undefined ? '' : String(data.line),
    via: text('via') ?? '',
    sink: text('sink') ?? text('logger') ?? slotOf(data),
  };
}
