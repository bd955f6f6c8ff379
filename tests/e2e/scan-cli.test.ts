import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error the benchmark is plain JavaScript without type declarations
import { generateCorpus } from '../../bench/generate.mjs';
import { fingerprint } from '../../src/cli/fingerprint.js';
import { grade, scan } from '../../src/cli/scan.js';
import { sarifValidator } from './sarif-schema.js';

/**
 * `npx eslint-plugin-llm-security scan [dir]`: the package's bin, run as users run it (built,
 * in `dist/`, which `npm test` builds first), on the demo app and on a project whose own
 * ESLint config would not even load.
 */
const repo = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repo, 'dist/src/cli/main.js');
const work = mkdtempSync(path.join(tmpdir(), 'llm-security-scan-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// A copy of the demo app whose own eslint.config.js throws: the scan must not read it.
const project = path.join(work, 'app');
cpSync(path.join(repo, 'examples'), project, { recursive: true });
writeFileSync(path.join(project, 'eslint.config.js'), "throw new Error('this project config must not be loaded');\n");

function run(...args: string[]) {
  const child = spawnSync(process.execPath, [bin, ...args], { cwd: work, encoding: 'utf8' });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('the scan command', () => {
  it('prints findings grouped by category, with counts and a grade, whatever config the project has', () => {
    const { code, stdout } = run('scan', 'app');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^prompt-injection \(high\): \d+$/mu);
    expect(stdout).toMatch(/^ {2}src\/express-support-bot\.ts:17:27 {2}no-user-input-in-system-prompt {2}Request data 'req\.body\.name'/mu);
    expect(stdout).toMatch(/^error-exposure \(medium\): 2$/mu);
    expect(stdout).toMatch(/^sensitive-logging \(low\): 1$/mu);
    // strict: text sent without a sanitizer is reported too.
    expect(stdout).toContain('without a sanitizer');
    expect(stdout).toMatch(/^10 files scanned: \d+ findings \(\d+ high, \d+ medium, 1 low\)\. Grade F\.$/mu);
  });

  it('writes JSON and SARIF for CI', () => {
    const json = JSON.parse(run('scan', 'app', '--format', 'json').stdout);
    expect(json.files).toBe(10);
    expect(json.grade).toBe('F');
    expect(json.findings.length).toBe(json.counts.high + json.counts.medium + json.counts.low);
    expect(json.findings[0]).toEqual(expect.objectContaining({ file: expect.any(String), line: expect.any(Number), rule: expect.stringMatching(/^llm-security\//), category: expect.any(String), severity: expect.stringMatching(/^(?:high|medium|low)$/) }));

    const sarif = JSON.parse(run('scan', 'app', '--format=sarif').stdout);
    expect(sarif.version).toBe('2.1.0');
    const [sarifRun] = sarif.runs;
    expect(sarifRun.tool.driver.name).toBe('eslint-plugin-llm-security');
    expect(sarifRun.results).toHaveLength(json.findings.length);
    const first = sarifRun.results[0];
    expect(first.ruleId).toBe(json.findings[0].rule);
    expect(first.message.text).toBe(json.findings[0].message);
    expect(first.locations[0].physicalLocation.artifactLocation.uri).toBe(pathToFileURL(path.join(project, json.findings[0].file)).href);
    expect(first.locations[0].physicalLocation.region.startLine).toBe(json.findings[0].line);
    const rule = sarifRun.tool.driver.rules[first.ruleIndex];
    expect(rule.id).toBe(first.ruleId);
    expect(rule.helpUri).toMatch(new RegExp(`/docs/rules/${first.ruleId.replace('llm-security/', '')}\\.md$`, 'u'));
  });

  it('exits 1 with --fail-on at or below the worst finding, 0 otherwise, and 2 on usage errors', () => {
    expect(run('scan', 'app', '--fail-on', 'high', '--format', 'json').code).toBe(1);
    const clean = path.join(work, 'clean');
    cpSync(path.join(repo, 'examples/src/safe-chat.ts'), path.join(clean, 'safe-chat.ts'));
    // strict reports the unsanitized text there (medium): a high bar passes, a medium one fails.
    expect(run('scan', 'clean', '--fail-on', 'high').code).toBe(0);
    expect(run('scan', 'clean', '--fail-on', 'medium').code).toBe(1);
    expect(run('scan', 'missing-dir').code).toBe(2);
    expect(run('scan', 'app', '--format', 'xml').code).toBe(2);
    expect(run('scan', 'app', '--fail-on', 'critical').code).toBe(2);
    expect(run('audit').code).toBe(2);
    expect(run('--help').stdout).toContain('Usage: eslint-plugin-llm-security scan');
  });

  it('leaves test files and folders out unless --include-tests, and says so; files that only look like tests are scanned', () => {
    const dir = path.join(work, 'with-tests');
    const leak = (route: string) =>
      `import express from 'express';\nconst app = express();\napp.post('${route}', (req, res) => { console.log('body', req.body); res.end(); });\n`;
    for (const file of ['src/__tests__/chat.ts', 'src/chat.test.ts', 'src/chat.spec.tsx', 'tests/server.ts', 'e2e/app.ts']) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), leak(`/${path.basename(file)}`));
    }
    // Near misses: names with "test" in them that are no test files or folders.
    for (const file of ['src/testimonials.ts', 'src/contest/entry.ts', 'src/latest.ts']) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), leak(`/${path.basename(file)}`));
    }
    const scanned = JSON.parse(run('scan', 'with-tests', '--format', 'json').stdout);
    expect(scanned.files).toBe(3);
    expect(scanned.skippedTests).toBe(5);
    expect(scanned.findings.map((f: { file: string }) => f.file).sort()).toEqual(['src/contest/entry.ts', 'src/latest.ts', 'src/testimonials.ts']);
    expect(run('scan', 'with-tests').stdout).toMatch(/^3 files scanned \(5 test files left out; --include-tests scans them\): 3 findings/mu);
    const all = JSON.parse(run('scan', 'with-tests', '--format', 'json', '--include-tests').stdout);
    expect(all.files).toBe(8);
    expect(all.skippedTests).toBe(0);
    expect(all.findings).toHaveLength(8);
  });

  it("scans what git keeps: the folder's .gitignore files (root and nested, with negations), never dependencies or build output", () => {
    const dir = path.join(work, 'with-gitignore');
    const leak = (route: string) =>
      `import express from 'express';\nconst app = express();\napp.post('${route}', (req, res) => { console.log('body', req.body); res.end(); });\n`;
    const files = [
      'src/chat.ts', // scanned
      'generated/client.ts', // ignored by the root .gitignore
      'src/tmp/scratch.ts', // ignored by the nested src/.gitignore
      'src/local.ts', // ignored by a pattern of the root file
      'src/keep/local.ts', // taken back by a negation in src/.gitignore
      'node_modules/dep/index.js', // dependencies, with or without .gitignore
      'dist/server.js', // build output
      'src/types.d.ts', // declarations
      'gen/keep.ts', // in a folder the root ignores: its own .gitignore's negation is never read
      'src/build/index.ts', // code the team wrote in a folder named build: scanned
      'packages/api/dist/index.js', // a package's build output
    ];
    for (const file of files) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), leak(`/${file}`));
    }
    writeFileSync(path.join(dir, '.gitignore'), 'generated/\nlocal.ts\ngen/\n');
    writeFileSync(path.join(dir, 'src/.gitignore'), 'tmp/\n!keep/local.ts\n');
    writeFileSync(path.join(dir, 'gen/.gitignore'), '!keep.ts\n');
    writeFileSync(path.join(dir, 'packages/api/package.json'), '{ "name": "api" }\n');
    const scanned = JSON.parse(run('scan', 'with-gitignore', '--format', 'json').stdout);
    expect(scanned.findings.map((f: { file: string }) => f.file).sort()).toEqual(['src/build/index.ts', 'src/chat.ts', 'src/keep/local.ts']);
    expect(scanned.files).toBe(3);
  });

  it('passes --concurrency to ESLint: the same findings from worker threads, and usage errors for bad values', () => {
    const one = JSON.parse(run('scan', 'app', '--format', 'json').stdout);
    const threads = run('scan', 'app', '--format', 'json', '--concurrency', '2');
    expect(threads.code).toBe(0);
    // Worker threads keep no paths (`flow`); the findings are the same.
    const withoutFlow = (findings: { flow?: unknown }[]) =>
      findings.map((finding) => {
        const rest = { ...finding };
        delete rest.flow;
        return rest;
      });
    expect(JSON.parse(threads.stdout).findings).toEqual(withoutFlow(one.findings));
    expect(JSON.parse(run('scan', 'app', '--format', 'json', '--concurrency=off').stdout).findings).toEqual(one.findings);
    for (const bad of ['0', 'many', '1.5']) {
      const { code, stderr } = run('scan', 'app', '--concurrency', bad);
      expect(code).toBe(2);
      expect(stderr).toContain('--concurrency must be');
    }
  });

  it('--baseline records the findings once, then reports and fails only on new ones; moving code makes none new', () => {
    const dir = path.join(work, 'baselined');
    cpSync(path.join(repo, 'examples'), dir, { recursive: true });
    const base = path.join(work, 'baseline.json');
    const first = run('scan', 'baselined', '--format', 'json', '--baseline', base, '--fail-on', 'low');
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^baseline written to .*baseline\.json: \d+ findings$/mu);
    const recorded = JSON.parse(first.stdout);
    expect(recorded.findings).toEqual([]);
    expect(recorded.baselined).toBeGreaterThan(10);
    const all = JSON.parse(run('scan', 'baselined', '--format', 'json').stdout);
    expect(recorded.baselined).toBe(all.findings.length);

    // A refactor that moves code: a header comment and blank lines push every finding of a file down.
    const file = path.join(dir, 'src/express-support-bot.ts');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, `// Support bot routes.\n// (moved below the header)\n\n\n${original}`);
    const moved = JSON.parse(run('scan', 'baselined', '--format', 'json').stdout);
    expect(moved.findings.map((f: { line: number }) => f.line)).not.toEqual(all.findings.map((f: { line: number }) => f.line));
    const afterMove = run('scan', 'baselined', '--baseline', base, '--fail-on', 'low');
    expect(afterMove.code).toBe(0);
    expect(afterMove.stdout).toMatch(/: 0 new findings, \d+ in the baseline \(/u);

    // A new flow: exactly one new finding, and --fail-on fails on it.
    writeFileSync(
      path.join(dir, 'src/debug-route.ts'),
      `import express from 'express';\nconst app = express();\napp.get('/debug', (req, res) => { try { run(); } catch (err) { res.status(500).json({ stack: (err as Error).stack }); } });\ndeclare function run(): void;\n`,
    );
    const added = run('scan', 'baselined', '--format', 'json', '--baseline', base, '--fail-on', 'medium');
    expect(added.code).toBe(1);
    const fresh = JSON.parse(added.stdout);
    expect(fresh.findings.map((f: { file: string; rule: string }) => `${f.file} ${f.rule}`)).toEqual(['src/debug-route.ts llm-security/no-error-details-in-response']);
    expect(fresh.baselined).toBe(recorded.baselined);
    // With a baseline, SARIF keeps the known findings as unchanged (an upload closes no alert) and marks the new one.
    const states = JSON.parse(run('scan', 'baselined', '--format', 'sarif', '--baseline', base).stdout).runs[0].results.map((r: { baselineState: string }) => r.baselineState);
    expect(states.filter((state: string) => state === 'new')).toHaveLength(1);
    expect(states.filter((state: string) => state === 'unchanged')).toHaveLength(recorded.baselined);
    // A baseline with a bad count is refused, not read as hiding everything; so is a file that is no JSON.
    const broken = path.join(work, 'broken.json');
    writeFileSync(broken, JSON.stringify({ version: 1, fingerprints: { abc: -1 } }));
    expect(run('scan', 'baselined', '--baseline', broken)).toEqual(expect.objectContaining({ code: 2, stderr: expect.stringContaining('is not a baseline') }));
    writeFileSync(broken, '');
    expect(run('scan', 'baselined', '--baseline', broken).stderr).toContain('broken.json is not a baseline');
    // A file to write in a folder that does not exist is a usage error, found before the scan.
    expect(run('scan', 'baselined', '--format', 'html', '--output', 'missing/report.html')).toEqual(expect.objectContaining({ code: 2, stderr: expect.stringContaining("--output: the folder of 'missing/report.html' does not exist") }));
    // SARIF carries the same line-free fingerprint for code scanning.
    const sarif = JSON.parse(run('scan', 'baselined', '--format', 'sarif').stdout);
    const fingerprints = sarif.runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['llmSecurityFlow/v1']);
    expect(fingerprints.every((f: string) => /^[0-9a-f]{32}$/u.test(f))).toBe(true);
  });

  it('writes SARIF that the SARIF 2.1.0 schema accepts, with rule help, security severity, CWE and OWASP tags', () => {
    const { validate, errors: schemaErrors } = sarifValidator();
    const sarif = JSON.parse(run('scan', 'app', '--format', 'sarif').stdout);
    expect(validate(sarif), schemaErrors()).toBe(true);
    const rules = sarif.runs[0].tool.driver.rules as { id: string; help?: { markdown: string }; properties: { 'security-severity': string; tags: string[] } }[];
    expect(rules.length).toBeGreaterThan(5);
    for (const rule of rules) {
      // The doc page without its generated header: the title, then the page's own text.
      expect(rule.help?.markdown).toMatch(new RegExp(`^# ${rule.id.replace('/', '\\/')}\\n\\n`, 'u'));
      expect(rule.help?.markdown).not.toContain('end auto-generated rule header');
      expect(Number(rule.properties['security-severity'])).toBeGreaterThan(0);
      expect(rule.properties.tags).toContain('security');
      expect(rule.properties.tags.some((tag) => /^external\/cwe\/cwe-\d+$/u.test(tag))).toBe(true);
    }
    const errors = rules.find((r) => r.id === 'llm-security/no-error-details-in-response')!;
    expect(errors.properties.tags).toEqual(['security', 'external/cwe/cwe-209', 'external/owasp-llm/llm02']);
    expect(errors.properties['security-severity']).toBe('5.5');
    // Findings that name a source carry their path as a code flow; the schema accepts them.
    expect(sarif.runs[0].results.filter((r: { codeFlows?: unknown }) => r.codeFlows).length).toBeGreaterThan(10);
    // A broken log is refused: the check can fail.
    expect(validate({ ...sarif, version: '2.0.0' })).toBe(false);
  });

  it("draws each finding's path as a SARIF code flow: the source, the names on the way (with their places), the sink", () => {
    // A route whose model answer a logging helper in another module writes to the log.
    cpSync(path.join(repo, 'tests/fixtures/program/logger-helper'), path.join(work, 'flows'), { recursive: true });
    const sarif = JSON.parse(run('scan', 'flows', '--format', 'sarif').stdout);
    type Place = { location: { message: { text: string }; physicalLocation?: { artifactLocation: { uri: string }; region: { startLine: number } } } };
    const logged = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'llm-security/no-sensitive-logging');
    const places = (logged.codeFlows[0].threadFlows[0].locations as Place[]).map(({ location }) =>
      location.physicalLocation ? `${path.relative(path.join(work, 'flows'), new URL(location.physicalLocation.artifactLocation.uri).pathname)}:${location.physicalLocation.region.startLine} ${location.message.text}` : location.message.text,
    );
    expect(places).toEqual(['src/server.ts:10 openai chat.completions.create', 'completion.choices[0].message.content', 'answer', 'src/server.ts:12 logInfo()', 'src/log.ts:7 console.log']);
    // Worker threads keep no flows: the findings stay, without paths.
    const threaded = JSON.parse(run('scan', 'flows', '--format', 'sarif', '--concurrency', '2').stdout);
    expect(threaded.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId));
    expect(threaded.runs[0].results.some((r: { codeFlows?: unknown }) => r.codeFlows)).toBe(false);
  });

  it('reports progress on large trees and grades by the worst severity', async () => {
    const dir = generateCorpus(path.join(work, 'large'), 250);
    const progress: [number, number][] = [];
    const report = await scan(dir, (done, total) => progress.push([done, total]));
    expect(report.files).toBe(250);
    expect(progress).toEqual([
      [200, 250],
      [250, 250],
    ]);
    expect(grade({ high: 0, medium: 0, low: 0 })).toBe('A');
    expect(grade({ high: 0, medium: 0, low: 2 })).toBe('B');
    expect(grade({ high: 0, medium: 1, low: 2 })).toBe('C');
    expect(grade({ high: 3, medium: 0, low: 0 })).toBe('D');
    expect(grade({ high: 4, medium: 0, low: 0 })).toBe('F');
  });
});

describe('finding fingerprints', () => {
  const finding = { rule: 'llm-security/no-error-details-in-response', file: 'src/a.ts', message: "Error details 'err.stack' (line 12) reach the client through res.json via helper() at src/b.ts:40; log them on the server and send a generic message." };

  it('leave out lines and columns, and keep the rule, the file and the flow', () => {
    expect(fingerprint({ ...finding, message: finding.message.replace('line 12', 'line 30').replace('b.ts:40', 'b.ts:7') })).toBe(fingerprint(finding));
    expect(fingerprint({ ...finding, message: finding.message.replace('err.stack', 'err.message') })).not.toBe(fingerprint(finding));
    expect(fingerprint({ ...finding, message: finding.message.replace('res.json', 'res.send') })).not.toBe(fingerprint(finding));
    expect(fingerprint({ ...finding, file: 'src/c.ts' })).not.toBe(fingerprint(finding));
    expect(fingerprint({ ...finding, rule: 'llm-security/no-raw-llm-response' })).not.toBe(fingerprint(finding));
  });
});
