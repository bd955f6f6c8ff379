import { CHAT_ROLES, conversationSlot, inlineOptions, messageSlots, optionsOf, property, propertySlot } from './extract.js';
import type { Extractor, SdkModel, TrackNode } from './types.js';

/** @anthropic-ai/sdk: `messages.create|stream|parse({ system, messages })`. */
const messages: Extractor = (call, context) => {
  const options = optionsOf(call, context);
  const inline = inlineOptions(call);
  const messagesProperty = property(options, 'messages');
  const hasSystem = !!property(options, 'system');
  const loneUser = hasSystem
    ? null
    : () =>
        inline && messagesProperty?.parent === inline
          ? ({ kind: 'prompt-to-system', options: inline, systemKey: 'system', before: messagesProperty } as const)
          : undefined;
  return [
    ...propertySlot(options, 'system', 'system', 'system prompt', inline ? { kind: 'prepend-user-message', options: inline, shape: 'text' } : undefined, context.index),
    // Since SDK 0.99 a message may also carry role 'system' (mid-conversation system blocks).
    ...messageSlots(messagesProperty?.value, context, CHAT_ROLES, loneUser),
    ...conversationSlot(messagesProperty),
  ];
};

const messagesApi: TrackNode = {
  members: {
    create: { call: { api: 'messages.create', extract: messages } },
    stream: { call: { api: 'messages.stream', extract: messages } },
    parse: { call: { api: 'messages.parse', extract: messages } },
  },
};

const client: TrackNode = { members: { messages: messagesApi, beta: { members: { messages: messagesApi } } } };

export const anthropicModel: SdkModel = {
  sdk: 'anthropic',
  modules: ['@anthropic-ai/sdk', '@anthropic-ai/bedrock-sdk', '@anthropic-ai/vertex-sdk'],
  exports: {
    default: { construct: client },
    Anthropic: { construct: client },
    AnthropicBedrock: { construct: client },
    AnthropicVertex: { construct: client },
  },
  chains: [
    { names: ['messages', 'create'], api: 'messages.create', extract: messages, requireOptions: ['model', 'max_tokens'] },
    { names: ['messages', 'stream'], api: 'messages.stream', extract: messages, requireOptions: ['model', 'max_tokens'] },
  ],
};
