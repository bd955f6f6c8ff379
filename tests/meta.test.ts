import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import plugin from '../src/index.js';
import { REPOSITORY_URL } from '../src/create-rule.js';
import { PLUGIN_NAME, PLUGIN_VERSION } from '../src/version.js';

const root = path.resolve(import.meta.dirname, '..');
const names = (dir: string, suffix: string) =>
  fs
    .readdirSync(path.join(root, dir))
    .filter((f) => f.endsWith(suffix) && f !== `index${suffix}`)
    .map((f) => f.slice(0, -suffix.length))
    .sort();

const REQUIRED_SECTIONS = ['## Examples', '### ❌ Incorrect', '### ✅ Correct', '## What the analysis follows', '## Fixes', '## When Not To Use It'];
const CATEGORIES = new Set([
  'prompt-injection',
  'raw-llm-output',
  'sensitive-logging',
  'error-exposure',
  'hardcoded-secret',
  'insecure-key-handling',
  'unauthenticated-llm-route',
  'unbounded-llm-call',
  'llm-output-to-dangerous-sink',
  'prompt-leakage',
]);

describe('rules, tests, docs and configs agree', () => {
  const ruleNames = Object.keys(rules).sort();

  it('rules/ files == the rules index == tests/rules == docs/rules', () => {
    expect(names('rules', '.ts')).toEqual(ruleNames);
    expect(names('tests/rules', '.test.ts')).toEqual(ruleNames);
    expect(names('docs/rules', '.md')).toEqual(ruleNames);
    expect(Object.keys(plugin.rules).sort()).toEqual(ruleNames);
  });

  it.each(Object.entries(rules))('%s: meta follows the house style', (name, rule) => {
    const { meta } = rule;
    const docs = meta.docs!;
    expect(meta.type).toBe('problem');
    expect(docs.url).toBe(`${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`);
    expect(docs.description).toMatch(/^(Disallow|Require) [^.]*[^.]$/);
    expect(CATEGORIES.has(docs.category)).toBe(true);
    for (const message of Object.values(meta.messages)) expect(message).toMatch(/\.$/);
    for (const schema of meta.schema as unknown as { additionalProperties?: boolean; properties?: Record<string, { description?: string }> }[]) {
      expect(schema.additionalProperties).toBe(false);
      for (const property of Object.values(schema.properties ?? {})) expect(property.description).toBeTruthy();
    }
  });

  it.each(Object.keys(rules))('%s: requiresTypeChecking is honest', (name) => {
    const source = fs.readFileSync(path.join(root, 'rules', `${name}.ts`), 'utf8');
    const usesTypes = /getParserServices|parserServices/.test(source);
    expect(rules[name as keyof typeof rules].meta.docs?.requiresTypeChecking).toBe(usesTypes);
  });

  it.each(Object.keys(rules))('%s: the doc has every required section', (name) => {
    const doc = fs.readFileSync(path.join(root, 'docs/rules', `${name}.md`), 'utf8');
    expect(doc.startsWith(`# llm-security/${name}\n`)).toBe(true);
    for (const section of REQUIRED_SECTIONS) expect(doc).toContain(`\n${section}\n`);
    // An options section exactly when the rule has options (eslint-doc-generator fills it in).
    const hasOptions = (rules[name as keyof typeof rules].meta.schema as unknown[]).length > 0;
    expect(doc.includes('\n## Options\n')).toBe(hasOptions);
  });

  it('configs are derived from meta.docs.recommended', () => {
    const on = (config: 'recommended' | 'strict' | 'all') => Object.keys(plugin.configs[config].rules ?? {}).sort();
    const prefixed = (filter: (level: string | undefined) => boolean) =>
      Object.entries(rules)
        .filter(([, rule]) => filter(rule.meta.docs?.recommended))
        .map(([name]) => `llm-security/${name}`)
        .sort();
    expect(on('recommended')).toEqual(prefixed((level) => level === 'recommended'));
    expect(on('strict')).toEqual(prefixed((level) => level === 'recommended' || level === 'strict'));
    expect(on('all')).toEqual(prefixed(() => true));
    expect(on('recommended').length).toBeGreaterThan(0);
  });

  it('strict and all set the strict options, recommended the defaults', () => {
    for (const [name, rule] of Object.entries(rules)) {
      const strictOptions = (rule.meta.docs as { strictOptions?: unknown[] }).strictOptions;
      if (!strictOptions) continue;
      const id = `llm-security/${name}`;
      expect(plugin.configs.strict.rules?.[id]).toEqual(['error', ...strictOptions]);
      expect(plugin.configs.all.rules?.[id]).toEqual(['error', ...strictOptions]);
      if (plugin.configs.recommended.rules?.[id]) expect(plugin.configs.recommended.rules[id]).toBe('error');
    }
  });

  it('every config lints JavaScript and TypeScript files with the typescript-eslint parser', () => {
    for (const config of Object.values(plugin.configs)) {
      expect(config.files).toEqual(['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}']);
      expect((config.languageOptions?.parser as { meta?: { name?: string } })?.meta?.name).toBe('typescript-eslint/parser');
      expect(config.plugins?.['llm-security']).toBe(plugin);
    }
  });

  it('plugin meta matches package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(plugin.meta).toMatchObject({ name: pkg.name, version: pkg.version });
    expect([PLUGIN_NAME, PLUGIN_VERSION]).toEqual([pkg.name, pkg.version]);
  });
});
