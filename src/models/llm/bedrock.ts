import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { unwrap } from '../../syntax/ast.js';
import type { TSESTree } from '@typescript-eslint/utils';
import { CHAT_ROLES, arrayElements, chatMessages, constValue, inlineOptions, messageSlots, optionsOf, property, propertySlot, resolveObject, staticRole } from './extract.js';
import { USER_TURN_MIN_WORDS, type ExtractContext, type Extractor, type PromptSlot, type SdkModel } from './types.js';

/** The single `{ text }` block of a conversation that is one user message, if it is that. */
function loneTextMessage(messages: TSESTree.Property | null, context: ExtractContext) {
  if (!messages) return null;
  const elements = arrayElements(messages.value, context.index);
  if (elements.length !== 1) return null;
  const message = resolveObject(elements[0], context.index);
  if (staticRole(property(message, 'role')?.value) !== 'user') return null;
  const content = property(message, 'content');
  const blocks = content ? arrayElements(content.value, context.index) : [];
  const block = blocks.length === 1 ? resolveObject(blocks[0], context.index) : null;
  const text = property(block, 'text');
  if (!text) return null;
  const inline =
    unwrap(messages.value).type === T.ArrayExpression && unwrap(elements[0]) === message && unwrap(content!.value).type === T.ArrayExpression && unwrap(blocks[0]) === block;
  return { text, inline };
}

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
  const messages = property(options, 'messages');
  const lone = system ? null : loneTextMessage(messages, context);
  if (lone) {
    const fix = inline && messages?.parent === inline && lone.inline ? ({ kind: 'prompt-to-system', options: inline, systemKey: 'system', before: messages, shape: 'bedrock' } as const) : undefined;
    slots.push({ role: 'prompt', label: 'only message', value: lone.text.value, report: lone.text, fix, minInstructionWords: USER_TURN_MIN_WORDS });
    return slots;
  }
  slots.push(...messageSlots(messages?.value, context, { ...CHAT_ROLES, system: {} }));
  return slots;
};

/**
 * The request of `InvokeModelCommand`: its `body`, written as `JSON.stringify({ … })` (inline or
 * through a `const`), in the model family's own shape.
 */
function invokeRequest(call: TSESTree.CallExpression | TSESTree.NewExpression, context: ExtractContext): TSESTree.ObjectExpression | null {
  const body = property(optionsOf(call, context), 'body');
  const value = body && constValue(body.value, context.index);
  if (value?.type !== T.CallExpression || value.arguments.length === 0) return null;
  const callee = unwrap(value.callee);
  const stringify = callee.type === T.MemberExpression && callee.object.type === T.Identifier && callee.object.name === 'JSON' && callee.property.type === T.Identifier && callee.property.name === 'stringify';
  return stringify ? resolveObject(value.arguments[0], context.index) : null;
}

/**
 * AWS Bedrock InvokeModel: the model's native request in `body`. Anthropic models take `system`
 * (a string or text blocks) and `messages`; older text models a flat `prompt` (Claude v2,
 * Llama, Mistral) or `inputText` (Titan). No fix: the body is the model family's format.
 */
const invokeModel: Extractor = (call, context) => {
  const request = invokeRequest(call, context);
  if (!request) return [];
  return [
    ...propertySlot(request, 'system', 'system', 'system prompt', undefined, context.index),
    ...chatMessages(property(request, 'messages'), context),
    ...propertySlot(request, 'prompt', 'prompt', 'prompt'),
    ...propertySlot(request, 'inputText', 'prompt', 'inputText'),
  ];
};

export const bedrockModel: SdkModel = {
  sdk: 'bedrock',
  modules: ['@aws-sdk/client-bedrock-runtime'],
  exports: {
    ConverseCommand: { construct: { api: 'ConverseCommand', extract: converse } },
    ConverseStreamCommand: { construct: { api: 'ConverseStreamCommand', extract: converse } },
    InvokeModelCommand: { construct: { api: 'InvokeModelCommand', extract: invokeModel } },
    InvokeModelWithResponseStreamCommand: { construct: { api: 'InvokeModelWithResponseStreamCommand', extract: invokeModel } },
  },
};
