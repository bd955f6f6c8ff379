import { describe, expect, it } from 'vitest';
import { sinkValues } from './harness.js';

const anthropic = `import Anthropic from '@anthropic-ai/sdk'; const client = new Anthropic();`;
const openai = `import OpenAI from 'openai'; const openai = new OpenAI();`;
const ask = `const completion = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }); const text = completion.choices[0].message.content;`;

/** Values handed to callbacks: stream events, emitters, stream writers and controllers. */
describe('callbacks of known APIs', () => {
  it("a stream's text event hands its listener model text; its connect event nothing", () => {
    const stream = `const stream = client.messages.stream({ model: 'm', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] });`;
    expect(sinkValues(`${anthropic} async function run() { ${stream} stream.on('text', (t) => sink(t)); }`)).toEqual([
      'llm:text anthropic messages.stream -> stream -> t',
    ]);
    expect(sinkValues(`${anthropic} async function run() { ${stream} stream.on('connect', (t) => sink(t)); }`)).toEqual([]);
  });

  it('an emitter hands its listeners what is emitted under the same event, in the same module', () => {
    const bus = `import { EventEmitter } from 'node:events'; const bus = new EventEmitter();`;
    expect(sinkValues(`${openai} ${bus} async function run() { ${ask} bus.emit('chunk', text); } bus.on('chunk', (piece) => sink(piece));`)).toEqual([
      'llm:text openai chat.completions.create -> completion.choices[0].message.content -> text -> piece',
    ]);
    // Near misses: another event, and an event that carries only a status.
    expect(sinkValues(`${openai} ${bus} async function run() { ${ask} bus.emit('chunk', text); } bus.on('status', (piece) => sink(piece));`)).toEqual([]);
    expect(sinkValues(`${openai} ${bus} async function run() { ${ask} bus.emit('chunk', text); bus.emit('status', 'done'); } bus.on('status', (s) => sink(s));`)).toEqual([]);
  });

  it('a class that emits from its methods hands what it emits to listeners on its instances', () => {
    const relay = `import { EventEmitter } from 'node:events'; class Relay extends EventEmitter { async run() { ${ask} this.emit('delta', text); this.emit('state', 'ok'); } }`;
    expect(sinkValues(`${openai} ${relay} const relay = new Relay(); relay.on('delta', (d) => sink(d));`)).toEqual([
      'llm:text openai chat.completions.create -> completion.choices[0].message.content -> text -> d',
    ]);
    expect(sinkValues(`${openai} ${relay} const relay = new Relay(); relay.on('state', (d) => sink(d));`)).toEqual([]);
  });

  it('a ReadableStream holds what its start function enqueues', () => {
    expect(sinkValues(`${openai} async function run() { ${ask} const body = new ReadableStream({ start(controller) { controller.enqueue(text); controller.close(); } }); sink(body); }`)).toEqual([
      'llm:text-stream openai chat.completions.create -> completion.choices[0].message.content -> text -> new ReadableStream() -> body',
    ]);
    expect(sinkValues(`${openai} async function run() { ${ask} const body = new ReadableStream({ start(controller) { controller.enqueue('ready'); controller.close(); } }); sink(body); }`)).toEqual([]);
  });

  it("a TransformStream's readable side holds what is written to its writer", () => {
    expect(
      sinkValues(`${openai} async function run() { ${ask} const { readable, writable } = new TransformStream(); const writer = writable.getWriter(); writer.write(text); sink(readable); }`),
    ).toEqual(['llm:text-stream openai chat.completions.create -> completion.choices[0].message.content -> text -> new TransformStream() -> readable']);
    expect(
      sinkValues(`${openai} async function run() { ${ask} const ts = new TransformStream(); const writer = ts.writable.getWriter(); writer.write(new TextEncoder().encode(text)); sink(ts.readable); }`),
    ).toEqual(['llm:text-stream openai chat.completions.create -> completion.choices[0].message.content -> text -> new TransformStream() -> ts.readable']);
    expect(
      sinkValues(`${openai} async function run() { ${ask} const ts = new TransformStream(); const writer = ts.writable.getWriter(); writer.write('ping'); sink(ts.readable); }`),
    ).toEqual([]);
  });

  it("a TransformStream holds what is piped into its writable side", () => {
    const stream = `const stream = await openai.chat.completions.create({ model: 'm', messages: [], stream: true });`;
    expect(sinkValues(`${openai} async function run() { ${stream} const ts = new TransformStream(); stream.toReadableStream().pipeTo(ts.writable); sink(ts.readable); }`)).toHaveLength(1);
    expect(sinkValues(`${openai} async function run() { ${stream} const { readable, writable } = new TransformStream(); stream.toReadableStream().pipeTo(writable); sink(readable); }`)).toHaveLength(1);
    // Near miss: a stream of the project's own values piped in.
    expect(sinkValues(`${openai} async function run() { const ts = new TransformStream(); ReadableStream.from(['a', 'b']).pipeTo(ts.writable); sink(ts.readable); }`)).toEqual([]);
  });

  it("the ai UI message stream holds what its execute function writes or merges", () => {
    const ai = `import { createUIMessageStream, streamText } from 'ai';`;
    expect(
      sinkValues(`${ai} async function run(model) { const result = streamText({ model, prompt: 'hi' }); const stream = createUIMessageStream({ execute: ({ writer }) => { writer.merge(result.toUIMessageStream()); } }); sink(stream); }`),
    ).toEqual(['llm:text-stream ai streamText -> result -> createUIMessageStream() -> stream']);
    // v4's `result.mergeIntoDataStream(writer)` writes the result's text stream into the writer too.
    expect(
      sinkValues(
        `import { createDataStream, streamText } from 'ai'; async function run(model) { const result = streamText({ model, prompt: 'hi' }); const stream = createDataStream({ execute: (writer) => { result.mergeIntoDataStream(writer); } }); sink(stream); }`,
      ),
    ).toEqual(['llm:text-stream ai streamText -> result -> createDataStream() -> stream']);
    // Near miss: the model's result is there, but only a status is written.
    expect(
      sinkValues(`${ai} async function run(model) { const result = streamText({ model, prompt: 'hi' }); const stream = createUIMessageStream({ execute: ({ writer }) => { writer.write({ type: 'data-status', data: { state: 'ready' } }); } }); sink(stream); }`),
    ).toEqual([]);
  });
});

/** Objects that take in what their methods are given: fields set in one method and read in another. */
describe('fields of class instances', () => {
  const chat = `class Chat { history: string[] = []; add(m: string) { this.history.push(m); } prompt() { return this.history.join('\\n'); } }`;

  it('a field pushed to in one method and read in another holds what callers pass', () => {
    expect(sinkValues(`${openai} ${chat} const c = new Chat(); async function run() { ${ask} c.add(text); sink(c.prompt()); }`)).toEqual([
      'llm:text openai chat.completions.create -> completion.choices[0].message.content -> text -> add() -> this.history -> Chat.prompt()',
    ]);
    // Near miss: callers pass only constants.
    expect(sinkValues(`${openai} ${chat} const c = new Chat(); async function run() { ${ask} c.add('Be brief.'); sink(c.prompt()); }`)).toEqual([]);
  });

  it('a stream attached to an object and read back through a getter', () => {
    const relay = `class Relay { private source?: unknown; attach(s: unknown) { this.source = s; } get readable() { return this.source; } }`;
    const stream = `const stream = await openai.chat.completions.create({ model: 'm', messages: [], stream: true });`;
    expect(sinkValues(`${openai} ${relay} async function run() { ${stream} const relay = new Relay(); relay.attach(stream); sink(relay.readable); }`)).toHaveLength(1);
    expect(sinkValues(`${openai} ${relay} async function run() { ${stream} const relay = new Relay(); relay.attach('idle'); sink(relay.readable); }`)).toEqual([]);
  });
});

describe('near misses the review found', () => {
  it("a socket's emit sends to the other side: its listener does not receive it", () => {
    expect(
      sinkValues(`${openai} import { io } from 'socket.io-client'; const socket = io(); async function run() { ${ask} socket.emit('message', text); } socket.on('message', (m) => sink(m));`),
    ).toEqual([]);
  });

  it('elements pushed into a list field are read by index', () => {
    const box = `class Box { items: unknown[] = []; add(m: string) { this.items.push({ text: m }); } first() { return this.items[0].text; } }`;
    expect(sinkValues(`${openai} ${box} const b = new Box(); async function run() { ${ask} b.add(text); sink(b.first()); }`)).toHaveLength(1);
  });

  it('a stream piped through a transform is what the transform makes of it', () => {
    const stream = `const stream = await openai.chat.completions.create({ model: 'm', messages: [], stream: true });`;
    expect(sinkValues(`${openai} async function run(t) { ${stream} sink(stream.pipe(t)); }`)).toEqual([]);
  });

  it('jwt.decode is no text codec', () => {
    expect(sinkValues(`${openai} import jwt from 'jsonwebtoken'; async function run() { ${ask} sink(jwt.decode(text)); }`)).toEqual([]);
    expect(sinkValues(`${openai} async function run() { ${ask} const encoder = new TextEncoder(); sink(encoder.encode(text)); }`)).toHaveLength(1);
  });
});
