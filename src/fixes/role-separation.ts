import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { findProperty, hasSpread, keyName, unwrap } from '../syntax/ast.js';
import type { FileIndex } from '../syntax/file-index.js';
import { isCertainlyString } from '../syntax/strings.js';
import type { PromptSlot, SlotFix } from '../models/llm/types.js';
import type { PromptSplit } from './split-prompt.js';
import { prependElement, preferredQuote, quoted, replacePropertyValue, separatorAfter, startsLine, indentOf } from './text.js';

/**
 * Rewrites toward role-separated messages: the constant part of a prompt stays where the
 * instructions belong (system message, `system`, `instructions`, `systemInstruction`), the
 * request data moves into its own user message. Each builder returns null when the code
 * around the slot is not a shape it fully understands; the rule then reports without a fix.
 */
export type FixBuilder = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];

interface FixInput {
  readonly slot: PromptSlot;
  readonly split: PromptSplit;
  readonly sourceCode: TSESLint.SourceCode;
  readonly index: FileIndex;
}

function replaceSlotValue(fixer: TSESLint.RuleFixer, slot: PromptSlot, text: string): TSESLint.RuleFix {
  const parent = slot.value.parent;
  if (parent?.type === T.Property && parent.value === slot.value) return replacePropertyValue(fixer, parent, text);
  return fixer.replaceText(slot.value, text);
}

function inlineArray(node: TSESTree.Node | undefined): TSESTree.ArrayExpression | null {
  return node?.type === T.ArrayExpression ? node : null;
}

function userMessage(quote: string, data: string): string {
  return `{ role: ${quoted('user', quote)}, content: ${data} }`;
}

/** A new message written like its sibling: a `[role, text]` tuple or a `{ role, content }` object, same quotes. */
function siblingMessage(
  sibling: TSESTree.ObjectExpression | TSESTree.ArrayExpression,
  role: string,
  contentKey: string,
  text: string,
  sourceCode: TSESLint.SourceCode,
): string {
  const roleNode = sibling.type === T.ObjectExpression ? findProperty(sibling, 'role')?.value : sibling.elements[0];
  const quote = preferredQuote(sourceCode, roleNode ?? undefined);
  return sibling.type === T.ArrayExpression ? `[${quoted(role, quote)}, ${text}]` : `{ role: ${quoted(role, quote)}, ${contentKey}: ${text} }`;
}

function messageAfter(fix: Extract<SlotFix, { kind: 'message-after' }>, input: FixInput): FixBuilder {
  const { slot, split, sourceCode } = input;
  const message = fix.message;
  const added = siblingMessage(message, fix.userRole, fix.contentKey, split.data, sourceCode);
  return (fixer) => [
    replaceSlotValue(fixer, slot, split.constant),
    fixer.insertTextAfter(message, `${separatorAfter(message, sourceCode)}${added}`),
  ];
}

/** The inline content array of the first message when it is a user message: `[{ text: … }, …]`. */
function firstUserContent(messages: TSESTree.ArrayExpression, contentKey: string): TSESTree.ArrayExpression | null {
  const first = messages.elements[0];
  if (first?.type !== T.ObjectExpression || hasSpread(first)) return null;
  const role = findProperty(first, 'role')?.value;
  if (role && !(role.type === T.Literal && role.value === 'user')) return null;
  return inlineArray(findProperty(first, contentKey)?.value);
}

function prependUserMessage(options: TSESTree.ObjectExpression, input: FixInput, shape: 'text' | 'bedrock'): FixBuilder | null {
  const messages = inlineArray(findProperty(options, 'messages')?.value);
  if (!messages) return null;
  if (shape === 'bedrock') {
    // Converse requires alternating roles: add a text block to the first user message instead.
    const content = firstUserContent(messages, 'content');
    if (!content) return null;
    return (fixer) => {
      const prepend = prependElement(fixer, content, `{ text: ${input.split.data} }`, input.sourceCode);
      return prepend ? [replaceSlotValue(fixer, input.slot, input.split.constant), prepend] : [];
    };
  }
  const quote = preferredQuote(input.sourceCode);
  return (fixer) => {
    const prepend = prependElement(fixer, messages, userMessage(quote, input.split.data), input.sourceCode);
    return prepend ? [replaceSlotValue(fixer, input.slot, input.split.constant), prepend] : [];
  };
}

function responsesInput(options: TSESTree.ObjectExpression, input: FixInput): FixBuilder | null {
  const { slot, split, sourceCode } = input;
  const quote = preferredQuote(sourceCode);
  const added = userMessage(quote, split.data);
  const inputProperty = findProperty(options, 'input');
  if (!inputProperty) {
    const instructions = slot.report;
    return (fixer) => [
      replaceSlotValue(fixer, slot, split.constant),
      fixer.insertTextAfter(instructions, `${separatorAfter(instructions, sourceCode)}input: ${split.data}`),
    ];
  }
  const array = inlineArray(inputProperty.value);
  if (array) {
    return (fixer) => {
      const prepend = prependElement(fixer, array, added, sourceCode);
      return prepend ? [replaceSlotValue(fixer, slot, split.constant), prepend] : [];
    };
  }
  if (!isCertainlyString(inputProperty.value, input.index)) return null;
  const existing = sourceCode.getText(inputProperty.value);
  return (fixer) => [
    replaceSlotValue(fixer, slot, split.constant),
    replacePropertyValue(fixer, inputProperty, `[${added}, ${userMessage(quote, existing)}]`),
  ];
}

function vercelSystem(options: TSESTree.ObjectExpression, input: FixInput): FixBuilder | null {
  const { slot, split, sourceCode } = input;
  const quote = preferredQuote(sourceCode);
  const added = userMessage(quote, split.data);
  const messagesProperty = findProperty(options, 'messages');
  const promptProperty = findProperty(options, 'prompt');
  const array = inlineArray(messagesProperty?.value) ?? inlineArray(promptProperty?.value);
  if (array) {
    return (fixer) => {
      const prepend = prependElement(fixer, array, added, sourceCode);
      return prepend ? [replaceSlotValue(fixer, slot, split.constant), prepend] : [];
    };
  }
  if (messagesProperty || !promptProperty || !isCertainlyString(promptProperty.value, input.index)) return null;
  const prompt = sourceCode.getText(promptProperty.value);
  return (fixer) => [
    replaceSlotValue(fixer, slot, split.constant),
    fixer.replaceText(promptProperty, `messages: [${added}, ${userMessage(quote, prompt)}]`),
  ];
}

function googleContents(options: TSESTree.ObjectExpression, input: FixInput): FixBuilder | null {
  const { slot, split, sourceCode } = input;
  const contents = findProperty(options, 'contents');
  if (!contents) return null;
  const array = inlineArray(contents.value);
  if (array) {
    const first = array.elements[0];
    const asContent = first && first.type === T.ObjectExpression && (findProperty(first, 'role') || findProperty(first, 'parts'));
    // A list of Content objects: add a text part to the first user turn (turns must alternate).
    const target = asContent ? firstUserContent(array, 'parts') : array;
    if (!target) return null;
    const added = asContent ? `{ text: ${split.data} }` : split.data;
    return (fixer) => {
      const prepend = prependElement(fixer, target, added, sourceCode);
      return prepend ? [replaceSlotValue(fixer, slot, split.constant), prepend] : [];
    };
  }
  // A single string becomes a list of two parts; anything else (a Content, a list in a variable) is left alone.
  if (!isCertainlyString(contents.value, input.index)) return null;
  const existing = sourceCode.getText(contents.value);
  return (fixer) => [
    replaceSlotValue(fixer, slot, split.constant),
    replacePropertyValue(fixer, contents, `[${split.data}, ${existing}]`),
  ];
}

/** The local name under which `HumanMessage` is (or can be) imported next to `SystemMessage`. */
function humanMessageImport(
  node: TSESTree.NewExpression,
  sourceCode: TSESLint.SourceCode,
): { name: string; add: ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | null } | null {
  const callee = unwrap(node.callee);
  if (callee.type !== T.Identifier) return null;
  const program = sourceCode.ast;
  for (const statement of program.body) {
    if (statement.type !== T.ImportDeclaration) continue;
    const system = statement.specifiers.find((s) => s.type === T.ImportSpecifier && s.local.name === callee.name);
    if (!system) continue;
    const existing = statement.specifiers.find(
      (s) => s.type === T.ImportSpecifier && s.imported.type === T.Identifier && s.imported.name === 'HumanMessage',
    );
    if (existing) return { name: existing.local.name, add: null };
    const taken = sourceCode.scopeManager?.globalScope?.childScopes.some((scope) => scope.set.has('HumanMessage'));
    if (taken) return null;
    return { name: 'HumanMessage', add: (fixer) => fixer.insertTextAfter(system, ', HumanMessage') };
  }
  return null;
}

function langchainSystemMessage(node: TSESTree.NewExpression, input: FixInput): FixBuilder | null {
  const { slot, split, sourceCode } = input;
  const human = humanMessageImport(node, sourceCode);
  if (!human || node.arguments.length !== 1) return null;
  return (fixer) => {
    const fixes = [
      fixer.replaceText(slot.value, split.constant),
      fixer.insertTextAfter(node, `${separatorAfter(node, sourceCode)}new ${human.name}(${split.data})`),
    ];
    if (human.add) fixes.push(human.add(fixer));
    return fixes;
  };
}

function promptToSystem(fix: Extract<SlotFix, { kind: 'prompt-to-system' }>, input: FixInput): FixBuilder | null {
  const { slot, split, sourceCode } = input;
  const { before, systemKey } = fix;
  if (findProperty(fix.options, systemKey)) return null;
  const value = fix.shape === 'bedrock' ? `[{ text: ${split.constant} }]` : split.constant;
  const separator = startsLine(before, sourceCode) ? `,\n${indentOf(before, sourceCode)}` : ', ';
  return (fixer) => [fixer.insertTextBefore(before, `${systemKey}: ${value}${separator}`), replaceSlotValue(fixer, slot, split.data)];
}

function messageBefore(fix: Extract<SlotFix, { kind: 'message-before' }>, input: FixInput): FixBuilder {
  const { slot, split, sourceCode } = input;
  const message = fix.message;
  const added = siblingMessage(message, 'system', fix.contentKey, split.constant, sourceCode);
  const separator = startsLine(message, sourceCode) ? `,\n${indentOf(message, sourceCode)}` : ', ';
  return (fixer) => [fixer.insertTextBefore(message, `${added}${separator}`), replaceSlotValue(fixer, slot, split.data)];
}

function invokeToMessages(call: TSESTree.CallExpression, input: FixInput): FixBuilder | null {
  const { slot, split, sourceCode } = input;
  if (call.arguments[0] !== slot.value) return null;
  const quote = preferredQuote(sourceCode);
  return (fixer) => [
    fixer.replaceText(slot.value, `[[${quoted('system', quote)}, ${split.constant}], [${quoted('human', quote)}, ${split.data}]]`),
  ];
}

/** Legacy completions -> chat completions: a suggestion, since the model and the response shape change. */
function legacyCompletion(call: TSESTree.CallExpression, input: FixInput): FixBuilder | null {
  const { slot, split, sourceCode } = input;
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression || callee.computed) return null;
  const completions = unwrap(callee.object);
  if (completions.type !== T.MemberExpression || completions.computed || keyName(completions) !== 'completions') return null;
  const prompt = slot.report;
  if (prompt.type !== T.Property) return null;
  const quote = preferredQuote(sourceCode);
  const messages = `messages: [{ role: ${quoted('system', quote)}, content: ${split.constant} }, ${userMessage(quote, split.data)}]`;
  return (fixer) => [fixer.insertTextBefore(completions.property, 'chat.'), fixer.replaceText(prompt, messages)];
}

/** An options object or message with `...spread` may hide the very keys a fix would add. */
function spreadIn(fix: SlotFix): boolean {
  if ('options' in fix && hasSpread(fix.options)) return true;
  if ('message' in fix && fix.message.type === T.ObjectExpression && hasSpread(fix.message)) return true;
  return false;
}

export function roleSeparationFix(input: FixInput): FixBuilder | null {
  const fix = input.slot.fix;
  if (!fix || spreadIn(fix)) return null;
  switch (fix.kind) {
    case 'message-after':
      return messageAfter(fix, input);
    case 'prepend-user-message':
      return prependUserMessage(fix.options, input, fix.shape);
    case 'responses-input':
      return responsesInput(fix.options, input);
    case 'vercel-system':
      return vercelSystem(fix.options, input);
    case 'google-contents':
      return googleContents(fix.options, input);
    case 'langchain-system-message':
      return langchainSystemMessage(fix.node, input);
    case 'prompt-to-system':
      return promptToSystem(fix, input);
    case 'message-before':
      return messageBefore(fix, input);
    case 'invoke-to-messages':
      return invokeToMessages(fix.call, input);
    case 'legacy-completion':
      return legacyCompletion(fix.call, input);
  }
}

/** Fixes that change the endpoint or the response shape are only ever offered as suggestions. */
export function isSuggestionOnly(fix: SlotFix | undefined): boolean {
  return fix?.kind === 'legacy-completion';
}
