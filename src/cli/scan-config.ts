import type { Linter } from 'eslint';
import plugin from '../index.js';

/**
 * The config `scan` lints with, whatever ESLint config the project has: the plugin's `strict`
 * config. It is a file of its own so that ESLint's worker threads (`--concurrency`) can load it.
 */
const config: Linter.Config[] = [plugin.configs.strict as Linter.Config, { linterOptions: { reportUnusedDisableDirectives: 'off' } }];

export default config;
