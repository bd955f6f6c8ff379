import { instructionSlots, optionsOf } from './extract.js';
import type { Extractor, SdkModel } from './types.js';

/**
 * mastra: `new Agent({ name, instructions, model })` from `@mastra/core/agent`; `instructions`
 * is the agent's system prompt, a string or a function that returns one.
 */
const agentOptions: Extractor = (call, context) => instructionSlots(optionsOf(call, context), 'instructions', 'instructions', context.index);

/** `agent.generate(messages, { instructions })`: instructions given for one run take the agent's place. */
const runOptions: Extractor = (call, context) => instructionSlots(optionsOf(call, context, 1), 'instructions', 'instructions', context.index);

export const mastraModel: SdkModel = {
  sdk: 'mastra',
  modules: ['@mastra/core/agent', '@mastra/core'],
  exports: {
    Agent: {
      construct: {
        api: 'Agent',
        extract: agentOptions,
        members: {
          generate: { call: { api: 'Agent.generate', extract: runOptions } },
          stream: { call: { api: 'Agent.stream', extract: runOptions } },
        },
      },
    },
  },
};
