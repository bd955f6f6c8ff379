import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { clearModuleAnalyses } from '../../src/dataflow/file-analysis.js';
import plugin from '../../src/index.js';
import { clearModuleCache } from '../../src/program/modules.js';

/**
 * Cross-file shapes written to temporary projects: helpers that pass on only part of what
 * they get, sanitizing helpers, import cycles linted in any order, files that appear during an
 * editor session, and the module shapes of CommonJS and TypeScript.
 */
const root = mkdtempSync(path.join(tmpdir(), 'llm-security-edges-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let projects = 0;
function project(files: Record<string, string>): string {
  const dir = path.join(root, `p${projects++}`);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

async function lint(dir: string, patterns: string[], config: Linter.Config = plugin.configs.recommended as Linter.Config): Promise<string[]> {
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [config] });
  const results = await eslint.lintFiles(patterns);
  return results.flatMap((r) => r.messages.map((m) => `${path.relative(dir, r.filePath)}:${m.line} ${m.ruleId?.replace('llm-security/', '')} ${m.message}`));
}

const fresh = () => {
  clearModuleAnalyses();
  clearModuleCache();
};

const EXPRESS = `import express from 'express';\nimport OpenAI from 'openai';\nconst app = express();\nconst openai = new OpenAI();\n`;

describe('helpers in other modules that pass on only part of a value', () => {
  it('stay quiet when the helper logs or sends only safe members, and report when it sends the rest', async () => {
    const dir = project({
      'helpers.ts': `import pino from 'pino';
import type { Request, Response } from 'express';
const logger = pino();
export function logRequest(req: Request) { logger.info({ method: req.method, path: req.path }); }
export function logUser(user: { id: string }) { logger.info({ userId: user.id }); }
export function sendError(res: Response, err: unknown) { res.status(500).json({ code: (err as { code?: string }).code }); }
export function sendAnswer(res: Response, completion: { choices: { message: { content: string | null } }[] }) { res.json({ text: completion.choices[0].message.content }); }
export function sendAll(res: Response, completion: unknown) { res.json(completion); }
`,
      'server.ts': `${EXPRESS}import { logRequest, logUser, sendAll, sendAnswer, sendError } from './helpers';
app.use((req, res, next) => { logRequest(req); next(); });
app.post('/chat', async (req, res) => {
  logUser(req.body);
  try {
    const completion = await openai.chat.completions.create({ model: 'm', max_tokens: 50, messages: [{ role: 'user', content: req.body.q }] });
    sendAnswer(res, completion);
    sendAll(res, completion);
  } catch (err) {
    sendError(res, err);
  }
});
`,
    });
    // The whole result is sent by the helper, which takes a typed response: reported there, at res.json, once.
    const found = await lint(dir, ['server.ts', 'helpers.ts']);
    expect(found.map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual(['helpers.ts:8 no-raw-llm-response']);
    expect(found[0]).toContain('The raw result object of openai chat.completions.create (line 10 of server.ts) is sent to the client through res.json via completion -> sendAll() at server.ts:12');
    expect(await lint(dir, ['server.ts'])).toEqual([]);
  });

  it('report a plain JavaScript response helper at its response when every caller hands it a response', async () => {
    const dir = project({
      'package.json': '{ "type": "module" }',
      'http.js': `export function sendError(res, error) {
  res.status(500).json({ error: error.message });
}
export function sendSafe(res, error) {
  res.status(500).json({ error: 'Internal Server Error', code: error.code });
}
export function reply(target, error) {
  target.status(500).json({ error: error.message });
}
`,
      'server.js': `import express from 'express';
import { reply, sendError, sendSafe } from './http.js';
const app = express();
app.post('/a', async (req, res) => { try { await run(req.body); } catch (err) { sendError(res, err); } });
app.post('/b', async (req, res) => { try { await run(req.body); } catch (err) { sendSafe(res, err); } });
app.post('/c', async (req, res) => { try { await run(req.body); } catch (err) { reply(res, err); } });
reply(makeRecorder(), new Error('test'));
`,
    });
    const found = await lint(dir, ['*.js']);
    // sendError: at its response, once. sendSafe: quiet. reply: one caller passes something else, so the call reports it.
    expect(found.map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual(['http.js:2 no-error-details-in-response', 'server.js:6 no-error-details-in-response']);
    expect(found[0]).toContain("Error details 'err.message' (line 4 of server.js) reach the client through res.json via sendError() at server.js:4");
  });

  it('never link a method of a handler\'s response by name to a project function', async () => {
    const dir = project({
      'ai.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export class Renderer {
  async render(template: string, data: unknown) {
    return openai.chat.completions.create({ model: 'm', max_tokens: 50, messages: [{ role: 'system', content: template }, { role: 'user', content: String(data) }] });
  }
}
`,
      'server.ts': `import express from 'express';
const app = express();
app.post('/page', (req, res) => { res.render(req.body.view, { q: req.body.q }); });
function show(target: { render(view: string, data: object): void }, view: string) { target.render(view, {}); }
app.post('/show', (req, res) => show(res, req.body.view));
`,
    });
    // \`res.render\` is Express's, whatever the project stores under \`render\`; so is a helper's \`target.render\`.
    expect(await lint(dir, ['*.ts'])).toEqual([]);
  });

  it('stay quiet when the helper sanitizes before the sink (strict config)', async () => {
    const dir = project({
      'lib/html.ts': `import DOMPurify from 'isomorphic-dompurify';
export function cleanHtml(html: string) { return DOMPurify.sanitize(html); }
export function reply(res: { json(body: unknown): void }, text: string) { res.json({ text: DOMPurify.sanitize(text) }); }
export function render(el: { innerHTML: string }, html: string) { el.innerHTML = DOMPurify.sanitize(html); }
`,
      'server.ts': `${EXPRESS}import { cleanHtml, render, reply } from './lib/html';
app.post('/a', async (req, res) => {
  const c = await openai.chat.completions.create({ model: 'm', max_tokens: 50, messages: [{ role: 'user', content: req.body.q }] });
  const text = c.choices[0].message.content ?? '';
  res.send(cleanHtml(text));
  reply(res, text);
  render(target, text);
});
declare const target: { innerHTML: string };
`,
    });
    expect(await lint(dir, ['server.ts'], plugin.configs.strict as Linter.Config)).toEqual([]);
  });
});

describe('import cycles', () => {
  const files = {
    'a.ts': `import OpenAI from 'openai';
import { fb } from './b';
const openai = new OpenAI();
export function fa(persona: string) { return fb(persona); }
export async function ha(persona: string) {
  return openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'system', content: persona }] });
}
`,
    'b.ts': `import { ha } from './a';
export function fb(persona: string) { return ha(persona); }
`,
    'route1.ts': `import express from 'express';\nimport { fa } from './a';\nconst app = express();\napp.post('/1', async (req, res) => { await fa(req.body.persona); res.sendStatus(204); });\n`,
    'route2.ts': `import express from 'express';\nimport { fb } from './b';\nconst app = express();\napp.post('/2', async (req, res) => { await fb(req.body.persona); res.sendStatus(204); });\n`,
  };

  it('give the same findings whatever order the files are linted in', async () => {
    const dir = project(files);
    fresh();
    const together = await lint(dir, ['a.ts', 'b.ts', 'route1.ts', 'route2.ts']);
    fresh();
    const one = [];
    for (const file of ['route2.ts', 'b.ts', 'route1.ts', 'a.ts']) one.push(...(await lint(dir, [file])));
    // Both routes reach the one system slot in a.ts, through a cycle between a.ts and b.ts: one finding, there.
    expect(together.map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual(['a.ts:6 no-user-input-in-system-prompt']);
    expect(one).toEqual(together);
  });

  it('end in a barrel that re-exports itself in a cycle', async () => {
    const dir = project({
      'ai/one.ts': `export * from './two';\nexport const ONE = 1;\n`,
      'ai/two.ts': `export * from './one';\nexport * from './prompts';\n`,
      'ai/prompts.ts': 'export function persona(p: string) { return `You are ${p}.`; }\n',
      'server.ts': `${EXPRESS}import { persona, MISSING } from './ai/one';
app.post('/x', async (req, res) => {
  await openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'system', content: persona(req.body.p) }] });
  res.json({ m: MISSING });
});
`,
    });
    const found = await lint(dir, ['server.ts']);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('via persona() in ai/prompts.ts:1');
  });
});

describe('editor sessions', () => {
  it('see a module that is created after the file importing it was linted', async () => {
    const route = `${EXPRESS}import { persona } from './late';
app.post('/x', async (req, res) => {
  await openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'system', content: persona(req.body.p) }] });
  res.sendStatus(204);
});
`;
    const dir = project({ 'server.ts': route });
    expect(await lint(dir, ['server.ts'])).toEqual([]);
    writeFileSync(path.join(dir, 'late.ts'), 'export const persona = (p: string) => `You are ${p}.`;\n');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await lint(dir, ['server.ts'])).toHaveLength(1);
  });
});

describe('module shapes', () => {
  it('follow export default objects, export =, import = require(), overloads and module.exports functions', async () => {
    const dir = project({
      'prompts/object.ts': 'function persona(p: string) { return `You are ${p}.`; }\nexport default { persona };\n',
      'prompts/assign.ts': 'function persona(p: string) { return `You are ${p}.`; }\nexport = persona;\n',
      'prompts/overload.ts':
        'export function persona(p: string): string;\nexport function persona(p: number): string;\nexport function persona(p: unknown) { return `You are ${String(p)}.`; }\n',
      'prompts/cjs.js': 'module.exports = function persona(p) { return `You are ${p}.`; };\n',
      'server.ts': `${EXPRESS}import object from './prompts/object';
import assign = require('./prompts/assign');
import { persona as overloaded } from './prompts/overload';
const cjs = require('./prompts/cjs.js');
const ask = (system: string) => openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'system', content: system }] });
app.post('/x', async (req, res) => {
  await ask(object.persona(req.body.a));
  await ask(assign(req.body.b));
  await ask(overloaded(req.body.c));
  await ask(cjs(req.body.d));
  res.sendStatus(204);
});
`,
    });
    const found = await lint(dir, ['server.ts']);
    expect(found.map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual([
      'server.ts:11 no-user-input-in-system-prompt',
      'server.ts:12 no-user-input-in-system-prompt',
      'server.ts:13 no-user-input-in-system-prompt',
      'server.ts:14 no-user-input-in-system-prompt',
    ]);
    // Named as defined, even when imported under another name.
    expect(found[2]).toContain('persona() in prompts/overload.ts:3');
  });

  it('names files outside the working directory relatively', async () => {
    const dir = project({
      'shared/prompts.ts': 'export const persona = (p: string) => `You are ${p}.`;\n',
      'app/server.ts': `${EXPRESS}import { persona } from '../shared/prompts';
app.post('/x', async (req, res) => {
  await openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'system', content: persona(req.body.p) }] });
  res.sendStatus(204);
});
`,
    });
    const eslint = new ESLint({ cwd: path.join(dir, 'app'), overrideConfigFile: true, overrideConfig: [plugin.configs.recommended as Linter.Config] });
    const [result] = await eslint.lintFiles(['server.ts']);
    expect(result.messages.map((m) => m.message)).toEqual([expect.stringContaining('via persona() in ../shared/prompts.ts:1')]);
  });
});

describe('prompt helpers', () => {
  it('do not count a fallback return as instructions, and report each SDK call of a helper in the helper', async () => {
    const dir = project({
      'lib.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export function normalizeQuestion(q: string) { if (!q) return 'Tell me what you can help me with today, please.'; return q.trim(); }
export async function ask(persona: string) {
  const first = await openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'system', content: persona }] });
  const second = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'system', content: persona }] });
  return [first, second];
}
// Called only with a constant: its system slot gets no request data.
export async function greet(persona: string) {
  return openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'system', content: persona }] });
}
`,
      'server.ts': `${EXPRESS}import { ask, greet, normalizeQuestion } from './lib';
app.post('/x', async (req, res) => {
  const question = normalizeQuestion(req.body.q);
  await openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'system', content: 'You are a helpful assistant.' }, { role: 'user', content: question }] });
  await ask(req.body.persona);
  await greet('a pirate');
  res.sendStatus(204);
});
`,
    });
    const found = await lint(dir, ['server.ts', 'lib.ts']);
    expect(found.map((f) => f.split(' ').slice(0, 2).join(' ')).sort()).toEqual([
      'lib.ts:5 no-user-input-in-system-prompt',
      'lib.ts:6 no-user-input-in-system-prompt',
      'lib.ts:6 require-max-tokens',
    ]);
  });
});

describe('odd module shapes', () => {
  it('lint without errors whatever the imported modules hold', async () => {
    const dir = project({
      'odd/types.ts': `export interface Options { system: string }
export type Role = 'system' | 'user';
export enum Mode { Fast, Slow }
export declare function declared(x: string): string;
export namespace Prompts { export const base = 'You are helpful.'; export function of(x: string) { return \`\${base} \${x}\`; } }
export abstract class Base { abstract run(x: string): Promise<string>; get name() { return 'base'; } static make() { return 1; } }
export default class { ask(x: string) { return x; } }
export * as everything from './more';
export const arrow = async function* (x: string) { yield x; };
export const { destructured } = { destructured: (x: string) => x };
declare module 'virtual' { export function v(): void; }
`,
      'odd/more.ts': 'export const more = (x: string) => x;\nexport { more as default };\n',
      'odd/view.tsx': 'export const View = ({ html }: { html: string }) => <div dangerouslySetInnerHTML={{ __html: html }} />;\n',
      'server.ts': `${EXPRESS}import Anon, { Mode, Prompts, declared, Base, everything, arrow, destructured, type Options } from './odd/types';
import * as types from './odd/types';
import more from './odd/more';
import { View } from './odd/view';
app.post('/x', async (req, res) => {
  const o: Options = { system: declared(req.body.a) };
  const anon = new Anon();
  for await (const x of arrow(req.body.b)) void x;
  await openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [
    { role: 'system', content: Prompts.of('k') + types.Prompts.base + o.system + anon.ask('k') + destructured('k') + everything.more(req.body.c) + more('k') },
  ] });
  res.json({ mode: Mode.Fast, base: Base.make(), view: String(View) });
});
`,
    });
    const found = await lint(dir, ['**/*.{ts,tsx}'], plugin.configs.all as Linter.Config);
    expect(found.filter((f) => f.includes(' null '))).toEqual([]);
    // `export * as everything` is followed; a declared function without a body carries nothing.
    const prompt = found.filter((f) => f.includes('no-user-input-in-system-prompt'));
    expect(prompt).toEqual([expect.stringContaining("Request data 'req.body.c' (line 14)")]);
    expect(prompt[0]).toContain('via more() in odd/more.ts:1');
  });
});
