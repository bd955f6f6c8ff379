import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { LlmCall, PromptSlot, SlotRole } from '../models/llm/types.js';
import { resolveObject } from '../models/llm/extract.js';
import { findProperty, type FunctionNode, type Node } from './ast.js';
import { describeCall } from './describe.js';
import type { FileAnalysis } from './file-analysis.js';
import { acrossModules } from './module-guard.js';
import { hasInstructionText, promptParts } from './prompt-shape.js';

/**
 * What a function does with its parameters besides returning them: which parameter reaches
 * which slot of an LLM call, directly or through the helpers it calls (in this file or in
 * other modules). A function with such effects is an LLM wrapper: calls to it are checked like
 * SDK calls, with the wrapper's argument in the slot.
 */
export interface ParamEffect {
  readonly index: number;
  /** Members read from the parameter on the way (`input.system` -> ['system']). */
  readonly access: readonly (string | null)[];
  readonly role: SlotRole;
  /** The slot's label in the SDK call ('system message', 'prompt', …). */
  readonly label: string;
  /** The SDK call that finally receives it: 'openai chat.completions.create'. */
  readonly call: string;
  /** For flat prompts: the helper already mixes the parameter with instruction text. */
  readonly mixed: boolean;
  readonly minInstructionWords?: number;
  /** The functions it passes through, outermost first: 'ask() in src/lib/ai.ts:4'. */
  readonly hops: readonly string[];
}

/** Rounds of propagation through helpers that call helpers (each round adds one level). */
const MAX_ROUNDS = 6;
/** Effects kept per function (distinct parameter, member path and role). */
const MAX_EFFECTS = 16;

const cache = new WeakMap<FileAnalysis, Map<FunctionNode, ParamEffect[]>>();

function effectKey(effect: ParamEffect): string {
  return `${effect.index}:${effect.access.join('.')}:${effect.role}:${effect.mixed}`;
}

/** The effects of every function of a file that passes a parameter on to an LLM call. */
export function functionEffects(analysis: FileAnalysis): Map<FunctionNode, ParamEffect[]> {
  const cached = cache.get(analysis);
  if (cached) return cached;
  const effects = new Map<FunctionNode, ParamEffect[]>();
  cache.set(analysis, effects); // an import cycle back to this file sees what is known so far
  const keys = new Map<FunctionNode, Set<string>>();
  const add = (fn: FunctionNode, effect: ParamEffect): boolean => {
    let seen = keys.get(fn);
    if (!seen) {
      seen = new Set();
      keys.set(fn, seen);
    }
    const key = effectKey(effect);
    if (seen.has(key) || seen.size >= MAX_EFFECTS) return false;
    seen.add(key);
    const list = effects.get(fn);
    if (list) list.push(effect);
    else effects.set(fn, [effect]);
    return true;
  };

  const host = { index: analysis.index, engine: analysis.engine };
  for (const call of analysis.sdkCalls) {
    for (const slot of call.slots) {
      const taint = analysis.engine.taintOf(slot.value);
      if (!taint.some((origin) => origin.kind === 'param')) continue;
      const mixed = slot.role === 'prompt' && hasInstructionText(promptParts(slot.value, host), slot.minInstructionWords);
      for (const origin of taint) {
        if (origin.kind !== 'param') continue;
        add(origin.fn, {
          index: origin.index,
          access: origin.access,
          role: slot.role,
          label: slot.label,
          call: describeCall(call),
          mixed,
          minInstructionWords: slot.minInstructionWords,
          hops: [],
        });
      }
    }
  }

  const sdkNodes = new Set<Node>(analysis.sdkCalls.map((call) => call.node));
  const linkedCalls = analysis.index.calls.filter((call) => !sdkNodes.has(call) && analysis.linkedCall(call) !== null);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = false;
    for (const call of linkedCalls) {
      for (const { effect, value } of effectsAt(analysis, call)) {
        for (const origin of analysis.engine.taintOf(value)) {
          if (origin.kind !== 'param') continue;
          changed = add(origin.fn, { ...effect, index: origin.index, access: origin.access }) || changed;
        }
      }
    }
    if (!changed) break;
  }
  return effects;
}

/** The effects of the function a call runs, each with the argument expression it applies to. */
export function effectsAt(analysis: FileAnalysis, call: TSESTree.CallExpression): { effect: ParamEffect; value: Node }[] {
  const linked = analysis.linkedCall(call);
  if (!linked) return [];
  const own = linked.owner === analysis;
  const effects = own ? functionEffects(analysis).get(linked.fn) : acrossModules(linked.owner, () => functionEffects(linked.owner).get(linked.fn));
  if (!effects || effects.length === 0) return [];
  const hop = analysis.hopLabel(linked);
  const found: { effect: ParamEffect; value: Node }[] = [];
  for (const effect of effects) {
    const value = argumentFor(analysis, call, effect);
    if (value) found.push({ effect: { ...effect, hops: [hop, ...effect.hops] }, value });
  }
  return found;
}

/** The argument that feeds a parameter, and the member it reads when the argument is an object literal. */
function argumentFor(analysis: FileAnalysis, call: TSESTree.CallExpression, effect: ParamEffect): Node | null {
  if (call.arguments.slice(0, effect.index + 1).some((a) => a.type === T.SpreadElement)) return null;
  let value: Node | undefined = call.arguments[effect.index];
  if (!value) return null;
  for (const key of effect.access) {
    if (key === null) break;
    const object = resolveObject(value, analysis.index);
    const property = object && findProperty(object, key);
    if (!property) break;
    value = property.value;
  }
  return value;
}

/** Calls of this file to functions that pass an argument on to an LLM call, as LLM calls with slots. */
export function helperCalls(analysis: FileAnalysis): LlmCall[] {
  const sdkNodes = new Set<Node>(analysis.sdkCalls.map((call) => call.node));
  const found: LlmCall[] = [];
  for (const call of analysis.index.calls) {
    if (sdkNodes.has(call)) continue;
    const at = effectsAt(analysis, call);
    if (at.length === 0) continue;
    const slots: PromptSlot[] = at.map(({ effect, value }) => ({
      role: effect.role,
      label: effect.label,
      value,
      report: value,
      minInstructionWords: effect.minInstructionWords,
      through: { call: effect.call, hops: effect.hops, mixed: effect.mixed },
    }));
    found.push({ node: call, sdk: 'helper', api: slots[0].through!.call, slots });
  }
  return found;
}
