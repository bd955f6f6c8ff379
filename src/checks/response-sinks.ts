import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { CLIENT_EXCEPTIONS } from '../models/errors.js';
import { PACKAGE_RESPONSES, PIPE_TO_RESPONSE_METHODS, RESPONSE_CALLBACKS, RESPONSE_MODELS, type ResponseModelName } from '../models/sinks/response-objects.js';
import { importedBinding } from '../syntax/imports.js';
import { httpErrorMessage } from '../models/sinks/http-errors.js';
import { findProperty, isFunction, keyName, memberChain, unwrap, type FunctionNode, type Node } from '../syntax/ast.js';
import type { FileAnalysis } from '../dataflow/analysis-types.js';
import type { Taint } from '../dataflow/origin.js';
import { effectsAt, helperSinkSites, siteTaint, type ParamEffect } from '../dataflow/effects.js';
import { callsOf, incomingOrigins, sinkSeesCaller } from '../dataflow/incoming.js';
import { mayLinkCallee } from '../program/linker.js';

type Variable = NonNullable<ReturnType<FileAnalysis['index']['variableOf']>>;

/**
 * Every place a file sends data to the client: response methods (`res.json(x)`,
 * `res.status(500).send(x)`, `reply.send(x)`, `c.json(x)`, `res.end(x)`), body assignments
 * (`ctx.body = x`), web responses (`Response.json(x)`, `NextResponse.json(x)`,
 * `new Response(x)`), the return value of handlers whose return value is the response
 * (Fastify, Next.js route handlers and server actions, NestJS controllers, MCP tools), and
 * thrown framework exceptions (`throw new BadRequestException(x)`).
 */
export interface ResponseSink {
  /** Where a finding is reported: the call, the assignment, the `return` or the `throw`. */
  readonly node: Node;
  /** The expressions whose value is sent. */
  readonly payload: readonly Node[];
  /** How messages name the sink: 'res.json', 'ctx.body', 'Response.json', 'the return value of POST'. */
  readonly api: string;
  /**
   * A call to a helper that sends its argument (`sendError(res, err)`): the helper may transform
   * the value before sending it, so no fix rewrites the argument.
   */
  readonly helper?: boolean;
  /** For a helper: the member paths it reads from the payload before sending it. */
  readonly accesses?: readonly (readonly (string | null)[])[];
  /** For a helper handed the response: what it sends of its own (its LLM output, error details, prompts). */
  readonly origins?: Taint;
  /**
   * On a response a helper is handed by its callers in other modules: only what those callers
   * pass in is reported here (what the helper sends of its own is reported at each call).
   */
  readonly fromCallers?: boolean;
}

const cache = new WeakMap<FileAnalysis, ResponseSink[]>();

/**
 * Variables that hold a response object: handler parameters, `host.switchToHttp().getResponse()`
 * in NestJS filters, and parameters of helpers that callers in other modules hand a response.
 */
function responseVariables(analysis: FileAnalysis): Map<Variable, ResponseModelName> {
  const variables = directResponseVariables(analysis);
  for (const [variable, model] of handedResponses(analysis)) variables.set(variable, model);
  return variables;
}

/** The parameter variables of `responseParams`. */
function handedResponses(analysis: FileAnalysis): Map<Variable, ResponseModelName> {
  const variables = new Map<Variable, ResponseModelName>();
  for (const [fn, params] of responseParams(analysis)) {
    for (const [index, model] of params) {
      const param = fn.params[index];
      const variable = param?.type === T.Identifier ? analysis.index.variableOf(param) : null;
      if (variable) variables.set(variable, model);
    }
  }
  return variables;
}

/** The variable at the root of `res.status(500).json` (or of `reply.raw.end`). */
function rootVariable(node: Node, analysis: FileAnalysis): Variable | null {
  let current = unwrap(node);
  while ((current.type === T.CallExpression && current.callee.type === T.MemberExpression) || current.type === T.MemberExpression) {
    current = unwrap(current.type === T.CallExpression ? (current.callee as TSESTree.MemberExpression).object : current.object);
  }
  return current.type === T.Identifier ? analysis.index.variableOf(current) : null;
}

/** Methods that mark a parameter as a response object (`res.status(…)`, `res.json(…)`, `reply.send(…)`); not `write`/`end`, which streams share. */
const RESPONSE_METHODS: ReadonlySet<string> = new Set(['status', 'json', 'send', 'jsonp', 'render', 'html', 'code']);

const paramsCache = new WeakMap<FileAnalysis, Map<FunctionNode, Map<number, ResponseModelName>>>();

/**
 * Parameters of this module's functions (not handlers) that are used like a response and that
 * every caller in the modules importing this one hands a response object of the same framework:
 * `export function sendError(res, err) { res.status(500).json(…) }` in plain JavaScript.
 */
export function responseParams(analysis: FileAnalysis): Map<FunctionNode, Map<number, ResponseModelName>> {
  const cached = paramsCache.get(analysis);
  if (cached) return cached;
  const found = new Map<FunctionNode, Map<number, ResponseModelName>>();
  paramsCache.set(analysis, found);
  if (!analysis.settings.crossFile) return found;
  for (const fn of analysis.index.functions) {
    if (analysis.handlers.has(fn)) continue;
    fn.params.forEach((param, index) => {
      const variable = param.type === T.Identifier ? analysis.index.variableOf(param) : null;
      if (!variable || !usedAsResponse(variable)) return;
      const model = passedResponse(analysis, fn, index);
      if (!model) return;
      let params = found.get(fn);
      if (!params) {
        params = new Map();
        found.set(fn, params);
      }
      params.set(index, model);
    });
  }
  return found;
}

function usedAsResponse(variable: Variable): boolean {
  return variable.references.some((reference) => {
    const parent = (reference.identifier as Node).parent;
    return parent?.type === T.MemberExpression && parent.object === reference.identifier && parent.parent?.type === T.CallExpression && parent.parent.callee === parent && RESPONSE_METHODS.has(keyName(parent) ?? '');
  });
}

/** The framework of the response every call from another module passes at `index`, or null (none, or they differ). */
function passedResponse(analysis: FileAnalysis, fn: FunctionNode, index: number): ResponseModelName | null {
  let model: ResponseModelName | null = null;
  for (const importer of analysis.importerModules()) {
    const variables = directResponseVariables(importer);
    for (const call of callsOf(importer, analysis, fn)) {
      const argument = call.arguments[index];
      const value = argument ? unwrap(argument) : null;
      const variable = value?.type === T.Identifier ? importer.index.variableOf(value) : null;
      const passed = variable ? variables.get(variable) : undefined;
      if (!passed || (model !== null && passed !== model)) return null;
      model = passed;
    }
  }
  return model;
}

const directCache = new WeakMap<FileAnalysis, Map<Variable, ResponseModelName>>();

/** Handler parameters and NestJS `getResponse()` results: what the file itself says is a response. */
function directResponseVariables(analysis: FileAnalysis): Map<Variable, ResponseModelName> {
  const cached = directCache.get(analysis);
  if (cached) return new Map(cached);
  const variables = new Map<Variable, ResponseModelName>();
  for (const [fn, info] of analysis.handlers) {
    for (const [index, model] of info.responses) {
      const param = fn.params[index];
      const variable = param?.type === T.Identifier ? analysis.index.variableOf(param) : null;
      if (variable) variables.set(variable, model);
    }
  }
  for (const call of analysis.index.calls) {
    const callee = unwrap(call.callee);
    if (callee.type !== T.MemberExpression || keyName(callee) !== 'getResponse' || call.parent?.type !== T.VariableDeclarator || call.parent.id.type !== T.Identifier) continue;
    const receiver = unwrap(callee.object);
    const fromHost = receiver.type === T.CallExpression && memberChain(receiver.callee).names.at(-1) === 'switchToHttp';
    const variable = fromHost ? analysis.index.variableOf(call.parent.id) : null;
    if (variable) variables.set(variable, 'express-res');
  }
  // `streamSSE(c, async (stream) => …)`: the callback's stream.
  for (const call of analysis.index.calls) {
    const callee = unwrap(call.callee);
    const imported = callee.type === T.Identifier ? importedBinding(callee, analysis.index) : null;
    const model = imported && RESPONSE_CALLBACKS.find((m) => m.callee === imported.name && m.module === imported.module);
    const callback = model ? call.arguments[model.callback] : undefined;
    const param = model && callback && isFunction(callback) ? callback.params[model.param] : undefined;
    const variable = param?.type === T.Identifier ? analysis.index.variableOf(param) : null;
    if (model && variable) variables.set(variable, model.model);
  }
  addAliases(variables, analysis);
  directCache.set(analysis, variables);
  return new Map(variables);
}

/** Names a response is kept under (`const res = reply.raw`, `const out = res`): the same response, or the one its field holds. */
function addAliases(variables: Map<Variable, ResponseModelName>, analysis: FileAnalysis): void {
  const queue = [...variables];
  while (queue.length > 0) {
    const [variable, model] = queue.pop()!;
    for (const reference of variable.references) {
      let read: Node = reference.identifier as Node;
      let aliased: ResponseModelName | undefined = model;
      const parent = read.parent;
      if (parent?.type === T.MemberExpression && parent.object === read) {
        const field = keyName(parent);
        aliased = field ? RESPONSE_MODELS[model].fields?.get(field) : undefined;
        read = parent;
      }
      const declarator = read.parent;
      if (!aliased || declarator?.type !== T.VariableDeclarator || declarator.init !== read || declarator.id.type !== T.Identifier) continue;
      const alias = analysis.index.variableOf(declarator.id);
      if (!alias || variables.has(alias) || alias.references.some((r) => r.isWrite() && r.identifier !== declarator.id)) continue;
      variables.set(alias, aliased);
      queue.push([alias, aliased]);
    }
  }
}

/** The response object at the root of `res.status(500).json`, skipping chain methods; `reply.raw` is the Node response of a Fastify reply. */
function responseRoot(
  node: Node,
  variables: Map<Variable, ResponseModelName>,
  analysis: FileAnalysis,
): { model: ResponseModelName; name: string } | null {
  const current = unwrap(node);
  if (current.type === T.Identifier) {
    const variable = analysis.index.variableOf(current);
    const model = variable && variables.get(variable);
    return model ? { model, name: current.name } : null;
  }
  if (current.type === T.MemberExpression) {
    const field = keyName(current);
    const inner = field ? responseRoot(current.object, variables, analysis) : null;
    const model = inner && field ? RESPONSE_MODELS[inner.model].fields?.get(field) : undefined;
    return inner && model ? { model, name: `${inner.name}.${field}` } : null;
  }
  if (current.type !== T.CallExpression) return null;
  const callee = unwrap(current.callee);
  if (callee.type !== T.MemberExpression) return null;
  const method = keyName(callee);
  const inner = responseRoot(callee.object, variables, analysis);
  if (!inner || !method || !RESPONSE_MODELS[inner.model].chain.has(method)) return null;
  return inner;
}

/** Responses that are Node writables: what is piped into them is sent. */
const WRITABLE_RESPONSES: ReadonlySet<ResponseModelName> = new Set(['express-res', 'node-res']);

/** `source.pipe(res)` or `pipeline(source, …, res)` (`stream` or `stream/promises`, imported or as `stream.pipeline`) into a writable response. */
function pipedIntoResponse(call: TSESTree.CallExpression, variables: Map<Variable, ResponseModelName>, analysis: FileAnalysis): ResponseSink | null {
  const callee = unwrap(call.callee);
  const writable = (node: Node | undefined) => {
    const root = node && node.type !== T.SpreadElement ? responseRoot(node, variables, analysis) : null;
    return root && WRITABLE_RESPONSES.has(root.model) ? root : null;
  };
  if (callee.type === T.MemberExpression && keyName(callee) === 'pipe') {
    const root = writable(call.arguments[0]);
    return root ? { node: call, payload: [callee.object], api: `pipe(${root.name})` } : null;
  }
  const name = callee.type === T.Identifier ? callee.name : callee.type === T.MemberExpression ? keyName(callee) : null;
  if (name !== 'pipeline' || call.arguments.length < 2) return null;
  // The last argument may be a callback (`pipeline(a, res, (err) => …)`).
  const last = call.arguments.at(-1)!;
  const target = last.type === T.ArrowFunctionExpression || last.type === T.FunctionExpression ? call.arguments.at(-2) : last;
  const root = writable(target);
  // What reaches the response is what the stage before it gives (a transform may make text of raw chunks).
  const at = call.arguments.indexOf(target as TSESTree.CallExpressionArgument);
  const source = at > 0 ? call.arguments[at - 1] : undefined;
  return root && source && source.type !== T.SpreadElement ? { node: call, payload: [source], api: `pipeline(…, ${root.name})` } : null;
}

function isGlobalOrImported(identifier: TSESTree.Identifier, analysis: FileAnalysis, modules: readonly string[]): boolean {
  const variable = analysis.index.variableOf(identifier);
  if (!variable || variable.defs.length === 0) return true;
  const def = variable.defs[0];
  return def.type === 'ImportBinding' && def.parent?.type === T.ImportDeclaration && modules.includes(def.parent.source.value);
}

const WEB_RESPONSES = ['Response', 'NextResponse'];
/** Files where thrown exceptions become responses: NestJS, GraphQL servers. */
const CLIENT_EXCEPTION_MODULES = /^(?:@nestjs\/|graphql$|@apollo\/|apollo-server|graphql-yoga|mercurius)/;
const WEB_RESPONSE_MODULES = ['next/server'];

function functionName(fn: FunctionNode): string {
  if (fn.type !== T.ArrowFunctionExpression && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier) return parent.id.name;
  if ((parent?.type === T.MethodDefinition || parent?.type === T.Property) && keyName(parent)) return keyName(parent)!;
  return 'the handler';
}

export function responseSinks(analysis: FileAnalysis): ResponseSink[] {
  const cached = cache.get(analysis);
  if (cached) return cached;
  const sinks: ResponseSink[] = [];
  const sinkNodes = new Set<Node>();
  const add = (sink: ResponseSink, callNode: Node = sink.node) => {
    sinks.push(sink);
    sinkNodes.add(callNode);
  };
  const variables = responseVariables(analysis);
  const handed = handedResponses(analysis);

  if (variables.size > 0) {
    for (const call of analysis.index.calls) {
      const callee = unwrap(call.callee);
      if (callee.type !== T.MemberExpression) continue;
      const method = keyName(callee);
      const root = method ? responseRoot(callee.object, variables, analysis) : null;
      const payloadIndex = root && method ? (RESPONSE_MODELS[root.model].send.get(method) ?? exposedMessage(root.model, method, call)) : undefined;
      if (!root || payloadIndex === undefined) continue;
      const payload = call.arguments[payloadIndex];
      const rooted = rootVariable(callee.object, analysis);
      const fromCallers = (rooted !== null && handed.has(rooted)) || undefined;
      if (payload && payload.type !== T.SpreadElement) add({ node: call, payload: [payload], api: `${root.name}.${method}`, fromCallers });
    }
    // `source.pipe(res)`, `pipeline(source, …, res)`: a stream piped into a writable response.
    for (const call of analysis.index.calls) {
      const piped = pipedIntoResponse(call, variables, analysis);
      if (piped) add(piped);
    }
    for (const assignment of analysis.index.assignments) {
      const left = assignment.left;
      if (left.type !== T.MemberExpression || assignment.operator !== '=') continue;
      const property = keyName(left);
      // `ctx.body = x` and `ctx.response.body = x`
      const object = unwrap(left.object);
      const target = object.type === T.MemberExpression && keyName(object) === 'response' ? object.object : object;
      const root = responseRoot(target, variables, analysis);
      if (root && property && RESPONSE_MODELS[root.model].bodyProperty === property) {
        const rooted = rootVariable(target, analysis);
        add({ node: assignment, payload: [assignment.right], api: `${root.name}.${property}`, fromCallers: (rooted !== null && handed.has(rooted)) || undefined });
      }
    }
  }

  // `sendJson(res, data)`: a helper that sends one of its arguments on the response object it is given.
  if (variables.size > 0) {
    for (const { call, effect, value, accesses } of helperSinkSites(analysis)) {
      const sink = effect.sink;
      if (sink.kind !== 'respond' || reportedByHelper(analysis, call, effect)) continue;
      const given = call.arguments[sink.response];
      const variable = given && given.type === T.Identifier ? analysis.index.variableOf(given) : null;
      const model = variable ? variables.get(variable) : undefined;
      if (!model || !given || given.type !== T.Identifier) continue;
      const sends = sink.method === '=body' ? RESPONSE_MODELS[model].bodyProperty === 'body' : RESPONSE_MODELS[model].send.has(sink.method);
      if (!sends) continue;
      const method = sink.method === '=body' ? 'body' : sink.method;
      add({ node: call, payload: [value], api: `${given.name}.${method} (${effect.hops.join(' -> ')})`, helper: true, accesses });
    }
    // `relay(res, q)`: a helper that sends its own LLM output (or error details) on the response it is given.
    for (const call of analysis.index.calls) {
      if (call.arguments.length === 0 || !mayLinkCallee(analysis, call)) continue;
      const given = call.arguments.map((argument) => {
        const value = unwrap(argument);
        const variable = value.type === T.Identifier ? analysis.index.variableOf(value) : null;
        return variable ? variables.get(variable) : undefined;
      });
      if (given.every((model) => model === undefined)) continue;
      // A helper that is a handler itself (`relay(res: Response, …)`) reports what it sends, in its own file.
      const linked = analysis.linkedCall(call);
      const reportsItself = linked?.owner.handlers.get(linked.fn)?.responses;
      for (const { effect } of effectsAt(analysis, call)) {
        const sink = effect.sink;
        const model = given[effect.index];
        if (sink.kind !== 'emit' || !model || reportsItself?.has(effect.index)) continue;
        const sends = sink.method === '=body' ? RESPONSE_MODELS[model].bodyProperty === 'body' : RESPONSE_MODELS[model].send.has(sink.method);
        if (!sends) continue;
        const name = (call.arguments[effect.index] as TSESTree.Identifier).name;
        const method = sink.method === '=body' ? 'body' : sink.method;
        add({ node: call, payload: [], api: `${name}.${method} (${effect.hops.join(' -> ')})`, helper: true, origins: sink.origins });
      }
    }
  }

  const clientExceptions = [...analysis.index.moduleNames].some((m) => CLIENT_EXCEPTION_MODULES.test(m));

  // Web responses: Response.json(x), NextResponse.json(x), new Response(x).
  for (const call of analysis.index.calls) {
    const callee = unwrap(call.callee);
    if (callee.type !== T.MemberExpression || keyName(callee) !== 'json') continue;
    const object = unwrap(callee.object);
    if (object.type !== T.Identifier || !WEB_RESPONSES.includes(object.name)) continue;
    if (!isGlobalOrImported(object, analysis, WEB_RESPONSE_MODULES) || !call.arguments[0]) continue;
    add({ node: call, payload: [call.arguments[0]], api: `${object.name}.json` });
  }
  for (const created of analysis.index.news) {
    const callee = unwrap(created.callee);
    if (callee.type !== T.Identifier) continue;
    if (WEB_RESPONSES.includes(callee.name) && isGlobalOrImported(callee, analysis, WEB_RESPONSE_MODULES) && created.arguments[0]) {
      add({ node: created, payload: [created.arguments[0]], api: `new ${callee.name}` });
    } else if (
      clientExceptions &&
      CLIENT_EXCEPTIONS.test(callee.name) &&
      created.parent?.type === T.ThrowStatement &&
      created.arguments[0] &&
      created.arguments[0].type !== T.SpreadElement
    ) {
      // NestJS and GraphQL send a thrown exception's message (its first argument) to the client.
      add({ node: created.parent, payload: [created.arguments[0]], api: `throw new ${callee.name}` }, created);
    }
  }

  // `new StreamingTextResponse(stream)`, `pipeUIMessageStreamToResponse({ response: res, stream })`, `result.pipeTextStreamToResponse(res)`.
  for (const node of [...analysis.index.calls, ...analysis.index.news]) {
    const sink = packageResponse(node, analysis);
    if (sink) add(sink);
  }

  // `throw fastify.httpErrors.badRequest(message)`, `throw createError(404, message)`: the framework answers with the message.
  for (const call of analysis.index.calls) {
    if (call.parent?.type !== T.ThrowStatement) continue;
    const message = httpErrorMessage(call, analysis.index);
    const payload = message === null ? undefined : call.arguments[message];
    if (!payload || payload.type === T.SpreadElement) continue;
    const { root, names } = memberChain(call.callee);
    const name = [...(root.type === T.Identifier ? [root.name] : []), ...names].join('.');
    add({ node: call.parent, payload: [payload], api: `throw ${name}()` }, call);
  }

  // Handlers whose return value is the response.
  for (const [fn, info] of analysis.handlers) {
    if (!info.returnsToClient) continue;
    for (const value of analysis.index.returns.get(fn) ?? []) {
      const returned = unwrap(value.type === T.AwaitExpression ? value.argument : value);
      // `({ ctx, input }) => resolve(ctx, input)`: the handler it forwards to returns to the client, and reports it.
      if (sinkNodes.has(returned) || (returned.type === T.CallExpression && analysis.forwardingCalls.has(returned))) continue;
      const node = value.parent?.type === T.ReturnStatement ? value.parent : value;
      add({ node, payload: [value], api: `the return value of ${functionName(fn)}` });
    }
  }

  sinks.sort((a, b) => a.node.range[0] - b.node.range[0]);
  cache.set(analysis, sinks);
  return sinks;
}

/** A package's response made or sent by this call (see `PACKAGE_RESPONSES`, `PIPE_TO_RESPONSE_METHODS`). */
function packageResponse(node: TSESTree.CallExpression | TSESTree.NewExpression, analysis: FileAnalysis): ResponseSink | null {
  const callee = unwrap(node.callee);
  if (callee.type === T.MemberExpression) {
    const method = keyName(callee);
    return node.type === T.CallExpression && method && PIPE_TO_RESPONSE_METHODS.has(method) ? { node, payload: [node], api: `${describeReceiver(callee.object)}.${method}` } : null;
  }
  const imported = callee.type === T.Identifier ? importedBinding(callee, analysis.index) : null;
  const model = imported && PACKAGE_RESPONSES.find((m) => m.callee === imported.name && m.module === imported.module && m.construct === (node.type === T.NewExpression));
  if (!model || callee.type !== T.Identifier) return null;
  const api = `${node.type === T.NewExpression ? 'new ' : ''}${callee.name}`;
  if (model.payload === 'self') return { node, payload: [node], api };
  const given = node.arguments[model.payload.argument];
  const value = given && given.type !== T.SpreadElement ? unwrap(given) : null;
  const field = model.payload.field;
  const payload = field === undefined ? value : value?.type === T.ObjectExpression ? findProperty(value, field)?.value : null;
  return payload ? { node, payload: [payload], api } : null;
}

/** `result` in `result.pipeTextStreamToResponse(res)`, `streamText(…)` for a call. */
function describeReceiver(node: Node): string {
  const value = unwrap(node);
  if (value.type === T.Identifier) return value.name;
  const { root, names } = memberChain(value.type === T.CallExpression ? value.callee : value);
  const name = [...(root.type === T.Identifier ? [root.name] : []), ...names].join('.');
  return value.type === T.CallExpression ? `${name}(…)` : name;
}

/**
 * Whether a helper in another module that sends an argument on the response it is given reports
 * that flow itself, at its response call: it takes the response as a framework response (typed
 * `res: Response`, or handed one by every caller), sends it there directly, and sees this call
 * (see `sinkSeesCaller`).
 */
function reportedByHelper(analysis: FileAnalysis, call: TSESTree.CallExpression, effect: ParamEffect): boolean {
  if (effect.sink.kind !== 'respond' || effect.byName || effect.hops.length !== 1) return false;
  const linked = analysis.linkedCall(call);
  if (!linked || linked.owner.filename !== effect.site) return false;
  const index = effect.sink.response;
  if (!linked.owner.handlers.get(linked.fn)?.responses.has(index) && !responseParams(linked.owner).get(linked.fn)?.has(index)) return false;
  return sinkSeesCaller(analysis.filename, effect.site, effect.hops.length, (file) => analysis.importersOf(file));
}

/**
 * `ctx.throw(400, message)`: the message's position when the status is a number below 500 written
 * in the call (the framework exposes those messages; a 5xx or a computed status may not be sent).
 */
function exposedMessage(model: keyof typeof RESPONSE_MODELS, method: string, call: TSESTree.CallExpression): number | undefined {
  const exposed = RESPONSE_MODELS[model].exposes?.get(method);
  const status = exposed && call.arguments[exposed.status];
  const code = status?.type === T.Literal && typeof status.value === 'number' ? status.value : null;
  return exposed && code !== null && code >= 400 && code < 500 ? exposed.message : undefined;
}

/** A response whose payload carries values a rule looks for (error details, LLM output, prompts). */
export interface SinkHit<O> {
  readonly sink: ResponseSink;
  readonly origins: readonly O[];
  /** The payload expressions that carry them. */
  readonly carriers: readonly Node[];
}

/** Every response of the file whose payload carries what `select` picks out of a taint. */
export function sinkHits<O>(analysis: FileAnalysis, select: (taint: Taint) => O[]): SinkHit<O>[] {
  const hits: SinkHit<O>[] = [];
  for (const sink of responseSinks(analysis)) {
    const origins: O[] = [];
    const carriers: Node[] = [];
    if (sink.origins) {
      const found = select(sink.origins);
      if (found.length > 0) hits.push({ sink, origins: found, carriers: [sink.node] });
      continue;
    }
    for (const payload of sink.payload) {
      const taint = siteTaint(analysis, payload, sink.accesses);
      let found = sink.fromCallers ? [] : select(taint);
      // A parameter of a helper that callers in other modules hand error details or output: reported here, naming where it was made.
      if (found.length === 0 && !sink.helper) found = select(incomingOrigins(analysis, taint, { skip: 'errors' }));
      if (found.length === 0) continue;
      origins.push(...found);
      carriers.push(payload);
    }
    if (origins.length > 0) hits.push({ sink, origins, carriers });
  }
  return hits;
}
