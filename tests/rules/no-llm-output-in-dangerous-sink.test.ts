import rule from '../../rules/no-llm-output-in-dangerous-sink.js';
import { lines, ruleTester } from './tester.js';

const messageId = 'outputInSink' as const;
const openai = [`import OpenAI from 'openai';`, `const openai = new OpenAI();`];
const toolBlocks = [
  `import express from 'express'; import Anthropic from '@anthropic-ai/sdk'; import { GoogleGenAI } from '@google/genai'; import { readFile } from 'node:fs/promises';`,
  `const app = express(); const anthropic = new Anthropic(); const ai = new GoogleGenAI({});`,
];
const completion = `const r = await openai.chat.completions.create({ model: 'm', max_tokens: 200, messages: [{ role: 'user', content: q }] });`;
const text = `const text = r.choices[0].message.content;`;

const mcpRoute = `app.post('/run', async (req, res) => { const result = await client.callTool({ name: 'suggest_command', arguments: { goal: String(req.body.goal) } }); const first = result.content[0]; exec(first.type === 'text' ? first.text : '', () => {}); res.json({ ok: !result.isError }); });`;

ruleTester().run('no-llm-output-in-dangerous-sink', rule, {
  valid: [
    {
      name: "a project's own callTool (no MCP client imported): its result is the project's value",
      code: lines(`import express from 'express'; import { exec } from 'node:child_process';`, `const app = express(); const client = { callTool: async (_: unknown) => ({ isError: false, content: [{ type: 'text', text: 'ls' }] }) };`, mcpRoute),
    },
    {
      name: 'tool arguments that reach only a parameterized query, and a tool() that is not an SDK tool',
      code: lines(
        `import { tool } from 'ai'; import { z } from 'zod'; import pg from 'pg'; import { exec } from 'node:child_process';`,
        `import { tool as myTool } from './my-tools';`,
        `declare const pool: pg.Pool;`,
        `export const lookup = tool({ description: 'find an order', inputSchema: z.object({ id: z.string() }), execute: async ({ id }) => (await pool.query('SELECT * FROM orders WHERE id = $1', [id])).rows });`,
        `export const local = myTool({ execute: async ({ cmd }) => exec(cmd) });`,
      ),
    },
    {
      name: "a function named by a tool-like call that is no SDK's tool, and one the SDK tool does not run",
      code: lines(
        `import { tool } from 'ai'; import { z } from 'zod'; import { exec } from 'node:child_process';`,
        `import { register } from './registry';`,
        `async function shell({ cmd }: { cmd: string }) { exec(cmd); return 'ok'; }`,
        `export const local = register({ execute: shell });`,
        `export const help = tool({ description: 'help', inputSchema: z.object({}), execute: async () => 'see the docs', onError: shell });`,
      ),
    },
    {
      name: 'a function a tool names that the program also calls, writes again or exports: its arguments come from elsewhere too',
      code: lines(
        `import { tool } from 'ai'; import { z } from 'zod'; import { execSync } from 'node:child_process';`,
        `async function buildCommand({ host }: { host: string }) { return \`dig +short \${host}\`; }`,
        `export const dns = tool({ description: 'dns', inputSchema: z.object({ host: z.string() }), execute: buildCommand });`,
        `export async function nightly() { execSync(await buildCommand({ host: 'example.com' })); }`,
        `let run = async ({ cmd }: { cmd: string }) => execSync(cmd).toString(); run = async () => 'off';`,
        `export const runner = tool({ description: 'run', inputSchema: z.object({ cmd: z.string() }), execute: run });`,
        `export async function normalize({ path }: { path: string }) { execSync(\`ls \${path}\`); }`,
        `export const lister = tool({ description: 'ls', inputSchema: z.object({ path: z.string() }), execute: normalize });`,
      ),
    },
    {
      name: 'a path, a query and a redirect that hold no model output',
      code: lines(
        `import fs from 'node:fs'; import path from 'node:path'; import pg from 'pg';`,
        ...openai,
        `declare const pool: pg.Pool; declare const app: { pg: pg.Pool; cache: { query(q: string): void } };`,
        `export async function run(q: string, name: string) { ${completion} ${text}`,
        `  fs.readFileSync(path.join('/data', name)); const sql = 'SELECT 1'; await pool.query(sql); app.cache.query(text ?? ''); }`,
      ),
    },
    {
      name: 'a helper that only measures the output',
      code: lines(...openai, `function show(text: string | null) { console.log(text?.length); }`, `export async function answer(q: string) { ${completion} ${text} show(text); }`),
    },
    {
      name: 'LLM text escaped or purified before HTML',
      code: lines(
        ...openai,
        `export async function show(el, q) { ${completion} ${text}`,
        `  el.innerHTML = escapeHtml(text); el.insertAdjacentHTML('beforeend', DOMPurify.sanitize(text)); el.textContent = text; }`,
      ),
    },
    {
      name: 'SQL with bound parameters, and a literal query',
      code: lines(
        `import pg from 'pg';`,
        ...openai,
        `export async function save(db, q) { ${completion} ${text}`,
        `  await db.query('INSERT INTO answers (text) VALUES ($1)', [text]); await db.query('SELECT 1');`,
        '  await cache.get(`chat:${text}`); await redis.get("resp:" + text); }',
      ),
    },
    {
      name: 'LLM text written into a file (the data, not the path), and sent as a response',
      code: lines(
        `import fs from 'node:fs/promises';`,
        ...openai,
        `export async function keep(res, q) { ${completion} ${text}`,
        `  await fs.writeFile('/var/app/answers.txt', text); res.json({ text }); }`,
      ),
    },
    {
      name: 'request data in eval is not LLM output (a different rule), and a stream write is not document.write',
      code: lines(
        ...openai,
        `export async function run(stream, q) { ${completion} ${text} stream.write(text); eval(q); }`,
      ),
    },
    {
      name: 'a redirect to a fixed page after the call, and exec of a fixed command',
      code: lines(
        `import { exec } from 'node:child_process';`,
        ...openai,
        `export async function done(res, q) { ${completion} ${text} exec('git status'); res.redirect('/done'); }`,
      ),
    },
    {
      name: 'regular expressions exec the text in a file that imports child_process',
      code: lines(
        `import { exec } from 'node:child_process';`,
        ...openai,
        `export async function parse(q) { ${completion} ${text} const m = /(\\d+)/.exec(text); const pattern = /x/g; return pattern.exec(text) ?? m; }`,
      ),
    },
    {
      name: 'spawn without a shell takes arguments, not a command line',
      code: lines(
        `import { spawn } from 'node:child_process';`,
        ...openai,
        `export async function say(q) { ${completion} ${text} spawn('say', [text]); spawn('say', [text], { shell: false }); }`,
      ),
    },
    {
      name: 'no LLM call in the file',
      code: `export function show(el, html) { el.innerHTML = html; eval(html); }`,
    },
  ],
  invalid: [
    {
      name: "an MCP client's callTool result run as a shell command (the remote tool chose it)",
      code: lines(`import express from 'express'; import { exec } from 'node:child_process'; import { Client } from '@modelcontextprotocol/sdk/client/index.js';`, `const app = express(); const client = new Client({ name: 'gateway', version: '1.0.0' });`, mcpRoute),
      errors: [{ messageId, line: 3 }],
    },
    {
      name: "tool calls the model chose: an Anthropic tool_use block's input, Gemini's functionCalls()[0].args",
      code: lines(
        ...toolBlocks,
        `app.post('/a', async (req, res) => { const message = await anthropic.messages.create({ model: 'm', max_tokens: 300, messages: [{ role: 'user', content: req.body.q }] }); const use = message.content.find((b) => b.type === 'tool_use'); res.send(await readFile(use.input.path, 'utf8')); });`,
        `app.post('/b', async (req, res) => { const response = await ai.models.generateContent({ model: 'm', contents: req.body.q, config: { maxOutputTokens: 300 } }); res.send(await readFile(response.functionCalls[0].args.path, 'utf8')); });`,
      ),
      errors: [
        { messageId, line: 3, column: 259, data: { call: 'anthropic messages.create', line: '3', via: ' via message.content -> use.input.path', api: 'readFile', effect: 'uses it as a file path (path traversal)' } },
        { messageId, line: 4, column: 184, data: { call: 'google models.generateContent', line: '4', via: ' via response.functionCalls[0].args.path', api: 'readFile', effect: 'uses it as a file path (path traversal)' } },
      ],
    },
    {
      name: 'ai tool(): the arguments the model chose reach a shell',
      code: lines(
        `import { tool } from 'ai'; import { z } from 'zod'; import { exec } from 'node:child_process';`,
        `export const run = tool({ description: 'run', inputSchema: z.object({ cmd: z.string() }), execute: async ({ cmd }) => { exec(cmd); return 'ok'; } });`,
      ),
      errors: [{ messageId, line: 2 }],
    },
    {
      name: 'a tool whose function is written apart and named in it: the arguments the model chose reach a shell and eval',
      code: lines(
        `import { tool } from 'ai'; import { tool as lcTool } from '@langchain/core/tools'; import { z } from 'zod'; import { exec } from 'node:child_process';`,
        `async function shell({ cmd }: { cmd: string }) { exec(cmd); return 'ok'; }`,
        `const calculate = async ({ expression }: { expression: string }) => String(eval(expression));`,
        `export const run = tool({ description: 'run', inputSchema: z.object({ cmd: z.string() }), execute: shell });`,
        `export const calc = lcTool(calculate, { name: 'calc' });`,
      ),
      errors: [{ messageId, line: 2 }, { messageId, line: 3 }],
    },
    {
      name: 'langchain tool(fn) and DynamicStructuredTool: the arguments reach eval and a query',
      code: lines(
        `import { tool, DynamicStructuredTool } from '@langchain/core/tools'; import pg from 'pg';`,
        `declare const pool: pg.Pool;`,
        `export const calc = tool(async ({ expression }) => String(eval(expression)), { name: 'calc' });`,
        `export const sql = new DynamicStructuredTool({ name: 'sql', description: 'run SQL', schema: {}, func: async ({ query }) => JSON.stringify((await pool.query(query)).rows) });`,
      ),
      errors: [{ messageId, line: 3 }, { messageId, line: 4 }],
    },
    {
      name: 'model text joined into a file path, run as a query held in a variable, and on a database plugin',
      code: lines(
        `import fs from 'node:fs'; import path from 'node:path'; import pg from 'pg';`,
        ...openai,
        `declare const pool: pg.Pool; declare const app: { pg: pg.Pool };`,
        `export async function run(q: string) { ${completion} ${text}`,
        `  fs.readFileSync(path.join('/data', text ?? ''));`,
        `  const sql = text ?? ''; await pool.query(sql); await app.pg.query(sql); }`,
      ),
      errors: [{ messageId, line: 6 }, { messageId, line: 7 }, { messageId, line: 7 }],
    },
    {
      name: 'a helper that evaluates its argument: reported at the call',
      code: lines(...openai, `function run(code: string | null) { return eval(code ?? ''); }`, `export async function answer(q: string) { ${completion} ${text} return run(text); }`),
      errors: [{ messageId, line: 4 }],
    },
    {
      name: 'eval and new Function on LLM text (OpenAI)',
      code: lines(...openai, `export async function run(q) { ${completion} ${text}`, `  eval(text); const f = new Function('x', text); }`),
      errors: [
        { messageId, line: 4, column: 8, data: { call: 'openai chat.completions.create', line: '3', via: ' via r.choices[0].message.content -> text', api: 'eval', effect: 'runs it as code' } },
        { messageId, line: 4, column: 43, data: { call: 'openai chat.completions.create', line: '3', via: ' via r.choices[0].message.content -> text', api: 'Function', effect: 'runs it as code' } },
      ],
    },
    {
      name: 'Vercel ai: generated text in a shell command and a vm script',
      code: lines(
        `import { generateText } from 'ai'; import { execSync } from 'node:child_process'; import vm from 'node:vm';`,
        `export async function agent(q) {`,
        `  const { text: cmd } = await generateText({ model, prompt: q, maxOutputTokens: 100 });`,
        '  execSync(`bash -c "${cmd}"`); vm.runInNewContext(cmd, {});',
        `}`,
      ),
      errors: [
        { messageId, line: 4, column: 12, data: { call: 'ai generateText', line: '3', via: ' via cmd', api: 'execSync', effect: 'runs it in a shell' } },
        { messageId, line: 4, column: 52, data: { call: 'ai generateText', line: '3', via: ' via cmd', api: 'vm.runInNewContext', effect: 'runs it as code' } },
      ],
    },
    {
      name: 'Anthropic: markup through innerHTML, insertAdjacentHTML and document.write',
      code: lines(
        `import Anthropic from '@anthropic-ai/sdk'; const anthropic = new Anthropic();`,
        `export async function render(el, q) {`,
        `  const msg = await anthropic.messages.create({ model: 'm', max_tokens: 100, messages: [{ role: 'user', content: q }] });`,
        `  const html = msg.content[0].text;`,
        `  el.innerHTML = html; el.insertAdjacentHTML('beforeend', '<p>' + html + '</p>'); document.write(html);`,
        `}`,
      ),
      errors: [
        { messageId, line: 5, column: 18, data: { call: 'anthropic messages.create', line: '3', via: ' via msg.content[0].text -> html', api: 'innerHTML', effect: 'renders it as HTML (script injection)' } },
        { messageId, line: 5, column: 59, data: { call: 'anthropic messages.create', line: '3', via: ' via msg.content[0].text -> html', api: 'el.insertAdjacentHTML', effect: 'renders it as HTML (script injection)' } },
        { messageId, line: 5, column: 98, data: { call: 'anthropic messages.create', line: '3', via: ' via msg.content[0].text -> html', api: 'document.write', effect: 'renders it as HTML (script injection)' } },
      ],
    },
    {
      name: 'React: dangerouslySetInnerHTML with model output',
      code: lines(
        ...openai,
        `export async function Answer({ q }) { ${completion}`,
        `  return <div dangerouslySetInnerHTML={{ __html: r.choices[0].message.content }} />; }`,
      ),
      errors: [{ messageId, line: 4, column: 15, data: { call: 'openai chat.completions.create', line: '3', via: ' via r.choices[0].message.content', api: 'dangerouslySetInnerHTML', effect: 'renders it as HTML (script injection)' } }],
    },
    {
      name: 'SQL built from model output (template, concatenation, Prisma unsafe, knex.raw)',
      code: lines(
        `import { PrismaClient } from '@prisma/client'; import knex from 'knex';`,
        ...openai,
        `export async function ask(db, prisma, q) { ${completion} ${text}`,
        '  await db.query(`SELECT * FROM t WHERE ${text}`); await db.query("SELECT * FROM t WHERE " + text);',
        `  await prisma.$queryRawUnsafe(text); await knex.raw(text); }`,
      ),
      errors: [
        { messageId, line: 5, column: 18, data: { call: 'openai chat.completions.create', line: '4', via: ' via r.choices[0].message.content -> text', api: 'db.query', effect: 'runs it as SQL' } },
        { messageId, line: 5, column: 67, data: { call: 'openai chat.completions.create', line: '4', via: ' via r.choices[0].message.content -> text', api: 'db.query', effect: 'runs it as SQL' } },
        { messageId, line: 6, column: 32, data: { call: 'openai chat.completions.create', line: '4', via: ' via r.choices[0].message.content -> text', api: 'prisma.$queryRawUnsafe', effect: 'runs it as SQL' } },
        { messageId, line: 6, column: 54, data: { call: 'openai chat.completions.create', line: '4', via: ' via r.choices[0].message.content -> text', api: 'knex.raw', effect: 'runs it as SQL' } },
      ],
    },
    {
      name: 'Express: redirect, sendFile and fs paths from model output; a dynamic import',
      code: lines(
        `import express from 'express'; import fs from 'node:fs';`,
        ...openai,
        `const app = express();`,
        `app.post('/go', async (req, res) => { const q = req.body.q; ${completion} ${text}`,
        `  const data = fs.readFileSync(text); await import(text); if (data) res.sendFile(text); else res.redirect(text); });`,
      ),
      errors: [
        { messageId, line: 6, column: 32, data: { call: 'openai chat.completions.create', line: '5', via: ' via r.choices[0].message.content -> text', api: 'fs.readFileSync', effect: 'uses it as a file path (path traversal)' } },
        { messageId, line: 6, column: 52, data: { call: 'openai chat.completions.create', line: '5', via: ' via r.choices[0].message.content -> text', api: 'import()', effect: 'loads it as a module' } },
        { messageId, line: 6, column: 82, data: { call: 'openai chat.completions.create', line: '5', via: ' via r.choices[0].message.content -> text', api: 'res.sendFile', effect: 'uses it as a file path (path traversal)' } },
        { messageId, line: 6, column: 107, data: { call: 'openai chat.completions.create', line: '5', via: ' via r.choices[0].message.content -> text', api: 'res.redirect', effect: 'sends the user to it (open redirect)' } },
      ],
    },
    {
      name: 'spawn with shell: true, through a helper that returns the text',
      code: lines(
        `import { spawn } from 'node:child_process';`,
        ...openai,
        `async function suggest(q) { ${completion} return r.choices[0].message.content; }`,
        `export async function run(q) { const cmd = await suggest(q); spawn(cmd, { shell: true }); }`,
      ),
      errors: [{ messageId, line: 5, column: 68, data: { call: 'openai chat.completions.create', line: '4', via: ' via r.choices[0].message.content -> suggest() -> cmd', api: 'spawn', effect: 'runs it in a shell' } }],
    },
  ],
});
