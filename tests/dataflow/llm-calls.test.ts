import { describe, expect, it } from 'vitest';
import { llmCalls } from './harness.js';

const chat = `({ model: 'm', messages: [{ role: 'system', content: S }, { role: 'user', content: U }] })`;

describe('LLM calls: import styles of the openai client', () => {
  it.each([
    ['default import', `import OpenAI from 'openai'; const c = new OpenAI(); c.chat.completions.create${chat};`],
    ['named import', `import { OpenAI } from 'openai'; const c = new OpenAI(); c.chat.completions.create${chat};`],
    ['namespace import', `import * as oa from 'openai'; const c = new oa.OpenAI(); c.chat.completions.create${chat};`],
    ['require', `const OpenAI = require('openai'); const c = new OpenAI(); c.chat.completions.create${chat};`],
    ['destructured require', `const { OpenAI } = require('openai'); const c = new OpenAI(); c.chat.completions.create${chat};`],
    ['AzureOpenAI', `import { AzureOpenAI } from 'openai'; const c = new AzureOpenAI({}); c.chat.completions.create${chat};`],
    ['class field', `import OpenAI from 'openai'; class S { private ai = new OpenAI(); run() { return this.ai.chat.completions.create${chat}; } }`],
    ['this assignment', `import OpenAI from 'openai'; class S { constructor() { this.ai = new OpenAI(); } run() { return this.ai.chat.completions.create${chat}; } }`],
    ['client from another module (method chain)', `import { openai } from './lib/ai'; openai.chat.completions.create${chat};`],
  ])('%s', (_, code) => {
    expect(llmCalls(code)).toEqual(['openai chat.completions.create: system,user']);
  });

  it('parse, stream, the Responses API and legacy completions', () => {
    const header = `import OpenAI from 'openai'; const c = new OpenAI();`;
    expect(llmCalls(`${header} c.beta.chat.completions.parse${chat};`)).toEqual(['openai chat.completions.parse: system,user']);
    expect(llmCalls(`${header} c.responses.create({ model: 'm', instructions: I, input: U });`)).toEqual([
      'openai responses.create: system,user',
    ]);
    expect(llmCalls(`${header} c.completions.create({ model: 'm', prompt: P });`)).toEqual(['openai completions.create: prompt']);
  });

  it('the v3 client (OpenAIApi), imported or reached through a context object', () => {
    expect(llmCalls(`import { Configuration, OpenAIApi } from 'openai'; const c = new OpenAIApi(new Configuration({})); c.createChatCompletion${chat};`)).toEqual([
      'openai createChatCompletion: system,user',
    ]);
    expect(llmCalls(`import { OpenAIApi } from 'openai'; const c = new OpenAIApi(); c.createCompletion({ model: 'm', prompt: P });`)).toEqual(['openai createCompletion: prompt']);
    // `ctx.openai` made in another module: the method name and its options tell.
    expect(llmCalls(`export async function ask(ctx) { return ctx.openai.createChatCompletion${chat}; }`)).toEqual(['openai createChatCompletion: system,user']);
    expect(llmCalls(`export async function ask(ctx, config) { return ctx.openai.createChatCompletion({ ...config, user: U }); }`)).toEqual(['openai createChatCompletion: ']);
    expect(llmCalls(`export async function ask(ctx) { return ctx.openai.createCompletion({ model: 'm', prompt: P }); }`)).toEqual(['openai createCompletion: prompt']);
    // Near-miss: createCompletion without a model and a prompt is some other API.
    expect(llmCalls(`export async function ask(ctx) { return ctx.store.createCompletion({ id: 1, text: T }); }`)).toEqual([]);
  });

  it('messages reached through a const and pushes', () => {
    expect(
      llmCalls(`import OpenAI from 'openai'; const c = new OpenAI(); const messages = [{ role: 'developer', content: D }];
        messages.push({ role: 'user', content: U }); c.chat.completions.create({ model: 'm', messages });`),
    ).toEqual(['openai chat.completions.create: system,user']);
  });
});

describe('LLM calls: other SDKs', () => {
  it('anthropic (system option, and system-role messages of SDK 0.99+)', () => {
    expect(llmCalls(`import Anthropic from '@anthropic-ai/sdk'; const a = new Anthropic(); a.messages.create({ model: 'm', max_tokens: 10, messages: [{ role: 'system', content: S }, { role: 'user', content: U }] });`)).toEqual([
      'anthropic messages.create: system,user',
    ]);
    expect(llmCalls(`import Anthropic from '@anthropic-ai/sdk'; const a = new Anthropic(); a.messages.create({ model: 'm', max_tokens: 10, system: S, messages: [{ role: 'user', content: U }] });`)).toEqual([
      'anthropic messages.create: system,user',
    ]);
  });

  it('Vercel ai: system, instructions, prompt, messages, agents', () => {
    expect(llmCalls(`import { generateText, streamText } from 'ai'; generateText({ model, system: S, prompt: P }); streamText({ model, instructions: S, messages: [{ role: 'user', content: U }] });`)).toEqual([
      'ai generateText: system,prompt',
      'ai streamText: system,user',
    ]);
    expect(llmCalls(`import { ToolLoopAgent } from 'ai'; const agent = new ToolLoopAgent({ model, instructions: S }); agent.generate({ prompt: P });`)).toEqual([
      'ai ToolLoopAgent: system',
      'ai ToolLoopAgent.generate: prompt',
    ]);
  });

  it('langchain: messages, templates and chat models', () => {
    expect(
      llmCalls(`import { SystemMessage, HumanMessage } from '@langchain/core/messages'; import { ChatOpenAI } from '@langchain/openai';
        const model = new ChatOpenAI({ model: 'm' }); await model.invoke([new SystemMessage(S), new HumanMessage(U)]); await model.invoke(P);`),
    ).toEqual(['langchain ChatOpenAI.invoke: ', 'langchain SystemMessage: system', 'langchain ChatOpenAI.invoke: prompt']);
    expect(
      llmCalls(`import { ChatPromptTemplate, PromptTemplate } from '@langchain/core/prompts';
        ChatPromptTemplate.fromMessages([['system', S], ['human', '{input}']]); PromptTemplate.fromTemplate(P);`),
    ).toEqual(['langchain ChatPromptTemplate.fromMessages: system,user', 'langchain PromptTemplate.fromTemplate: prompt']);
    expect(
      llmCalls(`import { ChatAnthropic } from '@langchain/anthropic'; const m = new ChatAnthropic({}).withStructuredOutput(schema); await m.invoke(P);`),
    ).toEqual(['langchain ChatAnthropic.withStructuredOutput.invoke: prompt']);
  });

  it('langchain runnables: a chain is read back from its call through consts, pipe, RunnableSequence.from and wrappers', () => {
    const head = `import { ChatPromptTemplate } from '@langchain/core/prompts'; import { ChatOpenAI } from '@langchain/openai'; import { StringOutputParser } from '@langchain/core/output_parsers'; import { RunnableSequence } from '@langchain/core/runnables'; import { llm } from './llm';
      const m = new ChatOpenAI({}); const p = ChatPromptTemplate.fromMessages([['system', 'Be {tone}. {{literal}}'], ['ai', 'Sure, {name}.'], ['human', '{q}']]);`;
    expect(
      llmCalls(`${head} p.pipe(m.withConfig({})).invoke({ tone: T, name: N, q: Q, literal: L }); RunnableSequence.from([p, m, new StringOutputParser()]).stream({ q: Q });
        m.pipe(new StringOutputParser()).invoke(P); p.formatMessages({ tone: T }); p.pipe(llm).invoke({ tone: T }); m.invoke(P); new StringOutputParser().invoke(P);`),
    ).toEqual([
      'langchain ChatPromptTemplate.fromMessages: system,assistant,user',
      'langchain (ChatPromptTemplate | ChatOpenAI).invoke: system,assistant,user',
      'langchain (ChatPromptTemplate | ChatOpenAI | StringOutputParser).stream: user',
      'langchain (ChatOpenAI | StringOutputParser).invoke: prompt',
      'langchain ChatPromptTemplate.formatMessages: system',
      'langchain (ChatPromptTemplate | runnable).invoke: system',
      'langchain ChatOpenAI.invoke: prompt',
    ]);
  });

  it('google genai and generative-ai', () => {
    expect(llmCalls(`import { GoogleGenAI } from '@google/genai'; const ai = new GoogleGenAI({}); ai.models.generateContent({ model: 'm', contents: U, config: { systemInstruction: S } });`)).toEqual([
      'google models.generateContent: system,prompt',
    ]);
    expect(
      llmCalls(`import { GoogleGenerativeAI } from '@google/generative-ai'; const g = new GoogleGenerativeAI(key);
        const model = g.getGenerativeModel({ model: 'm', systemInstruction: S }); await model.generateContent(P);`),
    ).toEqual(['google getGenerativeModel: system', 'google generateContent: prompt']);
  });

  it('ollama, mistral, groq, cohere, bedrock', () => {
    expect(llmCalls(`import ollama from 'ollama'; ollama.generate({ model: 'm', system: S, prompt: P }); ollama.chat({ model: 'm', messages: [{ role: 'system', content: S }] });`)).toEqual([
      'ollama generate: system,prompt',
      'ollama chat: system',
    ]);
    expect(llmCalls(`import { Mistral } from '@mistralai/mistralai'; const m = new Mistral({}); m.chat.complete({ model: 'm', messages: [{ role: 'system', content: S }] });`)).toEqual([
      'mistral chat.complete: system',
    ]);
    expect(llmCalls(`import Groq from 'groq-sdk'; const g = new Groq(); g.chat.completions.create${chat};`)).toEqual([
      'groq chat.completions.create: system,user',
    ]);
    expect(llmCalls(`import { CohereClient } from 'cohere-ai'; const c = new CohereClient({}); c.chat({ message: U, preamble: S });`)).toEqual([
      'cohere chat: system,user',
    ]);
    expect(
      llmCalls(`import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime'; new ConverseCommand({ modelId: 'm', system: [{ text: S }], messages: [{ role: 'user', content: [{ text: U }] }] });`),
    ).toEqual(['bedrock ConverseCommand: system,user']);
  });

  it('wrappers declared in settings', () => {
    expect(llmCalls(`askModel(S, U); other(S);`, { settings: { llmWrappers: [{ callee: 'askModel', system: 0, user: 1 }] } })).toEqual([
      'wrapper askModel: system,user',
    ]);
    expect(llmCalls(`ai.ask({ system: S, prompt: P });`, { settings: { llmWrappers: [{ callee: 'ai.ask', system: 'system', prompt: 'prompt' }] } })).toEqual([
      'wrapper ai.ask: system,prompt',
    ]);
  });

  it('look-alikes are not LLM calls', () => {
    expect(llmCalls(`db.messages.create({ system: S, body: U });`)).toEqual([]);
    expect(llmCalls(`slack.messages.create({ model: 'x', system: S, messages: U });`)).toEqual([]);
    expect(llmCalls(`anthropic.messages.create({ model: 'x', max_tokens: 5, system: S, messages: [] });`)).toEqual([
      'anthropic messages.create: system',
    ]);
    expect(llmCalls(`stripe.checkout.sessions.create({ prompt: P });`)).toEqual([]);
    expect(llmCalls(`import { generateText } from './my-helpers'; generateText({ system: S, prompt: P });`)).toEqual([]);
    expect(llmCalls(`const model = new ChatOpenAI(); model.invoke(P);`)).toEqual([]);
  });
});

/** The whole list of messages of a chat call is a slot of its own: whoever writes it writes the roles. */
describe('LLM calls: message lists as a whole', () => {
  it('chat calls of each SDK have one, where the list is given', () => {
    const options = { conversations: true };
    expect(llmCalls(`import OpenAI from 'openai'; const o = new OpenAI(); o.chat.completions.create({ model: 'm', messages: history });`, options)).toEqual([
      'openai chat.completions.create: conversation',
    ]);
    expect(llmCalls(`import Anthropic from '@anthropic-ai/sdk'; const a = new Anthropic(); a.messages.create({ model: 'm', max_tokens: 5, messages: history });`, options)).toEqual([
      'anthropic messages.create: conversation',
    ]);
    expect(llmCalls(`import { streamText } from 'ai'; streamText({ model, system: S, messages: history });`, options)).toEqual(['ai streamText: system,conversation']);
    expect(llmCalls(`import ollama from 'ollama'; ollama.chat({ model: 'm', messages: history });`, options)).toEqual(['ollama chat: conversation']);
    expect(llmCalls(`import { ChatOpenAI } from '@langchain/openai'; const m = new ChatOpenAI(); m.invoke([['system', S], ...history]);`, options)).toEqual([
      'langchain ChatOpenAI.invoke: system,conversation',
    ]);
  });

  it('options that are no list of messages have none', () => {
    const options = { conversations: true };
    expect(llmCalls(`import ollama from 'ollama'; ollama.generate({ model: 'm', system: S, prompt: P });`, options)).toEqual(['ollama generate: system,prompt']);
    expect(llmCalls(`import { ChatOpenAI } from '@langchain/openai'; const m = new ChatOpenAI(); m.invoke(P);`, options)).toEqual(['langchain ChatOpenAI.invoke: prompt']);
    expect(llmCalls(`import OpenAI from 'openai'; const o = new OpenAI(); o.responses.create({ model: 'm', input: P });`, options)).toEqual(['openai responses.create: prompt']);
  });
});
