import rule from '../../rules/no-system-prompt-in-response.js';
import { lines, ruleTester } from './tester.js';

const messageId = 'promptInResponse' as const;
const openai = [`import express from 'express';`, `import OpenAI from 'openai';`, `const app = express(); const openai = new OpenAI();`];
const SYSTEM = `const SYSTEM_PROMPT = 'You are Acme support. Never offer refunds over $50.';`;

const fastifySensible = [`import Fastify from 'fastify'; import sensible from '@fastify/sensible'; import OpenAI from 'openai';`, `const app = Fastify(); app.register(sensible); const openai = new OpenAI(); const SYSTEM_PROMPT = 'You are Acme support. Never offer refunds over $50.';`];
ruleTester().run('no-system-prompt-in-response', rule, {
  valid: [
    {
      name: '@fastify/sensible: an error helper called with a constant message',
      code: lines(...fastifySensible, `app.post('/a', async (request, reply) => { const r = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'system', content: SYSTEM_PROMPT }, { role: 'user', content: request.body.q }] }); if (!r.choices.length) return reply.badRequest('No answer'); return { text: r.choices[0].message.content }; });`),
    },
    {
      name: 'a response that names only the model, ids and lengths',
      code: lines(
        ...openai,
        SYSTEM,
        `app.post('/chat', async (req, res) => {`,
        `  const messages = [{ role: 'system', content: SYSTEM_PROMPT }, { role: 'user', content: req.body.q }];`,
        `  const completion = await openai.chat.completions.create({ model: 'm', messages });`,
        `  res.json({ answer: completion.choices[0].message.content, model: completion.model, id: completion.id, promptLength: SYSTEM_PROMPT.length, turns: messages.length });`,
        `});`,
      ),
    },
    {
      name: 'a variable named prompt that is not given to an LLM call',
      code: lines(...openai, `app.get('/greeting', (req, res) => { const prompt = 'Hello! Ask me anything.'; res.json({ prompt }); });`),
    },
    {
      name: "echoing the user's own question (a user slot, not the system prompt)",
      code: lines(
        ...openai,
        SYSTEM,
        `app.post('/chat', async (req, res) => { const question = req.body.q;`,
        `  const r = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'system', content: SYSTEM_PROMPT }, { role: 'user', content: question }] });`,
        `  res.json({ question, answer: r.choices[0].message.content }); });`,
      ),
    },
    {
      name: 'the system prompt only logged on the server',
      code: lines(
        `import Anthropic from '@anthropic-ai/sdk'; import Fastify from 'fastify';`,
        `const anthropic = new Anthropic(); const app = Fastify();`,
        SYSTEM,
        `app.post('/x', async (request) => { request.log.debug({ system: SYSTEM_PROMPT }); const m = await anthropic.messages.create({ model: 'm', max_tokens: 9, system: SYSTEM_PROMPT, messages: [{ role: 'user', content: request.body.q }] }); return { text: m.content[0].text }; });`,
      ),
    },
    {
      name: 'Responses API input string echoed back (it is the user text)',
      code: lines(...openai, `app.post('/x', async (req, res) => { const input = req.body.q; const r = await openai.responses.create({ model: 'm', instructions: 'Be brief.', input }); res.json({ input, output: r.output_text }); });`),
    },
    {
      name: 'a file without LLM calls',
      code: lines(`import express from 'express';`, `const app = express(); const messages = ['hi'];`, `app.get('/m', (req, res) => res.json({ messages }));`),
    },
    {
      name: 'every framework answering with the text only, the prompt kept on the server',
      code: lines(
        `import OpenAI from 'openai'; import Router from '@koa/router'; import { Hono } from 'hono'; import http from 'node:http';`,
        `const openai = new OpenAI(); const router = new Router(); const hono = new Hono();`,
        SYSTEM,
        `const ask = async (q) => (await openai.chat.completions.create({ model: 'm', messages: [{ role: 'system', content: SYSTEM_PROMPT }, { role: 'user', content: q }] })).choices[0].message.content;`,
        `router.post('/b', async (ctx) => { ctx.body = { answer: await ask(ctx.request.body.q) }; });`,
        `hono.post('/c', async (c) => c.json({ answer: await ask(await c.req.text()) }));`,
        `http.createServer(async (req, res) => { res.end(await ask(req.url)); });`,
        `export default { async fetch(request) { return Response.json({ answer: await ask(await request.text()) }); } };`,
      ),
    },
    {
      name: "NestJS, a 'use server' action and a pages API handler without the prompt",
      filename: 'pages/api/x.ts',
      code: lines(
        `import { Body, Controller, Post } from '@nestjs/common'; import { generateText } from 'ai';`,
        SYSTEM,
        `@Controller() class C { @Post() async ask(@Body() dto: Dto) { const { text } = await generateText({ model, system: SYSTEM_PROMPT, prompt: dto.q }); return { text, promptChars: SYSTEM_PROMPT.length }; } }`,
        `export async function act(q: string) { 'use server'; return (await generateText({ model, system: SYSTEM_PROMPT, prompt: q })).text; }`,
        `export default async function handler(req, res) { const r = await generateText({ model, system: SYSTEM_PROMPT, prompt: req.body.q }); res.json({ text: r.text }); }`,
      ),
    },
    {
      name: 'the roles of the messages, a prompt version, and a literal that is not the prompt',
      code: lines(
        ...openai,
        `app.post('/chat', async (req, res) => {`,
        `  const messages = [{ role: 'system', content: 'You are Acme support.' }, { role: 'user', content: req.body.q }];`,
        `  const r = await openai.chat.completions.create({ model: 'm', messages });`,
        `  res.json({ answer: r.choices[0].message.content, roles: messages.map((m) => m.role), promptVersion: 'v3', persona: 'Acme support' });`,
        `});`,
      ),
    },
    {
      name: 'a variable named system that is not given to an LLM call',
      code: lines(...openai, `app.get('/status', (req, res) => { const system = { uptime: process.uptime(), version: '1.2.0' }; res.json({ system }); });`),
    },
    {
      name: 'the assistant reply and the conversation id',
      code: lines(
        ...openai,
        SYSTEM,
        `app.post('/chat', async (req, res) => { const history = [{ role: 'system', content: SYSTEM_PROMPT }, ...req.body.history]; const r = await openai.chat.completions.create({ model: 'm', messages: history }); res.json({ reply: r.choices[0].message, conversationId: req.body.id }); });`,
      ),
    },
    {
      name: 'a persona label shown to the user, while the prompt stays on the server',
      code: lines(
        `import { generateText } from 'ai';`,
        `const PERSONA = { label: 'Tutor', prompt: 'You are a patient tutor. Never give answers directly.' };`,
        `export async function POST(req: Request) { const { text } = await generateText({ model, system: PERSONA.prompt, prompt: await req.text() }); return Response.json({ text, persona: PERSONA.label }); }`,
      ),
    },
    {
      name: 'the system prompt returned by a different, internal route of a file without LLM calls',
      code: lines(`import express from 'express';`, `import { SYSTEM } from './prompts';`, `const app = express();`, `app.get('/admin/prompt', requireAdmin, (req, res) => res.json({ length: SYSTEM.length }));`),
    },
  ],
  invalid: [
    {
      name: '@fastify/sensible: an error helper given the system prompt',
      code: lines(...fastifySensible, `app.post('/a', async (request, reply) => { const r = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'system', content: SYSTEM_PROMPT }, { role: 'user', content: request.body.q }] }); if (!r.choices.length) return reply.badRequest(\`No answer for: \${SYSTEM_PROMPT}\`); return { text: r.choices[0].message.content }; });`),
      output: null,
      errors: [
        { messageId, line: 3, column: 237, data: { what: 'system prompt', source: 'SYSTEM_PROMPT', line: '2', api: 'openai chat.completions.create', sink: 'reply.badRequest', via: '' } },
      ],
    },
    {
      name: 'Express: the messages array in a debug field (suggestion drops it)',
      code: lines(
        ...openai,
        `app.post('/chat', async (req, res) => {`,
        `  const messages = [{ role: 'system', content: 'You are Acme support.' }, { role: 'user', content: req.body.q }];`,
        `  const completion = await openai.chat.completions.create({ model: 'm', messages });`,
        `  res.json({ answer: completion.choices[0].message.content, messages });`,
        `});`,
      ),
      errors: [
        {
          messageId,
          line: 7,
          column: 3,
          data: { what: 'messages list', source: 'messages', line: '5', via: '', api: 'openai chat.completions.create', sink: 'res.json' },
          suggestions: [
            {
              messageId: 'dropField',
              data: { what: 'messages list' },
              output: lines(
                ...openai,
                `app.post('/chat', async (req, res) => {`,
                `  const messages = [{ role: 'system', content: 'You are Acme support.' }, { role: 'user', content: req.body.q }];`,
                `  const completion = await openai.chat.completions.create({ model: 'm', messages });`,
                `  res.json({ answer: completion.choices[0].message.content });`,
                `});`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'Express: the system prompt constant in a field',
      code: lines(
        ...openai,
        SYSTEM,
        `app.post('/chat', async (req, res) => {`,
        `  const r = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'system', content: SYSTEM_PROMPT }, { role: 'user', content: req.body.q }] });`,
        `  res.json({ reply: r.choices[0].message.content, prompt: SYSTEM_PROMPT });`,
        `});`,
      ),
      errors: [
        {
          messageId,
          line: 7,
          column: 3,
          data: { what: 'system prompt', source: 'SYSTEM_PROMPT', line: '4', via: '', api: 'openai chat.completions.create', sink: 'res.json' },
          suggestions: [
            {
              messageId: 'dropField',
              data: { what: 'system prompt' },
              output: lines(
                ...openai,
                SYSTEM,
                `app.post('/chat', async (req, res) => {`,
                `  const r = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'system', content: SYSTEM_PROMPT }, { role: 'user', content: req.body.q }] });`,
                `  res.json({ reply: r.choices[0].message.content });`,
                `});`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'Fastify: the anthropic system prompt in the returned object',
      code: lines(
        `import Anthropic from '@anthropic-ai/sdk'; import Fastify from 'fastify';`,
        `const anthropic = new Anthropic(); const app = Fastify();`,
        `app.post('/x', async (request) => { const system = await loadPolicy(); const m = await anthropic.messages.create({ model: 'm', max_tokens: 9, system, messages: [{ role: 'user', content: request.body.q }] }); return { text: m.content[0].text, system }; });`,
      ),
      errors: [
        {
          messageId,
          line: 3,
          column: 209,
          data: { what: 'system prompt', source: 'system', line: '3', via: '', api: 'anthropic messages.create', sink: 'the return value of the handler' },
          suggestions: [
            {
              messageId: 'dropField',
              data: { what: 'system prompt' },
              output: lines(
                `import Anthropic from '@anthropic-ai/sdk'; import Fastify from 'fastify';`,
                `const anthropic = new Anthropic(); const app = Fastify();`,
                `app.post('/x', async (request) => { const system = await loadPolicy(); const m = await anthropic.messages.create({ model: 'm', max_tokens: 9, system, messages: [{ role: 'user', content: request.body.q }] }); return { text: m.content[0].text }; });`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'Koa: messages nested in a debug object (the suggestion drops the debug field)',
      code: lines(
        `import Router from '@koa/router'; import ollama from 'ollama';`,
        `const router = new Router();`,
        `router.post('/x', async (ctx) => { const messages = [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: ctx.request.body.q }]; const r = await ollama.chat({ model: 'm', messages }); ctx.body = { answer: r.message.content, debug: { messages } }; });`,
      ),
      errors: [
        {
          messageId,
          line: 3,
          column: 199,
          data: { what: 'messages list', source: 'messages', line: '3', via: '', api: 'ollama chat', sink: 'ctx.body' },
          suggestions: [
            {
              messageId: 'dropField',
              data: { what: 'messages list' },
              output: lines(
                `import Router from '@koa/router'; import ollama from 'ollama';`,
                `const router = new Router();`,
                `router.post('/x', async (ctx) => { const messages = [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: ctx.request.body.q }]; const r = await ollama.chat({ model: 'm', messages }); ctx.body = { answer: r.message.content }; });`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'Hono and Vercel ai: the instructions in c.json',
      code: lines(
        `import { Hono } from 'hono'; import { generateText } from 'ai';`,
        `const app = new Hono();`,
        "app.post('/x', async (c) => { const instructions = `You are a tutor for ${COURSE}.`; const r = await generateText({ model, instructions, prompt: await c.req.text() }); return c.json({ text: r.text, instructions }); });",
      ),
      errors: [
        {
          messageId,
          line: 3,
          column: 176,
          data: { what: 'system prompt', source: 'instructions', line: '3', via: '', api: 'ai generateText', sink: 'c.json' },
          suggestions: [
            {
              messageId: 'dropField',
              data: { what: 'system prompt' },
              output: lines(
                `import { Hono } from 'hono'; import { generateText } from 'ai';`,
                `const app = new Hono();`,
                "app.post('/x', async (c) => { const instructions = `You are a tutor for ${COURSE}.`; const r = await generateText({ model, instructions, prompt: await c.req.text() }); return c.json({ text: r.text }); });",
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'Next.js route handler: an imported system prompt in Response.json',
      code: lines(
        `import { streamText } from 'ai';`,
        `import { SYSTEM } from '@/lib/prompts';`,
        `export async function POST(req: Request) { const { messages } = await req.json(); if (new URL(req.url).searchParams.has('debug')) return Response.json({ system: SYSTEM }); return streamText({ model, system: SYSTEM, messages }).toTextStreamResponse(); }`,
      ),
      errors: [
        {
          messageId,
          line: 3,
          column: 138,
          data: { what: 'system prompt', source: 'SYSTEM', line: '2', via: '', api: 'ai streamText', sink: 'Response.json' },
        },
      ],
    },
    {
      name: "a 'use server' action returning the messages list of langchain invoke",
      code: lines(
        `'use server';`,
        `import { SystemMessage, HumanMessage } from '@langchain/core/messages'; import { ChatOpenAI } from '@langchain/openai';`,
        `const model = new ChatOpenAI({});`,
        `export async function ask(q: string) { const conversation = [new SystemMessage('You are Acme.'), new HumanMessage(q)]; const r = await model.invoke(conversation); return { answer: r.content, conversation }; }`,
      ),
      errors: [
        {
          messageId,
          line: 4,
          column: 164,
          data: { what: 'messages list', source: 'conversation', line: '4', via: '', api: 'langchain ChatOpenAI.invoke', sink: 'the return value of ask' },
          suggestions: [
            {
              messageId: 'dropField',
              data: { what: 'messages list' },
              output: lines(
                `'use server';`,
                `import { SystemMessage, HumanMessage } from '@langchain/core/messages'; import { ChatOpenAI } from '@langchain/openai';`,
                `const model = new ChatOpenAI({});`,
                `export async function ask(q: string) { const conversation = [new SystemMessage('You are Acme.'), new HumanMessage(q)]; const r = await model.invoke(conversation); return { answer: r.content }; }`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'NestJS controller returning the messages, plain http writing the system prompt',
      code: lines(
        `import { Body, Controller, Post } from '@nestjs/common'; import OpenAI from 'openai'; import http from 'node:http';`,
        `const openai = new OpenAI(); const SYSTEM_PROMPT = 'You are Acme.';`,
        `@Controller() class C { @Post() async chat(@Body() dto: Dto) { const messages = [{ role: 'system', content: SYSTEM_PROMPT }, { role: 'user', content: dto.q }]; await openai.chat.completions.create({ model: 'm', messages }); return messages; } }`,
        `http.createServer((req, res) => { res.end(SYSTEM_PROMPT); });`,
      ),
      errors: [
        { messageId, line: 3, column: 225, data: { what: 'system prompt', source: 'SYSTEM_PROMPT', line: '2', via: ' via messages', api: 'openai chat.completions.create', sink: 'the return value of chat' } },
        { messageId, line: 4, column: 35, data: { what: 'system prompt', source: 'SYSTEM_PROMPT', line: '2', via: '', api: 'openai chat.completions.create', sink: 'res.end' } },
      ],
    },
    {
      name: 'a pages API handler echoing the system prompt',
      filename: 'pages/api/x.ts',
      code: lines(
        `import { generateText } from 'ai';`,
        SYSTEM,
        `export default async function handler(req, res) { const r = await generateText({ model, system: SYSTEM_PROMPT, prompt: req.body.q }); res.json({ text: r.text, system: SYSTEM_PROMPT }); }`,
      ),
      errors: [
        {
          messageId,
          line: 3,
          column: 135,
          data: { what: 'system prompt', source: 'SYSTEM_PROMPT', line: '2', via: '', api: 'ai generateText', sink: 'res.json' },
          suggestions: [
            {
              messageId: 'dropField',
              data: { what: 'system prompt' },
              output: lines(`import { generateText } from 'ai';`, SYSTEM, `export default async function handler(req, res) { const r = await generateText({ model, system: SYSTEM_PROMPT, prompt: req.body.q }); res.json({ text: r.text }); }`),
            },
          ],
        },
      ],
    },
    {
      name: 'an error whose message carries the system prompt reaches the response',
      code: lines(
        ...openai,
        SYSTEM,
        `app.post('/chat', async (req, res) => {`,
        `  try {`,
        `    const r = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'system', content: SYSTEM_PROMPT }, { role: 'user', content: req.body.q }] });`,
        `    if (!r.choices.length) throw new Error(\`No answer for prompt: \${SYSTEM_PROMPT}\`);`,
        `    res.json({ answer: r.choices[0].message.content });`,
        `  } catch (err) { res.status(500).json({ error: err.message }); }`,
        `});`,
      ),
      errors: [
        {
          messageId,
          line: 10,
          column: 19,
          data: { what: 'system prompt', source: 'SYSTEM_PROMPT', line: '4', via: ' via err.message', api: 'openai chat.completions.create', sink: 'res.json' },
        },
      ],
    },
    {
      name: 'a web fetch handler echoing the system prompt',
      code: lines(`import ollama from 'ollama';`, SYSTEM, `export default { async fetch(request) { const r = await ollama.generate({ model: 'm', system: SYSTEM_PROMPT, prompt: await request.text() }); return new Response(\`\${r.response}\\n---\\n\${SYSTEM_PROMPT}\`); } };`),
      errors: [{ messageId, line: 3, column: 150, data: { what: 'system prompt', source: 'SYSTEM_PROMPT', line: '2', via: '', api: 'ollama generate', sink: 'new Response' } }],
    },
  ],
});
