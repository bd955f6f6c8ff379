import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findKey, maskKey } from '../models/key-patterns.js';
import { escape } from './html-text.js';
import { inventorySection } from './html-inventory.js';
import { CATEGORY_SEVERITY, type Finding, type FlowStep, type ScanReport, type Severity } from './scan.js';

/**
 * `scan --format html`: the audit as one self-contained page (no network: styles inline, no
 * scripts). The grade and the counts per category first; then each finding, whose path from
 * source to sink opens (`<details>`) to show every step with its line of code. No secret is
 * printed: a hard-coded secret's line is left out, and provider keys in any line are masked.
 * Last, the inventory of the project's AI surface (see html-inventory.ts).
 */

const ORDER: readonly Severity[] = ['high', 'medium', 'low'];


/** The lines of a scanned file, read once per report; null when it cannot be read. */
function linesOf(report: ScanReport, file: string, cache: Map<string, string[] | null>): string[] | null {
  if (!cache.has(file)) {
    let lines: string[] | null = null;
    try {
      const full = path.resolve(report.dir, file);
      // Only files under the scanned folder: a path in a message never reads elsewhere.
      if (full.startsWith(report.dir + path.sep)) lines = readFileSync(full, 'utf8').split(/\r?\n/u);
    } catch {
      lines = null;
    }
    if (lines) maskSecrets(report, file, lines);
    cache.set(file, lines);
  }
  return cache.get(file)!;
}

/**
 * Cuts every hard-coded secret the scan reported in `file` to its masked prefix, where it stands in
 * its line: a key of no provider's format (`'team-shared-7f3a9c'`) cannot be told by its text, so
 * any excerpt of that line (the path of another finding) would print it otherwise.
 */
function maskSecrets(report: ScanReport, file: string, lines: string[]): void {
  const secrets = [...report.findings, ...(report.known ?? [])]
    .filter((f) => f.category === 'hardcoded-secret' && f.file === file && f.endLine === f.line && f.endColumn !== undefined)
    .sort((a, b) => b.column - a.column);
  for (const f of secrets) {
    const line = lines[f.line - 1];
    if (line === undefined) continue;
    lines[f.line - 1] = `${line.slice(0, f.column - 1)}${maskKey(line.slice(f.column - 1, f.endColumn! - 1))}${line.slice(f.endColumn! - 1)}`;
  }
}

/** A line of code with every provider key in it cut to its masked prefix (`sk-pro…`). */
function masked(line: string): string {
  let text = line;
  for (let match = findKey(text); match; match = findKey(text)) text = `${text.slice(0, match.start)}${maskKey(text.slice(match.start, match.end))}${text.slice(match.end)}`;
  return text;
}

function step(report: ScanReport, place: FlowStep, cache: Map<string, string[] | null>, withCode: boolean): string {
  const where = place.file !== undefined && place.line !== undefined ? `<span class="where">${escape(place.file)}:${place.line}</span> ` : '';
  const code = withCode && place.file !== undefined && place.line !== undefined ? linesOf(report, place.file, cache)?.[place.line - 1] : undefined;
  const excerpt = code === undefined ? '' : `<pre><code>${escape(masked(code.trim()).slice(0, 240))}</code></pre>`;
  return `<li>${where}<span class="what">${escape(place.text)}</span>${excerpt}</li>`;
}

function finding(report: ScanReport, f: Finding, cache: Map<string, string[] | null>): string {
  const path = f.flow ?? [{ text: f.message, file: f.file, line: f.line }];
  return [
    `<details class="finding ${f.severity}">`,
    `<summary><span class="badge">${f.severity}</span> <span class="where">${escape(f.file)}:${f.line}:${f.column}</span> <span class="rule">${escape(f.rule.replace('llm-security/', ''))}</span><br><span class="message">${escape(f.message)}</span></summary>`,
    // The line of a hard-coded secret is the secret: the report never prints it (the message shows a masked prefix).
    `<ol class="path">${path.map((place) => step(report, place, cache, f.category !== 'hardcoded-secret')).join('')}</ol>`,
    '</details>',
  ].join('\n');
}

const STYLE = `
body { font: 14px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #1b1f24; }
h1 { font-size: 1.6rem; } .grade { font-size: 3rem; font-weight: 700; }
table { border-collapse: collapse; margin: 1rem 0; } td, th { border: 1px solid #d0d7de; padding: .3rem .6rem; text-align: left; }
.finding { border: 1px solid #d0d7de; border-left-width: .4rem; border-radius: .3rem; margin: .5rem 0; padding: .4rem .8rem; }
.finding.high { border-left-color: #cf222e; } .finding.medium { border-left-color: #bf8700; } .finding.low { border-left-color: #0969da; }
.badge { font-weight: 700; text-transform: uppercase; font-size: .75rem; } .where { font-family: ui-monospace, monospace; }
.request { color: #8250df; } ul { margin: 0; padding-left: 1.2rem; } .empty { color: #57606a; }
.rule { color: #57606a; } summary { cursor: pointer; } pre { background: #f6f8fa; padding: .3rem .5rem; margin: .2rem 0 .6rem; overflow-x: auto; }
`;

export function formatHtml(report: ScanReport): string {
  const cache = new Map<string, string[] | null>();
  const categories = [...new Set(report.findings.map((f) => f.category))].sort(
    (a, b) => ORDER.indexOf(CATEGORY_SEVERITY[a] ?? 'low') - ORDER.indexOf(CATEGORY_SEVERITY[b] ?? 'low') || a.localeCompare(b),
  );
  const rows = categories.map((c) => `<tr><td>${escape(c)}</td><td>${CATEGORY_SEVERITY[c] ?? 'low'}</td><td>${report.findings.filter((f) => f.category === c).length}</td></tr>`);
  const sections = categories.map((c) => {
    const inCategory = report.findings.filter((f) => f.category === c);
    return `<section><h2>${escape(c)} (${CATEGORY_SEVERITY[c] ?? 'low'}): ${inCategory.length}</h2>\n${inCategory.map((f) => finding(report, f, cache)).join('\n')}</section>`;
  });
  const summary = `${report.files} files scanned: ${report.findings.length} findings (${report.counts.high} high, ${report.counts.medium} medium, ${report.counts.low} low).`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>LLM security audit: ${escape(path.basename(report.dir))}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>LLM security audit of ${escape(report.dir)}</h1>
<p><span class="grade" id="grade">${report.grade}</span></p>
<p id="summary">${escape(summary)}</p>
<table id="categories"><thead><tr><th>category</th><th>severity</th><th>findings</th></tr></thead><tbody>${rows.join('')}</tbody></table>
${sections.join('\n')}
${inventorySection(report.inventory)}
</body>
</html>
`;
}
