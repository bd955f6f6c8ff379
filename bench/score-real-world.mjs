// Scores a scan of real applications against the flows listed for them before the plugin ran.
//
//   node bench/score-real-world.mjs --apps <dir> [--manifest bench/real-world-manifest.json]
//                                   [--verdicts bench/real-world-verdicts.json] [--out <file>] [--bin <scan bin>]
//                                   [--list-missed] [--list-unread] [--list-false]
//
// <dir> holds one checkout per application, named owner+name, at the manifest's commit (the
// script says when a checkout is missing or at another commit). Each is scanned with the built
// `scan` command (`npm run build` first). A listed flow is found when a finding of the same rule
// is reported in the same file within LINE_SLACK lines of the listed line. Flows whose kind says
// "borderline" are left out of recall (debatable either way). Precision is over the findings that
// have a verdict in the verdicts file (real, debatable or false); findings without one are counted
// as unread and listed with --list-unread. No application code is stored: only names, commits,
// paths, lines, rules and verdicts.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const LINE_SLACK = 3;

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

const appsDir = option('--apps');
if (!appsDir) {
  console.error('usage: node bench/score-real-world.mjs --apps <dir> [--manifest file] [--verdicts file] [--out file] [--bin file]');
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(option('--manifest', path.join(here, 'real-world-manifest.json')), 'utf8'));
const verdictsFile = option('--verdicts', path.join(here, 'real-world-verdicts.json'));
const verdicts = existsSync(verdictsFile) ? JSON.parse(readFileSync(verdictsFile, 'utf8')) : {};
const bin = option('--bin', path.join(here, '../dist/src/cli/main.js'));
const listUnread = process.argv.includes('--list-unread');
const listFalse = process.argv.includes('--list-false');
const listMissed = process.argv.includes('--list-missed');
const missed = [];

const short = (rule) => rule.replace('llm-security/', '');
const findingKey = (repo, f) => `${repo}|${f.file}|${f.line}|${short(f.rule)}`;
const debatable = (flow) => /borderline/u.test(flow.kind ?? '');

function scan(dir) {
  let out;
  try {
    out = execFileSync(process.execPath, [bin, 'scan', dir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    // `scan` exits 1 only with --fail-on; anything else is a failure to report.
    out = error.stdout;
    if (!out) throw error;
  }
  return JSON.parse(out);
}

const rows = [];
const perRule = new Map();
const unread = [];
const falseAlarms = [];
/** Per rule: findings read as real, debatable or false, and unread. */
const judgedPerRule = new Map();
let totals = { listed: 0, found: 0, findings: 0, real: 0, debatable: 0, false: 0, unread: 0 };
for (const app of manifest.apps) {
  const dir = path.join(appsDir, app.repo.replace('/', '+'));
  if (!existsSync(dir)) {
    console.error(`missing checkout: ${dir} (git clone the repository there at ${app.commit})`);
    continue;
  }
  let head;
  try {
    head = execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    head = null;
  }
  if (head && head !== app.commit) console.error(`${app.repo}: checkout at ${head.slice(0, 8)}, manifest at ${app.commit.slice(0, 8)}`);
  const started = Date.now();
  const result = scan(dir);
  const ms = Date.now() - started;
  const findings = result.findings.map((f) => ({ ...f, rule: short(f.rule) }));
  const counted = app.flows.filter((flow) => !debatable(flow));
  let found = 0;
  for (const flow of counted) {
    const hit = findings.some((f) => f.rule === flow.rule && f.file === flow.file && Math.abs(f.line - flow.line) <= LINE_SLACK);
    if (hit) found++;
    else missed.push(`${app.repo}|${flow.file}:${flow.line} ${flow.rule}${flow.kind ? ` [${flow.kind}]` : ''}  ${flow.why ?? ''}`);
    const stats = perRule.get(flow.rule) ?? { listed: 0, found: 0 };
    stats.listed++;
    if (hit) stats.found++;
    perRule.set(flow.rule, stats);
  }
  const judged = { real: 0, debatable: 0, false: 0, unread: 0 };
  for (const finding of findings) {
    const entry = verdicts[findingKey(app.repo, finding)];
    const verdict = typeof entry === 'string' ? entry : entry?.verdict;
    const ruleJudged = judgedPerRule.get(finding.rule) ?? { real: 0, debatable: 0, false: 0, unread: 0 };
    judgedPerRule.set(finding.rule, ruleJudged);
    ruleJudged[verdict === 'real' || verdict === 'debatable' || verdict === 'false' ? verdict : 'unread']++;
    if (verdict === 'real' || verdict === 'debatable' || verdict === 'false') {
      judged[verdict]++;
      if (verdict === 'false') falseAlarms.push(`${findingKey(app.repo, finding)}  ${finding.message}`);
    } else {
      judged.unread++;
      unread.push(`${findingKey(app.repo, finding)}  ${finding.message}`);
    }
  }
  rows.push({ repo: app.repo, commit: app.commit.slice(0, 7), framework: app.framework, files: result.files, ms, listed: counted.length, found, findings: findings.length, ...judged });
  totals = {
    listed: totals.listed + counted.length,
    found: totals.found + found,
    findings: totals.findings + findings.length,
    real: totals.real + judged.real,
    debatable: totals.debatable + judged.debatable,
    false: totals.false + judged.false,
    unread: totals.unread + judged.unread,
  };
}

const ratio = (a, b) => (b === 0 ? '-' : (a / b).toFixed(2));
const lines = [
  '| repository | commit | files | scan | flows listed | found | recall | findings | real | debatable | false | unread |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.repo} | ${r.commit} | ${r.files} | ${(r.ms / 1000).toFixed(1)} s | ${r.listed} | ${r.found} | ${ratio(r.found, r.listed)} | ${r.findings} | ${r.real} | ${r.debatable} | ${r.false} | ${r.unread} |`),
  `| **total** | | | | **${totals.listed}** | **${totals.found}** | **${ratio(totals.found, totals.listed)}** | **${totals.findings}** | ${totals.real} | ${totals.debatable} | ${totals.false} | ${totals.unread} |`,
  '',
  '| rule | flows listed | found | recall |',
  '| --- | ---: | ---: | ---: |',
  ...[...perRule].sort((a, b) => b[1].listed - a[1].listed).map(([rule, s]) => `| ${rule} | ${s.listed} | ${s.found} | ${ratio(s.found, s.listed)} |`),
  '',
  '| rule | findings | real | debatable | false | unread |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...[...judgedPerRule]
    .sort((a, b) => b[1].real + b[1].debatable + b[1].false + b[1].unread - (a[1].real + a[1].debatable + a[1].false + a[1].unread))
    .map(([rule, j]) => `| ${rule} | ${j.real + j.debatable + j.false + j.unread} | ${j.real} | ${j.debatable} | ${j.false} | ${j.unread} |`),
  '',
  `precision over read findings: ${ratio(totals.real + totals.debatable, totals.real + totals.debatable + totals.false)} (real or debatable), ${totals.unread} findings unread`,
];
console.log(lines.join('\n'));
if (listMissed) console.log(`\nmissed flows:\n${missed.join('\n')}`);
if (listUnread) console.log(`\nunread findings:\n${unread.join('\n')}`);
if (listFalse) console.log(`\nfindings read as false:\n${falseAlarms.join('\n')}`);
const out = option('--out');
if (out) writeFileSync(out, JSON.stringify({ rows, totals, perRule: Object.fromEntries(perRule) }, null, 2));
