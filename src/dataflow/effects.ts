import type { TSESTree } from '@typescript-eslint/utils';
import { importedValues, parameterRoleConstrained, roleConstrained, rolesTaint } from './role-constraints.js';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { LlmCall, PromptSlot, SlotRole } from '../models/llm/types.js';
import { messageSlots } from '../models/llm/extract.js';
import { argumentFor } from './arguments.js';
import { isFunction, keyName, unwrap, type FunctionNode, type Node } from '../syntax/ast.js';
import { RESPONSE_MODELS } from '../models/sinks/response-objects.js';
import type { DangerKind } from '../models/sinks/dangerous.js';
import { dangerousSinks } from './dangerous-calls.js';
import { onlyInDevelopment } from './env-guard.js';
import { loggerCalls } from './logger-calls.js';
import { limitOption, missingLimit } from './llm-limits.js';
import { describeCall } from './describe.js';
import type { FileAnalysis, LinkedFunction } from './analysis-types.js';
import { acrossModules } from './module-guard.js';
import { redacted, union, type ParamOrigin, type Taint } from './origin.js';
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
      /** For role `messages`: how the list the caller builds is read. */
      readonly list?: PromptSlot['list'];
    }
  | { readonly kind: 'log'; readonly logger: string }
  | { readonly kind: 'danger'; readonly danger: DangerKind; readonly api: string }
  /** `res.json(data)` in `send(res, data)`: parameter `response` is the response object, `method` its send method ('=body' for `ctx.body =`). */
  | { readonly kind: 'respond'; readonly response: number; readonly method: string }
  /**
   * `res.write(chunk)` in `relay(res, q)` where the chunk is the helper's own LLM output, error
   * details or prompt (not a parameter): what the response parameter (the effect's `index`) is sent.
   */
  | { readonly kind: 'emit'; readonly method: string; readonly origins: Taint };

export interface ParamEffect {
  readonly index: number;
  /** Members read from the parameter on the way (`input.system` -> ['system']). */
  readonly access: readonly (string | null)[];
  readonly sink: EffectSink;
  /** The functions it passes through, outermost first: 'ask() in src/lib/ai.ts:4'. */
  readonly hops: readonly string[];
  /** The module where the sink is (the file of the SDK call, logger, …). */
  readonly site: string;
  /**
   * The way to the sink runs through a call linked by the method's name alone: the callee's module
   * cannot see this caller, so the flow is reported at the call where the data is, not at the sink.
   */
  readonly byName?: true;
}

/** Rounds of propagation through helpers that call helpers (each round adds one level). */
const MAX_ROUNDS = 6;
/** Effects kept per function (distinct parameter, member path and sink). */
const MAX_EFFECTS = 24;

const cache = new WeakMap<FileAnalysis, Map<FunctionNode, ParamEffect[]>>();

/**
 * Modules whose effects are being computed, innermost last, with Tarjan's low link: an import
 * cycle back to one reads what it knows so far, and the modules between are not cached; the
 * outermost module of the cycle computes again until nothing changes, and is then complete.
 */
interface Computing {
  readonly analysis: FileAnalysis;
  readonly effects: Map<FunctionNode, ParamEffect[]>;
  readonly index: number;
  low: number;
  /** Modules of the cycle computed inside this one (in its last round). */
  members: Computing[];
  /** A module inside read this one's partial effects. */
  cycled: boolean;
}
const computing: Computing[] = [];
const inProgress = new Map<FileAnalysis, Computing>();
/** Rounds the outermost module of an import cycle computes before its answer counts as settled. */
const MAX_CYCLE_ROUNDS = 4;

const effectCount = (effects: Map<FunctionNode, ParamEffect[]>) => {
  let count = 0;
  for (const list of effects.values()) count += list.length;
  return count;
};

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
    case 'emit':
      return `emit:${sink.method}:${sink.origins.map((o) => (o.kind === 'param' ? `param${o.index}` : `${o.kind}@${o.node.range[0]}`)).join(',')}`;
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

/** Whether a parameter is the list itself, or a message's role (not only text inside messages this function writes). */
function rolesFromParameter(analysis: FileAnalysis, list: Node): boolean {
  return roleParameters(analysis, list).length > 0;
}

/**
 * The parameters whose values choose the roles of a list's messages: the list itself or one spread
 * into it (not a value the function puts inside a message it writes), unless the function writes
 * the parameter again with a constrained list made from itself.
 */
function roleParameters(analysis: FileAnalysis, list: Node): ParamOrigin[] {
  const imported = importedValues(analysis);
  return rolesTaint(analysis, list).filter(
    (origin): origin is ParamOrigin => origin.kind === 'param' && !origin.within && !parameterRoleConstrained(origin.fn, origin.index, analysis.index, imported),
  );
}

/** Of the parameter origins of a value given to a conversation slot, those that choose its roles (see `roleParameters`). */
function choosingRoles(analysis: FileAnalysis, sink: EffectSink, value: Node, origins: ParamOrigin[]): ParamOrigin[] {
  if (sink.kind !== 'llm' || sink.role !== 'conversation' || origins.length === 0) return origins;
  if (roleConstrained(value, analysis.index, importedValues(analysis))) return [];
  const choosing = roleParameters(analysis, value);
  return origins.filter((origin) => choosing.some((c) => c.fn === origin.fn && c.index === origin.index));
}

/** Sinks of a file whose value may come from a parameter, each with the value it takes. */
function directSinks(analysis: FileAnalysis): { found: { sink: EffectSink; value: Node; only?: FunctionNode }[]; emissions: Emission[] } {
  const found: { sink: EffectSink; value: Node; only?: FunctionNode }[] = [];
  const emissions: Emission[] = [];
  const host = analysis.shapeHost;
  for (const call of analysis.sdkCalls) {
    const limit = missingLimit(analysis, call);
    const unbounded = limit === undefined ? undefined : limitOption(limit);
    for (const slot of call.slots) {
      // A list whose roles the function itself constrains passes no role choice on to its callers.
      // So does a list that only puts a parameter inside messages it writes (`[{ role: 'user', content: q }]`).
      if (slot.role === 'conversation' && (roleConstrained(slot.value, analysis.index, importedValues(analysis)) || !rolesFromParameter(analysis, slot.value))) continue;
      const mixed = slot.role === 'prompt' && analysis.engine.taintOf(slot.value).some((o) => o.kind === 'param') && hasInstructionText(promptParts(slot.value, host), slot.minInstructionWords);
      found.push({ sink: { kind: 'llm', role: slot.role, label: slot.label, call: describeCall(call), mixed, minInstructionWords: slot.minInstructionWords, unbounded, list: slot.list }, value: slot.value });
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
    if (receiver && payload) {
      found.push({ sink: { kind: 'respond', response: receiver.index, method: method! }, value: payload, only: receiver.fn });
      emissions.push({ fn: receiver.fn, index: receiver.index, method: method!, value: payload });
    }
  }
  for (const assignment of analysis.index.assignments) {
    const left = assignment.left;
    if (assignment.operator !== '=' || left.type !== T.MemberExpression || keyName(left) !== 'body') continue;
    const receiver = parameterReceiver(left.object, analysis);
    if (receiver) {
      found.push({ sink: { kind: 'respond', response: receiver.index, method: '=body' }, value: assignment.right, only: receiver.fn });
      emissions.push({ fn: receiver.fn, index: receiver.index, method: '=body', value: assignment.right });
    }
  }
  return { found, emissions };
}

/** A value a function sends on the response object it was given, whatever it carries. */
interface Emission {
  readonly fn: FunctionNode;
  readonly index: number;
  readonly method: string;
  readonly value: Node;
}

/** Whether a value from a parameter still counts at a sink: sanitizers clear every sink but the prompt slots. */
function counts(origin: ParamOrigin, sink: EffectSink): boolean {
  // Escaping is no redaction: an escaped value is still logged.
  if (sink.kind === 'llm') return true;
  return sink.kind === 'log' ? !redacted(origin) : !origin.sanitized;
}

/** The effects of every function of a file that passes a parameter on to a sink. */
export function functionEffects(analysis: FileAnalysis): Map<FunctionNode, ParamEffect[]> {
  const cached = cache.get(analysis);
  if (cached) return cached;
  const partial = inProgress.get(analysis);
  if (partial) {
    // An import cycle: what is known so far (its direct effects at least).
    const top = computing[computing.length - 1];
    top.low = Math.min(top.low, partial.index);
    partial.cycled = true;
    return partial.effects;
  }
  const frame: Computing = { analysis, effects: new Map(), index: computing.length, low: computing.length, members: [], cycled: false };
  computing.push(frame);
  inProgress.set(analysis, frame);
  try {
    computeEffects(analysis, frame.effects);
    // The outermost module of a cycle computes again, now that the others have seen part of
    // its effects, until nothing changes; the modules of the cycle computed in its last round
    // saw its complete effects.
    for (let round = 1; frame.cycled && frame.low === frame.index && round < MAX_CYCLE_ROUNDS; round++) {
      const before = effectCount(frame.effects);
      frame.members = [];
      computeEffects(analysis, frame.effects);
      if (effectCount(frame.effects) === before) break;
    }
  } finally {
    computing.pop();
    inProgress.delete(analysis);
  }
  if (frame.low < frame.index) {
    // Inside a cycle whose outermost module is still computing: settled with it.
    const parent = computing[computing.length - 1];
    parent.low = Math.min(parent.low, frame.low);
    parent.members.push(frame, ...frame.members);
    return frame.effects;
  }
  for (const settled of [frame, ...frame.members]) cache.set(settled.analysis, settled.effects);
  return frame.effects;
}

const effectKey = (effect: ParamEffect) => `${effect.index}:${effect.access.join('.')}:${sinkKey(effect.sink)}`;

/** Adds to `effects` what a file's functions do with their parameters (again and again, for cycles: it only adds). */
function computeEffects(analysis: FileAnalysis, effects: Map<FunctionNode, ParamEffect[]>): void {
  const keys = new Map<FunctionNode, Set<string>>();
  for (const [fn, list] of effects) keys.set(fn, new Set(list.map(effectKey)));
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
  const params = (taint: Taint): ParamOrigin[] => taint.filter((origin): origin is ParamOrigin => origin.kind === 'param');

  const { found, emissions } = directSinks(analysis);
  for (const { sink, value, only } of found) {
    for (const origin of choosingRoles(analysis, sink, value, params(analysis.engine.taintOf(value)))) {
      if ((only && origin.fn !== only) || !counts(origin, sink)) continue;
      add(origin.fn, { index: origin.index, access: origin.access, sink, hops: [], site: analysis.filename });
    }
  }
  // What a function sends on its response parameter of its own: LLM output, error details, prompts.
  for (const { fn, index, method, value } of emissions) {
    const own = analysis.engine.taintOf(value).filter((origin) => origin.kind === 'llm' || origin.kind === 'error' || origin.kind === 'prompt');
    // Messages at the caller name where these are: their line, and the file when it is another one.
    const placed = analysis.linted ? own : own.map((origin) => ({ ...origin, place: `${origin.node.loc.start.line} of ${analysis.label}` }));
    if (own.length > 0) add(fn, { index, access: [], sink: { kind: 'emit', method, origins: placed }, hops: [], site: analysis.filename });
  }

  // Only calls that pass on a parameter can lift an effect: the others are not linked at all.
  const sdkNodes = new Set<Node>(analysis.sdkCalls.map((call) => call.node));
  const passing = analysis.index.calls.filter(
    (call) =>
      !sdkNodes.has(call) && analysis.mayLinkCall(call) && call.arguments.some((a) => params(analysis.engine.taintOf(a)).length > 0) && analysis.linkedCalls(call).length > 0,
  );
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = false;
    for (const call of passing) {
      for (const { effect, value, access } of effectsAt(analysis, call)) {
        // A response helper called with this function's own response parameter.
        let sink = effect.sink;
        let only: FunctionNode | undefined;
        if (sink.kind === 'respond') {
          const receiver = call.arguments[sink.response] ? parameterReceiver(call.arguments[sink.response], analysis) : null;
          if (!receiver) continue;
          sink = { ...sink, response: receiver.index };
          only = receiver.fn;
        }
        for (const origin of choosingRoles(analysis, sink, value, params(analysis.engine.taintOf(value)))) {
          if ((only && origin.fn !== only) || !counts(origin, sink)) continue;
          changed = add(origin.fn, { ...effect, sink, index: origin.index, access: [...origin.access, ...access] }) || changed;
        }
      }
    }
    if (!changed) break;
  }
}

/** One effect at a call: the argument it applies to, and the members read from it past that argument. */
interface EffectAt {
  readonly effect: ParamEffect;
  readonly value: Node;
  readonly access: readonly (string | null)[];
}

/** The effects of the function a call runs, each with the argument expression it applies to. */
export function effectsAt(analysis: FileAnalysis, call: TSESTree.CallExpression): EffectAt[] {
  // Each function the call may run (one, or each class's method behind a factory): what any of them does.
  const found: EffectAt[] = [];
  const linkedList = analysis.linkedCalls(call);
  const effectLists = linkedList.map((linked) => effectsOf(analysis, linked));
  // Found by the method's name alone: only what every candidate does, reported at this call.
  const byName = linkedList.some((linked) => linked.approximate);
  const agreed = byName ? effectLists.slice(1).reduce((keys, list) => new Set(list.map(agreementKey).filter((k) => keys.has(k))), new Set(effectLists[0]?.map(agreementKey))) : null;
  linkedList.forEach((linked, i) => {
    const hop = analysis.hopLabel(linked);
    for (const effect of effectLists[i]) {
      if (agreed && (!agreed.has(agreementKey(effect)) || found.some((f) => agreementKey(f.effect) === agreementKey(effect)))) continue;
      const argument = argumentFor(analysis, call, effect);
      const byName = agreed !== null || effect.byName;
      const moved = byName ? { site: analysis.filename, byName: true as const } : {};
      if (argument) found.push({ effect: { ...effect, ...moved, hops: [hop, ...effect.hops] }, ...argument });
    }
  });
  return found;
}

function effectsOf(analysis: FileAnalysis, linked: LinkedFunction): readonly ParamEffect[] {
  const owner = linked.owner;
  const effects =
    owner === analysis
      ? functionEffects(analysis).get(linked.fn)
      : (inProgress.has(owner) || cache.has(owner) ? functionEffects(owner) : acrossModules(() => functionEffects(owner)))?.get(linked.fn);
  return effects ?? [];
}

/** What makes two candidates' effects the same: the parameter, its member path, the kind of sink and its slot. */
function agreementKey(effect: ParamEffect): string {
  const { sink } = effect;
  const detail = sink.kind === 'llm' ? sink.role : sink.kind === 'danger' ? sink.danger : sink.kind === 'respond' ? `${sink.response}` : '';
  return `${effect.index}|${effect.access.join('.')}|${sink.kind}|${detail}`;
}

/** Whether this file's calls to helpers are checked as sinks: where request data or LLM output can reach them. */
function checksHelperCalls(analysis: FileAnalysis): boolean {
  const sources = analysis.settings.sources;
  return analysis.handlers.size > 0 || sources.functions.length > 0 || sources.requestParams.length > 0 || analysis.sdkCalls.length > 0;
}

/**
 * A call to a helper that hands an argument to a sink, as the sink sees it: the argument, and
 * the member paths the helper reads from it (one site per argument and sink).
 */
export interface HelperSite {
  readonly call: TSESTree.CallExpression;
  readonly effect: ParamEffect;
  readonly value: Node;
  readonly accesses: readonly (readonly (string | null)[])[];
}

/** What may reach a sink through a helper: an argument worth following at all. */
function interesting(taint: Taint): boolean {
  return taint.some((origin) => origin.kind !== 'param');
}

const sitesCache = new WeakMap<FileAnalysis, HelperSite[]>();

/** Every call of this file to a function with effects, one entry per argument and sink. */
export function helperSinkSites(analysis: FileAnalysis): HelperSite[] {
  let sites = sitesCache.get(analysis);
  if (sites) return sites;
  sites = [];
  if (checksHelperCalls(analysis)) {
    const sdkNodes = new Set<Node>(analysis.sdkCalls.map((call) => call.node));
    for (const call of analysis.index.calls) {
      // Calls whose arguments carry nothing of interest are not followed (nor their modules read).
      if (sdkNodes.has(call) || call.arguments.length === 0 || !analysis.mayLinkCall(call) || !call.arguments.some((a) => interesting(analysis.engine.taintOf(a)))) continue;
      // `(c) => askHandler(c)`: askHandler is a handler too, and reports its flows in its own file.
      if (analysis.forwardingCalls.has(call)) continue;
      const byKey = new Map<string, { effect: ParamEffect; value: Node; accesses: (readonly (string | null)[])[] }>();
      for (const { effect, value, access } of effectsAt(analysis, call)) {
        const sink = effect.sink;
        const key = `${value.range[0]}:${value.range[1]}:${sink.kind === 'llm' ? `llm:${sink.role}` : sinkKey(sink)}`;
        const known = byKey.get(key);
        if (!known) {
          byKey.set(key, { effect, value, accesses: [access] });
          continue;
        }
        known.accesses.push(access);
        // Two SDK calls behind one helper: mixed if either mixes, unbounded if either is.
        const before = known.effect.sink;
        if (before.kind === 'llm' && sink.kind === 'llm') {
          known.effect = { ...known.effect, sink: { ...before, mixed: before.mixed || sink.mixed, unbounded: before.unbounded ?? sink.unbounded } };
        }
      }
      for (const site of byKey.values()) sites.push({ call, ...site });
    }
  }
  sitesCache.set(analysis, sites);
  return sites;
}

/** The taint a helper site passes to its sink: the argument, through the members the helper reads. */
export function siteTaint(analysis: FileAnalysis, value: Node, accesses: readonly (readonly (string | null)[])[] | undefined): Taint {
  if (!accesses) return analysis.engine.taintOf(value);
  return union(...accesses.map((access) => analysis.engine.taintAt(value, access)));
}

/** Calls of this file to functions that pass an argument on to an LLM call, as LLM calls with slots. */
export function helperCalls(analysis: FileAnalysis): LlmCall[] {
  const byCall = new Map<TSESTree.CallExpression, PromptSlot[]>();
  const addSlot = (call: TSESTree.CallExpression, slot: PromptSlot) => {
    const slots = byCall.get(call);
    if (slots) slots.push(slot);
    else byCall.set(call, [slot]);
  };
  for (const { call, effect, value, accesses } of helperSinkSites(analysis)) {
    const sink = effect.sink;
    if (sink.kind !== 'llm') continue;
    // A slot in another module reports there, once, with where the request data came from.
    const elsewhere = effect.site !== analysis.filename ? effect.site : undefined;
    const through = { call: sink.call, hops: effect.hops, mixed: sink.mixed, unbounded: sink.unbounded, elsewhere };
    if (sink.role === 'messages') {
      // The caller's list decides the roles: each of its messages is a slot of the helper's call.
      // A list that is itself a parameter here is lifted to this function's callers instead.
      if (!sink.list || accesses.some((access) => access.length > 0)) continue;
      for (const slot of messageSlots(value, { index: analysis.index }, sink.list.roles, sink.list.loneUser)) {
        // The messages are written here: this is where the data enters the slot.
        if (slot.role !== 'messages') addSlot(call, { ...slot, fix: undefined, through: { ...through, elsewhere: undefined } });
      }
      continue;
    }
    const slot: PromptSlot = {
      role: sink.role,
      label: sink.label,
      value,
      report: value,
      minInstructionWords: sink.minInstructionWords,
      through: { ...through, accesses },
    };
    addSlot(call, slot);
  }
  return [...byCall].map(([node, slots]) => ({ node, sdk: 'helper', api: slots[0].through!.call, slots }));
}
