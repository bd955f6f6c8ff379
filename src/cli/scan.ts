import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import plugin from '../index.js';
import { fingerprint } from './fingerprint.js';
import { ruleHelp } from './rule-help.js';
import { recordFlows, type RecordedFlow } from '../flow-record.js';
import scanConfig from './scan-config.js';
import { sourceFiles } from './source-files.js';
import { INVENTORY_RULE } from './inventory-rule.js';
import { mergeInventory, type Inventory } from './inventory.js';
import type { FileSurface } from '../checks/inventory.js';

/**
 * The zero-config audit: lints a directory with the plugin's `strict` config and its own parser
 * setup, whatever ESLint config the project has, and sums the findings up by category.
 */
export type Severity = 'high' | 'medium' | 'low';

/** How much each category of the catalogue matters in an audit. */
export const CATEGORY_SEVERITY: Readonly<Record<string, Severity>> = {
  'prompt-injection': 'high',
  'hardcoded-secret': 'high',
  'insecure-key-handling': 'high',
  'llm-output-to-dangerous-sink': 'high',
  'prompt-leakage': 'high',
  'raw-llm-output': 'medium',
  'error-exposure': 'medium',
  'unauthenticated-llm-route': 'medium',
  'sensitive-logging': 'low',
  'unbounded-llm-call': 'low',
};

/** A place on a finding's path: a file and line when known, and what is there. */
export interface FlowStep {
  readonly text: string;
  readonly file?: string;
  readonly line?: number;
}

export interface Finding {
  /** The path from the source to the sink, when the scan ran in one thread: source, the names on the way, sink. */
  readonly flow?: readonly FlowStep[];
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly rule: string;
  readonly category: string;
  readonly severity: Severity;
  readonly message: string;
}

export interface ScanReport {
  readonly dir: string;
  readonly files: number;
  readonly findings: readonly Finding[];
  /** Files the parser could not read, with its message. */
  readonly parseErrors: readonly { file: string; line: number; message: string }[];
  readonly counts: Readonly<Record<Severity, number>>;
  readonly grade: 'A' | 'B' | 'C' | 'D' | 'F';
  /** Test files left out (`*.test.*`, `*.spec.*`, `__tests__/`, …); 0 with `includeTests`. */
  readonly skippedTests: number;
  /** Findings left out because a baseline holds them (`--baseline`). */
  readonly baselined?: number;
  /** The findings the baseline holds (`--baseline`), kept for SARIF so that code scanning does not close their alerts. */
  readonly known?: readonly Finding[];
  /** The project's AI surface: routes and the LLM calls they reach, LLM calls, tools, loggers and secret env variables. */
  readonly inventory: Inventory;
}

export interface ScanOptions {
  /** Scan test files and folders too (a mock server in a test is no production leak, so they are left out by default). */
  readonly includeTests?: boolean;
  /** ESLint's `concurrency` (9.34 and later): worker threads for large repositories. Left to ESLint when unset. */
  readonly concurrency?: number | 'auto' | 'off';
}

/** Folders of tests and their mocks, and test file names: code that never serves real users. */
const TEST_DIRS = new Set(['__tests__', '__mocks__', 'test', 'tests', 'e2e']);
const TEST_FILE = /\.(?:test|spec|e2e)\.[cm]?[jt]sx?$/u;

/** Whether a path (relative to the scanned folder) is a test file or lies in a test folder. */
export function isTestPath(relative: string): boolean {
  const parts = relative.split(/[\\/]/u);
  return TEST_FILE.test(parts.at(-1) ?? '') || parts.slice(0, -1).some((part) => TEST_DIRS.has(part));
}

/**
 * A recorded flow as places: the source (its line, in this file or the one the message names),
 * each name it went through (`helper() at src/a.ts:12` with its place), and the sink.
 */
function flowSteps(flow: RecordedFlow, file: string, root: string): FlowStep[] {
  const steps: FlowStep[] = [];
  const source = /^(\d+)(?: of (.+))?$/u.exec(flow.sourceLine);
  if (source) steps.push({ text: flow.source, file: source[2] ? path.relative(root, path.resolve(root, source[2])).split(path.sep).join('/') : file, line: Number(source[1]) });
  for (const name of flow.via.replace(/^ via /u, '').split(' -> ').filter((step) => step !== '')) {
    const at = /^(.*) (?:at|in) (.+?):(\d+)$/u.exec(name);
    steps.push(at ? { text: at[1], file: at[2], line: Number(at[3]) } : { text: name });
  }
  steps.push({ text: flow.sink ?? 'reported here', file, line: flow.line });
  return steps;
}

/** A = no findings; B = only low; C = medium, no high; D = up to 3 high; F = more. */
export function grade(counts: Record<Severity, number>): ScanReport['grade'] {
  if (counts.high > 3) return 'F';
  if (counts.high > 0) return 'D';
  if (counts.medium > 0) return 'C';
  if (counts.low > 0) return 'B';
  return 'A';
}

const BATCH = 200;

export async function scan(dir: string, progress?: (done: number, total: number) => void, options: ScanOptions = {}): Promise<ScanReport> {
  const root = path.resolve(dir);
  const threads = options.concurrency !== undefined && options.concurrency !== 'off';
  const eslint = new ESLint({
    cwd: root,
    // Worker threads (`concurrency`) load the config by path; in one thread the object serves.
    ...(threads ? { overrideConfigFile: fileURLToPath(new URL('./scan-config.js', import.meta.url)), concurrency: options.concurrency } : { overrideConfigFile: true, overrideConfig: scanConfig }),
    // The project's `// eslint-disable` comments name its own plugins: ignore them, not the findings.
    allowInlineConfig: false,
    errorOnUnmatchedPattern: false,
    warnIgnored: false,
  } as ESLint.Options);
  const all = sourceFiles(root);
  const files = options.includeTests ? all : all.filter((file) => !isTestPath(path.relative(root, file)));
  const findings: Finding[] = [];
  const parseErrors: { file: string; line: number; message: string }[] = [];
  const surfaces: FileSurface[] = [];
  // The flows behind the reports, recorded as the rules report them (in this thread only).
  const flows = new Map<string, RecordedFlow[]>();
  let linted = 0;
  for (let at = 0; at < files.length; at += BATCH) {
    if (!threads) {
      recordFlows((flow) => {
        const key = `${flow.file}:${flow.line}:${flow.column}:${flow.rule}`;
        flows.set(key, [...(flows.get(key) ?? []), flow]);
      });
    }
    let results: ESLint.LintResult[];
    try {
      results = await eslint.lintFiles(files.slice(at, at + BATCH));
    } finally {
      recordFlows(null);
    }
    for (const result of results) {
      linted++;
      const file = path.relative(root, result.filePath).split(path.sep).join('/');
      for (const message of result.messages) {
        // The inventory rule's reports are facts about the module, not findings.
        if (message.ruleId === INVENTORY_RULE) {
          surfaces.push(JSON.parse(message.message) as FileSurface);
          continue;
        }
        if (message.fatal || message.ruleId === null) {
          parseErrors.push({ file, line: message.line, message: message.message });
          continue;
        }
        if (!message.ruleId.startsWith('llm-security/')) continue;
        const name = message.ruleId.slice('llm-security/'.length) as keyof typeof plugin.rules;
        const category = (plugin.rules[name]?.meta.docs as { category?: string } | undefined)?.category ?? 'other';
        // Two reports at one place (two LLM calls) are told apart by the source their message names.
        const atPlace = flows.get(`${result.filePath}:${message.line}:${message.column}:${message.ruleId}`) ?? [];
        const recorded = atPlace.length === 1 ? atPlace[0] : atPlace.find((flow) => message.message.includes(flow.source) && message.message.includes(flow.via.trim()));
        findings.push({
          ...(recorded ? { flow: flowSteps(recorded, file, root) } : {}),
          file,
          line: message.line,
          column: message.column,
          endLine: message.endLine,
          endColumn: message.endColumn,
          rule: message.ruleId,
          category,
          severity: CATEGORY_SEVERITY[category] ?? 'low',
          message: message.message,
        });
      }
    }
    progress?.(Math.min(at + BATCH, files.length), files.length);
  }
  const counts = { high: 0, medium: 0, low: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return { dir: root, files: linted, findings, parseErrors, counts, grade: grade(counts), skippedTests: all.length - files.length, inventory: mergeInventory(surfaces) };
}

/** Findings grouped by category, most severe first, with counts and the grade. */
export function formatText(report: ScanReport): string {
  const order: Severity[] = ['high', 'medium', 'low'];
  const categories = [...new Set(report.findings.map((f) => f.category))].sort(
    (a, b) => order.indexOf(CATEGORY_SEVERITY[a] ?? 'low') - order.indexOf(CATEGORY_SEVERITY[b] ?? 'low') || a.localeCompare(b),
  );
  const lines: string[] = [];
  for (const category of categories) {
    const inCategory = report.findings.filter((f) => f.category === category);
    lines.push(`${category} (${CATEGORY_SEVERITY[category] ?? 'low'}): ${inCategory.length}`);
    for (const f of inCategory) lines.push(`  ${f.file}:${f.line}:${f.column}  ${f.rule.replace('llm-security/', '')}  ${f.message}`);
    lines.push('');
  }
  for (const error of report.parseErrors) lines.push(`could not parse ${error.file}:${error.line}: ${error.message}`);
  const skipped = report.skippedTests > 0 ? ` (${report.skippedTests} test files left out; --include-tests scans them)` : '';
  // With a baseline, the findings shown are the new ones.
  const found = report.baselined === undefined ? `${report.findings.length} findings` : `${report.findings.length} new findings, ${report.baselined} in the baseline`;
  lines.push(
    `${report.files} files scanned${skipped}: ${found} (${report.counts.high} high, ${report.counts.medium} medium, ${report.counts.low} low). Grade ${report.grade}.`,
  );
  return `${lines.join('\n')}\n`;
}

export function formatJson(report: ScanReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

const SARIF_LEVEL: Readonly<Record<Severity, string>> = { high: 'error', medium: 'warning', low: 'note' };
/** Code scanning's scale: 7.0 and above is high, 4.0 to 6.9 medium, below 4.0 low. */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = { high: '8.0', medium: '5.5', low: '3.0' };

/** One place of a code flow: its file and line when known, and what is there as the message. */
function threadFlowLocation(step: FlowStep, dir: string): object {
  const physical = step.file !== undefined && step.line !== undefined ? { physicalLocation: { artifactLocation: { uri: pathToFileURL(path.join(dir, step.file)).href }, region: { startLine: step.line } } } : {};
  return { location: { ...physical, message: { text: step.text } } };
}

/** SARIF 2.1.0, as code scanning reads it: one run, the rules with their docs, one result per finding. */
export function formatSarif(report: ScanReport): string {
  const ruleIds = [...new Set([...report.findings, ...(report.known ?? [])].map((f) => f.rule))].sort();
  const rules = ruleIds.map((id) => {
    const name = id.replace('llm-security/', '');
    const meta = plugin.rules[name as keyof typeof plugin.rules].meta;
    const docs = meta.docs as { description: string; url?: string; category: string; cwe: readonly string[]; owasp?: readonly string[] };
    const markdown = ruleHelp(name);
    return {
      id,
      helpUri: docs.url,
      shortDescription: { text: docs.description },
      ...(markdown ? { help: { text: `${docs.description}. See ${docs.url}`, markdown } } : {}),
      properties: {
        category: docs.category,
        // Code scanning ranks alerts by this score and filters them by these tags.
        'security-severity': SECURITY_SEVERITY[CATEGORY_SEVERITY[docs.category] ?? 'low'],
        tags: ['security', ...docs.cwe.map((cwe) => `external/cwe/${cwe.toLowerCase()}`), ...(docs.owasp ?? []).map((entry) => `external/owasp-llm/${entry.toLowerCase()}`)],
      },
    };
  });
  // With a baseline, the known findings stay in the log as unchanged, so that uploading it closes no alert.
  const states = new Map<Finding, string>(report.baselined === undefined ? [] : [...report.findings.map((f) => [f, 'new'] as const), ...(report.known ?? []).map((f) => [f, 'unchanged'] as const)]);
  const results = [...report.findings, ...(report.known ?? [])].map((f) => ({
    ruleId: f.rule,
    ruleIndex: ruleIds.indexOf(f.rule),
    level: SARIF_LEVEL[f.severity],
    message: { text: f.message },
    // The same fingerprint as `--baseline`: rule, file and flow, no lines, so code scanning follows a moved finding.
    partialFingerprints: { 'llmSecurityFlow/v1': fingerprint(f) },
    ...(states.has(f) ? { baselineState: states.get(f) } : {}),
    ...(f.flow ? { codeFlows: [{ threadFlows: [{ locations: f.flow.map((step) => threadFlowLocation(step, report.dir)) }] }] } : {}),
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: pathToFileURL(path.join(report.dir, f.file)).href },
          region: { startLine: f.line, startColumn: f.column, ...(f.endLine ? { endLine: f.endLine, endColumn: f.endColumn } : {}) },
        },
      },
    ],
  }));
  const sarif = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [{ tool: { driver: { name: plugin.meta.name, version: plugin.meta.version, informationUri: 'https://github.com/eslint-plugin-llm-security/eslint-plugin-llm-security', rules } }, results }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
