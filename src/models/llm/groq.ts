import { openaiClient } from './openai.js';
import type { SdkModel } from './types.js';

/** groq-sdk mirrors the openai client: `groq.chat.completions.create({ messages })`. */
export const groqModel: SdkModel = {
  sdk: 'groq',
  modules: ['groq-sdk'],
  exports: { default: { construct: openaiClient }, Groq: { construct: openaiClient } },
};
