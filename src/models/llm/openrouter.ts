import { CHAT_ROLES, messageSlots, optionsOf, property, resolveObject } from './extract.js';
import type { Extractor, SdkModel } from './types.js';

/**
 * @openrouter/sdk: `new OpenRouter().chat.send(request)`, chat-completions messages. The
 * request is the argument itself (early releases) or its `chatRequest` field (later ones).
 */
export const openrouterRequest: Extractor = (call, context) => {
  const options = optionsOf(call, context);
  const request = resolveObject(property(options, 'chatRequest')?.value, context.index) ?? options;
  return messageSlots(property(request, 'messages')?.value, context, CHAT_ROLES, 'system-message');
};

export const openrouterModel: SdkModel = {
  sdk: 'openrouter',
  modules: ['@openrouter/sdk'],
  exports: { OpenRouter: { construct: { members: { chat: { members: { send: { call: { api: 'chat.send', extract: openrouterRequest } } } } } } } },
};
