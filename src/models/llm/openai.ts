import { CHAT_ROLES, chatMessages, inlineOptions, messageSlots, optionsOf, partSlots, property, propertySlot, resolveObject, staticRole } from './extract.js';
import { USER_TURN_MIN_WORDS, type Extractor, type PromptSlot, type SdkModel, type TrackNode } from './types.js';

/**
 * openai (and Azure OpenAI): chat completions, the Responses API, legacy completions,
 * Assistants and threads, Realtime sessions, Conversations.
 */
export const openaiChat: Extractor = (call, context) => chatMessages(property(optionsOf(call, context), 'messages'), context);

const responses: Extractor = (call, context) => {
  const options = optionsOf(call, context);
  const inline = inlineOptions(call);
  const slots = propertySlot(options, 'instructions', 'system', 'instructions', inline ? { kind: 'responses-input', options: inline } : undefined);
  const input = property(options, 'input');
  if (input) {
    const flat = !property(options, 'instructions');
    const asMessages = messageSlots(input.value, context, CHAT_ROLES, flat ? 'system-message' : null);
    // With no instructions, a string input is the whole prompt: a flat prompt.
    const fix = flat && inline && input.parent === inline ? ({ kind: 'prompt-to-system', options: inline, systemKey: 'instructions', before: input } as const) : undefined;
    const asText = flat
      ? { role: 'prompt' as const, label: 'input', value: input.value, report: input, fix, minInstructionWords: USER_TURN_MIN_WORDS }
      : { role: 'user' as const, label: 'input', value: input.value, report: input };
    slots.push(...(asMessages.length > 0 ? asMessages : [asText]));
  }
  return slots;
};

const legacyCompletion: Extractor = (call, context) => {
  const options = optionsOf(call, context);
  const inline = inlineOptions(call);
  const prompt = property(options, 'prompt');
  const fix = inline && prompt?.parent === inline && call.type === 'CallExpression' ? ({ kind: 'legacy-completion', call, options: inline } as const) : undefined;
  return propertySlot(options, 'prompt', 'prompt', 'prompt', fix);
};

/** openai v3 (`OpenAIApi`): the same options, no fix (the v3 client has no chat.completions to move to). */
const v3Completion: Extractor = (call, context) => propertySlot(optionsOf(call, context), 'prompt', 'prompt', 'prompt');

/** The v3 client (`new OpenAIApi(configuration)`); its results are axios responses (`.data.choices`). */
const openaiV3Client: TrackNode = {
  members: {
    createChatCompletion: { call: { api: 'createChatCompletion', extract: openaiChat } },
    createCompletion: { call: { api: 'createCompletion', extract: v3Completion } },
  },
};

/**
 * Assistants and threads (`beta.`): an assistant's `instructions`, a run's `instructions` and
 * `additional_instructions` (they replace or extend the assistant's), and model turns the
 * program writes into a thread (`role: 'assistant'`).
 */
const assistantOptions = (position: number): Extractor => (call, context) =>
  propertySlot(optionsOf(call, context, position), 'instructions', 'system', 'instructions');

const threadMessages = (messages: Parameters<typeof messageSlots>[0], context: Parameters<Extractor>[1]) =>
  messageSlots(messages, context, { ...CHAT_ROLES, system: {} });

const run = (position: number): Extractor => (call, context) => {
  const options = optionsOf(call, context, position);
  return [
    ...propertySlot(options, 'instructions', 'system', 'instructions'),
    ...propertySlot(options, 'additional_instructions', 'system', 'additional instructions'),
    ...threadMessages(property(options, 'additional_messages')?.value, context),
  ];
};

const createAndRun: Extractor = (call, context) => {
  const options = optionsOf(call, context);
  const thread = resolveObject(property(options, 'thread')?.value, context.index);
  return [...run(0)(call, context), ...threadMessages(property(thread, 'messages')?.value, context)];
};

const threadCreate: Extractor = (call, context) => threadMessages(property(optionsOf(call, context), 'messages')?.value, context);

/** `threads.messages.create(threadId, { role, content })`: one message; only a model turn is system-side. */
const threadMessage: Extractor = (call, context) => {
  const message = optionsOf(call, context, 1);
  const content = property(message, 'content');
  if (!content || staticRole(property(message, 'role')?.value) !== 'assistant') return [];
  const slot: PromptSlot = { role: 'assistant', label: 'assistant message', value: content.value, report: content };
  return partSlots(slot, context.index) ?? [slot];
};

const runs: TrackNode = {
  members: Object.fromEntries(
    ['create', 'createAndPoll', 'createAndStream', 'stream'].map((name) => [name, { call: { api: `beta.threads.runs.${name}`, extract: run(1) } }]),
  ),
};

const threads: TrackNode = {
  members: {
    create: { call: { api: 'beta.threads.create', extract: threadCreate } },
    ...Object.fromEntries(
      ['createAndRun', 'createAndRunPoll', 'createAndRunStream'].map((name) => [name, { call: { api: `beta.threads.${name}`, extract: createAndRun } }]),
    ),
    runs,
    messages: { members: { create: { call: { api: 'beta.threads.messages.create', extract: threadMessage } } } },
  },
};

const assistants: TrackNode = {
  members: {
    create: { call: { api: 'beta.assistants.create', extract: assistantOptions(0) } },
    update: { call: { api: 'beta.assistants.update', extract: assistantOptions(1) } },
  },
};

/**
 * Realtime sessions: `instructions` of the session an ephemeral key is made for
 * (`realtime.clientSecrets.create({ session })`, the older `beta.realtime.sessions.create`),
 * and of a SIP call it accepts (`realtime.calls.accept(callId, { instructions })`).
 */
const realtimeSecret: Extractor = (call, context) =>
  propertySlot(resolveObject(property(optionsOf(call, context), 'session')?.value, context.index), 'instructions', 'system', 'instructions');

const realtime: TrackNode = {
  members: {
    clientSecrets: { members: { create: { call: { api: 'realtime.clientSecrets.create', extract: realtimeSecret } } } },
    calls: { members: { accept: { call: { api: 'realtime.calls.accept', extract: assistantOptions(1) } } } },
  },
};

/** Conversations: the items they start with (`conversations.create({ items })`, `conversations.items.create(id, { items })`). */
const conversationItems = (position: number): Extractor => (call, context) =>
  messageSlots(property(optionsOf(call, context, position), 'items')?.value, context, CHAT_ROLES);

const conversations: TrackNode = {
  members: {
    create: { call: { api: 'conversations.create', extract: conversationItems(0) } },
    items: { members: { create: { call: { api: 'conversations.items.create', extract: conversationItems(1) } } } },
  },
};

const chatCompletions: TrackNode = {
  members: {
    create: { call: { api: 'chat.completions.create', extract: openaiChat } },
    parse: { call: { api: 'chat.completions.parse', extract: openaiChat } },
    stream: { call: { api: 'chat.completions.stream', extract: openaiChat } },
    runTools: { call: { api: 'chat.completions.runTools', extract: openaiChat } },
  },
};

export const openaiClient: TrackNode = {
  members: {
    chat: { members: { completions: chatCompletions } },
    beta: {
      members: {
        chat: { members: { completions: chatCompletions } },
        assistants,
        threads,
        realtime: { members: { sessions: { members: { create: { call: { api: 'beta.realtime.sessions.create', extract: assistantOptions(0) } } } } } },
      },
    },
    realtime,
    conversations,
    responses: {
      members: {
        create: { call: { api: 'responses.create', extract: responses } },
        stream: { call: { api: 'responses.stream', extract: responses } },
        parse: { call: { api: 'responses.parse', extract: responses } },
      },
    },
    completions: { members: { create: { call: { api: 'completions.create', extract: legacyCompletion } } } },
  },
};

export const openaiModel: SdkModel = {
  sdk: 'openai',
  modules: ['openai'],
  exports: {
    default: { construct: openaiClient },
    OpenAI: { construct: openaiClient },
    AzureOpenAI: { construct: openaiClient },
    OpenAIApi: { construct: openaiV3Client },
  },
  chains: [
    { names: ['chat', 'completions', 'create'], api: 'chat.completions.create', extract: openaiChat },
    { names: ['chat', 'completions', 'parse'], api: 'chat.completions.parse', extract: openaiChat },
    { names: ['chat', 'completions', 'stream'], api: 'chat.completions.stream', extract: openaiChat },
    { names: ['responses', 'create'], api: 'responses.create', extract: responses, requireOptions: ['model', 'input'] },
    { names: ['responses', 'stream'], api: 'responses.stream', extract: responses, requireOptions: ['model', 'input'] },
    // A v3 client reached through a request context or an injected service (`ctx.openai.createChatCompletion({ ...config })`):
    // the method's name is the v3 client's alone; `createCompletion` is common enough to need its options.
    { names: ['createChatCompletion'], api: 'createChatCompletion', extract: openaiChat },
    { names: ['createCompletion'], api: 'createCompletion', extract: v3Completion, requireOptions: ['model', 'prompt'] },
    // Assistants and threads reached through a client made elsewhere: the chains are the SDK's own.
    { names: ['beta', 'assistants', 'create'], api: 'beta.assistants.create', extract: assistantOptions(0) },
    { names: ['beta', 'assistants', 'update'], api: 'beta.assistants.update', extract: assistantOptions(1) },
    ...['create', 'createAndPoll', 'createAndStream', 'stream'].map((name) => ({ names: ['threads', 'runs', name], api: `beta.threads.runs.${name}`, extract: run(1) })),
    ...['createAndRun', 'createAndRunPoll', 'createAndRunStream'].map((name) => ({ names: ['beta', 'threads', name], api: `beta.threads.${name}`, extract: createAndRun })),
    { names: ['threads', 'messages', 'create'], api: 'beta.threads.messages.create', extract: threadMessage },
    { names: ['realtime', 'sessions', 'create'], api: 'beta.realtime.sessions.create', extract: assistantOptions(0) },
    { names: ['realtime', 'clientSecrets', 'create'], api: 'realtime.clientSecrets.create', extract: realtimeSecret },
  ],
};
