import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { isFunction, keyName, unwrap, type FunctionNode, type Node } from '../syntax/ast.js';
import type { FileIndex } from '../syntax/file-index.js';
import { singleInit } from '../syntax/strings.js';
import { MUTATING_METHODS } from '../models/propagation.js';

/**
 * Fields of a class of this module, as its methods write them: `this.history = […]`,
 * `this.history.push(m)`, `source = init` in the body. An object takes in what its methods are
 * given: a field set in one method is read in another. Pure syntax; the engine reads the taint.
 */
export interface ClassFields {
  /** Per field: the values written into it. */
  readonly writes: ReadonlyMap<string, readonly Node[]>;
  /** The values among them that are elements added to a list field (`this.items.push(x)`): the field holds them, not their shape. */
  readonly elements: ReadonlySet<Node>;
  /** The elements among them that are lists spread in (`this.items.push(...xs)`): their elements, not one each. */
  readonly spread: ReadonlySet<Node>;
}

const cache = new WeakMap<TSESTree.ClassBody, ClassFields>();

const inside = (node: Node, container: Node) => node.range[0] >= container.range[0] && node.range[1] <= container.range[1];

function thisField(node: Node): string | null {
  const member = unwrap(node);
  return member.type === T.MemberExpression && unwrap(member.object).type === T.ThisExpression ? keyName(member) : null;
}

export function classFields(body: TSESTree.ClassBody, index: FileIndex): ClassFields {
  let found = cache.get(body);
  if (found) return found;
  const writes = new Map<string, Node[]>();
  const elements = new Set<Node>();
  const spread = new Set<Node>();
  const add = (name: string, value: Node) => {
    const list = writes.get(name);
    if (list) list.push(value);
    else writes.set(name, [value]);
  };
  for (const member of body.body) {
    if (member.type === T.PropertyDefinition && !member.static && member.value && !isFunction(member.value)) {
      const name = keyName(member);
      if (name) add(name, member.value);
    }
  }
  for (const assignment of index.assignments) {
    if (!inside(assignment, body) || ownerBody(assignment) !== body) continue;
    const name = thisField(assignment.left);
    if (name) add(name, assignment.right);
  }
  for (const call of index.calls) {
    const callee = unwrap(call.callee);
    if (callee.type !== T.MemberExpression || !inside(call, body) || ownerBody(call) !== body) continue;
    const method = keyName(callee);
    const name = thisField(callee.object);
    if (!name || !method || !MUTATING_METHODS.has(method)) continue;
    for (const argument of call.arguments) {
      const value = argument.type === T.SpreadElement ? argument.argument : argument;
      add(name, value);
      elements.add(value);
      if (argument.type === T.SpreadElement) spread.add(value);
    }
  }
  found = { writes, elements, spread };
  cache.set(body, found);
  return found;
}

/**
 * The class body whose instance `this` is at `node`: the nearest class, through arrow functions
 * but not through other functions (whose `this` is their own), nor static members.
 */
export function ownerBody(node: Node): TSESTree.ClassBody | null {
  let child: Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (current.type === T.ClassBody) {
      const member = child as TSESTree.ClassElement;
      return 'static' in member && member.static ? null : current;
    }
    if (isFunction(current) && current.type !== T.ArrowFunctionExpression) {
      const holder = current.parent;
      if (holder?.type !== T.MethodDefinition && holder?.type !== T.PropertyDefinition) return null;
    }
  }
  return null;
}

/** The method or getter of a class body by name (not static). */
export function classMember(body: TSESTree.ClassBody, name: string, kind: 'method' | 'get'): FunctionNode | null {
  for (const member of body.body) {
    if (member.type === T.MethodDefinition && !member.static && member.kind === kind && keyName(member) === name && member.value.type === T.FunctionExpression) return member.value;
  }
  return null;
}

/** The body of the class of this module that a name's value is made from (`const relay = new Relay()`). */
export function instanceBody(identifier: TSESTree.Identifier, index: FileIndex): TSESTree.ClassBody | null {
  const init = singleInit(identifier, index);
  const created = init && unwrap(init);
  if (created?.type !== T.NewExpression) return null;
  const callee = unwrap(created.callee);
  if (callee.type !== T.Identifier) return null;
  const variable = index.variableOf(callee);
  const def = variable?.defs[0];
  return def?.type === 'ClassName' && (def.node.type === T.ClassDeclaration || def.node.type === T.ClassExpression) ? def.node.body : null;
}

/**
 * The calls of a method of this class that this module can see: `this.add(m)` in the class,
 * `chat.add(m)` where `chat` is made here with `new Chat()`, and `new Chat(…)` for the constructor.
 */
export function methodCallsOf(body: TSESTree.ClassBody, fn: FunctionNode, index: FileIndex): (TSESTree.CallExpression | TSESTree.NewExpression)[] {
  const member = fn.parent;
  if (member?.type !== T.MethodDefinition || member.parent !== body) return [];
  if (member.kind === 'constructor') {
    const classNode = body.parent;
    const name = classNode && 'id' in classNode && classNode.id ? classNode.id.name : null;
    return name ? index.news.filter((created) => { const callee = unwrap(created.callee); return callee.type === T.Identifier && callee.name === name; }) : [];
  }
  const name = keyName(member);
  if (!name) return [];
  const calls: TSESTree.CallExpression[] = [];
  for (const call of index.calls) {
    const callee = unwrap(call.callee);
    if (callee.type !== T.MemberExpression || keyName(callee) !== name) continue;
    const object = unwrap(callee.object);
    if (object.type === T.ThisExpression ? ownerBody(call) === body : object.type === T.Identifier && instanceBody(object, index) === body) calls.push(call);
  }
  return calls;
}
