import type { TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode, Node } from '../syntax/ast.js';
import { argumentFor } from './arguments.js';
import { guardedForErrors, onlyInDevelopment, type GuardContext } from './env-guard.js';
import type { FileIndex } from '../syntax/file-index.js';
import { requestData, type Origin, type ParamOrigin, type RequestDataOrigin, type Taint } from './origin.js';

/** What the question needs of a module's analysis (the file analysis, without importing it). */
export interface IncomingHost {
  readonly linted: boolean;
  readonly settings: { readonly crossFile: boolean };
  readonly filename: string;
  readonly label: string;
  readonly index: FileIndex;
  readonly engine: { taintOf(node: Node): Taint; taintAt(node: Node, access: readonly (string | null)[]): Taint; readonly guards: GuardContext };
  /** Whether the call's callee could be linked at all, told cheaply from this file. */
  mayLinkCall(call: TSESTree.CallExpression): boolean;
  linkedCalls(call: TSESTree.CallExpression): readonly { readonly fn: FunctionNode; readonly owner: { readonly filename: string }; readonly approximate?: true }[];
  importerModules(): readonly IncomingHost[];
}

/**
 * What reaches a function's parameters from calls in other modules (request data above all, and
 * LLM output, errors, prompts and secrets): what makes a flow into an SDK call, a logger or a
 * dangerous sink of this file a finding here, where the data enters it, although this file only
 * sees a parameter. The calls are found in the project modules that import this
 * one (and, for a function called only by this file's own functions, in their callers).
 * Request data passed by a call in this same file is not counted: that call reports it.
 */

/** How many functions up the callers are followed (`route -> service.ask -> buildPrompt -> SDK`). */
const MAX_DEPTH = 3;

/**
 * Whether a module whose call hands request data to a sink in `site` through `hops` functions
 * can leave the report to `site`: its incoming flows see this caller (one of its importers,
 * within the depth followed). `importers` lists the modules `site` asks.
 */
export function sinkSeesCaller(caller: string, site: string, hops: number, importers: (file: string) => readonly string[]): boolean {
  return site !== caller && hops <= MAX_DEPTH && importers(site).includes(caller);
}
/** Origins kept per parameter. */
const MAX_ORIGINS = 8;

/** Calls whose arguments do not count: none, development-only ones, or those guarded for error details too. */
type Skip = 'none' | 'development' | 'errors';

/** What callers pass in: anything but their own parameters (followed further up instead). */
type Passed = Exclude<Origin, ParamOrigin>;

const cache = new WeakMap<IncomingHost, Map<string, Passed[]>>();


/** How messages name a function: its own name, a method's name, or 'the function'. */
function functionName(fn: FunctionNode): string {
  if (fn.type !== 'ArrowFunctionExpression' && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if ((parent?.type === 'MethodDefinition' || parent?.type === 'Property' || parent?.type === 'PropertyDefinition') && parent.key.type === 'Identifier') return parent.key.name;
  return 'the function';
}

/** Per calling module: its calls that pass arguments, by the module and function they run (linked exactly). */
const callsByTarget = new WeakMap<IncomingHost, Map<string, TSESTree.CallExpression[]>>();

const targetKey = (file: string, fn: FunctionNode) => `${file}\0${fn.range[0]}:${fn.range[1]}`;

/**
 * Calls of `analysis` (module or linted file) that run `fn` of `owner` (linked exactly, not by
 * name). The module's calls are linked once, whatever function is asked about.
 */
export function callsOf(analysis: IncomingHost, owner: IncomingHost, fn: FunctionNode): readonly TSESTree.CallExpression[] {
  let byTarget = callsByTarget.get(analysis);
  if (!byTarget) {
    byTarget = new Map();
    callsByTarget.set(analysis, byTarget);
    for (const call of analysis.index.calls) {
      if (call.arguments.length === 0 || !analysis.mayLinkCall(call)) continue;
      for (const linked of analysis.linkedCalls(call)) {
        // A call linked by the method's name alone is reported where it is made (the flow is not the callee's to claim).
        if (linked.approximate) continue;
        const key = targetKey(linked.owner.filename, linked.fn);
        const calls = byTarget.get(key);
        if (!calls) byTarget.set(key, [call]);
        else if (calls.at(-1) !== call) calls.push(call);
      }
    }
  }
  return byTarget.get(targetKey(owner.filename, fn)) ?? [];
}

/**
 * Which parameters the walk goes through (`follows`), named by `tag` for the cache: the role
 * questions do not follow a parameter the function filters on its roles.
 */
export interface ParamFilter {
  readonly tag: string;
  follows(host: IncomingHost, param: ParamOrigin): boolean;
}

function incomingFor(owner: IncomingHost, origin: ParamOrigin, depth: number, seen: Set<string>, skip: Skip, filter?: ParamFilter): Passed[] {
  const key = `${origin.fn.range[0]}:${origin.index}:${origin.access.join('.')}:${skip}:${filter?.tag ?? ''}`;
  let known = cache.get(owner);
  if (!known) {
    known = new Map();
    cache.set(owner, known);
  }
  const cached = known.get(key);
  if (cached) return cached;
  if (depth > MAX_DEPTH || seen.has(`${owner.filename}:${key}`)) return [];
  seen.add(`${owner.filename}:${key}`);
  const found: Passed[] = [];
  const name = functionName(origin.fn);
  const follow = (caller: IncomingHost, local: boolean) => {
    for (const call of callsOf(caller, owner, origin.fn)) {
      // A call made in development only (or, for responses, where error details may be sent) hands nothing on that counts.
      if (skip === 'development' && onlyInDevelopment(call, caller.engine.guards)) continue;
      if (skip === 'errors' && guardedForErrors(call, caller.engine.guards)) continue;
      const argument = argumentFor(caller, call, origin);
      if (!argument) continue;
      const taint = argument.access.length > 0 ? caller.engine.taintAt(argument.value, argument.access) : caller.engine.taintOf(argument.value);
      const at = `${name}() at ${caller.label}:${call.loc.start.line}`;
      // What a call of this same file passes in is reported at that call.
      if (!local) {
        for (const data of taint) {
          if (data.kind === 'param') continue;
          found.push({ ...data, place: data.place ?? `${data.node.loc.start.line} of ${caller.label}`, steps: [...data.steps, at] });
        }
      }
      for (const param of taint) {
        if (param.kind !== 'param' || (filter && !filter.follows(caller, param))) continue;
        for (const data of incomingFor(caller, param, depth + 1, seen, skip, filter)) found.push({ ...data, steps: [...data.steps, at] });
      }
      if (found.length >= MAX_ORIGINS) return;
    }
  };
  follow(owner, true);
  for (const importer of owner.importerModules()) {
    if (found.length >= MAX_ORIGINS) break;
    follow(importer, false);
  }
  const result = found.slice(0, MAX_ORIGINS);
  known.set(key, result);
  return result;
}

/**
 * What other modules pass into the parameters a taint comes from (request data, LLM output,
 * errors, prompts, secrets), each with the place it was made (`11 of src/routes/ask.ts`) and the
 * calls it went through. `skip` leaves out calls made in development only (`'development'`: `if
 * (process.env.NODE_ENV === 'development') dump(req.body)`), or also in branches where error
 * details may be sent (`'errors'`: a client-error check, as the response checks ask).
 */
export function incomingOrigins(analysis: IncomingHost, taint: Taint, options: { readonly skip?: Skip; readonly filter?: ParamFilter } = {}): Passed[] {
  if (!analysis.linted || !analysis.settings.crossFile) return [];
  const found: Passed[] = [];
  for (const origin of taint) {
    if (origin.kind !== 'param' || origin.sanitized || (options.filter && !options.filter.follows(analysis, origin))) continue;
    found.push(...incomingFor(analysis, origin, 0, new Set(), options.skip ?? 'none', options.filter));
  }
  return found;
}

/** The request data among `incomingOrigins`. */
export function incomingRequestData(analysis: IncomingHost, taint: Taint, filter?: ParamFilter): RequestDataOrigin[] {
  return requestData(incomingOrigins(analysis, taint, { filter }));
}
