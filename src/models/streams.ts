/**
 * Streams and callbacks that hand values on: the events of SDK streams, the writers that
 * stream constructors and the `ai` package give a callback, and streams whose readable side
 * carries what is written to their writable side.
 */

/** Events of an LLM SDK's stream whose listeners receive model text (`stream.on('text', (delta, snapshot) => …)`). */
export const STREAM_TEXT_EVENTS: ReadonlySet<string> = new Set(['text', 'content', 'finalContent', 'thinking', 'refusal']);

/** Events whose listeners receive raw parts of the result (chunks, messages, content blocks). */
export const STREAM_RAW_EVENTS: ReadonlySet<string> = new Set([
  'chunk',
  'message',
  'finalMessage',
  'streamEvent',
  'contentBlock',
  'chatCompletion',
  'finalChatCompletion',
  'content.delta',
  'content.done',
  'event',
]);

/** Methods that register a listener: `(event, listener)`. */
export const LISTEN_METHODS: ReadonlySet<string> = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

/**
 * A call that gives a callback a writer, and returns a stream of what the callback writes:
 * `new ReadableStream({ start(controller) { controller.enqueue(x) } })`,
 * `createUIMessageStream({ execute: ({ writer }) => writer.merge(x) })`.
 */
export interface WriterCallback {
  /** The constructor or function called. */
  readonly callee: string;
  /** The package it is imported from; null for a global. */
  readonly module: string | null;
  /** The callbacks of the options object (its first argument) that receive the writer. */
  readonly functions: readonly string[];
  /** The field of the callback's first parameter that is the writer; null: the parameter itself. */
  readonly field: string | null;
  /** The writer's methods whose first argument goes into the stream. */
  readonly writes: ReadonlySet<string>;
  /** The position of the options object; 0 when not given. */
  readonly options?: number;
  /** Methods of another object that write it into the writer they are given (`result.mergeIntoDataStream(writer)`): the call's value goes in. */
  readonly mergedBy?: ReadonlySet<string>;
}

const AI_DATA_STREAM_WRITES = new Set(['write', 'writeData', 'writeMessageAnnotation', 'writeSource', 'merge']);
const AI_MERGED_BY = new Set(['mergeIntoDataStream']);

export const WRITER_CALLBACKS: readonly WriterCallback[] = [
  { callee: 'ReadableStream', module: null, functions: ['start', 'pull'], field: null, writes: new Set(['enqueue']) },
  { callee: 'createUIMessageStream', module: 'ai', functions: ['execute'], field: 'writer', writes: new Set(['write', 'merge']) },
  { callee: 'createDataStream', module: 'ai', functions: ['execute'], field: null, writes: AI_DATA_STREAM_WRITES, mergedBy: AI_MERGED_BY },
  { callee: 'createDataStreamResponse', module: 'ai', functions: ['execute'], field: null, writes: AI_DATA_STREAM_WRITES, mergedBy: AI_MERGED_BY },
  // `pipeDataStreamToResponse(res, { execute })` sends what `execute` writes (a response sink of its own).
  { callee: 'pipeDataStreamToResponse', module: 'ai', options: 1, functions: ['execute'], field: null, writes: AI_DATA_STREAM_WRITES, mergedBy: AI_MERGED_BY },
];

/**
 * Functions of `ai` (and its LangChain adapter packages) whose result is a text stream, or a
 * streaming `Response`, of the model output given as their first argument: v3's
 * `OpenAIStream(response)`, `AnthropicStream(response)`, …, `LangChainAdapter.toDataStreamResponse(stream)`.
 * `object`: the exported object the function is a member of, or null for an export of its own.
 */
export interface TextStreamAdapter {
  readonly module: string;
  readonly object: string | null;
  readonly names: ReadonlySet<string>;
}

const LANGCHAIN_ADAPTER = new Set(['toAIStream', 'toDataStream', 'toDataStreamResponse', 'toUIMessageStream', 'toUIMessageStreamResponse']);

export const TEXT_STREAM_ADAPTERS: readonly TextStreamAdapter[] = [
  {
    module: 'ai',
    object: null,
    names: new Set([
      'OpenAIStream',
      'AnthropicStream',
      'CohereStream',
      'GoogleGenerativeAIStream',
      'HuggingFaceStream',
      'MistralStream',
      'ReplicateStream',
      'InkeepStream',
      'AWSBedrockStream',
      'AWSBedrockAnthropicStream',
      'AWSBedrockAnthropicMessagesStream',
      'AWSBedrockCohereStream',
      'AWSBedrockLlama2Stream',
    ]),
  },
  { module: 'ai', object: 'LangChainAdapter', names: LANGCHAIN_ADAPTER },
  { module: 'ai', object: 'LlamaIndexAdapter', names: new Set(['toDataStream', 'toDataStreamResponse']) },
  { module: '@ai-sdk/langchain', object: null, names: LANGCHAIN_ADAPTER },
];

/** Streams whose readable side carries what is written to them (`new TransformStream()`, Node's `PassThrough`). */
export const PASS_THROUGH_STREAMS: ReadonlySet<string> = new Set(['TransformStream', 'PassThrough', 'TextEncoderStream', 'TextDecoderStream']);

/** Methods that write into a stream or its writer. */
export const STREAM_WRITE_METHODS: ReadonlySet<string> = new Set(['write', 'enqueue', 'end']);
