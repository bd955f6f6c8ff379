import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileIndex } from '../../syntax/file-index.js';
import { optionsOf, property } from './extract.js';
import type { LlmCall, OutputKind } from './types.js';

export type { OutputKind } from './types.js';

const NO_OUTPUT = new RegExp(
  [
    /^(?:SystemMessage|(?:Chat|SystemMessage)?PromptTemplate\.\w+|getGenerativeModel|startChat|chats\.create|Converse(?:Stream)?Command|ToolLoopAgent|Experimental_Agent)$/.source,
    // Set-up calls that store instructions or messages, or open a session, without generating: openai
    // assistants, threads and their messages, Realtime sessions and calls, conversations.
    /^(?:beta\.assistants\.(?:create|update)|beta\.threads\.(?:create|messages\.create)|beta\.realtime\.sessions\.create|realtime\.(?:clientSecrets\.create|calls\.accept)|conversations\.(?:create|items\.create))$/.source,
    // @google/genai: a live session answers through its callbacks; a cache stores a prompt.
    /^(?:live\.connect|caches\.create)$/.source,
    // Agents made with their instructions: they generate when they are run.
    /^(?:Agent|Agent\.create|RealtimeAgent|createAgent|createReactAgent)$/.source,
  ].join('|'),
);

/** Calls whose `{ stream: true }` is not their first argument: `run(agent, input, { stream: true })`. */
const STREAM_OPTIONS_AT: Readonly<Record<string, number>> = { 'openai-agents run': 2, 'openai-agents Runner.run': 2 };

/**
 * What the result of an LLM call is (see `OutputKind`): what its model says, or told from the
 * API's name. Calls that build prompts or clients (`new SystemMessage`, `getGenerativeModel`)
 * have no output.
 */
export function outputOf({ sdk, api, node: call, output }: LlmCall, index: FileIndex): OutputKind | null {
  if (output !== undefined) return output;
  if (sdk === 'wrapper' || sdk === 'helper' || NO_OUTPUT.test(api)) return null;
  // `model.withStructuredOutput(schema).invoke(x)` returns the parsed object: generated content, not an SDK result.
  if (api.includes('.withStructuredOutput.')) return 'text';
  const last = api.split('.').at(-1) ?? api;
  if (/stream/i.test(last)) return 'stream';
  if (call.type === T.CallExpression) {
    const stream = property(optionsOf(call, { index }, STREAM_OPTIONS_AT[`${sdk} ${api}`] ?? 0), 'stream')?.value;
    if (stream?.type === T.Literal && stream.value === true) return 'stream';
  }
  return 'response';
}

/** A chain run whose pieces are not all known (`prompt.pipe(this.model).invoke(…)`): it may well ask a model. */
const CHAIN_RUN = /\.(?:invoke|stream|streamEvents|batch|call)$/u;

/**
 * Whether a call asks a model for an answer: an SDK call that generates, a wrapper the settings
 * name, or a chain run whose pieces are not all known; not the calls that build prompts, clients
 * or agents.
 */
export function asksModel(call: LlmCall, index: FileIndex): boolean {
  return call.sdk === 'wrapper' || outputOf(call, index) !== null || CHAIN_RUN.test(call.api);
}

/** Members after which the value is the model's text (or generated object), per SDK. */
const TEXT_MEMBERS: Readonly<Record<string, ReadonlySet<string>>> = {
  openai: new Set(['content', 'text', 'output_text', 'refusal', 'arguments', 'delta']),
  groq: new Set(['content', 'text', 'delta']),
  openrouter: new Set(['content', 'text', 'delta']),
  mistral: new Set(['content', 'delta']),
  anthropic: new Set(['content', 'text']),
  ai: new Set(['text', 'object', 'reasoningText', 'textStream', 'partialObjectStream', 'elementStream']),
  langchain: new Set(['content', 'text']),
  // Function calls the model chose (`response.functionCalls()[0].args`) are generated like its text.
  google: new Set(['text', 'functionCalls', 'functionCall', 'args']),
  'openai-agents': new Set(['finalOutput']),
  ollama: new Set(['response', 'content']),
  cohere: new Set(['text', 'content']),
  bedrock: new Set(['text']),
  mastra: new Set(['text', 'object', 'textStream']),
};

/** Metadata that says nothing the client should not know: ids, model names, token counts. */
const METADATA = new Set([
  'id',
  'model',
  'created',
  'createdAt',
  'usage',
  'usageMetadata',
  'system_fingerprint',
  'finish_reason',
  'finishReason',
  'stop_reason',
  'stopReason',
  'role',
  'type',
  'modelVersion',
  'responseId',
  'status',
  'totalUsage',
  'usage_metadata',
  'response_metadata',
  'providerMetadata',
  'experimental_providerMetadata',
  'logprobs',
]);

export type OutputMember = 'text' | 'metadata' | 'part';

export function outputMember(sdk: string, key: string | null): OutputMember {
  if (key !== null && METADATA.has(key)) return 'metadata';
  if (key !== null && TEXT_MEMBERS[sdk]?.has(key)) return 'text';
  return 'part';
}

/** Methods that turn a result into its text (`response.text()`) or into a text stream (Vercel). */
export const TEXT_METHODS: ReadonlySet<string> = new Set(['text']);
export const TEXT_STREAM_METHODS: ReadonlySet<string> = new Set([
  'toTextStream',
  'toAIStream',
  'toDataStream',
  'toUIMessageStream',
  'mergeIntoDataStream',
  'toTextStreamResponse',
  'toDataStreamResponse',
  'toUIMessageStreamResponse',
  'pipeTextStreamToResponse',
  'pipeDataStreamToResponse',
  'pipeUIMessageStreamToResponse',
]);

/** How to read only the text of a result, for the "send only the text" suggestion. */
export function textPath(sdk: string, api: string): string | null {
  if (api.startsWith('chat.completions') || api === 'chat.complete' || api === 'agents.complete' || (sdk === 'openrouter' && api === 'chat.send')) return '.choices[0].message.content';
  if (api === 'completions.create') return '.choices[0].text';
  if (api.startsWith('responses.')) return '.output_text';
  if (api === 'generateText' || api.endsWith('.generate')) return '.text';
  if (api === 'generateObject') return '.object';
  if (sdk === 'openai-agents' && (api === 'run' || api === 'Runner.run')) return '.finalOutput';
  // A prebuilt agent's state: its last message is the answer. A graph's state has no fixed shape.
  if (sdk === 'langchain' && /^create(?:React)?Agent\(\)\.invoke$/.test(api)) return '.messages.at(-1).content';
  if (sdk === 'langchain' && api.startsWith('StateGraph.')) return null;
  if (sdk === 'langchain' && api.endsWith('.invoke')) return '.content';
  if (api === 'models.generateContent' || api === 'chats.sendMessage') return '.text';
  if (api === 'generateContent') return '.response.text()';
  if (sdk === 'ollama' && api === 'chat') return '.message.content';
  if (sdk === 'ollama' && api === 'generate') return '.response';
  return null;
}
