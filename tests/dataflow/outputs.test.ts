import { describe, expect, it } from 'vitest';
import { sinkValues } from './harness.js';

const openai = `import OpenAI from 'openai'; const openai = new OpenAI();`;

describe('LLM output, error values and prompts as values', () => {
  it('the whole result, its text, and its metadata', () => {
    const call = `const completion = await openai.chat.completions.create({ model: 'm', messages });`;
    expect(sinkValues(`${openai} ${call} sink(completion);`)).toEqual(['llm:response openai chat.completions.create -> completion']);
    expect(sinkValues(`${openai} ${call} sink(completion.choices[0].message.content);`)).toEqual([
      'llm:text openai chat.completions.create -> completion.choices[0].message.content',
    ]);
    expect(sinkValues(`${openai} ${call} sink({ model: completion.model, tokens: completion.usage.total_tokens, id: completion.id });`)).toEqual([]);
    expect(sinkValues(`${openai} ${call} sink(completion.choices[0].message);`)).toEqual([
      'llm:response openai chat.completions.create -> completion.choices[0].message',
    ]);
  });

  it('streams: raw chunks versus text deltas, Vercel text streams', () => {
    expect(
      sinkValues(`${openai} const stream = await openai.chat.completions.create({ model: 'm', messages, stream: true }); for await (const chunk of stream) sink(chunk);`),
    ).toEqual(['llm:response openai chat.completions.create -> stream -> chunk']);
    expect(
      sinkValues(`${openai} const stream = await openai.chat.completions.create({ model: 'm', messages, stream: true }); for await (const chunk of stream) sink(chunk.choices[0]?.delta?.content ?? '');`),
    ).toEqual(['llm:text openai chat.completions.create -> stream -> chunk.choices[0].delta.content']);
    expect(sinkValues(`import { streamText } from 'ai'; const result = streamText({ model, prompt }); sink(result.toDataStreamResponse());`)).toEqual([
      'llm:text-stream ai streamText -> result',
    ]);
    expect(sinkValues(`import { streamText } from 'ai'; const result = streamText({ model, prompt }); for await (const t of result.textStream) sink(t);`)).toEqual([
      'llm:text ai streamText -> result.textStream -> t',
    ]);
  });

  it('other SDKs: Vercel text, langchain content, google text(), ollama response', () => {
    expect(sinkValues(`import { generateText } from 'ai'; const { text } = await generateText({ model, prompt }); sink(text);`)).toEqual([
      'llm:text ai generateText.text',
    ]);
    expect(sinkValues(`import { ChatOpenAI } from '@langchain/openai'; const m = new ChatOpenAI({}); const r = await m.invoke('hi'); sink(r.content);`)).toEqual([
      'llm:text langchain ChatOpenAI.invoke -> r.content',
    ]);
    expect(
      sinkValues(`import { GoogleGenerativeAI } from '@google/generative-ai'; const model = new GoogleGenerativeAI(k).getGenerativeModel({ model: 'm' }); const result = await model.generateContent('x'); sink(result.response.text());`),
    ).toEqual(['llm:text google generateContent -> result.response']);
    expect(sinkValues(`import ollama from 'ollama'; const r = await ollama.generate({ model: 'm', prompt: 'p' }); sink(r.response);`)).toEqual([
      'llm:text ollama generate -> r.response',
    ]);
  });

  it('sanitizers (defaults and settings) mark the output as sanitized', () => {
    const call = `${openai} const c = await openai.chat.completions.create({ model: 'm', messages }); const text = c.choices[0].message.content;`;
    expect(sinkValues(`${call} sink(redactPII(text));`)).toEqual(['llm:text (sanitized) openai chat.completions.create -> c.choices[0].message.content -> text']);
    expect(sinkValues(`${call} sink(DOMPurify.sanitize(text));`)).toEqual(['llm:text (sanitized) openai chat.completions.create -> c.choices[0].message.content -> text']);
    expect(sinkValues(`${call} sink(cleanOutput(text));`, { settings: { sanitizers: ['clean*'] } })).toEqual([
      'llm:text (sanitized) openai chat.completions.create -> c.choices[0].message.content -> text',
    ]);
    expect(sinkValues(`${call} sink(text.trim());`)).toEqual(['llm:text openai chat.completions.create -> c.choices[0].message.content -> text']);
  });

  it('prompt-building calls have no output', () => {
    expect(sinkValues(`import { SystemMessage } from '@langchain/core/messages'; const m = new SystemMessage('x'); sink(m);`)).toEqual([]);
  });

  it('error values: catch parameters, .catch callbacks, members', () => {
    expect(sinkValues(`try { x(); } catch (err) { sink({ m: err.message, s: err.stack, c: err.code }); }`)).toEqual([
      'error:message err.message',
      'error:stack err.stack',
    ]);
    expect(sinkValues(`p.catch((e) => sink(String(e)));`)).toEqual(['error:object e']);
    expect(sinkValues(`try { x(); } catch ({ message }) { sink(message); }`)).toEqual(['error:message error.message']);
    expect(sinkValues(`try { x(); } catch (e) { sink(process.env.NODE_ENV === 'development' ? e.stack : 'failed'); }`)).toEqual([]);
  });
});
