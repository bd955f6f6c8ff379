#!/usr/bin/env node
import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readBaseline, withoutBaselined, writeBaseline } from './baseline.js';
import { formatHtml } from './html-report.js';
import { formatJson, formatSarif, formatText, scan, type Severity } from './scan.js';

/**
 * `eslint-plugin-llm-security scan [dir] [--format text|json|sarif|html] [--output file] [--fail-on none|low|medium|high] [--include-tests] [--concurrency n|auto|off] [--baseline file]`
 * Exit codes: 0 done (no finding at or above --fail-on), 1 findings at or above it, 2 usage error.
 */
const USAGE = `Usage: eslint-plugin-llm-security scan [dir] [--format text|json|sarif|html] [--output file] [--fail-on none|low|medium|high] [--include-tests] [--concurrency n|auto|off] [--baseline file]

Lints dir (default: the current directory) with the plugin's strict config, whatever ESLint
config the project has, and prints the findings grouped by category with a summary grade.
--fail-on exits with 1 when a finding of that severity or higher is found (default: none).
Files the folder's .gitignore files ignore, dependencies and build output are left out. Test
files (*.test.*, *.spec.*, *.e2e.*) and folders (__tests__, __mocks__, test, tests, e2e) are
left out too; --include-tests scans them. --concurrency lints in worker threads (ESLint 9.34
and later): a number of threads, auto, or off.
--format html writes one self-contained page (the grade, the counts, every finding with its
path and the code of each step); --output writes any format to a file instead of stdout.
--baseline file: when the file does not exist, writes the current findings to it; when it
does, reports (and fails on) only findings it does not hold. Findings are matched by rule,
file and flow, not by line, so moving code does not make them new.
`;

const LEVELS: readonly (Severity | 'none')[] = ['none', 'low', 'medium', 'high'];

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}`);
  process.exit(2);
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const [command, ...rest] = argv;
  if (command !== 'scan') fail(command === undefined ? 'Missing command.' : `Unknown command '${command}'.`);
  let dir = '.';
  let format = 'text';
  let failOn: Severity | 'none' = 'none';
  let includeTests = false;
  let baselineFile: string | null = null;
  let output: string | null = null;
  let concurrency: number | 'auto' | 'off' | undefined;
  const threads = (text: string): number | 'auto' | 'off' => {
    if (text === 'auto' || text === 'off') return text;
    const count = Number(text);
    return Number.isInteger(count) && count > 0 ? count : fail(`--concurrency must be a positive whole number, auto or off (got '${text}').`);
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = () => rest[++i] ?? fail(`${arg} needs a value.`);
    if (arg === '--format') format = value();
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
    else if (arg === '--fail-on') failOn = value() as Severity;
    else if (arg.startsWith('--fail-on=')) failOn = arg.slice('--fail-on='.length) as Severity;
    else if (arg === '--include-tests') includeTests = true;
    else if (arg === '--output') output = value();
    else if (arg.startsWith('--output=')) output = arg.slice('--output='.length);
    else if (arg === '--baseline') baselineFile = value();
    else if (arg.startsWith('--baseline=')) baselineFile = arg.slice('--baseline='.length);
    else if (arg === '--concurrency') concurrency = threads(value());
    else if (arg.startsWith('--concurrency=')) concurrency = threads(arg.slice('--concurrency='.length));
    else if (arg.startsWith('-')) fail(`Unknown option '${arg}'.`);
    else dir = arg;
  }
  if (!['text', 'json', 'sarif', 'html'].includes(format)) fail(`--format must be text, json, sarif or html (got '${format}').`);
  if (!LEVELS.includes(failOn)) fail(`--fail-on must be none, low, medium or high (got '${failOn}').`);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) fail(`'${dir}' is not a directory.`);
  // Files to write go to folders that exist: found out before the scan, not after it.
  for (const [option, file] of [['--output', output], ['--baseline', baselineFile]] as const) {
    if (file !== null && !existsSync(path.dirname(path.resolve(file)))) fail(`${option}: the folder of '${file}' does not exist.`);
  }

  // A progress line on large trees, when someone is watching.
  const showProgress = process.stderr.isTTY && (format === 'text' || output !== null);
  const scanned = await scan(
    dir,
    (done, total) => {
      if (showProgress && total > 200) process.stderr.write(`\rscanned ${done}/${total} files`);
    },
    { includeTests, concurrency },
  );
  if (showProgress && scanned.files > 200) process.stderr.write('\n');
  let report = scanned;
  if (baselineFile !== null) {
    const baseline = readBaseline(baselineFile);
    if (baseline) report = withoutBaselined(scanned, baseline);
    else {
      // The first run records today's findings and reports none of them as new.
      writeBaseline(baselineFile, scanned.findings);
      report = withoutBaselined(scanned, readBaseline(baselineFile)!);
      process.stderr.write(`baseline written to ${baselineFile}: ${scanned.findings.length} findings\n`);
    }
  }
  const text = format === 'json' ? formatJson(report) : format === 'sarif' ? formatSarif(report) : format === 'html' ? formatHtml(report) : formatText(report);
  if (output === null) process.stdout.write(text);
  else writeFileSync(output, text);
  if (failOn === 'none') return 0;
  const at = LEVELS.indexOf(failOn);
  return report.findings.some((f) => LEVELS.indexOf(f.severity) >= at) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`eslint-plugin-llm-security: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
