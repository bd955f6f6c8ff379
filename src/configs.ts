import type { TSESLint } from '@typescript-eslint/utils';
import tsParser from '@typescript-eslint/parser';
import type { LlmSecurityDocs } from './create-rule.js';

type AnyRule = { meta: { docs?: Partial<LlmSecurityDocs> } };

/** The files the configs apply to: JavaScript and TypeScript, with or without JSX. */
export const FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];

export type ConfigName = 'recommended' | 'strict' | 'all';

/** Which rules a config turns on, read from each rule's `meta.docs.recommended`. */
export type RuleEntry = 'error' | ['error', ...unknown[]];

export function rulesFor(name: ConfigName, rules: Readonly<Record<string, AnyRule>>, prefix: string): Record<string, RuleEntry> {
  const result: Record<string, RuleEntry> = {};
  for (const [ruleName, rule] of Object.entries(rules)) {
    const level = rule.meta.docs?.recommended;
    const on = name === 'all' || level === 'recommended' || (name === 'strict' && level === 'strict');
    if (!on) continue;
    const strictOptions = rule.meta.docs?.strictOptions;
    result[`${prefix}/${ruleName}`] = name !== 'recommended' && strictOptions ? ['error', ...strictOptions] : 'error';
  }
  return result;
}

/**
 * Flat configs. Each sets up `@typescript-eslint/parser` so TypeScript and TSX files parse
 * (it reads plain JavaScript too); JSX is enabled for `.jsx`/`.tsx`.
 */
export function makeConfig(
  name: ConfigName,
  plugin: TSESLint.FlatConfig.Plugin,
  rules: Readonly<Record<string, AnyRule>>,
  prefix: string,
): TSESLint.FlatConfig.Config {
  return {
    name: `${prefix}/${name}`,
    files: FILES,
    plugins: { [prefix]: plugin },
    languageOptions: {
      parser: tsParser,
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: rulesFor(name, rules, prefix),
  };
}
