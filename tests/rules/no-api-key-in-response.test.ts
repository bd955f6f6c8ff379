import rule from '../../rules/no-api-key-in-response.js';
import { lines, ruleTester } from './tester.js';

const messageId = 'keyInResponse' as const;
const express = [`import express from 'express';`, `const app = express();`];

const honoText = [`import { Hono } from 'hono'; import { streamText } from 'hono/streaming';`, `const app = new Hono<{ Bindings: { OPENAI_API_KEY: string } }>();`];
ruleTester().run('no-api-key-in-response', rule, {
  valid: [
    {
      // Keys meant for the client: made in this handler and returned once to their owner, a payment provider's client_secret, a publishable key.
      name: 'a key the handler just made, a checkout client_secret, a publishable key',
      code: lines(
        ...express,
        `app.post('/keys', async (req, res) => { const created = await createApiKey(req.user.id); res.json({ id: created.id, key: created.apiKey }); });`,
        `app.post('/keys2', async (req, res) => { const { apiKey } = await prisma.apiKey.create({ data: { userId: req.user.id } }); res.json({ apiKey }); });`,
        `app.post('/pay', async (req, res) => { const intent = await stripe.paymentIntents.create({ amount: 100, currency: 'usd' }); res.json({ clientSecret: intent.client_secret }); });`,
        `app.post('/pay2', async (req, res) => { const intent = await stripe.paymentIntents.retrieve(req.body.id); res.json({ clientSecret: intent.client_secret }); });`,
        `app.get('/config', (req, res) => res.json({ publishableKey: process.env.STRIPE_PUBLISHABLE_KEY }));`,
      ),
    },
    {
      name: 'a hono/streaming callback that writes whether a key is set, not the key',
      code: lines(...honoText, `app.get('/s', (c) => streamText(c, async (s) => { await s.writeln(c.env.OPENAI_API_KEY ? 'configured' : 'missing'); }));`),
    },
    {
      name: 'a database table named apiKey is queried, not a key (its rows are mapped to ids)',
      code: lines(
        ...express,
        `class KeyStore { constructor(private readonly apiKey: { findMany(): Promise<{ id: string }[]> }) {} list() { return this.apiKey.findMany(); } }`,
        `const store = new KeyStore(db.apiKey);`,
        `app.get('/keys', async (req, res) => { const rows = await db.apiKey.findMany({ where: { owner: req.query.owner } }); res.json(rows.map((row) => ({ id: row.id }))); });`,
        `app.get('/keys2', async (req, res) => { res.json(await store.list()); });`,
      ),
    },
    {
      name: 'a config endpoint that says whether a key is set, and a masked prefix',
      code: lines(
        ...express,
        `app.get('/config', (req, res) => { res.json({ model: 'gpt-4o', hasKey: Boolean(process.env.OPENAI_API_KEY), hint: process.env.OPENAI_API_KEY?.slice(0, 4) }); });`,
      ),
    },
    {
      name: 'a login route that returns freshly issued tokens',
      code: lines(
        ...express,
        `app.post('/login', (req, res) => { const accessToken = sign(req.body.user); res.json({ accessToken, refresh_token: session.refresh_token }); });`,
      ),
    },
    {
      name: 'public env values and non-credential headers',
      code: lines(
        ...express,
        `app.get('/env', (req, res) => { res.json({ url: process.env.PUBLIC_URL, region: process.env.AWS_REGION, anon: process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY, agent: req.headers['user-agent'] }); });`,
      ),
    },
    {
      name: 'Hono on Workers: bindings that are not secrets',
      code: lines(`import { Hono } from 'hono'; const h = new Hono<{ Bindings: { APP_NAME: string; OPENAI_API_KEY: string } }>();`, `h.get('/env', (c) => c.json({ name: c.env.APP_NAME, keyed: Boolean(c.env.OPENAI_API_KEY) }));`),
    },
    {
      name: 'the key used on the server only (client options, headers of an outgoing call)',
      code: lines(
        ...express,
        `app.post('/chat', async (req, res) => {`,
        `  const r = await fetch(URL, { headers: { authorization: 'Bearer ' + process.env.OPENAI_API_KEY } });`,
        `  res.json({ status: r.status });`,
        `});`,
      ),
    },
    {
      name: 'a key-management route that returns a newly generated key once',
      code: lines(...express, `app.post('/keys', async (req, res) => { const apiKey = randomBytes(32).toString('hex'); await store(hash(apiKey)); res.status(201).json({ apiKey }); });`),
    },
    {
      name: 'a key logged, not sent (no-sensitive-logging covers that)',
      code: lines(...express, `app.get('/x', (req, res) => { console.log(req.headers.authorization); res.sendStatus(204); });`),
    },
  ],
  invalid: [
    ...[
      // Twins: a stored key read back, a key a made client holds, an OAuth app's client_secret.
      `app.get('/settings', async (req, res) => { const row = await db.settings.get(req.user.id); res.json({ apiKey: row.apiKey }); });`,
      `app.get('/client', async (req, res) => { const client = createClient(process.env.SUPABASE_URL); res.json({ apiKey: client.apiKey }); });`,
      `app.post('/oauth', async (req, res) => { const found = await getOAuthApp(req.body.id); res.json({ secret: found.client_secret }); });`,
      // A creating call handed the key gives it back; a creating call that names no key (secretsManager.createReader) made a client.
      `app.get('/vault', async (req, res) => { const c = keyVault.createClient(process.env.OPENAI_API_KEY); res.json({ key: c.apiKey }); });`,
      `app.get('/reader', async (req, res) => { const r = secretsManager.createReader(); res.json({ apiKey: r.apiKey }); });`,
      `app.post('/token', async (req, res) => { const t = await createToken(process.env.GITHUB_TOKEN); res.json({ secret: t.secret }); });`,
    ].map((route) => ({
      name: `a key that is not meant for the client: ${route.slice(9, 20)}`,
      code: lines(...express, route),
      errors: [
        {
          messageId,
          line: 3,
          // The key is the only field sent: dropping it would send an empty object, so no suggestion.
          suggestions: [],
        },
      ],
    })),
    {
      name: 'a hono/streaming callback that writes the key',
      code: lines(...honoText, `app.get('/s', (c) => streamText(c, async (s) => { await s.writeln(c.env.OPENAI_API_KEY); }));`),
      output: null,
      errors: [
        { messageId, line: 3, column: 57, data: { source: 'c.env.OPENAI_API_KEY', line: '3', via: '', sink: 's.writeln' } },
      ],
    },
    {
      name: 'Express: a key-named env variable in a JSON body (suggestion drops the field)',
      code: lines(...express, `app.get('/config', (req, res) => { res.json({ model: 'gpt-4o', key: process.env.OPENAI_API_KEY }); });`),
      errors: [
        {
          messageId,
          line: 3,
          column: 36,
          data: { source: 'process.env.OPENAI_API_KEY', line: '3', via: '', sink: 'res.json' },
          suggestions: [{ messageId: 'dropField', output: lines(...express, `app.get('/config', (req, res) => { res.json({ model: 'gpt-4o' }); });`) }],
        },
      ],
    },
    {
      name: "Express: the client's key echoed back, directly and in an error message",
      code: lines(
        ...express,
        `app.post('/echo', (req, res) => { res.json({ ok: true, received: req.headers['x-api-key'] }); });`,
        `app.get('/e', (req, res) => { try { run(); } catch (e) { res.status(500).json({ error: 'bad key ' + req.get('authorization') }); } });`,
      ),
      errors: [
        {
          messageId,
          line: 3,
          column: 35,
          data: { source: 'req.headers.x-api-key', line: '3', via: '', sink: 'res.json' },
          suggestions: [
            {
              messageId: 'dropField',
              output: lines(
                ...express,
                `app.post('/echo', (req, res) => { res.json({ ok: true }); });`,
                `app.get('/e', (req, res) => { try { run(); } catch (e) { res.status(500).json({ error: 'bad key ' + req.get('authorization') }); } });`,
              ),
            },
          ],
        },
        { messageId, line: 4, column: 58, data: { source: "req.get('authorization')", line: '4', via: '', sink: 'res.json' } },
      ],
    },
    {
      name: 'the client key echoed in a 401 error body through a variable',
      code: lines(
        ...express,
        `app.use((req, res, next) => { const key = req.get('x-api-key'); if (!isValid(key)) return res.status(401).json({ error: 'bad key', received: key }); next(); });`,
      ),
      errors: [
        {
          messageId,
          line: 3,
          column: 91,
          data: { source: "req.get('x-api-key')", line: '3', via: ' via key', sink: 'res.json' },
          suggestions: [
            {
              messageId: 'dropField',
              output: lines(...express, `app.use((req, res, next) => { const key = req.get('x-api-key'); if (!isValid(key)) return res.status(401).json({ error: 'bad key' }); next(); });`),
            },
          ],
        },
      ],
    },
    {
      name: 'a key member through destructuring, in a send',
      code: lines(...express, `app.get('/c2', (req, res) => { const { apiKey } = config; res.send({ apiKey }); });`),
      errors: [{ messageId, line: 3, column: 59, data: { source: 'apiKey', line: '3', via: '', sink: 'res.send' } }],
    },
    {
      name: "Fastify: the LLM client's key option",
      code: lines(
        `import Fastify from 'fastify'; import OpenAI from 'openai';`,
        `const app = Fastify(); const openai = new OpenAI();`,
        `app.get('/debug', async (request, reply) => reply.send({ baseURL: openai.baseURL, apiKey: openai.apiKey }));`,
      ),
      errors: [
        {
          messageId,
          line: 3,
          column: 45,
          data: { source: 'apiKey', line: '3', via: '', sink: 'reply.send' },
          suggestions: [
            {
              messageId: 'dropField',
              output: lines(
                `import Fastify from 'fastify'; import OpenAI from 'openai';`,
                `const app = Fastify(); const openai = new OpenAI();`,
                `app.get('/debug', async (request, reply) => reply.send({ baseURL: openai.baseURL }));`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'Next.js route handler and Hono: a key through a variable',
      code: lines(
        `export async function GET() { const key = process.env.ANTHROPIC_API_KEY; return Response.json({ key }); }`,
        `import { Hono } from 'hono'; const h = new Hono();`,
        `h.get('/k', (c) => c.json({ secret: process.env.CLIENT_SECRET }));`,
      ),
      errors: [
        { messageId, line: 1, column: 81, data: { source: 'process.env.ANTHROPIC_API_KEY', line: '1', via: ' via key', sink: 'Response.json' } },
        { messageId, line: 3, column: 20, data: { source: 'process.env.CLIENT_SECRET', line: '3', via: '', sink: 'c.json' } },
      ],
    },
    {
      name: 'Hono on Workers: a key-named binding of c.env',
      code: lines(`import { Hono } from 'hono'; const h = new Hono<{ Bindings: { APP_NAME: string; OPENAI_API_KEY: string } }>();`, `h.get('/env', (c) => c.json({ name: c.env.APP_NAME, key: c.env.OPENAI_API_KEY }));`),
      errors: [{ messageId, line: 2, column: 22, data: { source: 'c.env.OPENAI_API_KEY', line: '2', via: '', sink: 'c.json' }, suggestions: [{ messageId: 'dropField', output: lines(`import { Hono } from 'hono'; const h = new Hono<{ Bindings: { APP_NAME: string; OPENAI_API_KEY: string } }>();`, `h.get('/env', (c) => c.json({ name: c.env.APP_NAME }));`) }] }],
    },
  ],
});
