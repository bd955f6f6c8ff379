import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { findProperty, hasSpread, isFunction, keyName, stringLiteralValue, unwrap } from '../../syntax/ast.js';
import type { FileIndex } from '../../syntax/file-index.js';
import { USER_TURN_MIN_WORDS, type ExtractContext, type LoneUserMessage, type MessageRoles, type PromptSlot, type SlotFix } from './types.js';

/**
 * Shared pieces of the SDK models: finding the options object of a call, the messages of
 * an array (inline, through a `const`, or pushed later) and their roles.
 */

/** The single value a `const`-like identifier is bound to, if it has exactly one write. */
export function constValue(node: TSESTree.Node, index: FileIndex): TSESTree.Node | null {
  const value = unwrap(node);
  if (value.type !== T.Identifier) return value;
  const variable = index.variableOf(value);
  if (!variable || variable.defs.length !== 1) return null;
  const def = variable.defs[0];
  if (def.type !== 'Variable' || def.node.type !== T.VariableDeclarator || def.node.id !== def.name || !def.node.init) return null;
  if (variable.references.filter((r) => r.isWrite()).length !== 1) return null;
  return unwrap(def.node.init);
}

export function resolveObject(node: TSESTree.Node | undefined, index: FileIndex): TSESTree.ObjectExpression | null {
  if (!node) return null;
  const value = constValue(node, index);
  return value?.type === T.ObjectExpression ? value : null;
}

/** The options object of a call: its first argument, inline or through a `const`. */
export function optionsOf(call: TSESTree.CallExpression | TSESTree.NewExpression, context: ExtractContext, position = 0) {
  return resolveObject(call.arguments[position], context.index);
}

/** The inline options object (fixes only rewrite what is written in the call itself). */
export function inlineOptions(call: TSESTree.CallExpression | TSESTree.NewExpression, position = 0): TSESTree.ObjectExpression | null {
  const argument = call.arguments[position];
  const value = argument && unwrap(argument);
  return value?.type === T.ObjectExpression ? value : null;
}

export function property(object: TSESTree.ObjectExpression | null, name: string): TSESTree.Property | null {
  return object ? findProperty(object, name) : null;
}

/** The elements of a messages array: inline, through a `const`, and what is pushed onto it. */
export function arrayElements(node: TSESTree.Node, index: FileIndex): TSESTree.Node[] {
  const value = unwrap(node);
  const elements: TSESTree.Node[] = [];
  const addLiteral = (array: TSESTree.ArrayExpression) => {
    for (const element of array.elements) if (element && element.type !== T.SpreadElement) elements.push(element);
  };
  if (value.type === T.ArrayExpression) {
    addLiteral(value);
    return elements;
  }
  if (value.type !== T.Identifier) return elements;
  const variable = index.variableOf(value);
  if (!variable) return elements;
  for (const def of variable.defs) {
    if (def.type === 'Variable' && def.node.type === T.VariableDeclarator && def.node.id === def.name && def.node.init) {
      const init = unwrap(def.node.init);
      if (init.type === T.ArrayExpression) addLiteral(init);
    }
  }
  for (const reference of variable.references) {
    const member = reference.identifier.parent;
    if (member?.type !== T.MemberExpression || member.object !== reference.identifier) continue;
    const call = member.parent;
    const method = keyName(member);
    if (call?.type === T.CallExpression && call.callee === member && (method === 'push' || method === 'unshift')) {
      for (const argument of call.arguments) if (argument.type !== T.SpreadElement) elements.push(argument);
    }
  }
  return elements;
}

/** A parameter, or a member read from one (`messages`, `opts.messages`). */
function isParameterValue(node: TSESTree.Node, index: FileIndex): boolean {
  let value = unwrap(node);
  while (value.type === T.MemberExpression && !value.computed) value = unwrap(value.object);
  if (value.type !== T.Identifier) return false;
  const variable = index.variableOf(value);
  return variable?.defs.length === 1 && variable.defs[0].type === 'Parameter' && !variable.references.some((r) => r.isWrite());
}

export function staticRole(node: TSESTree.Node | null | undefined): string | null {
  return stringLiteralValue(node ?? null);
}

export type { LoneUserMessage, MessageRoles } from './types.js';

export const CHAT_ROLES: MessageRoles = {
  system: { system: 'system message', developer: 'developer message' },
  user: ['user'],
  assistant: ['assistant'],
  userRole: 'user',
};

/**
 * The text parts of a content value written as parts: `[{ type: 'text', text }]` (openai,
 * anthropic, Vercel), Gemini's `{ parts: [{ text }] }` or a lone `{ text }` part, and plain
 * strings in a parts list. Each part becomes its own slot, reported at the `text:` that holds
 * it; parts that are not text (images, files) are left out. Null when the value is not written
 * as parts here (a string, a variable of unknown shape): the slot stays whole.
 */
export function partSlots(slot: PromptSlot, index: FileIndex, depth = 0): PromptSlot[] | null {
  const value = constValue(slot.value, index);
  if (!value || depth > 2) return null;
  if (value.type === T.ObjectExpression) {
    const parts = findProperty(value, 'parts');
    if (parts) return partSlots({ ...slot, value: parts.value, report: parts }, index, depth + 1);
    const text = findProperty(value, 'text');
    return text ? [{ ...slot, value: text.value, report: text, fix: undefined }] : null;
  }
  if (value.type !== T.ArrayExpression) return null;
  const slots: PromptSlot[] = [];
  for (const element of value.elements) {
    if (!element) continue;
    if (element.type === T.SpreadElement) {
      slots.push({ ...slot, value: element.argument, report: element, fix: undefined });
      continue;
    }
    const part = constValue(element, index);
    if (part?.type === T.ObjectExpression) {
      const text = findProperty(part, 'text');
      if (text) slots.push({ ...slot, value: text.value, report: text, fix: undefined });
      else if (hasSpread(part)) slots.push({ ...slot, value: part, report: element, fix: undefined });
      continue;
    }
    // A string part, or a part of unknown shape: the element itself.
    slots.push({ ...slot, value: element, report: element, fix: undefined });
  }
  return slots;
}

/** A system-side slot, split into its text parts when its content is written as parts. */
function withParts(slot: PromptSlot, index: FileIndex): PromptSlot[] {
  return partSlots(slot, index) ?? [slot];
}

/**
 * Slots of a list of chat messages: `{ role, content }` objects (and langchain
 * `['system', text]` tuples). A system message that is written inline in an inline array
 * carries a fix that inserts a user message after it.
 */
export function messageSlots(
  messagesNode: TSESTree.Node | undefined,
  context: ExtractContext,
  roles: MessageRoles,
  loneUser: LoneUserMessage = null,
): PromptSlot[] {
  if (!messagesNode) return [];
  const slots: PromptSlot[] = [];
  const inlineArray = unwrap(messagesNode).type === T.ArrayExpression;
  const contentKey = roles.contentKey ?? 'content';
  const elements = arrayElements(messagesNode, context.index);
  // `messages` of a helper's parameter (`ask(messages)`, `opts.messages`): its caller writes the roles.
  if (elements.length === 0 && isParameterValue(messagesNode, context.index)) {
    const report = messagesNode.parent?.type === T.Property && messagesNode.parent.value === messagesNode ? messagesNode.parent : messagesNode;
    return [{ role: 'messages', label: 'messages', value: messagesNode, report, list: { roles, loneUser } }];
  }
  if (loneUser && elements.length === 1) {
    const lone = loneUserSlot(elements[0], messagesNode, inlineArray, contentKey, roles, context, loneUser);
    if (lone) return [lone];
  }
  for (const element of elements) {
    const value = unwrap(element);
    if (value.type === T.ArrayExpression && value.elements.length === 2) {
      const [roleNode, content] = value.elements;
      const role = staticRole(roleNode);
      if (!role || !content || content.type === T.SpreadElement) continue;
      if (role === 'system' || role === 'developer') {
        const fix: SlotFix | undefined =
          inlineArray && element.parent === messagesNode ? { kind: 'message-after', message: value, userRole: 'human', contentKey } : undefined;
        slots.push({ role: 'system', label: `${role} message`, value: content, report: content, fix });
      } else if (roles.assistant?.includes(role)) {
        slots.push({ role: 'assistant', label: 'assistant message', value: content, report: content });
      } else if (role === 'human' || role === 'user') {
        slots.push({ role: 'user', label: 'user message', value: content, report: content });
      }
      continue;
    }
    const message = resolveObject(element, context.index);
    if (!message) continue;
    const role = staticRole(property(message, 'role')?.value);
    const content = property(message, contentKey);
    if (!role || !content) continue;
    if (Object.hasOwn(roles.system, role)) {
      const fix: SlotFix | undefined =
        inlineArray && unwrap(element) === message && element.parent === unwrap(messagesNode)
          ? { kind: 'message-after', message, userRole: roles.userRole, contentKey }
          : undefined;
      slots.push(...withParts({ role: 'system', label: roles.system[role], value: content.value, report: content, fix }, context.index));
    } else if (roles.assistant?.includes(role)) {
      // A model turn the program writes: no fix (moving its text into a user turn changes the conversation).
      slots.push(...withParts({ role: 'assistant', label: 'assistant message', value: content.value, report: content }, context.index));
    } else if (roles.user.includes(role)) {
      slots.push({ role: 'user', label: 'user message', value: content.value, report: content });
    }
  }
  return slots;
}

function loneUserSlot(
  element: TSESTree.Node,
  messagesNode: TSESTree.Node,
  inlineArray: boolean,
  contentKey: string,
  roles: MessageRoles,
  context: ExtractContext,
  loneUser: Exclude<LoneUserMessage, null>,
): PromptSlot | null {
  const value = unwrap(element);
  const inline = inlineArray && element.parent === unwrap(messagesNode);
  const fixFor = (message: TSESTree.ObjectExpression | TSESTree.ArrayExpression): SlotFix | undefined => {
    if (!inline) return undefined;
    return loneUser === 'system-message' ? { kind: 'message-before', message, contentKey } : loneUser(message);
  };
  if (value.type === T.ArrayExpression && value.elements.length === 2) {
    const [roleNode, content] = value.elements;
    const role = staticRole(roleNode);
    if ((role !== 'human' && role !== 'user') || !content || content.type === T.SpreadElement) return null;
    return { role: 'prompt', label: 'only message', value: content, report: content, fix: fixFor(value), minInstructionWords: USER_TURN_MIN_WORDS };
  }
  const message = resolveObject(element, context.index);
  const role = staticRole(property(message, 'role')?.value);
  const content = property(message, contentKey);
  if (!message || !content || !role || !roles.user.includes(role)) return null;
  return {
    role: 'prompt',
    label: 'only message',
    value: content.value,
    report: content,
    fix: value === message ? fixFor(message) : undefined,
    minInstructionWords: USER_TURN_MIN_WORDS,
  };
}

/**
 * The whole list of messages of a call (`messages: history`): who writes its roles. Only for
 * options that are always a list; a list written inline with constant roles is no question.
 */
export function conversationSlot(messages: TSESTree.Property | null | undefined, label = 'messages'): PromptSlot[] {
  if (!messages) return [];
  return [{ role: 'conversation', label, value: messages.value, report: messages }];
}

/** A chat call's `messages`: each message's slot, and the list as a whole. */
export function chatMessages(messages: TSESTree.Property | null | undefined, context: ExtractContext): PromptSlot[] {
  return [...messageSlots(messages?.value, context, CHAT_ROLES, 'system-message'), ...conversationSlot(messages)];
}

/**
 * A property slot (`system: …`, `instructions: …`) of an options object. Given the file's
 * index, a system-side slot written as text parts (`system: [{ type: 'text', text }]`,
 * `systemInstruction: { parts: [{ text }] }`) is one slot per part.
 */
export function propertySlot(
  options: TSESTree.ObjectExpression | null,
  name: string,
  role: PromptSlot['role'],
  label: string,
  fix?: SlotFix,
  index?: FileIndex,
): PromptSlot[] {
  const found = property(options, name);
  if (!found) return [];
  const slot: PromptSlot = { role, label, value: found.value, report: found, fix };
  return index && role !== 'user' && role !== 'prompt' ? withParts(slot, index) : [slot];
}

/**
 * An agent's instructions (`instructions`, `systemPrompt`, `prompt`): a string, or a function
 * that returns one (`instructions: (ctx) => \`…\``), written inline or in a `const`. For a
 * function, each value it returns is a slot, reported where it is returned.
 */
export function instructionSlots(options: TSESTree.ObjectExpression | null, name: string, label: string, index: FileIndex): PromptSlot[] {
  const found = property(options, name);
  if (!found) return [];
  const value = constValue(found.value, index);
  if (value && isFunction(value)) {
    return (index.returns.get(value) ?? []).map((returned) => ({ role: 'system' as const, label, value: returned, report: returned }));
  }
  return [{ role: 'system', label, value: found.value, report: found }];
}
