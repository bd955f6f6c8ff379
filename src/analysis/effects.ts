import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { LlmCall, PromptSlot, SlotRole } from '../models/llm/types.js';
import { resolveObject } from '../models/llm/extract.js';
import { findProperty, isFunction, keyName, unwrap, type FunctionNode, type Node } from './ast.js';
import { RESPONSE_MODELS } from '../models/sinks/response-objects.js';
import type { DangerKind } from '../models/sinks/dangerous.js';
import { dangerousSinks } from './dangerous-sinks.js';
import { onlyInDevelopment } from './env-guard.js';
import { loggerCalls } from './logger-calls.js';
import { limitOption, missingLimit } from './limit-findings.js';
import { describeCall } from './describe.js';
import type { FileAnalysis } from './file-analysis.js';
import { acrossModules } from './module-guard.js';
import { hasInstructionText, promptParts } from './prompt-shape.js';

/**
 * What a function does with its parameters besides returning them: which parameter reaches
 * which slot of an LLM call, a logger, a dangerous sink, or the payload of a response object
 * that the caller passes in, directly or through the helpers it calls (in this file or in
 * other modules). Calls to such a function are checked like the sink itself, with the
 * caller's argument in its place.
 */
export type EffectSink =
  | {
      readonly kind: 'llm';
      readonly role: SlotRole;
      /** The slot's label in the SDK call ('system message', 'prompt', …). */
      readonly label: string;
      /** The SDK call that finally receives it: 'openai chat.completions.create'. */
      readonly call: string;
      /** For flat prompts: the helper already mixes the parameter with instruction text. */
      readonly mixed: boolean;
      readonly minInstructionWords?: number;
      /** The SDK call sets no output limit: the option it lacks. */
      readonly unbounded?: string;
    }
  | { readonly kind: 'log'; readonly logger: string }
  | { readonly kind: 'danger'; readonly danger: DangerKind; readonly api: string }
  /** `res.json(data)` in `send(res, data)`: parameter `response` is the response object, `method` its send method ('=body' for `ctx.body =`). */
  | { readonly kind: 'respond'; readonly response: number; readonly method: string };

export interface ParamEffect {
  readonly index: number;
  /** Members read from the parameter on the way (`input.system` -> ['system']). */
  readonly access: readonly (string | null)[];
  readonly sink: EffectSink;
  /** The functions it passes through, outermost first: 'ask() in src/lib/ai.ts:4'. */
  readonly hops: readonly string[];
}

/** Rounds of propagation through helpers that call helpers (each round adds one level). */
const MAX_ROUNDS = 6;
/** Effects kept per function (distinct parameter, member path and sink). */
const MAX_EFFECTS = 24;

const cache = new WeakMap<FileAnalysis, Map<FunctionNode, ParamEffect[]>>();

function sinkKey(sink: EffectSink): string {
  switch (sink.kind) {
    case 'llm':
      return `llm:${sink.role}:${sink.mixed}:${sink.unbounded ?? ''}`;
    case 'log':
      return `log:${sink.logger}`;
    case 'danger':
      return `danger:${sink.danger}`;
    case 'respond':
      return `respond:${sink.response}:${sink.method}`;
  }
}

/** Send methods of every response model: a helper's parameter used this way may be a response object. */
const SEND_METHODS = new Map<string, number>();
const CHAIN_METHODS = new Set<string>();
for (const model of Object.values(RESPONSE_MODELS)) {
  for (const [method, position] of model.send) SEND_METHODS.set(method, position);
  for (const method of model.chain) CHAIN_METHODS.add(method);
}

/** `res` in `res.status(500).json(x)` when it is a parameter: its function and position. */
function parameterReceiver(node: Node, analysis: FileAnalysis): { fn: FunctionNode; index: number } | null {
  let current = unwrap(node);
  while (current.type === T.CallExpression) {
    const callee = unwrap(current.callee);
    if (callee.type !== T.MemberExpression || !CHAIN_METHODS.has(keyName(callee) ?? '')) return null;
    current = unwrap(callee.object);
  }
  if (current.type !== T.Identifier) return null;
  const def = analysis.index.variableOf(current)?.defs[0];
  if (def?.type !== 'Parameter' || !isFunction(def.node as Node)) return null;
  const fn = def.node as FunctionNode;
  const index = fn.params.indexOf(def.name as TSESTree.Parameter);
  return index < 0 ? null : { fn, index };
}

/** Sinks of a file whose value may come from a parameter, each with the value it takes. */
function directSinks(analysis: FileAnalysis): { sink: EffectSink; value: Node; only?: FunctionNode }[] {
  const found: { sink: EffectSink; value: Node; only?: FunctionNode }[] = [];
  const host = analysis.shapeHost;
  for (const call of analysis.sdkCalls) {
    const limit = missingLimit(analysis, call);
    const unbounded = limit === undefined ? undefined : limitOption(limit);
    for (const slot of call.slots) {
      const mixed = slot.role === 'prompt' && analysis.engine.taintOf(slot.value).some((o) => o.kind === 'param') && hasInstructionText(promptParts(slot.value, host), slot.minInstructionWords);
      found.push({ sink: { kind: 'llm', role: slot.role, label: slot.label, call: describeCall(call), mixed, minInstructionWords: slot.minInstructionWords, unbounded }, value: slot.value });
    }
  }
  for (const call of loggerCalls(analysis)) {
    if (onlyInDevelopment(call.node, analysis.engine.guards)) continue;
    for (const argument of call.node.arguments) found.push({ sink: { kind: 'log', logger: call.logger }, value: argument });
  }
  for (const sink of dangerousSinks(analysis)) {
    for (const value of sink.values) found.push({ sink: { kind: 'danger', danger: sink.kind, api: sink.api }, value });
  }
  for (const call of analysis.index.calls) {
    const callee = unwrap(call.callee);
    if (callee.type !== T.MemberExpression) continue;
    const method = keyName(callee);
    const position = method === null ? undefined : SEND_METHODS.get(method);
    const payload = position === undefined ? undefined : call.arguments[position];
    const receiver = payload && payload.type !== T.SpreadElement ? parameterReceiver(callee.object, analysis) : null;
    if (receiver && payload) found.push({ sink: { kind: 'respond', response: receiver.index, method: method! }, value: payload, only: receiver.fn });
  }
  for (const assignment of analysis.index.assignments) {
    const left = assignment.left;
    if (assignment.operator !== '=' || left.type !== T.MemberExpression || keyName(left) !== 'body') continue;
    const receiver = parameterReceiver(left.object, analysis);
    if (receiver) found.push({ sink: { kind: 'respond', response: receiver.index, method: '=body' }, value: assignment.right, only: receiver.fn });
  }
  return found;
}

/** The effects of every function of a file that passes a parameter on to a sink. */
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
    const key = `${effect.index}:${effect.access.join('.')}:${sinkKey(effect.sink)}`;
    if (seen.has(key) || seen.size >= MAX_EFFECTS) return false;
    seen.add(key);
    const list = effects.get(fn);
    if (list) list.push(effect);
    else effects.set(fn, [effect]);
    return true;
  };

  for (const { sink, value, only } of directSinks(analysis)) {
    for (const origin of analysis.engine.taintOf(value)) {
      if (origin.kind !== 'param' || (only && origin.fn !== only)) continue;
      add(origin.fn, { index: origin.index, access: origin.access, sink, hops: [] });
    }
  }

  const sdkNodes = new Set<Node>(analysis.sdkCalls.map((call) => call.node));
  const linkedCalls = analysis.index.calls.filter((call) => !sdkNodes.has(call) && analysis.linkedCall(call) !== null);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = false;
    for (const call of linkedCalls) {
      for (const { effect, value } of effectsAt(analysis, call)) {
        // A response helper called with this function's own response parameter.
        let sink = effect.sink;
        let only: FunctionNode | undefined;
        if (sink.kind === 'respond') {
          const receiver = call.arguments[sink.response] ? parameterReceiver(call.arguments[sink.response], analysis) : null;
          if (!receiver) continue;
          sink = { ...sink, response: receiver.index };
          only = receiver.fn;
        }
        for (const origin of analysis.engine.taintOf(value)) {
          if (origin.kind !== 'param' || (only && origin.fn !== only)) continue;
          changed = add(origin.fn, { ...effect, sink, index: origin.index, access: origin.access }) || changed;
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

/** Whether this file's calls to helpers are checked as sinks: where request data or LLM output can reach them. */
function checksHelperCalls(analysis: FileAnalysis): boolean {
  const sources = analysis.settings.sources;
  return analysis.handlers.size > 0 || sources.functions.length > 0 || sources.requestParams.length > 0 || analysis.sdkCalls.length > 0;
}

const sitesCache = new WeakMap<FileAnalysis, { call: TSESTree.CallExpression; effect: ParamEffect; value: Node }[]>();

/** Every call of this file to a function with effects, one entry per effect. */
export function helperSinkSites(analysis: FileAnalysis): { call: TSESTree.CallExpression; effect: ParamEffect; value: Node }[] {
  let sites = sitesCache.get(analysis);
  if (sites) return sites;
  sites = [];
  if (checksHelperCalls(analysis)) {
    const sdkNodes = new Set<Node>(analysis.sdkCalls.map((call) => call.node));
    for (const call of analysis.index.calls) {
      if (sdkNodes.has(call)) continue;
      // One site per argument and sink: `ask(body)` where the helper reads `body.a` and `body.b` is one flow.
      const seen = new Set<string>();
      for (const { effect, value } of effectsAt(analysis, call)) {
        const key = `${value.range[0]}:${value.range[1]}:${sinkKey(effect.sink)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        sites.push({ call, effect, value });
      }
    }
  }
  sitesCache.set(analysis, sites);
  return sites;
}

/** Calls of this file to functions that pass an argument on to an LLM call, as LLM calls with slots. */
export function helperCalls(analysis: FileAnalysis): LlmCall[] {
  const byCall = new Map<TSESTree.CallExpression, PromptSlot[]>();
  for (const { call, effect, value } of helperSinkSites(analysis)) {
    const sink = effect.sink;
    if (sink.kind !== 'llm') continue;
    const slot: PromptSlot = {
      role: sink.role,
      label: sink.label,
      value,
      report: value,
      minInstructionWords: sink.minInstructionWords,
      through: { call: sink.call, hops: effect.hops, mixed: sink.mixed, unbounded: sink.unbounded },
    };
    const slots = byCall.get(call);
    if (slots) slots.push(slot);
    else byCall.set(call, [slot]);
  }
  return [...byCall].map(([node, slots]) => ({ node, sdk: 'helper', api: slots[0].through!.call, slots }));
}
