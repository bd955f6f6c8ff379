import { unwrap } from '../../syntax/ast.js';
import { CHAT_ROLES, conversationSlot, inlineOptions, messageSlots, optionsOf, property, propertySlot } from './extract.js';
import type { Extractor, PromptSlot, SdkModel, TrackNode } from './types.js';

/**
 * Vercel `ai` (v4 to v7): `generateText|streamText|generateObject|streamObject({ system |
 * instructions, prompt, messages })` (`instructions` is v7's name for `system`), and agents:
 * v5 `new Experimental_Agent({ system })`, v6+ `new ToolLoopAgent({ instructions })`.
 */
const generate: Extractor = (call, context) => {
  const options = optionsOf(call, context);
  const inline = inlineOptions(call);
  const slots: PromptSlot[] = [];
  const systemFix = inline ? ({ kind: 'vercel-system', options: inline } as const) : undefined;
  slots.push(...propertySlot(options, 'system', 'system', 'system prompt', systemFix));
  slots.push(...propertySlot(options, 'instructions', 'system', 'instructions', systemFix));
  const prompt = property(options, 'prompt');
  if (prompt && unwrap(prompt.value).type === 'ArrayExpression') {
    slots.push(...messageSlots(prompt.value, context, CHAT_ROLES));
  } else if (prompt) {
    const hasSystem = property(options, 'system') || property(options, 'instructions') || property(options, 'messages');
    const fix =
      inline && !hasSystem && prompt.parent === inline ? ({ kind: 'prompt-to-system', options: inline, systemKey: 'system', before: prompt } as const) : undefined;
    slots.push({ role: 'prompt', label: 'prompt', value: prompt.value, report: prompt, fix });
  }
  const messages = property(options, 'messages');
  const noSystem = !property(options, 'system') && !property(options, 'instructions');
  const loneUser = noSystem
    ? () => (inline && messages?.parent === inline ? ({ kind: 'prompt-to-system', options: inline, systemKey: 'system', before: messages } as const) : undefined)
    : null;
  slots.push(...messageSlots(messages?.value, context, CHAT_ROLES, loneUser), ...conversationSlot(messages));
  return slots;
};

const agent: Extractor = (call, context) => {
  const options = optionsOf(call, context);
  return [
    ...propertySlot(options, 'system', 'system', 'system prompt'),
    ...propertySlot(options, 'instructions', 'system', 'instructions'),
  ];
};

const fn = (api: string): TrackNode => ({ call: { api, extract: generate } });
const agentClass = (api: string): TrackNode => ({
  construct: { api, extract: agent, members: { generate: fn(`${api}.generate`), stream: fn(`${api}.stream`) } },
});

export const vercelAiModel: SdkModel = {
  sdk: 'ai',
  modules: ['ai'],
  exports: {
    generateText: fn('generateText'),
    streamText: fn('streamText'),
    generateObject: fn('generateObject'),
    streamObject: fn('streamObject'),
    Experimental_Agent: agentClass('Experimental_Agent'),
    ToolLoopAgent: agentClass('ToolLoopAgent'),
  },
};
