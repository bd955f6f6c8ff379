import rule from '../../rules/no-api-key-in-url.js';
import { lines, ruleTester } from './tester.js';

const messageId = 'keyInQuery' as const;
const express = [`import express from 'express';`, `const app = express();`];

ruleTester().run('no-api-key-in-url', rule, {
  valid: [
    {
      name: 'keys read from headers',
      code: lines(...express, `app.post('/x', (req, res) => { const a = req.headers['x-api-key']; const b = req.get('authorization'); const c = req.header('x-api-key'); });`),
    },
    {
      name: 'other query parameters and credentials in the body',
      code: lines(...express, `app.get('/x', (req, res) => { const { page, limit } = req.query; const q = req.query.q; const { token } = req.body; const k = req.body.api_key; });`),
    },
    {
      name: 'a query object that is not the request',
      code: lines(...express, `app.get('/x', (req, res) => { const query = { token: 'static' }; console.log(query.token); });`),
    },
    {
      name: 'a form body parsed with URLSearchParams',
      code: lines(`export async function POST(request: Request) { const form = new URLSearchParams(await request.text()); const token = form.get('token'); return new Response(token ? 'ok' : 'no'); }`),
    },
    {
      name: 'a function with a req parameter that is not a handler',
      code: lines(`export function keyOf(req) { return req.query.api_key; }`),
    },
    {
      name: 'Hono: the header, not the query',
      code: lines(`import { Hono } from 'hono';`, `const app = new Hono();`, `app.get('/x', (c) => c.text(c.req.header('x-api-key') ?? ''));`),
    },
  ],
  invalid: [
    {
      name: 'Express: req.query.api_key (suggestion: the x-api-key header)',
      code: lines(...express, `app.get('/x', (req, res) => { if (req.query.api_key !== process.env.API_KEY) return res.sendStatus(401); });`),
      errors: [
        {
          messageId,
          line: 3,
          column: 35,
          data: { name: 'api_key', source: 'req.query.api_key' },
          suggestions: [{ messageId: 'readFromHeader', data: { header: "req.headers['x-api-key']" }, output: lines(...express, `app.get('/x', (req, res) => { if (req.headers['x-api-key'] !== process.env.API_KEY) return res.sendStatus(401); });`) }],
        },
      ],
    },
    {
      name: 'Express: destructured from req.query',
      code: lines(...express, `app.get('/x', (req, res) => { const { token, page } = req.query; });`),
      errors: [{ messageId, line: 3, column: 39, data: { name: 'token', source: 'req.query.token' } }],
    },
    {
      name: 'Fastify and Koa',
      code: lines(
        `import Fastify from 'fastify'; import Router from '@koa/router';`,
        `const f = Fastify(); const router = new Router();`,
        `f.get('/x', async (request) => request.query.key);`,
        `router.get('/y', (ctx) => { const t = ctx.query.access_token; });`,
      ),
      errors: [
        { messageId, line: 3, column: 32, data: { name: 'key', source: 'request.query.key' }, suggestions: [{ messageId: 'readFromHeader', data: { header: "request.headers['x-api-key']" }, output: lines(`import Fastify from 'fastify'; import Router from '@koa/router';`, `const f = Fastify(); const router = new Router();`, `f.get('/x', async (request) => request.headers['x-api-key']);`, `router.get('/y', (ctx) => { const t = ctx.query.access_token; });`) }] },
        { messageId, line: 4, column: 39, data: { name: 'access_token', source: 'ctx.query.access_token' }, suggestions: [{ messageId: 'readFromHeader', data: { header: "ctx.headers['x-api-key']" }, output: lines(`import Fastify from 'fastify'; import Router from '@koa/router';`, `const f = Fastify(); const router = new Router();`, `f.get('/x', async (request) => request.query.key);`, `router.get('/y', (ctx) => { const t = ctx.headers['x-api-key']; });`) }] },
      ],
    },
    {
      name: "Hono: c.req.query('token') (suggestion: c.req.header)",
      code: lines(`import { Hono } from 'hono';`, `const app = new Hono();`, `app.get('/x', (c) => c.text(c.req.query('token') ?? ''));`),
      errors: [
        {
          messageId,
          line: 3,
          column: 29,
          data: { name: 'token', source: "c.req.query('token')" },
          suggestions: [{ messageId: 'readFromHeader', data: { header: "c.req.header('x-api-key')" }, output: lines(`import { Hono } from 'hono';`, `const app = new Hono();`, `app.get('/x', (c) => c.text(c.req.header('x-api-key') ?? ''));`) }],
        },
      ],
    },
    {
      name: 'Next.js: nextUrl.searchParams and new URL(req.url).searchParams',
      code: lines(
        `export async function GET(req: NextRequest) { const key = req.nextUrl.searchParams.get('api_key'); return new Response(key); }`,
        `export async function POST(request: Request) { const url = new URL(request.url); const token = url.searchParams.get('token'); return new Response(token); }`,
      ),
      errors: [
        { messageId, line: 1, column: 59, data: { name: 'api_key', source: "req.nextUrl.searchParams.get('api_key')" } },
        { messageId, line: 2, column: 96, data: { name: 'token', source: "request.url -> url.searchParams.get('token')" } },
      ],
    },
  ],
});
