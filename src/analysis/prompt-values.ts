import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { constValue, optionsOf, property } from '../models/llm/extract.js';
import { unwrap } from './ast.js';
import { describeCall } from './describe.js';
import type { FileIndex } from './file-index.js';
import type { LlmCall } from '../models/llm/types.js';
import type { PromptOrigin } from './origin.js';

type Variable = NonNullable<ReturnType<FileIndex['variableOf']>>;

/** The options that hold a call's whole conversation. */
const MESSAGE_LISTS = ['messages', 'input', 'contents'];

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
    for (const slot of call.slots) if (slot.role === 'system') note(slot.value, 'system prompt', call);
    // `model.invoke(messages)`, `ChatPromptTemplate.fromMessages(messages)`
    const first = call.node.arguments[0];
    if (first?.type === T.Identifier && call.slots.every((slot) => slot.value !== first)) {
      const init = constValue(first, index);
      if (init?.type === T.ArrayExpression) note(first, 'messages list', call);
    }
    const options = optionsOf(call.node, { index });
    for (const key of MESSAGE_LISTS) {
      const list = property(options, key)?.value;
      if (list && list.type === T.Identifier && !call.slots.some((slot) => slot.role !== 'system' && slot.value === list)) {
        note(list, 'messages list', call);
      }
    }
  }
  return found;
}
