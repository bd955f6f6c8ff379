import rule from '../../rules/require-max-tokens.js';
import { lines, ruleTester } from './tester.js';

const messageId = 'noLimit' as const;
const express = [`import express from 'express';`, `import OpenAI from 'openai';`, `const app = express(); const openai = new OpenAI();`];
const lcel = [
  `import express from 'express'; import { ChatPromptTemplate } from '@langchain/core/prompts'; import { ChatOpenAI } from '@langchain/openai'; import { StringOutputParser } from '@langchain/core/output_parsers';`,
  `const app = express(); const prompt = ChatPromptTemplate.fromMessages([['system', 'Answer briefly.'], ['human', '{q}']]);`,
  `const open = new ChatOpenAI({ model: 'm' }); const bounded = new ChatOpenAI({ model: 'm', maxTokens: 300 });`,
];

ruleTester().run('require-max-tokens', rule, {
  valid: [
    {
      name: 'an ai agent made with maxOutputTokens, run on request data',
      code: lines(
        `import { ToolLoopAgent } from 'ai';`,
        `const agent = new ToolLoopAgent({ model: 'openai/gpt-4o', instructions: 'Research.', maxOutputTokens: 500 });`,
        `export async function POST(req: Request) { const body = await req.json(); return Response.json((await agent.generate({ prompt: body.q })).text); }`,
      ),
      filename: 'app/api/research/route.ts',
      },
      {
      name: 'an ai agent and a langchain model whose limit comes in a conditional spread (flag && { … }, c ? { … } : { … })',
      code: lines(
        `import { ToolLoopAgent } from 'ai'; import { ChatOpenAI } from '@langchain/openai'; import express from 'express';`,
        `const long = process.env.LONG === '1'; const agent = new ToolLoopAgent({ model: 'openai/gpt-4o', ...(long ? { maxOutputTokens: 4000 } : { maxOutputTokens: 500 }) });`,
        `const model = new ChatOpenAI({ model: 'm', ...(process.env.CAP && { maxTokens: 300 }), maxTokens: 600 }); const app = express();`,
        `app.post('/x', async (req, res) => { res.json({ a: (await agent.generate({ prompt: req.body.q })).text, b: (await model.invoke(req.body.q)).content }); });`,
      ),
    },
    {
      name: 'langchain LCEL: the chat model of the chain sets maxTokens (through withConfig)',
      code: lines(...lcel, `app.post('/y', async (req, res) => { res.send(await prompt.pipe(bounded.withConfig({})).pipe(new StringOutputParser()).invoke({ q: req.body.q })); });`),
    },
    {
      name: '@openrouter/sdk: maxTokens in the request or its chatRequest; @google/genai chat messages (the chat may carry the limit) and live sessions are not checked',
      code: lines(
        `import express from 'express'; import { OpenRouter } from '@openrouter/sdk'; import { GoogleGenAI } from '@google/genai';`,
        `const app = express(); const openRouter = new OpenRouter(); const ai = new GoogleGenAI({}); const chat = ai.chats.create({ model: 'g', config: { maxOutputTokens: 300 } });`,
        `app.post('/a', async (req, res) => { await openRouter.chat.send({ model: 'm', maxTokens: 300, messages: [{ role: 'user', content: req.body.q }] }); await openRouter.chat.send({ chatRequest: { model: 'm', maxCompletionTokens: 300, messages: [{ role: 'user', content: req.body.q }] } }); res.end(); });`,
        `app.post('/b', async (req, res) => { const r = await chat.sendMessage({ message: req.body.q }); await ai.live.connect({ model: 'g', config: { systemInstruction: req.body.q }, callbacks: {} }); res.json({ text: r.text }); });`,
      ),
    },
    {
      name: 'openai Assistants: a run that caps max_completion_tokens; set-up calls (assistants, thread messages, Realtime sessions) generate nothing',
      code: lines(
        ...express,
        `app.post('/a', async (req, res) => { await openai.beta.threads.runs.create('t', { assistant_id: 'a', additional_instructions: req.body.note, max_completion_tokens: 500 }); res.end(); });`,
        `app.post('/b', async (req, res) => { await openai.beta.assistants.create({ model: 'm', instructions: req.body.note }); await openai.beta.threads.messages.create('t', { role: 'user', content: req.body.q }); res.json(await openai.beta.realtime.sessions.create({ model: 'm', instructions: req.body.note })); });`,
      ),
    },
    {
      name: '@google/generative-ai: a helper that sets generationConfig.maxOutputTokens on request contents',
      code: lines(`import express from 'express'; import { GoogleGenerativeAI } from '@google/generative-ai';`, `const app = express(); const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY); const model = genAI.getGenerativeModel({ model: 'g' });`, `async function ask(contents) { return model.generateContent({ contents, generationConfig: { temperature: 0.2, maxOutputTokens: 400 } }); }`, `app.post('/x', async (req, res) => res.json((await ask(req.body.messages)).response.candidates?.length));`),
    },
    {
      name: '@google/generative-ai: the limit on getGenerativeModel, or in the request; a model made elsewhere may be bounded',
      code: lines(
        `import express from 'express'; import { GoogleGenerativeAI } from '@google/generative-ai';`, `const app = express(); const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY);`,
        `const bounded = genAI.getGenerativeModel({ model: 'gemini-2.5-flash', generationConfig: { maxOutputTokens: 500 } });`,
        `app.post('/a', async (req, res) => res.json((await bounded.generateContent(req.body.prompt)).response.candidates?.length));`,
        `app.post('/b', async (req, res) => { const m = genAI.getGenerativeModel({ model: 'g' }); const r = await m.generateContent({ contents: [{ role: 'user', parts: [{ text: req.body.q }] }], generationConfig: { maxOutputTokens: 300 } }); res.json(r.response.candidates?.length); });`,
        `export function answer(model, req) { return model.generateContent(req.body.prompt); }`,
      ),
    },
    {
      name: 'a helper whose SDK call sets a limit, given request data',
      code: lines(
        ...express,
        `const ask = (q: string) => openai.chat.completions.create({ model: 'm', max_completion_tokens: 300, messages: [{ role: 'user', content: q }] });`,
        `app.post('/a', async (req, res) => { res.json(await ask(req.body.q)); });`,
      ),
    },
    {
      name: 'openai with max_completion_tokens or max_tokens',
      code: lines(
        ...express,
        `app.post('/a', async (req, res) => { await openai.chat.completions.create({ model: 'm', max_completion_tokens: 500, messages: [{ role: 'user', content: req.body.q }] }); });`,
        `app.post('/b', async (req, res) => { await openai.chat.completions.create({ model: 'm', max_tokens: 500, messages: [{ role: 'user', content: req.body.q }] }); });`,
      ),
    },
    {
      name: 'a limit set through the spread of a constant options object',
      code: lines(...express, `const DEFAULTS = { model: 'gpt-4o-mini', max_completion_tokens: 400 };`, `app.post('/a', async (req, res) => { await openai.chat.completions.create({ ...DEFAULTS, messages: [{ role: 'user', content: req.body.q }] }); });`),
    },
    {
      name: 'options spread from somewhere unknown (silence over guessing)',
      code: lines(...express, `app.post('/a', async (req, res) => { await openai.chat.completions.create({ ...loadOptions(), messages: [{ role: 'user', content: req.body.q }] }); });`),
    },
    {
      name: 'no request data in the call',
      code: lines(...express, `app.get('/daily', async (req, res) => { await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'Write a haiku about Mondays.' }] }); });`),
    },
    {
      name: 'Vercel maxOutputTokens (v5+) and maxTokens (v4)',
      code: lines(
        `import { generateText, streamText } from 'ai';`,
        `export async function POST(req: Request) { const q = await req.text(); await generateText({ model, prompt: q, maxOutputTokens: 300 }); return streamText({ model, prompt: q, maxTokens: 300 }).toTextStreamResponse(); }`,
      ),
    },
    {
      name: 'Google config.maxOutputTokens, ollama options.num_predict, bedrock inferenceConfig.maxTokens, mistral maxTokens',
      code: lines(
        `import { GoogleGenAI } from '@google/genai'; import ollama from 'ollama'; import { Mistral } from '@mistralai/mistralai'; import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';`,
        `const ai = new GoogleGenAI({}); const mistral = new Mistral({});`,
        `app.post('/x', async (req, res) => {`,
        `  await ai.models.generateContent({ model: 'm', contents: req.body.q, config: { maxOutputTokens: 200 } });`,
        `  await ollama.generate({ model: 'm', prompt: req.body.q, options: { num_predict: 200 } });`,
        `  await mistral.chat.complete({ model: 'm', maxTokens: 200, messages: [{ role: 'user', content: req.body.q }] });`,
        `  new ConverseCommand({ modelId: 'm', inferenceConfig: { maxTokens: 200 }, messages: [{ role: 'user', content: [{ text: req.body.q }] }] });`,
        `});`,
      ),
    },
    {
      name: 'langchain: a limit on the model constructor, also through bind and structured output',
      code: lines(
        `import { ChatOpenAI } from '@langchain/openai';`,
        `const model = new ChatOpenAI({ model: 'm', maxTokens: 300 });`,
        `app.post('/x', async (req, res) => { await model.invoke(req.body.q); await model.withStructuredOutput(schema).invoke(req.body.q); });`,
      ),
    },
    {
      name: 'prompt-building calls are not LLM calls',
      code: lines(`import { SystemMessage } from '@langchain/core/messages';`, `app.post('/x', (req, res) => { const m = new SystemMessage(req.body.q); });`),
    },
    {
      name: 'anthropic always carries max_tokens',
      code: lines(`import Anthropic from '@anthropic-ai/sdk'; const anthropic = new Anthropic();`, `app.post('/x', async (req, res) => { await anthropic.messages.create({ model: 'm', max_tokens: 512, messages: [{ role: 'user', content: req.body.q }] }); });`),
    },
  ],
  invalid: [
    {
      name: 'an ai agent made with no limit, run on request data (the limit belongs where the agent is made: no suggestion)',
      code: lines(
        `import { ToolLoopAgent } from 'ai';`,
        `const agent = new ToolLoopAgent({ model: 'openai/gpt-4o', instructions: 'Research.' });`,
        `export async function POST(req: Request) { const body = await req.json(); return Response.json((await agent.generate({ prompt: body.q })).text); }`,
      ),
      filename: 'app/api/research/route.ts',
      errors: [{ messageId, line: 3, suggestions: [] }],
      },
      {
      name: 'an ai agent and a langchain model whose conditional spreads set other options, not the limit',
      code: lines(
        `import { ToolLoopAgent } from 'ai'; import { ChatOpenAI } from '@langchain/openai'; import express from 'express';`,
        `const options = process.env.OPTS ? { temperature: 0 } : null; const agent = new ToolLoopAgent({ model: 'openai/gpt-4o', ...(options && { providerOptions: options }) });`,
        `const model = new ChatOpenAI({ model: 'm', ...(process.env.T ? { temperature: 0 } : {}) }); const app = express();`,
        `app.post('/x', async (req, res) => { res.json({ a: (await agent.generate({ prompt: req.body.q })).text, b: (await model.invoke(req.body.q)).content }); });`,
      ),
      errors: [
        { messageId, line: 4, suggestions: [] },
        { messageId, line: 4, data: { api: 'langchain ChatOpenAI.invoke', source: 'req.body.q', line: '4', option: 'maxTokens on the model' } },
      ],
    },
    {
      name: 'langchain LCEL: the chat model of a chain invoked on request data sets no limit',
      code: lines(...lcel, `app.post('/x', async (req, res) => { res.send(await prompt.pipe(open).pipe(new StringOutputParser()).invoke({ q: req.body.q })); });`),
      errors: [{ messageId, line: 4, column: 102, data: { api: 'langchain (ChatPromptTemplate | ChatOpenAI | StringOutputParser).invoke', source: 'req.body.q', line: '4', option: 'maxTokens on the model' } }],
    },
    {
      name: '@openrouter/sdk: chat.send on request data with no maxTokens (no suggestion: the request may sit under chatRequest)',
      code: lines(`import express from 'express'; import { OpenRouter } from '@openrouter/sdk';`, `const app = express(); const openRouter = new OpenRouter();`, `app.post('/a', async (req, res) => { const r = await openRouter.chat.send({ chatRequest: { model: 'm', messages: [{ role: 'user', content: req.body.q }] } }); res.json({ text: r.choices[0].message.content }); });`),
      errors: [{ messageId, line: 3, column: 70, data: { api: 'openrouter chat.send', source: 'req.body.q', line: '3', option: 'maxTokens' }, suggestions: [] }],
    },
    {
      name: 'openai Assistants: a run on request data with no max_completion_tokens',
      code: lines(...express, `app.post('/a', async (req, res) => { const run = await openai.beta.threads.runs.createAndPoll('t', { assistant_id: 'a', additional_instructions: req.body.note }); res.json({ status: run.status }); });`),
      errors: [
        {
          messageId,
          line: 4,
          column: 81,
          data: { api: 'openai beta.threads.runs.createAndPoll', source: 'req.body.note', line: '4', option: 'max_completion_tokens' },
          suggestions: [
            {
              messageId: 'addLimit',
              output: lines(...express, `app.post('/a', async (req, res) => { const run = await openai.beta.threads.runs.createAndPoll('t', { assistant_id: 'a', additional_instructions: req.body.note, max_completion_tokens: 1024 }); res.json({ status: run.status }); });`),
            },
          ],
        },
      ],
    },
    {
      name: "@google/generative-ai: a request's generationConfig replaces the model's, so the model's limit no longer holds",
      code: lines(`import express from 'express'; import { GoogleGenerativeAI } from '@google/generative-ai';`, `const app = express(); const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY);`, `const model = genAI.getGenerativeModel({ model: 'g', generationConfig: { maxOutputTokens: 512 } });`, `app.post('/x', async (req, res) => { const r = await model.generateContent({ contents: req.body.contents, generationConfig: { temperature: 0.2 } }); res.json(r.response.candidates?.length); });`),
      errors: [
        {
          messageId,
          line: 4,
          suggestions: [{ messageId: 'addLimit', output: lines(`import express from 'express'; import { GoogleGenerativeAI } from '@google/generative-ai';`, `const app = express(); const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY);`, `const model = genAI.getGenerativeModel({ model: 'g', generationConfig: { maxOutputTokens: 512 } });`, `app.post('/x', async (req, res) => { const r = await model.generateContent({ contents: req.body.contents, generationConfig: { temperature: 0.2, maxOutputTokens: 1024 } }); res.json(r.response.candidates?.length); });`) }],
        },
      ],
    },
    {
      name: '@google/generative-ai: a helper that passes request contents on with no limit, reported at the call',
      code: lines(`import express from 'express'; import { GoogleGenerativeAI } from '@google/generative-ai';`, `const app = express(); const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY); const model = genAI.getGenerativeModel({ model: 'g' });`, `async function ask(contents) { return model.generateContent({ contents, generationConfig: { temperature: 0.2 } }); }`, `app.post('/x', async (req, res) => res.json((await ask(req.body.messages)).response.candidates?.length));`),
      errors: [{ messageId, line: 4, data: { api: 'google generateContent via ask()', source: 'req.body.messages', line: '4', option: 'generationConfig.maxOutputTokens' }, suggestions: [] }],
    },
    {
      name: '@google/generative-ai: no generationConfig limit on the model or in the request (suggestion where the request is an object)',
      code: lines(
        `import express from 'express'; import { GoogleGenerativeAI } from '@google/generative-ai';`, `const app = express(); const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY);`,
        `const model = genAI.getGenerativeModel({ model: 'gemini-2.5-flash' });`,
        `app.post('/a', async (req, res) => res.json((await model.generateContent(req.body.prompt)).response.candidates?.length));`,
        `app.post('/b', async (req, res) => { const r = await model.generateContent({ contents: [{ role: 'user', parts: [{ text: req.body.q }] }], generationConfig: { temperature: 0.2 } }); res.json(r.response.candidates?.length); });`,
      ),
      errors: [
        { messageId, line: 4, suggestions: [] },
        {
          messageId,
          line: 5,
          suggestions: [
            {
              messageId: 'addLimit',
              output: lines(
                `import express from 'express'; import { GoogleGenerativeAI } from '@google/generative-ai';`, `const app = express(); const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY);`,
                `const model = genAI.getGenerativeModel({ model: 'gemini-2.5-flash' });`,
                `app.post('/a', async (req, res) => res.json((await model.generateContent(req.body.prompt)).response.candidates?.length));`,
                `app.post('/b', async (req, res) => { const r = await model.generateContent({ contents: [{ role: 'user', parts: [{ text: req.body.q }] }], generationConfig: { temperature: 0.2, maxOutputTokens: 1024 } }); res.json(r.response.candidates?.length); });`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a helper whose SDK call sets no limit: reported at the helper call, with no suggestion',
      code: lines(
        ...express,
        `const ask = (q: string) => openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: q }] });`,
        `app.post('/a', async (req, res) => { res.json(await ask(req.body.q)); });`,
      ),
      errors: [
        {
          messageId,
          line: 5,
          column: 53,
          data: { api: 'openai chat.completions.create via ask()', source: 'req.body.q', line: '5', option: 'max_completion_tokens' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'Express + openai chat without a limit (suggestion adds max_completion_tokens)',
      code: lines(...express, `app.post('/chat', async (req, res) => { await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: req.body.q }] }); });`),
      errors: [
        {
          messageId,
          line: 4,
          column: 71,
          data: { api: 'openai chat.completions.create', source: 'req.body.q', line: '4', option: 'max_completion_tokens' },
          suggestions: [
            {
              messageId: 'addLimit',
              data: { option: 'max_completion_tokens' },
              output: lines(...express, `app.post('/chat', async (req, res) => { await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: req.body.q }], max_completion_tokens: 1024 }); });`),
            },
          ],
        },
      ],
    },
    {
      name: 'messages taken whole from the body, multi-line options',
      code: lines(...express, `app.post('/chat', async (req, res) => {`, `  await openai.chat.completions.create({`, `    model: 'm',`, `    messages: req.body.messages,`, `  });`, `});`),
      errors: [
        {
          messageId,
          line: 5,
          column: 33,
          data: { api: 'openai chat.completions.create', source: 'req.body.messages', line: '7', option: 'max_completion_tokens' },
          suggestions: [
            {
              messageId: 'addLimit',
              data: { option: 'max_completion_tokens' },
              output: lines(...express, `app.post('/chat', async (req, res) => {`, `  await openai.chat.completions.create({`, `    model: 'm',`, `    messages: req.body.messages,`, `    max_completion_tokens: 1024,`, `  });`, `});`),
            },
          ],
        },
      ],
    },
    {
      name: 'Next.js + Vercel streamText (maxOutputTokens)',
      code: lines(`import { streamText } from 'ai';`, `export async function POST(req: Request) { const { messages } = await req.json(); return streamText({ model, messages }).toTextStreamResponse(); }`),
      errors: [
        {
          messageId,
          line: 2,
          column: 90,
          data: { api: 'ai streamText', source: 'req.json().messages', line: '2', option: 'maxOutputTokens' },
          suggestions: [
            {
              messageId: 'addLimit',
              data: { option: 'maxOutputTokens' },
              output: lines(`import { streamText } from 'ai';`, `export async function POST(req: Request) { const { messages } = await req.json(); return streamText({ model, messages, maxOutputTokens: 1024 }).toTextStreamResponse(); }`),
            },
          ],
        },
      ],
    },
    {
      name: 'Google genai: a config object without the limit, and no config at all',
      code: lines(
        `import { GoogleGenAI } from '@google/genai'; const ai = new GoogleGenAI({});`,
        `app.post('/a', async (req, res) => { await ai.models.generateContent({ model: 'm', contents: req.body.q, config: { temperature: 0 } }); });`,
        `app.post('/b', async (req, res) => { await ai.models.generateContent({ model: 'm', contents: req.body.q }); });`,
      ),
      errors: [
        {
          messageId,
          line: 2,
          column: 54,
          data: { api: 'google models.generateContent', source: 'req.body.q', line: '2', option: 'config.maxOutputTokens' },
          suggestions: [
            {
              messageId: 'addLimit',
              data: { option: 'config.maxOutputTokens' },
              output: lines(
                `import { GoogleGenAI } from '@google/genai'; const ai = new GoogleGenAI({});`,
                `app.post('/a', async (req, res) => { await ai.models.generateContent({ model: 'm', contents: req.body.q, config: { temperature: 0, maxOutputTokens: 1024 } }); });`,
                `app.post('/b', async (req, res) => { await ai.models.generateContent({ model: 'm', contents: req.body.q }); });`,
              ),
            },
          ],
        },
        {
          messageId,
          line: 3,
          column: 54,
          data: { api: 'google models.generateContent', source: 'req.body.q', line: '3', option: 'config.maxOutputTokens' },
          suggestions: [
            {
              messageId: 'addLimit',
              data: { option: 'config.maxOutputTokens' },
              output: lines(
                `import { GoogleGenAI } from '@google/genai'; const ai = new GoogleGenAI({});`,
                `app.post('/a', async (req, res) => { await ai.models.generateContent({ model: 'm', contents: req.body.q, config: { temperature: 0 } }); });`,
                `app.post('/b', async (req, res) => { await ai.models.generateContent({ model: 'm', contents: req.body.q, config: { maxOutputTokens: 1024 } }); });`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'Koa + ollama generate (options.num_predict)',
      code: lines(`import Router from '@koa/router'; import ollama from 'ollama';`, `const router = new Router();`, `router.post('/x', async (ctx) => { ctx.body = (await ollama.generate({ model: 'm', prompt: ctx.request.body.q })).response; });`),
      errors: [
        {
          messageId,
          line: 3,
          column: 61,
          data: { api: 'ollama generate', source: 'ctx.request.body.q', line: '3', option: 'options.num_predict' },
          suggestions: [
            {
              messageId: 'addLimit',
              data: { option: 'options.num_predict' },
              output: lines(`import Router from '@koa/router'; import ollama from 'ollama';`, `const router = new Router();`, `router.post('/x', async (ctx) => { ctx.body = (await ollama.generate({ model: 'm', prompt: ctx.request.body.q, options: { num_predict: 1024 } })).response; });`),
            },
          ],
        },
      ],
    },
    {
      name: 'langchain model without a limit (reported on invoke, no suggestion: the limit belongs on the constructor)',
      code: lines(`import { ChatAnthropic } from '@langchain/anthropic';`, `import Fastify from 'fastify';`, `const app = Fastify(); const model = new ChatAnthropic({ model: 'm' });`, `app.post('/x', async (request) => (await model.invoke(request.body.q)).content);`),
      errors: [{ messageId, line: 4, column: 48, data: { api: 'langchain ChatAnthropic.invoke', source: 'request.body.q', line: '4', option: 'maxTokens on the model' } }],
    },
    {
      name: 'NestJS + groq',
      code: lines(
        `import { Body, Controller, Post } from '@nestjs/common'; import Groq from 'groq-sdk';`,
        `const groq = new Groq();`,
        `@Controller() class C { @Post() ask(@Body() dto: Dto) { return groq.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: dto.q }] }); } }`,
      ),
      errors: [
        {
          messageId,
          line: 3,
          column: 86,
          data: { api: 'groq chat.completions.create', source: 'dto.q', line: '3', option: 'max_completion_tokens' },
          suggestions: [
            {
              messageId: 'addLimit',
              data: { option: 'max_completion_tokens' },
              output: lines(
                `import { Body, Controller, Post } from '@nestjs/common'; import Groq from 'groq-sdk';`,
                `const groq = new Groq();`,
                `@Controller() class C { @Post() ask(@Body() dto: Dto) { return groq.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: dto.q }], max_completion_tokens: 1024 }); } }`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'Bedrock Converse (inferenceConfig.maxTokens) in a web handler',
      code: lines(`import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';`, `export default { async fetch(request) { await client.send(new ConverseCommand({ modelId: 'm', messages: [{ role: 'user', content: [{ text: await request.text() }] }] })); return new Response('ok'); } };`),
      errors: [
        {
          messageId,
          line: 2,
          column: 63,
          data: { api: 'bedrock ConverseCommand', source: 'request.text()', line: '2', option: 'inferenceConfig.maxTokens' },
          suggestions: [
            {
              messageId: 'addLimit',
              data: { option: 'inferenceConfig.maxTokens' },
              output: lines(`import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';`, `export default { async fetch(request) { await client.send(new ConverseCommand({ modelId: 'm', messages: [{ role: 'user', content: [{ text: await request.text() }] }], inferenceConfig: { maxTokens: 1024 } })); return new Response('ok'); } };`),
            },
          ],
        },
      ],
    },
  ],
});
