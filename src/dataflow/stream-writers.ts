import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { findProperty, isFunction, keyName, memberChain, stringLiteralValue, unwrap, type FunctionNode, type Node } from '../syntax/ast.js';
import type { FileIndex } from '../syntax/file-index.js';
import { importedBinding } from '../syntax/imports.js';
import { PASS_THROUGH_STREAMS, STREAM_WRITE_METHODS, TEXT_STREAM_ADAPTERS, WRITER_CALLBACKS, type WriterCallback } from '../models/streams.js';

type Variable = TSESLint.Scope.Variable;

/**
 * Where values are handed to a stream or a listener instead of being returned: the arguments
 * the engine should read for a stream made by a writer callback, a pass-through stream, or a
 * listener of an emitter. Pure syntax over one file; the engine reads the taint of what it gets.
 */

/** The import source of a name, null for a global, undefined for a local. */
function sourceOf(identifier: TSESTree.Identifier, index: FileIndex): string | null | undefined {
  const variable = index.variableOf(identifier);
  if (!variable || variable.defs.length === 0) return null;
  const def = variable.defs[0];
  return def.type === 'ImportBinding' && def.parent?.type === T.ImportDeclaration ? def.parent.source.value : undefined;
}

/** The writer callback model a call or `new` matches. */
export function writerCallbackOf(call: TSESTree.CallExpression | TSESTree.NewExpression, index: FileIndex): WriterCallback | null {
  const callee = unwrap(call.callee);
  if (callee.type !== T.Identifier) return null;
  const model = WRITER_CALLBACKS.find((m) => m.callee === callee.name && (call.type === T.NewExpression) === (m.module === null));
  if (!model) return null;
  return sourceOf(callee, index) === model.module ? model : null;
}

/** The first arguments of the writer's write calls inside the callbacks of a writer-callback call. */
export function writtenByCallbacks(call: TSESTree.CallExpression | TSESTree.NewExpression, model: WriterCallback, index: FileIndex): Node[] {
  const given = call.arguments[model.options ?? 0];
  const options = given && unwrap(given);
  if (options?.type !== T.ObjectExpression) return [];
  const written: Node[] = [];
  for (const name of model.functions) {
    const value = findProperty(options, name)?.value;
    const fn = value && unwrap(value);
    if (!isFunction(fn) || fn.params.length === 0) continue;
    for (const writer of writerVariables(fn, model.field, index)) {
      written.push(...writesOn(writer.variable, writer.through, model.writes));
      if (model.mergedBy) written.push(...mergedInto(writer.variable, writer.through, model.mergedBy));
    }
  }
  return written;
}

/** `result.mergeIntoDataStream(writer)`: calls that hand the writer to a method that writes into it. */
function mergedInto(variable: Variable, through: string | null, methods: ReadonlySet<string>): Node[] {
  const calls: Node[] = [];
  for (const reference of variable.references) {
    const argument = readThrough(reference.identifier, through);
    const call = argument?.parent;
    if (call?.type !== T.CallExpression || call.arguments[0] !== argument) continue;
    const callee = unwrap(call.callee);
    if (callee.type === T.MemberExpression && methods.has(keyName(callee) ?? '')) calls.push(call);
  }
  return calls;
}

/**
 * `OpenAIStream(response)`, `LangChainAdapter.toDataStreamResponse(stream)`: the argument whose
 * model output the call's result streams as text, or null when the call is no such adapter.
 */
export function textStreamSource(call: TSESTree.CallExpression, index: FileIndex): Node | null {
  const callee = unwrap(call.callee);
  const { root, names } = memberChain(callee);
  if (root.type !== T.Identifier || names.length > 1) return null;
  const imported = importedBinding(root, index);
  if (!imported) return null;
  const object = names.length === 1 ? imported.name : null;
  const name = names.length === 1 ? names[0] : imported.name;
  const adapter = TEXT_STREAM_ADAPTERS.find((a) => a.module === imported.module && a.object === object && a.names.has(name));
  const source = adapter ? call.arguments[0] : undefined;
  return source && source.type !== T.SpreadElement ? source : null;
}

/** The variable that holds the writer (and the field read from it first, when the parameter is not destructured). */
function writerVariables(fn: FunctionNode, field: string | null, index: FileIndex): { variable: Variable; through: string | null }[] {
  let param: Node = fn.params[0];
  if (param.type === T.AssignmentPattern) param = param.left;
  if (param.type === T.Identifier) {
    const variable = index.variableOf(param);
    return variable ? [{ variable, through: field }] : [];
  }
  if (param.type !== T.ObjectPattern || field === null) return [];
  for (const property of param.properties) {
    if (property.type !== T.Property || keyName(property) !== field) continue;
    let bound: Node = property.value;
    if (bound.type === T.AssignmentPattern) bound = bound.left;
    const variable = bound.type === T.Identifier ? index.variableOf(bound) : null;
    return variable ? [{ variable, through: null }] : [];
  }
  return [];
}

/** What a reference reads: the name itself, or `name.field` when a field is given (null when it reads another field). */
function readThrough(identifier: Node, field: string | null): Node | null {
  if (field === null) return identifier;
  const member = identifier.parent;
  return member?.type === T.MemberExpression && member.object === identifier && keyName(member) === field ? member : null;
}

/** First arguments of `v.write(x)` (or `v.field.write(x)`) for the given method names. */
function writesOn(variable: Variable, through: string | null, methods: ReadonlySet<string>): Node[] {
  const written: Node[] = [];
  for (const reference of variable.references) {
    const object = readThrough(reference.identifier, through);
    if (!object) continue;
    const member = object.parent;
    if (member?.type !== T.MemberExpression || member.object !== object) continue;
    const method = keyName(member);
    const call = member.parent;
    if (!method || !methods.has(method) || call?.type !== T.CallExpression || call.callee !== member) continue;
    const first = call.arguments[0];
    if (first && first.type !== T.SpreadElement) written.push(first);
  }
  return written;
}

/**
 * What is written into a pass-through stream made here: `const ts = new TransformStream()`
 * with `ts.writable.getWriter().write(x)`, `const { readable, writable } = new
 * TransformStream()` with `writable.getWriter()`, or a `PassThrough`'s own `write(x)`.
 */
export function writtenIntoStream(created: TSESTree.NewExpression, index: FileIndex): Node[] {
  const callee = unwrap(created.callee);
  if (callee.type !== T.Identifier || !PASS_THROUGH_STREAMS.has(callee.name)) return [];
  const source = sourceOf(callee, index);
  if (source !== null && source !== 'stream' && source !== 'node:stream' && source !== 'stream/web' && source !== 'node:stream/web') return [];
  let holder: Node = created;
  while (holder.parent && (holder.parent.type === T.TSAsExpression || holder.parent.type === T.TSNonNullExpression)) holder = holder.parent;
  const declarator = holder.parent;
  if (declarator?.type !== T.VariableDeclarator || declarator.init !== holder) return [];
  const written: Node[] = [];
  const writers: Variable[] = [];
  if (declarator.id.type === T.Identifier) {
    const stream = index.variableOf(declarator.id);
    if (!stream) return [];
    written.push(...writesOn(stream, null, STREAM_WRITE_METHODS), ...pipedInto(stream, 'writable'));
    writers.push(...gottenWriters(stream, 'writable', index));
  } else if (declarator.id.type === T.ObjectPattern) {
    const property = declarator.id.properties.find((p): p is TSESTree.Property => p.type === T.Property && keyName(p) === 'writable');
    const writable = property?.value.type === T.Identifier ? index.variableOf(property.value) : null;
    if (writable) {
      writers.push(...gottenWriters(writable, null, index));
      written.push(...pipedInto(writable, null));
    }
  }
  for (const writer of writers) written.push(...writesOn(writer, null, STREAM_WRITE_METHODS));
  return written;
}

/**
 * Sources piped into a stream: `source.pipeTo(ts.writable)` for a stream held whole (`field` is
 * 'writable'), `source.pipeTo(writable)` for its destructured writable side (`field` null), and
 * `source.pipe(passThrough)` into a Node stream held whole.
 */
function pipedInto(variable: Variable, field: string | null): Node[] {
  const sources: Node[] = [];
  for (const reference of variable.references) {
    const identifier = reference.identifier;
    const viaField = field === null ? null : readThrough(identifier, field);
    const argument: Node = viaField ?? identifier;
    const method = viaField || field === null ? 'pipeTo' : 'pipe';
    const call = argument.parent;
    if (call?.type !== T.CallExpression || call.arguments[0] !== argument) continue;
    const callee = unwrap(call.callee);
    if (callee.type === T.MemberExpression && keyName(callee) === method) sources.push(callee.object);
  }
  return sources;
}

/** Variables initialized with `v.getWriter()` (or `v.field.getWriter()`). */
function gottenWriters(variable: Variable, field: string | null, index: FileIndex): Variable[] {
  const writers: Variable[] = [];
  for (const reference of variable.references) {
    const object = readThrough(reference.identifier, field);
    if (!object) continue;
    const member = object.parent;
    const call = member?.parent;
    if (member?.type !== T.MemberExpression || keyName(member) !== 'getWriter' || call?.type !== T.CallExpression) continue;
    const declarator = call.parent;
    if (declarator?.type === T.VariableDeclarator && declarator.id.type === T.Identifier) {
      const writer = index.variableOf(declarator.id);
      if (writer) writers.push(writer);
    }
  }
  return writers;
}

/**
 * The values emitted under `event` to the listener registered on `target`: `target.emit(event,
 * a, b)` with the same receiver in this module, and `this.emit(event, …)` in the body of a
 * class of this module that `target` is an instance of (`const relay = new Relay()`). The
 * argument at `position` (0: the listener's first parameter).
 */
export function emittedValues(target: Node, event: string, position: number, index: FileIndex): Node[] {
  // Only emitters made here: `new EventEmitter()` of Node's events, or a class of this module
  // (a socket's `emit` sends to the other side, and its `on` receives from it: no flow between them).
  const receiver = unwrap(target);
  const variable = receiver.type === T.Identifier ? index.variableOf(receiver) : null;
  if (!variable) return [];
  const classBody = instanceClassBody(variable);
  if (!classBody && !isNodeEmitter(variable, index)) return [];
  const values: Node[] = [];
  for (const call of emitsOf(index).get(event) ?? []) {
    const emitter = unwrap((unwrap(call.callee) as TSESTree.MemberExpression).object);
    const same = emitter.type === T.ThisExpression ? classBody !== null && within(call, classBody) : emitter.type === T.Identifier && index.variableOf(emitter) === variable;
    const value = call.arguments[position + 1];
    if (same && value && value.type !== T.SpreadElement) values.push(value);
  }
  return values;
}

const EVENT_MODULES = new Set(['events', 'node:events', 'eventemitter3']);

/** `new EventEmitter()` of `events`, `node:events` or `eventemitter3`. */
function isNodeEmitter(variable: Variable, index: FileIndex): boolean {
  const def = variable.defs[0];
  const init = def?.type === 'Variable' && def.node.type === T.VariableDeclarator ? def.node.init : null;
  const created = init && unwrap(init);
  if (created?.type !== T.NewExpression) return false;
  const callee = unwrap(created.callee);
  const root = callee.type === T.MemberExpression ? unwrap(callee.object) : callee;
  if (root.type !== T.Identifier) return false;
  const source = sourceOf(root, index);
  return typeof source === 'string' && EVENT_MODULES.has(source);
}

const emitCache = new WeakMap<FileIndex, Map<string, TSESTree.CallExpression[]>>();

/** The `x.emit('event', …)` calls of a file, by event, read once per file. */
function emitsOf(index: FileIndex): Map<string, TSESTree.CallExpression[]> {
  let found = emitCache.get(index);
  if (!found) {
    found = new Map();
    for (const call of index.calls) {
      const callee = unwrap(call.callee);
      const event = callee.type === T.MemberExpression && keyName(callee) === 'emit' ? stringLiteralValue(call.arguments[0]) : null;
      if (event === null) continue;
      const list = found.get(event);
      if (list) list.push(call);
      else found.set(event, [call]);
    }
    emitCache.set(index, found);
  }
  return found;
}

function within(node: Node, container: Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

/** The body of the class of this module a variable is made from (`const relay = new Relay()`). */
function instanceClassBody(variable: Variable): TSESTree.ClassBody | null {
  const def = variable.defs[0];
  const init = def?.type === 'Variable' && def.node.type === T.VariableDeclarator ? def.node.init : null;
  const created = init && unwrap(init);
  if (created?.type !== T.NewExpression) return null;
  const callee = unwrap(created.callee);
  if (callee.type !== T.Identifier) return null;
  const scope = variable.scope;
  let classVariable: Variable | undefined;
  for (let current: TSESLint.Scope.Scope | null = scope; current && !classVariable; current = current.upper) classVariable = current.set.get(callee.name);
  const classDef = classVariable?.defs[0];
  return classDef?.type === 'ClassName' && (classDef.node.type === T.ClassDeclaration || classDef.node.type === T.ClassExpression) ? classDef.node.body : null;
}


/** `new Promise((resolve) => … resolve(x) …)`: the values the executor resolves the promise with. */
export function resolvedValues(created: TSESTree.NewExpression, index: FileIndex): Node[] {
  const callee = unwrap(created.callee);
  const executor = created.arguments[0] && unwrap(created.arguments[0]);
  if (callee.type !== T.Identifier || callee.name !== 'Promise' || sourceOf(callee, index) !== null || !isFunction(executor)) return [];
  const resolve = executor.params[0];
  const variable = resolve?.type === T.Identifier ? index.variableOf(resolve) : null;
  if (!variable) return [];
  const values: Node[] = [];
  for (const reference of variable.references) {
    const call = reference.identifier.parent;
    const value = call?.type === T.CallExpression && call.callee === reference.identifier ? call.arguments[0] : undefined;
    if (value && value.type !== T.SpreadElement) values.push(value);
  }
  return values;
}
