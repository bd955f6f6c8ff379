import type { FunctionNode, Node } from '../syntax/ast.js';
import type { RequestModelName } from '../models/sources/request-objects.js';
import type { RequestPart } from '../models/sources/request-functions.js';

/**
 * Where a value comes from. The engine answers every question with a list of origins;
 * an empty list means "nothing from the request is known to be in it" (clean or unknown:
 * the rules stay silent either way).
 */
export type Origin = RequestObjectOrigin | RequestDataOrigin | ErrorOrigin | PromptOrigin | LlmOutputOrigin | SecretOrigin | ParamOrigin;

/**
 * Where in a value an origin sits. Values carry origins per field: `{ id, error: e.message }`
 * holds the error at `['error']`, so a read of `.id` leaves it out. Absent: the value as a whole.
 */
interface Placed {
  /** The field path that holds it, at most MAX_FIELD_DEPTH keys (`['record', 'id']`). */
  readonly at?: readonly string[];
  /** Fields of a whole value that were written over after it was spread (`{ ...headers, authorization: '…' }`) or left out by a rest pattern. */
  readonly except?: readonly string[];
  /**
   * It is one element of a list the server made (`[{ role: 'user', content: q }]`, `list.push(x)`),
   * not the list itself: a list the client sent is the list, also when it is spread into another.
   * How many lists deep (`[['human', q]]` holds `q` two deep); reading an element takes one off.
   */
  readonly within?: number;
  /**
   * The flag of the object that holds it at its top field (`{ success: false, message:
   * e.message }`): it is there only when that field has that value, so a read of the field where a
   * check says otherwise (`if (result.success) result.message`) does not get it. Only while `at`
   * has the field of that object.
   */
  readonly when?: { readonly key: string; readonly value: boolean | string };
  /**
   * A flag one list deeper: it sits in an element of the list under `field`, an element whose
   * flag `key` has `value` (`{ name, entries }` where an entry is `{ kind: 'failure', error }`).
   * Reading `field` makes it the element's `when` again.
   */
  readonly whenIn?: { readonly field: string; readonly key: string; readonly value: boolean | string };
}

/** A key, token or password: `process.env.OPENAI_API_KEY`, `config.apiKey`. */
export interface SecretOrigin extends Placed {
  readonly kind: 'secret';
  readonly node: Node;
  readonly text: string;
  readonly steps: readonly string[];
  /** For an origin in another module: its line and file ('11 of src/routes/ask.ts'), as messages show it. */
  readonly place?: string;
  readonly sanitized?: boolean;
  /** The sanitizer only escaped it (`escapeHtml(x)`): safe to render, still the same text in a log or a key. */
  readonly escaped?: boolean;
}

/**
 * What an LLM call returned: the SDK's whole result object (`response`), a stream of raw
 * chunks (`stream`), the generated text (`text`), or a stream of text (`text-stream`).
 */
export interface LlmOutputOrigin extends Placed {
  readonly kind: 'llm';
  readonly part: 'response' | 'stream' | 'text' | 'text-stream';
  readonly sdk: string;
  readonly api: string;
  /** The call as messages name it: 'openai chat.completions.create'. */
  readonly call: string;
  readonly node: Node;
  readonly text: string;
  readonly steps: readonly string[];
  /** For an origin in another module: its line and file ('11 of src/routes/ask.ts'), as messages show it. */
  readonly place?: string;
  /** Passed through a configured sanitizer (`redactPII(text)`). */
  readonly sanitized?: boolean;
  /** The sanitizer only escaped it (`escapeHtml(x)`): safe to render, still the same text in a log or a key. */
  readonly escaped?: boolean;
}

/** A value that is given to an LLM call as its system prompt, or as its whole list of messages. */
export interface PromptOrigin extends Placed {
  readonly kind: 'prompt';
  readonly what: 'system prompt' | 'messages list';
  /** The LLM call it is given to, as messages name it: 'openai chat.completions.create'. */
  readonly call: string;
  readonly node: Node;
  readonly text: string;
  readonly steps: readonly string[];
  /** For an origin in another module: its line and file ('11 of src/routes/ask.ts'), as messages show it. */
  readonly place?: string;
}

/**
 * An error value (a catch parameter, an error handler's first argument) or what is derived
 * from it: its `message`, its `stack`, or the object with its details (`cause`, `response`).
 */
export interface ErrorOrigin extends Placed {
  readonly kind: 'error';
  readonly part: 'object' | 'message' | 'stack';
  readonly node: Node;
  readonly text: string;
  readonly steps: readonly string[];
  /** For an origin in another module: its line and file ('11 of src/routes/ask.ts'), as messages show it. */
  readonly place?: string;
}

/** A request or context object itself (`req`, `ctx`, `c.req`): only some members are data. */
export interface RequestObjectOrigin extends Placed {
  readonly kind: 'request-object';
  readonly model: RequestModelName;
  readonly node: Node;
  readonly text: string;
  readonly steps: readonly string[];
  /** For an origin in another module: its line and file ('11 of src/routes/ask.ts'), as messages show it. */
  readonly place?: string;
}

/** Request data: what the client sent (`req.body.message`, `await req.json()`, `@Body() dto`). */
export interface RequestDataOrigin extends Placed {
  readonly kind: 'request';
  /** Where it is read, for the line in messages. */
  readonly node: Node;
  /** The source expression as the user wrote it, e.g. `req.body.message`. */
  readonly text: string;
  /** Names it passed through on its way: variables, helpers. */
  readonly steps: readonly string[];
  /** For an origin in another module: its line and file ('11 of src/routes/ask.ts'), as messages show it. */
  readonly place?: string;
  /** Passed through a sanitizer: still request data for the prompt rules, not for logging. */
  readonly sanitized?: boolean;
  /** The sanitizer only escaped it (`escapeHtml(x)`): safe to render, still the same text in a log or a key. */
  readonly escaped?: boolean;
  /**
   * Read from a parameter that is data as a whole (`@Body() dto`, a server action's argument, an
   * MCP tool's arguments): its members are fields, never HTTP parts (`args.query` is no query string).
   */
  readonly data?: boolean;
  /** Read by a package function (`readBody(event)`, `getRawBody(req)`): the part of the request it reads. */
  readonly reader?: RequestPart;
}

/** A parameter of the function being summarized (symbolic until a call site fills it). */
export interface ParamOrigin extends Placed {
  readonly kind: 'param';
  readonly fn: FunctionNode;
  readonly index: number;
  /** Members read from the parameter after it came in (`p.body.text` -> ['body', 'text']). */
  readonly access: readonly (string | null)[];
  readonly steps: readonly string[];
  /** For an origin in another module: its line and file ('11 of src/routes/ask.ts'), as messages show it. */
  readonly place?: string;
  /** Passed through a sanitizer inside the function: what fills it is sanitized too. */
  readonly sanitized?: boolean;
  /** The sanitizer only escaped it (`escapeHtml(x)`): safe to render, still the same text in a log or a key. */
  readonly escaped?: boolean;
}

export type Taint = readonly Origin[];

export const CLEAN: Taint = Object.freeze([]);

/** Upper bound on origins kept per value: enough for messages, bounded for speed. */
const MAX_ORIGINS = 4;
/** Upper bound when the origins sit in fields (`{ message, chatId, trigger, … }` of one request). */
const MAX_PLACED_ORIGINS = 8;

const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/** Two origins that say the same thing (made in different rounds of a cycle, or on two paths). */
function sameOrigin(a: Origin, b: Origin): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind || !sameList(a.steps, b.steps)) return false;
  if (a.kind === 'param') {
    const other = b as ParamOrigin;
    return a.fn === other.fn && a.index === other.index && a.sanitized === other.sanitized && a.escaped === other.escaped && sameList(a.access, other.access) && samePlace(a, b);
  }
  const other = b as Exclude<Origin, ParamOrigin>;
  return (
    a.node === other.node &&
    a.text === other.text &&
    ('part' in a ? a.part : undefined) === ('part' in other ? other.part : undefined) &&
    ('sanitized' in a ? a.sanitized : undefined) === ('sanitized' in other ? other.sanitized : undefined) &&
    ('escaped' in a ? a.escaped : undefined) === ('escaped' in other ? other.escaped : undefined) &&
    samePlace(a, b)
  );
}

const NOWHERE: readonly string[] = [];

function samePlace(a: Placed, b: Placed): boolean {
  return (
    sameList(a.at ?? NOWHERE, b.at ?? NOWHERE) &&
    sameList(a.except ?? NOWHERE, b.except ?? NOWHERE) &&
    a.within === b.within &&
    a.when?.key === b.when?.key &&
    a.when?.value === b.when?.value &&
    a.whenIn?.field === b.whenIn?.field &&
    a.whenIn?.key === b.whenIn?.key &&
    a.whenIn?.value === b.whenIn?.value
  );
}

export function union(...taints: Taint[]): Taint {
  let result: Origin[] | null = null;
  for (const taint of taints) {
    if (taint.length === 0) continue;
    if (result === null) {
      if (taints.length === 1) return taint;
      result = [...taint];
      continue;
    }
    for (const origin of taint) {
      if (result.some((known) => sameOrigin(known, origin))) continue;
      // Origins in fields of their own get more room: an object with many request fields keeps them apart.
      // Whole values and fields are counted apart, so fields written later (`entry.loc = { file: ctx.file }`)
      // do not crowd out the value spread in whole (`{ ...ctx }`).
      const placed = !!origin.at;
      const kept = result.reduce((count, known) => (!!known.at === placed ? count + 1 : count), 0);
      if (kept < (placed ? MAX_PLACED_ORIGINS : MAX_ORIGINS)) result.push(origin);
      // Full: an origin left out must not leave a field clean, so unless a kept one covers its field,
      // the last one kept stands for the whole value.
      else if (!result.some((known) => covers(known, origin))) result[result.length - 1] = withoutPlace(result[result.length - 1]);
    }
  }
  return result ?? CLEAN;
}

/** Whether `known` sits wherever `origin` does (its field or a field above it, nothing left out). */
function covers(known: Origin, origin: Origin): boolean {
  if (known.except || (known.within ?? 0) !== (origin.within ?? 0)) return false;
  if (known.when && (known.when.key !== origin.when?.key || known.when.value !== origin.when.value)) return false;
  if (known.whenIn && (known.whenIn.field !== origin.whenIn?.field || known.whenIn.key !== origin.whenIn.key || known.whenIn.value !== origin.whenIn.value)) return false;
  return (known.at ?? NOWHERE).every((key, i) => origin.at?.[i] === key);
}

/** Fields kept per origin: deeper fields count as the field at this depth. */
export const MAX_FIELD_DEPTH = 3;

/** The origin as part of the whole value (no field, nothing left out). */
export function whole<O extends Origin>(origin: O): O {
  // An element of a list the server wrote keeps its own fields through what is done to the list.
  if (origin.within) return origin;
  return withoutPlace(origin);
}

/** The origin anywhere in the value: no field, nothing left out (for the cap of `union`, which must not leave a field clean). */
function withoutPlace<O extends Origin>(origin: O): O {
  if (!origin.at && !origin.except) return origin;
  const rest: { at?: unknown; except?: unknown; when?: unknown; whenIn?: unknown } = { ...origin };
  delete rest.at;
  delete rest.except;
  delete rest.when;
  delete rest.whenIn;
  return rest as O;
}

/** The value with its fields forgotten: what an operation that does not keep fields (a string, a list, an unknown call) makes of it. */
export function flat(taint: Taint): Taint {
  return taint.some((origin) => origin.at || origin.except) ? taint.map(whole) : taint;
}

/** Lists kept per origin: deeper lists count as this depth. */
const MAX_LIST_DEPTH = 3;

/** The value as one element of a new list (see `Placed.within`); its fields stay the element's fields. */
export function asElement(taint: Taint): Taint {
  return taint.length === 0 ? taint : taint.map((origin) => ({ ...origin, within: Math.min((origin.within ?? 0) + 1, MAX_LIST_DEPTH) }) as Origin);
}

/** An element read from a list: what was one element of it may be the element itself (its fields kept). */
export function outOfList(origin: Origin): Origin {
  if (!origin.within) return origin;
  if (origin.within > 1) return { ...origin, within: origin.within - 1 } as Origin;
  const rest: { within?: number } = { ...origin };
  delete rest.within;
  return rest as Origin;
}


/** The value put under `key` of a new object (`{ key: value }`). */
export function inField(taint: Taint, key: string): Taint {
  if (taint.length === 0) return taint;
  return taint.map((origin) => {
    const at = [key, ...(origin.at ?? NOWHERE)].slice(0, MAX_FIELD_DEPTH);
    // Past the depth, the deepest field kept stands for everything under it.
    const except = origin.at && origin.at.length >= MAX_FIELD_DEPTH ? undefined : origin.except;
    const placed: Placed = { ...origin, at, except };
    // A flag of the inner object is no longer at the top of this one; a flag of an element of a list put under
    // `key` is kept one list deeper (a deeper one is forgotten).
    const inner = origin.when && origin.within && !origin.whenIn ? { field: key, ...origin.when } : undefined;
    if (placed.when) delete (placed as { when?: unknown }).when;
    if (placed.whenIn) delete (placed as { whenIn?: unknown }).whenIn;
    if (inner) (placed as { whenIn?: unknown }).whenIn = inner;
    return placed as Origin;
  });
}

/**
 * The value with the flags it carries forgotten (see `Placed.when`): those on `keys`, or all of
 * them (null) when something may have written over any field (a spread, `Object.assign` of an
 * unknown value).
 */
export function withoutFlags(taint: Taint, keys: readonly string[] | null): Taint {
  if (!taint.some((origin) => origin.when && (keys === null || keys.includes(origin.when.key)))) return taint;
  return taint.map((origin) => {
    if (!origin.when || (keys !== null && !keys.includes(origin.when.key))) return origin;
    const rest: { when?: unknown } = { ...origin };
    delete rest.when;
    return rest as Origin;
  });
}

/**
 * The origins in the fields of an object literal with a flag (`{ success: false, … }`): there
 * only when the flag has that value (see `Placed.when`).
 */
export function underFlag(taint: Taint, key: string, value: boolean | string): Taint {
  if (!taint.some((origin) => origin.at && origin.at[0] !== key)) return taint;
  return taint.map((origin) => (origin.at && origin.at[0] !== key ? ({ ...origin, when: { key, value } } as Origin) : origin));
}

/** The value put under a field path (`inField` for each key, innermost last). */
export function inFields(taint: Taint, path: readonly string[] | undefined): Taint {
  let result = taint;
  for (let i = (path?.length ?? 0) - 1; i >= 0; i--) result = inField(result, path![i]);
  return result;
}

/**
 * The value without some of its fields: `{ ...value, key: … }` writes over `key`, and
 * `const { key, ...rest } = value` leaves it out of `rest`. An origin in such a field is
 * dropped; an origin of the whole value remembers the fields it no longer has.
 */
export function withoutFields(taint: Taint, keys: readonly string[]): Taint {
  if (taint.length === 0 || keys.length === 0) return taint;
  const result: Origin[] = [];
  for (const origin of taint) {
    if (origin.at) {
      if (!keys.includes(origin.at[0])) result.push(origin);
      continue;
    }
    const except = [...(origin.except ?? NOWHERE), ...keys.filter((key) => !origin.except?.includes(key))];
    result.push({ ...origin, except } as Origin);
  }
  return result.length === 0 ? CLEAN : result;
}

/**
 * Records that a value passed through a name. `destructured` names (`const { message } =
 * req.body`) that repeat the source's last member are left out: 'req.body.message', not
 * 'req.body.message -> message'.
 */
export function withStep(taint: Taint, step: string, destructured = false): Taint {
  if (taint.length === 0) return taint;
  const stepped = taint.map((origin) => {
    if (origin.steps.at(-1) === step) return origin;
    if (origin.kind !== 'param' && origin.steps.length === 0 && origin.text === step) return origin;
    const last = origin.kind === 'param' ? '' : (origin.steps.at(-1) ?? origin.text);
    if (destructured && last.endsWith(`.${step}`)) {
      return origin;
    }
    return { ...origin, steps: [...origin.steps, step] } as Origin;
  });
  // Two origins that differed only by this step are now one.
  return stepped.length > 1 ? stepped.filter((origin, i) => !stepped.slice(0, i).some((earlier) => sameOrigin(earlier, origin))) : stepped;
}

/**
 * Whether an origin went through a redacting sanitizer (`redactPII`, `mask*`, `scrub*`, your own),
 * not one that only escapes (`escapeHtml`): hidden from logs and key checks. The output rules
 * count any sanitizer (`sanitized`).
 */
export function redacted(origin: Origin): boolean {
  return 'sanitized' in origin && origin.sanitized === true && origin.escaped !== true;
}

/** The request data in a value (what the client sent), without symbolic or object origins. */
export function requestData(taint: Taint): RequestDataOrigin[] {
  return taint.filter((origin): origin is RequestDataOrigin => origin.kind === 'request');
}

/** What LLM calls returned, in a value, leaving out what went through a sanitizer. */
export function llmOutputs(taint: Taint): LlmOutputOrigin[] {
  return taint.filter((origin): origin is LlmOutputOrigin => origin.kind === 'llm' && !origin.sanitized);
}

/** The prompts and message lists of LLM calls in a value. */
export function promptValues(taint: Taint): PromptOrigin[] {
  return taint.filter((origin): origin is PromptOrigin => origin.kind === 'prompt');
}

/** The error details in a value (stack, message or error object). */
export function errorDetails(taint: Taint): ErrorOrigin[] {
  return taint.filter((origin): origin is ErrorOrigin => origin.kind === 'error');
}

export function isTainted(taint: Taint): boolean {
  return taint.some((origin) => origin.kind === 'request');
}
