import type { TSESTree } from '@typescript-eslint/utils';
import { memberChain, unwrap } from '../../syntax/ast.js';
import type { LlmWrapperSetting } from '../../settings.js';
import { optionsOf, property } from './extract.js';
import type { ExtractContext, LlmCall, PromptSlot, SlotRole } from './types.js';

/**
 * A team's own LLM helpers, declared in `settings['llm-security'].llmWrappers`:
 * `{ callee: 'askModel', system: 0, user: 1 }` or `{ callee: 'llm.ask', system: 'system' }`.
 */
function matches(call: TSESTree.CallExpression, wanted: readonly string[]): boolean {
  const { names, root } = memberChain(call.callee);
  const chain = root.type === 'Identifier' ? [root.name, ...names] : names;
  if (chain.length < wanted.length) return false;
  return wanted.every((name, i) => chain[chain.length - wanted.length + i] === name);
}

function slotAt(call: TSESTree.CallExpression, where: number | string | undefined, role: SlotRole, context: ExtractContext): PromptSlot[] {
  if (where === undefined) return [];
  const label = role === 'system' ? 'system prompt' : role === 'prompt' ? 'prompt' : 'user message';
  if (typeof where === 'number') {
    const argument = call.arguments[where];
    if (!argument || argument.type === 'SpreadElement') return [];
    return [{ role, label, value: argument, report: argument }];
  }
  const found = property(optionsOf(call, context), where);
  return found ? [{ role, label, value: found.value, report: found }] : [];
}

export function wrapperCalls(calls: readonly TSESTree.CallExpression[], wrappers: readonly LlmWrapperSetting[], context: ExtractContext): LlmCall[] {
  if (wrappers.length === 0) return [];
  const found: LlmCall[] = [];
  const specs = wrappers.map((wrapper) => ({ wrapper, names: wrapper.callee.split('.') }));
  for (const call of calls) {
    if (unwrap(call.callee).type !== 'Identifier' && unwrap(call.callee).type !== 'MemberExpression') continue;
    for (const { wrapper, names } of specs) {
      if (!matches(call, names)) continue;
      found.push({
        node: call,
        sdk: 'wrapper',
        api: wrapper.callee,
        slots: [
          ...slotAt(call, wrapper.system, 'system', context),
          ...slotAt(call, wrapper.user, 'user', context),
          ...slotAt(call, wrapper.prompt, 'prompt', context),
        ],
      });
      break;
    }
  }
  return found;
}
