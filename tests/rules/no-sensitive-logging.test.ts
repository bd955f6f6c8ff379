import rule from '../../rules/no-sensitive-logging.js';
import { lines, ruleTester } from './tester.js';

const messageId = 'sensitiveLog' as const;
const express = [`import express from 'express';`, `const app = express();`];

ruleTester().run('no-sensitive-logging', rule, {
  valid: [
    {
      name: "a class that extends the project's own BaseCallbackHandler, and LangChainStream's handlers (no text) logged",
      code: lines(
        `import express from 'express'; import { LangChainStream } from 'ai';`,
        `const app = express(); class BaseCallbackHandler {}`,
        `export class Relay extends BaseCallbackHandler { handleLLMNewToken(token: string) { console.log('token', token); } }`,
        `app.post('/a', (req, res) => { const { stream, handlers } = LangChainStream(); console.log('handlers', handlers); res.end(); });`,
      ),
    },
    {
      name: 'a class that is no langchain callback handler, with a method of the same name',
      code: lines(`import express from 'express';`, `const app = express();`, `export class Relay { handleLLMNewToken(token: string) { console.log('token', token); } }`, `app.post('/a', (req, res) => { res.end(); });`),
    },
    {
      name: 'the same logger helper given only ids and a line number',
      code: lines(...express, `function entry(severity, message, context = {}) { const e = { severity, message, ...context }; if (context.file && context.line) e.location = { file: context.file, line: context.line, fn: context.fn }; if (context.requestId) e.requestId = context.requestId; return e; } function logInfo(message, context = {}) { console.log(JSON.stringify(entry('INFO', message, context))); }`, `app.post('/chat', (req, res) => { logInfo('incoming', { requestId: req.body.requestId, file: 'chat.ts', line: 3 }); res.end(); });`),
    },
    {
      name: 'a flag read from the body (isNewChat, hasFiles) is no content',
      code: lines(`import express from 'express';`, `const app = express();`, `app.post('/chat', (req, res) => { const body = req.body; console.log('new chat', { isNewChat: body.isNewChat, hasFiles: body.hasFiles }); res.end(); });`),
    },
    {
      name: 'redacted, masked or scrubbed text is not logged content; a request-bound logger and a debug logger given safe fields',
      code: lines(
        `import Fastify from 'fastify'; import createDebug from 'debug';`,
        `const fastify = Fastify(); const log = createDebug('app:chat');`,
        `fastify.post('/d', async (request) => { request.log.info(redactPII(request.body.message)); request.log.info(maskSecrets(request.body.message)); request.log.info({ size: request.body.messages.length }, 'incoming'); log('messages %d', request.body.messages.length); return 'ok'; });`,
      ),
    },
    {
      name: 'h3: a route parameter and a single named header read by package functions are not logged content',
      code: lines(`import { defineEventHandler, getRouterParam, getHeader } from 'h3'; import pino from 'pino'; const logger = pino();`, `export default defineEventHandler(async (event) => { logger.info(getRouterParam(event, 'id'), getHeader(event, 'user-agent')); return { ok: true }; });`),
    },
    {
      name: 'headers logged with the credential headers written over (a redacting override), and an outgoing key written over',
      code: lines(
        ...express,
        `import pino from 'pino'; const logger = pino();`,
        `const upstream = { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\`, 'Content-Type': 'application/json' };`,
        `app.post('/x', (req, res) => { logger.error({ ...req.headers, authorization: '[redacted]' }, 'failed'); logger.info({ ...upstream, Authorization: '[redacted]' }); res.sendStatus(500); });`,
      ),
    },
    {
      name: 'a tool argument named filePath is a path, not a file body (names are matched whole)',
      code: lines(
        `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'; import { z } from 'zod';`,
        `const server = new McpServer({ name: 's', version: '1' });`,
        `server.tool('read', { filePath: z.string(), bodyText: z.string() }, async (args) => { console.error('reading', args.filePath); return { content: [] }; });`,
      ),
    },
    {
      name: 'a helper that logs only a length, and one that logs only in development',
      code: lines(
        ...express,
        `import pino from 'pino'; const logger = pino();`,
        `function trace(label: string, body: { message: string }) { logger.info({ label, size: body.message.length }); }`,
        `function debugBody(body: unknown) { if (process.env.NODE_ENV !== 'production') logger.debug(body); }`,
        `app.post('/x', (req, res) => { trace('chat', req.body); debugBody(req.body); res.sendStatus(204); });`,
      ),
    },
    {
      name: 'method, path, status, ids, durations, lengths, keys and booleans',
      code: lines(
        ...express,
        `app.post('/chat/:id', (req, res) => {`,
        `  const start = Date.now();`,
        `  console.log(req.method, req.path, res.statusCode, req.params.id);`,
        `  console.info({ ms: Date.now() - start, size: req.body.message.length, fields: Object.keys(req.body), authed: !!req.headers.authorization });`,
        `  console.log(req.get('user-agent'), req.body.conversationId, req.query.page);`,
        `});`,
      ),
    },
    {
      name: 'errors are meant to be logged',
      code: lines(...express, `app.post('/x', async (req, res) => { try { await run(); } catch (err) { console.error(err); res.sendStatus(500); } });`),
    },
    {
      name: 'sanitized LLM output, its metadata, and a masked key prefix',
      code: lines(
        `import OpenAI from 'openai'; import pino from 'pino';`,
        `const openai = new OpenAI(); const logger = pino();`,
        `logger.info({ key: process.env.OPENAI_API_KEY?.slice(0, 4) });`,
        `export async function POST(req: Request) { const c = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: await req.text() }] });`,
        `  logger.info({ usage: c.usage, model: c.model, answer: redactPII(c.choices[0].message.content) }); return Response.json({}); }`,
      ),
    },
    {
      name: 'an object called audit is not a logger unless settings say so',
      code: lines(...express, `app.post('/x', (req, res) => { audit.info(req.body); });`),
    },
    {
      name: 'a local function called log',
      code: lines(...express, `function log(value) { return value; }`, `app.post('/x', (req, res) => { log(req.body); });`),
    },
    {
      name: 'request data outside any handler is not request data',
      code: lines(`function debugRequest(req) { console.log(req.body); }`),
    },
    {
      name: 'names that look like secrets but are not (tokenCount, keyboard, maxTokens)',
      code: lines(`import OpenAI from 'openai';`, `const openai = new OpenAI();`, `console.log({ tokenCount: usage.total_tokens, keyboard: layout.keyboard, maxTokens: config.maxTokens, hasKey: Boolean(process.env.OPENAI_API_KEY) });`),
    },
    {
      name: 'non-credential headers and non-secret environment variables',
      code: lines(...express, `app.get('/x', (req, res) => { console.log(req.headers['user-agent'], req.get('content-type'), process.env.NODE_ENV, process.env.PORT); });`),
    },
    {
      name: 'pino-http style req.log with safe fields',
      code: lines(...express, `app.post('/x', (req, res) => { req.log.info({ route: req.route?.path, status: res.statusCode, bytes: JSON.stringify(req.body).length }); });`),
    },
    {
      name: 'a webhook event type and ids from the body',
      code: lines(`import { Body, Controller, Logger, Post } from '@nestjs/common';`, `@Controller() class C { private readonly logger = new Logger('C'); @Post() hook(@Body() body: Event) { this.logger.log({ type: body.type, eventId: body.event_id, user: body.userId }); } }`),
    },
    {
      name: 'the model name and finish reason of an LLM call',
      code: lines(`import winston from 'winston'; import Anthropic from '@anthropic-ai/sdk';`, `const logger = winston.createLogger({}); const anthropic = new Anthropic();`, `export async function POST(req: Request) { const m = await anthropic.messages.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: await req.text() }] }); logger.info({ model: m.model, stop: m.stop_reason, tokens: m.usage.output_tokens }); return new Response('ok'); }`),
    },
    {
      name: 'a logger-like object that is not a logger (a chat UI object with a log method)',
      code: lines(...express, `const history = { log: [] as string[], info: (x: string) => x };`, `app.post('/x', (req, res) => { history.info(req.body.message); });`),
    },
    {
      name: 'a sanitized body field',
      code: lines(...express, `app.post('/x', (req, res) => { console.log(redactEmails(req.body.message)); });`),
    },
    {
      name: 'a clean field of a config object that also holds a key',
      code: lines(`const config = { port: 3000, openaiApiKey: process.env.OPENAI_API_KEY };`, `console.log(\`listening on \${config.port}\`);`),
    },
    {
      name: 'public and non-secret environment names',
      code: lines(`console.log(process.env.TOKEN_LIMIT, process.env.PUBLIC_KEY, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY);`),
    },
    {
      name: 'single NestJS parameters and server-action arguments that are ids or options',
      code: lines(
        `import { Controller, Get, Logger, Param, Query } from '@nestjs/common';`,
        `@Controller() class C { private readonly logger = new Logger('C'); @Get(':id') get(@Param('id') id: string, @Query('page') page: string) { this.logger.log(\`get \${id} page \${page}\`); } }`,
        `export async function deleteTodo(id: string) { 'use server'; console.log('deleting', id); }`,
      ),
    },
    {
      name: 'field names that end like content words but are not (platform, modelName, sortKey, author, countryCode)',
      code: lines(...express, `app.post('/x', (req, res) => { console.log(req.body.platform, req.body.modelName, req.hostname, req.query.sortKey, req.query.author, req.query.countryCode, req.body.idempotencyKey); });`),
    },
    {
      name: 'logging in development only',
      code: lines(...express, `app.post('/x', (req, res) => { if (process.env.NODE_ENV === 'development') console.log('body', req.body); });`),
    },
    {
      name: 'fields of data parameters that are neither content nor credentials (form ids and titles, tool limits and plain keys, an accept header)',
      code: lines(
        `'use server';`,
        `export async function rename(formData: FormData) { console.log('rename', formData.get('id'), formData.get('title')); }`,
        `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'; import { z } from 'zod';`,
        `const server = new McpServer({ name: 's', version: '1' });`,
        `server.tool('get', { key: z.string(), maxTokens: z.number() }, async (args) => { console.error('get', args.key, args.maxTokens, args.headers.accept); return { content: [] }; });`,
      ),
    },
    {
      name: "a Next.js route's context carries no request data to log",
      code: lines(`export async function GET(req: Request, context: { params: Promise<{ id: string }> }) { console.log('context', context); return new Response('ok'); }`),
    },
  ],
  invalid: [
    {
      name: "ai v3 LangChainStream's stream logged (the run's text)",
      code: lines(`import express from 'express'; import { LangChainStream } from 'ai';`, `const app = express();`, `app.post('/a', (req, res) => { const { stream, handlers } = LangChainStream(); console.log('stream', stream); res.end(); });`),
      errors: [{ messageId, line: 3 }],
    },
    {
      name: 'a langchain callback handler class that logs each generated token',
      code: lines(`import { BaseCallbackHandler } from '@langchain/core/callbacks/base'; import express from 'express';`, `const app = express();`, `export class Relay extends BaseCallbackHandler { name = 'relay'; handleLLMNewToken(token: string) { console.log('token', token); } }`, `app.post('/a', (req, res) => { res.end(); });`),
      errors: [{ messageId, line: 3 }],
    },
    {
      name: 'a logger helper that spreads its context whole and then writes several of its fields: the spread value is still logged',
      code: lines(...express, `function entry(severity, message, context = {}) { const e = { severity, message, ...context }; if (context.file && context.line) e.location = { file: context.file, line: context.line, fn: context.fn }; if (context.requestId) e.requestId = context.requestId; return e; } function logInfo(message, context = {}) { console.log(JSON.stringify(entry('INFO', message, context))); }`, `app.post('/chat', (req, res) => { logInfo('incoming', { messages: req.body.messages }); res.end(); });`),
      errors: [{ messageId, line: 4 }],
    },
    {
      name: 'the chat itself read from the body (the near miss of a flag about it)',
      code: lines(`import express from 'express';`, `const app = express();`, `app.post('/chat', (req, res) => { const body = req.body; console.log('new chat', { chat: body.newChat }); res.end(); });`),
      errors: [{ messageId, line: 3 }],
    },
    {
      name: 'escaped text is still logged, and fields of an object given to a request-bound logger or a debug format string are logged',
      code: lines(
        `import Fastify from 'fastify'; import createDebug from 'debug';`,
        `const fastify = Fastify(); const log = createDebug('app:chat');`,
        `fastify.post('/d', async (request) => { request.log.info(escapeHtml(request.body.message)); request.log.info({ body: request.body }, 'incoming'); log('messages %O', request.body.messages); return 'ok'; });`,
      ),
      errors: [
        { messageId, line: 3, column: 41, data: { what: 'request body data', source: 'request.body.message', line: '3', via: '', logger: 'request.log.info' } },
        { messageId, line: 3, column: 93, data: { what: 'the request body', source: 'request.body', line: '3', via: '', logger: 'request.log.info' } },
        { messageId, line: 3, column: 147, data: { what: 'request body data', source: 'request.body.messages', line: '3', via: '', logger: 'log' } },
      ],
    },
    {
      name: 'h3: the body read by readBody is logged',
      code: lines(`import { defineEventHandler, readBody } from 'h3'; import pino from 'pino'; const logger = pino();`, `export default defineEventHandler(async (event) => { const body = await readBody(event); logger.info(body); return { ok: true }; });`),
      errors: [{ messageId, line: 2, data: { what: 'the request body', source: 'readBody(event)', line: '2', via: ' via body', logger: 'logger.info' } }],
    },
    {
      name: 'headers spread with a harmless header (or a capitalized credential name) written over are still the request headers, and an outgoing key kept in a spread is a secret',
      code: lines(
        ...express,
        `import pino from 'pino'; const logger = pino();`,
        `const upstream = { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\`, 'Content-Type': 'application/json' };`,
        `app.post('/x', (req, res) => { logger.error({ ...req.headers, accept: '*/*' }, 'failed'); logger.info({ ...upstream, 'Content-Type': 'text/plain' }); res.sendStatus(500); });`,
        `app.post('/y', (req, res) => { logger.error({ ...req.headers, Authorization: '[redacted]' }, 'failed'); res.sendStatus(500); });`,
      ),
      errors: [
        { messageId, line: 5, data: { what: 'the request headers', source: 'req.headers', line: '5', via: '', logger: 'logger.error' } },
        { messageId, line: 5, data: { what: 'a secret', source: 'process.env.OPENAI_API_KEY', line: '4', via: ' via upstream', logger: 'logger.info' } },
        // Node delivers header names in lower case: `Authorization` adds a key and leaves `authorization` in.
        { messageId, line: 6, data: { what: 'the request headers', source: 'req.headers', line: '6', via: '', logger: 'logger.error' } },
      ],
    },
    {
      name: 'a multi-line logger call is underlined at its head (console.log), not whole',
      code: lines(...express, `app.post('/x', (req, res) => {`, `  console.log(`, `    'incoming',`, `    req.body,`, `  );`, `  res.end();`, `});`),
      errors: [{ messageId, line: 4, column: 3, endLine: 4, endColumn: 14,
          data: { what: 'the request body', source: 'req.body', line: '6', via: '', logger: 'console.log' },
          suggestions: [{ messageId: 'logSafeFields', data: { replacement: 'Object.keys(req.body)' }, output: lines(...express, `app.post('/x', (req, res) => {`, `  console.log(`, `    'incoming',`, `    Object.keys(req.body),`, `  );`, `  res.end();`, `});`) }] }],
    },
    {
      // A tool's arguments are data as a whole: `args.files` is a field named files, not an upload
      // (no `Object.keys` stand-in, which would print an array's indexes).
      name: 'a tool argument named like a content field',
      code: lines(
        `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'; import { z } from 'zod';`,
        `const server = new McpServer({ name: 's', version: '1' });`,
        `server.tool('save', { files: z.array(z.string()) }, async (args) => { console.error('saving', args.files); return { content: [] }; });`,
      ),
      errors: [{ messageId, line: 3, data: { what: 'request data', source: 'args.files', line: '3', via: '', logger: 'console.error' }, suggestions: [] }],
    },
    {
      // `query` is an HTTP part only on a request object; here it is what the user searches for.
      name: 'a tool argument named query is request data, not the query string',
      code: lines(
        `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'; import { z } from 'zod';`,
        `const server = new McpServer({ name: 's', version: '1' });`,
        `server.tool('search', { query: z.string() }, async (args) => { console.error('searching', args.query); return { content: [] }; });`,
      ),
      errors: [{ messageId, line: 3, data: { what: 'request data', source: 'args.query', line: '3', via: '', logger: 'console.error' }, suggestions: [] }],
    },
    {
      name: "a server action's form fields read by name: a password, an authorization value, a message",
      code: lines(
        `'use server';`,
        `export async function login(formData: FormData) {`,
        `  console.log('login', formData.get('password'));`,
        `  console.log('auth', formData.get('authorization'));`,
        `  console.log('note', formData.get('message'));`,
        `}`,
      ),
      errors: [
        { messageId, line: 3, data: { what: 'request data', source: "formData.get('password')", line: '2', via: '', logger: 'console.log' }, suggestions: [] },
        { messageId, line: 4, data: { what: 'request data', source: "formData.get('authorization')", line: '2', via: '', logger: 'console.log' }, suggestions: [] },
        { messageId, line: 5, data: { what: 'request data', source: "formData.get('message')", line: '2', via: '', logger: 'console.log' }, suggestions: [] },
      ],
    },
    {
      name: 'headers and cookies handed to a tool are credentials wherever they sit',
      code: lines(
        `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'; import { z } from 'zod';`,
        `const server = new McpServer({ name: 's', version: '1' });`,
        `server.tool('call', { url: z.string() }, async (args) => {`,
        `  console.error(args.headers.authorization);`,
        `  console.error(args.headers);`,
        `  console.error(args.cookies);`,
        `  return { content: [] };`,
        `});`,
      ),
      errors: [
        { messageId, line: 4, data: { what: 'request data', source: 'args.headers.authorization', line: '3', via: '', logger: 'console.error' }, suggestions: [] },
        { messageId, line: 5, data: { what: 'request data', source: 'args.headers', line: '3', via: '', logger: 'console.error' }, suggestions: [] },
        { messageId, line: 6, data: { what: 'request data', source: 'args.cookies', line: '3', via: '', logger: 'console.error' }, suggestions: [] },
      ],
    },
    {
      name: 'an inline server action whose directive is written with an escape',
      code: lines(
        `export default function Page() {`,
        `  async function save(formData: FormData) {`,
        `    'use\\u0020server';`,
        `    console.log('saving', formData.get('message'));`,
        `  }`,
        `  return save;`,
        `}`,
      ),
      errors: [{ messageId, line: 4, data: { what: 'request data', source: "formData.get('message')", line: '2', via: '', logger: 'console.log' }, suggestions: [] }],
    },
    {
      name: 'the query object of an HTTP request is still named so',
      code: lines(
        `import express from 'express';`,
        `const app = express();`,
        `app.get('/search', (req, res) => { console.log('search', req.query); res.end(); });`,
      ),
      errors: [
        {
          messageId,
          line: 3,
          data: { what: 'the query object', source: 'req.query', line: '3', via: '', logger: 'console.log' },
          suggestions: [
            {
              messageId: 'logSafeFields',
              data: { replacement: 'Object.keys(req.query)' },
              output: lines(`import express from 'express';`, `const app = express();`, `app.get('/search', (req, res) => { console.log('search', Object.keys(req.query)); res.end(); });`),
            },
          ],
        },
      ],
    },
    {
      name: 'a helper that logs its argument: reported at the call, with no suggestion',
      code: lines(
        ...express,
        `import pino from 'pino'; const logger = pino();`,
        `function audit(event: string, payload: unknown) { logger.info({ event, payload }); }`,
        `app.post('/x', (req, res) => { audit('chat', req.body); res.sendStatus(204); });`,
      ),
      errors: [{ messageId, line: 5, column: 32, data: { what: 'the request body', source: 'req.body', line: '5', via: ' via audit()', logger: 'logger.info' }, suggestions: [] }],
    },
    {
      // One report per flow and place: parse() logs its argument twice (console.log, console.error), reported once at its call.
      // Its twin, note(), is another call on the same line: a report of its own.
      name: 'a helper that logs its argument with two loggers: one report at its call, and one for another helper on the line',
      code: lines(
        ...express,
        `function parse(text: string) { console.log('got ' + text); const obj = JSON.parse(text); if (!obj.ok) console.error('bad', text); return obj; }`,
        `function note(text: string) { console.info(text); return text.length; }`,
        `app.post('/x', (req, res) => { res.json({ a: parse(req.body.message), n: note(req.body.message) }); });`,
      ),
      errors: [
        { messageId, line: 5, column: 46, data: { what: 'request body data', source: 'req.body.message', line: '5', via: ' via parse()', logger: 'console.log' }, suggestions: [] },
        { messageId, line: 5, column: 74, data: { what: 'request body data', source: 'req.body.message', line: '5', via: ' via note()', logger: 'console.info' }, suggestions: [] },
      ],
    },
    {
      name: 'console.log of the body (suggestion: its keys)',
      code: lines(...express, `app.post('/x', (req, res) => { console.log(req.body); });`),
      errors: [
        {
          messageId,
          line: 3,
          column: 32,
          data: { what: 'the request body', source: 'req.body', line: '3', via: '', logger: 'console.log' },
          suggestions: [{ messageId: 'logSafeFields', data: { replacement: 'Object.keys(req.body)' }, output: lines(...express, `app.post('/x', (req, res) => { console.log(Object.keys(req.body)); });`) }],
        },
      ],
    },
    {
      name: 'the whole request object (suggestion: method and url)',
      code: lines(...express, `app.use((req, res, next) => { console.debug('incoming', req); next(); });`),
      errors: [
        {
          messageId,
          line: 3,
          column: 31,
          data: { what: 'the whole request object', source: 'req', line: '3', via: '', logger: 'console.debug' },
          suggestions: [
            {
              messageId: 'logSafeFields',
              data: { replacement: '{ method: req.method, url: req.url }' },
              output: lines(...express, `app.use((req, res, next) => { console.debug('incoming', { method: req.method, url: req.url }); next(); });`),
            },
          ],
        },
      ],
    },
    {
      name: 'pino: headers nested in an object',
      code: lines(...express, `import pino from 'pino';`, `const logger = pino().child({ svc: 'chat' });`, `app.post('/x', (req, res) => { logger.info({ headers: req.headers }, 'request'); });`),
      errors: [{ messageId, line: 5, column: 32, data: { what: 'the request headers', source: 'req.headers', line: '5', via: '', logger: 'logger.info' } }],
    },
    {
      name: "Fastify request.log with the authorization header, and fastify.log with the query object",
      code: lines(
        `import Fastify from 'fastify';`,
        `const fastify = Fastify();`,
        `fastify.get('/x', async (request, reply) => { request.log.info(request.headers.authorization); fastify.log.warn({ query: request.query }); return 'ok'; });`,
      ),
      errors: [
        { messageId, line: 3, column: 47, data: { what: 'a credential header', source: 'request.headers.authorization', line: '3', via: '', logger: 'request.log.info' } },
        { messageId, line: 3, column: 96, data: { what: 'the query object', source: 'request.query', line: '3', via: '', logger: 'fastify.log.warn' } },
      ],
    },
    {
      name: 'winston: the system prompt of an LLM call',
      code: lines(
        `import winston from 'winston'; import OpenAI from 'openai';`,
        `const logger = winston.createLogger({}); const openai = new OpenAI();`,
        `const SYSTEM_PROMPT = 'You are Acme support. Refund limit: $50.';`,
        `export async function POST(req: Request) { logger.debug(\`prompt: \${SYSTEM_PROMPT}\`); return Response.json(await openai.chat.completions.create({ model: 'm', messages: [{ role: 'system', content: SYSTEM_PROMPT }] })); }`,
      ),
      errors: [{ messageId, line: 4, column: 44, data: { what: 'the system prompt', source: 'SYSTEM_PROMPT', line: '3', via: '', logger: 'logger.debug' } }],
    },
    {
      name: 'NestJS Logger on a class field with a body field',
      code: lines(
        `import { Body, Controller, Logger, Post } from '@nestjs/common';`,
        `@Controller() export class ChatController {`,
        `  private readonly logger = new Logger(ChatController.name);`,
        `  @Post() chat(@Body() dto: ChatDto) { this.logger.log(\`question: \${dto.message}\`); return {}; }`,
        `}`,
      ),
      errors: [{ messageId, line: 4, column: 40, data: { what: 'request data', source: 'dto.message', line: '4', via: '', logger: 'this.logger.log' } }],
    },
    {
      name: 'the debug package with a whole LLM result, and a messages list of request data',
      code: lines(
        `import debug from 'debug'; import OpenAI from 'openai';`,
        `const log = debug('app:chat'); const openai = new OpenAI();`,
        `export async function POST(req: Request) { const messages = [{ role: 'user', content: await req.text() }]; const completion = await openai.chat.completions.create({ model: 'm', messages }); log('%o', completion); console.log(messages); return new Response('ok'); }`,
      ),
      errors: [
        { messageId, line: 3, column: 191, data: { what: 'LLM output', source: 'openai chat.completions.create', line: '3', via: ' via completion', logger: 'log' } },
        { messageId, line: 3, column: 214, data: { what: 'the request body', source: 'req.text()', line: '3', via: ' via messages', logger: 'console.log' } },
      ],
    },
    {
      name: 'an API key from the environment (suggestion: redact it)',
      code: lines(`console.log('key', process.env.OPENAI_API_KEY);`),
      errors: [
        {
          messageId,
          line: 1,
          column: 1,
          data: { what: 'a secret', source: 'process.env.OPENAI_API_KEY', line: '1', via: '', logger: 'console.log' },
          suggestions: [{ messageId: 'logSafeFields', data: { replacement: "'[redacted]'" }, output: `console.log('key', '[redacted]');` }],
        },
      ],
    },
    {
      name: 'Hono: the parsed body; Koa: cookies; Express: a token query parameter',
      code: lines(
        `import { Hono } from 'hono';`,
        `const app = new Hono();`,
        `app.post('/x', async (c) => { console.log(await c.req.json()); return c.text('ok'); });`,
      ),
      errors: [{ messageId, line: 3, column: 31, data: { what: 'the request body', source: 'c.req.json()', line: '3', via: '', logger: 'console.log' } }],
    },
    {
      name: 'Koa cookies and an Express token query parameter',
      code: lines(
        `import Router from '@koa/router';`,
        `const router = new Router();`,
        `router.get('/x', (ctx) => { console.log(ctx.cookies); });`,
        `router.get('/y', (ctx) => { console.log({ token: ctx.query.token }); });`,
      ),
      errors: [
        { messageId, line: 3, column: 29, data: { what: 'request cookies', source: 'ctx.cookies', line: '3', via: '', logger: 'console.log' }, suggestions: [{ messageId: 'logSafeFields', data: { replacement: 'Object.keys(ctx.cookies)' }, output: lines(`import Router from '@koa/router';`, `const router = new Router();`, `router.get('/x', (ctx) => { console.log(Object.keys(ctx.cookies)); });`, `router.get('/y', (ctx) => { console.log({ token: ctx.query.token }); });`) }] },
        { messageId, line: 4, column: 29, data: { what: 'a credential query parameter', source: 'ctx.query.token', line: '4', via: '', logger: 'console.log' } },
      ],
    },
    {
      name: 'a logger named in settings',
      settings: { 'llm-security': { loggers: ['audit'] } },
      code: lines(...express, `app.post('/x', (req, res) => { audit.info({ question: req.body.question }); });`),
      errors: [{ messageId, line: 3, column: 32, data: { what: 'request body data', source: 'req.body.question', line: '3', via: '', logger: 'audit.info' } }],
    },
    {
      name: 'a key inside a parsed literal: the message names the member, never the value',
      code: `console.log(JSON.parse('{"apiKey":"sk-proj-AbCdEfGh"}').apiKey);`,
      errors: [{ messageId, line: 1, column: 1, data: { what: 'a secret', source: 'apiKey', line: '1', via: '', logger: 'console.log' } }],
    },
    {
      name: 'the key field of a config object',
      code: lines(`const config = { port: 3000, openaiApiKey: process.env.OPENAI_API_KEY };`, `console.log('config', config.openaiApiKey);`),
      errors: [{ messageId, line: 2, column: 1, data: { what: 'a secret', source: 'process.env.OPENAI_API_KEY', line: '1', via: ' via config.openaiApiKey', logger: 'console.log' } }],
    },
  ],
});
