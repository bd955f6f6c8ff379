import rule from '../../rules/no-client-controlled-roles.js';
import { lines, ruleTester } from './tester.js';

const messageId = 'clientControlledRoles' as const;
const keep = 'keepUserRoles' as const;
const FILTER = ".filter((message) => message.role === 'user' || message.role === 'assistant')";
const openai = [`import express from 'express';`, `import OpenAI from 'openai';`, `const app = express(); const openai = new OpenAI();`];
const reactAgent = [`import express from 'express'; import { createReactAgent } from '@langchain/langgraph/prebuilt';`, `const app = express(); const agent = createReactAgent({ llm, tools: [], prompt: 'Answer about our stores.' });`];
const SYSTEM = `const SYSTEM = 'You are Acme support. Never offer refunds.';`;
const nextChat = [`import { streamText, convertToModelMessages } from 'ai';`, `import { openai } from '@ai-sdk/openai';`];

ruleTester().run('no-client-controlled-roles', rule, {
  valid: [
    {
      name: 'LangGraph agent: the request data in a user message the server writes',
      code: lines(...reactAgent, `app.post('/b', async (req, res) => { const result = await agent.invoke({ messages: [{ role: 'user', content: req.body.q }] }); res.json({ answer: result.messages.at(-1).content }); });`),
    },
    {
      name: 'the request text only as the content of a user message the server writes',
      code: lines(
        ...openai,
        SYSTEM,
        `app.post('/chat', async (req, res) => {`,
        `  await openai.chat.completions.create({ model: 'm', messages: [{ role: 'system', content: SYSTEM }, { role: 'user', content: req.body.q }] });`,
        `});`,
      ),
    },
    {
      name: 'the client list filtered on its roles',
      code: lines(
        ...openai,
        `app.post('/chat', async (req, res) => {`,
        `  await openai.chat.completions.create({ model: 'm', messages: req.body.messages.filter((m) => m.role !== 'system') });`,
        `});`,
      ),
    },
    {
      name: 'the client list mapped to roles the server writes',
      code: lines(
        ...openai,
        `app.post('/chat', async (req, res) => {`,
        `  const history = req.body.messages.map((m) => ({ role: m.role === 'assistant' ? 'assistant' : 'user', content: String(m.content) }));`,
        `  await openai.chat.completions.create({ model: 'm', messages: history });`,
        `});`,
      ),
    },
    {
      name: 'a schema that allows only user and assistant roles',
      code: lines(
        `import { z } from 'zod';`,
        ...nextChat,
        `const Chat = z.object({ messages: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.string() })) });`,
        `export async function POST(req: Request) {`,
        `  const { messages } = Chat.parse(await req.json());`,
        `  return streamText({ model: openai('gpt-4o'), system: 'Be brief.', messages }).toTextStreamResponse();`,
        `}`,
      ),
      filename: 'app/api/chat/route.ts',
    },
    {
      name: "the client's history filtered where it is spread into the server's list",
      code: lines(
        ...openai,
        SYSTEM,
        `app.post('/chat', async (req, res) => {`,
        `  const messages = [{ role: 'system', content: SYSTEM }, ...req.body.history.filter((m) => m.role === 'user' || m.role === 'assistant')];`,
        `  messages.push({ role: 'user', content: req.body.q });`,
        `  await openai.chat.completions.create({ model: 'm', messages });`,
        `});`,
      ),
    },
    {
      name: 'history loaded from the server store by the id the client sends',
      code: lines(
        ...openai,
        `declare const db: { history(id: string): Promise<{ role: 'user' | 'assistant'; content: string }[]> };`,
        `app.post('/chat/:id', async (req, res) => {`,
        `  const history = await db.history(req.params.id);`,
        `  await openai.chat.completions.create({ model: 'm', messages: [...history, { role: 'user', content: req.body.q }] });`,
        `});`,
      ),
    },
    {
      name: 'a helper that takes the question and writes the messages itself',
      code: lines(
        ...openai,
        SYSTEM,
        `function ask(messages) { return openai.chat.completions.create({ model: 'm', messages }); }`,
        `app.post('/chat', async (req, res) => { await ask([{ role: 'system', content: SYSTEM }, { role: 'user', content: req.body.q }]); });`,
      ),
    },
    {
      name: 'a helper that filters the roles of the list it is given',
      code: lines(
        ...openai,
        `function ask(messages) { return openai.chat.completions.create({ model: 'm', messages: messages.filter(({ role }) => role === 'user' || role === 'assistant') }); }`,
        `app.post('/chat', async (req, res) => { await ask(req.body.messages); });`,
      ),
    },
    {
      name: 'langchain tuples with the request text as the human turn',
      code: lines(
        `import { ChatOpenAI } from '@langchain/openai';`,
        `import express from 'express';`,
        `const app = express(); const model = new ChatOpenAI();`,
        `app.post('/q', async (req, res) => { await model.invoke([['system', 'Be brief.'], ['human', req.body.q]]); });`,
      ),
    },
  ],
  invalid: [
    {
      name: "LangGraph agent: the client's list as the agent's messages",
      code: lines(...reactAgent, `app.post('/a', async (req, res) => { const result = await agent.invoke({ messages: req.body.messages }); res.json({ answer: result.messages.at(-1).content }); });`),
      errors: [{ messageId, line: 3, column: 74, suggestions: [] }],
    },
    {
      name: "the client's list as the messages",
      code: lines(...openai, `app.post('/chat', async (req, res) => {`, `  await openai.chat.completions.create({ model: 'm', messages: req.body.messages });`, `});`),
      errors: [
        {
          messageId,
          line: 5,
          column: 54,
          endColumn: 81,
          suggestions: [
            {
              messageId: keep,
              output: lines(...openai, `app.post('/chat', async (req, res) => {`, `  await openai.chat.completions.create({ model: 'm', messages: req.body.messages${FILTER} });`, `});`),
            },
          ],
        },
      ],
    },
    {
      name: 'the list a route handler reads from the body, converted for the model (shorthand property)',
      code: lines(
        ...nextChat,
        `export async function POST(req: Request) {`,
        `  const { messages } = await req.json();`,
        `  const modelMessages = convertToModelMessages(messages);`,
        `  return streamText({ model: openai('gpt-4o'), system: 'Be brief.', messages: modelMessages }).toTextStreamResponse();`,
        `}`,
      ),
      filename: 'app/api/chat/route.ts',
      errors: [
        {
          messageId,
          line: 6,
          suggestions: [
            {
              messageId: keep,
              output: lines(
                ...nextChat,
                `export async function POST(req: Request) {`,
                `  const { messages } = await req.json();`,
                `  const modelMessages = convertToModelMessages(messages);`,
                `  return streamText({ model: openai('gpt-4o'), system: 'Be brief.', messages: modelMessages${FILTER} }).toTextStreamResponse();`,
                `}`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a shorthand property',
      code: lines(...nextChat, `export async function POST(req: Request) {`, `  const { messages } = await req.json();`, `  return streamText({ model: openai('gpt-4o'), messages }).toTextStreamResponse();`, `}`),
      filename: 'app/api/chat/route.ts',
      errors: [
        {
          messageId,
          line: 5,
          suggestions: [
            {
              messageId: keep,
              output: lines(
                ...nextChat,
                `export async function POST(req: Request) {`,
                `  const { messages } = await req.json();`,
                `  return streamText({ model: openai('gpt-4o'), messages: messages${FILTER} }).toTextStreamResponse();`,
                `}`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: "the client's history spread after the server's system message: only the spread is filtered",
      code: lines(
        ...openai,
        SYSTEM,
        `app.post('/chat', async (req, res) => {`,
        `  await openai.chat.completions.create({ model: 'm', messages: [{ role: 'system', content: SYSTEM }, ...req.body.history] });`,
        `});`,
      ),
      errors: [
        {
          messageId,
          suggestions: [
            {
              messageId: keep,
              output: lines(
                ...openai,
                SYSTEM,
                `app.post('/chat', async (req, res) => {`,
                `  await openai.chat.completions.create({ model: 'm', messages: [{ role: 'system', content: SYSTEM }, ...req.body.history${FILTER}] });`,
                `});`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: "the client's history pushed unfiltered onto the server's list",
      code: lines(
        ...openai,
        SYSTEM,
        `app.post('/chat', async (req, res) => {`,
        `  const messages = [{ role: 'system', content: SYSTEM }];`,
        `  messages.push(...req.body.history);`,
        `  await openai.chat.completions.create({ model: 'm', messages });`,
        `});`,
      ),
      errors: [{ messageId, line: 8, suggestions: [{ messageId: keep, output: lines(...openai, SYSTEM, `app.post('/chat', async (req, res) => {`, `  const messages = [{ role: 'system', content: SYSTEM }];`, `  messages.push(...req.body.history);`, `  await openai.chat.completions.create({ model: 'm', messages: messages${FILTER} });`, `});`) }] }],
    },
    {
      name: 'a message whose role the client sends (no suggestion: the role itself must be fixed)',
      code: lines(...openai, `app.post('/chat', async (req, res) => {`, `  await openai.chat.completions.create({ model: 'm', messages: [{ role: req.body.role, content: req.body.text }] });`, `});`),
      errors: [{ messageId, suggestions: [] }],
    },
    {
      name: 'a filter that does not test the role',
      code: lines(...openai, `app.post('/chat', async (req, res) => {`, `  await openai.chat.completions.create({ model: 'm', messages: req.body.messages.filter((m) => m.content.length > 0) });`, `});`),
      errors: [
        {
          messageId,
          suggestions: [
            {
              messageId: keep,
              output: lines(
                ...openai,
                `app.post('/chat', async (req, res) => {`,
                `  await openai.chat.completions.create({ model: 'm', messages: req.body.messages.filter((m) => m.content.length > 0)${FILTER} });`,
                `});`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a map that keeps the role the client sent',
      code: lines(
        ...openai,
        `app.post('/chat', async (req, res) => {`,
        `  await openai.chat.completions.create({ model: 'm', messages: req.body.messages.map((m) => ({ role: m.role, content: m.content })) });`,
        `});`,
      ),
      errors: [{ messageId, suggestions: 1 as never }].map(() => ({
        messageId,
        suggestions: [
          {
            messageId: keep,
            output: lines(
              ...openai,
              `app.post('/chat', async (req, res) => {`,
              `  await openai.chat.completions.create({ model: 'm', messages: req.body.messages.map((m) => ({ role: m.role, content: m.content }))${FILTER} });`,
              `});`,
            ),
          },
        ],
      })),
    },
    {
      name: 'a schema whose role is any string',
      code: lines(
        `import { z } from 'zod';`,
        ...nextChat,
        `const Chat = z.object({ messages: z.array(z.object({ role: z.string(), content: z.string() })) });`,
        `export async function POST(req: Request) {`,
        `  const { messages } = Chat.parse(await req.json());`,
        `  return streamText({ model: openai('gpt-4o'), messages: messages }).toTextStreamResponse();`,
        `}`,
      ),
      filename: 'app/api/chat/route.ts',
      errors: [
        {
          messageId,
          line: 7,
          suggestions: [
            {
              messageId: keep,
              output: lines(
                `import { z } from 'zod';`,
                ...nextChat,
                `const Chat = z.object({ messages: z.array(z.object({ role: z.string(), content: z.string() })) });`,
                `export async function POST(req: Request) {`,
                `  const { messages } = Chat.parse(await req.json());`,
                `  return streamText({ model: openai('gpt-4o'), messages: messages${FILTER} }).toTextStreamResponse();`,
                `}`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: "a helper given the client's list, reported at the call (the helper is a suggestion-free site)",
      code: lines(
        ...openai,
        `function ask(messages) { return openai.chat.completions.create({ model: 'm', messages }); }`,
        `app.post('/chat', async (req, res) => { await ask(req.body.messages); });`,
      ),
      errors: [{ messageId, line: 5, suggestions: [] }],
    },
    {
      name: 'anthropic messages from the request',
      code: lines(
        `import Anthropic from '@anthropic-ai/sdk'; import Fastify from 'fastify';`,
        `const anthropic = new Anthropic(); const app = Fastify();`,
        `app.post('/c', async (request) => anthropic.messages.create({ model: 'm', max_tokens: 100, system: 'Be brief.', messages: request.body.messages }));`,
      ),
      errors: [{ messageId, line: 3, suggestions: [{ messageId: keep, output: lines(`import Anthropic from '@anthropic-ai/sdk'; import Fastify from 'fastify';`, `const anthropic = new Anthropic(); const app = Fastify();`, `app.post('/c', async (request) => anthropic.messages.create({ model: 'm', max_tokens: 100, system: 'Be brief.', messages: request.body.messages${FILTER} }));`) }] }],
    },
    {
      name: 'langchain: the client history spread after a system message (no suggestion: langchain messages carry no role field)',
      code: lines(
        `import { ChatOpenAI } from '@langchain/openai';`,
        `import express from 'express';`,
        `const app = express(); const model = new ChatOpenAI();`,
        `app.post('/q', async (req, res) => { await model.invoke([['system', 'Be brief.'], ...req.body.history]); });`,
      ),
      errors: [{ messageId, line: 4, suggestions: [] }],
    },
  ],
});
