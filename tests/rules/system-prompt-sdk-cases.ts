import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { lines } from './tester.js';

/**
 * Cases of `no-user-input-in-system-prompt` for the system-side slots of each SDK surface
 * (content parts, model turns, Assistants and threads, Realtime, Gemini chats and live
 * sessions, agents): each invalid case has a valid twin one step away. `at` places an error on
 * the exact text the report must cover, so a case says where it lands by quoting it.
 */
type MessageIds = 'userInputInSystemPrompt' | 'separateRoles';
type Options = [{ autofix?: boolean }];

const messageId = 'userInputInSystemPrompt' as const;

/** The error for a report that covers exactly the (first, or `nth`) occurrence of `text` in `code`. */
export function at(code: string, text: string, data: { source: string; slot: string; api: string; via?: string }, nth = 0) {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = code.indexOf(text, offset + 1);
  if (offset < 0) throw new Error(`'${text}' is not in the case`);
  const before = code.slice(0, offset).split('\n');
  const line = before.length;
  const column = before.at(-1)!.length + 1;
  const end = code.slice(0, offset + text.length).split('\n');
  return {
    messageId,
    line,
    column,
    endLine: end.length,
    endColumn: end.at(-1)!.length + 1,
    data: { via: '', ...data, line: String(code.slice(0, code.indexOf(data.source)).split('\n').length) },
  };
}

const openaiHead = [`import express from 'express';`, `import OpenAI from 'openai';`, `const app = express();`, `const openai = new OpenAI();`];
const genaiHead = [`import express from 'express';`, `import { GoogleGenAI } from '@google/genai';`, `const app = express();`, `const ai = new GoogleGenAI({});`];
const route = (head: string[], body: string) => lines(...head, `app.post('/x', async (req, res) => {`, `  ${body}`, `  res.end();`, `});`);

interface Pair {
  readonly name: string;
  readonly head: string[];
  /** The call with request data in a system-side slot. */
  readonly bad: string;
  /** Its twin: constant instructions, request data only on the user side. */
  readonly good: string;
  /** The text the report covers, the slot label and the API named in the message. */
  readonly report: string;
  readonly slot: string;
  readonly api: string;
  readonly source?: string;
  readonly output?: string | null;
}

const pairs: Pair[] = [
  {
    name: 'openai chat: a system message written as text parts is reported at the part',
    head: openaiHead,
    bad: `await openai.chat.completions.create({ model: 'm', messages: [{ role: 'system', content: [{ type: 'text', text: 'Be brief.' }, { type: 'text', text: req.body.rules }] }, { role: 'user', content: 'Hi' }] });`,
    good: `await openai.chat.completions.create({ model: 'm', messages: [{ role: 'system', content: [{ type: 'text', text: 'Be brief.' }] }, { role: 'user', content: [{ type: 'text', text: req.body.rules }] }] });`,
    report: 'text: req.body.rules',
    slot: 'system message',
    api: 'openai chat.completions.create',
  },
  {
    name: 'anthropic: system text blocks are reported at the block that holds the data',
    head: [`import express from 'express';`, `import Anthropic from '@anthropic-ai/sdk';`, `const app = express();`, `const anthropic = new Anthropic();`],
    bad: `await anthropic.messages.create({ model: 'm', max_tokens: 9, system: [{ type: 'text', text: 'You are a tutor.', cache_control: { type: 'ephemeral' } }, { type: 'text', text: \`Level: \${req.body.level}\` }], messages: [{ role: 'user', content: 'Go' }] });`,
    good: `await anthropic.messages.create({ model: 'm', max_tokens: 9, system: [{ type: 'text', text: 'You are a tutor.', cache_control: { type: 'ephemeral' } }], messages: [{ role: 'user', content: [{ type: 'text', text: \`Level: \${req.body.level}\` }] }] });`,
    report: 'text: `Level: ${req.body.level}`',
    slot: 'system prompt',
    api: 'anthropic messages.create',
  },
  {
    name: '@google/genai: a systemInstruction Content is reported at the part',
    head: [`import express from 'express';`, `import { GoogleGenAI } from '@google/genai';`, `const app = express();`, `const ai = new GoogleGenAI({});`],
    bad: `await ai.models.generateContent({ model: 'm', contents: 'Go', config: { systemInstruction: { parts: [{ text: 'Answer in French.' }, { text: req.body.persona }] } } });`,
    good: `await ai.models.generateContent({ model: 'm', contents: [{ role: 'user', parts: [{ text: req.body.persona }] }], config: { systemInstruction: { parts: [{ text: 'Answer in French.' }] } } });`,
    report: 'text: req.body.persona',
    slot: 'system instruction',
    api: 'google models.generateContent',
  },
  {
    name: 'openai chat: an assistant turn filled from the request is a forged model turn',
    head: openaiHead,
    bad: `await openai.chat.completions.create({ model: 'm', messages: [{ role: 'system', content: 'You are a bank assistant.' }, { role: 'assistant', content: req.body.lastAnswer }, { role: 'user', content: 'Continue.' }] });`,
    good: `await openai.chat.completions.create({ model: 'm', messages: [{ role: 'system', content: 'You are a bank assistant.' }, { role: 'assistant', content: 'How can I help?' }, { role: 'user', content: req.body.lastAnswer }] });`,
    report: 'content: req.body.lastAnswer',
    slot: 'assistant message',
    api: 'openai chat.completions.create',
  },
  {
    name: 'anthropic: an assistant prefill from the request',
    head: [`import express from 'express';`, `import Anthropic from '@anthropic-ai/sdk';`, `const app = express();`, `const anthropic = new Anthropic();`],
    bad: `await anthropic.messages.create({ model: 'm', max_tokens: 9, system: 'Reply in JSON.', messages: [{ role: 'user', content: 'Give me the report.' }, { role: 'assistant', content: [{ type: 'text', text: req.body.prefill }] }] });`,
    good: `await anthropic.messages.create({ model: 'm', max_tokens: 9, system: 'Reply in JSON.', messages: [{ role: 'user', content: [{ type: 'text', text: req.body.prefill }] }, { role: 'assistant', content: '{' }] });`,
    report: 'text: req.body.prefill',
    slot: 'assistant message',
    api: 'anthropic messages.create',
  },
  {
    name: 'openai Responses: options built in a variable are reported where instructions is written',
    head: openaiHead,
    bad: `const opts = { model: 'm', instructions: req.body.style, input: 'Write a haiku.' }; await openai.responses.create(opts);`,
    good: `const opts = { model: 'm', instructions: 'Write in a calm style.', input: req.body.style }; await openai.responses.create(opts);`,
    report: 'instructions: req.body.style',
    slot: 'instructions',
    api: 'openai responses.create',
  },
  {
    name: 'openai Responses: a developer item in input',
    head: openaiHead,
    bad: `await openai.responses.create({ model: 'm', input: [{ role: 'developer', content: req.body.policy }, { role: 'user', content: 'Summarize.' }] });`,
    good: `await openai.responses.create({ model: 'm', input: [{ role: 'developer', content: 'Follow the policy.' }, { role: 'user', content: req.body.policy }] });`,
    report: 'content: req.body.policy',
    slot: 'developer message',
    api: 'openai responses.create',
  },
  {
    name: 'openai Assistants: instructions of a new assistant',
    head: openaiHead,
    bad: `const assistant = await openai.beta.assistants.create({ model: 'm', name: req.body.name, instructions: \`You tutor \${req.body.subject}.\` });`,
    good: `const assistant = await openai.beta.assistants.create({ model: 'm', name: req.body.name, instructions: 'You tutor maths.' }); await openai.beta.threads.messages.create('t', { role: 'user', content: req.body.subject });`,
    report: 'instructions: `You tutor ${req.body.subject}.`',
    slot: 'instructions',
    api: 'openai beta.assistants.create',
  },
  {
    name: 'openai Assistants: instructions of an assistant update',
    head: openaiHead,
    bad: `await openai.beta.assistants.update(req.params.id, { instructions: req.body.instructions });`,
    good: `await openai.beta.assistants.update(req.params.id, { instructions: 'Answer from the files only.', metadata: { note: req.body.instructions } });`,
    report: 'instructions: req.body.instructions',
    slot: 'instructions',
    api: 'openai beta.assistants.update',
  },
  {
    name: 'openai threads: a run\'s additional_instructions',
    head: openaiHead,
    bad: `await openai.beta.threads.runs.create(req.params.thread, { assistant_id: 'asst_1', additional_instructions: \`The user prefers \${req.body.lang}.\` });`,
    good: `await openai.beta.threads.runs.create(req.params.thread, { assistant_id: 'asst_1', additional_instructions: 'Be brief.', additional_messages: [{ role: 'user', content: req.body.lang }] });`,
    report: 'additional_instructions: `The user prefers ${req.body.lang}.`',
    slot: 'additional instructions',
    api: 'openai beta.threads.runs.create',
  },
  {
    name: 'openai threads: instructions of createAndPoll',
    head: openaiHead,
    bad: `const run = await openai.beta.threads.runs.createAndPoll('t', { assistant_id: 'asst_1', instructions: req.body.mode });`,
    good: `const run = await openai.beta.threads.runs.createAndPoll('t', { assistant_id: 'asst_1', instructions: 'Use the docs.', additional_messages: [{ role: 'user', content: req.body.mode }] });`,
    report: 'instructions: req.body.mode',
    slot: 'instructions',
    api: 'openai beta.threads.runs.createAndPoll',
  },
  {
    name: 'openai threads: createAndRun instructions',
    head: openaiHead,
    bad: `await openai.beta.threads.createAndRun({ assistant_id: 'asst_1', instructions: req.body.persona, thread: { messages: [{ role: 'user', content: 'Hello' }] } });`,
    good: `await openai.beta.threads.createAndRun({ assistant_id: 'asst_1', instructions: 'Be kind.', thread: { messages: [{ role: 'user', content: req.body.persona }] } });`,
    report: 'instructions: req.body.persona',
    slot: 'instructions',
    api: 'openai beta.threads.createAndRun',
  },
  {
    name: 'openai threads: a thread message in the assistant role, filled from the request',
    head: openaiHead,
    bad: `await openai.beta.threads.messages.create(req.params.thread, { role: 'assistant', content: req.body.reply });`,
    good: `await openai.beta.threads.messages.create(req.params.thread, { role: 'user', content: req.body.reply });`,
    report: 'content: req.body.reply',
    slot: 'assistant message',
    api: 'openai beta.threads.messages.create',
  },
  {
    name: 'openai Realtime (beta): session instructions for an ephemeral key',
    head: openaiHead,
    bad: `const session = await openai.beta.realtime.sessions.create({ model: 'gpt-4o-realtime-preview', instructions: \`Speak as \${req.body.character}.\` });`,
    good: `const session = await openai.beta.realtime.sessions.create({ model: 'gpt-4o-realtime-preview', instructions: 'Speak as a guide.', voice: req.body.character });`,
    report: 'instructions: `Speak as ${req.body.character}.`',
    slot: 'instructions',
    api: 'openai beta.realtime.sessions.create',
  },
  {
    name: 'openai Realtime: session instructions of a client secret',
    head: openaiHead,
    bad: `const secret = await openai.realtime.clientSecrets.create({ session: { type: 'realtime', model: 'gpt-realtime', instructions: req.body.prompt } });`,
    good: `const secret = await openai.realtime.clientSecrets.create({ session: { type: 'realtime', model: 'gpt-realtime', instructions: 'Greet the caller.' }, expires_after: { anchor: 'created_at', seconds: Number(req.body.ttl) } });`,
    report: 'instructions: req.body.prompt',
    slot: 'instructions',
    api: 'openai realtime.clientSecrets.create',
  },
  {
    name: 'openai Conversations: a developer item the conversation starts with',
    head: openaiHead,
    bad: `await openai.conversations.create({ items: [{ type: 'message', role: 'developer', content: req.body.rules }] });`,
    good: `await openai.conversations.create({ items: [{ type: 'message', role: 'developer', content: 'Stay on topic.' }, { type: 'message', role: 'user', content: req.body.rules }] });`,
    report: 'content: req.body.rules',
    slot: 'developer message',
    api: 'openai conversations.create',
  },
  {
    name: 'AzureOpenAI: a system message from the request',
    head: [`import express from 'express';`, `import { AzureOpenAI } from 'openai';`, `const app = express();`, `const azure = new AzureOpenAI({ apiVersion: '2024-10-21' });`],
    bad: `await azure.chat.completions.create({ model: 'm', messages: [{ role: 'system', content: req.body.system }, { role: 'user', content: 'Hi' }] });`,
    good: `await azure.chat.completions.create({ model: 'm', messages: [{ role: 'system', content: 'You answer HR questions.' }, { role: 'user', content: req.body.system }] });`,
    report: 'content: req.body.system',
    slot: 'system message',
    api: 'openai chat.completions.create',
  },
  {
    name: '@google/genai: systemInstruction of a chat',
    head: genaiHead,
    bad: `const chat = ai.chats.create({ model: 'gemini-2.5-flash', config: { systemInstruction: \`You are \${req.body.role}.\` } }); await chat.sendMessage({ message: 'Start.' });`,
    good: `const chat = ai.chats.create({ model: 'gemini-2.5-flash', config: { systemInstruction: 'You are a guide.' } }); await chat.sendMessage({ message: req.body.role });`,
    report: 'systemInstruction: `You are ${req.body.role}.`',
    slot: 'system instruction',
    api: 'google chats.create',
  },
  {
    name: '@google/genai: systemInstruction in the config of one chat message',
    head: genaiHead,
    bad: `const chat = ai.chats.create({ model: 'gemini-2.5-flash' }); await chat.sendMessage({ message: 'Start.', config: { systemInstruction: req.body.rules } });`,
    good: `const chat = ai.chats.create({ model: 'gemini-2.5-flash' }); await chat.sendMessage({ message: req.body.rules, config: { systemInstruction: 'Keep it short.' } });`,
    report: 'systemInstruction: req.body.rules',
    slot: 'system instruction',
    api: 'google chats.sendMessage',
  },
  {
    name: '@google/genai: systemInstruction of generateContentStream',
    head: genaiHead,
    bad: `const stream = await ai.models.generateContentStream({ model: 'm', contents: history, config: { systemInstruction: req.body.style } });`,
    good: `const stream = await ai.models.generateContentStream({ model: 'm', contents: req.body.style, config: { systemInstruction: 'Write plainly.' } });`,
    report: 'systemInstruction: req.body.style',
    slot: 'system instruction',
    api: 'google models.generateContentStream',
  },
  {
    name: '@google/genai: a live session\'s systemInstruction as a Content',
    head: genaiHead,
    bad: `const session = await ai.live.connect({ model: 'gemini-live-2.5-flash-preview', config: { systemInstruction: { parts: [{ text: req.body.persona }] } }, callbacks: {} });`,
    good: `const session = await ai.live.connect({ model: 'gemini-live-2.5-flash-preview', config: { systemInstruction: { parts: [{ text: 'You are a museum guide.' }] } }, callbacks: {} }); session.sendClientContent({ turns: req.body.persona });`,
    report: 'text: req.body.persona',
    slot: 'system instruction',
    api: 'google live.connect',
  },
  {
    name: '@google/genai: systemInstruction stored in a context cache',
    head: genaiHead,
    bad: `const cache = await ai.caches.create({ model: 'm', config: { contents: docs, systemInstruction: req.body.task, ttl: '600s' } });`,
    good: `const cache = await ai.caches.create({ model: 'm', config: { contents: docs, systemInstruction: 'Answer from the documents.', ttl: '600s' }, displayName: req.body.task });`,
    report: 'systemInstruction: req.body.task',
    slot: 'system instruction',
    api: 'google caches.create',
  },
  {
    name: '@openrouter/sdk: a system message of chat.send',
    head: [`import express from 'express';`, `import { OpenRouter } from '@openrouter/sdk';`, `const app = express();`, `const openRouter = new OpenRouter({ apiKey: process.env.OPENROUTER_API_KEY });`],
    bad: `await openRouter.chat.send({ model: 'openai/gpt-4o', maxTokens: 300, messages: [{ role: 'system', content: req.body.system }, { role: 'user', content: 'Hi' }] });`,
    good: `await openRouter.chat.send({ model: 'openai/gpt-4o', maxTokens: 300, messages: [{ role: 'system', content: 'You are helpful.' }, { role: 'user', content: req.body.system }] });`,
    report: 'content: req.body.system',
    slot: 'system message',
    api: 'openrouter chat.send',
  },
  {
    name: '@openrouter/sdk: a developer message of the request under chatRequest',
    head: [`import express from 'express';`, `import { OpenRouter } from '@openrouter/sdk';`, `const app = express();`, `const openRouter = new OpenRouter({ apiKey: process.env.OPENROUTER_API_KEY });`],
    bad: `await openRouter.chat.send({ chatRequest: { model: 'openai/gpt-4o', maxTokens: 300, messages: [{ role: 'developer', content: req.body.rules }, { role: 'user', content: 'Hi' }] } });`,
    good: `await openRouter.chat.send({ chatRequest: { model: 'openai/gpt-4o', maxTokens: 300, messages: [{ role: 'developer', content: 'Follow the rules.' }, { role: 'user', content: req.body.rules }] } });`,
    report: 'content: req.body.rules',
    slot: 'developer message',
    api: 'openrouter chat.send',
  },
  {
    name: '@openai/agents: an agent\'s instructions',
    head: [`import express from 'express';`, `import { Agent, run } from '@openai/agents';`, `const app = express();`],
    bad: `const agent = new Agent({ name: 'Support', instructions: \`You support \${req.body.product}.\` }); res.json((await run(agent, 'Help me.')).finalOutput);`,
    good: `const agent = new Agent({ name: 'Support', instructions: 'You support our products.' }); res.json((await run(agent, req.body.product)).finalOutput);`,
    report: 'instructions: `You support ${req.body.product}.`',
    slot: 'instructions',
    api: 'openai-agents Agent',
  },
  {
    name: '@openai/agents: instructions as a function, reported where it returns the data',
    head: [`import express from 'express';`, `import { Agent, run } from '@openai/agents';`, `const app = express();`],
    bad: `const agent = new Agent({ name: 'Guide', instructions: (ctx) => \`Guide \${ctx.context.name} through \${req.body.topic}.\` });`,
    good: `const agent = new Agent({ name: 'Guide', instructions: (ctx) => \`Guide \${ctx.context.name} through the docs.\`, handoffDescription: 'Answers documentation questions.' }); await run(agent, req.body.topic);`,
    report: '`Guide ${ctx.context.name} through ${req.body.topic}.`',
    slot: 'instructions',
    api: 'openai-agents Agent',
  },
  {
    name: '@openai/agents: a handoff description from the request steers the agent that hands off',
    head: [`import express from 'express';`, `import { Agent } from '@openai/agents';`, `const app = express();`],
    bad: `const billing = Agent.create({ name: 'Billing', instructions: 'Handle invoices.', handoffDescription: req.body.description });`,
    good: `const billing = Agent.create({ name: req.body.description, instructions: 'Handle invoices.', handoffDescription: 'Questions about invoices.' });`,
    report: 'handoffDescription: req.body.description',
    slot: 'handoff description',
    api: 'openai-agents Agent.create',
  },
  {
    name: 'mastra: an agent\'s instructions',
    head: [`import express from 'express';`, `import { Agent } from '@mastra/core/agent';`, `const app = express();`],
    bad: `const agent = new Agent({ name: 'writer', instructions: req.body.instructions, model: 'openai/gpt-4o' }); res.json((await agent.generate('Write.')).text);`,
    good: `const agent = new Agent({ name: 'writer', instructions: 'You write product copy.', model: 'openai/gpt-4o' }); res.json((await agent.generate(req.body.instructions)).text);`,
    report: 'instructions: req.body.instructions',
    slot: 'instructions',
    api: 'mastra Agent',
  },
  {
    name: 'mastra: instructions given for one run of an agent',
    head: [`import express from 'express';`, `import { Agent } from '@mastra/core/agent';`, `const app = express(); const agent = new Agent({ name: 'writer', instructions: 'You write product copy.', model: 'openai/gpt-4o' });`],
    bad: `res.json((await agent.generate('Write.', { instructions: req.body.instructions })).text);`,
    good: `res.json((await agent.generate(req.body.instructions, { instructions: 'Write two sentences.' })).text);`,
    report: 'instructions: req.body.instructions',
    slot: 'instructions',
    api: 'mastra Agent.generate',
  },
  {
    name: 'langchain createAgent: systemPrompt',
    head: [`import express from 'express';`, `import { createAgent } from 'langchain';`, `const app = express();`],
    bad: `const agent = createAgent({ model: 'openai:gpt-4o', tools: [], systemPrompt: \`You help \${req.body.team}.\` });`,
    good: `const agent = createAgent({ model: 'openai:gpt-4o', tools: [], systemPrompt: 'You help the sales team.' }); await agent.invoke({ messages: [{ role: 'user', content: req.body.team }] });`,
    report: 'systemPrompt: `You help ${req.body.team}.`',
    slot: 'system prompt',
    api: 'langchain createAgent',
  },
  {
    name: 'LangGraph createReactAgent: prompt',
    head: [`import express from 'express';`, `import { createReactAgent } from '@langchain/langgraph/prebuilt';`, `const app = express();`],
    bad: `const agent = createReactAgent({ llm, tools: [], prompt: req.body.prompt });`,
    good: `const agent = createReactAgent({ llm, tools: [], prompt: 'Use the tools to answer.' }); await agent.invoke({ messages: [{ role: 'user', content: req.body.prompt }] });`,
    report: 'prompt: req.body.prompt',
    slot: 'system prompt',
    api: 'langchain createReactAgent',
  },
  {
    name: 'Vercel ai ToolLoopAgent: instructions',
    head: [`import express from 'express';`, `import { ToolLoopAgent } from 'ai';`, `const app = express();`],
    bad: `const agent = new ToolLoopAgent({ model: 'openai/gpt-4o', instructions: \`Act as \${req.body.role}.\` }); res.json((await agent.generate({ prompt: 'Go.' })).text);`,
    good: `const agent = new ToolLoopAgent({ model: 'openai/gpt-4o', instructions: 'Act as a planner.' }); res.json((await agent.generate({ prompt: req.body.role })).text);`,
    report: 'instructions: `Act as ${req.body.role}.`',
    slot: 'instructions',
    api: 'ai ToolLoopAgent',
  },
  {
    name: 'Bedrock InvokeModelCommand: system of an Anthropic body built with JSON.stringify',
    head: [`import express from 'express';`, `import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';`, `const app = express(); const bedrock = new BedrockRuntimeClient({});`],
    bad: `await bedrock.send(new InvokeModelCommand({ modelId: 'anthropic.claude-3-haiku', body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 300, system: \`You are \${req.body.persona}.\`, messages: [{ role: 'user', content: 'Hi' }] }) }));`,
    good: `await bedrock.send(new InvokeModelCommand({ modelId: 'anthropic.claude-3-haiku', body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 300, system: 'You are a guide.', messages: [{ role: 'user', content: req.body.persona }] }) }));`,
    report: 'system: `You are ${req.body.persona}.`',
    slot: 'system prompt',
    api: 'bedrock InvokeModelCommand',
  },
  {
    name: 'Vercel ai Experimental_Agent (v5): system',
    head: [`import express from 'express';`, `import { Experimental_Agent as Agent } from 'ai';`, `const app = express();`],
    bad: `const agent = new Agent({ model: 'openai/gpt-4o', system: req.body.system });`,
    good: `const agent = new Agent({ model: 'openai/gpt-4o', system: 'You plan trips.' }); await agent.generate({ prompt: req.body.system });`,
    report: 'system: req.body.system',
    slot: 'system prompt',
    api: 'ai Experimental_Agent',
  },
];

export const sdkValid: ValidTestCase<Options>[] = pairs.map((pair) => ({ name: `twin: ${pair.name}`, code: route(pair.head, pair.good) }));

export const sdkInvalid: InvalidTestCase<MessageIds, Options>[] = pairs.map((pair) => {
  const code = route(pair.head, pair.bad);
  return {
    name: pair.name,
    code,
    output: pair.output ?? null,
    errors: [{ ...at(code, pair.report, { source: pair.source ?? /req\.body\.\w+/.exec(pair.report)![0], slot: pair.slot, api: pair.api }), suggestions: [] }],
  };
});
