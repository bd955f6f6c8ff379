import { chatMessages, inlineOptions, optionsOf, property, propertySlot } from './extract.js';
import type { Extractor, SdkModel, TrackNode } from './types.js';

/** ollama: `ollama.chat({ messages })`, `ollama.generate({ system, prompt })`. */
const chat: Extractor = (call, context) => chatMessages(property(optionsOf(call, context), 'messages'), context);

const generate: Extractor = (call, context) => {
  const options = optionsOf(call, context);
  const inline = inlineOptions(call);
  const prompt = property(options, 'prompt');
  const fix =
    inline && prompt?.parent === inline && !property(options, 'system')
      ? ({ kind: 'prompt-to-system', options: inline, systemKey: 'system', before: prompt } as const)
      : undefined;
  return [...propertySlot(options, 'system', 'system', 'system prompt'), ...propertySlot(options, 'prompt', 'prompt', 'prompt', fix)];
};

const client: TrackNode = {
  members: {
    chat: { call: { api: 'chat', extract: chat } },
    generate: { call: { api: 'generate', extract: generate } },
  },
};

export const ollamaModel: SdkModel = {
  sdk: 'ollama',
  modules: ['ollama', 'ollama/browser'],
  exports: { default: client, Ollama: { construct: client } },
};
