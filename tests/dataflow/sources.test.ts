import { describe, expect, it } from 'vitest';
import { sinkOrigins } from './harness.js';

describe('request sources per framework', () => {
  it('Express route handlers: body, query, params, headers, cookies', () => {
    expect(
      sinkOrigins(`import express from 'express'; const app = express();
        app.post('/chat', (req, res) => { sink([req.body.message, req.query.q, req.params.id, req.headers.authorization, req.cookies.sid]); });`),
    ).toEqual(['req.body.message', 'req.query.q', 'req.params.id', 'req.headers.authorization']);
  });

  it('Express: req.get(), router.route().post(), a handler named by identifier and wrapped in asyncHandler', () => {
    expect(sinkOrigins(`const r = express.Router(); r.route('/x').post((req, res) => sink(req.get('x-user')));`)).toEqual([
      "req.get('x-user')",
    ]);
    expect(sinkOrigins(`async function chat(req, res) { sink(req.body.text); } app.post('/chat', chat);`)).toEqual([
      'req.body.text',
    ]);
    expect(sinkOrigins(`app.post('/chat', asyncHandler(async (req, res) => { sink(req.body.text); }));`)).toEqual([
      'req.body.text',
    ]);
  });

  it('Express error middleware receives the request second', () => {
    expect(sinkOrigins(`app.use((err, req, res, next) => { sink(req.body.x); });`)).toEqual(['req.body.x']);
  });

  it('request metadata that is not client data stays clean', () => {
    expect(sinkOrigins(`app.post('/chat', (req, res) => { sink([req.method, req.user.name, req.session.id, req.ip]); });`)).toEqual([]);
    expect(sinkOrigins(`app.post('/chat', (req, res) => { sink(req.body.message.length); });`)).toEqual([]);
  });

  it('HTTP clients, caches and plugin hooks are not route registrations', () => {
    expect(
      sinkOrigins(`import https from 'node:https';
        https.get(POLICY_URL, (resp) => { let p = ''; resp.on('data', (c) => { p += c; }); resp.on('end', () => sink(p)); });`),
    ).toEqual([]);
    expect(sinkOrigins(`cache.get(KEY, (entry) => sink(entry.body));`)).toEqual([]);
    expect(sinkOrigins(`someLib.use((req) => sink(req.body));`)).toEqual([]);
    expect(sinkOrigins(`apiClient.get('/users', (err, res, body) => sink(body));`)).toEqual([]);
    expect(sinkOrigins(`request.post('/x', (err, res) => sink(res.body));`)).toEqual([]);
  });

  it('routes with a path held in a name, on app-like receivers', () => {
    expect(sinkOrigins(`app.post(ROUTES.chat, (req, res) => sink(req.body.q));`)).toEqual(['req.body.q']);
    expect(sinkOrigins(`chatRouter.post(path, (req, res) => sink(req.body.q));`)).toEqual(['req.body.q']);
    expect(sinkOrigins(`this.app.get(\`/\${version}/chat\`, (req, res) => sink(req.query.q));`)).toEqual(['req.query.q']);
    expect(sinkOrigins(`thing.post(path, (req, res) => sink(req.body.q));`)).toEqual([]);
  });

  it('handlers in their own file, typed with the framework types', () => {
    expect(
      sinkOrigins(`import type { Request, Response } from 'express'; export async function chat(req: Request, res: Response) { sink(req.body.q); }`),
    ).toEqual(['req.body.q']);
    expect(
      sinkOrigins(`import type { RequestHandler } from 'express'; export const chat: RequestHandler = async (req, res) => { sink(req.query.q); };`),
    ).toEqual(['req.query.q']);
    expect(sinkOrigins(`import type { FastifyRequest } from 'fastify'; export async function h(request: FastifyRequest) { sink(request.body); }`)).toEqual([
      'request.body',
    ]);
    expect(sinkOrigins(`import type { Context } from 'hono'; export const h = async (c: Context) => { sink(await c.req.json()); };`)).toEqual([
      'c.req.json()',
    ]);
    // A type of your own called Request is not express's.
    expect(sinkOrigins(`interface Request { body: string } export function h(req: Request) { sink(req.body); }`)).toEqual([]);
  });

  it('a function with a req parameter that is not registered is not a source', () => {
    expect(sinkOrigins(`function build(req) { sink(req.body.message); }`)).toEqual([]);
  });

  it('settings.sources.requestParams makes such parameters sources', () => {
    expect(
      sinkOrigins(`function build(req) { sink(req.body.message); }`, { settings: { sources: { requestParams: ['req'] } } }),
    ).toEqual(['req.body.message']);
  });

  it('settings.sources.functions marks call results as request data', () => {
    expect(sinkOrigins(`const t = readInput(); sink(t);`, { settings: { sources: { functions: ['readInput'] } } })).toEqual([
      'readInput() -> t',
    ]);
  });

  it('Fastify: route options handler and shorthand with options', () => {
    expect(
      sinkOrigins(`import Fastify from 'fastify'; const f = Fastify();
        f.route({ method: 'POST', url: '/x', handler: async (request, reply) => { sink(request.body.q); } });`),
    ).toEqual(['request.body.q']);
    expect(
      sinkOrigins(`import Fastify from 'fastify'; const f = Fastify();
        f.post('/x', { schema: {} }, async (request, reply) => { sink(request.query.q); });`),
    ).toEqual(['request.query.q']);
  });

  it('Koa: ctx.request.body, ctx.query, ctx.params; ctx.body (the response) is not request data', () => {
    expect(
      sinkOrigins(`import Router from '@koa/router'; const router = new Router();
        router.post('/x', async (ctx) => { sink([ctx.request.body.q, ctx.query.a, ctx.params.id, ctx.body, ctx.state.user]); });`),
    ).toEqual(['ctx.request.body.q', 'ctx.query.a', 'ctx.params.id']);
  });

  it('Hono: c.req.json(), c.req.query(), c.req.param(), c.req.valid(); c.get() and c.env are not', () => {
    expect(
      sinkOrigins(`import { Hono } from 'hono'; const app = new Hono();
        app.post('/x', async (c) => { const { q } = await c.req.json(); sink([q, c.req.query('a'), c.req.param('id'), c.req.valid('json'), c.get('user'), c.env.KEY]); });`),
    ).toEqual(['c.req.json().q', "c.req.query('a')", "c.req.param('id')", "c.req.valid('json')"]);
  });

  it('Next.js app router: req.json(), nextUrl.searchParams, params of the second argument', () => {
    expect(
      sinkOrigins(`export async function POST(req: Request, { params }: { params: { id: string } }) {
        const body = await req.json(); sink([body.message, params.id]); }`),
    ).toEqual(['req.json() -> body.message', 'context.params.id']);
    expect(
      sinkOrigins(`export const GET = async (request: NextRequest) => { sink(request.nextUrl.searchParams.get('q')); };`),
    ).toEqual(["request.nextUrl.searchParams.get('q')"]);
    expect(
      sinkOrigins(`export async function GET(request: Request) { const url = new URL(request.url); sink(url.searchParams.get('q')); }`),
    ).toEqual(['request.url -> url.searchParams']);
  });

  it('Next.js pages API handlers (by path or by NextApiRequest type) and page props', () => {
    expect(sinkOrigins(`export default function handler(req, res) { sink(req.body.q); }`, { filename: 'src/pages/api/chat.ts' })).toEqual([
      'req.body.q',
    ]);
    expect(sinkOrigins(`export default function handler(req, res) { sink(req.body.q); }`, { filename: 'src/lib/chat.ts' })).toEqual([]);
    expect(
      sinkOrigins(`export default function handler(req: NextApiRequest, res: NextApiResponse) { sink(req.query.q); }`, { filename: 'x.ts' }),
    ).toEqual(['req.query.q']);
    expect(
      sinkOrigins(`export default async function Page({ searchParams }) { sink(searchParams.q); }`, { filename: 'app/search/page.tsx' }),
    ).toEqual(['props.searchParams.q']);
  });

  it("Next.js server actions: 'use server' files and functions", () => {
    expect(sinkOrigins(`'use server'; export async function ask(formData: FormData) { sink(formData.get('q')); }`)).toEqual([
      "formData.get('q')",
    ]);
    expect(sinkOrigins(`async function ask(text) { 'use server'; sink(text); }`)).toEqual(['text']);
    expect(sinkOrigins(`export async function ask(text) { sink(text); }`)).toEqual([]);
  });

  it('Next.js headers() and cookies() from next/headers', () => {
    expect(sinkOrigins(`import { headers } from 'next/headers'; async function f() { const h = await headers(); sink(h.get('x')); }`)).toEqual([
      'headers() -> h',
    ]);
  });

  it('NestJS decorated parameters', () => {
    expect(
      sinkOrigins(`import { Controller, Post, Body, Req } from '@nestjs/common';
        @Controller() class C { @Post() chat(@Body() dto: ChatDto, @Req() req: Request, other: string) { sink([dto.message, req.headers.x, other]); } }`),
    ).toEqual(['dto.message', 'req.headers.x']);
    expect(
      sinkOrigins(`import { Controller } from '@nestjs/common'; class C { helper(dto: ChatDto) { sink(dto.message); } }`),
    ).toEqual([]);
    expect(
      sinkOrigins(`import { Body, Query } from '@nestjs/common'; class C { chat(@Body() { message }: Dto, @Query() { lang }: Q) { sink([message, lang]); } }`),
    ).toEqual(['body.message', 'query.lang']);
  });

  it('plain http: url, headers, and bodies read with on(data) or for await', () => {
    expect(
      sinkOrigins(`import http from 'node:http';
        http.createServer((req, res) => { let body = ''; req.on('data', (chunk) => { body += chunk; }); req.on('end', () => { sink(JSON.parse(body).q); }); });`),
    ).toEqual(['req body -> chunk -> body.q']);
    expect(
      sinkOrigins(`import { createServer } from 'http';
        createServer(async (req, res) => { const chunks = []; for await (const chunk of req) chunks.push(chunk); sink(Buffer.concat(chunks).toString()); });`),
    ).toEqual(['req body -> chunk -> chunks']);
    expect(
      sinkOrigins(`import { createServer } from 'http';
        createServer(async (req, res) => { let raw = ''; for await (const chunk of req) raw += chunk; sink(raw); });`),
    ).toEqual(['req body -> chunk -> raw']);
  });

  it('web Request handlers: export default { fetch }, Deno.serve, Bun.serve', () => {
    expect(sinkOrigins(`export default { async fetch(request, env) { const { q } = await request.json(); sink([q, env.KEY]); } };`)).toEqual([
      'request.json().q',
    ]);
    expect(sinkOrigins(`Deno.serve(async (req) => { sink(await req.text()); });`)).toEqual(['req.text()']);
    expect(sinkOrigins(`Bun.serve({ async fetch(req) { sink(new URL(req.url).searchParams.get('q')); } });`)).toEqual(["req.url.searchParams.get('q')"]);
  });

  it('MCP tool and prompt handlers receive client arguments', () => {
    const header = `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'; const server = new McpServer({ name: 'x', version: '1' });`;
    expect(sinkOrigins(`${header} server.tool('ask', { q: z.string() }, async ({ q }) => { sink(q); });`)).toEqual(['args.q']);
    expect(sinkOrigins(`${header} server.registerTool('ask', { inputSchema: { q: z.string() } }, async (args) => { sink(args.q); });`)).toEqual([
      'args.q',
    ]);
    expect(sinkOrigins(`${header} server.registerPrompt('p', { argsSchema: { t: z.string() } }, ({ t }) => { sink(t); });`)).toEqual([
      'args.t',
    ]);
    expect(sinkOrigins(`${header} server.tool('ping', 'says pong', async (extra) => { sink(extra.sessionId); });`)).toEqual([]);
    expect(sinkOrigins(`${header} server.tool('ping', { readOnlyHint: true }, async (extra) => { sink(extra.sessionId); });`)).toEqual([]);
    expect(sinkOrigins(`${header} server.tool('ask', 'asks', { q: z.string() }, { readOnlyHint: true }, async ({ q }) => { sink(q); });`)).toEqual([
      'args.q',
    ]);
  });
});
