import rule from '../../rules/require-auth-on-llm-routes.js';
import { lines, ruleTester } from './tester.js';

const messageId = 'unauthenticated' as const;
const express = [`import express from 'express'; import OpenAI from 'openai';`, `const app = express(); const openai = new OpenAI();`];
const ask = `await openai.chat.completions.create({ model: 'm', max_tokens: 100, messages: [{ role: 'user', content: req.body.q }] })`;

ruleTester().run('require-auth-on-llm-routes', rule, {
  valid: [
    {
      name: 'NestJS: a global auth guard (APP_GUARD) covers every route',
      code: lines(
        `import { Controller, Post, Get, Body, UseGuards, Module } from '@nestjs/common'; import { APP_GUARD } from '@nestjs/core'; import OpenAI from 'openai';`,
        `@Controller('chat') export class ChatController {`,
        `  private openai = new OpenAI();`,
        `  @Get('history') @UseGuards(AuthGuard('jwt')) history() { return []; }`,
        `  @Post() async ask(@Body() dto) { return this.openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: dto.q }] }); }`,
        `}`,
        `@Module({ controllers: [ChatController], providers: [{ provide: APP_GUARD, useClass: JwtAuthGuard }] }) export class AppModule {}`,
      ),
    },
    {
      name: 'NestJS: module middleware with an auth name (consumer.apply(AuthMiddleware).forRoutes(…)) covers the routes',
      code: lines(
        `import { Controller, Post, Get, Body, UseGuards, Module, MiddlewareConsumer, NestModule } from '@nestjs/common'; import OpenAI from 'openai';`,
        `@Controller('chat') export class ChatController {`,
        `  private openai = new OpenAI();`,
        `  @Get('history') @UseGuards(AuthGuard('jwt')) history() { return []; }`,
        `  @Post() async ask(@Body() dto) { return this.openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: dto.q }] }); }`,
        `}`,
        `@Module({ controllers: [ChatController] }) export class AppModule implements NestModule {`,
        `  configure(consumer: MiddlewareConsumer) { consumer.apply(AuthMiddleware).forRoutes(ChatController); }`,
        `}`,
      ),
    },
    ...[`'*'`, `'chat'`, `'chat/*'`, `'{*splat}'`, `{ path: 'chat', method: RequestMethod.ALL }`, `{ path: 'chat', method: RequestMethod.POST }`, `ChatController, HistoryController`, `CHAT_PATH`].map((targets) => ({
      name: `NestJS: module middleware with an auth name covers the route it names (forRoutes(${targets}))`,
      code: lines(
        `import { Controller, Post, Get, Body, UseGuards, Module, MiddlewareConsumer, NestModule } from '@nestjs/common'; import OpenAI from 'openai';`,
        `@Controller('chat') export class ChatController {`,
        `  private openai = new OpenAI();`,
        `  @Get('history') @UseGuards(AuthGuard('jwt')) history() { return []; }`,
        `  @Post() async ask(@Body() dto) { return this.openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: dto.q }] }); }`,
        `}`,
        `@Module({ controllers: [ChatController] }) export class AppModule implements NestModule {`,
        `  configure(consumer: MiddlewareConsumer) { const CHAT_PATH = 'chat'; consumer.apply(AuthMiddleware).exclude('health').forRoutes(${targets}); }`,
        `}`,
      ),
    })),
    {
      name: 'a route behind app.use(auth)',
      code: lines(...express, `app.use(requireAuth);`, `app.post('/chat', async (req, res) => { res.json(${ask}); });`, `app.get('/admin', authenticate, (req, res) => res.json({}));`),
    },
    {
      name: 'the LLM route has the middleware too (array form, passport)',
      code: lines(
        ...express,
        `app.get('/me', authenticate, (req, res) => res.json(req.user));`,
        `app.post('/chat', [rateLimit, passport.authenticate('jwt', { session: false })], async (req, res) => { res.json(${ask}); });`,
      ),
    },
    {
      name: 'the handler checks the key and returns 401 before the call',
      code: lines(
        ...express,
        `app.get('/me', authenticate, (req, res) => res.json(req.user));`,
        `app.post('/chat', async (req, res) => { if (!valid(req.headers['x-api-key'])) return res.status(401).end(); res.json(${ask}); });`,
      ),
    },
    {
      name: 'an app that guards nothing (a public demo): no evidence that auth is expected',
      code: lines(...express, `app.post('/chat', async (req, res) => { res.json(${ask}); });`, `app.get('/health', (req, res) => res.send('ok'));`),
    },
    {
      name: 'guarded routes but no LLM call in the unguarded one',
      code: lines(...express, `app.get('/me', authenticate, (req, res) => res.json(req.user));`, `app.get('/health', (req, res) => res.send('ok'));`),
    },
    {
      name: 'an author router is not auth, and an unguarded app stays quiet',
      code: lines(...express, `app.use('/authors', authorRouter);`, `app.post('/chat', async (req, res) => { res.json(${ask}); });`),
    },
    {
      name: 'Fastify: preHandler hook on the route, and an app-level onRequest hook',
      code: lines(
        `import Fastify from 'fastify'; import Anthropic from '@anthropic-ai/sdk';`,
        `const app = Fastify(); const anthropic = new Anthropic();`,
        `app.post('/a', { preHandler: [app.authenticate] }, async (req) => anthropic.messages.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: req.body.q }] }));`,
        `const api = Fastify(); api.addHook('onRequest', verifyJwt);`,
        `api.post('/b', async (req) => anthropic.messages.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: req.body.q }] }));`,
      ),
    },
    {
      name: "Hono: an LLM route under a guarded '/api/*' prefix",
      code: lines(
        `import { Hono } from 'hono'; import { generateText } from 'ai';`,
        `const app = new Hono();`,
        `app.use('/api/*', bearerAuth({ token }));`,
        `app.post('/api/chat', async (c) => { const { q } = await c.req.json(); const r = await generateText({ model, prompt: q, maxOutputTokens: 50 }); return c.json(r.text); });`,
      ),
    },
    {
      name: 'NestJS: @UseGuards on the controller class covers its LLM route',
      code: lines(
        `import { Controller, Post, Get, Body, UseGuards } from '@nestjs/common'; import OpenAI from 'openai';`,
        `@Controller('chat') @UseGuards(JwtAuthGuard) export class ChatController {`,
        `  private openai = new OpenAI();`,
        `  @Post() async ask(@Body() dto) { return this.openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: dto.q }] }); }`,
        `}`,
      ),
    },
    {
      name: 'a router mounted behind auth, and authorize() middleware',
      code: lines(
        ...express,
        `const api = express.Router(); app.use('/api', requireAuth); app.use('/api', api);`,
        `api.post('/chat', async (req, res) => { res.json(${ask}); });`,
        `app.post('/admin/chat', authorize('admin'), async (req, res) => { res.json(${ask}); });`,
      ),
    },
    {
      name: 'a login route that returns 401 is no evidence that other routes need auth',
      code: lines(...express, `app.post('/login', (req, res) => res.status(401).end());`, `app.post('/chat', async (req, res) => { res.json(${ask}); });`),
    },
    {
      name: 'NestJS: a throttler guard is not auth, and a decorated class without @Controller is not a controller',
      code: lines(
        `import { Controller, Post, Get, UseGuards } from '@nestjs/common'; import OpenAI from 'openai';`,
        `@Controller('chat') export class ChatController {`,
        `  private openai = new OpenAI();`,
        `  @Get('models') @UseGuards(ThrottlerGuard) models() { return []; }`,
        `  @Post() async ask(@Body() dto) { return this.openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: dto.q }] }); }`,
        `}`,
        `@Injectable() @UseGuards(JwtAuthGuard) export class Other { @Post('x') run() { return 1; } }`,
      ),
    },
    {
      name: 'Next.js style: the handler calls auth() before the model',
      code: lines(
        ...express,
        `app.get('/me', authenticate, (req, res) => res.json(req.user));`,
        `app.post('/chat', async (req, res) => { const session = await auth(); if (!session) return res.end(); res.json(${ask}); });`,
      ),
    },
  ],
  invalid: [
    {
      name: 'NestJS: a global throttler guard (APP_GUARD) limits rates and guards no caller',
      code: lines(
        `import { Controller, Post, Get, Body, UseGuards, Module } from '@nestjs/common'; import { APP_GUARD } from '@nestjs/core'; import OpenAI from 'openai';`,
        `@Controller('chat') export class ChatController {`,
        `  private openai = new OpenAI();`,
        `  @Get('history') @UseGuards(AuthGuard('jwt')) history() { return []; }`,
        `  @Post() async ask(@Body() dto) { return this.openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: dto.q }] }); }`,
        `}`,
        `@Module({ controllers: [ChatController], providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }] }) export class AppModule {}`,
      ),
      errors: [{ messageId, line: 5 }],
    },
    ...[
      `forRoutes(HistoryController)`,
      `forRoutes('history')`,
      `forRoutes('chat/history')`,
      `forRoutes({ path: 'chat', method: RequestMethod.GET })`,
      `forRoutes('admin').apply(LoggerMiddleware).forRoutes('*')`,
      `exclude('chat').forRoutes('*')`,
      `exclude({ path: 'chat', method: RequestMethod.ALL }).forRoutes(ChatController)`,
    ].map((chain) => ({
      // Twins of the covered routes: the middleware names other controllers or paths, or excludes this one.
      name: `NestJS: module middleware that does not cover the LLM route (${chain})`,
      code: lines(
        `import { Controller, Post, Get, Body, UseGuards, Module, MiddlewareConsumer, NestModule } from '@nestjs/common'; import OpenAI from 'openai';`,
        `@Controller('chat') export class ChatController {`,
        `  private openai = new OpenAI();`,
        `  @Get('history') @UseGuards(AuthGuard('jwt')) history() { return []; }`,
        `  @Post() async ask(@Body() dto) { return this.openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: dto.q }] }); }`,
        `}`,
        `@Module({ controllers: [ChatController] }) export class AppModule implements NestModule {`,
        `  configure(consumer: MiddlewareConsumer) { consumer.apply(AuthMiddleware).${chain}; }`,
        `}`,
      ),
      errors: [{ messageId, line: 5 }],
    })),
    {
      // A plain path names that path only: 'chat' does not reach '/chat/stream' ('chat/*' would).
      name: 'NestJS: module middleware for a plain path does not cover the paths under it',
      code: lines(
        `import { Controller, Post, Body, Module, MiddlewareConsumer, NestModule } from '@nestjs/common'; import OpenAI from 'openai';`,
        `@Controller('chat') export class ChatController {`,
        `  private openai = new OpenAI();`,
        `  @Post('stream') async ask(@Body() dto) { return this.openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: dto.q }] }); }`,
        `}`,
        `@Module({ controllers: [ChatController] }) export class AppModule implements NestModule {`,
        `  configure(consumer: MiddlewareConsumer) { consumer.apply(AuthMiddleware).forRoutes('chat'); }`,
        `}`,
      ),
      errors: [{ messageId, line: 4, data: { method: 'POST', path: '/chat/stream', api: 'openai chat.completions.create', where: 'line 4', evidence: 'consumer.apply(AuthMiddleware) (line 7) guards other routes' } }],
    },
    {
      name: 'NestJS: module middleware for other routes is the evidence that auth is expected',
      code: lines(
        `import { Controller, Post, Body, Module, MiddlewareConsumer, NestModule } from '@nestjs/common'; import OpenAI from 'openai';`,
        `@Controller('chat') export class ChatController {`,
        `  private openai = new OpenAI();`,
        `  @Post() async ask(@Body() dto) { return this.openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: dto.q }] }); }`,
        `}`,
        `@Module({ controllers: [ChatController] }) export class AppModule implements NestModule {`,
        `  configure(consumer: MiddlewareConsumer) { consumer.apply(AuthMiddleware).forRoutes('admin'); }`,
        `}`,
      ),
      errors: [
        {
          messageId,
          line: 4,
          column: 4,
          data: { method: 'POST', path: '/chat', api: 'openai chat.completions.create', where: 'line 4', evidence: 'consumer.apply(AuthMiddleware) (line 7) guards other routes' },
        },
      ],
    },
    {
      // Twin of the module middleware above: the middleware applied logs requests and checks no caller.
      name: 'NestJS: module middleware that is no auth step (consumer.apply(LoggerMiddleware))',
      code: lines(
        `import { Controller, Post, Get, Body, UseGuards, Module, MiddlewareConsumer, NestModule } from '@nestjs/common'; import OpenAI from 'openai';`,
        `@Controller('chat') export class ChatController {`,
        `  private openai = new OpenAI();`,
        `  @Get('history') @UseGuards(AuthGuard('jwt')) history() { return []; }`,
        `  @Post() async ask(@Body() dto) { return this.openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: dto.q }] }); }`,
        `}`,
        `@Module({ controllers: [ChatController] }) export class AppModule implements NestModule {`,
        `  configure(consumer: MiddlewareConsumer) { consumer.apply(LoggerMiddleware).forRoutes('*'); }`,
        `}`,
      ),
      errors: [{ messageId, line: 5 }],
    },
    {
      name: 'Express: the LLM route is registered before app.use(auth)',
      code: lines(...express, `app.post('/chat', async (req, res) => { res.json(${ask}); });`, `app.use(requireAuth);`, `app.get('/me', (req, res) => res.json(req.user));`),
      errors: [
        {
          messageId,
          line: 3,
          column: 5,
          data: { method: 'POST', path: '/chat', api: 'openai chat.completions.create', where: 'line 3', evidence: 'app.use(requireAuth) (line 4) guards the app' },
        },
      ],
    },
    {
      name: 'Express: other routes have middleware, the LLM route (via a helper) has none',
      code: lines(
        ...express,
        `async function answer(q) { return openai.chat.completions.create({ model: 'm', max_tokens: 100, messages: [{ role: 'user', content: q }] }); }`,
        `app.get('/me', authenticate, (req, res) => res.json(req.user));`,
        `router.post('/chat', async (req, res) => { res.json(await answer(req.body.q)); });`,
      ),
      errors: [{ messageId, line: 5, column: 8, data: { method: 'POST', path: '/chat', api: 'openai chat.completions.create', where: 'answer() at line 3', evidence: "GET '/me' (line 4) is guarded" } }],
    },
    {
      name: 'Hono: guarded admin path, unguarded chat path',
      code: lines(
        `import { Hono } from 'hono'; import { generateText } from 'ai';`,
        `const app = new Hono();`,
        `app.use('/admin/*', bearerAuth({ token }));`,
        `app.post('/chat', async (c) => { const { q } = await c.req.json(); const r = await generateText({ model, prompt: q, maxOutputTokens: 50 }); return c.json(r.text); });`,
      ),
      errors: [
        {
          messageId,
          line: 4,
          column: 5,
          data: { method: 'POST', path: '/chat', api: 'ai generateText', where: 'line 4', evidence: 'app.use(bearerAuth) (line 3) guards the app' },
        },
      ],
    },
    {
      name: 'NestJS: one method guarded, the LLM method not',
      code: lines(
        `import { Controller, Post, Get, Body, UseGuards } from '@nestjs/common'; import OpenAI from 'openai';`,
        `@Controller('chat') export class ChatController {`,
        `  private openai = new OpenAI();`,
        `  @Get('history') @UseGuards(AuthGuard('jwt')) history() { return []; }`,
        `  @Post() async ask(@Body() dto) { return this.openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: dto.q }] }); }`,
        `}`,
      ),
      errors: [
        {
          messageId,
          line: 5,
          column: 4,
          data: { method: 'POST', path: '/chat', api: 'openai chat.completions.create', where: 'line 5', evidence: "GET '/chat/history' (line 4) is guarded" },
        },
      ],
    },
    {
      name: 'a setting names the auth middleware (no other evidence needed)',
      settings: { 'llm-security': { authMiddleware: ['withTeam*'] } },
      code: lines(...express, `app.post('/chat', async (req, res) => { res.json(${ask}); });`, `app.post('/ok', withTeamAccess, async (req, res) => { res.json(${ask}); });`),
      errors: [
        {
          messageId,
          line: 3,
          column: 5,
          data: { method: 'POST', path: '/chat', api: 'openai chat.completions.create', where: 'line 3', evidence: "the settings name the auth middleware ('authMiddleware')" },
        },
      ],
    },
  ],
});
