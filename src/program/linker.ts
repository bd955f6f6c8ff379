import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { findProperty, isFunction, keyName, unwrap, type FunctionNode, type Node } from '../syntax/ast.js';
import { classMethod, exportsOf, targetOf, type ClassNode, type LocalTarget, type Target } from './exports.js';
import type { FileIndex } from '../syntax/file-index.js';
import { resolveModule } from './resolve.js';

/**
 * Links names to what they stand for across modules: the function a call runs (a local
 * helper, an imported one, a method of an imported object, of a class instance or of a
 * NestJS service injected through the constructor), and the value an imported name holds.
 */

/**
 * What the linker needs of a module: its index, how messages name it, and the modules it
 * imports (as the same kind of object, so that a caller gets its own analyses back).
 */
export interface LinkModule<M extends LinkModule<M>> {
  readonly filename: string;
  /** The file's path as messages show it. */
  readonly label: string;
  /** The file ESLint is linting (false for a module read for its importers). */
  readonly linted: boolean;
  readonly index: FileIndex;
  readonly settings: { readonly crossFile: boolean };
  /** The project module that `specifier` names from this one (never a package). */
  importedModule(specifier: string): M | null;
}

/** The per-module memo of one kind of question (one map per module and kind). */
function memoOf<K, V>(memos: WeakMap<object, Map<K, unknown>>, owner: object): Map<K, V> {
  let memo = memos.get(owner);
  if (!memo) {
    memo = new Map();
    memos.set(owner, memo);
  }
  return memo as Map<K, V>;
}

/** How many re-exports are followed to find where a name is defined. */
const MAX_REEXPORTS = 8;

/** A resolved value: a module as a whole, or a function, class or value defined in `owner`. */
export type Resolved<M> =
  | { readonly kind: 'module'; readonly owner: M }
  | (LocalTarget & { readonly owner: M })
  | { readonly kind: 'instance'; readonly owner: M; readonly node: ClassNode }
  /** What a factory returns: an instance of one of these classes (`switch (kind) { case 'a': return new A(); … }`). */
  | { readonly kind: 'instances'; readonly owner: M; readonly classes: readonly { readonly owner: M; readonly node: ClassNode }[] };

/** Classes a factory may return that are followed; past this, the receiver counts as unknown. */
const MAX_FACTORY_CLASSES = 4;

export interface LinkedFunction<M> {
  readonly fn: FunctionNode;
  /** The analysis of the file that defines the function. */
  readonly owner: M;
  /** How messages name it: 'buildPrompt', 'AiService.ask'. */
  readonly name: string;
}

const exportCache = new WeakMap<object, Map<string, unknown>>();

/** Where a module's export `name` is defined, through re-exports and `export *` (each module searched once). */
function exportOf<M extends LinkModule<M>>(owner: M, name: string, depth: number, visited = new Set<M>()): Resolved<M> | null {
  if (depth > MAX_REEXPORTS || visited.has(owner)) return null;
  visited.add(owner);
  const cache = memoOf<string, Resolved<M> | null>(exportCache, owner);
  if (cache.has(name)) return cache.get(name)!;
  const exports = exportsOf(owner.index);
  const target = exports.named.get(name);
  let found: Resolved<M> | null = null;
  if (target) found = resolveTarget(owner, target, depth + 1);
  else if (name !== 'default') {
    for (const specifier of exports.stars) {
      const module = owner.importedModule(specifier);
      found = module && exportOf(module, name, depth + 1, visited);
      if (found) break;
    }
  }
  // Only a complete answer is kept (a search cut by `visited` may differ from a fresh one).
  if (found || depth === 0) cache.set(name, found);
  return found;
}

function resolveTarget<M extends LinkModule<M>>(owner: M, target: Target, depth = 0): Resolved<M> | null {
  if (target.kind !== 'import') return { ...target, owner };
  const module = owner.importedModule(target.specifier);
  if (!module) return null;
  if (target.name === '*') return { kind: 'module', owner: module };
  return exportOf(module, target.name, depth);
}

const valueCache = new WeakMap<object, Map<Node, unknown>>();

/** What an identifier holds, followed into other modules; `new X()` of a known class is an instance. */
export function resolveIdentifier<M extends LinkModule<M>>(analysis: M, identifier: TSESTree.Identifier): Resolved<M> | null {
  const cache = memoOf<Node, Resolved<M> | null>(valueCache, analysis);
  if (cache.has(identifier)) return cache.get(identifier)!;
  cache.set(identifier, null); // a cycle resolves to nothing
  const target = targetOf(identifier, analysis.index);
  const resolved = target ? instanceOf(resolveTarget(analysis, target)) : null;
  cache.set(identifier, resolved);
  return resolved;
}

/** `new AiService()` held in a value: an instance of that class; `getProvider(kind)`: an instance of what the factory returns. */
function instanceOf<M extends LinkModule<M>>(resolved: Resolved<M> | null): Resolved<M> | null {
  if (resolved?.kind !== 'value') return resolved;
  let value = unwrap(resolved.node);
  if (value.type === T.AwaitExpression) value = unwrap(value.argument);
  if (value.type === T.CallExpression) return factoryInstances(resolved.owner, value) ?? resolved;
  if (value.type !== T.NewExpression || value.callee.type !== T.Identifier) return resolved;
  const created = resolveIdentifier(resolved.owner, value.callee);
  return created?.kind === 'class' ? { kind: 'instance', owner: created.owner, node: created.node } : resolved;
}

const factoryCache = new WeakMap<TSESTree.CallExpression, unknown>();

/**
 * A call to a project function whose every return is `new X()` of a known class (in a `switch`,
 * behind `require` in a branch): the instances it may make. Null when any return is something
 * else, or there are too many classes.
 */
function factoryInstances<M extends LinkModule<M>>(analysis: M, call: TSESTree.CallExpression): Resolved<M> | null {
  if (factoryCache.has(call)) return factoryCache.get(call) as Resolved<M> | null;
  factoryCache.set(call, null); // recursion resolves to nothing
  const callee = unwrap(call.callee);
  const factory = callee.type === T.Identifier || callee.type === T.MemberExpression ? linkedFunction(analysis, callee) : null;
  const returns = factory ? factory.owner.index.returns.get(factory.fn) ?? [] : [];
  const classes: { owner: M; node: ClassNode }[] = [];
  let all = returns.length > 0;
  for (const returned of returns) {
    let value = unwrap(returned);
    if (value.type === T.AwaitExpression) value = unwrap(value.argument);
    // `return new X()`, or `return server` where `const server = new Server()` (an accessor of a module's instance).
    const created =
      value.type === T.NewExpression && value.callee.type === T.Identifier
        ? resolveIdentifier(factory!.owner, value.callee)
        : value.type === T.Identifier
          ? resolveIdentifier(factory!.owner, value)
          : null;
    // `return new X()` makes an instance; `return server` must hold one (`return SomeClass` hands on the class);
    // `return Coordinator.instance` of a singleton's static accessor, the instance its class keeps.
    const kept = value.type === T.MemberExpression ? singletonInstance(factory!.owner, factory!.fn, value) : null;
    if (kept) {
      if (!classes.some((c) => c.node === kept.node)) classes.push({ owner: kept.owner, node: kept.node });
      continue;
    }
    const made = value.type === T.NewExpression ? created?.kind === 'class' : created?.kind === 'instance';
    if (!created || !made || (created.kind !== 'class' && created.kind !== 'instance')) {
      all = false;
      break;
    }
    if (!classes.some((c) => c.node === created.node)) classes.push({ owner: created.owner, node: created.node });
  }
  let found: Resolved<M> | null = null;
  if (all && classes.length === 1) found = { kind: 'instance', owner: classes[0].owner, node: classes[0].node };
  else if (all && classes.length > 1 && classes.length <= MAX_FACTORY_CLASSES) found = { kind: 'instances', owner: analysis, classes };
  factoryCache.set(call, found);
  return found;
}

/**
 * The instance a class keeps in a static field, read by its static accessor: `return
 * Coordinator.instance` (or `this.instance`) where the class writes `Coordinator.instance = new
 * Coordinator()` (or `this.instance = …` in a static method, or `static instance = new …`).
 */
function singletonInstance<M extends LinkModule<M>>(owner: M, fn: FunctionNode, member: TSESTree.MemberExpression): { owner: M; node: ClassNode } | null {
  const method = fn.parent;
  const body = method?.type === T.MethodDefinition && method.static ? method.parent : null;
  const classNode = body?.parent;
  const field = keyName(member);
  if (!classNode || (classNode.type !== T.ClassDeclaration && classNode.type !== T.ClassExpression) || !field) return null;
  const className = classNode.id?.name;
  const onClass = (node: Node) => {
    const object = unwrap(node);
    return object.type === T.ThisExpression || (object.type === T.Identifier && object.name === className);
  };
  if (!onClass(member.object)) return null;
  const values: Node[] = [];
  for (const element of classNode.body.body) {
    if (element.type === T.PropertyDefinition && element.static && keyName(element) === field && element.value) values.push(element.value);
  }
  for (const assignment of owner.index.assignments) {
    const left = assignment.left;
    if (left.type === T.MemberExpression && keyName(left) === field && onClass(left.object) && assignment.range[0] >= classNode.range[0] && assignment.range[1] <= classNode.range[1]) values.push(assignment.right);
  }
  let found: { owner: M; node: ClassNode } | null = null;
  for (const value of values) {
    const created = unwrap(value);
    if (created.type !== T.NewExpression || created.callee.type !== T.Identifier) return null;
    const resolved = resolveIdentifier(owner, created.callee);
    if (resolved?.kind !== 'class' || (found && found.node !== resolved.node)) return null;
    found = { owner: resolved.owner, node: resolved.node };
  }
  return found;
}

/** The class a type annotation names: `private readonly ai: AiService`. */
function annotatedClass<M extends LinkModule<M>>(analysis: M, annotation: TSESTree.TSTypeAnnotation | undefined): Resolved<M> | null {
  const type = annotation?.typeAnnotation;
  if (type?.type !== T.TSTypeReference || type.typeName.type !== T.Identifier) return null;
  const resolved = resolveIdentifier(analysis, type.typeName);
  return resolved?.kind === 'class' ? { kind: 'instance', owner: resolved.owner, node: resolved.node } : null;
}

/** `this.ai` in a class: a constructor parameter property or a field typed with a class. */
function fieldInstance<M extends LinkModule<M>>(analysis: M, member: TSESTree.MemberExpression): Resolved<M> | null {
  const name = keyName(member);
  if (name === null) return null;
  let body: Node | undefined = member.parent;
  while (body && body.type !== T.ClassBody) body = body.parent;
  if (!body) return null;
  for (const element of body.body) {
    if (element.type === T.PropertyDefinition && !element.static && keyName(element) === name) {
      // `private provider = getProvider('openai')`, `private ai = new AiService()`, or a typed field.
      return annotatedClass(analysis, element.typeAnnotation) ?? (element.value ? heldValue(analysis, element.value) : null);
    }
    if (element.type === T.MethodDefinition && element.kind === 'constructor') {
      for (const param of element.value.params) {
        if (param.type !== T.TSParameterProperty) continue;
        const inner = param.parameter.type === T.AssignmentPattern ? param.parameter.left : param.parameter;
        if (inner.type === T.Identifier && inner.name === name) return annotatedClass(analysis, inner.typeAnnotation);
      }
      // `this.provider = getProvider(kind)` in the constructor (the only assignment there).
      const assigned = element.value.body ? constructorAssignment(element.value.body, name) : null;
      if (assigned) return heldValue(analysis, assigned);
    }
  }
  return null;
}

/** The value of `this.<name> = …` when the constructor's own statements assign it exactly once. */
function constructorAssignment(body: TSESTree.BlockStatement, name: string): Node | null {
  let found: Node | null = null;
  for (const statement of body.body) {
    if (statement.type !== T.ExpressionStatement || statement.expression.type !== T.AssignmentExpression) continue;
    const { left, right, operator } = statement.expression;
    if (operator !== '=' || left.type !== T.MemberExpression || unwrap(left.object).type !== T.ThisExpression || keyName(left) !== name) continue;
    if (found) return null;
    found = right;
  }
  return found;
}

/** What a field holds, made where it is written: `new X()` of a known class, or a factory's instance. */
function heldValue<M extends LinkModule<M>>(analysis: M, node: Node): Resolved<M> | null {
  let value = unwrap(node);
  if (value.type === T.AwaitExpression) value = unwrap(value.argument);
  if (value.type === T.CallExpression) return factoryInstances(analysis, value);
  if (value.type !== T.NewExpression || value.callee.type !== T.Identifier) return null;
  const created = resolveIdentifier(analysis, value.callee);
  return created?.kind === 'class' ? { kind: 'instance', owner: created.owner, node: created.node } : null;
}

function resolveObject<M extends LinkModule<M>>(analysis: M, node: Node, depth = 0): Resolved<M> | null {
  let value = unwrap(node);
  if (value.type === T.AwaitExpression) value = unwrap(value.argument);
  if (value.type === T.Identifier) return resolveIdentifier(analysis, value);
  if (value.type === T.CallExpression) return mapInstances(analysis, value) ?? factoryInstances(analysis, value);
  if (value.type !== T.MemberExpression) return null;
  if (unwrap(value.object).type === T.ThisExpression) return fieldInstance(analysis, value);
  // `getServer().notifier`, `app.services.mailer`: a field of an instance told from here.
  const name = keyName(value);
  const owner = name !== null && depth < MAX_FIELD_HOPS ? resolveObject(analysis, value.object, depth + 1) : null;
  return owner?.kind === 'instance' ? classField(owner.owner, owner.node, name!) : null;
}

/** How many fields in a row are followed from an instance (`getServer().notifier.channel`). */
const MAX_FIELD_HOPS = 3;

/** A field of a class's instances, as its class body says: a typed field, one made where it is declared, or a constructor's only assignment. */
function classField<M extends LinkModule<M>>(owner: M, node: ClassNode, name: string): Resolved<M> | null {
  for (const element of node.body.body) {
    if (element.type === T.PropertyDefinition && !element.static && keyName(element) === name) {
      return annotatedClass(owner, element.typeAnnotation) ?? (element.value ? heldValue(owner, element.value) : null);
    }
    if (element.type === T.MethodDefinition && element.kind === 'constructor' && element.value.body) {
      const assigned = constructorAssignment(element.value.body, name);
      if (assigned) return heldValue(owner, assigned);
    }
  }
  return null;
}

/**
 * `providers.get(kind)` where `providers` is a `new Map([[k, new A()], …])` (also filled with
 * `providers.set(k, new B())` in its module): an instance of each class it holds. Null when any
 * entry is something else.
 */
function mapInstances<M extends LinkModule<M>>(analysis: M, call: TSESTree.CallExpression): Resolved<M> | null {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression || keyName(callee) !== 'get' || unwrap(callee.object).type !== T.Identifier) return null;
  const held = resolveIdentifier(analysis, unwrap(callee.object) as TSESTree.Identifier);
  const made = held?.kind === 'value' ? unwrap(held.node) : null;
  if (made?.type !== T.NewExpression || made.callee.type !== T.Identifier || made.callee.name !== 'Map') return null;
  const values: Node[] = [];
  const entries = made.arguments[0] && unwrap(made.arguments[0]);
  if (entries?.type === T.ArrayExpression) {
    for (const entry of entries.elements) {
      const pair = entry && unwrap(entry);
      if (pair?.type !== T.ArrayExpression || !pair.elements[1] || pair.elements[1].type === T.SpreadElement) return null;
      values.push(pair.elements[1]);
    }
  } else if (entries) return null;
  const owner = held!.owner;
  // `new Map(…) as Map<K, V>`: the declarator above the type assertions.
  let declared: Node = made;
  while (declared.parent && (declared.parent.type === T.TSAsExpression || declared.parent.type === T.TSSatisfiesExpression || declared.parent.type === T.TSNonNullExpression)) declared = declared.parent;
  const declarator = declared.parent;
  const variable = declarator?.type === T.VariableDeclarator && declarator.id.type === T.Identifier ? owner.index.variableOf(declarator.id) : null;
  if (!variable) return null;
  for (const reference of variable.references) {
    const member = reference.identifier.parent;
    if (reference.init || member?.type === T.ExportSpecifier || member?.type === T.ExportDefaultDeclaration) continue;
    const method = member?.type === T.MemberExpression && member.object === reference.identifier ? keyName(member) : null;
    const call = member?.parent;
    if (method === 'get' || method === 'has') continue;
    // Only a direct `map.set(k, v)` statement is read; a chained set, or the Map handed elsewhere, may add classes not seen here.
    if (method !== 'set' || call?.type !== T.CallExpression || call.callee !== member || call.parent?.type !== T.ExpressionStatement) return null;
    const value = call.arguments[1];
    if (!value || value.type === T.SpreadElement) return null;
    values.push(value);
  }
  const classes: { owner: M; node: ClassNode }[] = [];
  for (const value of values) {
    const instance = heldValue(owner, value) ?? (unwrap(value).type === T.Identifier ? resolveIdentifier(owner, unwrap(value) as TSESTree.Identifier) : null);
    if (instance?.kind !== 'instance') return null;
    if (!classes.some((c) => c.node === instance.node)) classes.push({ owner: instance.owner, node: instance.node });
  }
  if (classes.length === 1) return { kind: 'instance', owner: classes[0].owner, node: classes[0].node };
  return classes.length > 1 && classes.length <= MAX_FACTORY_CLASSES ? { kind: 'instances', owner: analysis, classes } : null;
}

/** The methods a name stands for on each class a factory may return (each class that has one). */
function members<M extends LinkModule<M>>(resolved: Resolved<M>, name: string): LinkedFunction<M>[] {
  if (resolved.kind !== 'instances') {
    const one = member(resolved, name);
    return one ? [one] : [];
  }
  const found: LinkedFunction<M>[] = [];
  for (const { owner, node } of resolved.classes) {
    const fn = classMethod(node, name, false);
    if (fn) found.push({ fn, owner, name: `${node.id?.name ?? 'default'}.${name}` });
  }
  return found;
}

function member<M extends LinkModule<M>>(resolved: Resolved<M>, name: string): LinkedFunction<M> | null {
  const owner = resolved.owner;
  switch (resolved.kind) {
    case 'module': {
      const found = exportOf(owner, name, 0);
      return found?.kind === 'function' ? { fn: found.fn, owner: found.owner, name } : null;
    }
    case 'instance':
    case 'class': {
      const fn = classMethod(resolved.node, name, resolved.kind === 'class');
      const className = resolved.node.id?.name ?? 'default';
      return fn ? { fn, owner, name: `${className}.${name}` } : null;
    }
    case 'value': {
      const value = unwrap(resolved.node);
      if (value.type !== T.ObjectExpression) return null;
      const property = findProperty(value, name);
      const fn = property && unwrap(property.value);
      if (isFunction(fn)) return { fn, owner, name };
      // `export default { ask }`: the function the shorthand names.
      const named = fn?.type === T.Identifier ? resolveIdentifier(owner, fn) : null;
      return named?.kind === 'function' ? { fn: named.fn, owner: named.owner, name } : null;
    }
    case 'instances': {
      const found = members(resolved, name);
      return found.length === 1 ? found[0] : null;
    }
    default:
      return null;
  }
}

const calleesCache = new WeakMap<object, Map<Node, unknown>>();

/**
 * Every function a call may run: the one `linkedCallee` finds, or, for a method called on what a
 * factory returns (`getProvider(kind).complete(…)`), that method of each class it may return.
 */
export function linkedCallees<M extends LinkModule<M>>(analysis: M, call: TSESTree.CallExpression): LinkedFunction<M>[] {
  const cache = memoOf<Node, LinkedFunction<M>[]>(calleesCache, analysis);
  const known = cache.get(call);
  if (known) return known;
  let found: LinkedFunction<M>[] = [];
  const one = linkedCallee(analysis, call);
  if (one) found = [one];
  else {
    const callee = unwrap(call.callee);
    const name = callee.type === T.MemberExpression && !callee.computed ? keyName(callee) : null;
    const object = callee.type === T.MemberExpression ? unwrap(callee.object) : null;
    const resolved = name !== null && object && object.type !== T.ThisExpression ? resolveObject(analysis, object) : null;
    if (resolved?.kind === 'instances') found = members(resolved, name!);
  }
  cache.set(call, found);
  return found;
}

/**
 * Whether `linkedCallee` could find a function for this call, told from this file alone: the
 * callee is a local function, an import from a project module, or a member of an import, class,
 * object literal, `new` instance or `this.x`. Lets callers skip the work on arguments of calls
 * that can never be linked (`String(x)`, `res.json(x)`, `z.object(x)`).
 */
export function mayLinkCallee<M extends LinkModule<M>>(analysis: M, call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type === T.Identifier) {
    const target = targetOf(callee, analysis.index);
    return target?.kind === 'function' || (target?.kind === 'import' && projectImport(analysis, target.specifier));
  }
  if (callee.type !== T.MemberExpression || callee.computed) return false;
  let object = unwrap(callee.object);
  // `this.ai.ask()`, `getServer().notifier.send()`, `app.services.mailer.send()`: the chain's root decides.
  for (let hops = 0; object.type === T.MemberExpression && !object.computed && hops < 3; hops++) object = unwrap(object.object);
  if (object.type === T.ThisExpression) return unwrap(callee.object).type === T.MemberExpression;
  if (object.type === T.CallExpression) return mayLinkCallee(analysis, object);
  if (object.type !== T.Identifier) return false;
  const target = targetOf(object, analysis.index);
  switch (target?.kind) {
    case 'import':
      return projectImport(analysis, target.specifier);
    case 'class':
      return true;
    case 'value': {
      let value = unwrap(target.node);
      if (value.type === T.AwaitExpression) value = unwrap(value.argument);
      // `const provider = getProvider(kind)`: what a project factory returns.
      return value.type === T.ObjectExpression || value.type === T.NewExpression || (value.type === T.CallExpression && mayLinkCallee(analysis, value));
    }
    default:
      return false;
  }
}

function projectImport<M extends LinkModule<M>>(analysis: M, specifier: string): boolean {
  return analysis.settings.crossFile && resolveModule(specifier, analysis.filename) !== null;
}

const calleeCache = new WeakMap<object, Map<Node, unknown>>();

/**
 * The function a call runs when the engine can tell: a helper of this file, an imported one
 * (through re-exports and default exports), `ns.fn()`, `service.method()` on an instance of a
 * known class, `this.ai.method()` on an injected service, or a function of an object literal.
 */
export function linkedCallee<M extends LinkModule<M>>(analysis: M, call: TSESTree.CallExpression): LinkedFunction<M> | null {
  const cache = memoOf<Node, LinkedFunction<M> | null>(calleeCache, analysis);
  if (cache.has(call)) return cache.get(call)!;
  const callee = unwrap(call.callee);
  const linked = callee.type === T.Identifier || callee.type === T.MemberExpression ? linkedFunction(analysis, callee) : null;
  cache.set(call, linked);
  return linked;
}

/**
 * The function a name or a member expression stands for, as `linkedCallee` finds it for a call:
 * `askHandler` imported from a route module, `chatController.create`, `reviews.create` of an
 * exported instance. `this.x.m` is left to the caller (it needs the class).
 */
export function linkedFunction<M extends LinkModule<M>>(analysis: M, node: TSESTree.Identifier | TSESTree.MemberExpression): LinkedFunction<M> | null {
  if (node.type === T.Identifier) {
    let resolved = resolveIdentifier(analysis, node);
    // `const ask = require('./ask')` or `import ask = require('./ask')` of `module.exports = function …`.
    if (resolved?.kind === 'module') resolved = exportOf(resolved.owner, 'default', 0);
    // `export const researcher = createResearcher`: another name for a function.
    for (let hops = 0; hops < 2 && resolved?.kind === 'value'; hops++) {
      const alias = unwrap(resolved.node);
      resolved = alias.type === T.Identifier ? resolveIdentifier(resolved.owner, alias) : null;
    }
    // Named as it is defined (`import { buildPrompt as bp }` is still buildPrompt() in messages).
    return resolved?.kind === 'function' ? { fn: resolved.fn, owner: resolved.owner, name: ownName(resolved.fn) ?? node.name } : null;
  }
  if (node.computed) return null;
  const name = keyName(node);
  const object = unwrap(node.object);
  const resolved = name !== null && object.type !== T.ThisExpression ? resolveObject(analysis, object) : null;
  return resolved && name !== null ? member(resolved, name) : null;
}

/** The name a function is defined under: `function f`, `const f = () =>`. */
function ownName(fn: FunctionNode): string | null {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  return parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier ? parent.id.name : null;
}

/**
 * How messages name a hop through a function: 'buildPrompt()' in the file being linted,
 * 'buildPrompt() in src/prompts.ts:8' anywhere else.
 */
export function hopLabel<M extends LinkModule<M>>(from: M, linked: LinkedFunction<M>, at: Node = linked.fn): string {
  return linked.owner === from && from.linted ? `${linked.name}()` : `${linked.name}() in ${linked.owner.label}:${at.loc.start.line}`;
}

/** The root of a chain of members and calls: `createApp` in `createApp().get(…).post`. */
function chainRoot(node: Node): Node {
  let current = unwrap(node);
  for (let depth = 0; depth < 16; depth++) {
    if (current.type === T.MemberExpression) current = unwrap(current.object);
    else if (current.type === T.CallExpression || current.type === T.NewExpression) current = unwrap(current.callee);
    else break;
  }
  return current;
}

/**
 * The modules the value at the root of `node` comes from, followed through the project: `app`
 * imported from `./app` where it is `express()`; `createApp()` defined in `./server` as
 * `() => new Hono()`; `const app = createApp()`. The package that makes it when that can be
 * told (`express`, `hono`), otherwise what the defining module imports; null when the value
 * is made here by nothing imported, or cannot be told.
 */
export function originModuleImports<M extends LinkModule<M>>(analysis: M, node: Node, depth = 0): ReadonlySet<string> | null {
  const root = chainRoot(node);
  if (depth > 4 || root.type !== T.Identifier) return null;
  const target = targetOf(root, analysis.index);
  if (!target) return null;
  if (target.kind === 'import') {
    if (!projectImport(analysis, target.specifier)) return new Set([target.specifier]);
    const resolved = resolveIdentifier(analysis, root);
    if (!resolved || resolved.kind === 'module' || resolved.kind === 'instance' || resolved.kind === 'instances' || resolved.kind === 'class') return resolved?.owner.index.moduleNames ?? null;
    return madeBy(resolved.owner, resolved.kind === 'function' ? resolved.fn : resolved.node, depth) ?? resolved.owner.index.moduleNames;
  }
  if (target.kind === 'class') return null;
  return madeBy(analysis, target.kind === 'function' ? target.fn : target.node, depth);
}

/** What makes a value of `owner`: a call or `new` (followed to its root), or what a function returns. */
function madeBy<M extends LinkModule<M>>(owner: M, node: Node, depth: number): ReadonlySet<string> | null {
  const value = unwrap(node);
  if (isFunction(value)) {
    const returned = owner.index.returns.get(value)?.[0];
    return returned ? madeBy(owner, returned, depth + 1) : null;
  }
  return value.type === T.CallExpression || value.type === T.NewExpression || value.type === T.Identifier ? originModuleImports(owner, value, depth + 1) : null;
}
