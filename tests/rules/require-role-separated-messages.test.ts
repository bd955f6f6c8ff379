import rule from '../../rules/require-role-separated-messages.js';
import { lines, ruleTester } from './tester.js';

const messageId = 'mixedPrompt' as const;
const lcTemplates = [
  `import express from 'express';`,
  `import { ChatOpenAI } from '@langchain/openai';`,
  `import { ChatPromptTemplate, PromptTemplate } from '@langchain/core/prompts';`,
  `import { StringOutputParser } from '@langchain/core/output_parsers';`,
  `const app = express(); const model = new ChatOpenAI({ model: 'gpt-4o-mini', maxTokens: 300 });`,
];

ruleTester().run('require-role-separated-messages', rule, {
  valid: [
    {
      name: 'langchain templates filled later: the instructions in a system message, or a template that is only a label around the variable',
      code: lines(
        ...lcTemplates,
        `const separated = ChatPromptTemplate.fromMessages([['system', 'Translate the text the user sends into formal French.'], ['human', '{text}']]);`,
        `const labelled = PromptTemplate.fromTemplate('Question: {q}');`,
        `app.post('/c', async (req, res) => { res.send(await separated.pipe(model).pipe(new StringOutputParser()).invoke({ text: req.body.text })); });`,
        `app.post('/d', async (req, res) => { res.send(await labelled.pipe(model).pipe(new StringOutputParser()).invoke({ q: req.body.q })); });`,
      ),
    },
    {
      name: 'langchain new PromptTemplate({ template }): a label around the variable, and a mustache template (its variables are not read)',
      code: lines(
        ...lcTemplates,
        `const labelled = new PromptTemplate({ template: 'Question: {q}', inputVariables: ['q'] });`,
        `const mustache = new PromptTemplate({ template: 'Summarize this customer review in one friendly sentence: {{review}}', inputVariables: ['review'], templateFormat: 'mustache' });`,
        `app.post('/d', async (req, res) => { res.send(await labelled.pipe(model).pipe(new StringOutputParser()).invoke({ q: req.body.q })); });`,
        `app.post('/e', async (req, res) => { res.send(await mustache.pipe(model).pipe(new StringOutputParser()).invoke({ review: req.body.review })); });`,
      ),
    },
    {
      name: 'a same-file helper that only formats the data into a variable, sent as the only message (no instructions)',
      code: lines(
        `import express from 'express'; import OpenAI from 'openai';`,
        `const app = express(); const openai = new OpenAI();`,
        `function letterPrompt(data: { name: string; role: string }) { return \`\${data.name}\\n\${data.role}\`; }`,
        `app.post('/x', async (req, res) => {`,
        `  const prompt = letterPrompt(req.body);`,
        `  res.json(await openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'system', content: 'Write a cover letter.' }, { role: 'user', content: prompt }] }));`,
        `});`,
      ),
    },
    {
      name: 'a same-file helper whose only text is a fallback return, sent as the only message',
      code: lines(
        `import express from 'express'; import OpenAI from 'openai';`,
        `const app = express(); const openai = new OpenAI();`,
        `function question(q?: string) { if (!q) return 'Tell me what you can help me with today, please.'; return q.trim(); }`,
        `app.post('/x', async (req, res) => {`,
        `  const prompt = question(req.body.q);`,
        `  res.json(await openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: prompt }] }));`,
        `});`,
      ),
    },
    {
      name: 'a helper that keeps its parameter in the user message',
      code: lines(
        `import express from 'express'; import OpenAI from 'openai';`,
        `const app = express(); const openai = new OpenAI();`,
        `const complete = (text: string) => openai.chat.completions.create({ model: 'm', messages: [{ role: 'system', content: 'Summarize the text.' }, { role: 'user', content: text }] });`,
        `app.post('/x', async (req, res) => { res.json(await complete(req.body.article)); });`,
      ),
    },
    {
      name: 'a flat prompt that is only the request data (Vercel ai)',
      code: lines(
        `import { generateText } from 'ai';`,
        `export async function POST(req: Request) { const { prompt } = await req.json(); return Response.json(await generateText({ model, system: 'You are terse.', prompt })); }`,
      ),
    },
    {
      name: 'a template with only request data and punctuation',
      code: lines(
        `import { generateText } from 'ai';`,
        "app.post('/x', async (req, res) => { await generateText({ model, prompt: `${req.body.title}\\n\\n${req.body.text}` }); });",
      ),
    },
    {
      name: 'langchain invoke with request data alone, and with role-separated messages',
      code: lines(
        `import { ChatOpenAI } from '@langchain/openai';`,
        `const model = new ChatOpenAI({});`,
        `app.post('/x', async (req, res) => { await model.invoke(req.body.q); await model.invoke([['system', 'Be brief.'], ['human', req.body.q]]); });`,
      ),
    },
    {
      name: 'a prompt that mixes instructions with data that is not from the request',
      code: lines(
        `import OpenAI from 'openai';`,
        `const openai = new OpenAI();`,
        "app.post('/x', async (req, res) => { const doc = await loadDoc(req.params.id); await openai.completions.create({ model: 'm', prompt: `Summarize: ${doc.text}` }); });",
      ),
    },
    {
      name: 'an unrelated create({ prompt }) on a non-LLM object',
      code: "app.post('/x', async (req, res) => { await stripe.paymentLinks.create({ prompt: `Pay for ${req.body.item}` }); });",
    },
    {
      name: 'a function with a req parameter that is not a handler',
      code: lines(
        `import { generateText } from 'ai';`,
        "export function summarize(req) { return generateText({ model, prompt: `Summarize: ${req.body.text}` }); }",
      ),
    },
    {
      name: 'a runnable chain invoked with template variables is not a flat prompt',
      code: lines(
        `import { ChatPromptTemplate } from '@langchain/core/prompts';`,
        `import { ChatOpenAI } from '@langchain/openai';`,
        `const chain = ChatPromptTemplate.fromMessages([['system', 'Translate to {lang}.'], ['human', '{text}']]).pipe(new ChatOpenAI({}));`,
        `app.post('/x', async (req, res) => { res.json(await chain.invoke({ lang: 'fr', text: req.body.text })); });`,
      ),
    },
    {
      name: 'ollama generate with data-only prompt and a constant system',
      code: lines(
        `import ollama from 'ollama';`,
        `app.post('/x', async (req, res) => { await ollama.generate({ model: 'llama3', system: 'Answer in French.', prompt: req.body.q }); });`,
      ),
    },
    {
      name: 'Vercel prompt given as an array of messages',
      code: lines(
        `import { generateText } from 'ai';`,
        `app.post('/x', async (req, res) => { await generateText({ model, prompt: [{ role: 'user', content: req.body.q }] }); });`,
      ),
    },
    {
      name: 'a length or a flag in the prompt is not request text',
      code: lines(
        `import { generateText } from 'ai';`,
        "app.post('/x', async (req, res) => { await generateText({ model, prompt: `Write ${req.body.count > 3 ? 'many' : 'few'} ideas, at most ${req.body.topic.length} words.` }); });",
      ),
    },
    {
      name: 'a lone user message with only request data (openai)',
      code: lines(
        `import OpenAI from 'openai';`,
        `const openai = new OpenAI();`,
        `app.post('/x', async (req, res) => { await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: req.body.q }] }); });`,
      ),
    },
    {
      name: 'a user message with instructions next to a system message is role-separated enough',
      code: lines(
        `import OpenAI from 'openai';`,
        `const openai = new OpenAI();`,
        "app.post('/x', async (req, res) => { await openai.chat.completions.create({ model: 'm', messages: [{ role: 'system', content: 'You translate.' }, { role: 'user', content: `Translate: ${req.body.q}` }] }); });",
      ),
    },
    {
      name: 'anthropic: a system option is present, so the user message is not the whole prompt',
      code: lines(
        `import Anthropic from '@anthropic-ai/sdk';`,
        `const anthropic = new Anthropic();`,
        "app.post('/x', async (req, res) => { await anthropic.messages.create({ model: 'm', max_tokens: 100, system: 'Be brief.', messages: [{ role: 'user', content: `Question: ${req.body.q}` }] }); });",
      ),
    },
    {
      name: 'a conversation (several messages) is not a flat prompt',
      code: lines(
        `import Groq from 'groq-sdk';`,
        `const groq = new Groq();`,
        "app.post('/x', async (req, res) => { await groq.chat.completions.create({ model: 'm', messages: [{ role: 'assistant', content: 'Hi!' }, { role: 'user', content: `Reply to: ${req.body.q}` }] }); });",
      ),
    },
    {
      name: 'Responses API: instructions are present, input is only the user text',
      code: lines(
        `import OpenAI from 'openai';`,
        `const openai = new OpenAI();`,
        "export default { async fetch(request) { const { q } = await request.json(); return Response.json(await openai.responses.create({ model: 'm', instructions: 'Be brief.', input: `Question: ${q}` })); } };",
      ),
    },
    {
      name: 'cohere v1 with a preamble: the message is the user turn',
      code: lines(
        `import { CohereClient } from 'cohere-ai';`,
        `const cohere = new CohereClient({});`,
        "app.post('/x', async (req, res) => { await cohere.chat({ preamble: 'You are terse.', message: `Question: ${req.body.q}` }); });",
      ),
    },
    {
      name: 'Bedrock Converse with a system block and a user message',
      code: lines(
        `import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';`,
        "app.post('/x', async (req, res) => { new ConverseCommand({ modelId: 'm', system: [{ text: 'Be brief.' }], messages: [{ role: 'user', content: [{ text: `Q: ${req.body.q}` }] }] }); });",
      ),
    },
    {
      name: 'mistral lone user message built from data that is not from the request',
      code: lines(
        `import { Mistral } from '@mistralai/mistralai';`,
        `const mistral = new Mistral({});`,
        "export async function POST(req: Request) { const doc = await fetchDoc(); return Response.json(await mistral.chat.complete({ model: 'm', messages: [{ role: 'user', content: `Summarize: ${doc}` }] })); }",
      ),
    },
    {
      name: "a 'use server' action whose prompt is only the user's text",
      code: lines(
        `'use server';`,
        `import { generateText } from 'ai';`,
        `export async function ask(question: string) { return (await generateText({ model, system: 'Answer briefly.', prompt: question })).text; }`,
      ),
    },
    {
      name: 'a pages API handler with role-separated messages',
      filename: 'pages/api/ask.ts',
      code: lines(
        `import ollama from 'ollama';`,
        `export default async function handler(req, res) { res.json(await ollama.chat({ model: 'm', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: req.body.q }] })); }`,
      ),
    },
    {
      name: 'a prompt variable reassigned to request data only',
      code: lines(
        `import { generateText } from 'ai';`,
        `app.post('/x', async (req, res) => { let prompt = req.body.text; if (!prompt) prompt = req.body.fallback; await generateText({ model, system: 'Fix grammar.', prompt }); });`,
      ),
    },
    {
      name: 'a number from the request in an instruction prompt',
      code: lines(`import { generateText } from 'ai';`, "app.post('/x', async (req, res) => { await generateText({ model, prompt: `Generate ${Number(req.body.n)} startup names.` }); });"),
    },
    {
      name: 'a value from your own allowlist in an instruction prompt',
      code: lines(`import { generateText } from 'ai';`, `const LANGS = new Set(['fr', 'de']);`, "app.post('/x', async (req, res) => { const lang = LANGS.has(req.body.lang) ? req.body.lang : 'fr'; await generateText({ model, prompt: `Say hello in ${lang}.` }); });"),
    },
    {
      name: 'only punctuation around the request data',
      code: lines(`import ollama from 'ollama';`, "app.post('/x', async (req, res) => { await ollama.generate({ model: 'm', prompt: `${req.body.q}?` }); });"),
    },
    {
      name: 'langchain invoke with a message object or role-separated messages',
      code: lines(
        `import { SystemMessage, HumanMessage } from '@langchain/core/messages';`,
        `import { ChatGroq } from '@langchain/groq';`,
        `const model = new ChatGroq({});`,
        `app.post('/x', async (req, res) => { await model.invoke(new HumanMessage(req.body.q)); await model.invoke([new SystemMessage('Be brief.'), new HumanMessage(\`Q: \${req.body.q}\`)]); });`,
      ),
    },
    {
      name: 'lone messages with only request data (anthropic, bedrock, cohere, Responses API)',
      code: lines(
        `import Anthropic from '@anthropic-ai/sdk'; import OpenAI from 'openai'; import { CohereClient } from 'cohere-ai';`,
        `import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';`,
        `const anthropic = new Anthropic(); const openai = new OpenAI(); const cohere = new CohereClient({});`,
        `app.post('/x', async (req, res) => {`,
        `  await anthropic.messages.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: req.body.q }] });`,
        `  new ConverseCommand({ modelId: 'm', messages: [{ role: 'user', content: [{ text: req.body.q }] }] });`,
        `  await cohere.chat({ message: req.body.q });`,
        `  await openai.responses.create({ model: 'm', input: req.body.q });`,
        `});`,
      ),
    },
    {
      name: 'a helper that only cleans the text adds no instructions',
      code: lines(
        `import { generateText } from 'ai';`,
        `function clean(s) { return s.replace(/\\s+/g, ' ').trim(); }`,
        `app.post('/x', async (req, res) => { await generateText({ model, system: 'Be brief.', prompt: clean(req.body.q) }); });`,
      ),
    },
    {
      name: 'generateText imported from your own module is not the SDK',
      code: lines(`import { generateText } from './lib/text';`, "app.post('/x', async (req, res) => { await generateText({ prompt: `Summarize: ${req.body.q}` }); });"),
    },
    {
      name: 'Google contents with only the request data',
      code: lines(
        `import { GoogleGenAI } from '@google/genai';`,
        `const ai = new GoogleGenAI({});`,
        `app.post('/x', async (req, res) => { await ai.models.generateContent({ model: 'm', contents: req.body.q, config: { systemInstruction: 'Answer briefly.' } }); });`,
      ),
    },
    {
      name: 'a lone user message with a short label, or made only of request data',
      code: lines(
        `import OpenAI from 'openai';`,
        `const openai = new OpenAI();`,
        "app.post('/x', async (req, res) => { await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: `Question: ${req.body.q}` }] }); await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: `${req.body.name} says: ${req.body.q}` }] }); });",
      ),
    },
    {
      name: 'Fastify: instructions in system, the body alone in prompt',
      code: lines(
        `import Fastify from 'fastify';`,
        `import { streamText } from 'ai';`,
        `const app = Fastify();`,
        `app.post('/x', async (request, reply) => streamText({ model, system: 'Summarize in three bullets.', prompt: request.body.article }).toTextStreamResponse());`,
      ),
    },
    {
      name: 'Koa: role-separated openai messages',
      code: lines(
        `import Router from '@koa/router';`,
        `import OpenAI from 'openai';`,
        `const router = new Router(); const openai = new OpenAI();`,
        "router.post('/x', async (ctx) => { ctx.body = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'system', content: 'Classify the sentiment.' }, { role: 'user', content: `Review: ${ctx.request.body.review}` }] }); });",
      ),
    },
    {
      name: 'Hono: langchain tuples with the request text in the human turn',
      code: lines(
        `import { Hono } from 'hono';`,
        `import { ChatMistralAI } from '@langchain/mistralai';`,
        `const app = new Hono(); const model = new ChatMistralAI({});`,
        "app.post('/x', async (c) => c.json(await model.invoke([['system', 'Fix the spelling.'], ['human', `Text: ${await c.req.text()}`]])));",
      ),
    },
    {
      name: 'NestJS: a lone user message of request data only (anthropic)',
      code: lines(
        `import { Body, Controller, Post } from '@nestjs/common';`,
        `import Anthropic from '@anthropic-ai/sdk';`,
        `@Controller() export class C { private anthropic = new Anthropic();`,
        `  @Post() ask(@Body() dto: AskDto) { return this.anthropic.messages.create({ model: 'm', max_tokens: 100, messages: [{ role: 'user', content: dto.question }] }); } }`,
      ),
    },
    {
      name: 'plain http: a prompt built from constants only (the body goes elsewhere)',
      code: lines(
        `import http from 'node:http';`,
        `import ollama from 'ollama';`,
        "http.createServer(async (req, res) => { const today = new Date().toDateString(); res.end((await ollama.generate({ model: 'm', prompt: `Write a haiku about ${today}.` })).response); });",
      ),
    },
    {
      name: 'MCP tool: instructions in system, the argument alone in prompt',
      code: lines(
        `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';`,
        `import { generateText } from 'ai';`,
        `const server = new McpServer({ name: 's', version: '1' });`,
        `server.registerTool('define', { inputSchema: { word: z.string() } }, async ({ word }) => ({ content: [{ type: 'text', text: (await generateText({ model, system: 'Define the word for a child.', prompt: word })).text }] }));`,
      ),
    },
    {
      name: 'web fetch handler: @google/generative-ai with a system instruction and the body alone',
      code: lines(
        `import { GoogleGenerativeAI } from '@google/generative-ai';`,
        `const model = new GoogleGenerativeAI(KEY).getGenerativeModel({ model: 'm', systemInstruction: 'Answer in French.' });`,
        `export default { async fetch(request) { return new Response((await model.generateContent(await request.text())).response.text()); } };`,
      ),
    },
  ],
  invalid: [
    {
      name: 'langchain templates filled later: a flat template and a lone human template that instruct, filled with request data (reported on the property, no fix)',
      code: lines(
        ...lcTemplates,
        `const flat = PromptTemplate.fromTemplate('Summarize this customer review in one friendly sentence: {review}');`,
        `const human = ChatPromptTemplate.fromMessages([['human', 'Translate the following text into formal French: {text}']]);`,
        `app.post('/a', async (req, res) => { res.send(await flat.pipe(model).pipe(new StringOutputParser()).invoke({ review: req.body.review })); });`,
        `app.post('/b', async (req, res) => { res.send(await human.pipe(model).pipe(new StringOutputParser()).invoke({ text: req.body.text })); });`,
      ),
      errors: [
        { messageId, line: 8, column: 110 },
        { messageId, line: 9, column: 111 },
      ],
    },
    {
      name: 'langchain new PromptTemplate({ template }) that instructs, filled with request data',
      code: lines(
        ...lcTemplates,
        `const flat = new PromptTemplate({ template: 'Summarize this customer review in one friendly sentence: {review}', inputVariables: ['review'] });`,
        `app.post('/a', async (req, res) => { res.send(await flat.pipe(model).pipe(new StringOutputParser()).invoke({ review: req.body.review })); });`,
      ),
      errors: [{ messageId, line: 7 }],
    },
    {
      name: 'a prompt built by a same-file helper into a variable, sent as the only message',
      code: lines(
        `import express from 'express'; import OpenAI from 'openai';`,
        `const app = express(); const openai = new OpenAI();`,
        `function letterPrompt(data: { name: string }) { return \`Write a cover letter for \${data.name}. Keep it under 300 words.\`; }`,
        `app.post('/x', async (req, res) => {`,
        `  const prompt = letterPrompt(req.body);`,
        `  res.json(await openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: prompt }] }));`,
        `});`,
      ),
      output: null,
      errors: [{ messageId, line: 6, suggestions: [] }],
    },
    {
      name: 'a helper that wraps its parameter in instructions: reported at the argument',
      code: lines(
        `import express from 'express'; import OpenAI from 'openai';`,
        `const app = express(); const openai = new OpenAI();`,
        `const summarize = (text: string) => openai.completions.create({ model: 'm', prompt: \`Summarize the article in three bullet points: \${text}\` });`,
        `app.post('/x', async (req, res) => { res.json(await summarize(req.body.article)); });`,
      ),
      output: null,
      errors: [{ messageId, line: 4, column: 63, data: { source: 'req.body.article', line: '4', via: ' via summarize()', slot: 'prompt', api: 'openai completions.create' }, suggestions: [] }],
    },
    {
      name: 'Next.js + Vercel generateText: `${INSTRUCTIONS} ${x}` becomes system + prompt',
      code: lines(
        `import { generateText } from 'ai';`,
        `const INSTRUCTIONS = 'You are a translator. Translate into French.';`,
        `export async function POST(req: Request) {`,
        `  const { text } = await req.json();`,
        '  const result = await generateText({ model, prompt: `${INSTRUCTIONS} ${text}` });',
        `  return Response.json({ text: result.text });`,
        `}`,
      ),
      output: lines(
        `import { generateText } from 'ai';`,
        `const INSTRUCTIONS = 'You are a translator. Translate into French.';`,
        `export async function POST(req: Request) {`,
        `  const { text } = await req.json();`,
        '  const result = await generateText({ model, system: INSTRUCTIONS, prompt: String(text) });',
        `  return Response.json({ text: result.text });`,
        `}`,
      ),
      errors: [
        {
          messageId,
          line: 5,
          column: 46,
          data: { source: 'req.json().text', line: '4', via: '', slot: 'prompt', api: 'ai generateText' },
        },
      ],
    },
    {
      name: 'Express + Vercel streamText with a multi-line options object and a concatenation',
      code: lines(
        `import { streamText } from 'ai';`,
        `app.post('/chat', async (req, res) => {`,
        `  const result = streamText({`,
        `    model,`,
        `    prompt: 'Answer the customer politely: ' + req.body.question,`,
        `  });`,
        `  result.pipeTextStreamToResponse(res);`,
        `});`,
      ),
      output: lines(
        `import { streamText } from 'ai';`,
        `app.post('/chat', async (req, res) => {`,
        `  const result = streamText({`,
        `    model,`,
        `    system: 'Answer the customer politely: ',`,
        `    prompt: String(req.body.question),`,
        `  });`,
        `  result.pipeTextStreamToResponse(res);`,
        `});`,
      ),
      errors: [
        {
          messageId,
          line: 5,
          column: 5,
          data: { source: 'req.body.question', line: '5', via: '', slot: 'prompt', api: 'ai streamText' },
        },
      ],
    },
    {
      name: 'legacy openai completions: a suggestion to move to chat completions, no autofix',
      code: lines(
        `import OpenAI from 'openai';`,
        `const openai = new OpenAI();`,
        "app.post('/t', async (req, res) => { const r = await openai.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: `Translate to French: ${req.body.text}` }); res.json(r.choices[0].text); });",
      ),
      output: null,
      errors: [
        {
          messageId,
          line: 3,
          column: 115,
          data: { source: 'req.body.text', line: '3', via: '', slot: 'prompt', api: 'openai completions.create' },
          suggestions: [
            {
              messageId: 'useChatCompletions',
              output: lines(
                `import OpenAI from 'openai';`,
                `const openai = new OpenAI();`,
                "app.post('/t', async (req, res) => { const r = await openai.chat.completions.create({ model: 'gpt-3.5-turbo-instruct', messages: [{ role: 'system', content: `Translate to French:` }, { role: 'user', content: String(req.body.text) }] }); res.json(r.choices[0].text); });",
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'Fastify + langchain model.invoke(`…${x}`) becomes system and human tuples',
      code: lines(
        `import Fastify from 'fastify';`,
        `import { ChatAnthropic } from '@langchain/anthropic';`,
        `const app = Fastify(); const model = new ChatAnthropic({ model: 'claude-haiku-4-5' });`,
        "app.post('/sum', async (request) => (await model.invoke(`Summarize in three bullet points: ${request.body.article}`)).content);",
      ),
      output: lines(
        `import Fastify from 'fastify';`,
        `import { ChatAnthropic } from '@langchain/anthropic';`,
        `const app = Fastify(); const model = new ChatAnthropic({ model: 'claude-haiku-4-5' });`,
        "app.post('/sum', async (request) => (await model.invoke([['system', `Summarize in three bullet points:`], ['human', String(request.body.article)]])).content);",
      ),
      errors: [
        {
          messageId,
          line: 4,
          column: 57,
          data: { source: 'request.body.article', line: '4', via: '', slot: 'prompt', api: 'langchain ChatAnthropic.invoke' },
        },
      ],
    },
    {
      name: 'Koa + ollama generate: the instructions move into system',
      code: lines(
        `import Koa from 'koa';`,
        `import ollama from 'ollama';`,
        `const app = new Koa();`,
        "app.use(async (ctx) => { ctx.body = await ollama.generate({ model: 'llama3', prompt: `Classify the sentiment of: ${ctx.request.body.review}` }); });",
      ),
      output: lines(
        `import Koa from 'koa';`,
        `import ollama from 'ollama';`,
        `const app = new Koa();`,
        "app.use(async (ctx) => { ctx.body = await ollama.generate({ model: 'llama3', system: `Classify the sentiment of:`, prompt: String(ctx.request.body.review) }); });",
      ),
      errors: [
        {
          messageId,
          line: 4,
          column: 78,
          data: { source: 'ctx.request.body.review', line: '4', via: '', slot: 'prompt', api: 'ollama generate' },
        },
      ],
    },
    {
      name: 'a prompt built in a variable (Hono): reported with its path, no fix',
      code: lines(
        `import { Hono } from 'hono';`,
        `import { generateText } from 'ai';`,
        `const app = new Hono();`,
        `app.post('/x', async (c) => {`,
        `  const question = c.req.query('q');`,
        '  const prompt = `You are a math tutor. Explain step by step: ${question}`;',
        `  return c.json(await generateText({ model, prompt }));`,
        `});`,
      ),
      output: null,
      errors: [
        {
          messageId,
          line: 7,
          column: 45,
          data: { source: "c.req.query('q')", line: '5', via: ' via question -> prompt', slot: 'prompt', api: 'ai generateText' },
        },
      ],
    },
    {
      name: 'a prompt built by a helper of the same file (NestJS)',
      code: lines(
        `import { Body, Controller, Post } from '@nestjs/common';`,
        `import { generateObject } from 'ai';`,
        'const buildPrompt = (topic: string) => `Write a quiz with five questions about ${topic}.`;',
        `@Controller() export class QuizController {`,
        `  @Post() quiz(@Body() dto: QuizDto) { return generateObject({ model, schema, prompt: buildPrompt(dto.topic) }); }`,
        `}`,
      ),
      output: null,
      errors: [
        {
          messageId,
          line: 5,
          column: 79,
          data: { source: 'dto.topic', line: '5', via: ' via buildPrompt()', slot: 'prompt', api: 'ai generateObject' },
        },
      ],
    },
    {
      name: '@google/genai contents string mixing instructions and data: reported without a fix',
      code: lines(
        `import { GoogleGenAI } from '@google/genai';`,
        `const ai = new GoogleGenAI({});`,
        "export async function POST(req: Request) { const { q } = await req.json(); return Response.json(await ai.models.generateContent({ model: 'm', contents: `Answer briefly: ${q}` })); }",
      ),
      output: null,
      errors: [
        {
          messageId,
          line: 3,
          column: 143,
          data: { source: 'req.json().q', line: '3', via: '', slot: 'contents', api: 'google models.generateContent' },
        },
      ],
    },
    {
      name: '@google/generative-ai generateContent(string), plain http handler',
      code: lines(
        `import http from 'node:http';`,
        `import { GoogleGenerativeAI } from '@google/generative-ai';`,
        `const model = new GoogleGenerativeAI(process.env.KEY).getGenerativeModel({ model: 'm' });`,
        "http.createServer(async (req, res) => { const url = new URL(req.url, 'http://x'); res.end((await model.generateContent(`Define the word ${url.searchParams.get('w')}`)).response.text()); });",
      ),
      output: null,
      errors: [
        {
          messageId,
          line: 4,
          column: 120,
          data: { source: 'req.url', line: '4', via: ' via url.searchParams', slot: 'contents', api: 'google generateContent' },
        },
      ],
    },
    {
      name: 'langchain PromptTemplate.fromTemplate with request data in the template text',
      code: lines(
        `import { PromptTemplate } from '@langchain/core/prompts';`,
        "app.post('/x', async (req, res) => { const t = PromptTemplate.fromTemplate(`Tell a joke about ${req.body.subject} in {style}`); });",
      ),
      output: null,
      errors: [
        {
          messageId,
          line: 2,
          column: 76,
          data: { source: 'req.body.subject', line: '2', via: '', slot: 'prompt template', api: 'langchain PromptTemplate.fromTemplate' },
        },
      ],
    },
    {
      name: 'MCP prompt arguments in a flat prompt of a settings wrapper',
      settings: { 'llm-security': { llmWrappers: [{ callee: 'complete', prompt: 0 }] } },
      code: lines(
        `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';`,
        `const server = new McpServer({ name: 's', version: '1' });`,
        "server.registerTool('define', { inputSchema: { word: z.string() } }, async ({ word }) => ({ content: [{ type: 'text', text: await complete(`Define ${word} for a child.`) }] }));",
      ),
      output: null,
      errors: [
        {
          messageId,
          line: 3,
          column: 140,
          data: { source: 'args.word', line: '3', via: '', slot: 'prompt', api: 'complete()' },
        },
      ],
    },
    {
      name: 'option autofix: false offers the rewrite as a suggestion',
      options: [{ autofix: false }],
      code: lines(`import { generateText } from 'ai';`, "app.post('/x', async (req, res) => { await generateText({ model, prompt: `Fix the grammar: ${req.body.text}` }); });"),
      output: null,
      errors: [
        {
          messageId,
          line: 2,
          column: 66,
          data: { source: 'req.body.text', line: '2', via: '', slot: 'prompt', api: 'ai generateText' },
          suggestions: [
            {
              messageId: 'separateRoles',
              output: lines(
                `import { generateText } from 'ai';`,
                "app.post('/x', async (req, res) => { await generateText({ model, system: `Fix the grammar:`, prompt: String(req.body.text) }); });",
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a prompt next to an existing system option is reported without a fix',
      code: lines(`import { generateText } from 'ai';`, "app.post('/x', async (req, res) => { await generateText({ model, system: 'Be kind.', prompt: `Reply to: ${req.body.text}` }); });"),
      output: null,
      errors: [
        {
          messageId,
          line: 2,
          column: 86,
          data: { source: 'req.body.text', line: '2', via: '', slot: 'prompt', api: 'ai generateText' },
        },
      ],
    },
    {
      name: 'openai chat with a lone user message mixing instructions and data (a system message goes before it)',
      code: lines(
        `const OpenAI = require('openai');`,
        `const openai = new OpenAI();`,
        `app.post('/letter', async (req, res) => {`,
        `  const completion = await openai.chat.completions.create({`,
        `    model: 'gpt-4o-mini',`,
        `    messages: [`,
        '      { role: \'user\', content: `Write a cover letter for this job description: ${req.body.job}` },',
        `    ],`,
        `  });`,
        `});`,
      ),
      output: lines(
        `const OpenAI = require('openai');`,
        `const openai = new OpenAI();`,
        `app.post('/letter', async (req, res) => {`,
        `  const completion = await openai.chat.completions.create({`,
        `    model: 'gpt-4o-mini',`,
        `    messages: [`,
        '      { role: \'system\', content: `Write a cover letter for this job description:` },',
        `      { role: 'user', content: String(req.body.job) },`,
        `    ],`,
        `  });`,
        `});`,
      ),
      errors: [
        {
          messageId,
          line: 7,
          column: 23,
          data: { source: 'req.body.job', line: '7', via: '', slot: 'only message', api: 'openai chat.completions.create' },
        },
      ],
    },
    {
      name: 'anthropic with no system option: the instructions become `system`',
      code: lines(
        `import Anthropic from '@anthropic-ai/sdk';`,
        `const anthropic = new Anthropic();`,
        "export default { async fetch(request) { const { text } = await request.json(); return Response.json(await anthropic.messages.create({ model: 'm', max_tokens: 300, messages: [{ role: 'user', content: `Extract the project name from: ${text}` }] })); } };",
      ),
      output: lines(
        `import Anthropic from '@anthropic-ai/sdk';`,
        `const anthropic = new Anthropic();`,
        "export default { async fetch(request) { const { text } = await request.json(); return Response.json(await anthropic.messages.create({ model: 'm', max_tokens: 300, system: `Extract the project name from:`, messages: [{ role: 'user', content: String(text) }] })); } };",
      ),
      errors: [
        {
          messageId,
          line: 3,
          column: 191,
          data: { source: 'request.json().text', line: '3', via: '', slot: 'only message', api: 'anthropic messages.create' },
        },
      ],
    },
    {
      name: 'Bedrock Converse lone user message (pages API): the instructions become a system block',
      filename: 'pages/api/classify.ts',
      code: lines(
        `import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';`,
        "export default async function handler(req, res) { res.json(await client.send(new ConverseCommand({ modelId: 'm', messages: [{ role: 'user', content: [{ text: `Classify the sentiment of: ${req.body.q}` }] }] }))); }",
      ),
      output: lines(
        `import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';`,
        "export default async function handler(req, res) { res.json(await client.send(new ConverseCommand({ modelId: 'm', system: [{ text: `Classify the sentiment of:` }], messages: [{ role: 'user', content: [{ text: String(req.body.q) }] }] }))); }",
      ),
      errors: [
        {
          messageId,
          line: 2,
          column: 153,
          data: { source: 'req.body.q', line: '2', via: '', slot: 'only message', api: 'bedrock ConverseCommand' },
        },
      ],
    },
    {
      name: 'cohere v1 message without a preamble (server action): the instructions become the preamble',
      code: lines(
        `'use server';`,
        `import { CohereClient } from 'cohere-ai';`,
        `const cohere = new CohereClient({});`,
        "export async function tag(text: string) { return cohere.chat({ model: 'command-r', message: `Suggest three tags for: ${text}` }); }",
      ),
      output: lines(
        `'use server';`,
        `import { CohereClient } from 'cohere-ai';`,
        `const cohere = new CohereClient({});`,
        "export async function tag(text: string) { return cohere.chat({ model: 'command-r', preamble: `Suggest three tags for:`, message: text }); }",
      ),
      errors: [
        {
          messageId,
          line: 4,
          column: 84,
          data: { source: 'text', line: '4', via: '', slot: 'message', api: 'cohere chat' },
        },
      ],
    },
    {
      name: 'mistral and groq lone user messages (NestJS query and param)',
      code: lines(
        `import { Controller, Get, Param, Query } from '@nestjs/common';`,
        `import { Mistral } from '@mistralai/mistralai';`,
        `import Groq from 'groq-sdk';`,
        `const mistral = new Mistral({}); const groq = new Groq();`,
        `@Controller() export class C {`,
        "  @Get(':id') a(@Query('q') q: string, @Param('id') id: string) { mistral.chat.complete({ model: 'm', messages: [{ role: 'user', content: 'Explain this error message: ' + q }] }); groq.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: `Describe the item with id ${id}` }] }); }",
        `}`,
      ),
      output: lines(
        `import { Controller, Get, Param, Query } from '@nestjs/common';`,
        `import { Mistral } from '@mistralai/mistralai';`,
        `import Groq from 'groq-sdk';`,
        `const mistral = new Mistral({}); const groq = new Groq();`,
        `@Controller() export class C {`,
        "  @Get(':id') a(@Query('q') q: string, @Param('id') id: string) { mistral.chat.complete({ model: 'm', messages: [{ role: 'system', content: 'Explain this error message: ' }, { role: 'user', content: q }] }); groq.chat.completions.create({ model: 'm', messages: [{ role: 'system', content: `Describe the item with id` }, { role: 'user', content: id }] }); }",
        `}`,
      ),
      errors: [
        {
          messageId,
          line: 6,
          column: 130,
          data: { source: 'q', line: '6', via: '', slot: 'only message', api: 'mistral chat.complete' },
        },
        {
          messageId,
          line: 6,
          column: 251,
          data: { source: 'id', line: '6', via: '', slot: 'only message', api: 'groq chat.completions.create' },
        },
      ],
    },
    {
      name: 'Responses API input string with no instructions (web fetch handler)',
      code: lines(
        `import OpenAI from 'openai';`,
        `const openai = new OpenAI();`,
        "Deno.serve(async (req) => Response.json(await openai.responses.create({ model: 'm', input: `Rewrite this text politely: ${await req.text()}` })));",
      ),
      output: lines(
        `import OpenAI from 'openai';`,
        `const openai = new OpenAI();`,
        "Deno.serve(async (req) => Response.json(await openai.responses.create({ model: 'm', instructions: `Rewrite this text politely:`, input: await req.text() })));",
      ),
      errors: [
        {
          messageId,
          line: 3,
          column: 85,
          data: { source: 'req.text()', line: '3', via: '', slot: 'input', api: 'openai responses.create' },
        },
      ],
    },
    {
      name: 'langchain invoke with a lone human tuple',
      code: lines(
        `import { ChatOllama } from '@langchain/ollama';`,
        `const model = new ChatOllama({ model: 'llama3' });`,
        "app.post('/x', async (req, res) => { res.json(await model.invoke([['human', `Fix the spelling: ${req.body.text}`]])); });",
      ),
      output: lines(
        `import { ChatOllama } from '@langchain/ollama';`,
        `const model = new ChatOllama({ model: 'llama3' });`,
        "app.post('/x', async (req, res) => { res.json(await model.invoke([['system', `Fix the spelling:`], ['human', String(req.body.text)]])); });",
      ),
      errors: [
        {
          messageId,
          line: 3,
          column: 77,
          data: { source: 'req.body.text', line: '3', via: '', slot: 'only message', api: 'langchain ChatOllama.invoke' },
        },
      ],
    },
    {
      name: 'Vercel ai messages with a lone user message and no system: the instructions become `system`',
      code: lines(
        `import { generateText } from 'ai';`,
        "app.post('/x', async (req, res) => { await generateText({ model, messages: [{ role: 'user', content: `Give a title to: ${req.body.post}` }] }); });",
      ),
      output: lines(
        `import { generateText } from 'ai';`,
        "app.post('/x', async (req, res) => { await generateText({ model, system: `Give a title to:`, messages: [{ role: 'user', content: String(req.body.post) }] }); });",
      ),
      errors: [
        {
          messageId,
          line: 2,
          column: 93,
          data: { source: 'req.body.post', line: '2', via: '', slot: 'only message', api: 'ai generateText' },
        },
      ],
    },
    {
      name: 'propagation: await and .then',
      code: lines(`import { generateText } from 'ai';`, 'function pick(b) { return b.topic; }', `app.post('/poem', async (req, res) => {`, '  const { topic } = await Promise.resolve(req.body).then((b) => b);', '  const prompt = `Write a haiku about ${topic}.`;', `  await generateText({ model, prompt });`, `});`),
      output: null,
      errors: [{ messageId, line: 6, column: 31, data: { source: 'req.body', line: '4', via: ' via b.topic -> prompt', slot: 'prompt', api: 'ai generateText' } }],
    },
    {
      name: 'propagation: a conditional',
      code: lines(`import { generateText } from 'ai';`, 'function pick(b) { return b.topic; }', `app.post('/poem', async (req, res) => {`, "  const topic = req.body.vip ? req.body.topic : 'cats';", '  const prompt = `Write a haiku about ${topic}.`;', `  await generateText({ model, prompt });`, `});`),
      output: null,
      errors: [{ messageId, line: 6, column: 31, data: { source: 'req.body.topic', line: '4', via: ' via topic -> prompt', slot: 'prompt', api: 'ai generateText' } }],
    },
    {
      name: 'propagation: || and ?? defaults',
      code: lines(`import { generateText } from 'ai';`, 'function pick(b) { return b.topic; }', `app.post('/poem', async (req, res) => {`, "  const topic = req.body.topic || req.query.topic || 'cats';", '  const prompt = `Write a haiku about ${topic}.`;', `  await generateText({ model, prompt });`, `});`),
      output: null,
      errors: [{ messageId, line: 6, column: 31, data: { source: 'req.body.topic', line: '4', via: ' via topic -> prompt', slot: 'prompt', api: 'ai generateText' } }],
    },
    {
      name: 'propagation: optional chaining',
      code: lines(`import { generateText } from 'ai';`, 'function pick(b) { return b.topic; }', `app.post('/poem', async (req, res) => {`, '  const topic = req.body?.post?.topic;', '  const prompt = `Write a haiku about ${topic}.`;', `  await generateText({ model, prompt });`, `});`),
      output: null,
      errors: [{ messageId, line: 6, column: 31, data: { source: 'req.body.post.topic', line: '4', via: ' via topic -> prompt', slot: 'prompt', api: 'ai generateText' } }],
    },
    {
      name: 'propagation: JSON.stringify',
      code: lines(`import { generateText } from 'ai';`, 'function pick(b) { return b.topic; }', `app.post('/poem', async (req, res) => {`, '  const topic = JSON.stringify(req.body.tags);', '  const prompt = `Write a haiku about ${topic}.`;', `  await generateText({ model, prompt });`, `});`),
      output: null,
      errors: [{ messageId, line: 6, column: 31, data: { source: 'req.body.tags', line: '4', via: ' via topic -> prompt', slot: 'prompt', api: 'ai generateText' } }],
    },
    {
      name: 'propagation: String()',
      code: lines(`import { generateText } from 'ai';`, 'function pick(b) { return b.topic; }', `app.post('/poem', async (req, res) => {`, '  const topic = String(req.query.topic);', '  const prompt = `Write a haiku about ${topic}.`;', `  await generateText({ model, prompt });`, `});`),
      output: null,
      errors: [{ messageId, line: 6, column: 31, data: { source: 'req.query.topic', line: '4', via: ' via topic -> prompt', slot: 'prompt', api: 'ai generateText' } }],
    },
    {
      name: 'propagation: join',
      code: lines(`import { generateText } from 'ai';`, 'function pick(b) { return b.topic; }', `app.post('/poem', async (req, res) => {`, "  const topic = [req.body.a, req.body.b].join(' and ');", '  const prompt = `Write a haiku about ${topic}.`;', `  await generateText({ model, prompt });`, `});`),
      output: null,
      errors: [{ messageId, line: 6, column: 31, data: { source: 'req.body.a', line: '4', via: ' via topic -> prompt', slot: 'prompt', api: 'ai generateText' } }],
    },
    {
      name: 'propagation: replace',
      code: lines(`import { generateText } from 'ai';`, 'function pick(b) { return b.topic; }', `app.post('/poem', async (req, res) => {`, "  const topic = req.body.topic.replace(/\\s+/g, ' ');", '  const prompt = `Write a haiku about ${topic}.`;', `  await generateText({ model, prompt });`, `});`),
      output: null,
      errors: [{ messageId, line: 6, column: 31, data: { source: 'req.body.topic', line: '4', via: ' via topic -> prompt', slot: 'prompt', api: 'ai generateText' } }],
    },
    {
      name: 'propagation: concat',
      code: lines(`import { generateText } from 'ai';`, 'function pick(b) { return b.topic; }', `app.post('/poem', async (req, res) => {`, "  const topic = 'the '.concat(req.body.topic);", '  const prompt = `Write a haiku about ${topic}.`;', `  await generateText({ model, prompt });`, `});`),
      output: null,
      errors: [{ messageId, line: 6, column: 31, data: { source: 'req.body.topic', line: '4', via: ' via topic -> prompt', slot: 'prompt', api: 'ai generateText' } }],
    },
    {
      name: 'propagation: string methods',
      code: lines(`import { generateText } from 'ai';`, 'function pick(b) { return b.topic; }', `app.post('/poem', async (req, res) => {`, '  const topic = req.body.topic.trim().toLowerCase();', '  const prompt = `Write a haiku about ${topic}.`;', `  await generateText({ model, prompt });`, `});`),
      output: null,
      errors: [{ messageId, line: 6, column: 31, data: { source: 'req.body.topic', line: '4', via: ' via topic -> prompt', slot: 'prompt', api: 'ai generateText' } }],
    },
    {
      name: 'propagation: spread into an object',
      code: lines(`import { generateText } from 'ai';`, 'function pick(b) { return b.topic; }', `app.post('/poem', async (req, res) => {`, '  const post = { ...req.body.post }; const topic = post.topic;', '  const prompt = `Write a haiku about ${topic}.`;', `  await generateText({ model, prompt });`, `});`),
      output: null,
      errors: [{ messageId, line: 6, column: 31, data: { source: 'req.body.post', line: '4', via: ' via post.topic -> topic -> prompt', slot: 'prompt', api: 'ai generateText' } }],
    },
    {
      name: 'propagation: rest destructuring',
      code: lines(`import { generateText } from 'ai';`, 'function pick(b) { return b.topic; }', `app.post('/poem', async (req, res) => {`, '  const { id, ...rest } = req.body; const topic = rest.topic;', '  const prompt = `Write a haiku about ${topic}.`;', `  await generateText({ model, prompt });`, `});`),
      output: null,
      errors: [{ messageId, line: 6, column: 31, data: { source: 'req.body', line: '4', via: ' via rest.topic -> topic -> prompt', slot: 'prompt', api: 'ai generateText' } }],
    },
    {
      name: 'propagation: destructuring default',
      code: lines(`import { generateText } from 'ai';`, 'function pick(b) { return b.topic; }', `app.post('/poem', async (req, res) => {`, "  const { topic = 'cats' } = req.body;", '  const prompt = `Write a haiku about ${topic}.`;', `  await generateText({ model, prompt });`, `});`),
      output: null,
      errors: [{ messageId, line: 6, column: 31, data: { source: 'req.body.topic', line: '4', via: ' via prompt', slot: 'prompt', api: 'ai generateText' } }],
    },
    {
      name: 'propagation: array callback',
      code: lines(`import { generateText } from 'ai';`, 'function pick(b) { return b.topic; }', `app.post('/poem', async (req, res) => {`, "  const topic = req.body.tags.map((t) => t.label).join(', ');", '  const prompt = `Write a haiku about ${topic}.`;', `  await generateText({ model, prompt });`, `});`),
      output: null,
      errors: [{ messageId, line: 6, column: 31, data: { source: 'req.body.tags', line: '4', via: ' via t.label -> topic -> prompt', slot: 'prompt', api: 'ai generateText' } }],
    },
    {
      name: 'propagation: +=',
      code: lines(`import { generateText } from 'ai';`, 'function pick(b) { return b.topic; }', `app.post('/poem', async (req, res) => {`, "  let topic = 'the '; topic += req.body.topic;", '  const prompt = `Write a haiku about ${topic}.`;', `  await generateText({ model, prompt });`, `});`),
      output: null,
      errors: [{ messageId, line: 6, column: 31, data: { source: 'req.body.topic', line: '4', via: ' via topic -> prompt', slot: 'prompt', api: 'ai generateText' } }],
    },
    {
      name: 'propagation: a same-file helper',
      code: lines(`import { generateText } from 'ai';`, 'function pick(b) { return b.topic; }', `app.post('/poem', async (req, res) => {`, '  const topic = pick(req.body);', '  const prompt = `Write a haiku about ${topic}.`;', `  await generateText({ model, prompt });`, `});`),
      output: null,
      errors: [{ messageId, line: 6, column: 31, data: { source: 'req.body.topic', line: '4', via: ' via pick() -> topic -> prompt', slot: 'prompt', api: 'ai generateText' } }],
    },
    {
      name: 'a prompt assembled over several statements (let and +=)',
      code: lines(
        `import { generateText } from 'ai';`,
        `app.post('/x', async (req, res) => {`,
        `  let prompt = 'You are a careful editor. ';`,
        `  prompt += 'Fix the grammar of: ';`,
        `  prompt += req.body.text;`,
        `  await generateText({ model, prompt });`,
        `});`,
      ),
      output: null,
      errors: [{ messageId, line: 6, column: 31, data: { source: 'req.body.text', line: '5', via: ' via prompt', slot: 'prompt', api: 'ai generateText' } }],
    },
    {
      name: 'a flat prompt in options with a spread: reported without a fix',
      code: lines(`import { generateText } from 'ai';`, "app.post('/x', async (req, res) => { await generateText({ ...defaults, prompt: `Summarize this: ${req.body.t}` }); });"),
      output: null,
      errors: [{ messageId, line: 2, column: 72, data: { source: 'req.body.t', line: '2', via: '', slot: 'prompt', api: 'ai generateText' } }],
    },
  ],
});
