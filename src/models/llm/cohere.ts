import { chatMessages, inlineOptions, optionsOf, property, propertySlot } from './extract.js';
import { USER_TURN_MIN_WORDS, type Extractor, type SdkModel, type TrackNode } from './types.js';

/**
 * cohere-ai: v1 `cohere.chat({ message, preamble })` (the preamble is the system prompt),
 * v2 `cohereV2.chat({ messages })` and `cohere.v2.chat(...)`.
 */
const chat: Extractor = (call, context) => {
  const options = optionsOf(call, context);
  const inline = inlineOptions(call);
  const message = property(options, 'message');
  // v1 without a preamble: the message is the whole prompt.
  const flat = !property(options, 'preamble');
  const fix = flat && inline && message?.parent === inline ? ({ kind: 'prompt-to-system', options: inline, systemKey: 'preamble', before: message } as const) : undefined;
  const messageSlot = propertySlot(options, 'message', flat ? 'prompt' : 'user', 'message', fix).map((slot) => ({
    ...slot,
    minInstructionWords: USER_TURN_MIN_WORDS,
  }));
  return [
    ...propertySlot(options, 'preamble', 'system', 'preamble'),
    ...messageSlot,
    ...chatMessages(property(options, 'messages'), context),
  ];
};

const chatApi: TrackNode['members'] = {
  chat: { call: { api: 'chat', extract: chat } },
  chatStream: { call: { api: 'chatStream', extract: chat } },
};

const client: TrackNode = { members: { ...chatApi, v2: { members: chatApi } } };

export const cohereModel: SdkModel = {
  sdk: 'cohere',
  modules: ['cohere-ai'],
  exports: { CohereClient: { construct: client }, CohereClientV2: { construct: client } },
};
