import { CHAT_ROLES, chatMessages, inlineOptions, messageSlots, optionsOf, property, propertySlot } from './extract.js';
import { USER_TURN_MIN_WORDS, type Extractor, type SdkModel, type TrackNode } from './types.js';

/** openai (and Azure OpenAI): chat completions, the Responses API, legacy completions. */
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
    beta: { members: { chat: { members: { completions: chatCompletions } } } },
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
  ],
};
