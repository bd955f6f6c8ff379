// Deterministic generator of the benchmark corpus: realistic server files for every framework
// and SDK the plugin models, helpers in other modules, loggers and error handlers, mixed with the
// plain non-LLM code that makes up most of a repository. Same seed, same files.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A small seeded PRNG (mulberry32): the corpus must not change between runs. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SDK_CALLS = {
  openai: (v) => [
    `import OpenAI from 'openai';`,
    `const client = new OpenAI();`,
    `const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 400, messages: [{ role: 'system', content: SYSTEM_PROMPT }, { role: 'user', content: ${v} }] });`,
    `const answer = completion.choices[0].message.content;`,
  ],
  anthropic: (v) => [
    `import Anthropic from '@anthropic-ai/sdk';`,
    `const client = new Anthropic();`,
    `const message = await client.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 400, system: SYSTEM_PROMPT, messages: [{ role: 'user', content: ${v} }] });`,
    `const answer = message.content[0].type === 'text' ? message.content[0].text : '';`,
  ],
  ai: (v) => [
    `import { generateText } from 'ai';`,
    `import { openai as provider } from '@ai-sdk/openai';`,
    `const { text: answer } = await generateText({ model: provider('gpt-4o-mini'), maxOutputTokens: 400, system: SYSTEM_PROMPT, prompt: ${v} });`,
  ],
  langchain: (v) => [
    `import { ChatOpenAI } from '@langchain/openai';`,
    `const model = new ChatOpenAI({ model: 'gpt-4o-mini', maxTokens: 400 });`,
    `const reply = await model.invoke([['system', SYSTEM_PROMPT], ['human', ${v}]]);`,
    `const answer = String(reply.content);`,
  ],
  google: (v) => [
    `import { GoogleGenAI } from '@google/genai';`,
    `const client = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });`,
    `const response = await client.models.generateContent({ model: 'gemini-2.5-flash', contents: ${v}, config: { systemInstruction: SYSTEM_PROMPT, maxOutputTokens: 400 } });`,
    `const answer = response.text;`,
  ],
  ollama: (v) => [
    `import ollama from 'ollama';`,
    `const response = await ollama.chat({ model: 'llama3.2', options: { num_predict: 400 }, messages: [{ role: 'system', content: SYSTEM_PROMPT }, { role: 'user', content: ${v} }] });`,
    `const answer = response.message.content;`,
  ],
  mistral: (v) => [
    `import { Mistral } from '@mistralai/mistralai';`,
    `const client = new Mistral({ apiKey: process.env.MISTRAL_API_KEY });`,
    `const response = await client.chat.complete({ model: 'mistral-small-latest', maxTokens: 400, messages: [{ role: 'system', content: SYSTEM_PROMPT }, { role: 'user', content: ${v} }] });`,
    `const answer = response.choices?.[0]?.message?.content;`,
  ],
  groq: (v) => [
    `import Groq from 'groq-sdk';`,
    `const client = new Groq();`,
    `const completion = await client.chat.completions.create({ model: 'llama-3.3-70b-versatile', max_tokens: 400, messages: [{ role: 'system', content: SYSTEM_PROMPT }, { role: 'user', content: ${v} }] });`,
    `const answer = completion.choices[0].message.content;`,
  ],
  cohere: (v) => [
    `import { CohereClientV2 } from 'cohere-ai';`,
    `const client = new CohereClientV2({ token: process.env.COHERE_API_KEY });`,
    `const response = await client.chat({ model: 'command-r-plus', maxTokens: 400, messages: [{ role: 'system', content: SYSTEM_PROMPT }, { role: 'user', content: ${v} }] });`,
    `const answer = response.message?.content?.[0]?.text;`,
  ],
  bedrock: (v) => [
    `import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';`,
    `const client = new BedrockRuntimeClient({ region: 'us-east-1' });`,
    `const output = await client.send(new ConverseCommand({ modelId: 'anthropic.claude-3-haiku', inferenceConfig: { maxTokens: 400 }, system: [{ text: SYSTEM_PROMPT }], messages: [{ role: 'user', content: [{ text: ${v} }] }] }));`,
    `const answer = output.output?.message?.content?.[0]?.text;`,
  ],
};
const SDKS = Object.keys(SDK_CALLS);

/** Moves the SDK's imports to the top and keeps the call lines in the handler body. */
function sdkParts(sdk, value) {
  const lines = SDK_CALLS[sdk](value);
  return { imports: lines.filter((l) => l.startsWith('import ')), body: lines.filter((l) => !l.startsWith('import ')) };
}

const indent = (lines, n) => lines.map((l) => ' '.repeat(n) + l);

/** A handler file for one framework and SDK; `bug` puts request data into the system prompt. */
function handlerFile(framework, sdk, n, rand) {
  const bug = rand() < 0.2;
  const value = 'question';
  const { imports, body } = sdkParts(sdk, value);
  const system = bug ? `\`You are a \${persona} assistant. Answer briefly.\`` : `'You are a helpful assistant. Answer briefly.'`;
  const prompt = [`const SYSTEM_PROMPT = ${system};`];
  const work = [...prompt, ...body, `logger.info({ route: 'ask${n}', length: String(answer ?? '').length });`];
  const logger = [`import pino from 'pino';`, `const logger = pino();`];
  switch (framework) {
    case 'express':
      return [
        `import express from 'express';`, ...imports, logger[0], `import { requireAuth } from '../lib/auth';`, '',
        logger[1], `const router = express.Router();`, '',
        `router.post('/ask${n}', requireAuth, async (req, res) => {`,
        `  const { question, persona } = req.body as { question: string; persona: string };`,
        `  try {`, ...indent(work, 4), `    res.json({ answer });`,
        `  } catch (err) {`, `    logger.error({ err }, 'ask failed');`, `    res.status(500).json({ error: 'Internal Server Error' });`, `  }`,
        `});`, '', `export default router;`,
      ];
    case 'fastify':
      return [
        `import type { FastifyInstance } from 'fastify';`, ...imports, '',
        `export default async function routes(app: FastifyInstance) {`,
        `  app.post('/ask${n}', async (request, reply) => {`,
        `    const { question, persona } = request.body as { question: string; persona: string };`,
        ...indent(prompt, 4), ...indent(body, 4), `    request.log.info({ route: 'ask${n}' });`,
        `    return reply.send({ answer });`, `  });`, `}`,
      ];
    case 'koa':
      return [
        `import Router from '@koa/router';`, ...imports, '',
        `const router = new Router();`,
        `router.post('/ask${n}', async (ctx) => {`,
        `  const { question, persona } = ctx.request.body as { question: string; persona: string };`,
        ...indent(prompt, 2), ...indent(body, 2), `  ctx.body = { answer };`, `});`, '', `export default router;`,
      ];
    case 'hono':
      return [
        `import { Hono } from 'hono';`, ...imports, '',
        `const app = new Hono();`,
        `app.post('/ask${n}', async (c) => {`,
        `  const { question, persona } = await c.req.json<{ question: string; persona: string }>();`,
        ...indent(prompt, 2), ...indent(body, 2), `  return c.json({ answer });`, `});`, '', `export default app;`,
      ];
    case 'next':
      return [
        `import { NextResponse } from 'next/server';`, ...imports, '',
        `export async function POST(request: Request) {`,
        `  const { question, persona } = (await request.json()) as { question: string; persona: string };`,
        ...indent(prompt, 2), ...indent(body, 2), `  return NextResponse.json({ answer });`, `}`,
      ];
    case 'nest':
      return [
        `import { Body, Controller, Post, UseGuards } from '@nestjs/common';`, ...imports, `import { AuthGuard } from '../lib/auth.guard';`, '',
        `class AskDto { question!: string; persona!: string; }`, '',
        `@Controller('ask${n}')`, `@UseGuards(AuthGuard)`, `export class Ask${n}Controller {`,
        `  @Post()`, `  async ask(@Body() dto: AskDto) {`, `    const { question, persona } = dto;`,
        ...indent(prompt, 4), ...indent(body, 4), `    return { answer };`, `  }`, `}`,
      ];
    case 'http':
      return [
        `import { createServer } from 'node:http';`, ...imports, '',
        `createServer(async (req, res) => {`,
        `  let raw = '';`, `  for await (const chunk of req) raw += chunk;`,
        `  const { question, persona } = JSON.parse(raw) as { question: string; persona: string };`,
        ...indent(prompt, 2), ...indent(body, 2), `  res.end(JSON.stringify({ answer }));`, `}).listen(${3000 + n});`,
      ];
    default:
      return [
        ...imports, '',
        `export default {`, `  async fetch(request: Request): Promise<Response> {`,
        `    const { question, persona } = (await request.json()) as { question: string; persona: string };`,
        ...indent(prompt, 4), ...indent(body, 4), `    return Response.json({ answer });`, `  },`, `};`,
      ];
  }
}
const FRAMEWORKS = ['express', 'fastify', 'koa', 'hono', 'next', 'nest', 'http', 'fetch'];

/** A route that calls a helper module, and the helper (cross-file flows). */
function helperPair(sdk, n, rand) {
  const { imports, body } = sdkParts(sdk, 'user');
  const helper = [
    ...imports, '',
    `export async function ask${n}(system: string, user: string) {`,
    `  const SYSTEM_PROMPT = system;`, ...indent(body, 2), `  return answer;`, `}`, '',
    `export function buildPrompt${n}(topic: string) {`, `  return \`You explain \${topic} to beginners. Keep it short.\`;`, `}`,
  ];
  const bug = rand() < 0.3;
  const route = [
    `import express from 'express';`, `import { ask${n}, buildPrompt${n} } from '../lib/ai${n}';`, '',
    `const app = express();`,
    `app.post('/explain${n}', async (req, res) => {`,
    bug ? `  const answer = await ask${n}(buildPrompt${n}(req.body.topic), req.body.question);` : `  const answer = await ask${n}(buildPrompt${n}('databases'), req.body.question);`,
    `  res.json({ answer });`, `});`, '', `export default app;`,
  ];
  return { helper, route };
}

/** Plain code: utilities, data access, validation, React components. */
function plainFile(n, rand) {
  const kind = Math.floor(rand() * 4);
  if (kind === 0) {
    return [
      `export interface Item${n} { id: string; name: string; price: number; tags: string[] }`, '',
      `export function total${n}(items: Item${n}[]): number {`, `  return items.reduce((sum, item) => sum + item.price, 0);`, `}`, '',
      `export function byTag${n}(items: Item${n}[], tag: string): Item${n}[] {`, `  return items.filter((item) => item.tags.includes(tag));`, `}`, '',
      `export function slug${n}(name: string): string {`, `  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');`, `}`, '',
      `export const formatPrice${n} = (value: number, currency = 'EUR') => new Intl.NumberFormat('en', { style: 'currency', currency }).format(value);`,
    ];
  }
  if (kind === 1) {
    return [
      `import { Pool } from 'pg';`, '', `const pool = new Pool({ connectionString: process.env.DATABASE_URL });`, '',
      `export async function findUser${n}(id: string) {`, `  const { rows } = await pool.query('SELECT id, email, name FROM users WHERE id = $1', [id]);`, `  return rows[0] ?? null;`, `}`, '',
      `export async function listOrders${n}(userId: string, limit = 20) {`, `  const { rows } = await pool.query('SELECT * FROM orders WHERE user_id = $1 ORDER BY created_at DESC LIMIT $2', [userId, limit]);`, `  return rows;`, `}`,
    ];
  }
  if (kind === 2) {
    return [
      `import { z } from 'zod';`, '',
      `export const Signup${n} = z.object({ email: z.string().email(), name: z.string().min(1).max(80), plan: z.enum(['free', 'pro']) });`, '',
      `export type Signup${n} = z.infer<typeof Signup${n}>;`, '',
      `export function validate${n}(input: unknown): Signup${n} | null {`, `  const parsed = Signup${n}.safeParse(input);`, `  return parsed.success ? parsed.data : null;`, `}`,
    ];
  }
  return [
    `import { useState } from 'react';`, '',
    `export function Counter${n}({ label }: { label: string }) {`, `  const [count, setCount] = useState(0);`,
    `  return (`, `    <button type="button" onClick={() => setCount((c) => c + 1)}>`, `      {label}: {count}`, `    </button>`, `  );`, `}`,
  ];
}

const AUTH = [
  `import type { NextFunction, Request, Response } from 'express';`, '',
  `export function requireAuth(req: Request, res: Response, next: NextFunction) {`,
  `  if (!req.headers.authorization) {`, `    res.sendStatus(401);`, `    return;`, `  }`, `  next();`, `}`,
];

/**
 * Writes a corpus of `count` files into `dir`: about 30 % handlers (every framework and SDK in
 * turn), 10 % route and helper pairs in separate modules, the rest plain code.
 */
export function generateCorpus(dir, count, seed = 1) {
  const rand = random(seed + count);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'src/routes'), { recursive: true });
  mkdirSync(path.join(dir, 'src/lib'), { recursive: true });
  mkdirSync(path.join(dir, 'src/plain'), { recursive: true });
  const write = (file, lines) => writeFileSync(path.join(dir, file), `${lines.join('\n')}\n`);
  write('tsconfig.json', [JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'esnext', moduleResolution: 'bundler', jsx: 'react-jsx', strict: true, experimentalDecorators: true, skipLibCheck: true, noEmit: true }, include: ['src'] }, null, 2)]);
  write('src/lib/auth.ts', AUTH);
  write('src/lib/auth.guard.ts', [`export class AuthGuard { canActivate() { return true; } }`]);
  let written = 2;
  for (let n = 0; written < count; n++) {
    const roll = rand();
    if (roll < 0.3) {
      write(`src/routes/handler${n}.ts`, handlerFile(FRAMEWORKS[n % FRAMEWORKS.length], SDKS[n % SDKS.length], n, rand));
      written++;
    } else if (roll < 0.4 && written + 2 <= count) {
      const { helper, route } = helperPair(SDKS[n % SDKS.length], n, rand);
      write(`src/lib/ai${n}.ts`, helper);
      write(`src/routes/explain${n}.ts`, route);
      written += 2;
    } else {
      const lines = plainFile(n, rand);
      write(`src/plain/module${n}.${lines.some((l) => l.includes('</')) ? 'tsx' : 'ts'}`, lines);
      written++;
    }
  }
  return dir;
}

/** One file of about `lines` lines: handler blocks one after another, as in a long routes file. */
export function generateLongFile(file, lines, seed = 7) {
  const rand = random(seed + lines);
  const out = [`import express from 'express';`, `import OpenAI from 'openai';`, `import pino from 'pino';`, `const app = express();`, `const openai = new OpenAI();`, `const logger = pino();`, ''];
  for (let n = 0; out.length < lines; n++) {
    const bug = rand() < 0.1;
    out.push(
      `app.post('/r${n}', async (req, res) => {`,
      `  const { question, persona } = req.body;`,
      `  const system = ${bug ? '`You are ${persona}.`' : `'You are a helpful assistant number ${n}.'`};`,
      `  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 200, messages: [{ role: 'system', content: system }, { role: 'user', content: question }] });`,
      `  logger.info({ route: '/r${n}', tokens: completion.usage?.total_tokens });`,
      `  res.json({ answer: completion.choices[0].message.content });`,
      `});`,
      `function helper${n}(items: number[]) { return items.map((x) => x * ${n}).filter((x) => x % 3 === 0).reduce((a, b) => a + b, 0); }`,
      `export const value${n} = helper${n}([1, 2, 3, ${n}]);`,
      '',
    );
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${out.join('\n')}\n`);
  return out.length;
}
