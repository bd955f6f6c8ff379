import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

/**
 * The places users meet the plugin outside the editor: SARIF for code scanning, and the ESLint
 * CLI with its cache and its worker threads. The CLI runs the built plugin (`dist/`), which
 * `npm test` builds before the tests run.
 */
const repo = path.resolve(import.meta.dirname, '../..');
const examples = path.join(repo, 'examples');
const work = mkdtempSync(path.join(tmpdir(), 'llm-security-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('SARIF', () => {
  it('carries the rule id, the message, the location and the rule docs URL of every finding', async () => {
    const eslint = new ESLint({ cwd: examples, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended as Linter.Config] });
    const results = await eslint.lintFiles(['.']);
    const formatter = await eslint.loadFormatter('@microsoft/eslint-formatter-sarif');
    // ESLint passes `cwd` and `rulesMeta` to formatters; its types declare only part of that object.
    const meta = { cwd: examples, rulesMeta: eslint.getRulesMetaForResults(results) } as unknown as Parameters<typeof formatter.format>[1];
    const sarif = JSON.parse(await formatter.format(results, meta));
    const run = sarif.runs[0];
    const messages = results.flatMap((r) => r.messages.map((m) => ({ file: r.filePath, ...m })));
    expect(messages.length).toBeGreaterThan(5);
    expect(run.results).toHaveLength(messages.length);
    for (const message of messages) {
      const found = run.results.find(
        (r: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }) =>
          r.ruleId === message.ruleId &&
          r.locations[0].physicalLocation.artifactLocation.uri === pathToFileURL(message.file).href &&
          r.locations[0].physicalLocation.region.startLine === message.line &&
          r.locations[0].physicalLocation.region.startColumn === message.column,
      );
      expect(found?.message.text).toBe(message.message);
    }
    const ruleIds = new Set(messages.map((m) => m.ruleId));
    for (const id of ruleIds) {
      const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === id);
      const name = id!.replace('llm-security/', '') as keyof typeof plugin.rules;
      expect(rule.helpUri).toBe(plugin.rules[name].meta.docs?.url);
      expect(rule.helpUri).toMatch(new RegExp(`/docs/rules/${name}\\.md$`, 'u'));
    }
  });
});

describe('the ESLint CLI', () => {
  const config = path.join(work, 'eslint.config.mjs');
  writeFileSync(
    config,
    `import plugin from ${JSON.stringify(pathToFileURL(path.join(repo, 'dist/src/index.js')).href)};\nexport default [plugin.configs.recommended];\n`,
  );
  const cli = (...args: string[]) => {
    try {
      return execFileSync(process.execPath, [path.join(repo, 'node_modules/eslint/bin/eslint.js'), '--config', config, '--format', 'json', ...args, '.'], {
        cwd: examples,
        encoding: 'utf8',
      });
    } catch (error) {
      // Findings make ESLint exit with 1; its output is still the report.
      return (error as { stdout: string }).stdout;
    }
  };
  const summary = (output: string) =>
    (JSON.parse(output) as ESLint.LintResult[])
      .flatMap((r) => r.messages.map((m) => `${path.relative(examples, r.filePath)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`))
      .sort();

  it('gives the same findings with --cache (first and cached run) and with --concurrency=2 as a plain run', () => {
    const plain = summary(cli());
    expect(plain.length).toBeGreaterThan(5);
    const cache = ['--cache', '--cache-location', path.join(work, '.eslintcache')];
    expect(summary(cli(...cache))).toEqual(plain);
    expect(summary(cli(...cache))).toEqual(plain);
    expect(summary(cli('--concurrency=2'))).toEqual(plain);
  });
});
