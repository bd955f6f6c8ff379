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
      name: 'constraints written in other shapes: a named filter, a function declaration for map, returns in branches, a let filtered in place, a guard that rejects system turns, one message chosen by its role',
      code: lines(
        ...openai,
        SYSTEM,
        `const isChatTurn = (m: { role: string }) => m.role === 'user' || m.role === 'assistant';`,
        `function toMessage(m: { role: string; content: string }) { return { role: m.role === 'assistant' ? 'assistant' : 'user', content: m.content }; }`,
        `function byRole(m: { role: string; content: string }) { switch (m.role) { case 'assistant': return { role: 'assistant', content: m.content }; default: return { role: 'user', content: m.content }; } }`,
        `app.post('/a', async (req, res) => { await openai.chat.completions.create({ model: 'm', messages: req.body.messages.filter(isChatTurn) }); });`,
        `app.post('/b', async (req, res) => { await openai.chat.completions.create({ model: 'm', messages: req.body.messages.map(toMessage) }); });`,
        `app.post('/c', async (req, res) => { await openai.chat.completions.create({ model: 'm', messages: req.body.messages.map(byRole) }); });`,
        `app.post('/d', async (req, res) => { let messages = req.body.messages; messages = messages.filter((m) => m.role !== 'system'); await openai.chat.completions.create({ model: 'm', messages }); });`,
        `app.post('/e', async (req, res) => { const { messages } = req.body; if (messages.some((m) => m.role === 'system')) return res.status(400).end(); await openai.chat.completions.create({ model: 'm', messages }); });`,
        `app.post('/f', async (req, res) => { const last = req.body.messages.findLast((m) => m.role === 'user'); await openai.chat.completions.create({ model: 'm', messages: [{ role: 'system', content: SYSTEM }, last] }); });`,
      ),
    },
    {
      name: 'lists the server writes, copied, sliced, concatenated, made with Array.of, or kept in a class field',
      code: lines(
        ...openai,
        SYSTEM,
        `app.post('/a', async (req, res) => { const msgs = [{ role: 'system', content: SYSTEM }, { role: 'user', content: req.body.q }]; await openai.chat.completions.create({ model: 'm', messages: [...msgs].slice(-10) }); });`,
        `app.post('/b', async (req, res) => { const history = [{ role: 'system', content: SYSTEM }]; await openai.chat.completions.create({ model: 'm', messages: history.concat({ role: 'user', content: req.body.q }) }); });`,
        `app.post('/c', async (req, res) => { await openai.chat.completions.create({ model: 'm', messages: Array.of({ role: 'user', content: req.body.q }) }); });`,
        `app.post('/d', async (req, res) => { const msgs = [{ role: 'user', content: req.body.q }]; await openai.chat.completions.create({ model: 'm', messages: msgs.map((m) => ({ ...m })) }); });`,
        `class Chat { history = [{ role: 'system', content: SYSTEM }]; async say(text: string) { this.history.push({ role: 'user', content: text }); return openai.chat.completions.create({ model: 'm', messages: this.history }); } }`,
        `const chat = new Chat();`,
        `app.post('/e', async (req, res) => { await chat.say(req.body.q); });`,
      ),
      },
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
      name: 'a helper that writes its parameter again filtered on its roles (messages = messages?.filter(…)) before composing the list',
      code: lines(
        ...openai,
        `function compose(messages, question) { return [...messages, { role: 'user', content: question }]; }`,
        `async function run(question, messages) { messages = messages?.filter((m) => m.role !== 'system' && m.role !== 'developer'); return openai.chat.completions.create({ model: 'm', messages: compose(messages, question) }); }`,
        `app.post('/chat', async (req, res) => { res.json(await run(req.body.q, req.body.messages)); });`,
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
    (() => {
      const head = [...openai, `function same(m: { role: string; content: string }) { return { role: m.role, content: m.content }; }`];
      const a = `app.post('/a', async (req, res) => { const { messages } = req.body; if (messages.some((m) => m.role === 'system')) console.warn('system turn'); await openai.chat.completions.create({ model: 'm', messages }); });`;
      const b = `app.post('/b', async (req, res) => { let messages = []; messages = req.body.messages; await openai.chat.completions.create({ model: 'm', messages }); });`;
      const c = `app.post('/c', async (req, res) => { await openai.chat.completions.create({ model: 'm', messages: req.body.messages.map(same) }); });`;
      const code = lines(...head, a, b, c);
      const fixed = (line: string, from: string, to: string) => code.replace(line, line.replace(from, to));
      return {
        name: 'near misses of the constraints: a guard that does not leave, a let written again with the list unfiltered, a named map that keeps the role',
        code,
        errors: [
          { messageId, line: 5, suggestions: [{ messageId: keep, output: fixed(a, `model: 'm', messages }`, `model: 'm', messages: messages${FILTER} }`) }] },
          { messageId, line: 6, suggestions: [{ messageId: keep, output: fixed(b, `model: 'm', messages }`, `model: 'm', messages: messages${FILTER} }`) }] },
          { messageId, line: 7, suggestions: [{ messageId: keep, output: fixed(c, `map(same)`, `map(same)${FILTER}`) }] },
        ],
      };
    })(),
    {
      name: 'a helper that writes its parameter again filtered on something else than the role; the question inside a user message is no role choice',
      code: lines(
        ...openai,
        `function compose(messages, question) { return [...messages, { role: 'user', content: question }]; }`,
        `async function run(question, messages) { messages = messages?.filter((m) => m.content !== ''); return openai.chat.completions.create({ model: 'm', messages: compose(messages, question) }); }`,
        `app.post('/chat', async (req, res) => { res.json(await run(req.body.q, req.body.messages)); });`,
      ),
      errors: [{ messageId, line: 6, data: { api: 'openai chat.completions.create', source: 'req.body.messages', line: '6', via: ' via run()' }, suggestions: [] }],
    },
    {
      name: 'a class that keeps the client list in a field',
      code: lines(
        ...openai,
        `class Chat { history: unknown[] = []; async say(messages: unknown[]) { this.history.push(...messages); return openai.chat.completions.create({ model: 'm', messages: this.history }); } }`,
        `const chat = new Chat();`,
        `app.post('/e', async (req, res) => { await chat.say(req.body.messages); });`,
      ),
      errors: [
        {
          messageId,
          line: 4,
          suggestions: [
            {
              messageId: keep,
              output: lines(
                ...openai,
                `class Chat { history: unknown[] = []; async say(messages: unknown[]) { this.history.push(...messages); return openai.chat.completions.create({ model: 'm', messages: this.history${FILTER} }); } }`,
                `const chat = new Chat();`,
                `app.post('/e', async (req, res) => { await chat.say(req.body.messages); });`,
              ),
            },
          ],
        },
      ],
    },
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
      // No suggestion: filtering the whole list would drop the server's own system message.
      errors: [{ messageId, line: 8, suggestions: [] }],
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
