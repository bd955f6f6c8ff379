import rule from '../../rules/no-raw-llm-response.js';
import { lines, ruleTester } from './tester.js';

const messageId = 'rawResponse' as const;
const express = [`import express from 'express';`, `import OpenAI from 'openai';`, `const app = express(); const openai = new OpenAI();`];
const create = `const completion = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: req.body.q }] });`;
const trpc = [`import { initTRPC } from '@trpc/server';`, `import OpenAI from 'openai';`, `const t = initTRPC.create(); const openai = new OpenAI();`];
const resolve = (body: string) =>
  `async function resolve(ctx: unknown, input: { q: string }) { const c = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: input.q }] }); ${body} }`;
const sanitizer = [{ requireSanitizer: true, sanitizer: { name: 'sanitizeHtml', import: '@acme/sanitize' } }] as const;

const fastifyOpenai = [`import Fastify from 'fastify'; import OpenAI from 'openai';`, `const app = Fastify(); const openai = new OpenAI();`];
const honoStreaming = [`import { Hono } from 'hono'; import { stream, streamSSE, streamText } from 'hono/streaming'; import OpenAI from 'openai';`, `const app = new Hono(); const openai = new OpenAI();`];
const aiV3 = [`import { OpenAIStream, StreamingTextResponse } from 'ai'; import OpenAI from 'openai';`, `const openai = new OpenAI();`];
const langchainAdapter = [`import { LangChainAdapter } from 'ai'; import { ChatOpenAI } from '@langchain/openai';`, `const llm = new ChatOpenAI();`];
const aiExpress = [`import express from 'express'; import { createUIMessageStream, pipeDataStreamToResponse, pipeUIMessageStreamToResponse, streamText } from 'ai';`, `const app = express();`];
const lcel = [
  `import express from 'express'; import { ChatPromptTemplate } from '@langchain/core/prompts'; import { ChatOpenAI } from '@langchain/openai';`,
  `import { StringOutputParser, JsonOutputParser } from '@langchain/core/output_parsers'; import { RunnableSequence } from '@langchain/core/runnables';`,
  `const app = express(); const model = new ChatOpenAI({ maxTokens: 300 }); const prompt = ChatPromptTemplate.fromMessages([['system', 'Answer briefly.'], ['human', '{q}']]);`,
];
const lcelRoutes = [
  `app.post('/b', async (req, res) => { const chain = RunnableSequence.from([prompt, model, new StringOutputParser()]); res.send(await chain.invoke({ q: req.body.q })); });`,
  `app.post('/c', async (req, res) => { const answer = await prompt.pipe(model).invoke({ q: req.body.q }); res.json({ text: answer.content }); });`,
  `app.post('/d', async (req, res) => { const stream = await prompt.pipe(model).pipe(new JsonOutputParser()).stream({ q: req.body.q }); for await (const part of stream) res.write(JSON.stringify(part)); res.end(); });`,
];
const langgraph = [
  `import express from 'express'; import { StateGraph, MessagesAnnotation } from '@langchain/langgraph'; import { createReactAgent } from '@langchain/langgraph/prebuilt'; import { createAgent } from 'langchain';`,
  `const app = express(); const graph = new StateGraph(MessagesAnnotation).addNode('agent', callModel).addEdge('__start__', 'agent').compile();`,
  `const agent = createReactAgent({ llm, tools: [] }); const helper = createAgent({ model: 'openai:gpt-4o', tools: [] });`,
];
const langgraphText = [
  `app.post('/b', async (req, res) => { const result = await agent.invoke({ messages: [{ role: 'user', content: req.body.q }] }); res.json({ answer: result.messages.at(-1).content }); });`,
  `app.post('/c', async (req, res) => { for await (const event of graph.streamEvents({ messages: [{ role: 'user', content: req.body.q }] }, { version: 'v2' })) res.write(event.data.chunk.content); res.end(); });`,
];
const agentsAndGemini = [
  `import express from 'express'; import { Agent, run } from '@openai/agents'; import { GoogleGenAI } from '@google/genai';`,
  `const app = express(); const agent = new Agent({ name: 'support', instructions: 'Answer about our stores.' }); const ai = new GoogleGenAI({});`,
];
const agentsAndGeminiText = [
  `app.post('/b', async (req, res) => { const result = await run(agent, req.body.q); res.json({ answer: result.finalOutput }); });`,
  `app.post('/c', async (req, res) => { const response = await ai.models.generateContent({ model: 'm', contents: req.body.q, config: { maxOutputTokens: 300 } }); res.json({ call: response.functionCalls[0].args }); });`,
];
const aiUi = [`import { createUIMessageStream, createUIMessageStreamResponse, streamText } from 'ai';`];
ruleTester().run('no-raw-llm-response', rule, {
  valid: [
    {
      name: "@openai/agents run: its finalOutput, and Gemini's function-call args, are generated text (fine in recommended)",
      code: lines(...agentsAndGemini, ...agentsAndGeminiText),
    },
    {
      name: 'LangGraph: the text of an agent\'s last message and of a streamed event chunk is fine in recommended; a StateGraph of your own module is not langgraph',
      code: lines(
        ...langgraph,
        ...langgraphText,
        `import { StateGraph as Workflow } from './workflow';`,
        `app.post('/f', async (req, res) => { const flow = new Workflow(req.body.q).compile(); res.json(await flow.invoke({ q: req.body.q })); });`,
      ),
    },
    {
      name: 'LCEL: the text of a chain (after an output parser, or .content of its message) is fine in recommended',
      code: lines(...lcel, ...lcelRoutes),
    },
    {
      name: 'requireSanitizer: a chain of only a prompt template is no model output (its prompt value, its formatted messages)',
      options: [{ requireSanitizer: true }],
      code: lines(...lcel, `app.post('/e', async (req, res) => { res.json(await prompt.invoke({ q: req.body.q })); });`, `app.post('/f', async (req, res) => { res.json({ messages: await prompt.formatMessages({ q: req.body.q }) }); });`),
    },
    {
      name: 'requireSanitizer: createUIMessageStreamResponse of a UI stream that writes only a status',
      options: [{ requireSanitizer: true }],
      code: lines(...aiUi, `export async function POST(req: Request) { const { prompt } = await req.json(); const result = streamText({ model, prompt }); return createUIMessageStreamResponse({ stream: createUIMessageStream({ execute: ({ writer }) => { writer.write({ type: 'data-status', data: 'queued' }); } }) }); }`),
    },
    {
      name: 'ai v3: a text stream in a StreamingTextResponse is text (recommended)',
      code: lines(...aiV3, `export async function POST(req: Request) { const { messages } = await req.json(); const response = await openai.chat.completions.create({ model: 'm', stream: true, messages }); const stream = OpenAIStream(response); return new StreamingTextResponse(stream); }`),
    },
    {
      name: 'requireSanitizer: ai response helpers given streams that write only a status',
      options: [{ requireSanitizer: true }],
      code: lines(...aiExpress, `app.post('/a', (req, res) => { const result = streamText({ model, prompt: req.body.q }); pipeDataStreamToResponse(res, { execute: (ds) => { ds.writeData({ status: 'started' }); } }); });`, `app.post('/b', (req, res) => { const result = streamText({ model, prompt: req.body.q }); pipeUIMessageStreamToResponse({ response: res, stream: createUIMessageStream({ execute: ({ writer }) => { writer.write({ type: 'data-status', data: 'ready' }); } }) }); });`),
    },
    {
      name: 'requireSanitizer: a hono/streaming callback that writes only a status and sanitized text',
      options: [{ requireSanitizer: true }],
      code: lines(...honoStreaming, `app.post('/s', async (c) => { const { q } = await c.req.json(); return streamSSE(c, async (s) => { const r = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: q }] }); await s.writeSSE({ event: 'status', data: 'done' }); await s.writeSSE({ data: sanitizeHtml(r.choices[0].message.content ?? '') }); }); });`),
    },
    {
      name: "Fastify's raw Node response kept under a name (const res = reply.raw), written only the text",
      code: lines(...fastifyOpenai, `app.post('/a', async (request, reply) => { const res = reply.raw; const r = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: request.body.q }] }); res.write('event: done'); res.end(r.choices[0].message.content); });`),
    },
    {
      name: "Fastify's raw Node response written only the text and a status",
      code: lines(...fastifyOpenai, `app.post('/a', async (request, reply) => { const r = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: request.body.q }] }); reply.raw.write('event: done'); reply.raw.end(r.choices[0].message.content); });`),
    },
    {
      name: 'a chain a function builds from a parameter declared as a runnable (not a model), or that ends in the project\'s own step',
      code: lines(
        ...lcel,
        `import type { Runnable } from '@langchain/core/runnables';`,
        `function build(step: Runnable) { return prompt.pipe(step); } function labelled(llm: ChatOpenAI) { return prompt.pipe(llm).pipe(toLabel); } const toLabel = (m: unknown) => (m ? 'yes' : 'no');`,
        `app.post('/b', async (req, res) => { res.json(await build(model).invoke({ q: req.body.q })); res.json(await labelled(model).invoke({ q: req.body.q })); });`,
      ),
    },
    {
      name: 'requireSanitizer: langchain callback handlers that write only a status (no token), or what the run started with',
      options: [{ requireSanitizer: true }],
      code: lines(`import Fastify from 'fastify'; import { ChatOpenAI } from '@langchain/openai';`, `const app = Fastify();`, `app.post('/s', async (request, reply) => { const model = new ChatOpenAI({ maxTokens: 300, streaming: true, callbacks: [{ handleLLMNewToken() { reply.raw.write('.'); }, handleLLMStart(llm: unknown, prompts: string[]) { reply.raw.write(String(prompts.length)); } }] }); await model.invoke(String(request.body.q)); reply.raw.end(); });`),
    },
    {
      name: 'requireSanitizer: ai v3 LangChainStream whose handlers run the model, the response a fixed text',
      options: [{ requireSanitizer: true }],
      code: lines(`import { LangChainStream, StreamingTextResponse } from 'ai'; import { ChatOpenAI } from '@langchain/openai';`, `export async function POST(req: Request) { const { q } = await req.json(); const { handlers } = LangChainStream(); await new ChatOpenAI({ maxTokens: 300 }).invoke(String(q), { callbacks: [handlers] }); return new Response('started'); }`),
      filename: 'app/api/chat/route.ts',
    },
    {
      name: 'an SSE plugin\'s reply.sse sent only a status event, and the text (recommended)',
      code: lines(...fastifyOpenai, `app.post('/a', async (request, reply) => { const r = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: request.body.q }] }); reply.sse({ event: 'status', data: 'done' }); reply.sse({ data: JSON.stringify({ text: r.choices[0].message.content }) }); });`),
    },
    {
      name: 'a generator that yields text deltas, or only a constant, consumed by for await, Readable.from(…).pipe(res) and pipeline',
      code: lines(
        ...express,
        `import { Readable } from 'node:stream'; import { pipeline } from 'node:stream/promises';`,
        `async function* deltas(q: string) { const stream = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: q }], stream: true }); for await (const chunk of stream) yield chunk.choices[0]?.delta?.content ?? ''; }`,
        `function* progress() { yield 'working'; yield 'done'; }`,
        `app.post('/a', async (req, res) => { for await (const t of deltas(req.body.q)) res.write(t); res.end(); });`,
        `app.post('/b', async (req, res) => { Readable.from(deltas(req.body.q)).pipe(res); });`,
        `app.post('/c', async (req, res) => { await pipeline(Readable.from(progress()), res); });`,
      ),
    },
    {
      name: 'with a sanitizer required: a generator that yields only constants is no model text',
      options: sanitizer,
      code: lines(...express, `function* progress() { yield 'working'; yield 'done'; }`, `app.post('/c', async (req, res) => { for (const step of progress()) res.write(step); res.end(); });`),
    },
    {
      name: 'CommonJS without Node globals declared: a class of the same name from another package',
      code: lines(
        `const express = require('express'); const { GoogleGenerativeAI } = require('./gemini-stub');`,
        `const app = express(); const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY);`,
        `app.post('/chat', async (req, res) => { const model = genAI.getGenerativeModel({ model: 'gemini-2.5-flash' }); const result = await model.generateContent(req.body.q); res.json(result.response); });`,
      ),
    },
    {
      name: 'a response helper given only the text',
      code: lines(
        ...express,
        `function reply(res: express.Response, data: unknown) { res.json(data); }`,
        `app.post('/x', async (req, res) => { ${create} reply(res, completion.choices[0].message.content); });`,
      ),
    },
    {
      name: 'only the text (recommended: text is fine without a sanitizer)',
      code: lines(...express, `app.post('/c', async (req, res) => { ${create} res.json({ answer: completion.choices[0].message.content }); });`),
    },
    {
      name: 'metadata only: id, model, usage',
      code: lines(...express, `app.post('/c', async (req, res) => { ${create} res.json({ id: completion.id, model: completion.model, usage: completion.usage }); });`),
    },
    {
      name: 'a Vercel text stream response (text, not the result object)',
      code: lines(`import { streamText } from 'ai';`, `export async function POST(req: Request) { const { messages } = await req.json(); return streamText({ model, messages }).toDataStreamResponse(); }`),
    },
    {
      name: 'a database row that never touched an LLM',
      code: lines(...express, `app.get('/u/:id', async (req, res) => { res.json(await db.users.find(req.params.id)); });`),
    },
    {
      name: 'requireSanitizer: text that went through a sanitizer',
      options: [{ requireSanitizer: true }],
      code: lines(...express, `app.post('/c', async (req, res) => { ${create} res.json({ answer: sanitizeHtml(completion.choices[0].message.content) }); });`),
    },
    {
      name: 'requireSanitizer: a sanitizer named in settings',
      options: [{ requireSanitizer: true }],
      settings: { 'llm-security': { sanitizers: ['cleanModelOutput'] } },
      code: lines(...express, `app.post('/c', async (req, res) => { ${create} res.send(cleanModelOutput(completion.choices[0].message.content)); });`),
    },
    {
      name: 'requireSanitizer: a tRPC procedure that forwards to a resolver returning sanitized text',
      options: [{ requireSanitizer: true }],
      code: lines(...trpc, resolve('return { answer: sanitizeHtml(c.choices[0].message.content) };'), `export const router = t.router({ ask: t.procedure.input(schema).mutation(async ({ ctx, input }) => await resolve(ctx, input)) });`),
    },
    {
      name: 'prompt templates are not model output',
      code: lines(`import { ChatPromptTemplate } from '@langchain/core/prompts';`, `export async function GET() { return Response.json(ChatPromptTemplate.fromMessages([['system', 'Be brief.']])); }`),
    },
    {
      name: 'the result only logged',
      code: lines(...express, `app.post('/c', async (req, res) => { ${create} console.log(completion); res.json({ ok: true }); });`),
    },
    {
      name: 'a result object of your own that looks like one',
      code: lines(...express, `app.post('/c', async (req, res) => { const completion = await myService.create({ q: req.body.q }); res.json(completion); });`),
    },
    {
      name: 'every framework sending only the text',
      code: lines(
        `import OpenAI from 'openai'; import Fastify from 'fastify'; import Router from '@koa/router'; import { Hono } from 'hono'; import http from 'node:http';`,
        `const openai = new OpenAI(); const fastify = Fastify(); const router = new Router(); const hono = new Hono();`,
        `const ask = (q) => openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: q }] });`,
        `fastify.post('/a', async (request) => { const c = await ask(request.body.q); return { text: c.choices[0].message.content }; });`,
        `router.post('/b', async (ctx) => { const c = await ask(ctx.request.body.q); ctx.body = c.choices[0].message.content; });`,
        `hono.post('/c', async (c) => { const r = await ask(await c.req.text()); return c.text(r.choices[0].message.content ?? ''); });`,
        `http.createServer(async (req, res) => { const r = await ask(req.url); res.end(r.choices[0].message.content); });`,
        `export default { async fetch(request) { const r = await ask(await request.text()); return new Response(r.choices[0].message.content); } };`,
      ),
    },
    {
      name: "NestJS, a 'use server' action and a pages API handler sending only the text",
      filename: 'pages/api/x.ts',
      code: lines(
        `import { Body, Controller, Post } from '@nestjs/common'; import { generateText } from 'ai';`,
        `@Controller() class C { @Post() async ask(@Body() dto: Dto) { const { text } = await generateText({ model, prompt: dto.q }); return { text }; } }`,
        `export async function act(q: string) { 'use server'; const result = await generateText({ model, prompt: q }); return result.text; }`,
        `export default async function handler(req, res) { const result = await generateText({ model, prompt: req.body.q }); res.json({ text: result.text }); }`,
      ),
    },
    {
      name: 'text and metadata side by side, parsed JSON output, text deltas, mapped texts',
      code: lines(
        ...express,
        `app.post('/a', async (req, res) => { ${create} res.json({ answer: completion.choices[0].message.content, finish: completion.choices[0].finish_reason }); });`,
        `app.post('/b', async (req, res) => { ${create} res.json(JSON.parse(completion.choices[0].message.content ?? '{}')); });`,
        `app.post('/c', async (req, res) => { ${create} res.json({ options: completion.choices.map((c) => c.message.content) }); });`,
        `app.post('/d', async (req, res) => { const stream = await openai.chat.completions.create({ model: 'm', messages: req.body.messages, stream: true }); for await (const chunk of stream) res.write(chunk.choices[0]?.delta?.content ?? ''); res.end(); });`,
      ),
    },
    {
      name: 'Vercel text and usage',
      code: lines(`import { generateText } from 'ai';`, `export async function POST(req: Request) { const result = await generateText({ model, prompt: await req.text() }); return Response.json({ text: result.text, usage: result.usage }); }`),
    },
    {
      name: 'structured output from langchain, Vercel totalUsage and deltas of a stream',
      code: lines(
        `import { ChatOpenAI } from '@langchain/openai'; import { streamText } from 'ai'; import OpenAI from 'openai';`,
        `const model = new ChatOpenAI({}); const openai = new OpenAI();`,
        `export async function POST(req: Request) { const data = await model.withStructuredOutput(schema).invoke(await req.text()); return Response.json(data); }`,
        `export async function PUT(req: Request) { const result = streamText({ model, prompt: await req.text() }); return Response.json({ usage: await result.totalUsage }); }`,
        `export async function PATCH(req: Request) { const s = await openai.chat.completions.create({ model: 'm', messages: [], stream: true }); const out = []; for await (const chunk of s) out.push(chunk.choices[0].delta); return Response.json({ out: out.length }); }`,
      ),
    },
  ],
  invalid: [
    {
      name: '@openai/agents: the whole result of run(agent, input)',
      code: lines(...agentsAndGemini, `app.post('/a', async (req, res) => { res.json(await run(agent, req.body.q)); });`),
      errors: [{ messageId, line: 3, column: 38, data: { what: 'result', api: 'openai-agents run', line: '3', via: '', sink: 'res.json' }, suggestions: [] }],
    },
    {
      name: "requireSanitizer: @openai/agents finalOutput and a streamed run's text stream; Gemini function-call args",
      options: [{ requireSanitizer: true }],
      code: lines(...agentsAndGemini, ...agentsAndGeminiText, `app.post('/d', async (req, res) => { const result = await run(agent, req.body.q, { stream: true }); result.toTextStream().pipe(res); });`),
      output: null,
      errors: [
        { messageId: 'unsanitizedText', line: 3, column: 83, data: { api: 'openai-agents run', line: '3', via: ' via result.finalOutput', sink: 'res.json' } },
        { messageId: 'unsanitizedText', line: 4, column: 160, data: { api: 'google models.generateContent', line: '4', via: ' via response.functionCalls[0].args', sink: 'res.json' } },
        { messageId: 'unsanitizedText', line: 5, column: 101, data: { api: 'openai-agents run', line: '5', via: ' via result', sink: 'pipe(res)' } },
      ],
    },
    {
      name: 'LangGraph: the state a compiled graph or an agent returns, and a whole streamed event',
      code: lines(
        ...langgraph,
        `app.post('/a', async (req, res) => { const state = await graph.invoke({ messages: [{ role: 'user', content: req.body.q }] }); res.json(state); });`,
        `app.post('/d', async (req, res) => { for await (const event of helper.streamEvents({ messages: [{ role: 'user', content: req.body.q }] }, { version: 'v2' })) res.write(JSON.stringify(event)); res.end(); });`,
        `app.post('/e', async (req, res) => { const result = await helper.invoke({ messages: [{ role: 'user', content: req.body.q }] }); res.json(result); });`,
      ),
      errors: [
        { messageId, line: 4, column: 127, data: { what: 'result', api: 'langchain StateGraph.invoke', line: '4', via: ' via state', sink: 'res.json' }, suggestions: [] },
        { messageId, line: 5, column: 159, data: { what: 'result', api: 'langchain createAgent().streamEvents', line: '5', via: ' via event', sink: 'res.write' }, suggestions: [] },
        {
          messageId,
          line: 6,
          column: 129,
          data: { what: 'result', api: 'langchain createAgent().invoke', line: '6', via: ' via result', sink: 'res.json' },
          suggestions: [
            {
              messageId: 'sendText',
              data: { path: '.messages.at(-1).content' },
              output: lines(
                ...langgraph,
                `app.post('/a', async (req, res) => { const state = await graph.invoke({ messages: [{ role: 'user', content: req.body.q }] }); res.json(state); });`,
                `app.post('/d', async (req, res) => { for await (const event of helper.streamEvents({ messages: [{ role: 'user', content: req.body.q }] }, { version: 'v2' })) res.write(JSON.stringify(event)); res.end(); });`,
                `app.post('/e', async (req, res) => { const result = await helper.invoke({ messages: [{ role: 'user', content: req.body.q }] }); res.json(result.messages.at(-1).content); });`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: "requireSanitizer: LangGraph text: an agent's last message, a streamed event's chunk",
      options: [{ requireSanitizer: true }],
      code: lines(...langgraph, ...langgraphText),
      output: null,
      errors: [
        { messageId: 'unsanitizedText', line: 4, column: 128, data: { api: 'langchain createReactAgent().invoke', line: '4', via: ' via result.messages.content', sink: 'res.json' } },
        { messageId: 'unsanitizedText', line: 5, column: 158, data: { api: 'langchain StateGraph.streamEvents', line: '5', via: ' via event.data.chunk.content', sink: 'res.write' } },
      ],
    },
    {
      name: "LCEL: a chain that ends in the chat model returns its whole AIMessage",
      code: lines(...lcel, `app.post('/a', async (req, res) => { const chain = prompt.pipe(model); const answer = await chain.invoke({ q: req.body.q }); res.json(answer); });`),
      errors: [
        {
          messageId,
          line: 4,
          column: 126,
          data: { what: 'result', api: 'langchain (ChatPromptTemplate | ChatOpenAI).invoke', line: '4', via: ' via answer', sink: 'res.json' },
          suggestions: [
            {
              messageId: 'sendText',
              data: { path: '.content' },
              output: lines(...lcel, `app.post('/a', async (req, res) => { const chain = prompt.pipe(model); const answer = await chain.invoke({ q: req.body.q }); res.json(answer.content); });`),
            },
          ],
        },
      ],
    },
    {
      name: 'requireSanitizer: LCEL text: after an output parser (invoke and stream), and the .content of the message',
      options: [{ requireSanitizer: true }],
      code: lines(...lcel, ...lcelRoutes),
      output: null,
      errors: [
        { messageId: 'unsanitizedText', line: 4, column: 118, data: { api: 'langchain (ChatPromptTemplate | ChatOpenAI | StringOutputParser).invoke', line: '4', via: '', sink: 'res.send' } },
        { messageId: 'unsanitizedText', line: 5, column: 105, data: { api: 'langchain (ChatPromptTemplate | ChatOpenAI).invoke', line: '5', via: ' via answer.content', sink: 'res.json' } },
        { messageId: 'unsanitizedText', line: 6, column: 167, data: { api: 'langchain (ChatPromptTemplate | ChatOpenAI | JsonOutputParser).stream', line: '6', via: ' via stream -> part', sink: 'res.write' } },
      ],
    },
    {
      name: 'a chain a function builds from a parameter declared as a langchain model, run by the route: its whole message',
      code: lines(
        ...lcel,
        `import type { BaseChatModel } from '@langchain/core/language_models/chat_models';`,
        `function build(llm: BaseChatModel) { return prompt.pipe(llm); }`,
        `app.post('/b', async (req, res) => { const chain = build(model); res.json(await chain.invoke({ q: req.body.q })); });`,
      ),
      output: null,
      errors: [{ messageId, line: 6, column: 66, data: { what: 'result', api: 'langchain (ChatPromptTemplate | BaseChatModel).invoke', line: '6', via: '', sink: 'res.json' } }],
    },
    {
      name: "requireSanitizer: createUIMessageStreamResponse of a result's UI message stream",
      options: [{ requireSanitizer: true }],
      code: lines(...aiUi, `export async function POST(req: Request) { const { prompt } = await req.json(); const result = streamText({ model, prompt }); return createUIMessageStreamResponse({ stream: result.toUIMessageStream() }); }`),
      output: null,
      errors: [
        { messageId: 'unsanitizedText', line: 2, column: 134, data: { api: 'ai streamText', line: '2', via: ' via result', sink: 'createUIMessageStreamResponse' } },
      ],
    },
    {
      name: 'requireSanitizer: ai v3 OpenAIStream in a StreamingTextResponse',
      options: [{ requireSanitizer: true }],
      code: lines(...aiV3, `export async function POST(req: Request) { const { messages } = await req.json(); const response = await openai.chat.completions.create({ model: 'm', stream: true, messages }); const stream = OpenAIStream(response); return new StreamingTextResponse(stream); }`),
      output: null,
      errors: [
        { messageId: 'unsanitizedText', line: 3, column: 224, data: { api: 'openai chat.completions.create', line: '3', via: ' via response -> OpenAIStream() -> stream', sink: 'new StreamingTextResponse' } },
      ],
    },
    {
      name: 'requireSanitizer: LangChainAdapter.toDataStreamResponse of a chat model stream, returned',
      options: [{ requireSanitizer: true }],
      code: lines(...langchainAdapter, `export async function POST(req: Request) { const { prompt } = await req.json(); const stream = await llm.stream(prompt); return LangChainAdapter.toDataStreamResponse(stream); }`),
      output: null,
      errors: [
        { messageId: 'unsanitizedText', line: 3, column: 122, data: { api: 'langchain ChatOpenAI.stream', line: '3', via: ' via stream -> LangChainAdapter.toDataStreamResponse()', sink: 'the return value of POST' } },
      ],
    },
    {
      name: 'requireSanitizer: ai v5 response helpers: pipeUIMessageStreamToResponse, pipeDataStreamToResponse, result.pipeTextStreamToResponse',
      options: [{ requireSanitizer: true }],
      code: lines(...aiExpress, `app.post('/a', (req, res) => { const result = streamText({ model, prompt: req.body.q }); pipeUIMessageStreamToResponse({ response: res, stream: result.toUIMessageStream() }); });`, `app.post('/b', (req, res) => { pipeDataStreamToResponse(res, { execute: (ds) => { const result = streamText({ model, prompt: req.body.q }); result.mergeIntoDataStream(ds); } }); });`, `app.post('/c', (req, res) => { const result = streamText({ model, prompt: req.body.q }); result.pipeTextStreamToResponse(res); });`),
      output: null,
      errors: [
        { messageId: 'unsanitizedText', line: 3, column: 90, data: { api: 'ai streamText', line: '3', via: ' via result', sink: 'pipeUIMessageStreamToResponse' } },
        { messageId: 'unsanitizedText', line: 4, column: 32, data: { api: 'ai streamText', line: '4', via: ' via result -> pipeDataStreamToResponse()', sink: 'pipeDataStreamToResponse' } },
        { messageId: 'unsanitizedText', line: 5, column: 90, data: { api: 'ai streamText', line: '5', via: ' via result', sink: 'result.pipeTextStreamToResponse' } },
      ],
    },
    {
      name: 'hono/streaming: the whole result in writeSSE; with requireSanitizer, model text in writeSSE, write and writeln',
      options: [{ requireSanitizer: true }],
      code: lines(...honoStreaming, `app.post('/a', async (c) => { const { q } = await c.req.json(); return streamSSE(c, async (s) => { const r = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: q }] }); await s.writeSSE({ data: JSON.stringify(r) }); }); });`, `app.post('/b', async (c) => { const { q } = await c.req.json(); return streamSSE(c, async (s) => { const r = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: q }] }); await s.writeSSE({ data: r.choices[0].message.content ?? '' }); }); });`, `app.post('/c', async (c) => { const q = await c.req.text(); return stream(c, async (s) => { const r = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: q }] }); await s.write(r.choices[0].message.content ?? ''); }); });`, `app.post('/d', async (c) => { const q = await c.req.text(); return streamText(c, async (s) => { const r = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: q }] }); await s.writeln(r.choices[0].message.content ?? ''); }); });`),
      output: null,
      errors: [
        { messageId, line: 3, column: 212, data: { what: 'result', api: 'openai chat.completions.create', line: '3', via: ' via r', sink: 's.writeSSE' } },
        { messageId: 'unsanitizedText', line: 4, column: 212, data: { api: 'openai chat.completions.create', line: '4', via: ' via r.choices[0].message.content', sink: 's.writeSSE' } },
        { messageId: 'unsanitizedText', line: 5, column: 205, data: { api: 'openai chat.completions.create', line: '5', via: ' via r.choices[0].message.content', sink: 's.write' } },
        { messageId: 'unsanitizedText', line: 6, column: 209, data: { api: 'openai chat.completions.create', line: '6', via: ' via r.choices[0].message.content', sink: 's.writeln' } },
      ],
    },
    {
      name: "Fastify's raw Node response kept under a name (const res = reply.raw): the whole result written",
      code: lines(...fastifyOpenai, `app.post('/a', async (request, reply) => { const res = reply.raw; const r = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: request.body.q }] }); res.write(JSON.stringify(r)); res.end(); });`),
      output: null,
      errors: [{ messageId, line: 3, data: { what: 'result', api: 'openai chat.completions.create', line: '3', via: ' via r', sink: 'res.write' } }],
    },
    {
      name: "Fastify's raw Node response: the whole result written with reply.raw.write",
      code: lines(...fastifyOpenai, `app.post('/a', async (request, reply) => { const r = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: request.body.q }] }); reply.raw.write(JSON.stringify(r)); reply.raw.end(); });`),
      output: null,
      errors: [
        { messageId, line: 3, column: 163, data: { what: 'result', api: 'openai chat.completions.create', line: '3', via: ' via r', sink: 'reply.raw.write' } },
      ],
    },
    {
      name: "a langchain callback handler's handleLLMEnd(output) sending the whole result",
      code: lines(`import Fastify from 'fastify'; import { ChatOpenAI } from '@langchain/openai';`, `const app = Fastify();`, `app.post('/s', async (request, reply) => { const model = new ChatOpenAI({ maxTokens: 300, callbacks: [{ handleLLMEnd(output: unknown) { reply.send(output); } }] }); await model.invoke(String(request.body.q)); });`),
      output: null,
      errors: [{ messageId, line: 3, data: { what: 'result', api: 'langchain handleLLMEnd', line: '3', via: '', sink: 'reply.send' } }],
    },
    {
      name: 'requireSanitizer: a langchain callback handler (callbacks: [{ handleLLMNewToken }]) that writes each token to the response',
      options: [{ requireSanitizer: true }],
      code: lines(`import Fastify from 'fastify'; import { ChatOpenAI } from '@langchain/openai';`, `const app = Fastify();`, `app.post('/s', async (request, reply) => { const model = new ChatOpenAI({ maxTokens: 300, streaming: true, callbacks: [{ handleLLMNewToken(token: string) { reply.raw.write(token); } }] }); await model.invoke(String(request.body.q)); reply.raw.end(); });`),
      output: null,
      errors: [{ messageId: 'unsanitizedText', line: 3, data: { api: 'langchain handleLLMNewToken', line: '3', via: '', sink: 'reply.raw.write' } }],
    },
    {
      name: 'requireSanitizer: the stream of ai v3 LangChainStream sent as a StreamingTextResponse',
      options: [{ requireSanitizer: true }],
      code: lines(`import { LangChainStream, StreamingTextResponse } from 'ai'; import { ChatOpenAI } from '@langchain/openai';`, `export async function POST(req: Request) { const { q } = await req.json(); const { stream, handlers } = LangChainStream(); new ChatOpenAI({ maxTokens: 300, streaming: true }).invoke(String(q), { callbacks: [handlers] }); return new StreamingTextResponse(stream); }`),
      filename: 'app/api/chat/route.ts',
      output: null,
      errors: [{ messageId: 'unsanitizedText', line: 2, data: { api: 'ai LangChainStream', line: '2', via: ' via stream', sink: 'new StreamingTextResponse' } }],
    },
    {
      name: "an SSE plugin's reply.sse (fastify-sse-v2) given the whole result",
      code: lines(...fastifyOpenai, `app.post('/a', async (request, reply) => { const r = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: request.body.q }] }); reply.sse({ event: 'result', data: JSON.stringify(r) }); });`),
      output: null,
      errors: [{ messageId, line: 3, column: 163, data: { what: 'result', api: 'openai chat.completions.create', line: '3', via: ' via r', sink: 'reply.sse' } }],
    },
    {
      name: 'a generator that yields raw chunks: consumed by for await, piped with Readable.from(…).pipe(res), and through pipeline',
      code: lines(
        ...express,
        `import { Readable } from 'node:stream'; import { pipeline } from 'node:stream/promises';`,
        `async function* chunks(q: string) { const stream = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: q }], stream: true }); for await (const chunk of stream) yield chunk; }`,
        `app.post('/a', async (req, res) => { for await (const c of chunks(req.body.q)) res.write(JSON.stringify(c)); res.end(); });`,
        `app.post('/b', async (req, res) => { Readable.from(chunks(req.body.q)).pipe(res); });`,
        `app.post('/c', async (req, res) => { await pipeline(Readable.from(chunks(req.body.q)), res); });`,
      ),
      errors: [
        { messageId, line: 6, data: { what: 'result', api: 'openai chat.completions.create', line: '5', via: ' via stream -> chunk -> chunks() -> c', sink: 'res.write' } },
        { messageId, line: 7, data: { what: 'stream', api: 'openai chat.completions.create', line: '5', via: ' via stream -> chunk -> chunks()', sink: 'pipe(res)' } },
        { messageId, line: 8, data: { what: 'stream', api: 'openai chat.completions.create', line: '5', via: ' via stream -> chunk -> chunks()', sink: 'pipeline(…, res)' } },
      ],
    },
    {
      name: 'with a sanitizer required: the text a generator yields is model text',
      options: sanitizer,
      code: lines(...express, `async function* deltas(q: string) { const stream = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: q }], stream: true }); for await (const chunk of stream) yield chunk.choices[0]?.delta?.content ?? ''; }`, `app.post('/a', async (req, res) => { for await (const t of deltas(req.body.q)) res.write(t); res.end(); });`),
      output: lines(
        `import express from 'express';`,
        `import OpenAI from 'openai';`,
        `import { sanitizeHtml } from '@acme/sanitize';`,
        `const app = express(); const openai = new OpenAI();`,
        `async function* deltas(q: string) { const stream = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: q }], stream: true }); for await (const chunk of stream) yield chunk.choices[0]?.delta?.content ?? ''; }`,
        `app.post('/a', async (req, res) => { for await (const t of deltas(req.body.q)) res.write(sanitizeHtml(t)); res.end(); });`,
      ),
      errors: [{ messageId: 'unsanitizedText', line: 5 }],
    },
    {
      name: 'CommonJS without Node globals declared (require is not a declared global): the SDK is still followed from require(…)',
      code: lines(
        `const express = require('express'); const { GoogleGenerativeAI } = require('@google/generative-ai');`,
        `const app = express(); const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY);`,
        `app.post('/chat', async (req, res) => { const model = genAI.getGenerativeModel({ model: 'gemini-2.5-flash' }); const result = await model.generateContent(req.body.q); res.json(result.response); });`,
      ),
      errors: [{ messageId, line: 3 }],
    },
    {
      name: 'requireSanitizer: a tRPC procedure that forwards to a resolver returning the text: reported once, at the resolver',
      options: [{ requireSanitizer: true }],
      code: lines(...trpc, resolve('return { answer: c.choices[0].message.content };'), `export const router = t.router({ ask: t.procedure.input(schema).mutation(async ({ ctx, input }) => await resolve(ctx, input)) });`),
      errors: [{ messageId: 'unsanitizedText', line: 4 }],
    },
    {
      name: 'a response helper given the whole result: reported at the call, with no suggestion',
      code: lines(
        ...express,
        `function reply(res: express.Response, data: unknown) { res.json(data); }`,
        `app.post('/x', async (req, res) => { ${create} reply(res, completion); });`,
      ),
      errors: [{ messageId, line: 5, suggestions: [] }],
    },
    {
      name: 'Express: res.json(completion) (suggestion: send the text)',
      code: lines(...express, `app.post('/c', async (req, res) => { ${create} res.json(completion); });`),
      errors: [
        {
          messageId,
          line: 4,
          column: 162,
          data: { what: 'result', api: 'openai chat.completions.create', line: '4', via: ' via completion', sink: 'res.json' },
          suggestions: [
            {
              messageId: 'sendText',
              data: { path: '.choices[0].message.content' },
              output: lines(...express, `app.post('/c', async (req, res) => { ${create} res.json(completion.choices[0].message.content); });`),
            },
          ],
        },
      ],
    },
    {
      name: 'Express: the result in a field, and in a shorthand field',
      code: lines(...express, `app.post('/c', async (req, res) => { ${create} res.json({ data: completion }); });`, `app.post('/d', async (req, res) => { ${create} res.json({ completion }); });`),
      errors: [
        {
          messageId,
          line: 4,
          column: 162,
          data: { what: 'result', api: 'openai chat.completions.create', line: '4', via: ' via completion', sink: 'res.json' },
          suggestions: [
            {
              messageId: 'sendText',
              data: { path: '.choices[0].message.content' },
              output: lines(...express, `app.post('/c', async (req, res) => { ${create} res.json({ data: completion.choices[0].message.content }); });`, `app.post('/d', async (req, res) => { ${create} res.json({ completion }); });`),
            },
          ],
        },
        {
          messageId,
          line: 5,
          column: 162,
          data: { what: 'result', api: 'openai chat.completions.create', line: '5', via: ' via completion', sink: 'res.json' },
          suggestions: [
            {
              messageId: 'sendText',
              data: { path: '.choices[0].message.content' },
              output: lines(...express, `app.post('/c', async (req, res) => { ${create} res.json({ data: completion }); });`, `app.post('/d', async (req, res) => { ${create} res.json({ completion: completion.choices[0].message.content }); });`),
            },
          ],
        },
      ],
    },
    {
      name: 'Fastify: the anthropic message returned (no suggestion: its first block may be a tool call)',
      code: lines(
        `import Anthropic from '@anthropic-ai/sdk'; import Fastify from 'fastify';`,
        `const anthropic = new Anthropic(); const app = Fastify();`,
        `app.post('/x', async (request) => { const message = await anthropic.messages.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: request.body.q }] }); return message; });`,
      ),
      errors: [
        {
          messageId,
          line: 3,
          column: 172,
          data: { what: 'result', api: 'anthropic messages.create', line: '3', via: ' via message', sink: 'the return value of the handler' },
        },
      ],
    },
    {
      name: 'Koa: ctx.body = completion',
      code: lines(`import Router from '@koa/router'; import OpenAI from 'openai';`, `const router = new Router(); const openai = new OpenAI();`, `router.post('/x', async (ctx) => { const completion = await openai.chat.completions.create({ model: 'm', messages: ctx.request.body.messages }); ctx.body = completion; });`),
      errors: [
        {
          messageId,
          line: 3,
          column: 146,
          data: { what: 'result', api: 'openai chat.completions.create', line: '3', via: ' via completion', sink: 'ctx.body' },
          suggestions: [
            {
              messageId: 'sendText',
              data: { path: '.choices[0].message.content' },
              output: lines(`import Router from '@koa/router'; import OpenAI from 'openai';`, `const router = new Router(); const openai = new OpenAI();`, `router.post('/x', async (ctx) => { const completion = await openai.chat.completions.create({ model: 'm', messages: ctx.request.body.messages }); ctx.body = completion.choices[0].message.content; });`),
            },
          ],
        },
      ],
    },
    {
      name: 'Hono: a langchain AIMessage straight into c.json (no suggestion: not a name)',
      code: lines(`import { Hono } from 'hono'; import { ChatOpenAI } from '@langchain/openai';`, `const app = new Hono(); const model = new ChatOpenAI({});`, `app.post('/x', async (c) => c.json(await model.invoke(await c.req.text())));`),
      errors: [{ messageId, line: 3, column: 29, data: { what: 'result', api: 'langchain ChatOpenAI.invoke', line: '3', via: '', sink: 'c.json' } }],
    },
    {
      name: 'Next.js: Response.json of a Vercel generateText result',
      code: lines(`import { generateText } from 'ai';`, `export async function POST(req: Request) { const { prompt } = await req.json(); const result = await generateText({ model, prompt }); return Response.json(result); }`),
      errors: [
        {
          messageId,
          line: 2,
          column: 142,
          data: { what: 'result', api: 'ai generateText', line: '2', via: ' via result', sink: 'Response.json' },
          suggestions: [
            {
              messageId: 'sendText',
              data: { path: '.text' },
              output: lines(`import { generateText } from 'ai';`, `export async function POST(req: Request) { const { prompt } = await req.json(); const result = await generateText({ model, prompt }); return Response.json(result.text); }`),
            },
          ],
        },
      ],
    },
    {
      name: 'Next.js: an openai stream of raw chunks as the response body',
      code: lines(`import OpenAI from 'openai'; const openai = new OpenAI();`, `export async function POST(req: Request) { const stream = await openai.chat.completions.create({ model: 'm', messages: await req.json(), stream: true }); return new Response(stream.toReadableStream()); }`),
      errors: [{ messageId, line: 2, column: 162, data: { what: 'stream', api: 'openai chat.completions.create', line: '2', via: ' via stream', sink: 'new Response' } }],
    },
    {
      name: 'Express SSE: raw chunks written in a for await loop',
      code: lines(...express, `app.post('/s', async (req, res) => { const stream = await openai.chat.completions.create({ model: 'm', messages: req.body.messages, stream: true }); for await (const chunk of stream) res.write(\`data: \${JSON.stringify(chunk)}\\n\\n\`); res.end(); });`),
      errors: [{ messageId, line: 4, column: 184, data: { what: 'result', api: 'openai chat.completions.create', line: '4', via: ' via stream -> chunk', sink: 'res.write' } }],
    },
    {
      name: "NestJS controller and a 'use server' action returning whole results",
      code: lines(
        `import { Body, Controller, Post } from '@nestjs/common'; import OpenAI from 'openai'; import { generateObject } from 'ai';`,
        `const openai = new OpenAI();`,
        `@Controller() class C { @Post() async ask(@Body() dto: Dto) { const r = await openai.responses.create({ model: 'm', input: dto.q }); return r; } }`,
        `export async function extract(text: string) { 'use server'; const result = await generateObject({ model, schema, prompt: text }); return result; }`,
      ),
      errors: [
        {
          messageId,
          line: 3,
          column: 134,
          data: { what: 'result', api: 'openai responses.create', line: '3', via: ' via r', sink: 'the return value of ask' },
          suggestions: [
            {
              messageId: 'sendText',
              data: { path: '.output_text' },
              output: lines(
                `import { Body, Controller, Post } from '@nestjs/common'; import OpenAI from 'openai'; import { generateObject } from 'ai';`,
                `const openai = new OpenAI();`,
                `@Controller() class C { @Post() async ask(@Body() dto: Dto) { const r = await openai.responses.create({ model: 'm', input: dto.q }); return r.output_text; } }`,
                `export async function extract(text: string) { 'use server'; const result = await generateObject({ model, schema, prompt: text }); return result; }`,
              ),
            },
          ],
        },
        {
          messageId,
          line: 4,
          column: 131,
          data: { what: 'result', api: 'ai generateObject', line: '4', via: ' via result', sink: 'the return value of extract' },
          suggestions: [
            {
              messageId: 'sendText',
              data: { path: '.object' },
              output: lines(
                `import { Body, Controller, Post } from '@nestjs/common'; import OpenAI from 'openai'; import { generateObject } from 'ai';`,
                `const openai = new OpenAI();`,
                `@Controller() class C { @Post() async ask(@Body() dto: Dto) { const r = await openai.responses.create({ model: 'm', input: dto.q }); return r; } }`,
                `export async function extract(text: string) { 'use server'; const result = await generateObject({ model, schema, prompt: text }); return result.object; }`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'plain http: JSON.stringify of an ollama response',
      code: lines(`import http from 'node:http'; import ollama from 'ollama';`, `http.createServer(async (req, res) => { const r = await ollama.chat({ model: 'm', messages: [] }); res.end(JSON.stringify(r)); });`),
      errors: [{ messageId, line: 2, column: 100, data: { what: 'result', api: 'ollama chat', line: '2', via: ' via r', sink: 'res.end' } }],
    },
    {
      name: 'requireSanitizer: unsanitized text is reported; the sanitizer option wraps it and adds the import',
      options: sanitizer,
      code: lines(...express, `app.post('/c', async (req, res) => { ${create} res.json({ answer: completion.choices[0].message.content }); });`),
      output: lines(
        `import express from 'express';`,
        `import OpenAI from 'openai';`,
        `import { sanitizeHtml } from '@acme/sanitize';`,
        `const app = express(); const openai = new OpenAI();`,
        `app.post('/c', async (req, res) => { ${create} res.json({ answer: sanitizeHtml(completion.choices[0].message.content) }); });`,
      ),
      errors: [
        {
          messageId: 'unsanitizedText',
          line: 4,
          column: 162,
          data: { api: 'openai chat.completions.create', line: '4', via: ' via completion.choices[0].message.content', sink: 'res.json' },
        },
      ],
    },
    {
      name: 'requireSanitizer: a text stream is reported, without a fix',
      options: sanitizer,
      code: lines(`import { streamText } from 'ai';`, `export async function POST(req: Request) { const { messages } = await req.json(); return streamText({ model, messages }).toTextStreamResponse(); }`),
      output: null,
      errors: [{ messageId: 'unsanitizedText', line: 2, column: 83, data: { api: 'ai streamText', line: '2', via: '', sink: 'the return value of POST' } }],
    },
    {
      name: 'a pages API handler sending the whole result',
      filename: 'pages/api/x.ts',
      code: lines(
        `import { generateText } from 'ai';`,
        `export default async function handler(req, res) { const result = await generateText({ model, prompt: req.body.q }); res.json(result); }`,
      ),
      errors: [
        {
          messageId,
          line: 2,
          column: 117,
          data: { what: 'result', api: 'ai generateText', line: '2', via: ' via result', sink: 'res.json' },
          suggestions: [
            {
              messageId: 'sendText',
              data: { path: '.text' },
              output: lines(`import { generateText } from 'ai';`, `export default async function handler(req, res) { const result = await generateText({ model, prompt: req.body.q }); res.json(result.text); }`),
            },
          ],
        },
      ],
    },
    {
      name: 'no suggestion when the name holds a part of the result or many results',
      code: lines(
        `import { GoogleGenerativeAI } from '@google/generative-ai'; import OpenAI from 'openai';`,
        `const model = new GoogleGenerativeAI(k).getGenerativeModel({ model: 'm' }); const openai = new OpenAI();`,
        `export async function POST(req: Request) { const result = await model.generateContent(await req.text()); const response = result.response; return Response.json(response); }`,
        `export async function PUT(req: Request) { const qs: string[] = await req.json(); const results = await Promise.all(qs.map((q) => openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: q }] }))); return Response.json(results); }`,
      ),
      errors: [
        { messageId, line: 3, column: 147, data: { what: 'result object', api: 'google generateContent', line: '3', via: ' via result.response -> response', sink: 'Response.json' } },
        { messageId, line: 4, column: 229, data: { what: 'result', api: 'openai chat.completions.create', line: '4', via: ' via results', sink: 'Response.json' } },
      ],
    },
    {
      name: 'a web fetch handler returning Response.json of the whole result',
      code: lines(`import OpenAI from 'openai'; const openai = new OpenAI();`, `export default { async fetch(request) { const completion = await openai.chat.completions.create({ model: 'm', messages: await request.json() }); return Response.json(completion); } };`),
      errors: [
        {
          messageId,
          line: 2,
          column: 153,
          data: { what: 'result', api: 'openai chat.completions.create', line: '2', via: ' via completion', sink: 'Response.json' },
          suggestions: [
            {
              messageId: 'sendText',
              data: { path: '.choices[0].message.content' },
              output: lines(`import OpenAI from 'openai'; const openai = new OpenAI();`, `export default { async fetch(request) { const completion = await openai.chat.completions.create({ model: 'm', messages: await request.json() }); return Response.json(completion.choices[0].message.content); } };`),
            },
          ],
        },
      ],
    },
  ],
});
