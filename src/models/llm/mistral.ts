import { chatMessages, optionsOf, property } from './extract.js';
import type { Extractor, SdkModel, TrackNode } from './types.js';

/** @mistralai/mistralai: `client.chat.complete|stream({ model, messages })`. */
const chat: Extractor = (call, context) => chatMessages(property(optionsOf(call, context), 'messages'), context);

const client: TrackNode = {
  members: {
    chat: {
      members: {
        complete: { call: { api: 'chat.complete', extract: chat } },
        stream: { call: { api: 'chat.stream', extract: chat } },
        parse: { call: { api: 'chat.parse', extract: chat } },
      },
    },
    agents: {
      members: {
        complete: { call: { api: 'agents.complete', extract: chat } },
        stream: { call: { api: 'agents.stream', extract: chat } },
      },
    },
  },
};

export const mistralModel: SdkModel = {
  sdk: 'mistral',
  modules: ['@mistralai/mistralai'],
  exports: { Mistral: { construct: client } },
  chains: [
    { names: ['chat', 'complete'], api: 'chat.complete', extract: chat, requireOptions: ['model', 'messages'] },
  ],
};
