import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { keyName, unwrap, type Node } from '../syntax/ast.js';

/**
 * What a list filter's test (`items.filter((i) => i.kind !== 'failure')`) says of the elements
 * that pass, told from the flags the elements carry (see `Placed.when` and `Placed.whenIn` in
 * origin.ts): which elements it drops, and which fields it keeps empty.
 */

/** A flag of an element: its field `key` holds `value`. */
export interface ElementFlag {
  readonly key: string;
  readonly value: boolean | string;
}

/**
 * A test decided from its atoms: `!`, `&&` and `||` combine what `atom` tells (true, false, or
 * null when it cannot be told) in three-valued logic.
 */
function decide(test: Node, atom: (value: Node) => boolean | null): boolean | null {
  const value = unwrap(test);
  if (value.type === T.UnaryExpression && value.operator === '!') {
    const inner = decide(value.argument, atom);
    return inner === null ? null : !inner;
  }
  if (value.type === T.LogicalExpression && (value.operator === '&&' || value.operator === '||')) {
    const left = decide(value.left, atom);
    const right = decide(value.right, atom);
    const decisive = value.operator !== '&&';
    if (left === decisive || right === decisive) return decisive;
    return left !== null && right !== null ? !decisive : null;
  }
  return atom(value);
}

/** The field `param.name` reads (not computed), or null. */
function fieldOf(node: Node, param: string): string | null {
  const member = unwrap(node);
  return member.type === T.MemberExpression && !member.computed && member.object.type === T.Identifier && member.object.name === param ? keyName(member) : null;
}

function readsField(node: Node, param: string, name: string): boolean {
  return fieldOf(node, param) === name;
}

/** The value a block returns when it is one `return` statement (`{ return x.ok; }`). */
export function singleReturn(block: TSESTree.BlockStatement): Node | null {
  const only = block.body.length === 1 ? block.body[0] : null;
  return only?.type === T.ReturnStatement && only.argument ? only.argument : null;
}

/**
 * What a filter's test (`(item) => item.kind !== 'failure'`, `(r) => r.success`) says of an
 * element whose field `flag.key` holds `flag.value`: true (kept), false (dropped) or null when
 * it cannot be told.
 */
export function filterKeeps(test: Node, param: string, flag: ElementFlag): boolean | null {
  return decide(test, (value) => {
    if (readsField(value, param, flag.key)) return Boolean(flag.value);
    if (value.type !== T.BinaryExpression || !['===', '!==', '==', '!='].includes(value.operator)) return null;
    const literal = value.left.type === T.Literal ? value.left : value.right.type === T.Literal ? value.right : null;
    const other = literal === value.left ? value.right : value.left;
    // `i.success == 0` compares across types: only a literal of the flag's own type is decided.
    if (!literal || !readsField(other as Node, param, flag.key) || typeof literal.value !== typeof flag.value) return null;
    const equal = literal.value === flag.value;
    return value.operator === '===' || value.operator === '==' ? equal : !equal;
  });
}

/**
 * What a filter's test says of an element whose list under `nested.field` holds an entry with
 * that flag: `!i.entries.some((e) => e.kind === 'failure')` drops it, `i.entries.every((e) =>
 * e.ok)` drops an element with an entry whose `ok` is false; null when it cannot be told.
 */
export function nestedKeeps(test: Node, param: string, nested: ElementFlag & { readonly field: string }): boolean | null {
  return decide(test, (value) => {
    if (value.type !== T.CallExpression || value.arguments.length !== 1) return null;
    const callee = unwrap(value.callee);
    if (callee.type !== T.MemberExpression || !readsField(callee.object, param, nested.field)) return null;
    const method = keyName(callee);
    const callback = value.arguments[0];
    if ((callback.type !== T.ArrowFunctionExpression && callback.type !== T.FunctionExpression) || callback.params[0]?.type !== T.Identifier) return null;
    const body = callback.body.type === T.BlockStatement ? singleReturn(callback.body) : callback.body;
    const entry = body && filterKeeps(body, callback.params[0].name, nested);
    // Some entry passes: `some` holds. Some entry fails: `every` does not. Otherwise the other entries decide.
    if (method === 'some') return entry === true ? true : null;
    if (method === 'every') return entry === false ? false : null;
    return null;
  });
}

/**
 * The fields of an element that a filter's test keeps empty: `(i) => !i.error`,
 * `(i) => i.error == null`, `(i) => i.error === undefined && i.ok`. What they held is gone from
 * the elements that pass.
 */
export function emptiedFields(test: Node, param: string, out = new Set<string>()): Set<string> {
  const value = unwrap(test);
  const field = (node: Node) => fieldOf(node, param);
  if (value.type === T.LogicalExpression && value.operator === '&&') {
    emptiedFields(value.left, param, out);
    emptiedFields(value.right, param, out);
  } else if (value.type === T.UnaryExpression && value.operator === '!') {
    const name = field(value.argument);
    if (name !== null) out.add(name);
  } else if (value.type === T.BinaryExpression && (value.operator === '===' || value.operator === '==')) {
    const empty = (side: Node) => (side.type === T.Literal && side.value === null) || (side.type === T.Identifier && side.name === 'undefined');
    const name = empty(value.right) ? field(value.left as Node) : empty(value.left as Node) ? field(value.right) : null;
    if (name !== null) out.add(name);
  }
  return out;
}
