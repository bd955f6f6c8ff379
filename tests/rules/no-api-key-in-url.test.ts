import rule from '../../rules/no-api-key-in-url.js';
import { lines, ruleTester } from './tester.js';

const messageId = 'keyInQuery' as const;
const express = [`import express from 'express';`, `const app = express();`];

ruleTester().run('no-api-key-in-url', rule, {
  valid: [
    {
      // Twins of the credential reads below: `key` and `token` that name a filter key, a page cursor or a record, used as such.
      name: 'key and token read from the query but never used as a credential',
      code: lines(
        `import Fastify from 'fastify'; import { Hono } from 'hono';`,
        `const f = Fastify(); const app = new Hono();`,
        `f.get('/values', async (request) => { const { key, limit } = request.query; return db.values(key, limit); });`,
        `f.get('/page', async (request) => list({ cursor: request.query.token }));`,
        `app.get('/x', (c) => c.text(c.req.query('token') ?? ''));`,
        `export async function POST(request: Request) { const url = new URL(request.url); const token = url.searchParams.get('token'); return Response.json(await nextPage(token)); }`,
        `f.get('/decoded', async (request) => page(decodeURIComponent(request.query.token)));`,
        `f.get('/paged', async (request) => list({ pageToken: request.query.token }));`,
        `f.get('/paged2', async (request) => list({ pagination_token: request.query.token }));`,
        `f.get('/sorted', async (request) => (ALLOWED_SORT_KEYS.includes(request.query.key) ? sortBy(request.query.key) : []));`,
        `f.get('/logged', async function (request) { this.auth.logger.info(request.query.token); return []; });`,
      ),
    },
    {
      name: 'keys read from headers',
      code: lines(...express, `app.post('/x', (req, res) => { const a = req.headers['x-api-key']; const b = req.get('authorization'); const c = req.header('x-api-key'); });`),
    },
    {
      name: 'identifiers in the query string: a chat session, a thread, a user (records, not credentials)',
      code: lines(...express, `app.get('/history', (req, res) => { const { sessionId, threadId } = req.query; const session_id = req.query.session_id; const user = req.query.userId; res.json({ sessionId, threadId, session_id, user }); });`),
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
    {
      name: 'outgoing URLs: a token in a reset link, a public maps key, a key sent in a header, a form body',
      code: lines(
        `export async function notify(resetToken: string) { return \`https://app.example.com/reset?token=\${resetToken}\`; }`,
        `export const tiles = \`https://maps.example.com/tiles?key=\${process.env.GOOGLE_MAPS_API_KEY}\`;`,
        `export async function weather(city: string) { return fetch(\`https://api.example.com/weather?q=\${city}\`, { headers: { 'x-api-key': process.env.WEATHER_API_KEY ?? '' } }); }`,
        `export const form = \`grant_type=client_credentials&client_secret=\${process.env.CLIENT_SECRET}\`;`,
      ),
    },
    {
      name: 'outgoing URLs: a masked key, a key in a sentence, a cache key in a query',
      code: lines(
        `export const shown = \`https://dash.example.com/keys?hint=\${process.env.OPENAI_API_KEY?.slice(0, 4)}\`;`,
        `export const help = \`Set the header or use ?api_key=\${'your key'} in tests\`;`,
        `export function page(cacheKey: string) { return \`/api/items?key=\${cacheKey}\`; }`,
        `export function settings(hasApiKey: boolean) { return \`/settings?hasApiKey=\${hasApiKey}\`; }`,
      ),
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
      code: lines(...express, `app.get('/x', (req, res) => { const { token, page } = req.query; const user = jwt.verify(token, process.env.JWT_SECRET); res.json({ user, page }); });`),
      errors: [{ messageId, line: 3, column: 39, data: { name: 'token', source: 'req.query.token' } }],
    },
    {
      name: 'key and token sent on as a key: a bearer token, an apiKey option',
      code: lines(
        ...express,
        'app.get(\'/proxy\', async (req, res) => { const { key } = req.query; const r = await fetch(url, { headers: { Authorization: `Bearer ${key}` } }); res.json(await r.json()); });',
        `app.get('/ask', async (req, res) => { const client = new OpenAI({ apiKey: req.query.token as string }); res.json(await client.models.list()); });`,
        `app.get('/join', async (req, res) => { const token = z.string().parse(req.query.token); res.json(await verifyJWT(token)); });`,
      ),
      errors: [
        { messageId, line: 3, column: 49, data: { name: 'key', source: 'req.query.key' } },
        { messageId, line: 4, column: 75, data: { name: 'token', source: 'req.query.token' }, suggestions: [{ messageId: 'readFromHeader', data: { header: "req.headers['x-api-key']" }, output: lines(...express, 'app.get(\'/proxy\', async (req, res) => { const { key } = req.query; const r = await fetch(url, { headers: { Authorization: `Bearer ${key}` } }); res.json(await r.json()); });', `app.get('/ask', async (req, res) => { const client = new OpenAI({ apiKey: req.headers['x-api-key'] as string }); res.json(await client.models.list()); });`, `app.get('/join', async (req, res) => { const token = z.string().parse(req.query.token); res.json(await verifyJWT(token)); });`) }] },
        { messageId, line: 5, column: 71, data: { name: 'token', source: 'req.query.token' }, suggestions: [{ messageId: 'readFromHeader', data: { header: "req.headers['x-api-key']" }, output: lines(...express, 'app.get(\'/proxy\', async (req, res) => { const { key } = req.query; const r = await fetch(url, { headers: { Authorization: `Bearer ${key}` } }); res.json(await r.json()); });', `app.get('/ask', async (req, res) => { const client = new OpenAI({ apiKey: req.query.token as string }); res.json(await client.models.list()); });`, `app.get('/join', async (req, res) => { const token = z.string().parse(req.headers['x-api-key']); res.json(await verifyJWT(token)); });`) }] },
      ],
    },
    (() => {
      // Each route reads key or token once and uses it as a credential; member reads get the header suggestion.
      const routes = [
        `app.get('/a', (req, res) => { const { token = '' } = req.query; res.json(jwt.verify(token, process.env.JWT_SECRET)); });`,
        `app.get('/b', (req, res) => { res.json(jwt.verify(req.query.token.trim(), process.env.JWT_SECRET)); });`,
        `app.get('/c', async (req, res) => { const key = req.query.key; const r = await fetch(u, { headers: { Authorization: 'Bearer ' + key } }); res.json(await r.json()); });`,
        `app.get('/d', async (req, res) => { const { key } = req.query; res.json(await db.apiKey.findFirst({ where: { apiToken: key } })); });`,
        `app.get('/e', (req, res) => { if (!VALID_KEYS.has(req.query.key)) return res.sendStatus(401); res.json({}); });`,
        `app.get('/f', async (req, res) => { const { data } = await supabase.auth.getUser(req.query.token); res.json(data); });`,
        'app.get(\'/g\', async (req, res) => { const auth = `Bearer ${req.query.token}`; headers.set(\'Authorization\', auth); res.json({}); });',
        `app.get('/h', (req, res) => { res.json(jwt.verify(req.query.token?.trim(), process.env.JWT_SECRET)); });`,
      ];
      return {
        name: 'key and token used as credentials through defaults, string methods, concatenation, lookups and auth APIs',
        code: lines(...express, ...routes),
        errors: routes.map((route, i) => {
          const member = /req\.query\.(key|token)/.exec(route);
          const destructured = /\{ (key|token)(?: = '')? \} = req\.query/.exec(route);
          const name = (member ?? destructured)![1];
          const column = destructured ? destructured.index + 3 : member!.index + 1;
          const suggestions = destructured
            ? []
            : [{ messageId: 'readFromHeader' as const, data: { header: "req.headers['x-api-key']" }, output: lines(...express, ...routes.map((r, j) => (j === i ? r.replace(member![0], "req.headers['x-api-key']") : r))) }];
          return { messageId, line: 3 + i, column, data: { name, source: `req.query.${name}` }, suggestions };
        }),
      };
    })(),
    {
      name: 'Fastify and Koa',
      code: lines(
        `import Fastify from 'fastify'; import Router from '@koa/router';`,
        `const f = Fastify(); const router = new Router();`,
        `f.get('/x', async (request) => authenticate(request.query.key));`,
        `router.get('/y', (ctx) => { const t = ctx.query.access_token; });`,
      ),
      errors: [
        { messageId, line: 3, column: 45, data: { name: 'key', source: 'request.query.key' }, suggestions: [{ messageId: 'readFromHeader', data: { header: "request.headers['x-api-key']" }, output: lines(`import Fastify from 'fastify'; import Router from '@koa/router';`, `const f = Fastify(); const router = new Router();`, `f.get('/x', async (request) => authenticate(request.headers['x-api-key']));`, `router.get('/y', (ctx) => { const t = ctx.query.access_token; });`) }] },
        { messageId, line: 4, column: 39, data: { name: 'access_token', source: 'ctx.query.access_token' }, suggestions: [{ messageId: 'readFromHeader', data: { header: "ctx.headers['x-api-key']" }, output: lines(`import Fastify from 'fastify'; import Router from '@koa/router';`, `const f = Fastify(); const router = new Router();`, `f.get('/x', async (request) => authenticate(request.query.key));`, `router.get('/y', (ctx) => { const t = ctx.headers['x-api-key']; });`) }] },
      ],
    },
    {
      name: "Hono: c.req.query('token') (suggestion: c.req.header)",
      code: lines(`import { Hono } from 'hono';`, `const app = new Hono();`, `app.get('/x', (c) => c.text(c.req.query('token') === c.env.TOKEN ? 'ok' : 'no'));`),
      errors: [
        {
          messageId,
          line: 3,
          column: 29,
          data: { name: 'token', source: "c.req.query('token')" },
          suggestions: [{ messageId: 'readFromHeader', data: { header: "c.req.header('x-api-key')" }, output: lines(`import { Hono } from 'hono';`, `const app = new Hono();`, `app.get('/x', (c) => c.text(c.req.header('x-api-key') === c.env.TOKEN ? 'ok' : 'no'));`) }],
        },
      ],
    },
    {
      name: 'Next.js: nextUrl.searchParams and new URL(req.url).searchParams',
      code: lines(
        `export async function GET(req: NextRequest) { const key = req.nextUrl.searchParams.get('api_key'); return new Response(key); }`,
        `export async function POST(request: Request) { const url = new URL(request.url); const token = url.searchParams.get('token'); return Response.json(await verifyToken(token)); }`,
      ),
      errors: [
        { messageId, line: 1, column: 59, data: { name: 'api_key', source: "req.nextUrl.searchParams.get('api_key')" } },
        { messageId, line: 2, column: 96, data: { name: 'token', source: "request.url -> url.searchParams.get('token')" } },
      ],
    },
    {
      name: 'outgoing URLs: an env key in a template, a key member in a URL built on a base, a Workers binding, concatenation, searchParams.set',
      code: lines(
        `export const a = fetch(\`https://api.example.com/v2/validate?api_key=\${process.env.ZEROBOUNCE_API_KEY}&email=x\`);`,
        `export class Weather { constructor(private config: { baseUrl: string; apiKey: string }) {} get(q: string) { return \`\${this.config.baseUrl}/weather?q=\${q}&appid=\${this.config.apiKey}\`; } }`,
        `export default { fetch(request: Request, env: { OPEN_WEATHER_API_KEY: string }) { return fetch(\`https://w.example.com/data?lat=1&appid=\${env.OPEN_WEATHER_API_KEY}\`); } };`,
        `export function g(base: string, apiKey: string) { return fetch(base + '/models?key=' + apiKey); }`,
        `export function h(url: URL, clientSecret: string) { url.searchParams.set('client_secret', clientSecret); return url; }`,
      ),
      errors: [
        { messageId: 'keyInUrl', line: 1, column: 71, data: { name: 'process.env.ZEROBOUNCE_API_KEY', param: 'api_key' } },
        { messageId: 'keyInUrl', line: 2, column: 163, data: { name: 'apiKey', param: 'appid' } },
        { messageId: 'keyInUrl', line: 3, column: 138, data: { name: 'env.OPEN_WEATHER_API_KEY', param: 'appid' } },
        { messageId: 'keyInUrl', line: 4, column: 88, data: { name: 'apiKey', param: 'key' } },
        { messageId: 'keyInUrl', line: 5, column: 91, data: { name: 'clientSecret', param: 'client_secret' } },
      ],
    },
  ],
});
