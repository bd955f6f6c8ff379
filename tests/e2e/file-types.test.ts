import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

/** The recommended config alone must parse every JavaScript and TypeScript flavour. */
const cases: [string, string][] = [
  ['a.ts', 'const x = <string>value;\nexport {};\n'],
  ['a.mts', 'export const x: number = 1;\n'],
  ['a.cts', 'import fs = require("fs");\nexport = fs;\n'],
  ['a.tsx', 'export const A = <T,>(p: T) => <div>{String(p)}</div>;\n'],
  ['a.js', 'export const a = <div />;\n'],
  ['a.jsx', 'export default function A() { return <b>x</b>; }\n'],
  ['a.mjs', 'export const x = await Promise.resolve(1);\n'],
  ['a.cjs', "if (!module.parent) return;\nconst OpenAI = require('openai');\n"],
];

const systemLeak = (ext: string) =>
  ext.includes('ts')
    ? "import OpenAI from 'openai'; const o = new OpenAI(); export async function POST(r: Request) { const { p } = await r.json(); const c = await o.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'system', content: `Be ${p}` }] }); return Response.json({ text: c.choices[0].message.content }); }\n"
    : "const OpenAI = require('openai'); const o = new OpenAI(); app.post('/x', (req, res) => o.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'system', content: `Be ${req.body.p}` }] }));\n";

describe('the recommended config lints every file type', () => {
  const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname), overrideConfigFile: true, overrideConfig: [plugin.configs.recommended as never] });

  it.each(cases)('%s parses', async (file, code) => {
    const [result] = await eslint.lintText(code, { filePath: path.resolve(import.meta.dirname, file) });
    expect(result.messages).toEqual([]);
  });

  it.each(cases.map(([file]) => [file]))('%s gets the rules', async (file) => {
    const [result] = await eslint.lintText(systemLeak(path.extname(file)), { filePath: path.resolve(import.meta.dirname, file) });
    expect(result.messages.map((m) => m.ruleId)).toEqual(['llm-security/no-user-input-in-system-prompt']);
  });
});
