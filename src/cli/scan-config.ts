import type { Linter } from 'eslint';
import plugin from '../index.js';
import { INVENTORY_RULE, inventoryPlugin } from './inventory-rule.js';

/**
 * The config `scan` lints with, whatever ESLint config the project has: the plugin's `strict`
 * config, and the rule that gathers the inventory of the AI surface (its reports are facts, not
 * findings). It is a file of its own so that ESLint's worker threads (`--concurrency`) can load it.
 */
const strict = plugin.configs.strict as Linter.Config;

const config: Linter.Config[] = [
  strict,
  { files: strict.files, plugins: { 'llm-security-inventory': inventoryPlugin }, rules: { [INVENTORY_RULE]: 'warn' } },
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
];

export default config;
