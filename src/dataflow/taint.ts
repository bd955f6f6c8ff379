import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { REQUEST_MODELS } from '../models/sources/request-objects.js';
import type { ParamSource } from '../models/sources/types.js';
import type { LlmSecuritySettings } from '../settings.js';
import { enclosingFunction, findProperty, isFunction, keyName, memberChain, unwrap, within, type FunctionNode, type Node } from '../syntax/ast.js';
import type { FileIndex } from '../syntax/file-index.js';
import { singleInit } from '../syntax/strings.js';
import { safeBranch, type GuardContext } from './env-guard.js';
import { comparedToLiteral, conjuncts, ValueGuards } from './value-guards.js';
import { emptiedFields, filterKeeps, nestedKeeps, singleReturn } from './list-filters.js';
import { emittedValues, resolvedValues, textStreamSource, writerCallbackOf, writtenByCallbacks, writtenIntoStream } from './stream-writers.js';
import { LISTEN_METHODS, STREAM_RAW_EVENTS, STREAM_TEXT_EVENTS } from '../models/streams.js';
import { requestFunctionPart } from '../models/sources/request-functions.js';
import { classFields, classMember, instanceBody, methodCallsOf, ownerBody } from './class-fields.js';
import { acrossModules } from './module-guard.js';
import type { LinkedFunction as Linked } from '../program/linker.js';
import { ERROR_PARTS, ERROR_TO_STRING, SAFE_ERROR_MEMBERS, VALIDATION_METHOD, CODE_RUN_METHOD } from '../models/errors.js';
import { CONNECTION_ENV, PUBLIC_ENV, SECRET_ENV, SECRET_MEMBER } from '../models/secrets.js';
import { CLEAN, asElement, flat, outOfList, inField, inFields, underFlag, union, whole, withoutFields, withoutFlags, withStep, type LlmOutputOrigin, type Origin, type Taint } from './origin.js';
import { outputMember, TEXT_METHODS, TEXT_STREAM_METHODS } from '../models/llm/output.js';
import { toolOfFunction } from '../models/llm/tools.js';
import { callbackOutput } from '../models/llm/callbacks.js';
import { httpErrorMessage } from '../models/sinks/http-errors.js';
import { ARGUMENT_PASSING_METHODS, CALLBACK_RESULT_METHODS, ELEMENT_CALLBACK_METHODS, GLOBAL_PASS_THROUGH, isEscaping, MUTATING_METHODS, NON_PROPAGATING_METHODS, OUTCOME_KEYS, OUTCOME_VALUE, PACKAGE_PASS_THROUGH, PASS_THROUGH_CONSTRUCTORS, QUERY_TAGS, STATIC_PASS_THROUGH, TEMPLATE_HELPERS, TEXT_CODECS, VALIDATOR_METHODS } from '../models/propagation.js';

type Variable = TSESLint.Scope.Variable;

/** Past this depth of nested questions the engine gives up and answers "clean". */
const MAX_DEPTH = 250;
/** Questions answered per file before the engine gives up (bounds pathological files). */
const MAX_STEPS = 200_000;


/** Globals whose methods return numbers, dates or booleans (`Date.parse`, `Number.parseInt`, `Math.min`). */
const NUMERIC_GLOBALS = new Set(['Date', 'Number', 'Math', 'BigInt', 'Boolean', 'Array.isArray']);

/** `z.enum([…])`, `z.literal(…)`, `z.number()`, `z.boolean()`, `z.nativeEnum(E)` and chains on them. */
const CLOSED_SCHEMAS = new Set(['enum', 'nativeEnum', 'literal', 'number', 'boolean', 'bigint', 'int']);

function isClosedSchema(node: Node): boolean {
  let current = unwrap(node);
  while (current.type === T.CallExpression) {
    const callee = unwrap(current.callee);
    if (callee.type !== T.MemberExpression) return false;
    const name = keyName(callee);
    if (name && CLOSED_SCHEMAS.has(name)) return true;
    current = unwrap(callee.object);
  }
  return false;
}


/**
 * `await client.call(…)` whose result holds an `error` field: the `{ data, error }` results of
 * client libraries (Supabase, GraphQL clients). Validation results and the project's own
 * functions are left out.
 */
function isReturnedError(init: Node, ownFunction: (call: TSESTree.CallExpression) => boolean): boolean {
  const value = unwrap(init);
  if (value.type !== T.AwaitExpression) return false;
  const call = unwrap(value.argument);
  // A function of the project: its summary says what its `error` holds (often a message for the user).
  if (call.type !== T.CallExpression || ownFunction(call)) return false;
  const callee = unwrap(call.callee);
  const name = callee.type === T.MemberExpression ? keyName(callee) : callee.type === T.Identifier ? callee.name : null;
  return name !== null && !VALIDATION_METHOD.test(name) && !CODE_RUN_METHOD.test(name);
}

function chainText(root: TSESTree.Identifier, member: string | null): string {
  return member === null ? root.name : `${root.name}.${member}`;
}

/** `new Set(…)`, `new Map(…)` (also weak ones): collections that hold what is added to them. */
function isCollection(created: TSESTree.NewExpression): boolean {
  const callee = unwrap(created.callee);
  return callee.type === T.Identifier && (callee.name === 'Set' || callee.name === 'Map' || callee.name === 'WeakMap' || callee.name === 'WeakSet');
}

/** Whether a step names a value that a member read may be appended to: not a call, a hop (`f() in src/a.ts:3`) or a long text. */
function namesMembers(step: string): boolean {
  return !step.endsWith(')') && step.length <= 40 && !/\(\) (?:at|in) /u.test(step);
}

/** Stands for any member name in `writtenMembers`: a computed write (`e[k] = …`). */
const ANY_MEMBER = '[…]';

/**
 * The flag of an object literal: its first property written as `true` or `false` (`{ success:
 * false, … }`), else an outcome written as a string (`{ kind: 'failure', … }`).
 */
function objectFlag(node: TSESTree.ObjectExpression): { key: string; value: boolean | string } | null {
  // The flag is the last word on its field: no spread, computed key or later write of it follows.
  const properties = node.properties;
  let outcome: { key: string; value: string } | null = null;
  for (let i = 0; i < properties.length; i++) {
    const property = properties[i];
    if (property.type !== T.Property || property.value.type !== T.Literal) continue;
    const value = property.value.value;
    const key = keyName(property);
    if (key === null || (typeof value !== 'boolean' && !(typeof value === 'string' && OUTCOME_KEYS.has(key) && OUTCOME_VALUE.test(value)))) continue;
    const overwritten = properties.slice(i + 1).some((later) => later.type === T.SpreadElement || later.computed || keyName(later) === key);
    if (overwritten) continue;
    if (typeof value === 'boolean') return { key, value };
    outcome ??= { key, value: value as string };
  }
  return outcome;
}

/** The origin under field `key` read from its value: one field less, and the member named on its last step. */
function fieldRead(origin: Origin, key: string | null): Origin {
  const at = origin.at!.length > 1 ? origin.at!.slice(1) : undefined;
  const last = origin.steps.at(-1);
  const member = key === null ? '[…]' : /^\d+$/u.test(key) ? `[${key}]` : `.${key}`;
  const steps = last === undefined || !namesMembers(last) ? origin.steps : [...origin.steps.slice(0, -1), `${last}${member}`];
  const read: { at?: readonly string[]; when?: unknown; whenIn?: unknown } = { ...origin, steps } as Origin;
  if (at) read.at = at;
  else delete read.at;
  delete read.when;
  delete read.whenIn;
  // `item.entries` of an item whose entries carry flags: each entry's flag is the element's flag again.
  if (origin.whenIn && origin.whenIn.field === key) read.when = { key: origin.whenIn.key, value: origin.whenIn.value };
  return read as Origin;
}

function errorOrigin(param: Node): Origin {
  const text = param.type === T.Identifier ? param.name : 'error';
  return { kind: 'error', part: 'object', node: param, text, steps: [] };
}

/** `process.env.OPENAI_API_KEY` (env names ending in KEY, TOKEN, SECRET, …) or a member named `apiKey`, `password`, … */
const MASKING_METHODS = new Set(['slice', 'substring', 'substr', 'at', 'charAt']);
/** String methods whose result still holds the whole secret. */
const SECRET_KEEPING_METHODS = new Set(['toString', 'valueOf', 'trim', 'trimStart', 'trimEnd', 'concat', 'replace', 'replaceAll', 'normalize', 'padStart', 'padEnd', 'toLowerCase', 'toUpperCase', 'split', 'join', 'toJSON']);

/** `process.env`, or an environment bindings object (`env`, `c.env`, `this.env` of Workers and Hono): the chain's text, or null. */
function envObjectText(object: Node): string | null {
  const { root, names } = memberChain(object);
  if (root.type === T.Identifier && root.name === 'process' && names.length === 1 && names[0] === 'env') return 'process.env';
  if (names.length === 0) return root.type === T.Identifier && root.name === 'env' ? 'env' : null;
  if (names.at(-1) !== 'env' || names.length > 2) return null;
  const rootText = root.type === T.Identifier ? root.name : root.type === T.ThisExpression ? 'this' : null;
  return rootText === null ? null : [rootText, ...names].join('.');
}

function isSecretName(object: Node | null, key: string): boolean {
  if (object && envObjectText(object) !== null) return (SECRET_ENV.test(key) || SECRET_MEMBER.test(key) || CONNECTION_ENV.test(key)) && !PUBLIC_ENV.test(key);
  return SECRET_MEMBER.test(key);
}

/** How messages name a secret: `process.env.OPENAI_API_KEY`, `c.env.OPENAI_API_KEY` or the member's name, never the expression that holds it. */
function secretLabel(object: Node, key: string): string {
  const env = envObjectText(object);
  return env === null ? key : `${env}.${key}`;
}

function secretOrigin(node: Node, text: string): Origin {
  return { kind: 'secret', node, text: text.length > 60 ? `${text.slice(0, 59)}…` : text, steps: [] };
}

/** `req.get('authorization')` names its header in messages; other arguments are left out. */
function literalArgument(call: TSESTree.CallExpression): string {
  const first = call.arguments[0];
  return first?.type === T.Literal && typeof first.value === 'string' && first.value.length <= 40 ? `'${first.value}'` : '';
}

/** A chunk of a raw stream is a raw object; a piece of a text stream is text. */
function streamElement(origin: LlmOutputOrigin): LlmOutputOrigin {
  if (origin.part === 'stream') return { ...origin, part: 'response' };
  if (origin.part === 'text-stream') return { ...origin, part: 'text' };
  return origin;
}

/** An iterable of values with these origins: model text becomes a text stream, a result a stream of raw chunks. */
function streamOf(taint: Taint): Taint {
  return flat(taint).map((origin) => {
    if (origin.kind !== 'llm') return origin;
    if (origin.part === 'text') return { ...origin, part: 'text-stream' };
    return origin.part === 'response' ? { ...origin, part: 'stream' } : origin;
  });
}

/** What an adapter streams as text: every part of model output becomes a text stream. */
function textStreamOf(taint: Taint): Taint {
  return flat(taint).map((origin) => (origin.kind === 'llm' ? { ...origin, part: 'text-stream' } : origin));
}

/**
 * What went through a sanitizer is marked as sanitized: LLM output, request data and secrets.
 * The prompt rules ignore the mark (escaping does not separate roles); the output and logging rules honour it.
 */
function sanitized(taint: Taint, escaped = false): Taint {
  return taint.map((origin) => {
    if (origin.kind !== 'llm' && origin.kind !== 'request' && origin.kind !== 'secret' && origin.kind !== 'param') return origin;
    // Redacted once, it stays redacted whatever escapes it later.
    const onlyEscaped = escaped && (!origin.sanitized || origin.escaped === true);
    return { ...origin, sanitized: true, escaped: onlyEscaped || undefined };
  });
}

function withoutErrors(taint: Taint): Taint {
  return taint.some((origin) => origin.kind === 'error') ? taint.filter((origin) => origin.kind !== 'error') : taint;
}

/** A function a call runs, with the engine of the module that defines it. */
type LinkedFunction = Linked<{ readonly engine: TaintEngine }>;

/** Ancestors looked at for a role test around a read (statements and expressions, within its function). */
const MAX_GUARD_DEPTH = 24;

/**
 * An element of a list read where its role is known: `for (const m of messages) if (m.role ===
 * 'system') … m.content …`. The step is kept in a parameter's access path, so that a caller's
 * list literal gives only its elements of that role (or of a role it cannot tell).
 */
const ROLE_STEP = /^\[role=(.*)\]$/su;

export function roleStep(role: string): string {
  return `[role=${role}]`;
}

/** The role an element step asks for, or null for a plain step. */
export function roleOfStep(key: string | null): string | null {
  return key === null ? null : (ROLE_STEP.exec(key)?.[1] ?? null);
}

/** A method call in a parameter's access path: `json()`, `get('x-tenant')`. */
const METHOD_STEP = /^([^()[\]]+)\((.*)\)$/su;
/** Steps kept in a parameter's access path; calls past it leave the path as it is. */
const MAX_ACCESS = 8;

function methodStep(method: string, argument: string): string {
  return `${method}(${argument})`;
}

/** The method and literal argument of a method step, or null for a member or role step. */
export function methodOfStep(key: string | null): { method: string; argument: string } | null {
  const match = key === null ? null : METHOD_STEP.exec(key);
  return match ? { method: match[1], argument: match[2] } : null;
}

/** The literal `name.role` equals where `node` (a read of `name`) sits, as `equalsLiteralHere` finds branches. */
function roleHere(node: TSESTree.Identifier, sameVariable: (other: TSESTree.Identifier) => boolean): string | null {
  let child: Node = node;
  let parent: Node | undefined = node.parent;
  for (let depth = 0; parent && depth < MAX_GUARD_DEPTH && !isFunction(parent); depth++) {
    let test: Node | null = null;
    if ((parent.type === T.IfStatement || parent.type === T.ConditionalExpression) && parent.consequent === child) test = parent.test;
    else if (parent.type === T.LogicalExpression && parent.operator === '&&' && parent.right === child) test = parent.left;
    for (const conjunct of test ? conjuncts(test) : []) {
      const compared = comparedToLiteral(conjunct);
      const member = compared && unwrap(compared);
      if (member?.type !== T.MemberExpression || keyName(member) !== 'role' || unwrap(member.object).type !== T.Identifier) continue;
      const object = unwrap(member.object) as TSESTree.Identifier;
      if (object.name !== node.name || !sameVariable(object)) continue;
      const binary = (conjunct.type === T.ChainExpression ? conjunct.expression : conjunct) as TSESTree.BinaryExpression;
      const literal = binary.left === compared ? binary.right : binary.left;
      if (literal.type === T.Literal && typeof literal.value === 'string') return literal.value;
    }
    child = parent;
    parent = parent.parent;
  }
  return null;
}

const WRITES = new Set(['=', '+=', '??=', '||=', '&&=']);

/** The value written by `x.k = value` or `x[k] = value` (also `+=`, `??=`, `||=`, `&&=`), where `member` is the assignment's target. */
function memberWrite(member: TSESTree.MemberExpression): Node | null {
  const assignment = member.parent;
  return assignment?.type === T.AssignmentExpression && assignment.left === member && WRITES.has(assignment.operator) ? assignment.right : null;
}

/** Whether a list variable is only ever used whole (never `list.push(…)`, `list[i] = …`): its literal is all it holds. */
function usedWhole(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.every((reference) => {
    const parent = reference.identifier.parent;
    return reference.init === true || !(parent?.type === T.MemberExpression && parent.object === reference.identifier);
  });
}

export interface TaintEngineHost {
  readonly index: FileIndex;
  readonly sourceCode: TSESLint.SourceCode;
  /** The parameter of an error handler that receives the error, if `fn` is one. */
  errorParam(fn: FunctionNode): number | undefined;
  /** Whether a variable holds a system prompt or a messages list given to an LLM call. */
  promptVariable(variable: TSESLint.Scope.Variable): Origin | undefined;
  /** The output of the LLM call at `node`, if it is one that returns something. */
  llmOutput(node: Node): Origin | undefined;
  /** Whether a callee (`redactPII`, `DOMPurify.sanitize`) is a configured sanitizer. */
  isSanitizer(names: readonly string[]): boolean;
  readonly settings: LlmSecuritySettings;
  handlerParams(fn: FunctionNode): ReadonlyMap<number, ParamSource> | undefined;
  /** The function a call runs, here or in another project module, when it can be told. */
  linkedCall(call: TSESTree.CallExpression): LinkedFunction | null;
  /** How messages name a hop through a linked function. */
  hopLabel(linked: LinkedFunction): string;
  /** With type information: the LLM output a value's type says it is (`ChatCompletion`). */
  typedOutput(node: Node): LlmOutputOrigin | undefined;
  /** False for modules kept for the whole process: their work budget applies per question, not per lifetime. */
  readonly linted: boolean;
}

/** A question being answered (see QUESTIONS). */
interface Frame {
  /** Tarjan's low link: the outermost question of a cycle this one is part of. */
  low: number;
  /** What this question answered in the previous round, given to questions of its cycle that ask it again. */
  partial: Taint;
  /** Questions of the cycle answered inside this one, kept tentatively until the cycle settles. */
  members: Tentative[];
}

interface Tentative {
  readonly memo: Map<object, Taint>;
  readonly key: object;
  readonly result: Taint;
  /** The position of the outermost question of its cycle. */
  readonly root: number;
}

/**
 * The questions being answered, innermost last, shared by the engines of all files so that a
 * cycle through other modules is seen as one. A question that meets one already on the stack
 * (a cycle) gets that question's answer from the previous round (none at first); the
 * questions between the two are kept tentatively, and the outermost one of the cycle answers
 * again until its answer stops changing. Then it and its cycle are memoized, so an answer does
 * not depend on which question was asked first.
 */
const QUESTIONS: Frame[] = [];
/** Tentative answers of the cycles being settled, per memo. */
const TENTATIVE = new Map<Map<object, Taint>, Map<object, Tentative>>();
/** Rounds the outermost question of a cycle answers before its answer counts as settled. */
const MAX_CYCLE_ROUNDS = 4;

const signature = (taint: Taint) =>
  taint
    .map((o) => `${o.kind}:${'text' in o ? o.text : ''}:${'part' in o ? o.part : ''}:${o.steps.join('>')}:${'sanitized' in o ? o.sanitized : ''}:${'escaped' in o ? o.escaped : ''}:${o.at?.join('.') ?? ''}:${o.except?.join('.') ?? ''}:${o.within ?? 0}`)
    .join('|');

/**
 * Demand-driven, memoized taint propagation within one file. `taintOf(expression)` answers
 * which request data (with its path) may be in the value of an expression.
 */
/** The origin as read through a member: its text or last step names it ('req.json() -> body.persona'). */
function withMember<O extends Origin>(origin: O, key: string | null): O {
  if (origin.kind === 'param') return origin;
  const member = key === null ? '[…]' : /^\d+$/u.test(key) ? `[${key}]` : `.${key}`;
  if (origin.steps.length === 0) return { ...origin, text: `${origin.text}${member}` };
  const last = origin.steps[origin.steps.length - 1];
  if (!namesMembers(last)) return origin;
  return { ...origin, steps: [...origin.steps.slice(0, -1), `${last}${member}`] };
}

export class TaintEngine {
  private readonly memo = new Map<Node, Taint>();
  private readonly variableMemo = new Map<Variable, Taint>();
  private readonly bindingMemo = new Map<Node, Taint>();
  private readonly summaries = new Map<FunctionNode, Taint>();
  /** The questions being answered by every engine (see QUESTIONS). */
  private readonly stack = QUESTIONS;
  /** Per kind of question (its memo): the stack position of each question being answered. */
  private readonly onStack = new Map<Map<never, Taint>, Map<object, number>>();
  private steps = 0;
  /** Set when a size or depth guard stopped an answer: callers may stay silent. */
  guardTripped = false;

  /** Guards read the taint of their test: a test on request data is not a guard. */
  readonly guards: GuardContext;
  /** Checks that confine a value to your own literals or allowlists, and what checks say of flags. */
  readonly valueGuards: ValueGuards;

  constructor(private readonly host: TaintEngineHost) {
    this.guards = {
      index: host.index,
      fromClient: (node) => this.taintOf(node).some((o) => o.kind === 'request' || o.kind === 'request-object'),
    };
    this.valueGuards = new ValueGuards(host.sourceCode, (list) => this.taintOf(list).length === 0, (identifier) => host.index.variableOf(identifier));
  }

  /** Runs `compute` for `key` with cycle, depth and work guards, memoizing complete answers. */
  private answer<K extends object>(key: K, memo: Map<K, Taint>, compute: () => Taint): Taint {
    const cached = memo.get(key);
    if (cached) return cached;
    const stack = this.stack;
    const tentative = TENTATIVE.get(memo as Map<object, Taint>)?.get(key);
    if (tentative) {
      const top = stack[stack.length - 1];
      if (top) top.low = Math.min(top.low, tentative.root);
      return tentative.result;
    }
    let active = this.onStack.get(memo as Map<never, Taint>);
    if (!active) {
      active = new Map();
      this.onStack.set(memo as Map<never, Taint>, active);
    }
    const at = active.get(key);
    if (at !== undefined) {
      const top = stack[stack.length - 1];
      top.low = Math.min(top.low, at);
      return stack[at].partial;
    }
    if (stack.length === 0 && !this.host.linted) this.steps = 0;
    if (stack.length > MAX_DEPTH || ++this.steps > MAX_STEPS) {
      this.guardTripped = true;
      return CLEAN;
    }
    const index = stack.length;
    const frame: Frame = { low: index, partial: CLEAN, members: [] };
    stack.push(frame);
    active.set(key, index);
    let result: Taint;
    try {
      result = compute();
      // The outermost question of a cycle: again, with this round's answer given to the cycle.
      for (let round = 1; frame.low === index && frame.members.length > 0 && round < MAX_CYCLE_ROUNDS; round++) {
        if (signature(result) === signature(frame.partial)) break;
        this.forget(frame.members);
        frame.members = [];
        frame.partial = result;
        result = compute();
      }
    } finally {
      stack.pop();
      active.delete(key);
    }
    if (frame.low < index) {
      // Part of a cycle whose outermost question is still being answered: tentative until it settles.
      const parent = stack[stack.length - 1];
      parent.low = Math.min(parent.low, frame.low);
      const entry: Tentative = { memo: memo as Map<object, Taint>, key, result, root: frame.low };
      let byKey = TENTATIVE.get(entry.memo);
      if (!byKey) {
        byKey = new Map();
        TENTATIVE.set(entry.memo, byKey);
      }
      byKey.set(key, entry);
      parent.members.push(entry, ...frame.members);
      return result;
    }
    this.forget(frame.members);
    memo.set(key, result);
    for (const member of frame.members) member.memo.set(member.key, member.result);
    return result;
  }

  /** Drops tentative answers of a cycle (settled, or to be answered again). */
  private forget(members: readonly Tentative[]): void {
    for (const member of members) TENTATIVE.get(member.memo)?.delete(member.key);
  }

  taintOf(node: Node): Taint {
    return this.answer(node, this.memo, () => this.compute(node));
  }

  /** The taint of `node` after reading `access` from it (`[]`: the whole value). */
  taintAt(node: Node, access: readonly (string | null)[]): Taint {
    if (access.some((key) => roleOfStep(key) !== null)) {
      const structured = this.literalAt(node, access, 0);
      if (structured) return structured;
    }
    let taint = this.taintOf(node);
    for (const key of access) taint = this.accessMember(taint, key, null);
    return taint;
  }

  /**
   * `taintAt` through the object and list literals a value is written as, for a path with a role
   * step: a list's elements of another role are left out (`[{ role: 'system', content: RULES },
   * { role: 'user', content: body.q }]` at `[role=system].content` is RULES). Undefined where the
   * value is not such a literal, or a list is changed after it is written.
   */
  private literalAt(node: Node, access: readonly (string | null)[], depth: number): Taint | undefined {
    if (access.length === 0) return this.taintOf(node);
    if (depth > 8) return undefined;
    const value = unwrap(node);
    const [step, ...rest] = access;
    const deeper = (inner: Node) => this.literalAt(inner, rest, depth + 1) ?? this.taintAt(inner, rest);
    if (value.type === T.Identifier) {
      const variable = this.host.index.variableOf(value);
      const init = singleInit(value, this.host.index);
      return variable && init && usedWhole(variable) ? this.literalAt(init, access, depth + 1) : undefined;
    }
    if (methodOfStep(step)) return undefined;
    if (value.type === T.ObjectExpression && step !== null && roleOfStep(step) === null) {
      if (value.properties.some((p) => p.type === T.SpreadElement || p.computed)) return undefined;
      const property = findProperty(value, step);
      return property ? deeper(property.value) : CLEAN;
    }
    if (value.type === T.ArrayExpression && (step === null || roleOfStep(step) !== null)) {
      const role = roleOfStep(step);
      const parts: Taint[] = [];
      for (const element of value.elements) {
        if (!element) continue;
        if (element.type === T.SpreadElement) {
          // Elements of unknown roles: each may be of the role asked for.
          parts.push(this.taintAt(element.argument, [null, ...rest]));
          continue;
        }
        const item = unwrap(element);
        const written = role !== null && item.type === T.ObjectExpression ? findProperty(item, 'role') : null;
        const itsRole = written && written.value.type === T.Literal ? written.value.value : null;
        if (typeof itsRole === 'string' && itsRole !== role) continue;
        parts.push(deeper(element));
      }
      return union(...parts);
    }
    return undefined;
  }

  /** Which origins reach the return value of a function (its parameters stay symbolic). */
  summary(fn: FunctionNode): Taint {
    return this.answer(fn, this.summaries, () => {
      const returns = this.host.index.returns.get(fn) ?? [];
      // A generator returns an iterable of what it yields (`yield*` hands on an iterable as it is).
      const yields = this.host.index.yields.get(fn) ?? [];
      return union(
        ...returns.map((value) => this.taintOf(value)),
        ...yields.map((node) => (node.delegate ? this.taintOf(node.argument!) : streamOf(this.taintOf(node.argument!)))),
      );
    });
  }

  private compute(node: Node): Taint {
    // `if (tone === 'pirate') … tone …`, `if (!TONES.includes(tone)) return; … tone …`: where the check holds the value is one of yours.
    if ((node.type === T.Identifier || node.type === T.MemberExpression) && this.valueGuards.known(node)) return CLEAN;
    switch (node.type) {
      case T.Identifier: {
        const taint = this.identifierTaint(node);
        const variable = this.host.index.variableOf(node);
        const role = taint.some((o) => o.kind === 'param' && o.access.at(-1) === null) ? roleHere(node, (other) => this.host.index.variableOf(other) === variable) : null;
        if (role === null) return taint;
        return this.mapOrigins(taint, (o) => (o.kind === 'param' && o.access.at(-1) === null ? { ...o, access: [...o.access.slice(0, -1), roleStep(role)] } : o));
      }
      case T.TemplateLiteral:
        return flat(union(...node.expressions.map((e) => this.taintOf(e))));
      case T.TaggedTemplateExpression: {
        const tag = unwrap(node.tag);
        const tagName = tag.type === T.Identifier ? tag.name : tag.type === T.MemberExpression ? keyName(tag) : null;
        if (tagName && QUERY_TAGS.has(tagName)) return CLEAN;
        return flat(union(...node.quasi.expressions.map((e) => this.taintOf(e))));
      }
      case T.BinaryExpression:
        return node.operator === '+' ? flat(union(this.taintOf(node.left), this.taintOf(node.right))) : CLEAN;
      case T.LogicalExpression:
        // `x && 'text'`: when x is falsy it is '', 0, false or null, never client text.
        if (node.operator === '&&') {
          const right = this.taintOf(node.right);
          return safeBranch(node.left, this.guards) === 'consequent' ? withoutErrors(right) : right;
        }
        return union(this.taintOf(node.left), this.taintOf(node.right));
      case T.ConditionalExpression:
        return this.conditionalTaint(node);
      case T.AwaitExpression:
      case T.SpreadElement:
        return this.taintOf(node.argument);
      case T.TSAsExpression:
      case T.TSSatisfiesExpression:
      case T.TSNonNullExpression:
      case T.TSTypeAssertion:
      case T.TSInstantiationExpression:
      case T.ChainExpression:
        return this.taintOf(node.expression);
      case T.SequenceExpression:
        return this.taintOf(node.expressions[node.expressions.length - 1]);
      case T.AssignmentExpression:
        return node.operator === '='
          ? this.taintOf(node.right)
          : flat(union(this.taintOf(node.left), this.taintOf(node.right)));
      case T.ArrayExpression:
        // A spread list stays the list it was; an element written here is one element of a new list.
        return union(...node.elements.map((e) => (!e ? CLEAN : e.type === T.SpreadElement ? flat(this.taintOf(e)) : asElement(this.taintOf(e)))));
      case T.ObjectExpression:
        return this.objectTaint(node);
      case T.MemberExpression: {
        const key = keyName(node);
        const field = key === null ? undefined : (this.literalField(node.object, key) ?? this.instanceField(node, key));
        const accessed = field !== undefined ? field : this.accessMember(this.taintOf(node.object), key, node);
        return key !== null && isSecretName(node.object, key) ? union(accessed, [secretOrigin(node, secretLabel(node.object, key))]) : accessed;
      }
      case T.CallExpression:
        return this.callTaint(node);
      case T.NewExpression:
        return this.newTaint(node);
      default:
        return CLEAN;
    }
  }

  /**
   * An object literal, field by field: each property's value sits under its name, a spread
   * brings its fields along, and a later property writes over what a spread put under the same
   * name (`{ ...headers, authorization: '[redacted]' }`). Computed names hold the value as a whole.
   */
  private objectTaint(node: TSESTree.ObjectExpression): Taint {
    let result: Taint = CLEAN;
    for (const property of node.properties) {
      if (property.type === T.SpreadElement) {
        // What a spread brings may write over any flag of the fields before it.
        result = union(withoutFlags(result, null), this.taintOf(property.argument));
        continue;
      }
      const key = keyName(property);
      if (key === null) {
        result = union(withoutFlags(result, null), flat(this.taintOf(property.value)));
        continue;
      }
      result = union(withoutFlags(withoutFields(result, [key]), [key]), inField(this.taintOf(property.value), key));
    }
    const flag = objectFlag(node);
    return flag && !this.flagWrittenLater(node, flag.key) ? underFlag(result, flag.key, flag.value) : result;
  }

  /** Whether the name a literal is declared under has the flag's field written again (`r.success = true`, `r[key] = …`). */
  private writtenMembersValue: ReadonlySet<string> | undefined;


  /**
   * Member names the file writes or deletes through any object: `x.status = …`, `x['status'] =
   * …`, `delete x.status`, any name for `x[k] = …`, and the keys of object literals given to
   * `Object.assign` after its target. Read once per file.
   */
  private writtenMembers(): ReadonlySet<string> {
    if (this.writtenMembersValue) return this.writtenMembersValue;
    const names = new Set<string>();
    const member = (node: Node) => {
      if (node.type !== T.MemberExpression) return;
      // `e[k] = …`: any field may have been written.
      names.add(keyName(node) ?? ANY_MEMBER);
    };
    for (const assignment of this.host.index.assignments) member(assignment.left);
    // `delete e.kind`, `delete e[k]`
    for (const node of this.host.index.deletes) member(unwrap(node.argument));
    for (const call of this.host.index.calls) {
      const callee = unwrap(call.callee);
      if (callee.type !== T.MemberExpression || keyName(callee) !== 'assign' || callee.object.type !== T.Identifier || callee.object.name !== 'Object') continue;
      for (const source of call.arguments.slice(1)) {
        if (source.type !== T.ObjectExpression) continue;
        for (const property of source.properties) {
          const name = property.type === T.Property ? keyName(property) : null;
          if (name !== null) names.add(name);
        }
      }
    }
    this.writtenMembersValue = names;
    return names;
  }

  private flagWrittenLater(node: TSESTree.ObjectExpression, key: string): boolean {
    const declarator = node.parent;
    if (declarator?.type !== T.VariableDeclarator || declarator.init !== node || declarator.id.type !== T.Identifier) return false;
    const variable = this.host.index.variableOf(declarator.id);
    return !!variable?.references.some((reference) => {
      const member = reference.identifier.parent;
      if (member?.type !== T.MemberExpression || member.object !== reference.identifier) return false;
      return (member.computed || keyName(member) === key) && memberWrite(member) !== null;
    });
  }

  /** Either branch; error details only where a development or client-error guard does not hold. */
  private conditionalTaint(node: TSESTree.ConditionalExpression): Taint {
    const consequent = this.taintOf(node.consequent);
    // `isDev ? err.stack : undefined`: error details that only development builds send.
    const dev = safeBranch(node.test, this.guards);
    return union(
      dev === 'consequent' ? withoutErrors(consequent) : consequent,
      dev === 'alternate' ? withoutErrors(this.taintOf(node.alternate)) : this.taintOf(node.alternate),
    );
  }

  private identifierTaint(identifier: TSESTree.Identifier): Taint {
    if (identifier.name === 'undefined') return CLEAN;
    const variable = this.host.index.variableOf(identifier);
    if (!variable) return CLEAN;
    const declared = variable.defs[0]?.name.parent;
    const destructured = declared?.type === T.Property || declared?.type === T.AssignmentPattern;
    const taint = withStep(this.variableTaint(variable), identifier.name, destructured);
    const prompt = this.host.promptVariable(variable);
    return prompt ? union(taint, [prompt]) : taint;
  }

  private variableTaint(variable: Variable): Taint {
    return this.answer(variable, this.variableMemo, () => {
      const bindings = new Set<TSESTree.Identifier>();
      for (const def of variable.defs) {
        if (def.type === 'Parameter' || def.type === 'Variable' || def.type === 'CatchClause') bindings.add(def.name as TSESTree.Identifier);
      }
      const parts: Taint[] = [];
      for (const reference of variable.references) {
        if (reference.isWrite() && reference.identifier.type === T.Identifier) bindings.add(reference.identifier);
        else parts.push(this.mutationTaint(reference.identifier, variable));
      }
      for (const binding of bindings) parts.push(this.bindingTaint(binding));
      return union(...parts);
    });
  }

  /**
   * Values added after a literal was made: `list.push(x)` on an array, `counts[t] = x` or
   * `out.error = x` on an object or array literal.
   */
  private mutationTaint(identifier: TSESTree.Node, variable: Variable): Taint {
    const init = variable.defs[0]?.node.type === T.VariableDeclarator ? variable.defs[0].node.init : null;
    const made = init && unwrap(init).type;
    // `const seen = new Set(); seen.add(x)`, `cache.set(k, v)`: a collection holds what is added to it.
    if (made === T.NewExpression && isCollection(unwrap(init!) as TSESTree.NewExpression)) {
      const member = identifier.parent;
      const call = member?.parent;
      const method = member?.type === T.MemberExpression && member.object === identifier ? keyName(member) : null;
      if (call?.type !== T.CallExpression || call.callee !== member || (method !== 'add' && method !== 'set')) return CLEAN;
      // A Set holds what is added; a Map what is set under a key (its keys are read as keys, not as its values).
      const held = call.arguments[method === 'add' ? 0 : 1];
      return held && held.type !== T.SpreadElement ? flat(this.taintOf(held)) : CLEAN;
    }
    if (made !== T.ArrayExpression && made !== T.ObjectExpression) return CLEAN;
    const member = identifier.parent;
    if (member?.type !== T.MemberExpression || member.object !== identifier) return CLEAN;
    const written = memberWrite(member);
    if (written) {
      const key = made === T.ObjectExpression ? keyName(member) : null;
      if (key !== null) return inField(this.taintOf(written), key);
      return made === T.ArrayExpression ? asElement(this.taintOf(written)) : flat(this.taintOf(written));
    }
    if (made !== T.ArrayExpression) return CLEAN;
    const call = member.parent;
    const method = keyName(member);
    if (call?.type !== T.CallExpression || call.callee !== member || !method || !MUTATING_METHODS.has(method)) return CLEAN;
    return union(...call.arguments.map((a) => (a.type === T.SpreadElement ? flat(this.taintOf(a)) : asElement(this.taintOf(a)))));
  }

  /** The value bound to a name by a declaration, assignment, loop or parameter, through patterns. */
  private bindingTaint(identifier: TSESTree.Identifier): Taint {
    return this.answer(identifier, this.bindingMemo, () => this.computeBinding(identifier));
  }

  private computeBinding(identifier: TSESTree.Identifier): Taint {
    // Keys read on the way in, or the fields a rest pattern leaves out (`{ a, ...rest }`).
    const path: (string | null | { readonly rest: string[] })[] = [];
    const defaults: Node[] = [];
    let node: Node = identifier;
    for (;;) {
      const parent: Node | undefined = node.parent;
      if (!parent) break;
      if (parent.type === T.Property && parent.value === node && parent.parent.type === T.ObjectPattern) {
        path.unshift(keyName(parent));
        node = parent.parent;
      } else if (parent.type === T.ArrayPattern) {
        if (node.type !== T.RestElement) path.unshift(null);
        node = parent;
      } else if (parent.type === T.RestElement || parent.type === T.TSParameterProperty) {
        node = parent;
      } else if (parent.type === T.ObjectPattern && node.type === T.RestElement) {
        const named = parent.properties.flatMap((p) => (p.type === T.Property && keyName(p) !== null ? [keyName(p)!] : []));
        if (!parent.properties.some((p) => p.type === T.Property && keyName(p) === null)) path.unshift({ rest: named });
        node = parent;
      } else if (parent.type === T.AssignmentPattern && parent.left === node) {
        defaults.push(parent.right);
        node = parent;
      } else {
        break;
      }
    }
    const parent = node.parent;
    let base: Taint = CLEAN;
    if (parent?.type === T.VariableDeclarator && parent.id === node) {
      const loop = parent.parent.parent;
      if (loop?.type === T.ForOfStatement && loop.left === parent.parent) base = this.iterate(this.taintOf(loop.right));
      else if (loop?.type === T.ForInStatement && loop.left === parent.parent) base = CLEAN;
      else if (parent.init) base = this.taintOf(parent.init);
    } else if (parent?.type === T.AssignmentExpression && parent.left === node) {
      base = this.taintOf(parent.right);
    } else if (parent?.type === T.ForOfStatement && parent.left === node) {
      base = this.iterate(this.taintOf(parent.right));
    } else if (isFunction(parent) && parent.params.includes(node as TSESTree.Parameter)) {
      base = this.paramTaint(parent, parent.params.indexOf(node as TSESTree.Parameter));
    } else if (parent?.type === T.CatchClause && parent.param === node) {
      // The error, plus the prompts that the same function puts into errors it throws inside the
      // `try` block (`throw new Error(\`… ${SYSTEM_PROMPT}\`)`).
      const thrownPrompts = this.thrownIn(parent).flatMap((thrown) => this.taintOf(thrown).filter((o) => o.kind === 'prompt'));
      base = union([errorOrigin(node)], thrownPrompts);
    }
    let result = base;
    for (const key of path) result = key !== null && typeof key === 'object' ? withoutFields(result, key.rest) : this.accessMember(result, key, null);
    // `const { data, error } = await supabase.from('t').insert(row)`: the error a client library returns.
    if (path.length === 1 && path[0] === 'error' && parent?.type === T.VariableDeclarator && parent.id === node && parent.init && isReturnedError(parent.init, (call) => this.host.linkedCall(call) !== null)) {
      result = union(result, [errorOrigin(identifier)]);
    }
    // `const { OPENAI_API_KEY } = process.env`, `const { apiKey } = config`
    const from = parent?.type === T.VariableDeclarator && parent.id === node ? parent.init : null;
    const secret = path.some((key, i) => typeof key === 'string' && isSecretName(i === 0 && from ? from : null, key));
    return union(result, ...defaults.map((d) => this.taintOf(d)), secret ? [secretOrigin(identifier, identifier.name)] : CLEAN);
  }

  /**
   * `config.port` where `const config = { port: 3000, apiKey: … }`: the taint of that one field
   * (clean when the literal has no such field), not of the whole object. Undefined when the
   * object is not a never-reassigned literal without spreads, or is changed through `x.key =`.
   */
  private literalField(object: Node, key: string): Taint | undefined {
    const value = unwrap(object);
    if (value.type !== T.Identifier) return undefined;
    const init = singleInit(value, this.host.index);
    const literal = init && unwrap(init);
    if (literal?.type !== T.ObjectExpression || literal.properties.some((p) => p.type === T.SpreadElement)) return undefined;
    const variable = this.host.index.variableOf(value);
    if (!variable || this.host.promptVariable(variable)) return undefined;
    const fieldWrites = this.fieldWrites(variable);
    if (fieldWrites === null) return undefined;
    const writes = fieldWrites.get(key) ?? [];
    const property = literal.properties.find(
      (p): p is TSESTree.Property => p.type === T.Property && keyName(p) === key && p.kind === 'init',
    );
    if (!property && literal.properties.some((p) => p.type === T.Property && p.computed)) return undefined;
    const parts = [...(property ? [property.value] : []), ...writes].map((node) => this.taintOf(node));
    return parts.length === 0 ? CLEAN : withStep(union(...parts), `${value.name}.${key}`);
  }

  /**
   * `this.history` in a method, or `relay.readable` of an instance made here (`new Relay()`):
   * what the class's methods write into that field (or what its getter returns), with the
   * parameters of its methods filled in by the calls this module makes. Undefined when the
   * object is no such instance or the class never writes the field.
   */
  private instanceField(member: TSESTree.MemberExpression, key: string): Taint | undefined {
    const object = unwrap(member.object);
    if (object.type === T.ThisExpression) {
      const body = ownerBody(member);
      return body && classFields(body, this.host.index).writes.has(key) ? this.classField(body, key) : undefined;
    }
    if (object.type !== T.Identifier) return undefined;
    const variable = this.host.index.variableOf(object);
    if (!variable) return undefined;
    let body = this.instanceBodies.get(variable);
    if (body === undefined) {
      body = instanceBody(object, this.host.index);
      this.instanceBodies.set(variable, body);
    }
    if (!body) return undefined;
    const getter = classMember(body, key, 'get');
    if (getter) return withStep(this.summary(getter), `${object.name}.${key}`);
    return classFields(body, this.host.index).writes.has(key) ? withStep(this.classField(body, key), `${object.name}.${key}`) : undefined;
  }

  /** The class of this module each variable is an instance of (null: none), read once per variable. */
  private readonly instanceBodies = new Map<Variable, TSESTree.ClassBody | null>();
  private readonly fieldKeys = new Map<TSESTree.ClassBody, Map<string, object>>();
  private readonly fieldMemo = new Map<object, Taint>();

  private classField(body: TSESTree.ClassBody, key: string): Taint {
    let keys = this.fieldKeys.get(body);
    if (!keys) {
      keys = new Map();
      this.fieldKeys.set(body, keys);
    }
    let question = keys.get(key);
    if (!question) {
      question = {};
      keys.set(key, question);
    }
    return this.answer(question, this.fieldMemo, () => {
      const fields = classFields(body, this.host.index);
      const parts: Taint[] = [];
      for (const value of fields.writes.get(key) ?? []) {
        const taint = this.taintOf(value);
        for (const origin of fields.elements.has(value) ? (fields.spread.has(value) ? flat(taint) : asElement(taint)) : taint) {
          // A parameter of one of its methods: what the calls this module sees pass (kept symbolic when it sees none).
          const calls = origin.kind === 'param' ? this.callsOfMethod(body, origin.fn) : [];
          if (origin.kind !== 'param' || calls.length === 0) {
            parts.push([origin]);
            continue;
          }
          for (const call of calls) parts.push(this.substitute([origin], origin.fn, call, call.type === T.NewExpression ? 'new()' : `${keyName(unwrap(call.callee) as TSESTree.MemberExpression) ?? ''}()`));
        }
      }
      return withStep(union(...parts), `this.${key}`);
    });
  }

  private readonly methodCalls = new Map<FunctionNode, (TSESTree.CallExpression | TSESTree.NewExpression)[]>();

  /** The calls of a class's method this module makes, read once per method. */
  private callsOfMethod(body: TSESTree.ClassBody, fn: FunctionNode): (TSESTree.CallExpression | TSESTree.NewExpression)[] {
    let calls = this.methodCalls.get(fn);
    if (!calls) {
      calls = methodCallsOf(body, fn, this.host.index);
      this.methodCalls.set(fn, calls);
    }
    return calls;
  }

  private readonly writesMemo = new Map<Variable, ReadonlyMap<string, Node[]> | null>();

  /**
   * Fields written into a variable's object after it is made (`out.error = …`), by name, read
   * once per variable; null when a computed key (`out[k] = …`) may write any field.
   */
  private fieldWrites(variable: Variable): ReadonlyMap<string, Node[]> | null {
    if (this.writesMemo.has(variable)) return this.writesMemo.get(variable)!;
    let writes: Map<string, Node[]> | null = new Map();
    for (const reference of variable.references) {
      const parent = reference.identifier.parent;
      if (parent?.type !== T.MemberExpression || parent.object !== reference.identifier) continue;
      const written = memberWrite(parent);
      if (!written) continue;
      const name = keyName(parent);
      if (name === null) {
        writes = null;
        break;
      }
      writes.set(name, [...(writes.get(name) ?? []), written]);
    }
    this.writesMemo.set(variable, writes);
    return writes;
  }

  /** Arguments of the `throw` statements of a `try` block that its `catch` receives (same function). */
  private thrownIn(clause: TSESTree.CatchClause): Node[] {
    const block = clause.parent.block;
    const fn = enclosingFunction(clause);
    return within(this.host.index.throws, block)
      .filter((statement) => enclosingFunction(statement) === fn)
      .map((statement) => statement.argument);
  }

  private paramTaint(fn: FunctionNode, index: number): Taint {
    if (this.host.errorParam(fn) === index) return [errorOrigin(fn.params[index])];
    const source = this.host.handlerParams(fn)?.get(index);
    const param = fn.params[index];
    if (source) {
      const declared = param.type === T.Identifier ? param.name : null;
      if (source.kind === 'data') {
        return [{ kind: 'request', node: param, text: declared ?? source.label, steps: [], data: true }];
      }
      return [
        { kind: 'request-object', model: source.model, node: param, text: declared ?? REQUEST_MODELS[source.model].label, steps: [] },
      ];
    }
    const callbackTaint = this.callbackParamTaint(fn, index);
    if (callbackTaint) return callbackTaint;
    // `tool({ execute: ({ cmd }) => … })`: the model chose the arguments.
    // `callbacks: [{ handleLLMNewToken(token) { … } }]`: the model's text as it is generated.
    const handler = index === 0 ? callbackOutput(fn, this.host.index) : null;
    if (handler) {
      const text = param.type === T.Identifier ? param.name : 'output';
      return [{ kind: 'llm', part: handler.part, sdk: 'langchain', api: handler.api, call: handler.api, node: param, text, steps: [] }];
    }
    const tool = index === 0 ? toolOfFunction(fn, this.host.index) : null;
    if (tool) {
      const text = param.type === T.Identifier ? param.name : 'arguments';
      const chosen: Taint = [{ kind: 'llm', part: 'text', sdk: tool.sdk, api: 'tool arguments', call: `${tool.api} arguments`, node: param, text, steps: [] }];
      return tool.field ? inField(chosen, tool.field) : chosen;
    }
    const symbolic: Origin = { kind: 'param', fn, index, access: [], steps: [] };
    // `function send(res, completion: ChatCompletion)`: with type information, an SDK result whatever the caller passes.
    const annotated = param.type === T.AssignmentPattern ? param.left : param;
    const typed = 'typeAnnotation' in annotated && annotated.typeAnnotation ? this.host.typedOutput(annotated) : undefined;
    return typed ? [symbolic, { ...typed, node: param, text: param.type === T.Identifier ? param.name : typed.text }] : [symbolic];
  }

  /** Parameters of callbacks given to `.then`, `.map`, `req.on('data')`, … receive the receiver's data. */
  private callbackParamTaint(fn: FunctionNode, index: number): Taint | null {
    const call = fn.parent;
    if (call?.type !== T.CallExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return null;
    const callee = unwrap(call.callee);
    if (callee.type !== T.MemberExpression) return null;
    const method = keyName(callee);
    if (!method) return null;
    if (method === 'then' && index === 0 && call.arguments[0] === fn) return this.taintOf(callee.object);
    // `.catch(e => …)`, `.then(ok, e => …)`: the rejection reason.
    if (index === 0 && ((method === 'catch' && call.arguments[0] === fn) || (method === 'then' && call.arguments[1] === fn))) {
      return [errorOrigin(fn.params[0])];
    }
    if (ELEMENT_CALLBACK_METHODS.has(method) && index === 0) return this.element(this.taintOf(callee.object));
    if ((method === 'reduce' || method === 'reduceRight') && index === 1) return this.element(this.taintOf(callee.object));
    if (LISTEN_METHODS.has(method) && call.arguments[1] === fn) return this.listenerTaint(callee.object, call.arguments[0], fn, index);
    return null;
  }

  /**
   * A listener's parameter: `req.on('data', c => …)` gets the body, an SDK stream's `text`
   * event model text and its `chunk`/`message` events raw parts, `error` an error, and an
   * emitter of this module what `emit` hands under the same event.
   */
  private listenerTaint(target: Node, eventNode: Node, fn: FunctionNode, index: number): Taint | null {
    const event = eventNode.type === T.Literal && typeof eventNode.value === 'string' ? eventNode.value : null;
    if (event === null) return null;
    if (event === 'error' && index === 0) return [errorOrigin(fn.params[0])];
    const receiver = flat(this.taintOf(target));
    const parts: Taint[] = [];
    if (event === 'data' && index === 0) parts.push(this.iterate(receiver));
    const text = STREAM_TEXT_EVENTS.has(event);
    if (text || (STREAM_RAW_EVENTS.has(event) && index === 0)) {
      parts.push(receiver.filter((o) => o.kind === 'llm').map((o) => (text ? { ...o, part: 'text' as const } : streamElement(o as LlmOutputOrigin))));
    }
    const emitted = emittedValues(target, event, index, this.host.index);
    parts.push(...emitted.map((value) => this.taintOf(value)));
    const result = union(...parts);
    return result.length > 0 || emitted.length > 0 ? result : null;
  }

  /** What `for (const x of value)` or `req.on('data', x => …)` yields. */
  private iterate(taint: Taint): Taint {
    return this.mapOrigins(taint, (placed) => {
      if (placed.within) return outOfList(placed);
      const origin = whole(placed);
      if (origin.kind === 'request-object') {
        return REQUEST_MODELS[origin.model].streamsBody
          ? { kind: 'request', node: origin.node, text: `${origin.text} body`, steps: origin.steps }
          : null;
      }
      if (origin.kind === 'param') return { ...origin, access: [...origin.access, null] };
      return origin.kind === 'llm' ? streamElement(origin) : origin;
    });
  }

  private element(taint: Taint): Taint {
    return this.mapOrigins(taint, (placed) => {
      // An element the server wrote into its own list: that element, with its fields.
      if (placed.within) return outOfList(placed);
      const origin = whole(placed);
      if (origin.kind === 'request-object') return null;
      if (origin.kind === 'param') return { ...origin, access: [...origin.access, null] };
      return origin.kind === 'llm' ? streamElement(origin) : origin;
    });
  }

  /** Reading a member: `req.body` is data, `req.method` is not, `data.text` stays data. */
  accessMember(taint: Taint, step: string | null, node: Node | null): Taint {
    const call = methodOfStep(step);
    if (call) return this.mapOrigins(flat(taint), (origin) => this.callOn(origin, call.method, call.argument, node));
    const key = roleOfStep(step) === null ? step : null;
    return this.mapOrigins(taint, (placed) => {
      // `list[0]` of a list the server wrote: that element, with its fields.
      if (placed.within && (key === null || /^\d+$/u.test(key))) return withMember(outOfList(placed), key);
      // An origin under a field: the read of that field gets it, a read of another field does not.
      if (placed.at) {
        if (key !== null && placed.at[0] !== key) return null;
        // `{ success: false, message }` read as `result.message` where a check says `result.success` holds.
        if (placed.when && typeof placed.when.value === 'boolean' && node?.type === T.MemberExpression && this.valueGuards.flagKnown(node.object, placed.when.key) === !placed.when.value) return null;
        return fieldRead(placed, key);
      }
      if (key !== null && placed.except?.includes(key)) return null;
      const origin = whole(placed);
      if (origin.kind === 'request-object') {
        const model = REQUEST_MODELS[origin.model];
        // An element of a request that streams its body (`for (const c of r)` in a helper, replayed here): the body.
        if (key === null) return step === null && model.streamsBody ? { kind: 'request', node: node ?? origin.node, text: `${origin.text} body`, steps: origin.steps } : null;
        const text = `${origin.text}.${key}`;
        if (model.data.has(key)) return { kind: 'request', node: node ?? origin.node, text, steps: origin.steps };
        const nested = Object.hasOwn(model.nested, key) ? model.nested[key] : undefined;
        if (nested) return { kind: 'request-object', model: nested, node: node ?? origin.node, text, steps: origin.steps };
        return null;
      }
      if (key === 'length') return null;
      if (origin.kind === 'param') return { ...origin, access: [...origin.access, step] };
      // A key is a string: `apiKey.hashId` reads a record that the name only suggested was a key.
      if (origin.kind === 'secret' && key !== null && !/^\d+$/u.test(key)) return null;
      // `messages[0].role` names a role, not the prompt.
      if (origin.kind === 'prompt' && (key === 'role' || key === 'type' || key === 'name' || key === 'id')) return null;
      let described: Origin = origin;
      if (origin.kind === 'llm' && (origin.part === 'response' || origin.part === 'stream')) {
        // `completion.choices[0].message.content` is the text; `completion.usage` is metadata.
        const member = outputMember(origin.sdk, key);
        if (member === 'metadata') return null;
        if (member === 'text') described = { ...origin, part: origin.part === 'stream' ? 'text-stream' : 'text' };
      }
      if (origin.kind === 'error' && origin.part === 'object') {
        // `err.code` is safe metadata; `err.stack` and `err.message` are the details.
        if (key !== null && SAFE_ERROR_MEMBERS.has(key)) return null;
        described = { ...origin, part: (key !== null && ERROR_PARTS.get(key)) || 'object' };
      }
      return withMember(described, key);
    });
  }

  private mapOrigins(taint: Taint, map: (origin: Origin) => Origin | null): Taint {
    if (taint.length === 0) return taint;
    const result: Origin[] = [];
    for (const origin of taint) {
      const mapped = map(origin);
      if (mapped) result.push(mapped);
    }
    return result.length === 0 ? CLEAN : result;
  }

  /** What a call that passes its arguments on returns: their origins, as a whole. */
  /** Arguments that become elements of a list (`Array.of(a, b)`, `list.concat(x, [y])`): objects written here are one element each, lists stay lists. */
  private elementsTaint(call: TSESTree.CallExpression, all = false): Taint {
    return union(
      ...call.arguments.map((argument) => {
        const taint = this.taintOf(argument);
        const literal = argument.type !== T.SpreadElement && unwrap(argument).type === T.ObjectExpression;
        return all || literal ? asElement(taint) : flat(taint);
      }),
    );
  }

  private argumentsTaint(call: TSESTree.CallExpression | TSESTree.NewExpression, only?: readonly number[]): Taint {
    return flat(union(...call.arguments.map((argument, i) => (only && !only.includes(i) ? CLEAN : this.taintOf(argument)))));
  }

  /** A global, or a module import (`import util from 'node:util'`): not a local look-alike. */
  private isGlobalOrImport(identifier: TSESTree.Identifier): boolean {
    const variable = this.host.index.variableOf(identifier);
    return !variable || variable.defs.length === 0 || variable.defs[0].type === 'ImportBinding';
  }

  private isGlobal(identifier: TSESTree.Identifier): boolean {
    const variable = this.host.index.variableOf(identifier);
    return !variable || variable.defs.length === 0;
  }

  private callTaint(call: TSESTree.CallExpression): Taint {
    const output = this.host.llmOutput(call);
    if (output) return [output];
    const known = this.untypedCallTaint(call);
    if (known.length > 0) return known;
    // A call the engine cannot follow whose type is an SDK result (`wrapper.run(): Promise<ChatCompletion>`).
    const typed = this.host.typedOutput(call);
    return typed ? [typed] : CLEAN;
  }

  private untypedCallTaint(call: TSESTree.CallExpression): Taint {
    const callee = unwrap(call.callee);
    const { root, names } = memberChain(callee);
    const chain = root.type === T.Identifier ? [root.name, ...names] : names;
    if (chain.length > 0 && this.host.isSanitizer(chain)) return sanitized(this.argumentsTaint(call), isEscaping(chain));
    const read = root.type === T.Identifier && names.length <= 1 ? this.requestRead(call, root, names[0] ?? null) : null;
    if (read) return [read];
    // `fastify.httpErrors.badRequest(message)`, `createError(404, message)`: an error that carries its message.
    const message = httpErrorMessage(call, this.host.index);
    if (message !== null) {
      const argument = call.arguments[message];
      return argument && argument.type !== T.SpreadElement ? flat(this.taintOf(argument)) : CLEAN;
    }
    // `OpenAIStream(response)`, `LangChainAdapter.toDataStreamResponse(stream)`: the model's text, streamed.
    const streamed = textStreamSource(call, this.host.index);
    if (streamed) return withStep(textStreamOf(this.taintOf(streamed)), `${chain.join('.')}()`);
    if (callee.type === T.MemberExpression) return this.methodCallTaint(call, callee);
    if (callee.type === T.Identifier) {
      // `createUIMessageStream({ execute: ({ writer }) => writer.merge(x) })`: a stream of what the callback writes.
      const model = writerCallbackOf(call, this.host.index);
      if (model) return withStep(streamOf(union(...writtenByCallbacks(call, model, this.host.index).map((value) => this.taintOf(value)))), `${callee.name}()`);
      return this.functionCallTaint(call, callee);
    }
    if (isFunction(callee)) return this.substitute(this.summary(callee), callee, call, '(function)');
    return CLEAN;
  }

  private methodCallTaint(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression): Taint {
    const method = keyName(callee);
    const { root, names } = memberChain(callee);
    if (root.type === T.Identifier && this.isGlobalOrImport(root) && STATIC_PASS_THROUGH.has(`${root.name}.${names.join('.')}`)) {
      // `Object.assign(target, a, b)` merges fields: later sources write over earlier ones.
      if (root.name === 'Object' && names.join('.') === 'assign') return this.mergedFields(call.arguments);
      if (root.name === 'Array' && names.join('.') === 'of') return this.elementsTaint(call, true);
      // Each result of `Promise.allSettled` holds its promise's value under `value` (`{ status, value }`).
      if (root.name === 'Promise' && names.join('.') === 'allSettled') return inField(this.argumentsTaint(call), 'value');
      return this.argumentsTaint(call);
    }
    if (method === null) return CLEAN;
    if (root.type === T.Identifier && this.isGlobal(root) && NUMERIC_GLOBALS.has(root.name)) return CLEAN;
    // `prompts.build(x)`, `this.ai.ask(x)`, `service.run(x)`: a function of a module, object or class the engine knows.
    if (this.host.linkedCall(call)) return this.linkedTaint(call);
    if (VALIDATOR_METHODS.has(method)) {
      // `z.enum(['a', 'b']).parse(x)`: the result is one of your own values.
      return isClosedSchema(callee.object) ? CLEAN : this.argumentsTaint(call, [0]);
    }
    const object = unwrap(callee.object);
    if (object.type === T.ThisExpression) {
      const fn = this.classMethod(callee, method);
      return fn ? this.substitute(this.summary(fn), fn, call, `this.${method}()`) : CLEAN;
    }
    const callback = call.arguments.find((a) => isFunction(a)) as FunctionNode | undefined;
    if (method === 'then' && callback) return this.summary(callback);
    // `map`: each result is one element the callback wrote (its fields kept); `flatMap`: the lists it wrote.
    if (CALLBACK_RESULT_METHODS.has(method) && callback) return method === 'map' ? asElement(this.summary(callback)) : this.summary(callback);
    // `source.pipe(destination)` returns the destination: what comes out is what it makes of the source.
    if (method === 'pipe' && call.arguments.length > 0 && call.arguments[0].type !== T.SpreadElement) return flat(this.taintOf(call.arguments[0]));

    const receiver = flat(method === 'filter' && callback ? this.filtered(this.taintOf(callee.object), callback) : this.taintOf(callee.object));
    const argument = literalArgument(call);
    const fromReceiver = this.mapOrigins(receiver, (origin) => this.callOn(origin, method, argument, call));
    // `list.concat({ role: 'user', content: q })`: a message written here is one element of the new list.
    if (method === 'concat') return union(fromReceiver, this.elementsTaint(call));
    const passing = ARGUMENT_PASSING_METHODS.get(method) ?? (this.isTextCodec(callee.object, method) ? [0] : undefined);
    return passing ? union(fromReceiver, this.argumentsTaint(call, passing)) : fromReceiver;
  }

  /**
   * A list after `filter(test)`: the elements the test drops, told by their flag (`{ kind:
   * 'failure', error }` under `(i) => i.kind !== 'failure'`), leave what they held behind, and
   * fields the test keeps empty (`(i) => !i.error`) hold nothing in the elements that pass.
   */
  private filtered(list: Taint, callback: FunctionNode): Taint {
    const param = callback.params[0];
    const test = callback.body.type === T.BlockStatement ? singleReturn(callback.body) : callback.body;
    if (param?.type !== T.Identifier || !test || !list.some((origin) => origin.at && (origin.within === 1 || (origin.within === 2 && origin.whenIn)))) return list;
    const emptied = emptiedFields(test, param.name);
    return list.filter((origin) => {
      // `(i) => !i.entries.some((e) => e.kind === 'failure')`: an element's list under a field, told by its entries' flags.
      const nested = origin.whenIn;
      if (origin.within === 2 && nested && origin.at?.[0] === nested.field) {
        const written = this.writtenMembers();
        return written.has(nested.key) || written.has(nested.field) || written.has(ANY_MEMBER) || nestedKeeps(test, param.name, nested) !== false;
      }
      if (origin.within !== 1 || !origin.at) return true;
      if (emptied.has(origin.at[0])) return false;
      // A flag written again anywhere in the file (`for (const i of items) i.status = 'done'`) no longer tells the element.
      if (!origin.when || origin.at[0] === origin.when.key || this.writtenMembers().has(origin.when.key) || this.writtenMembers().has(ANY_MEMBER)) return true;
      return filterKeeps(test, param.name, origin.when) !== false;
    });
  }

  /**
   * What calling `method` on a value with this origin gives. `argument` is the call's literal
   * first argument as messages show it (`'x-tenant'`), or ''. A parameter records the call as a
   * step of its access path (`c.req.json()`), replayed on what a caller passes.
   */
  private callOn(origin: Origin, method: string, argument: string, node: Node | null): Origin | null {
    if (origin.kind === 'request-object') {
      const model = REQUEST_MODELS[origin.model];
      // `context.switchToHttp().getRequest()`: a method that returns another request object.
      const nested = model.returns && Object.hasOwn(model.returns, method) ? model.returns[method] : undefined;
      if (nested) return { kind: 'request-object', model: nested, node: node ?? origin.node, text: `${origin.text}.${method}()`, steps: origin.steps };
      return model.methods.has(method) ? { kind: 'request', node: node ?? origin.node, text: `${origin.text}.${method}(${argument})`, steps: origin.steps } : null;
    }
    if (NON_PROPAGATING_METHODS.has(method)) return null;
    if (origin.kind === 'param') return origin.access.length < MAX_ACCESS ? { ...origin, access: [...origin.access, methodStep(method, argument)] } : origin;
    // Methods of an error object build something new (`error.toResponse()`); only its
    // string forms carry the details.
    if (origin.kind === 'error' && origin.part === 'object') return ERROR_TO_STRING.has(method) ? origin : null;
    // `key.slice(0, 4)`: a masked prefix of a secret is not the secret; `prisma.apiKey.findMany()`
    // is a query, not a key: only string methods that keep the text keep the secret.
    if (origin.kind === 'secret' && (MASKING_METHODS.has(method) || !SECRET_KEEPING_METHODS.has(method))) return null;
    // `request.headers.get('x-request-id')` names the header it reads.
    if (origin.kind === 'request' && origin.steps.length === 0 && (method === 'get' || method === 'getAll') && argument) {
      return { ...origin, text: `${origin.text}.${method}(${argument})` };
    }
    if (origin.kind === 'llm') {
      // `result.response.text()`, `result.toDataStreamResponse()`
      if (TEXT_METHODS.has(method)) return { ...origin, part: 'text' };
      if (TEXT_STREAM_METHODS.has(method)) return { ...origin, part: 'text-stream' };
    }
    return origin;
  }

  /** `new TextEncoder()` (inline or in a variable) with `encode`, a `TextDecoder` with `decode`: not `jwt.decode(token)`. */
  private isTextCodec(object: Node, method: string): boolean {
    let value = unwrap(object);
    if (value.type === T.Identifier) {
      const init = singleInit(value, this.host.index);
      if (!init) return false;
      value = unwrap(init);
    }
    if (value.type !== T.NewExpression) return false;
    const callee = unwrap(value.callee);
    return callee.type === T.Identifier && TEXT_CODECS.get(callee.name) === method && this.isGlobal(callee);
  }

  /** The fields of objects merged in order: a later object's literal fields write over earlier ones. */
  private mergedFields(objects: readonly TSESTree.CallExpressionArgument[]): Taint {
    let result: Taint = CLEAN;
    for (const object of objects) {
      if (object.type === T.SpreadElement) {
        result = union(withoutFlags(result, null), flat(this.taintOf(object.argument)));
        continue;
      }
      const value = unwrap(object);
      const literal = value.type === T.ObjectExpression && value.properties.every((p) => p.type === T.Property && keyName(p) !== null);
      const written = value.type === T.ObjectExpression ? value.properties.flatMap((p) => (p.type === T.Property && keyName(p) !== null ? [keyName(p)!] : [])) : [];
      // A later object writes over the flags of its fields, or of any field when its fields are not all known.
      result = union(withoutFlags(withoutFields(result, written), literal ? written : null), this.taintOf(object));
    }
    return result;
  }

  /** `readBody(event)` of h3, `geolocation(request)` of `@vercel/functions`, `parse.json(req)` of co-body: a package function that reads the request. */
  private requestRead(call: TSESTree.CallExpression, root: TSESTree.Identifier, member: string | null): Origin | null {
    const def = this.host.index.variableOf(root)?.defs[0];
    if (def?.type !== 'ImportBinding' || def.parent?.type !== T.ImportDeclaration) return null;
    const imported =
      def.node.type === T.ImportDefaultSpecifier ? 'default' : def.node.type === T.ImportSpecifier && def.node.imported.type === T.Identifier ? def.node.imported.name : null;
    const part = imported === null ? null : requestFunctionPart(def.parent.source.value, imported, member);
    if (part === null) return null;
    const first = call.arguments[0];
    const argument = first && first.type !== T.SpreadElement && first.range[1] - first.range[0] <= 24 ? this.host.sourceCode.getText(first) : '';
    return { kind: 'request', node: call, text: `${chainText(root, member)}(${argument})`, steps: [], reader: part };
  }

  private functionCallTaint(call: TSESTree.CallExpression, callee: TSESTree.Identifier): Taint {
    const name = callee.name;
    if (this.host.settings.sources.functions.includes(name)) {
      return [{ kind: 'request', node: call, text: `${name}()`, steps: [] }];
    }
    const variable = this.host.index.variableOf(callee);
    const def = variable?.defs[0];
    if (def?.type === 'ImportBinding') {
      // `import x = require('…')` (TypeScript) has no ImportDeclaration parent.
      const declaration = def.parent?.type === T.ImportDeclaration ? def.parent : null;
      const imported = def.node.type === T.ImportSpecifier && def.node.imported.type === T.Identifier ? def.node.imported.name : null;
      if (declaration?.source.value === 'next/headers' && (imported === 'headers' || imported === 'cookies')) {
        return [{ kind: 'request', node: call, text: `${name}()`, steps: [] }];
      }
      if (TEMPLATE_HELPERS.has(name)) return this.argumentsTaint(call);
      if (declaration && imported && PACKAGE_PASS_THROUGH.get(String(declaration.source.value))?.has(imported)) return this.argumentsTaint(call);
      return this.linkedTaint(call);
    }
    const fn = this.host.index.functionOf(callee);
    if (fn) return this.substitute(this.summary(fn), fn, call, `${name}()`);
    if ((!variable || variable.defs.length === 0) && GLOBAL_PASS_THROUGH.has(name)) return this.argumentsTaint(call);
    return this.linkedTaint(call);
  }

  private newTaint(node: TSESTree.NewExpression): Taint {
    const output = this.host.llmOutput(node);
    if (output) return [output];
    // `new ReadableStream({ start(c) { c.enqueue(x) } })`, `new TransformStream()` written to through its writer.
    const model = writerCallbackOf(node, this.host.index);
    const written = model ? writtenByCallbacks(node, model, this.host.index) : writtenIntoStream(node, this.host.index);
    const callee = unwrap(node.callee);
    const resolved = resolvedValues(node, this.host.index);
    if (resolved.length > 0) return flat(union(...resolved.map((value) => this.taintOf(value))));
    if (written.length > 0) {
      const stream = streamOf(union(...written.map((value) => this.taintOf(value))));
      return callee.type === T.Identifier ? withStep(stream, `new ${callee.name}()`) : stream;
    }
    if (callee.type === T.Identifier && this.isGlobal(callee) && PASS_THROUGH_CONSTRUCTORS.has(callee.name)) {
      return this.argumentsTaint(node);
    }
    return CLEAN;
  }

  /**
   * The value of a call to a function the linker found: its summary with the call's arguments
   * filled in. What comes from another module (LLM output, prompts, secrets, errors) is shown
   * at this call, with a step that names the function and where it is.
   */
  private linkedTaint(call: TSESTree.CallExpression): Taint {
    const linked = this.host.linkedCall(call);
    if (!linked) return CLEAN;
    if (linked.owner === (this.host as unknown)) return this.substitute(this.summary(linked.fn), linked.fn, call, `${linked.name}()`);
    const summary = acrossModules(() => linked.owner.engine.summary(linked.fn));
    if (!summary || summary.length === 0) return CLEAN;
    const label = this.host.hopLabel(linked);
    const parts: Taint[] = [];
    for (const origin of summary) {
      if (origin.kind === 'param') {
        if (origin.fn === linked.fn) parts.push(this.substitute([origin], linked.fn, call, label));
        continue;
      }
      parts.push(withStep([{ ...origin, node: call }], label));
    }
    return union(...parts);
  }

  /** Fills a summary's symbolic parameters with the taint of the call's arguments. */
  private substitute(summary: Taint, fn: FunctionNode, call: TSESTree.CallExpression | TSESTree.NewExpression, label: string): Taint {
    const parts: Taint[] = [];
    for (const origin of summary) {
      if (origin.kind === 'param' && origin.fn === fn) {
        if (call.arguments.slice(0, origin.index + 1).some((a) => a.type === T.SpreadElement)) continue;
        let argument: Node | undefined = call.arguments[origin.index];
        let access = origin.access;
        // `f({ model, hints })` where f reads only `.hints`: that property, not the whole object.
        while (argument && access.length > 0 && access[0] !== null) {
          const object = unwrap(argument);
          if (object.type !== T.ObjectExpression || object.properties.some((p) => p.type === T.SpreadElement || (p.type === T.Property && p.computed))) break;
          argument = findProperty(object, access[0])?.value;
          access = access.slice(1);
        }
        if (!argument) continue;
        let taint = this.taintOf(argument);
        for (const key of access) taint = this.accessMember(taint, key, null);
        // Where the function put the parameter's value in what it returns (`return { q: p.body }`).
        taint = inFields(withoutFields(taint, origin.except ?? []), origin.at);
        if (origin.within) taint = asElement(taint);
        parts.push(withStep(origin.sanitized ? sanitized(taint, origin.escaped) : taint, label));
      } else {
        parts.push(withStep([origin], label));
      }
    }
    return union(...parts);
  }

  /** `this.name(...)` inside a class: the method of the same class. */
  private classMethod(callee: TSESTree.MemberExpression, name: string): FunctionNode | null {
    let current: Node | undefined = callee.parent;
    while (current && current.type !== T.ClassBody) current = current.parent;
    if (!current) return null;
    for (const member of current.body) {
      if (
        (member.type === T.MethodDefinition || member.type === T.PropertyDefinition) &&
        !member.static &&
        keyName(member) === name
      ) {
        const value = member.value && unwrap(member.value);
        if (isFunction(value)) return value;
      }
    }
    return null;
  }
}
