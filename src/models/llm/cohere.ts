import { CHAT_ROLES, messageSlots, optionsOf, property, propertySlot } from './extract.js';
import type { Extractor, SdkModel, TrackNode } from './types.js';

/**
 * cohere-ai: v1 `cohere.chat({ message, preamble })` (the preamble is the system prompt),
 * v2 `cohereV2.chat({ messages })` and `cohere.v2.chat(...)`.
 */
const chat: Extractor = (call, context) => {
  const options = optionsOf(call, context);
  return [
    ...propertySlot(options, 'preamble', 'system', 'preamble'),
    ...propertySlot(options, 'message', 'user', 'message'),
    ...messageSlots(property(options, 'messages')?.value, context, CHAT_ROLES),
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
