import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

/**
 * What users see when a config is wrong (ESLint's own schema error, naming the option or the
 * setting), and a guarantee about every message: none shows more than 6 characters of a key.
 */
const RULES = Object.keys(plugin.rules) as (keyof typeof plugin.rules)[];

async function lint(code: string, config: Linter.Config[], filePath = 'server.ts'): Promise<Linter.LintMessage[]> {
  const eslint = new ESLint({ cwd: import.meta.dirname, overrideConfigFile: true, overrideConfig: config });
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages;
}

describe('a bad option or setting', () => {
  it.each(RULES)('%s: an option it does not have stops the lint with a schema error naming the rule and the option', async (name) => {
    const rule = plugin.rules[name];
    const schema = rule.meta.schema as unknown[];
    const bad = schema.length === 0 ? [{ enabled: true }] : [{ noSuchOption: true }];
    const config = [plugin.configs.recommended as Linter.Config, { rules: { [`llm-security/${name}`]: ['error', ...bad] } } as Linter.Config];
    const error = await lint('const x = 1;', config).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain(`llm-security/${name}`);
    expect(message).toMatch(schema.length === 0 ? /should NOT have more than 0 items/ : /noSuchOption|additional properties/);
  });

  // ESLint's message names the rule and the value; ajv's path to the property is not shown.
  it('a value of the wrong type names the rule and the value', async () => {
    const config = [plugin.configs.recommended as Linter.Config, { rules: { 'llm-security/no-raw-llm-response': ['error', { requireSanitizer: 'yes' }] } } as Linter.Config];
    await expect(lint('const x = 1;', config)).rejects.toThrow(/no-raw-llm-response[\s\S]*"yes" should be boolean/);
  });

  it.each([
    [{ crossFile: 'yes' }, /settings\['llm-security'\]\.crossFile must be a boolean/],
    [{ sanitizer: ['x'] }, /settings\['llm-security'\] has an unknown key 'sanitizer'/],
    [{ llmWrappers: [{ callee: 'ask', system: -1 }] }, /settings\['llm-security'\]\.llmWrappers\[0\]\.system must be an argument index/],
    [{ sources: { requestParams: 'req' } }, /settings\['llm-security'\]\.sources\.requestParams must be an array/],
  ])('settings %j stop the lint with a message that names the setting', async (settings, expected) => {
    const config = [plugin.configs.recommended as Linter.Config, { settings: { 'llm-security': settings } } as Linter.Config];
    await expect(lint('const x = 1;', config)).rejects.toThrow(expected);
  });
});

describe('keys in messages', () => {
  // Fake keys in the providers' formats (never real ones), built so that no key sits in this file whole.
  const KEYS = [
    'sk-proj-' + 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z',
    'sk-ant-api03-' + 'Zy9xWv8uTs7rQp6oNm5lKj4iHg3fEd2c',
    'AIza' + 'SyD3fG5hJ7kL9mN1pQ3rS5tU7vW9xY1zA2b',
    'gsk_' + 'Qw3eRt5yUi7oPa9sDf1gHj3kLz5xCv7bNm9q',
    'hf_' + 'aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456',
    'sk-or-v1-' + '0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071',
    'xai-' + 'Kq8wE2rT6yU0iO4pA8sD2fG6hJ0kL4zX8cV2bN6m',
    'AKIA' + 'IOSFODNN7EXAMPLF',
    'lowercasekey' + '9f8e7d6c5b4a3928',
  ];
  const code = [
    `import express from 'express';`,
    `import OpenAI from 'openai';`,
    `import Anthropic from '@anthropic-ai/sdk';`,
    `const app = express();`,
    `const openai = new OpenAI({ apiKey: '${KEYS[0]}' });`,
    `const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY ?? '${KEYS[1]}' });`,
    `const GEMINI = '${KEYS[2]}';`,
    `const headers = { Authorization: 'Bearer ${KEYS[3]}' };`,
    `const HF_TOKEN = \`${KEYS[4]}\`;`,
    `const urls = ['https://openrouter.ai/api/v1?key=${KEYS[5]}'];`,
    `const config = { xai: { apiKey: '${KEYS[6]}' }, aws: '${KEYS[7]}' };`,
    `const ALLOWED = ['${KEYS[8]}'];`,
    `app.post('/x', async (req, res) => {`,
    `  if (req.headers['x-api-key'] === '${KEYS[8]}') return res.json({ ok: true, key: GEMINI });`,
    `  if (!ALLOWED.includes(String(req.headers['x-api-key']))) return res.sendStatus(401);`,
    `  console.log('using', config.xai.apiKey, process.env.OPENAI_API_KEY);`,
    `  res.json({ key: process.env.OPENAI_API_KEY, token: HF_TOKEN, headers, urls, openai, anthropic, config });`,
    `});`,
  ].join('\n');

  it('show at most 6 characters of any key, in every rule of the all config', async () => {
    const messages = await lint(code, [plugin.configs.all as Linter.Config]);
    const rules = new Set(messages.map((m) => m.ruleId));
    // The file does reach the key rules: a test that found nothing could not fail.
    expect(['llm-security/no-hardcoded-api-key', 'llm-security/no-api-key-in-response', 'llm-security/no-sensitive-logging'].every((id) => rules.has(id))).toBe(true);
    expect(messages.filter((m) => m.ruleId === 'llm-security/no-hardcoded-api-key').length).toBeGreaterThanOrEqual(6);
    const texts = messages.flatMap((m) => [m.message, ...(m.suggestions ?? []).map((s) => s.desc)]);
    for (const key of KEYS) {
      for (let i = 0; i + 7 <= key.length; i++) {
        const piece = key.slice(i, i + 7);
        for (const text of texts) expect(text, `a message shows '${piece}' of a key`).not.toContain(piece);
      }
    }
  });
});
