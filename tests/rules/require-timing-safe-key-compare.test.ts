import rule from '../../rules/require-timing-safe-key-compare.js';
import { lines, ruleTester } from './tester.js';

const messageId = 'timingUnsafe' as const;
const express = [`import express from 'express';`, `const app = express();`];

ruleTester().run('require-timing-safe-key-compare', rule, {
  valid: [
    {
      name: 'presence and type checks: undefined, empty string, typeof, length',
      code: lines(
        ...express,
        `app.use((req, res, next) => { const key = req.headers['x-api-key']; if (key === undefined || key === '' || typeof key !== 'string' || key.length !== 32) return res.sendStatus(401); next(); });`,
      ),
    },
    {
      name: 'two values from the same request',
      code: lines(...express, `app.post('/password', (req, res) => { const { newPassword, newPasswordRepeat } = req.body; if (newPassword !== newPasswordRepeat) return res.status(400).end(); });`),
    },
    {
      name: 'a constant-time comparison',
      code: lines(
        ...express,
        `import { timingSafeEqual } from 'node:crypto';`,
        `app.use((req, res, next) => { const a = Buffer.from(String(req.headers['x-api-key'])); const b = Buffer.from(process.env.API_KEY ?? ''); if (a.length !== b.length || !timingSafeEqual(a, b)) return res.sendStatus(401); next(); });`,
      ),
    },
    {
      name: 'names that are not credentials: role, tokenCount, maxTokens',
      code: lines(...express, `app.post('/x', (req, res) => { if (req.body.role === 'admin' || req.body.tokenCount === 0 || req.body.maxTokens === config.maxTokens) res.end(); });`),
    },
    {
      name: 'a helper that is not a handler, and values that never came from a request',
      code: lines(`export function same(provided: string, expected: string) { return provided === expected; }`, `const ok = process.env.API_KEY === process.env.FALLBACK_API_KEY;`),
    },
  ],
  invalid: [
    {
      name: 'Express: a key header against an env key (suggestion adds timingSafeEqual and its import)',
      code: lines(...express, `app.use((req, res, next) => { if (req.headers['x-api-key'] !== process.env.API_KEY) return res.sendStatus(401); next(); });`),
      errors: [
        {
          messageId,
          line: 3,
          column: 35,
          data: { secret: 'process.env.API_KEY', operator: '!==' },
          suggestions: [
            {
              messageId: 'useTimingSafeEqual',
              output: lines(
                `import express from 'express';`,
                `import { timingSafeEqual } from 'node:crypto';`,
                `const app = express();`,
                `app.use((req, res, next) => { if (!(Buffer.from(String(req.headers['x-api-key'])).length === Buffer.from(String(process.env.API_KEY)).length && timingSafeEqual(Buffer.from(String(req.headers['x-api-key'])), Buffer.from(String(process.env.API_KEY))))) return res.sendStatus(401); next(); });`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a key read into a variable, compared with a configured key',
      code: lines(...express, `const config = { apiKey: process.env.SERVICE_API_KEY };`, `app.post('/x', (req, res) => { const provided = req.get('x-api-key'); if (provided === config.apiKey) res.end(); });`),
      errors: [
        {
          messageId,
          line: 4,
          column: 75,
          data: { secret: 'config.apiKey', operator: '===' },
          suggestions: [
            {
              messageId: 'useTimingSafeEqual',
              output: lines(
                `import express from 'express';`,
                `import { timingSafeEqual } from 'node:crypto';`,
                `const app = express();`,
                `const config = { apiKey: process.env.SERVICE_API_KEY };`,
                `app.post('/x', (req, res) => { const provided = req.get('x-api-key'); if ((Buffer.from(String(provided)).length === Buffer.from(String(config.apiKey)).length && timingSafeEqual(Buffer.from(String(provided)), Buffer.from(String(config.apiKey))))) res.end(); });`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a hard-coded key (the message names the header read)',
      code: lines(...express, `app.get('/x', (req, res) => { if (req.headers['x-api-key'] === 'letmein') res.end(); });`),
      errors: [
        {
          messageId,
          line: 3,
          column: 35,
          data: { secret: "req.headers['x-api-key']", operator: '===' },
          suggestions: [
            {
              messageId: 'useTimingSafeEqual',
              output: lines(
                `import express from 'express';`,
                `import { timingSafeEqual } from 'node:crypto';`,
                `const app = express();`,
                `app.get('/x', (req, res) => { if ((Buffer.from(String(req.headers['x-api-key'])).length === Buffer.from(String('letmein')).length && timingSafeEqual(Buffer.from(String(req.headers['x-api-key'])), Buffer.from(String('letmein'))))) res.end(); });`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'Fastify: a bearer token built from an env secret (no suggestion: a template is evaluated twice)',
      code: lines(`import Fastify from 'fastify';`, `const app = Fastify();`, "app.addHook('onRequest', async () => {}); app.get('/x', async (request, reply) => { if (request.headers.authorization !== `Bearer ${process.env.API_TOKEN}`) return reply.code(401).send(); });"),
      errors: [{ messageId, line: 3, column: 89, data: { secret: '`Bearer ${process.env.API_TOKEN}`', operator: '!==' } }],
    },
    {
      name: 'Hono: a header against an env binding (no suggestion: the header read is a call, read twice)',
      code: lines(`import { Hono } from 'hono';`, `const app = new Hono();`, `app.use(async (c, next) => { if (c.req.header('x-api-key') != c.env.API_KEY) return c.text('no', 401); await next(); });`),
      errors: [{ messageId, line: 3, column: 34, data: { secret: 'c.env.API_KEY', operator: '!=' } }],
    },
    {
      name: 'NestJS: a key header against a configured key',
      code: lines(
        `import { Controller, Get, Headers } from '@nestjs/common';`,
        `@Controller() class C { @Get() x(@Headers('x-api-key') key: string) { if (key !== this.config.get('API_KEY')) throw new Error('no'); } }`,
      ),
      errors: [{ messageId, line: 2, column: 75, data: { secret: "this.config.get('API_KEY')", operator: '!==' } }],
    },
    {
      name: 'CommonJS: the suggestion calls require',
      code: lines(`const express = require('express');`, `const app = express();`, `app.use((req, res, next) => { if (req.query.token !== process.env.ACCESS_TOKEN) return res.sendStatus(403); next(); });`),
      errors: [
        {
          messageId,
          line: 3,
          column: 35,
          data: { secret: 'process.env.ACCESS_TOKEN', operator: '!==' },
          suggestions: [
            {
              messageId: 'useTimingSafeEqual',
              output: lines(
                `const express = require('express');`,
                `const app = express();`,
                `app.use((req, res, next) => { if (!(Buffer.from(String(req.query.token)).length === Buffer.from(String(process.env.ACCESS_TOKEN)).length && require('node:crypto').timingSafeEqual(Buffer.from(String(req.query.token)), Buffer.from(String(process.env.ACCESS_TOKEN))))) return res.sendStatus(403); next(); });`,
              ),
            },
          ],
        },
      ],
    },
  ],
});
