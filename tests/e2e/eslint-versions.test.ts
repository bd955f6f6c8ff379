import path from 'node:path';
import { ESLint as ESLint9 } from 'eslint-9';
import { ESLint as ESLint10 } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

/** The plugin supports ESLint ^9.15.0 (the oldest supported, installed as `eslint-9`) and ^10. */
const examples = path.resolve(import.meta.dirname, '../../examples');

describe.each([
  ['ESLint 9.15', ESLint9],
  ['ESLint 10', ESLint10],
])('%s', (_, ESLint) => {
  it('lints and fixes the demo app with the recommended config', async () => {
    const eslint = new ESLint({ cwd: examples, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended as never], fix: true });
    const results = await eslint.lintFiles(['src/express-support-bot.ts']);
    // The prompt finding is fixed; the error-details finding only has a suggestion.
    expect(results[0].messages.map((m) => m.ruleId)).toEqual(['llm-security/no-error-details-in-response']);
    expect(results[0].output).toContain(`{ role: 'user', content: String(customerName) },`);
  });

  it('follows a prompt built in another module', async () => {
    const fixtures = path.resolve(import.meta.dirname, '../fixtures/cross-file');
    const eslint = new ESLint({ cwd: fixtures, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended as never] });
    const results = await eslint.lintFiles(['express-prompts/src/server.ts']);
    expect(results[0].messages.map((m) => m.message)).toEqual([expect.stringContaining('via buildPrompt() in express-prompts/src/prompts.ts:3')]);
  });

  it('rejects an invalid option with a schema error', async () => {
    const eslint = new ESLint({
      cwd: examples,
      overrideConfigFile: true,
      overrideConfig: [plugin.configs.recommended as never, { rules: { 'llm-security/no-user-input-in-system-prompt': ['error', { autofix: 'yes' }] } }],
    });
    await expect(eslint.lintFiles(['src/express-support-bot.ts'])).rejects.toThrow(/no-user-input-in-system-prompt[\s\S]*should be boolean/);
  });
});
