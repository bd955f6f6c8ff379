import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { unwrap } from '../../analysis/ast.js';
import { CHAT_ROLES, arrayElements, inlineOptions, messageSlots, optionsOf, property, resolveObject } from './extract.js';
import type { Extractor, PromptSlot, SdkModel } from './types.js';

/** AWS Bedrock Converse: `new ConverseCommand({ system: [{ text }], messages })`. */
const converse: Extractor = (call, context) => {
  const options = optionsOf(call, context);
  const system = property(options, 'system');
  const slots: PromptSlot[] = [];
  const inline = inlineOptions(call);
  if (system) {
    const inlineSystem = unwrap(system.value).type === T.ArrayExpression;
    for (const block of arrayElements(system.value, context.index)) {
      const object = resolveObject(block, context.index);
      const text = object && property(object, 'text');
      if (!text) continue;
      const fixable = inline && inlineSystem && unwrap(block) === object;
      slots.push({
        role: 'system',
        label: 'system prompt',
        value: text.value,
        report: text,
        fix: fixable ? { kind: 'prepend-user-message', options: inline, shape: 'bedrock' } : undefined,
      });
    }
  }
  slots.push(...messageSlots(property(options, 'messages')?.value, context, { ...CHAT_ROLES, system: {} }));
  return slots;
};

export const bedrockModel: SdkModel = {
  sdk: 'bedrock',
  modules: ['@aws-sdk/client-bedrock-runtime'],
  exports: {
    ConverseCommand: { construct: { api: 'ConverseCommand', extract: converse } },
    ConverseStreamCommand: { construct: { api: 'ConverseStreamCommand', extract: converse } },
  },
};
