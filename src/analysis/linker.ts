import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { findProperty, isFunction, keyName, unwrap, type FunctionNode, type Node } from './ast.js';
import { classMethod, exportsOf, targetOf, type ClassNode, type LocalTarget, type Target } from './exports.js';
import type { FileAnalysis } from './file-analysis.js';
import { resolveModule } from '../program/resolve.js';

/**
 * Links names to what they stand for across modules: the function a call runs (a local
 * helper, an imported one, a method of an imported object, of a class instance or of a
 * NestJS service injected through the constructor), and the value an imported name holds.
 */

/** How many re-exports are followed to find where a name is defined. */
const MAX_REEXPORTS = 8;

/** A resolved value: a module as a whole, or a function, class or value defined in `owner`. */
export type Resolved =
  | { readonly kind: 'module'; readonly owner: FileAnalysis }
  | (LocalTarget & { readonly owner: FileAnalysis })
  | { readonly kind: 'instance'; readonly owner: FileAnalysis; readonly node: ClassNode };

export interface LinkedFunction {
  readonly fn: FunctionNode;
  /** The analysis of the file that defines the function. */
  readonly owner: FileAnalysis;
  /** How messages name it: 'buildPrompt', 'AiService.ask'. */
  readonly name: string;
}

const exportCache = new WeakMap<FileAnalysis, Map<string, Resolved | null>>();

/** Where a module's export `name` is defined, through re-exports and `export *` (each module searched once). */
function exportOf(owner: FileAnalysis, name: string, depth: number, visited = new Set<FileAnalysis>()): Resolved | null {
  if (depth > MAX_REEXPORTS || visited.has(owner)) return null;
  visited.add(owner);
  let cache = exportCache.get(owner);
  if (!cache) {
    cache = new Map();
    exportCache.set(owner, cache);
  }
  if (cache.has(name)) return cache.get(name)!;
  const exports = exportsOf(owner.index);
  const target = exports.named.get(name);
  let found: Resolved | null = null;
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

function resolveTarget(owner: FileAnalysis, target: Target, depth = 0): Resolved | null {
  if (target.kind !== 'import') return { ...target, owner };
  const module = owner.importedModule(target.specifier);
  if (!module) return null;
  if (target.name === '*') return { kind: 'module', owner: module };
  return exportOf(module, target.name, depth);
}

const valueCache = new WeakMap<FileAnalysis, Map<Node, Resolved | null>>();

/** What an identifier holds, followed into other modules; `new X()` of a known class is an instance. */
export function resolveIdentifier(analysis: FileAnalysis, identifier: TSESTree.Identifier): Resolved | null {
  let cache = valueCache.get(analysis);
  if (!cache) {
    cache = new Map();
    valueCache.set(analysis, cache);
  }
  if (cache.has(identifier)) return cache.get(identifier)!;
  cache.set(identifier, null); // a cycle resolves to nothing
  const target = targetOf(identifier, analysis.index);
  const resolved = target ? instanceOf(resolveTarget(analysis, target)) : null;
  cache.set(identifier, resolved);
  return resolved;
}

/** `new AiService()` held in a value: an instance of that class. */
function instanceOf(resolved: Resolved | null): Resolved | null {
  if (resolved?.kind !== 'value') return resolved;
  const value = unwrap(resolved.node);
  if (value.type !== T.NewExpression || value.callee.type !== T.Identifier) return resolved;
  const created = resolveIdentifier(resolved.owner, value.callee);
  return created?.kind === 'class' ? { kind: 'instance', owner: created.owner, node: created.node } : resolved;
}

/** The class a type annotation names: `private readonly ai: AiService`. */
function annotatedClass(analysis: FileAnalysis, annotation: TSESTree.TSTypeAnnotation | undefined): Resolved | null {
  const type = annotation?.typeAnnotation;
  if (type?.type !== T.TSTypeReference || type.typeName.type !== T.Identifier) return null;
  const resolved = resolveIdentifier(analysis, type.typeName);
  return resolved?.kind === 'class' ? { kind: 'instance', owner: resolved.owner, node: resolved.node } : null;
}

/** `this.ai` in a class: a constructor parameter property or a field typed with a class. */
function fieldInstance(analysis: FileAnalysis, member: TSESTree.MemberExpression): Resolved | null {
  const name = keyName(member);
  if (name === null) return null;
  let body: Node | undefined = member.parent;
  while (body && body.type !== T.ClassBody) body = body.parent;
  if (!body) return null;
  for (const element of body.body) {
    if (element.type === T.PropertyDefinition && !element.static && keyName(element) === name) {
      return annotatedClass(analysis, element.typeAnnotation);
    }
    if (element.type === T.MethodDefinition && element.kind === 'constructor') {
      for (const param of element.value.params) {
        if (param.type !== T.TSParameterProperty) continue;
        const inner = param.parameter.type === T.AssignmentPattern ? param.parameter.left : param.parameter;
        if (inner.type === T.Identifier && inner.name === name) return annotatedClass(analysis, inner.typeAnnotation);
      }
    }
  }
  return null;
}

function resolveObject(analysis: FileAnalysis, node: Node): Resolved | null {
  const value = unwrap(node);
  if (value.type === T.Identifier) return resolveIdentifier(analysis, value);
  if (value.type === T.MemberExpression && unwrap(value.object).type === T.ThisExpression) return fieldInstance(analysis, value);
  return null;
}

function member(resolved: Resolved, name: string): LinkedFunction | null {
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
    default:
      return null;
  }
}

/**
 * Whether `linkedCallee` could find a function for this call, told from this file alone: the
 * callee is a local function, an import from a project module, or a member of an import, class,
 * object literal, `new` instance or `this.x`. Lets callers skip the work on arguments of calls
 * that can never be linked (`String(x)`, `res.json(x)`, `z.object(x)`).
 */
export function mayLinkCallee(analysis: FileAnalysis, call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type === T.Identifier) {
    const target = targetOf(callee, analysis.index);
    return target?.kind === 'function' || (target?.kind === 'import' && projectImport(analysis, target.specifier));
  }
  if (callee.type !== T.MemberExpression || callee.computed) return false;
  const object = unwrap(callee.object);
  if (object.type === T.MemberExpression) return unwrap(object.object).type === T.ThisExpression;
  if (object.type !== T.Identifier) return false;
  const target = targetOf(object, analysis.index);
  switch (target?.kind) {
    case 'import':
      return projectImport(analysis, target.specifier);
    case 'class':
      return true;
    case 'value': {
      const value = unwrap(target.node);
      return value.type === T.ObjectExpression || value.type === T.NewExpression;
    }
    default:
      return false;
  }
}

function projectImport(analysis: FileAnalysis, specifier: string): boolean {
  return analysis.settings.crossFile && resolveModule(specifier, analysis.filename) !== null;
}

const calleeCache = new WeakMap<FileAnalysis, Map<Node, LinkedFunction | null>>();

/**
 * The function a call runs when the engine can tell: a helper of this file, an imported one
 * (through re-exports and default exports), `ns.fn()`, `service.method()` on an instance of a
 * known class, `this.ai.method()` on an injected service, or a function of an object literal.
 */
export function linkedCallee(analysis: FileAnalysis, call: TSESTree.CallExpression): LinkedFunction | null {
  let cache = calleeCache.get(analysis);
  if (!cache) {
    cache = new Map();
    calleeCache.set(analysis, cache);
  }
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
export function linkedFunction(analysis: FileAnalysis, node: TSESTree.Identifier | TSESTree.MemberExpression): LinkedFunction | null {
  if (node.type === T.Identifier) {
    let resolved = resolveIdentifier(analysis, node);
    // `const ask = require('./ask')` or `import ask = require('./ask')` of `module.exports = function …`.
    if (resolved?.kind === 'module') resolved = exportOf(resolved.owner, 'default', 0);
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
export function hopLabel(from: FileAnalysis, linked: LinkedFunction, at: Node = linked.fn): string {
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
export function originModuleImports(analysis: FileAnalysis, node: Node, depth = 0): ReadonlySet<string> | null {
  const root = chainRoot(node);
  if (depth > 4 || root.type !== T.Identifier) return null;
  const target = targetOf(root, analysis.index);
  if (!target) return null;
  if (target.kind === 'import') {
    if (!projectImport(analysis, target.specifier)) return new Set([target.specifier]);
    const resolved = resolveIdentifier(analysis, root);
    if (!resolved || resolved.kind === 'module' || resolved.kind === 'instance' || resolved.kind === 'class') return resolved?.owner.index.moduleNames ?? null;
    return madeBy(resolved.owner, resolved.kind === 'function' ? resolved.fn : resolved.node, depth) ?? resolved.owner.index.moduleNames;
  }
  if (target.kind === 'class') return null;
  return madeBy(analysis, target.kind === 'function' ? target.fn : target.node, depth);
}

/** What makes a value of `owner`: a call or `new` (followed to its root), or what a function returns. */
function madeBy(owner: FileAnalysis, node: Node, depth: number): ReadonlySet<string> | null {
  const value = unwrap(node);
  if (isFunction(value)) {
    const returned = owner.index.returns.get(value)?.[0];
    return returned ? madeBy(owner, returned, depth + 1) : null;
  }
  return value.type === T.CallExpression || value.type === T.NewExpression || value.type === T.Identifier ? originModuleImports(owner, value, depth + 1) : null;
}
