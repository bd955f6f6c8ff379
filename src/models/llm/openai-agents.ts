import { instructionSlots, optionsOf } from './extract.js';
import type { Extractor, SdkModel, TrackNode } from './types.js';

/**
 * @openai/agents: `new Agent({ name, instructions, handoffDescription })` (also `Agent.create`,
 * and `RealtimeAgent` for voice). `instructions` is the agent's system prompt, a string or a
 * function that returns one; `handoffDescription` is what another agent reads when it decides
 * to hand off, so it steers that agent too. `run(agent, input)` (also `new Runner().run`) runs it:
 * its result's `finalOutput` is the model's text, and `{ stream: true }` makes it a stream.
 */
const agentOptions: Extractor = (call, context) => {
  const options = optionsOf(call, context);
  return [
    ...instructionSlots(options, 'instructions', 'instructions', context.index),
    ...instructionSlots(options, 'handoffDescription', 'handoff description', context.index),
  ];
};

/** `run(agent, input)`: the agent's input is a user turn (or a list of items); its instructions are the agent's. */
const runInput: Extractor = () => [];

const agent: TrackNode = {
  construct: { api: 'Agent', extract: agentOptions },
  members: { create: { call: { api: 'Agent.create', extract: agentOptions } } },
};

export const openaiAgentsModel: SdkModel = {
  sdk: 'openai-agents',
  modules: ['@openai/agents', '@openai/agents-core', '@openai/agents/realtime', '@openai/agents-realtime'],
  exports: {
    Agent: agent,
    RealtimeAgent: { construct: { api: 'RealtimeAgent', extract: agentOptions } },
    // A run's result: `finalOutput` is the model's answer; the whole result holds every item and raw response.
    run: { call: { api: 'run', extract: runInput } },
    Runner: { construct: { members: { run: { call: { api: 'Runner.run', extract: runInput } } } } },
  },
};
