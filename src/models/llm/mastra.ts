import { instructionSlots, optionsOf } from './extract.js';
import type { Extractor, SdkModel } from './types.js';

/**
 * mastra: `new Agent({ name, instructions, model })` from `@mastra/core/agent`; `instructions`
 * is the agent's system prompt, a string or a function that returns one.
 */
const agentOptions: Extractor = (call, context) => instructionSlots(optionsOf(call, context), 'instructions', 'instructions', context.index);

export const mastraModel: SdkModel = {
  sdk: 'mastra',
  modules: ['@mastra/core/agent', '@mastra/core'],
  exports: { Agent: { construct: { api: 'Agent', extract: agentOptions } } },
};
