import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { constValue, optionsOf, property } from '../models/llm/extract.js';
import { findProperty, stringLiteralValue, unwrap } from '../syntax/ast.js';
import { describeCall } from './describe.js';
import type { FileIndex } from '../syntax/file-index.js';
import type { LlmCall } from '../models/llm/types.js';
import type { PromptOrigin } from './origin.js';

type Variable = NonNullable<ReturnType<FileIndex['variableOf']>>;

/** The options that hold a call's whole conversation. */
const MESSAGE_LISTS = ['messages', 'input', 'contents'];

/** `[new SystemMessage(…), …]`, `[['system', …], …]`, `[{ role: 'system', … }, …]` */
function listHasSystemMessage(list: TSESTree.Node | null): boolean {
  if (list?.type !== T.ArrayExpression) return false;
  return list.elements.some((element) => {
    const value = element && unwrap(element);
    if (!value) return false;
    if (value.type === T.NewExpression) return value.callee.type === T.Identifier && value.callee.name === 'SystemMessage';
    if (value.type === T.ArrayExpression) return stringLiteralValue(value.elements[0] ?? null) === 'system';
    if (value.type === T.ObjectExpression) {
      const role = stringLiteralValue(findProperty(value, 'role')?.value ?? null);
      return role === 'system' || role === 'developer';
    }
    return false;
  });
}

/**
 * Variables whose value an LLM call receives as its system prompt (`system: SYSTEM_PROMPT`,
 * `{ role: 'system', content: systemPrompt }`) or as its whole list of messages
 * (`messages`). Sending one of them to the client shows the client your instructions.
 */
export function promptVariables(calls: readonly LlmCall[], index: FileIndex): Map<Variable, PromptOrigin> {
  const found = new Map<Variable, PromptOrigin>();
  const note = (node: TSESTree.Node | undefined, what: PromptOrigin['what'], call: LlmCall) => {
    const value = node && unwrap(node);
    if (!value || value.type !== T.Identifier) return;
    const variable = index.variableOf(value);
    const declared = variable?.defs[0]?.name;
    if (!variable || !declared || found.has(variable)) return;
    found.set(variable, { kind: 'prompt', what, call: describeCall(call), node: declared, text: value.name, steps: [] });
  };
  for (const call of calls) {
    // A value that fills a template variable is a piece of the prompt, not the instructions.
    for (const slot of call.slots) if (slot.role === 'system' && !slot.fills) note(slot.value, 'system prompt', call);
    // A list counts only when it holds the system message (echoing the client's own history is fine).
    const options = optionsOf(call.node, { index });
    const first = call.node.arguments[0];
    const systemInList =
      call.slots.some((slot) => slot.role === 'system' && (!options || slot.report.parent !== options)) ||
      (first?.type === T.Identifier && listHasSystemMessage(constValue(first, index)));
    if (!systemInList) continue;
    // `model.invoke(messages)`, `ChatPromptTemplate.fromMessages(messages)`
    if (first?.type === T.Identifier && call.slots.every((slot) => slot.role === 'conversation' || slot.value !== first)) {
      const init = constValue(first, index);
      if (init?.type === T.ArrayExpression) note(first, 'messages list', call);
    }
    for (const key of MESSAGE_LISTS) {
      const list = property(options, key)?.value;
      if (list && list.type === T.Identifier && !call.slots.some((slot) => slot.role !== 'system' && slot.role !== 'conversation' && slot.value === list)) {
        note(list, 'messages list', call);
      }
    }
  }
  return found;
}
