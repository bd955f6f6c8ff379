import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { getStaticValue } from '@eslint-community/eslint-utils';
import type { LlmCall } from '../models/llm/types.js';
import { FASTIFY_GUARD_HOOKS } from '../models/auth.js';
import { asksModel } from '../models/llm/output.js';
import { toolOfFunction } from '../models/llm/tools.js';
import { isHttpClientCall, PUBLIC_PREFIX, SECRET_FALLBACK_ENV } from '../models/secrets.js';
import { exportNamesOf, ROUTE_EXPORT_METHODS, routePathOfModule } from '../models/sources/nextjs.js';
import { envVariable, findProperty, keyName, memberChain, stringLiteralValue, unwrap, within, type FunctionNode, type Node } from '../syntax/ast.js';
import type { FileAnalysis } from '../dataflow/analysis-types.js';
import { dangerousSinks } from '../dataflow/dangerous-calls.js';
import { describeCall, describeOrigin, shorten } from '../dataflow/describe.js';
import { siteTaint } from '../dataflow/effects.js';
import { incomingRequestData } from '../dataflow/incoming.js';
import { loggerCalls } from '../dataflow/logger-calls.js';
import { requestData } from '../dataflow/origin.js';
import { functionName, reachedFunctions, type Owned } from '../dataflow/reach.js';
import { linkedFunction } from '../program/linker.js';
import { routeTable } from '../program/routes.js';

/**
 * The AI surface of one module, for the audit's inventory: the routes and handlers it registers
 * with the LLM calls they reach (here or in other modules), its LLM calls with their SDK, model
 * and the slots request data fills, the tools it gives a model and what they can do, and the
 * loggers and secret env variables it uses. Facts only, by file and line: `scan` merges them.
 */

/** A place in the project: a file as messages show it (relative, with `/`) and a 1-based line. */
export interface Place {
  readonly file: string;
  readonly line: number;
}

export interface SurfaceRoute {
  /** `POST`, or null for a handler whose method is not known here. */
  readonly method: string | null;
  readonly path: string | null;
  /** The handler's name, when it has one. */
  readonly name: string | null;
  /** Where it is registered (or, for a handler no route table here names, where it is defined). */
  readonly place: Place;
  /** Registered by a route table (`app.post(…)`, a Nest decorator); false for a handler known otherwise (a Next.js export, a handler registered in a module not linted). */
  readonly registered: boolean;
  /** Where the handler function is. */
  readonly handler: Place;
  /** The LLM calls it reaches, itself or through the functions it calls. */
  readonly calls: readonly Place[];
}

export interface SurfaceSlot {
  /** How messages name the slot: 'system message', 'prompt', 'user message'. */
  readonly label: string;
  readonly role: string;
  /** The request data that fills it, as messages name it, and where it is read. */
  readonly request: { readonly source: string; readonly place: Place } | null;
}

export interface SurfaceCall {
  readonly place: Place;
  /** As messages name the call: `openai chat.completions.create`. */
  readonly api: string;
  readonly sdk: string;
  /** The model it names, when written here: `'gpt-4o-mini'`, `env OPENAI_MODEL`, or the expression. */
  readonly model: string | null;
  readonly slots: readonly SurfaceSlot[];
  /** The function that makes the call, when it has a name. */
  readonly within: string | null;
}

export interface SurfaceTool {
  readonly place: Place;
  readonly name: string | null;
  /** How messages name the tool's SDK call: `ai tool()`. */
  readonly api: string;
  /** What the model can make it do: `shell command (exec)`, `network request (fetch)`, `LLM call (…)`. */
  readonly can: readonly { readonly what: string; readonly place: Place }[];
}

export interface FileSurface {
  readonly routes: readonly SurfaceRoute[];
  /** Routes registered here that reach no LLM call. */
  readonly otherRoutes: number;
  readonly calls: readonly SurfaceCall[];
  readonly tools: readonly SurfaceTool[];
  readonly loggers: readonly { readonly logger: string; readonly place: Place }[];
  readonly keys: readonly { readonly name: string; readonly place: Place }[];
}

/** How many calls deep a route's or a tool's reach is followed. */
const REACH_DEPTH = 3;

const placeOf = (owner: FileAnalysis, node: Node): Place => ({ file: owner.label, line: node.loc.start.line });

const inside = (node: Node, fn: FunctionNode) => node.range[0] >= fn.range[0] && node.range[1] <= fn.range[1];

/** The calls of a module that ask a model for an answer: SDK calls that generate, and the wrappers the settings name (not the calls that build prompts, clients or agents). */
function generatingCalls(owner: FileAnalysis): readonly LlmCall[] {
  let calls = generating.get(owner);
  if (!calls) {
    calls = owner.sdkCalls.filter((call) => asksModel(call, owner.index));
    generating.set(owner, calls);
  }
  return calls;
}

const generating = new WeakMap<FileAnalysis, readonly LlmCall[]>();

/** The LLM calls `start` reaches: the generating calls of every function it runs. */
function reachedCalls(start: Owned): Place[] {
  const found = new Map<string, Place>();
  for (const { owner, fn } of reachedFunctions(start, REACH_DEPTH)) {
    for (const call of generatingCalls(owner)) {
      if (!inside(call.node, fn)) continue;
      const place = placeOf(owner, call.node);
      found.set(`${place.file}:${place.line}`, place);
    }
  }
  return [...found.values()];
}

/** A `'string'` the node holds (through constants), else null. */
function staticString(node: Node, analysis: FileAnalysis): string | null {
  const scope = analysis.sourceCode.getScope?.(node as never);
  const value = getStaticValue(node as never, scope as never);
  return value && typeof value.value === 'string' ? value.value : null;
}

/** The model a call names: the `model` option (or `modelId`), through constants, `openai('gpt-4o')` and `process.env.X`. */
function modelOf(call: LlmCall, analysis: FileAnalysis): string | null {
  const first = call.node.arguments[0];
  const options = first && unwrap(first);
  if (options?.type !== T.ObjectExpression) return null;
  const property = findProperty(options, 'model') ?? findProperty(options, 'modelId');
  if (!property) return null;
  let value: Node = unwrap(property.value);
  // `model: openai('gpt-4o')`, `model: anthropic(MODEL)`: the provider function's first argument.
  if (value.type === T.CallExpression && value.arguments.length > 0 && value.arguments[0].type !== T.SpreadElement) value = unwrap(value.arguments[0]);
  const text = staticString(value, analysis);
  if (text !== null) return `'${shorten(text, 60)}'`;
  const env = envName(value);
  if (env !== null) return `env ${env}`;
  // A name (`modelName`, `config.model`) or a call of one; never other code, which may hold a key (`createOpenAI({ apiKey: '…' })('gpt-4o')`).
  const named = nameChain(value) ?? (value.type === T.CallExpression ? nameChain(value.callee) : null);
  return named === null ? null : shorten(value.type === T.CallExpression ? `${named}(…)` : named, 60);
}

/** `a`, `this.a.b`, `a?.b`: a chain of names as written, or null for anything else. */
function nameChain(node: Node): string | null {
  const { root, names } = memberChain(node);
  const start = root.type === T.Identifier ? root.name : root.type === T.ThisExpression ? 'this' : null;
  return start === null || names.some((name) => !/^[\w$]+$/u.test(name)) ? null : [start, ...names].join('.');
}

/** `process.env.X` (or `import.meta.env.X`, either side of `||`/`??`): X. */
function envName(node: Node): string | null {
  const value = unwrap(node);
  if (value.type === T.LogicalExpression) return envName(value.left) ?? envName(value.right);
  return envVariable(value);
}

function surfaceCall(call: LlmCall, analysis: FileAnalysis): SurfaceCall {
  const slots = call.slots.map((slot): SurfaceSlot => {
    const taint = siteTaint(analysis, slot.value, slot.through?.accesses);
    // Request data read here, or passed in by the callers of this file's functions in other modules.
    const origin = requestData(taint)[0] ?? incomingRequestData(analysis, taint)[0];
    if (!origin) return { label: slot.label, role: slot.role, request: null };
    const { source, line } = describeOrigin(origin);
    const at = /^(\d+)(?: of (.+))?$/u.exec(line);
    return { label: slot.label, role: slot.role, request: { source, place: { file: at?.[2] ?? analysis.label, line: Number(at?.[1] ?? origin.node.loc.start.line) } } };
  });
  // The whole list of messages repeats what its messages hold: it is listed only for what no message shows.
  const shown = new Set(slots.filter((slot) => slot.role !== 'conversation' && slot.request).map((slot) => `${slot.request!.source}@${slot.request!.place.file}:${slot.request!.place.line}`));
  const listed = slots.filter(
    (slot) => slot.role !== 'conversation' || slots.length === 1 || (slot.request !== null && !shown.has(`${slot.request.source}@${slot.request.place.file}:${slot.request.place.line}`)),
  );
  let fn: Node | undefined = call.node.parent;
  while (fn && fn.type !== T.FunctionDeclaration && fn.type !== T.FunctionExpression && fn.type !== T.ArrowFunctionExpression) fn = fn.parent;
  return {
    place: placeOf(analysis, call.node),
    api: describeCall(call),
    sdk: call.sdk,
    model: modelOf(call, analysis),
    slots: listed,
    within: fn ? functionName(fn as FunctionNode) : null,
  };
}

/** What a tool's function can do: the dangerous sinks, HTTP requests and LLM calls of the functions it runs. */
function toolPowers(start: Owned): SurfaceTool['can'] {
  const can: { what: string; place: Place }[] = [];
  for (const { owner, fn } of reachedFunctions(start, REACH_DEPTH)) {
    for (const sink of dangerousSinks(owner)) {
      if (inside(sink.node, fn)) can.push({ what: `${sink.kind} (${sink.api})`, place: placeOf(owner, sink.node) });
    }
    for (const call of within(owner.index.calls, fn)) {
      if (isHttpClientCall(call, true)) can.push({ what: `network request (${nameChain(call.callee) ?? 'an HTTP client'})`, place: placeOf(owner, call) });
    }
    for (const call of generatingCalls(owner)) {
      if (inside(call.node, fn)) can.push({ what: `LLM call (${describeCall(call)})`, place: placeOf(owner, call.node) });
    }
  }
  const seen = new Set<string>();
  return can.filter((power) => {
    const key = `${power.what}@${power.place.file}:${power.place.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The name a tool goes by: the variable or property its call is stored in, or its options' `name` or `id`. */
function toolName(node: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
  const holder = node.parent;
  if (holder?.type === T.VariableDeclarator && holder.id.type === T.Identifier) return holder.id.name;
  if (holder?.type === T.Property) return keyName(holder);
  for (const argument of node.arguments) {
    const value = unwrap(argument);
    if (value.type !== T.ObjectExpression) continue;
    const named = findProperty(value, 'name') ?? findProperty(value, 'id');
    const text = named && stringLiteralValue(named.value);
    if (text) return text;
  }
  return null;
}

/** The logger a log call writes to (`logger` of `logger.info`), when it is a name: other code may hold a key. */
function loggerName(callee: string): string {
  const receiver = callee.includes('.') ? callee.replace(/\.[^.]+$/u, '') : callee;
  return /^[\w$]+(?:\.[\w$]+)*$/u.test(receiver) ? receiver : 'a logger made in the call';
}

const cache = new WeakMap<FileAnalysis, FileSurface>();

export function fileSurface(analysis: FileAnalysis): FileSurface {
  const cached = cache.get(analysis);
  if (cached) return cached;
  const routes: SurfaceRoute[] = [];
  let otherRoutes = 0;
  const table = routeTable(analysis.index, FASTIFY_GUARD_HOOKS);
  const registered = new Set<FunctionNode>();
  const entries = [
    ...table.routes.map((route) => ({ route, handler: { owner: analysis, fn: route.handler } as Owned | null })),
    ...table.foreignRoutes.map((route) => {
      const linked = analysis.settings.crossFile ? linkedFunction<FileAnalysis>(analysis, route.ref) : null;
      return { route, handler: linked && ({ owner: linked.owner, fn: linked.fn } as Owned) };
    }),
  ];
  for (const { route, handler } of entries) {
    if (!handler) continue;
    if (handler.owner === analysis) registered.add(handler.fn);
    const calls = reachedCalls(handler);
    if (calls.length === 0) {
      otherRoutes++;
      continue;
    }
    routes.push({
      method: route.method.toUpperCase(),
      path: route.path,
      name: functionName(handler.fn),
      place: placeOf(analysis, route.call),
      registered: true,
      handler: placeOf(handler.owner, handler.fn),
      calls,
    });
  }
  // Handlers no route table here names: Next.js route exports, handlers registered in other modules, web handlers.
  const handlers = [...analysis.handlers.keys()];
  for (const fn of handlers) {
    if (registered.has(fn) || !analysis.handlers.get(fn)?.params.size) continue;
    // A page whose server action is written inside it: the action is the entry point that reaches the call.
    if (handlers.some((inner) => inner !== fn && inside(inner, fn))) continue;
    const calls = reachedCalls({ owner: analysis, fn });
    if (calls.length === 0) continue;
    const name = functionName(fn);
    const place = placeOf(analysis, fn);
    // A route module of Next.js: the file is the route table, and the names it exports the handler under are its methods.
    const path = routePathOfModule(analysis.label);
    if (path !== null) {
      const exported = exportNamesOf(fn, analysis.index);
      const verbs = exported.filter((exportName) => ROUTE_EXPORT_METHODS.has(exportName));
      if (verbs.length > 0) for (const verb of verbs) routes.push({ method: verb, path, name, place, registered: true, handler: place, calls });
      else if (exported.includes('default')) routes.push({ method: null, path, name, place, registered: true, handler: place, calls });
      if (exported.length > 0) continue;
    }
    routes.push({ method: null, path: null, name, place, registered: false, handler: place, calls });
  }

  const tools: SurfaceTool[] = [];
  for (const fn of analysis.index.functions) {
    const tool = toolOfFunction(fn, analysis.index);
    if (tool) tools.push({ place: placeOf(analysis, fn), name: toolName(tool.call), api: tool.api, can: toolPowers({ owner: analysis, fn }) });
  }

  const keys: FileSurface['keys'][number][] = [];
  const isSecret = (name: string | null): name is string => name !== null && SECRET_FALLBACK_ENV.test(name) && !PUBLIC_PREFIX.test(name);
  for (const read of analysis.index.envReads) {
    const name = keyName(read);
    if (isSecret(name)) keys.push({ name, place: placeOf(analysis, read) });
  }
  // `const { OPENAI_API_KEY } = process.env`.
  for (const named of analysis.index.envNames) {
    const name = keyName(named);
    if (isSecret(name)) keys.push({ name, place: placeOf(analysis, named) });
  }

  const surface: FileSurface = {
    routes,
    otherRoutes,
    calls: generatingCalls(analysis).map((call) => surfaceCall(call, analysis)),
    tools,
    loggers: loggerCalls(analysis).map((call) => ({ logger: loggerName(call.logger), place: placeOf(analysis, call.node) })),
    keys,
  };
  cache.set(analysis, surface);
  return surface;
}

/** Whether a module's surface holds nothing to list. */
export function isEmptySurface(surface: FileSurface): boolean {
  return (
    surface.routes.length === 0 && surface.otherRoutes === 0 && surface.calls.length === 0 && surface.tools.length === 0 && surface.loggers.length === 0 && surface.keys.length === 0
  );
}
