import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fingerprint } from './fingerprint.js';
import { grade, type Finding, type ScanReport } from './scan.js';

/**
 * Baselines for `scan --baseline <file>`: the findings of a day, recorded so that later scans
 * report (and fail on) only new ones. A finding is known by its fingerprint: the rule, the file
 * and the flow as the message names it (the source and the sink expressions), with every line
 * and column left out, so moving code inside a file does not change it. Counts are kept per
 * fingerprint: a second identical flow in the same file is a new finding.
 */
export interface Baseline {
  readonly version: 1;
  readonly fingerprints: Readonly<Record<string, number>>;
}

export function readBaseline(file: string): Baseline | null {
  if (!existsSync(file)) return null;
  let parsed: Partial<Baseline>;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Baseline>;
  } catch (error) {
    throw new Error(`${file} is not a baseline: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const counts = parsed.fingerprints;
  // Each count a positive whole number: a bad one must not hide every finding of its fingerprint.
  if (parsed.version !== 1 || typeof counts !== 'object' || counts === null || !Object.values(counts).every((n) => Number.isInteger(n) && n > 0)) {
    throw new Error(`${file} is not a baseline written by this version of the scan`);
  }
  return parsed as Baseline;
}

export function writeBaseline(file: string, findings: readonly Finding[]): void {
  const fingerprints: Record<string, number> = {};
  for (const finding of findings) {
    const key = fingerprint(finding);
    fingerprints[key] = (fingerprints[key] ?? 0) + 1;
  }
  const sorted = Object.fromEntries(Object.entries(fingerprints).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(file, `${JSON.stringify({ version: 1, fingerprints: sorted } satisfies Baseline, null, 2)}\n`);
}

/** The report with only the findings the baseline does not hold, counted and graded again. */
export function withoutBaselined(report: ScanReport, baseline: Baseline): ScanReport {
  const left = new Map(Object.entries(baseline.fingerprints));
  const known: Finding[] = [];
  const findings = report.findings.filter((finding) => {
    const key = fingerprint(finding);
    const count = left.get(key) ?? 0;
    if (!(count > 0)) return true;
    left.set(key, count - 1);
    known.push(finding);
    return false;
  });
  const counts = { high: 0, medium: 0, low: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return { ...report, findings, counts, grade: grade(counts), baselined: known.length, known };
}
