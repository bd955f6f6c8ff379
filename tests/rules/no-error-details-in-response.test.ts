import rule from '../../rules/no-error-details-in-response.js';
import { lines, ruleTester } from './tester.js';

const messageId = 'errorDetails' as const;
const express = [`import express from 'express';`, `const app = express();`];

const fastify = [`import Fastify from 'fastify'; import sensible from '@fastify/sensible';`, `const app = Fastify(); app.register(sensible);`];
const honoStream = [`import { Hono } from 'hono'; import { stream } from 'hono/streaming';`, `const app = new Hono();`];
/** A project function whose error text sits only under `success: false` of its result. */
const revertService = `async function revert(id) { try { await run(id); return { success: true, message: 'Reverted' }; } catch (error) { return { success: false, message: error.message }; } }`;
const flagRoutes = [
  `app.post('/a', async (req, res) => { const result = await revert(req.params.id); if (result.success) { res.json({ ok: true }); } else { res.status(409).json({ message: result.message }); } });`,
  `app.post('/b', async (req, res) => { const result = await revert(req.params.id); res.json({ message: result.message }); });`,
  `app.post('/c', async (req, res) => { const other = await revert('x'); const result = await revert(req.params.id); if (other.success) res.json({ message: result.message }); });`,
  `app.post('/d', async (req, res) => { let result = await revert('x'); if (result.success) { result = await revert(req.params.id); res.json({ message: result.message }); } });`,
];

/**
 * Flags that a catch clause clears (`let healthy = true; … catch (error) { healthy = false; … }`):
 * where a check says the flag still holds its first value, that catch has not run. Each route
 * with the shorthand it sends that is reported (replaced by the suggestion).
 */
const catchFlagRoutes: [string, string][] = [
  // Reported only in the branch where the catch may have run.
  [`app.get('/a', (req, res) => { let healthy = true; const results = {}; for (const name of NAMES) { try { check(name); results[name] = { status: 'ok' }; } catch (error) { healthy = false; results[name] = { status: 'error', message: error.message }; } } if (!healthy) { res.status(500).json({ results }); } else { res.json({ status: 'healthy', results }); } });`, '{ results }'],
  [`app.get('/e', (req, res) => { let failed = false; let detail = ''; try { run(); } catch (error) { failed = true; detail = error.message; } if (failed) { res.status(500).json({ detail }); return; } res.json({ ok: true, detail }); });`, '{ detail }'],
  // Near misses: the flag is set back, written only on a condition, or cleared by another catch.
  [`app.get('/b', (req, res) => { let healthy = true; const results = {}; for (const name of NAMES) { healthy = true; try { check(name); } catch (error) { healthy = false; results[name] = { message: error.message }; } } if (healthy) res.json({ results }); });`, '{ results }'],
  [`app.get('/c', (req, res) => { let healthy = true; const results = {}; for (const name of NAMES) { try { check(name); } catch (error) { if (name !== 'optional') healthy = false; results[name] = { message: error.message }; } } if (healthy) res.json({ results }); });`, '{ results }'],
  [`app.get('/d', (req, res) => { let healthy = true; const results = {}; try { warm(); } catch (e) { healthy = false; } for (const name of NAMES) { try { check(name); } catch (error) { results[name] = { message: error.message }; } } if (healthy) res.json({ results }); });`, '{ results }'],
  // The flag starts again on each pass of a loop, or the send of a later pass follows the catch of an earlier one.
  [`app.get('/f', (req, res) => { const results = {}; for (const name of NAMES) { let ok = true; try { check(name); } catch (error) { ok = false; results[name] = { message: error.message }; } if (ok) res.json({ results }); } });`, '{ results }'],
  [`app.get('/g', (req, res) => { let ok = true; const results = {}; if (ok) for (const name of NAMES) { res.json({ results }); try { check(name); } catch (error) { ok = false; results[name] = { message: error.message }; } } });`, '{ results }'],
  // The flag is written after the error: the catch may leave in between.
  [`app.get('/h', (req, res) => { let healthy = true; const results = {}; for (const name of NAMES) { try { check(name); } catch (error) { results[name] = { message: error.message }; if (error.fatal) throw error; healthy = false; } } if (healthy) res.json({ results }); });`, '{ results }'],
];

/** A list whose entries say how they went (`{ kind: 'failure', error }`, `{ success: false, error }`), pushed in a loop. */
const outcomeList = (ok: string, failed: string) =>
  `const items = []; for (const n of NAMES) { try { items.push({ ${ok}, value: await load(n) }); } catch (e) { items.push({ ${failed}, error: e.message }); } }`;
/** Items whose `entries` list says how each step went, built in two loops. */
const nestedList = `const items = []; for (const n of NAMES) { const entries = []; for (const s of STEPS) { try { entries.push({ kind: 'ok', value: await run(s) }); } catch (e) { entries.push({ kind: 'failure', error: e.message }); } } items.push({ name: n, entries }); }`;
/** Lists after a filter, with what is sent ([route, the sent value replaced by the suggestion, or null when quiet]). */
const filterRoutes: [string, string | null][] = [
  // The filter drops exactly the entries that hold the error.
  [`app.get('/a', async (req, res) => { ${outcomeList("kind: 'ok'", "kind: 'failure'")} res.json({ items: items.filter((i) => i.kind !== 'failure') }); });`, null],
  [`app.get('/b', async (req, res) => { ${outcomeList('success: true', 'success: false')} res.json({ items: items.filter((i) => { return i.success; }) }); });`, null],
  // The filter keeps the field that holds the error empty.
  [`app.get('/f', async (req, res) => { ${outcomeList('name: n', 'name: n')} res.json({ items: items.filter((i) => !i.error) }); });`, null],
  [`app.get('/g', async (req, res) => { ${outcomeList('name: n', 'name: n')} res.json({ items: items.filter((i) => i.error === undefined && i.value) }); });`, null],
  [`app.get('/h', async (req, res) => { ${outcomeList('name: n', 'name: n')} res.json({ items: items.filter((i) => !i.value) }); });`, 'items.filter((i) => !i.value)'],
  [`app.get('/i', async (req, res) => { ${outcomeList('name: n', 'name: n')} res.json({ items: items.filter((i) => !i.error || req.query.all) }); });`, 'items.filter((i) => !i.error || req.query.all)'],
  // One list deeper: items whose entries hold no failure, or whose entries all went well.
  [`app.get('/n1', async (req, res) => { ${nestedList} res.json({ items: items.filter((i) => !i.entries.some((e) => e.kind === 'failure')) }); });`, null],
  [`app.get('/n2', async (req, res) => { ${nestedList} res.json({ items: items.filter((i) => i.entries.every((e) => e.kind === 'ok')) }); });`, null],
  [`app.get('/n3', async (req, res) => { ${nestedList} const good = items.filter((i) => !i.entries.some((e) => e.kind === 'failure')); res.json({ first: good[0].entries[0].error }); });`, null],
  // Near misses one list deeper: the entries are written again or their flag deleted before the filter.
  [`app.get('/n7', async (req, res) => { ${nestedList} for (const i of items) i.entries = i.entries.map((e) => ({ ...e, kind: 'ok' })); res.json({ items: items.filter((i) => !i.entries.some((e) => e.kind === 'failure')) }); });`, "items.filter((i) => !i.entries.some((e) => e.kind === 'failure'))"],
  [`app.get('/n8', async (req, res) => { ${nestedList} for (const i of items) for (const e of i.entries) delete e.kind; res.json({ items: items.filter((i) => !i.entries.some((e) => e.kind === 'failure')) }); });`, "items.filter((i) => !i.entries.some((e) => e.kind === 'failure'))"],
  // Near misses one list deeper: the filter keeps items with a failure, or asks about the other entries.
  [`app.get('/n4', async (req, res) => { ${nestedList} res.json({ items: items.filter((i) => i.entries.some((e) => e.kind === 'failure')) }); });`, "items.filter((i) => i.entries.some((e) => e.kind === 'failure'))"],
  [`app.get('/n5', async (req, res) => { ${nestedList} res.json({ items: items.filter((i) => !i.entries.some((e) => e.kind === 'ok')) }); });`, "items.filter((i) => !i.entries.some((e) => e.kind === 'ok'))"],
  [`app.get('/n6', async (req, res) => { ${nestedList} res.json({ first: items[0].entries[0].error }); });`, 'items[0].entries[0].error'],
  // Near misses: the flag is written again after the push, or compared across types.
  [`app.get('/j', async (req, res) => { ${outcomeList("kind: 'ok'", "kind: 'failure'")} for (const i of items) i.kind = 'done'; res.json({ items: items.filter((i) => i.kind !== 'failure') }); });`, "items.filter((i) => i.kind !== 'failure')"],
  [`app.get('/k', async (req, res) => { ${outcomeList('success: true', 'success: false')} res.json({ items: items.filter((i) => i.success == 0) }); });`, 'items.filter((i) => i.success == 0)'],
  // Near misses: it keeps the failures, its test says nothing of the flag, or nothing is filtered.
  [`app.get('/c', async (req, res) => { ${outcomeList("kind: 'ok'", "kind: 'failure'")} res.json({ items: items.filter((i) => i.kind === 'failure') }); });`, "items.filter((i) => i.kind === 'failure')"],
  [`app.get('/d', async (req, res) => { ${outcomeList("kind: 'ok'", "kind: 'failure'")} res.json({ items: items.filter((i) => i.value !== undefined) }); });`, 'items.filter((i) => i.value !== undefined)'],
  [`app.get('/e', async (req, res) => { ${outcomeList("kind: 'ok'", "kind: 'failure'")} res.json({ items: items.filter((i) => i.kind !== 'ok' || i.retried) }); });`, "items.filter((i) => i.kind !== 'ok' || i.retried)"],
];

/** Results whose flag says nothing, or whose check says nothing, about the error text: [route, the expression sent]. */
const unflaggedServices = [
  `async function mutated(id) { try { await run(id); return { success: true, message: 'ok' }; } catch (error) { const r = { success: false, message: error.message }; if (id) r.success = true; return r; } }`,
  `async function respread(id) { try { await run(id); return { success: true, message: 'ok' }; } catch (error) { const info = { success: true, message: error.message }; return { success: false, ...info }; } }`,
];
const unflaggedRoutes: [string, string][] = [
  [`app.post('/a', async (req, res) => { const result = await mutated(req.params.id); if (result.success) res.json({ message: result.message }); });`, 'result.message'],
  [`app.post('/b', async (req, res) => { const result = await respread(req.params.id); if (result.success) res.json({ message: result.message }); });`, 'result.message'],
  [`app.post('/c', async (req, res) => { const r = await revert(req.params.id); const out = { ...r, success: Boolean(req.query.force) }; if (out.success) res.json({ message: out.message }); });`, 'out.message'],
  [`app.post('/d', async (req, res) => { const r = await revert(req.params.id); const out = Object.assign({}, r, { success: true }); if (out.success) res.json({ message: out.message }); });`, 'out.message'],
  [`app.post('/e', async (req, res) => { const state = { r: await revert('x') }; if (!state.r.success) return; state.r = await revert(req.params.id); res.json({ message: state.r.message }); });`, 'state.r.message'],
  [`app.post('/f', async (req, res) => { let result = await revert('x'); if (!result.success) return; for (const id of req.body.ids) { res.write(result.message); result = await revert(id); } res.end(); });`, 'result.message'],
  [`app.post('/g', async (req, res) => { const result = await revert(req.params.id); if (result.success) { result.success = false; } if (result.success) res.json({ message: result.message }); });`, 'result.message'],
];

ruleTester().run('no-error-details-in-response', rule, {
  valid: [
    ...filterRoutes.filter(([, sent]) => sent === null).map(([route]) => ({ name: `a filter that drops the failed entries: ${route.slice(0, 16)}`, code: lines(...express, route) })),
    {
      name: "the text a model generated, kept on ai's parse error, is no error detail",
      code: lines(`import express from 'express';`, `const app = express();`, `app.post('/x', async (req, res) => { try { await run(); } catch (error) { res.json({ answer: (error as { text?: string }).text ?? '' }); } });`, `declare function run(): Promise<void>;`),
    },
    {
      name: 'a hono/streaming callback that logs the error and writes a status',
      code: lines(...honoStream, `app.get('/s', (c) => stream(c, async (s) => { try { await run(s); } catch (err) { console.error(err.stack); await s.write('failed'); } }));`),
    },
    {
      name: '@fastify/sensible helpers and http-errors with constant messages; a 5xx http-errors message outside Fastify; the raw response written a status',
      code: lines(...fastify, `app.post('/a', async (request, reply) => { try { await run(); } catch (err) { request.log.error(err); return reply.internalServerError('Could not answer'); } });`, `app.post('/b', async (request, reply) => { try { await run(); } catch (err) { throw app.httpErrors.badRequest('Invalid input'); } });`, `app.post('/c', async (request, reply) => { try { await run(); } catch (err) { reply.raw.end('failed'); } });`),
    },
    {
      name: 'http-errors required (CommonJS): a thrown 5xx error in Express is hidden from the client',
      code: lines(`const express = require('express'); const createError = require('http-errors'); const app = express();`, `app.post('/a', (req, res, next) => { try { run(); } catch (err) { throw createError(500, err.message); } });`),
    },
    {
      name: 'an http-errors 5xx message in Express: hidden from the client',
      code: lines(...express, `import createError from 'http-errors';`, `app.post('/a', (req, res, next) => { try { run(); } catch (err) { next(createError(500, err.message)); } }); app.get('/b', () => { try { run(); } catch (err) { throw createError(500, err.message); } });`),
    },
    {
      name: "a stream's error listener that sends a generic message",
      code: lines(...express, `import OpenAI from 'openai'; const openai = new OpenAI();`, `app.post('/s', async (req, res) => { const stream = openai.chat.completions.stream({ model: 'm', messages: [{ role: 'user', content: req.body.q }] }); stream.on('error', (err) => { console.error(err); res.status(500).json({ error: 'stream failed' }); }); stream.on('content', (delta) => res.write(delta)); });`),
    },
    {
      name: 'a result whose error text sits only under success: false, read where success holds (if, ?:, &&, after an early return, === true)',
      code: lines(
        ...express,
        revertService,
        `app.post('/a', async (req, res) => { const result = await revert(req.params.id); if (result.success) { res.json({ message: result.message }); } else { res.status(409).json({ message: 'Could not revert' }); } });`,
        `app.post('/b', async (req, res) => { const result = await revert(req.params.id); res.json({ message: result.success ? result.message : 'failed' }); });`,
        `app.post('/c', async (req, res) => { const result = await revert(req.params.id); if (!result.success) return res.status(409).json({ message: 'failed' }); res.json({ message: result.message }); });`,
        `app.post('/d', async (req, res) => { const result = await revert(req.params.id); if (result?.success === true && result.message) res.json({ message: result.message }); });`,
      ),
    },
    {
      name: "a code interpreter's run result: its error is the run program's own error, output like stderr",
      code: lines(`export async function POST(request: Request) {`, `  const { code } = await request.json();`, `  const { logs, error } = await sandbox.runCode(code);`, `  return Response.json({ stdout: logs.stdout, stderr: logs.stderr, runtimeError: error });`, `}`, `declare const sandbox: { runCode(code: string): Promise<{ logs: { stdout: string[]; stderr: string[] }; error?: unknown }> };`),
    },
    {
      name: "the error field of the project's own function's result (a message it wrote for the user)",
      code: lines(...express, `async function createChat(body) { if (!body.prompt) return { error: 'prompt is required' }; return { chat: await save(body) }; }`, `app.post('/chat', async (req, res) => { const { chat, error } = await createChat(req.body); if (error) return res.status(400).json({ error }); res.json({ chat }); });`),
    },
    {
      name: 'an object whose error field is written later: another field sent',
      code: lines(...express, `app.get('/a', async (req, res) => { const out = { id: 1, error: null }; try { await run(); } catch (err) { out.error = err.message; } res.json({ id: out.id }); });`),
    },
    {
      name: 'an error field of a validation result (meant for the client), and a result error answered with your own message',
      code: lines(
        ...express,
        `app.post('/b', async (req, res) => {`,
        `  const { error } = schema.validate(req.body); if (error) return res.status(400).json({ error: error.message });`,
        `  const { error: invalid } = await schema.validateAsync(req.body); if (invalid) return res.status(400).json({ error: invalid.message });`,
        `  const { error: failed } = await db.from('projects').delete(); if (failed) return res.status(500).json({ error: 'Could not delete' });`,
        `  return res.json({ ok: true });`,
        `});`,
      ),
    },
    {
      name: 'a response helper that sends a generic message, and one given a generic message',
      code: lines(
        ...express,
        `function fail(res: express.Response, _error: unknown) { res.status(500).json({ error: 'Internal Server Error' }); }`,
        `function sendJson(res: express.Response, body: unknown) { res.json(body); }`,
        `app.get('/x', async (req, res) => { try { await run(); } catch (err) { fail(res, err); sendJson(res, { error: 'failed' }); } });`,
      ),
    },
    {
      name: 'the error is logged, a generic message is sent',
      code: lines(...express, `app.get('/x', async (req, res) => { try { await work(); } catch (err) { console.error(err); res.status(500).json({ error: 'Internal Server Error' }); } });`),
    },
    {
      name: 'safe members of an error: code, status, name',
      code: lines(...express, `app.use((err, req, res, next) => { res.status(err.status ?? 500).json({ code: err.code, kind: err.name }); });`),
    },
    {
      name: 'behind an explicit development guard (if, ternary, &&)',
      code: lines(
        ...express,
        `const isDev = process.env.NODE_ENV === 'development';`,
        `app.use((err, req, res, next) => {`,
        `  if (process.env.NODE_ENV !== 'production') return res.status(500).json({ stack: err.stack });`,
        `  res.status(500).json({ error: isDev ? err.message : 'Internal Server Error', stack: process.env.NODE_ENV === 'development' && err.stack });`,
        `});`,
      ),
    },
    {
      name: 'a variable named err that is not an error value',
      code: lines(...express, `app.post('/x', (req, res) => { const err = validate(req.body); if (err) return res.status(400).json({ err }); res.json({ ok: true }); });`),
    },
    {
      name: 'a database row that never touched an error',
      code: lines(...express, `app.get('/u/:id', async (req, res) => { const row = await db.users.find(req.params.id); res.json(row); });`),
    },
    {
      name: 'errorhandler mounted only in development',
      code: lines(...express, `import errorhandler from 'errorhandler';`, `if (app.get('env') === 'development') app.use(errorhandler());`),
    },
    {
      name: 'a rejection handled with a generic response',
      code: lines(...express, `app.get('/x', (req, res) => { work().then((r) => res.json(r)).catch(() => res.status(500).json({ error: 'failed' })); });`),
    },
    {
      name: 'NestJS exception with a fixed message',
      code: lines(
        `import { BadRequestException, Controller, Post } from '@nestjs/common';`,
        `@Controller() class C { @Post() create() { try { return save(); } catch (e) { throw new BadRequestException('Invalid input'); } } }`,
      ),
    },
    {
      name: 'a response helper in a function that is not a handler',
      code: lines(...express, `function reply(res, value) { res.json(value); }`, `function fail(res) { try { x(); } catch (e) { log(e.message); } }`),
    },
    {
      name: 'Fastify error handler that logs and answers generically',
      code: lines(
        `import Fastify from 'fastify';`,
        `const app = Fastify();`,
        `app.setErrorHandler((error, request, reply) => { request.log.error(error); reply.code(500).send({ message: 'Something went wrong' }); });`,
      ),
    },
    {
      name: 'Next.js route handler returning a generic error',
      code: lines(
        `import { NextResponse } from 'next/server';`,
        `export async function POST(req: Request) { try { return NextResponse.json(await run(await req.json())); } catch (error) { console.error(error); return NextResponse.json({ error: 'Failed' }, { status: 500 }); } }`,
      ),
    },
    {
      name: 'an error class that builds its own safe response',
      code: lines(`export async function POST(req: Request) { try { return Response.json(await run()); } catch (error) { if (error instanceof AppError) return error.toResponse(); return Response.json({ error: 'Failed' }, { status: 500 }); } }`),
    },
    {
      name: 'an MCP tool reporting a failure is not an HTTP response',
      code: lines(
        `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';`,
        `const server = new McpServer({ name: 's', version: '1' });`,
        `server.registerTool('t', { inputSchema: {} }, async () => { try { return await run(); } catch (e) { return { content: [{ type: 'text', text: e.message }], isError: true }; } });`,
      ),
    },
    {
      name: 'Koa, Hono, plain http and a web handler answering generically',
      code: lines(
        `import Koa from 'koa'; import { Hono } from 'hono'; import http from 'node:http';`,
        `const koa = new Koa(); const hono = new Hono();`,
        `koa.use(async (ctx, next) => { try { await next(); } catch (err) { ctx.app.emit('error', err, ctx); ctx.status = 500; ctx.body = { error: 'Internal Server Error' }; } });`,
        `hono.onError((err, c) => { console.error(err); return c.json({ error: 'Internal Server Error' }, 500); });`,
        `http.createServer(async (req, res) => { try { res.end(await run()); } catch (err) { console.error(err.stack); res.writeHead(500); res.end('Internal Server Error'); } });`,
        `export default { async fetch(request) { try { return await handle(request); } catch (err) { console.error(err); return new Response('Internal Server Error', { status: 500 }); } } };`,
      ),
    },
    {
      name: "pages API and a 'use server' action answering generically",
      filename: 'pages/api/run.ts',
      code: lines(`export default async function handler(req, res) { try { res.json(await run()); } catch (error) { console.error(error); res.status(500).json({ error: 'Failed' }); } }`),
    },
    {
      name: "a 'use server' action returning a fixed failure",
      code: lines(`'use server';`, `export async function save(form: FormData) { try { await db.save(form); return { ok: true }; } catch (e) { console.error(e); return { ok: false, message: 'Could not save.' }; } }`),
    },
    {
      name: 'client errors: instanceof checks, Koa expose, status below 500',
      code: lines(
        ...express,
        `import Koa from 'koa';`,
        `app.post('/x', async (req, res) => { try { await run(req.body); } catch (error) { if (error instanceof ZodError) return res.status(400).json({ details: error.issues }); console.error(error); res.status(500).json({ error: 'Failed' }); } });`,
        `app.post('/y', async (req, res) => { try { await run(req.body); } catch (error) { res.status(400).json({ error: error instanceof ValidationError ? error.message : 'Failed' }); } });`,
        `app.use((err, req, res, next) => { res.status(err.status ?? 500).json({ error: err.status < 500 ? err.message : 'Internal Server Error' }); });`,
        `const koa = new Koa(); koa.use(async (ctx, next) => { try { await next(); } catch (err) { ctx.status = err.status ?? 500; ctx.body = { error: err.expose ? err.message : 'Internal Server Error' }; } });`,
      ),
    },
    {
      name: 'Koa ctx.throw: a 5xx (Koa does not expose its message), or a fixed message',
      code: lines(
        `import Koa from 'koa'; import Router from '@koa/router'; import OpenAI from 'openai';`, `const app = new Koa(); const router = new Router(); const openai = new OpenAI();`,
        `router.post('/a', async (ctx) => { try { await openai.responses.create({ model: 'm', input: ctx.request.body.q }); } catch (error) { ctx.throw(500, error.message); } });`,
        `router.post('/b', async (ctx) => { try { await openai.responses.create({ model: 'm', input: ctx.request.body.q }); } catch (error) { ctx.throw(400, 'Bad input'); } });`,
      ),
    },
    {
      name: 'a message compared with your own literal, sent only in the branch where it equals it',
      code: lines(...express, `app.post('/x', async (req, res) => { try { await run(req.body); } catch (err) { if (err.message === 'DAILY_LIMIT_REACHED') return res.status(429).json({ error: err.message }); res.status(500).json({ error: 'Failed' }); } });`),
    },
    {
      name: 'details only after an early return in production',
      code: lines(...express, `app.use((err, req, res, next) => { if (process.env.NODE_ENV === 'production') return res.status(500).json({ error: 'Internal Server Error' }); res.status(500).json({ error: err.message, stack: err.stack }); });`),
    },
    {
      name: 'exceptions in a plain service file, and a NestJS cause that the client never sees',
      code: lines(
        `export class Repo { async load() { try { return await db.get(); } catch (err) { throw new DatabaseException('load failed', err); } } }`,
      ),
    },
    {
      name: 'NestJS: the error as cause, a fixed message to the client',
      code: lines(
        `import { BadRequestException, Controller, Post } from '@nestjs/common';`,
        `@Controller() class C { @Post() create() { try { return save(); } catch (e) { throw new BadRequestException('Invalid', { cause: e }); } } }`,
      ),
    },
  ],
  invalid: [
    ...filterRoutes.flatMap(([route, sent]) =>
      sent === null
        ? []
        : [
            {
              name: `a filter that keeps the failed entries, or cannot tell: ${route.slice(0, 16)}`,
              code: lines(...express, route),
              errors: [{ messageId, line: 3, suggestions: [{ messageId: 'sendGenericMessage' as const, output: lines(...express, route.replace(sent, "'Internal Server Error'")) }] }],
            },
          ],
    ),
    ...catchFlagRoutes.map(([route, sent]) => ({
      name: `a flag cleared by the catch: ${route.slice(0, 16)}`,
      code: lines(...express, route),
      errors: [
        {
          messageId,
          line: 3,
          // The report starts at the response call that sends it.
          column: route.lastIndexOf('res.', route.indexOf(sent)) + 1,
          suggestions: [{ messageId: 'sendGenericMessage' as const, output: lines(...express, route.replace(sent, sent.replace(' }', ": 'Internal Server Error' }"))) }],
        },
      ],
    })),
    {
      name: 'flags that do not hold: written again after the literal, overridden by a spread or Object.assign, checked on a member or in a loop that writes the name, or written after the check',
      code: lines(...express, ...unflaggedServices, revertService, ...unflaggedRoutes.map(([route]) => route)),
      errors: unflaggedRoutes.map(([route, sent], i) => ({
        messageId,
        line: 6 + i,
        suggestions: [
          {
            messageId: 'sendGenericMessage' as const,
            output: lines(...express, ...unflaggedServices, revertService, ...unflaggedRoutes.map(([r], j) => (j === i ? route.replace(sent, "'Internal Server Error'") : r))),
          },
        ],
      })),
    },
    {
      name: 'a result whose error text sits under success: false, read where success fails, with no check, or with the check on another value or written over since',
      code: lines(...express, revertService, ...flagRoutes),
      errors: flagRoutes.map((route, i) => ({
        messageId,
        line: 4 + i,
        suggestions: [{ messageId: 'sendGenericMessage' as const, output: lines(...express, revertService, ...flagRoutes.map((r, j) => (j === i ? r.replace('result.message }', "'Internal Server Error' }") : r))) }],
      })),
    },
    {
      name: "a hono/streaming callback that writes the error's stack",
      code: lines(...honoStream, `app.get('/s', (c) => stream(c, async (s) => { try { await run(s); } catch (err) { await s.write(err.stack); } }));`),
      output: null,
      errors: [
        { messageId, line: 3, column: 89, data: { source: 'err.stack', line: '3', via: '', sink: 's.write' }, suggestions: [{ messageId: 'sendGenericMessage', output: lines(...honoStream, `app.get('/s', (c) => stream(c, async (s) => { try { await run(s); } catch (err) { await s.write('Internal Server Error'); } }));`) }] },
      ],
    },
    {
      name: "@fastify/sensible: reply.internalServerError with the error's message",
      code: lines(...fastify, `app.post('/a', async (request, reply) => { try { await run(); } catch (err) { return reply.internalServerError(err.message); } });`),
      output: null,
      errors: [
        { messageId, line: 3, column: 86, data: { source: 'err.message', line: '3', via: '', sink: 'reply.internalServerError' }, suggestions: [{ messageId: 'sendGenericMessage', output: lines(...fastify, `app.post('/a', async (request, reply) => { try { await run(); } catch (err) { return reply.internalServerError('Internal Server Error'); } });`) }] },
      ],
    },
    {
      name: '@fastify/sensible: a thrown app.httpErrors error, and one sent with reply.send',
      code: lines(...fastify, `app.post('/a', async (request, reply) => { try { await run(); } catch (err) { throw app.httpErrors.badRequest(err.message); } });`, `app.post('/b', async (request, reply) => { try { await run(); } catch (err) { reply.send(reply.httpErrors.notFound(err.message)); } });`),
      output: null,
      errors: [
        { messageId, line: 3, column: 79, data: { source: 'err.message', line: '3', via: '', sink: 'throw app.httpErrors.badRequest()' }, suggestions: [{ messageId: 'sendGenericMessage', output: lines(...fastify, `app.post('/a', async (request, reply) => { try { await run(); } catch (err) { throw app.httpErrors.badRequest('Internal Server Error'); } });`, `app.post('/b', async (request, reply) => { try { await run(); } catch (err) { reply.send(reply.httpErrors.notFound(err.message)); } });`) }] },
        { messageId, line: 4, column: 79, data: { source: 'err.message', line: '4', via: '', sink: 'reply.send' }, suggestions: [{ messageId: 'sendGenericMessage', output: lines(...fastify, `app.post('/a', async (request, reply) => { try { await run(); } catch (err) { throw app.httpErrors.badRequest(err.message); } });`, `app.post('/b', async (request, reply) => { try { await run(); } catch (err) { reply.send(reply.httpErrors.notFound('Internal Server Error')); } });`) }] },
      ],
    },
    {
      name: 'http-errors required (CommonJS): a thrown 4xx error',
      code: lines(`const express = require('express'); const createError = require('http-errors'); const app = express();`, `app.post('/a', (req, res, next) => { try { run(); } catch (err) { throw createError(400, err.message); } });`),
      output: null,
      errors: [
        {
          messageId,
          line: 2,
          suggestions: [{ messageId: 'sendGenericMessage', output: lines(`const express = require('express'); const createError = require('http-errors'); const app = express();`, `app.post('/a', (req, res, next) => { try { run(); } catch (err) { throw createError(400, 'Internal Server Error'); } });`) }],
        },
      ],
    },
    {
      name: 'http-errors: a thrown 4xx error, and a 5xx one in a Fastify app',
      code: lines(...fastify, `import createError from 'http-errors';`, `app.post('/a', async () => { try { await run(); } catch (err) { throw createError(422, err.message); } });`, `app.post('/b', async () => { try { await run(); } catch (err) { throw createError(500, err.message); } });`),
      output: null,
      errors: [
        { messageId, line: 4, column: 65, data: { source: 'err.message', line: '4', via: '', sink: 'throw createError()' }, suggestions: [{ messageId: 'sendGenericMessage', output: lines(...fastify, `import createError from 'http-errors';`, `app.post('/a', async () => { try { await run(); } catch (err) { throw createError(422, 'Internal Server Error'); } });`, `app.post('/b', async () => { try { await run(); } catch (err) { throw createError(500, err.message); } });`) }] },
        { messageId, line: 5, column: 65, data: { source: 'err.message', line: '5', via: '', sink: 'throw createError()' }, suggestions: [{ messageId: 'sendGenericMessage', output: lines(...fastify, `import createError from 'http-errors';`, `app.post('/a', async () => { try { await run(); } catch (err) { throw createError(422, err.message); } });`, `app.post('/b', async () => { try { await run(); } catch (err) { throw createError(500, 'Internal Server Error'); } });`) }] },
      ],
    },
    {
      name: "Fastify's raw Node response: reply.raw.end with the error's message",
      code: lines(...fastify, `app.post('/a', async (request, reply) => { try { await run(); } catch (err) { reply.raw.end(err.message); } });`),
      output: null,
      errors: [
        { messageId, line: 3, column: 79, data: { source: 'err.message', line: '3', via: '', sink: 'reply.raw.end' }, suggestions: [{ messageId: 'sendGenericMessage', output: lines(...fastify, `app.post('/a', async (request, reply) => { try { await run(); } catch (err) { reply.raw.end('Internal Server Error'); } });`) }] },
      ],
    },
    {
      name: "a stream's error listener that sends the error's message",
      code: lines(...express, `import OpenAI from 'openai'; const openai = new OpenAI();`, `app.post('/s', async (req, res) => { const stream = openai.chat.completions.stream({ model: 'm', messages: [{ role: 'user', content: req.body.q }] }); stream.on('error', (err) => { console.error(err); res.status(500).json({ error: err.message }); }); stream.on('content', (delta) => res.write(delta)); });`),
      errors: [
        {
          messageId,
          line: 4,
          data: { source: 'err.message', line: '4', via: '', sink: 'res.json' },
          suggestions: [{ messageId: 'sendGenericMessage', output: lines(...express, `import OpenAI from 'openai'; const openai = new OpenAI();`, `app.post('/s', async (req, res) => { const stream = openai.chat.completions.stream({ model: 'm', messages: [{ role: 'user', content: req.body.q }] }); stream.on('error', (err) => { console.error(err); res.status(500).json({ error: 'Internal Server Error' }); }); stream.on('content', (delta) => res.write(delta)); });`) }],
        },
      ],
    },
    {
      name: 'error details written into an object after it is made (out.error = …, counts[t] = …), the object sent',
      code: lines(
        ...express,
        `app.get('/a', async (req, res) => { const out = { id: 1, error: null }; try { await run(); } catch (err) { out.error = err.message; } res.json(out); });`,
        `app.get('/b', async (req, res) => { const counts = {}; for (const t of tables) { try { counts[t] = await count(t); } catch (e) { counts[t] = \`error: \${e.message}\`; } } res.json({ tableCounts: counts }); });`,
      ),
      output: null,
      errors: [
        {
          messageId,
          line: 3,
          data: { source: 'err.message', line: '3', via: ' via out', sink: 'res.json' },
          suggestions: [
            {
              messageId: 'sendGenericMessage',
              output: lines(
                ...express,
                `app.get('/a', async (req, res) => { const out = { id: 1, error: null }; try { await run(); } catch (err) { out.error = err.message; } res.json('Internal Server Error'); });`,
                `app.get('/b', async (req, res) => { const counts = {}; for (const t of tables) { try { counts[t] = await count(t); } catch (e) { counts[t] = \`error: \${e.message}\`; } } res.json({ tableCounts: counts }); });`,
              ),
            },
          ],
        },
        {
          messageId,
          line: 4,
          data: { source: 'e.message', line: '4', via: ' via counts', sink: 'res.json' },
          suggestions: [
            {
              messageId: 'sendGenericMessage',
              output: lines(
                ...express,
                `app.get('/a', async (req, res) => { const out = { id: 1, error: null }; try { await run(); } catch (err) { out.error = err.message; } res.json(out); });`,
                `app.get('/b', async (req, res) => { const counts = {}; for (const t of tables) { try { counts[t] = await count(t); } catch (e) { counts[t] = \`error: \${e.message}\`; } } res.json({ tableCounts: 'Internal Server Error' }); });`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: "the error of a client call that runs no code (a sandbox's file write) is still error details",
      code: lines(`export async function POST(request: Request) {`, `  const { path } = await request.json();`, `  const { error } = await sandbox.writeFile(path);`, `  return Response.json({ error });`, `}`, `declare const sandbox: { writeFile(path: string): Promise<{ error?: unknown }> };`),
      output: null,
      errors: [{ messageId, line: 4, suggestions: [{ messageId: 'sendGenericMessage', output: lines(`export async function POST(request: Request) {`, `  const { path } = await request.json();`, `  const { error } = await sandbox.writeFile(path);`, `  return Response.json({ error: 'Internal Server Error' });`, `}`, `declare const sandbox: { writeFile(path: string): Promise<{ error?: unknown }> };`) }] }],
    },
    {
      name: 'the error a client library returns in its result ({ data, error } = await supabase…)',
      code: lines(
        `import { NextResponse } from 'next/server';`,
        `export async function POST(request: Request) {`,
        `  const { data, error: insertError } = await supabase.from('projects').insert(await request.json()).select().single();`,
        `  if (insertError) return NextResponse.json({ error: insertError.message }, { status: 500 });`,
        `  return NextResponse.json(data);`,
        `}`,
      ),
      output: null,
      errors: [{ messageId, line: 4, data: { source: 'insertError.message', line: '3', via: '', sink: 'NextResponse.json' }, suggestions: [{ messageId: 'sendGenericMessage', output: lines(`import { NextResponse } from 'next/server';`, `export async function POST(request: Request) {`, `  const { data, error: insertError } = await supabase.from('projects').insert(await request.json()).select().single();`, `  if (insertError) return NextResponse.json({ error: 'Internal Server Error' }, { status: 500 });`, `  return NextResponse.json(data);`, `}`) }] }],
    },
    {
      name: 'a multi-line response call is underlined at its head (res.status(500).json), not whole',
      code: lines(...express, `app.get('/health', async (req, res) => {`, `  try { res.json({ ok: await check() }); } catch (error) {`, `    res.status(500).json({`, `      status: 'error',`, `      error: error instanceof Error ? error.message : 'Unknown error',`, `    });`, `  }`, `});`),
      output: null,
      errors: [
        {
          messageId,
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'sendGenericMessage',
              output: lines(...express, `app.get('/health', async (req, res) => {`, `  try { res.json({ ok: await check() }); } catch (error) {`, `    res.status(500).json({`, `      status: 'error',`, `      error: 'Internal Server Error',`, `    });`, `  }`, `});`),
            },
          ],
        },
      ],
    },
    {
      name: 'a message sent in the branch where it differs from your literal',
      code: lines(...express, `app.post('/x', async (req, res) => { try { await run(req.body); } catch (err) { if (err.message !== 'DAILY_LIMIT_REACHED') return res.status(500).json({ error: err.message }); res.status(429).json({ error: 'Limit' }); } });`),
      output: null,
      errors: [{ messageId, line: 3, suggestions: [{ messageId: 'sendGenericMessage', output: lines(...express, `app.post('/x', async (req, res) => { try { await run(req.body); } catch (err) { if (err.message !== 'DAILY_LIMIT_REACHED') return res.status(500).json({ error: 'Internal Server Error' }); res.status(429).json({ error: 'Limit' }); } });`) }] }],
    },
    {
      name: 'Koa ctx.throw(400, error.message): Koa sends the message of a 4xx to the client',
      code: lines(
        `import Koa from 'koa'; import Router from '@koa/router'; import OpenAI from 'openai';`, `const app = new Koa(); const router = new Router(); const openai = new OpenAI();`,
        `router.post('/a', async (ctx) => { try { await openai.responses.create({ model: 'm', input: ctx.request.body.q }); } catch (error) { ctx.throw(400, error.message); } });`,
      ),
      output: null,
      errors: [
        {
          messageId,
          line: 3,
          data: { source: 'error.message', line: '3', via: '', sink: 'ctx.throw' },
          suggestions: [
            {
              messageId: 'sendGenericMessage',
              output: lines(
                `import Koa from 'koa'; import Router from '@koa/router'; import OpenAI from 'openai';`, `const app = new Koa(); const router = new Router(); const openai = new OpenAI();`,
                `router.post('/a', async (ctx) => { try { await openai.responses.create({ model: 'm', input: ctx.request.body.q }); } catch (error) { ctx.throw(400, 'Internal Server Error'); } });`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a response helper that sends the error message: reported at the call, not rewritten',
      code: lines(
        ...express,
        `function sendError(res: express.Response, error: unknown) { res.status(500).json({ error: (error as Error).message }); }`,
        `app.get('/x', async (req, res) => { try { await run(); } catch (err) { sendError(res, err); } });`,
      ),
      errors: [{ messageId, line: 4, column: 72, data: { source: 'err.message', line: '4', via: '', sink: 'res.json (sendError())' }, suggestions: [] }],
    },
    {
      name: 'Express: a stack in an object payload is removed by the autofix',
      code: lines(...express, `app.get('/x', async (req, res) => { try { await work(); } catch (err) { res.status(500).json({ ok: false, stack: err.stack }); } });`),
      output: lines(...express, `app.get('/x', async (req, res) => { try { await work(); } catch (err) { res.status(500).json({ ok: false }); } });`),
      errors: [{ messageId, line: 3, column: 73, data: { source: 'err.stack', line: '3', via: '', sink: 'res.json' } }],
    },
    {
      name: 'Express: a message is replaced by a generic one (suggestion)',
      code: lines(...express, `app.get('/x', async (req, res) => { try { await work(); } catch (err) { res.status(500).json({ error: err.message }); } });`),
      output: null,
      errors: [
        {
          messageId,
          line: 3,
          column: 73,
          data: { source: 'err.message', line: '3', via: '', sink: 'res.json' },
          suggestions: [
            {
              messageId: 'sendGenericMessage',
              output: lines(...express, `app.get('/x', async (req, res) => { try { await work(); } catch (err) { res.status(500).json({ error: 'Internal Server Error' }); } });`),
            },
          ],
        },
      ],
    },
    {
      name: 'instanceof Error is no client-error guard: any error is one',
      code: lines(...express, `app.get('/x', async (req, res) => { try { await work(); } catch (error) { res.status(500).json({ error: error instanceof Error ? error.message : 'Unknown error' }); } });`),
      output: null,
      errors: [
        {
          messageId,
          line: 3,
          column: 75,
          data: { source: 'error.message', line: '3', via: '', sink: 'res.json' },
          suggestions: [
            {
              messageId: 'sendGenericMessage',
              output: lines(...express, `app.get('/x', async (req, res) => { try { await work(); } catch (error) { res.status(500).json({ error: 'Internal Server Error' }); } });`),
            },
          ],
        },
      ],
    },
    {
      name: 'Express error middleware sending the stack as text',
      code: lines(...express, `app.use((err, req, res, next) => { res.status(500).send(err.stack); });`),
      output: null,
      errors: [
        {
          messageId,
          line: 3,
          column: 36,
          data: { source: 'err.stack', line: '3', via: '', sink: 'res.send' },
          suggestions: [{ messageId: 'sendGenericMessage', output: lines(...express, `app.use((err, req, res, next) => { res.status(500).send('Internal Server Error'); });`) }],
        },
      ],
    },
    {
      name: 'Fastify setErrorHandler sending the message',
      code: lines(`import Fastify from 'fastify';`, `const app = Fastify();`, `app.setErrorHandler((error, request, reply) => { reply.code(500).send({ message: error.message }); });`),
      output: null,
      errors: [
        {
          messageId,
          line: 3,
          column: 50,
          data: { source: 'error.message', line: '3', via: '', sink: 'reply.send' },
          suggestions: [
            {
              messageId: 'sendGenericMessage',
              output: lines(`import Fastify from 'fastify';`, `const app = Fastify();`, `app.setErrorHandler((error, request, reply) => { reply.code(500).send({ message: 'Internal Server Error' }); });`),
            },
          ],
        },
      ],
    },
    {
      name: 'Fastify handler returning the error object',
      code: lines(`import Fastify from 'fastify';`, `const app = Fastify();`, `app.get('/x', async (request, reply) => { try { return await run(); } catch (e) { return { failed: true, reason: e }; } });`),
      output: null,
      errors: [
        {
          messageId,
          line: 3,
          column: 83,
          data: { source: 'e', line: '3', via: '', sink: 'the return value of the handler' },
          suggestions: [
            {
              messageId: 'sendGenericMessage',
              output: lines(`import Fastify from 'fastify';`, `const app = Fastify();`, `app.get('/x', async (request, reply) => { try { return await run(); } catch (e) { return { failed: true, reason: 'Internal Server Error' }; } });`),
            },
          ],
        },
      ],
    },
    {
      name: 'Koa: ctx.body with the message',
      code: lines(`import Koa from 'koa';`, `const app = new Koa();`, `app.use(async (ctx, next) => { try { await next(); } catch (err) { ctx.status = 500; ctx.body = \`Failed: \${err.message}\`; } });`),
      output: null,
      errors: [
        {
          messageId,
          line: 3,
          column: 86,
          data: { source: 'err.message', line: '3', via: '', sink: 'ctx.body' },
          suggestions: [
            {
              messageId: 'sendGenericMessage',
              output: lines(`import Koa from 'koa';`, `const app = new Koa();`, `app.use(async (ctx, next) => { try { await next(); } catch (err) { ctx.status = 500; ctx.body = 'Internal Server Error'; } });`),
            },
          ],
        },
      ],
    },
    {
      name: 'Hono onError with the message',
      code: lines(`import { Hono } from 'hono';`, `const app = new Hono();`, `app.onError((err, c) => c.json({ message: err.message }, 500));`),
      output: null,
      errors: [
        {
          messageId,
          line: 3,
          column: 25,
          data: { source: 'err.message', line: '3', via: '', sink: 'c.json' },
          suggestions: [{ messageId: 'sendGenericMessage', output: lines(`import { Hono } from 'hono';`, `const app = new Hono();`, `app.onError((err, c) => c.json({ message: 'Internal Server Error' }, 500));`) }],
        },
      ],
    },
    {
      name: 'Next.js route handler: NextResponse.json with String(error)',
      code: lines(
        `import { NextResponse } from 'next/server';`,
        `export async function POST(req: Request) {`,
        `  try { return NextResponse.json(await run(await req.json())); }`,
        `  catch (error) { const detail = String(error); return NextResponse.json({ error: detail }, { status: 500 }); }`,
        `}`,
      ),
      output: null,
      errors: [
        {
          messageId,
          line: 4,
          column: 56,
          data: { source: 'error', line: '4', via: ' via detail', sink: 'NextResponse.json' },
          suggestions: [
            {
              messageId: 'sendGenericMessage',
              output: lines(
                `import { NextResponse } from 'next/server';`,
                `export async function POST(req: Request) {`,
                `  try { return NextResponse.json(await run(await req.json())); }`,
                `  catch (error) { const detail = String(error); return NextResponse.json({ error: 'Internal Server Error' }, { status: 500 }); }`,
                `}`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'Next.js pages API: the whole error object (shorthand)',
      filename: 'pages/api/run.ts',
      code: lines(`export default async function handler(req, res) { try { res.json(await run()); } catch (error) { res.status(500).json({ error }); } }`),
      output: null,
      errors: [
        {
          messageId,
          line: 1,
          column: 98,
          data: { source: 'error', line: '1', via: '', sink: 'res.json' },
          suggestions: [{ messageId: 'sendGenericMessage', output: `export default async function handler(req, res) { try { res.json(await run()); } catch (error) { res.status(500).json({ error: 'Internal Server Error' }); } }` }],
        },
      ],
    },
    {
      name: "a 'use server' action returning the message",
      code: lines(`'use server';`, `export async function save(form: FormData) { try { await db.save(form); return { ok: true }; } catch (e) { return { ok: false, message: (e as Error).message }; } }`),
      output: null,
      errors: [
        {
          messageId,
          line: 2,
          column: 108,
          data: { source: 'e.message', line: '2', via: '', sink: 'the return value of save' },
          suggestions: [
            {
              messageId: 'sendGenericMessage',
              output: lines(`'use server';`, `export async function save(form: FormData) { try { await db.save(form); return { ok: true }; } catch (e) { return { ok: false, message: 'Internal Server Error' }; } }`),
            },
          ],
        },
      ],
    },
    {
      name: 'NestJS: an exception built from the error message, and an exception filter sending the stack',
      code: lines(
        `import { ArgumentsHost, Catch, Controller, ExceptionFilter, InternalServerErrorException, Post } from '@nestjs/common';`,
        `@Controller() class C { @Post() create() { try { return save(); } catch (err) { throw new InternalServerErrorException(err.message); } } }`,
        `@Catch() class AllErrors implements ExceptionFilter {`,
        `  catch(exception: Error, host: ArgumentsHost) { const response = host.switchToHttp().getResponse(); response.status(500).json({ path: '/x', stack: exception.stack }); }`,
        `}`,
      ),
      output: lines(
        `import { ArgumentsHost, Catch, Controller, ExceptionFilter, InternalServerErrorException, Post } from '@nestjs/common';`,
        `@Controller() class C { @Post() create() { try { return save(); } catch (err) { throw new InternalServerErrorException(err.message); } } }`,
        `@Catch() class AllErrors implements ExceptionFilter {`,
        `  catch(exception: Error, host: ArgumentsHost) { const response = host.switchToHttp().getResponse(); response.status(500).json({ path: '/x' }); }`,
        `}`,
      ),
      errors: [
        {
          messageId,
          line: 2,
          column: 81,
          data: { source: 'err.message', line: '2', via: '', sink: 'throw new InternalServerErrorException' },
          suggestions: [
            {
              messageId: 'sendGenericMessage',
              output: lines(
                `import { ArgumentsHost, Catch, Controller, ExceptionFilter, InternalServerErrorException, Post } from '@nestjs/common';`,
                `@Controller() class C { @Post() create() { try { return save(); } catch (err) { throw new InternalServerErrorException('Internal Server Error'); } } }`,
                `@Catch() class AllErrors implements ExceptionFilter {`,
                `  catch(exception: Error, host: ArgumentsHost) { const response = host.switchToHttp().getResponse(); response.status(500).json({ path: '/x', stack: exception.stack }); }`,
                `}`,
              ),
            },
          ],
        },
        { messageId, line: 4, column: 102, data: { source: 'exception.stack', line: '4', via: '', sink: 'response.json' } },
      ],
    },
    {
      name: 'plain http: JSON.stringify of the stack',
      code: lines(`import http from 'node:http';`, `http.createServer(async (req, res) => { try { res.end(await run()); } catch (err) { res.writeHead(500); res.end(JSON.stringify({ error: err.stack })); } });`),
      output: null,
      errors: [
        {
          messageId,
          line: 2,
          column: 105,
          data: { source: 'err.stack', line: '2', via: '', sink: 'res.end' },
          suggestions: [{ messageId: 'sendGenericMessage', output: lines(`import http from 'node:http';`, `http.createServer(async (req, res) => { try { res.end(await run()); } catch (err) { res.writeHead(500); res.end('Internal Server Error'); } });`) }],
        },
      ],
    },
    {
      name: 'web handler: new Response with the stack',
      code: lines(`export default { async fetch(request) { try { return await handle(request); } catch (err) { return new Response(err.stack, { status: 500 }); } } };`),
      output: null,
      errors: [
        {
          messageId,
          line: 1,
          column: 100,
          data: { source: 'err.stack', line: '1', via: '', sink: 'new Response' },
          suggestions: [{ messageId: 'sendGenericMessage', output: `export default { async fetch(request) { try { return await handle(request); } catch (err) { return new Response('Internal Server Error', { status: 500 }); } } };` }],
        },
      ],
    },
    {
      name: '.catch(e => …) and .then(ok, e => …) callbacks',
      code: lines(
        ...express,
        `import util from 'node:util';`,
        `app.get('/a', (req, res) => { work().catch((e) => res.status(500).json({ error: e.toString() })); });`,
        `app.get('/b', (req, res) => { work().then((r) => res.json(r), (e) => res.status(500).send(util.inspect(e))); });`,
      ),
      output: null,
      errors: [
        {
          messageId,
          line: 4,
          column: 51,
          data: { source: 'e', line: '4', via: '', sink: 'res.json' },
          suggestions: [
            {
              messageId: 'sendGenericMessage',
              output: lines(
                ...express,
                `import util from 'node:util';`,
                `app.get('/a', (req, res) => { work().catch((e) => res.status(500).json({ error: 'Internal Server Error' })); });`,
                `app.get('/b', (req, res) => { work().then((r) => res.json(r), (e) => res.status(500).send(util.inspect(e))); });`,
              ),
            },
          ],
        },
        {
          messageId,
          line: 5,
          column: 70,
          data: { source: 'e', line: '5', via: '', sink: 'res.send' },
          suggestions: [
            {
              messageId: 'sendGenericMessage',
              output: lines(
                ...express,
                `import util from 'node:util';`,
                `app.get('/a', (req, res) => { work().catch((e) => res.status(500).json({ error: e.toString() })); });`,
                `app.get('/b', (req, res) => { work().then((r) => res.json(r), (e) => res.status(500).send('Internal Server Error')); });`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'errorhandler() mounted without a development guard',
      code: lines(...express, `import errorhandler from 'errorhandler';`, `app.use(errorhandler());`),
      output: null,
      errors: [{ messageId: 'devOnlyMiddleware', line: 4, column: 9, data: { name: 'errorhandler' } }],
    },
    {
      name: 'axios error details (response data) in a spread',
      code: lines(...express, `app.get('/x', async (req, res) => { try { await api.get('/y'); } catch (err) { res.status(502).json({ ...err.response?.data }); } });`),
      output: null,
      errors: [
        {
          messageId,
          line: 3,
          column: 80,
          data: { source: 'err.response.data', line: '3', via: '', sink: 'res.json' },
          suggestions: [{ messageId: 'sendGenericMessage', output: lines(...express, `app.get('/x', async (req, res) => { try { await api.get('/y'); } catch (err) { res.status(502).json({ error: 'Internal Server Error' }); } });`) }],
        },
      ],
    },
    {
      name: 'a "debug" switch that the client controls is not a development guard (the stack field is removed)',
      code: lines(...express, `app.use((err, req, res, next) => { res.status(500).json({ error: 'Failed', stack: req.query.debug ? err.stack : undefined }); });`),
      output: lines(...express, `app.use((err, req, res, next) => { res.status(500).json({ error: 'Failed' }); });`),
      errors: [{ messageId, line: 3, column: 36, data: { source: 'err.stack', line: '3', via: '', sink: 'res.json' } }],
    },
    {
      name: 'an Express error handler in its own file, typed with express types',
      code: lines(
        `import type { Request, Response, NextFunction } from 'express';`,
        `export function errorHandler(err: Error, req: Request, res: Response, next: NextFunction) { res.status(500).json({ message: err.message }); }`,
      ),
      output: null,
      errors: [
        {
          messageId,
          line: 2,
          column: 93,
          data: { source: 'err.message', line: '2', via: '', sink: 'res.json' },
          suggestions: [
            {
              messageId: 'sendGenericMessage',
              output: lines(`import type { Request, Response, NextFunction } from 'express';`, `export function errorHandler(err: Error, req: Request, res: Response, next: NextFunction) { res.status(500).json({ message: 'Internal Server Error' }); }`),
            },
          ],
        },
      ],
    },
  ],
});
