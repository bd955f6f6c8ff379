import rule from '../../rules/no-secrets-in-prompt.js';
import { lines, ruleTester } from './tester.js';

const messageId = 'secretInPrompt' as const;

/**
 * The error for a report that covers exactly the first occurrence of `text` in `code`; `line`
 * is the line the secret is read (or written) on, found as the first occurrence of `from`.
 */
function at(code: string, text: string, data: { secret: string; slot: string; api: string; via?: string }, from: string) {
  const offset = code.indexOf(text);
  if (offset < 0) throw new Error(`'${text}' is not in the case`);
  const before = code.slice(0, offset).split('\n');
  const end = code.slice(0, offset + text.length).split('\n');
  const fromOffset = code.indexOf(from);
  if (fromOffset < 0) throw new Error(`'${from}' is not in the case`);
  return {
    messageId,
    line: before.length,
    column: before.at(-1)!.length + 1,
    endLine: end.length,
    endColumn: end.at(-1)!.length + 1,
    data: { via: '', ...data, line: String(code.slice(0, fromOffset).split('\n').length) },
  };
}

const express = [`import express from 'express';`, `const app = express();`];
const openai = [...express, `import OpenAI from 'openai';`, `const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });`];
const anthropic = [...express, `import Anthropic from '@anthropic-ai/sdk';`, `const anthropic = new Anthropic();`];
const vercel = [`import { generateText } from 'ai';`, `import { openai } from '@ai-sdk/openai';`];
const langchain = [`import { ChatOpenAI } from '@langchain/openai';`, `import { SystemMessage, HumanMessage } from '@langchain/core/messages';`, `const model = new ChatOpenAI({ model: 'gpt-4o-mini' });`];
const route = (head: string[], ...body: string[]) => lines(...head, `app.post('/ask', async (req, res) => {`, ...body.map((l) => `  ${l}`), `  res.end();`, `});`);

// Cases one step apart: each invalid case below has its twin among the valid ones.
const openaiSystem = route(
  openai,
  `const system = \`You are the billing bot. Use the Stripe key \${process.env.STRIPE_SECRET_KEY} for lookups.\`;`,
  `await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: system }, { role: 'user', content: req.body.q }] });`,
);
const openaiSystemTwin = route(
  openai,
  `const system = \`You are the billing bot. You run on \${process.env.OPENAI_MODEL} in \${process.env.NODE_ENV}.\`;`,
  `await openai.chat.completions.create({ model: process.env.OPENAI_MODEL ?? 'gpt-4o-mini', messages: [{ role: 'system', content: system }, { role: 'user', content: req.body.q }] });`,
);

const anthropicSystem = route(anthropic, `await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 512, system: 'DB password: ' + process.env.DB_PASSWORD, messages: [{ role: 'user', content: req.body.q }] });`);
const anthropicSystemTwin = route(
  anthropic,
  `const configured = !!process.env.DB_PASSWORD;`,
  `await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 512, system: \`The database is \${configured ? 'up' : 'not configured'}.\`, messages: [{ role: 'user', content: req.body.q }] });`,
);

const vercelPrompt = lines(
  ...vercel,
  `export async function POST(req: Request) {`,
  `  const { q } = await req.json();`,
  `  const { OPENAI_API_KEY } = process.env;`,
  `  const { text } = await generateText({ model: openai('gpt-4o'), system: 'Answer briefly.', prompt: \`Call the API with key \${OPENAI_API_KEY}. Question: \${q}\` });`,
  `  return Response.json({ text });`,
  `}`,
);
const vercelPromptTwin = lines(
  ...vercel,
  `export async function POST(req: Request) {`,
  `  const { q } = await req.json();`,
  `  const { OPENAI_API_KEY } = process.env;`,
  `  const { text } = await generateText({ model: openai('gpt-4o'), system: 'Answer briefly.', prompt: \`The key has \${OPENAI_API_KEY.length} characters. Question: \${q}\` });`,
  `  return Response.json({ text });`,
  `}`,
);

const langchainSystem = lines(
  ...langchain,
  `const config = { apiKey: process.env.INTERNAL_API_KEY, baseUrl: 'https://api.example.com' };`,
  `export async function answer(q: string) {`,
  `  return model.invoke([new SystemMessage(\`Call \${config.baseUrl} with the header X-Key: \${config.apiKey}\`), new HumanMessage(q)]);`,
  `}`,
);
const langchainSystemTwin = lines(
  ...langchain,
  `const config = { apiKey: process.env.INTERNAL_API_KEY, baseUrl: 'https://api.example.com' };`,
  `export async function answer(q: string) {`,
  `  return model.invoke([new SystemMessage(\`Call \${config.baseUrl}; the server adds the key.\`), new HumanMessage(q)]);`,
  `}`,
);

const helperSecret = lines(
  ...openai,
  `async function ask(instructions: string, question: string) {`,
  `  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: instructions }, { role: 'user', content: question }] });`,
  `}`,
  `app.post('/ask', async (req, res) => {`,
  `  const answer = await ask(\`Sign requests with \${process.env.WEBHOOK_SECRET}.\`, req.body.q);`,
  `  res.json({ text: answer.choices[0].message.content });`,
  `});`,
);
const helperSecretTwin = lines(
  ...openai,
  `async function ask(instructions: string, question: string) {`,
  `  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: instructions }, { role: 'user', content: question }] });`,
  `}`,
  `app.post('/ask', async (req, res) => {`,
  `  const answer = await ask(\`Requests are signed by the server (\${process.env.WEBHOOK_SECRET ? 'on' : 'off'}).\`, req.body.q);`,
  `  res.json({ text: answer.choices[0].message.content });`,
  `});`,
);

const literalConnection = lines(
  ...openai,
  `const DB = 'postgres://app:s3cr3t-Pw@db.internal:5432/shop';`,
  `app.post('/sql', async (req, res) => {`,
  `  await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: \`Write SQL for the database at \${DB}.\` }, { role: 'user', content: req.body.q }] });`,
  `  res.end();`,
  `});`,
);
const literalConnectionTwin = lines(
  ...openai,
  `const DOCS = 'https://docs.example.com/schema';`,
  `app.post('/sql', async (req, res) => {`,
  `  await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: \`Write SQL for the schema at \${DOCS}.\` }, { role: 'user', content: req.body.q }] });`,
  `  res.end();`,
  `});`,
);

const openaiSlot = { slot: 'system message', api: 'openai chat.completions.create' };

const userDatabaseUrl = route(openai, `await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: \`Why does \${process.env.DATABASE_URL} refuse connections? \${req.body.q}\` }] });`);
const userDatabaseUrlTwin = route(openai, `await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: \`Why does \${process.env.API_URL} refuse connections? \${req.body.q}\` }] });`);

const assistantToken = route(
  openai,
  `const { GITHUB_TOKEN } = process.env;`,
  `await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Which token do you use?' }, { role: 'assistant', content: 'I use ' + GITHUB_TOKEN.trim() }, { role: 'user', content: req.body.q }] });`,
);
const assistantTokenTwin = route(
  openai,
  `const { GITHUB_TOKEN } = process.env;`,
  `await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Which token do you use?' }, { role: 'assistant', content: 'I use ' + (Boolean(GITHUB_TOKEN) ? 'a GitHub token' : 'none') }, { role: 'user', content: req.body.q }] });`,
);

const providerKeyLiteral = route(openai, `await openai.responses.create({ model: 'gpt-4.1', instructions: 'Use the key sk-proj-4fJ9aQ2LmX8pR7tZ0vB3nC6d when calling tools.', input: req.body.q });`);
const providerKeyLiteralTwin = route(openai, `await openai.responses.create({ model: 'gpt-4.1', instructions: 'The server calls tools with its own key.', input: req.body.q });`);

ruleTester().run('no-secrets-in-prompt', rule, {
  valid: [
    { name: 'openai: the model name and NODE_ENV in the system message', code: openaiSystemTwin },
    { name: 'anthropic: only whether the password is set', code: anthropicSystemTwin },
    { name: 'ai generateText: the length of the key', code: vercelPromptTwin },
    { name: 'langchain: a public base URL from the same config object', code: langchainSystemTwin },
    { name: 'a helper given a flag of whether the secret is set', code: helperSecretTwin },
    { name: 'a public https URL literal', code: literalConnectionTwin },
    {
      name: "the key used only as the client's apiKey",
      code: route(openai, `await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: req.body.q }] });`),
    },
    {
      name: 'a masked prefix of the key',
      code: route(openai, `await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: \`Key in use: \${process.env.OPENAI_API_KEY.slice(0, 4)}…\` }] });`),
    },
    {
      name: 'a public env value: region, port, base URL',
      code: route(
        openai,
        `await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: \`Region \${process.env.AWS_REGION}, port \${process.env.PORT}, API at \${process.env.OPENAI_BASE_URL}.\` }] });`,
      ),
    },
    {
      name: 'the password the client itself sends',
      code: route(openai, `await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: \`Rate the strength of \${req.body.password}\` }] });`),
    },
    {
      name: 'a connection string literal with no password',
      code: route(openai, `await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: 'Tables live in postgres://db.internal:5432/shop.' }] });`),
    },
    {
      name: 'a placeholder connection string in an example',
      code: route(openai, `await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: 'Explain URLs such as postgres://user:your-password@host/db.' }] });`),
    },
    {
      name: 'a secret used by the server, not written into the prompt',
      code: route(
        openai,
        `const rows = await fetch('https://api.stripe.com/v1/charges', { headers: { Authorization: \`Bearer \${process.env.STRIPE_SECRET_KEY}\` } }).then((r) => r.json());`,
        `await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: 'Summarize the charges.' }, { role: 'user', content: JSON.stringify(rows.data.length) }] });`,
      ),
    },
    { name: 'openai user message: a public API URL env var', code: userDatabaseUrlTwin },
    { name: 'openai assistant turn: whether a token is set', code: assistantTokenTwin },
    { name: 'openai responses instructions: no key in the text', code: providerKeyLiteralTwin },
  ],
  invalid: [
    {
      name: 'openai: a Stripe key env var in the system message, through a variable',
      code: openaiSystem,
      errors: [at(openaiSystem, 'content: system', { ...openaiSlot, secret: "The secret 'process.env.STRIPE_SECRET_KEY'", via: ' via system' }, 'process.env.STRIPE_SECRET_KEY')],
    },
    {
      name: 'anthropic: a database password in system',
      code: anthropicSystem,
      errors: [at(anthropicSystem, "system: 'DB password: ' + process.env.DB_PASSWORD", { slot: 'system prompt', api: 'anthropic messages.create', secret: "The secret 'process.env.DB_PASSWORD'" }, 'process.env.DB_PASSWORD')],
    },
    {
      name: 'ai generateText: a key destructured from process.env in the prompt',
      code: vercelPrompt,
      errors: [at(vercelPrompt, 'prompt: `Call the API with key ${OPENAI_API_KEY}. Question: ${q}`', { slot: 'prompt', api: 'ai generateText', secret: "The secret 'OPENAI_API_KEY'" }, '{ OPENAI_API_KEY }')],
    },
    {
      name: "langchain: a config object's apiKey in a SystemMessage",
      code: langchainSystem,
      errors: [at(langchainSystem, 'new SystemMessage(`Call ${config.baseUrl} with the header X-Key: ${config.apiKey}`)', { slot: 'system message', api: 'langchain SystemMessage', secret: "The secret 'process.env.INTERNAL_API_KEY'", via: ' via config.apiKey' }, 'process.env.INTERNAL_API_KEY')],
    },
    {
      name: 'a webhook secret passed to a helper of the same file that makes it the system message',
      code: helperSecret,
      errors: [at(helperSecret, '`Sign requests with ${process.env.WEBHOOK_SECRET}.`', { ...openaiSlot, secret: "The secret 'process.env.WEBHOOK_SECRET'", via: ' via ask()' }, 'process.env.WEBHOOK_SECRET')],
    },
    {
      name: 'a literal connection string with a password in the system message',
      code: literalConnection,
      errors: [at(literalConnection, 'content: `Write SQL for the database at ${DB}.`', { ...openaiSlot, secret: "The postgres connection string with a password 'postgres://…'" }, "'postgres://")],
    },
    {
      name: 'openai: a DATABASE_URL in a user message',
      code: userDatabaseUrl,
      errors: [
        at(userDatabaseUrl, 'content: `Why does ${process.env.DATABASE_URL} refuse connections? ${req.body.q}`', { slot: 'user message', api: 'openai chat.completions.create', secret: "The secret 'process.env.DATABASE_URL'" }, 'process.env.DATABASE_URL'),
      ],
    },
    {
      name: 'openai: a token in an assistant turn the server writes',
      code: assistantToken,
      errors: [at(assistantToken, "content: 'I use ' + GITHUB_TOKEN.trim()", { slot: 'assistant message', api: 'openai chat.completions.create', secret: "The secret 'GITHUB_TOKEN'" }, '{ GITHUB_TOKEN }')],
    },
    {
      name: 'openai responses: a provider key literal in instructions, masked in the message',
      code: providerKeyLiteral,
      errors: [at(providerKeyLiteral, "instructions: 'Use the key sk-proj-4fJ9aQ2LmX8pR7tZ0vB3nC6d when calling tools.'", { slot: 'instructions', api: 'openai responses.create', secret: "The OpenAI key 'sk-pro…'" }, "'Use the key")],
    },
  ],
});
