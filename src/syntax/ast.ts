import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';

export type Node = TSESTree.Node;
export type Expression = TSESTree.Expression;
export type FunctionNode =
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.ArrowFunctionExpression;

export function isFunction(node: Node | null | undefined): node is FunctionNode {
  return (
    !!node &&
    (node.type === T.FunctionDeclaration ||
      node.type === T.FunctionExpression ||
      node.type === T.ArrowFunctionExpression)
  );
}

/** Strips TypeScript wrappers, parentheses-free chains and `!` so matchers see the value. */
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case T.TSAsExpression:
      case T.TSSatisfiesExpression:
      case T.TSNonNullExpression:
      case T.TSTypeAssertion:
      case T.TSInstantiationExpression:
        current = current.expression;
        break;
      case T.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** The static name of a non-computed (or string-literal computed) member or property key. */
export function keyName(
  node: TSESTree.MemberExpression | TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition,
): string | null {
  const key = node.type === T.MemberExpression ? node.property : node.key;
  if (!node.computed && key.type === T.Identifier) return key.name;
  if (key.type === T.Literal && (typeof key.value === 'string' || typeof key.value === 'number')) {
    return String(key.value);
  }
  if (key.type === T.TemplateLiteral && key.expressions.length === 0) return key.quasis[0].value.cooked ?? null;
  if (key.type === T.PrivateIdentifier) return `#${key.name}`;
  return null;
}

/**
 * The member chain of a callee: `this.client.chat.completions.create` ->
 * { root: ThisExpression, names: ['client', 'chat', 'completions', 'create'] }.
 * Stops at the first computed member or call.
 */
export function memberChain(node: Node): { root: Node; names: string[] } {
  const names: string[] = [];
  let current = unwrap(node);
  while (current.type === T.MemberExpression) {
    const name = keyName(current);
    if (name === null) break;
    names.unshift(name);
    current = unwrap(current.object);
  }
  return { root: current, names };
}

/** `process.env` or `import.meta.env`. */
export function isEnvObject(node: Node): boolean {
  const value = unwrap(node);
  if (value.type !== T.MemberExpression || value.computed || value.property.type !== T.Identifier || value.property.name !== 'env') return false;
  const holder = unwrap(value.object);
  return (holder.type === T.Identifier && holder.name === 'process') || holder.type === T.MetaProperty;
}

/** The variable an env read names: `process.env.OPENAI_API_KEY` and `import.meta.env.X` give their name. */
export function envVariable(node: Node): string | null {
  const value = unwrap(node);
  return value.type === T.MemberExpression && isEnvObject(value.object) ? keyName(value) : null;
}

/** The method name of a call: `a.b.create()` -> 'create', `create()` -> 'create'. */
export function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
  const callee = unwrap(call.callee);
  if (callee.type === T.Identifier) return callee.name;
  if (callee.type === T.MemberExpression) return keyName(callee);
  return null;
}

/** Finds a property of an object literal by static key (last one wins, as at run time). */
export function findProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | null {
  let found: TSESTree.Property | null = null;
  for (const property of object.properties) {
    if (property.type === T.Property && keyName(property) === name) found = property;
  }
  return found;
}

export function hasSpread(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some((p) => p.type === T.SpreadElement);
}

export function isStringLike(node: Node): boolean {
  const inner = unwrap(node);
  return (
    (inner.type === T.Literal && typeof inner.value === 'string') ||
    inner.type === T.TemplateLiteral ||
    inner.type === T.TaggedTemplateExpression
  );
}

export function stringLiteralValue(node: Node | null | undefined): string | null {
  if (!node) return null;
  const inner = unwrap(node);
  if (inner.type === T.Literal && typeof inner.value === 'string') return inner.value;
  if (inner.type === T.TemplateLiteral && inner.expressions.length === 0) return inner.quasis[0].value.cooked ?? null;
  return null;
}

/** The function that directly contains a node (or null at module level). */
export function enclosingFunction(node: Node): FunctionNode | null {
  let current = node.parent;
  while (current) {
    if (isFunction(current)) return current;
    current = current.parent;
  }
  return null;
}

/**
 * The nodes of a source-ordered list (the file index's lists are) that start inside
 * `container`, by binary search: work proportional to the answer, not to the file.
 */
export function within<N extends Node>(sorted: readonly N[], container: Node): N[] {
  const low = firstFrom(sorted, container.range[0], (node) => node);
  const found: N[] = [];
  for (let i = low; i < sorted.length && sorted[i].range[0] < container.range[1]; i++) found.push(sorted[i]);
  return found;
}

/** The first item (in a list sorted by where its node starts) whose node lies inside `container`. */
export function firstWithin<T>(sorted: readonly T[], container: Node, nodeOf: (item: T) => Node): T | undefined {
  const item = sorted[firstFrom(sorted, container.range[0], nodeOf)];
  return item !== undefined && nodeOf(item).range[0] < container.range[1] ? item : undefined;
}

/** Binary search: the index of the first item whose node starts at or after `start`. */
function firstFrom<T>(sorted: readonly T[], start: number, nodeOf: (item: T) => Node): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (nodeOf(sorted[mid]).range[0] < start) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function isInside(node: Node, container: Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

export function hasDirective(body: readonly TSESTree.ProgramStatement[] | TSESTree.Statement[], directive: string): boolean {
  for (const statement of body) {
    if (statement.type !== T.ExpressionStatement) return false;
    const expression = statement.expression;
    if (expression.type !== T.Literal || typeof expression.value !== 'string') return false;
    if (expression.value === directive) return true;
  }
  return false;
}

/**
 * Where a report on `node` is drawn: the node itself when it fits on one line; otherwise its
 * head, so that a multi-line call is never underlined whole (DESIGN.md, "Where each rule
 * reports"): `res.status(500).json` of a call, `new Response` of a `new`, `ctx.body` of an
 * assignment, the keyword of a `return` (and `throw new Error` of a throw).
 */
export function headLoc(node: Node): TSESTree.SourceLocation {
  if (node.loc.start.line === node.loc.end.line) return node.loc;
  const to = (end: Node | TSESTree.Position): TSESTree.SourceLocation => ({ start: node.loc.start, end: 'line' in end ? end : end.loc.end });
  switch (node.type) {
    case T.CallExpression:
    case T.NewExpression:
      return node.callee.loc.end.line === node.loc.start.line ? to(node.callee) : firstLine(node);
    case T.AssignmentExpression:
      return node.left.loc.end.line === node.loc.start.line ? to(node.left) : firstLine(node);
    case T.ExpressionStatement:
    case T.ChainExpression:
      return headLoc(node.expression);
    case T.AwaitExpression:
      return { start: node.loc.start, end: headLoc(node.argument).end };
    case T.ThrowStatement:
      if (node.argument.type === T.NewExpression && node.argument.callee.loc.end.line === node.loc.start.line) return to(node.argument.callee);
      return { start: node.loc.start, end: { line: node.loc.start.line, column: node.loc.start.column + 'throw'.length } };
    case T.ReturnStatement:
      return { start: node.loc.start, end: { line: node.loc.start.line, column: node.loc.start.column + 'return'.length } };
    default:
      return firstLine(node);
  }
}

/** The node's first line, from its start to the end of that line's part of it (one column at least). */
function firstLine(node: Node): TSESTree.SourceLocation {
  let last: TSESTree.Position = { line: node.loc.start.line, column: node.loc.start.column + 1 };
  const walk = (child: Node) => {
    if (child.loc.end.line === node.loc.start.line && child.loc.end.column > last.column) last = child.loc.end;
  };
  for (const key of Object.keys(node) as (keyof typeof node)[]) {
    if (key === 'parent') continue;
    const value = node[key] as unknown;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item && typeof item === 'object' && 'type' in item && 'loc' in item) walk(item as Node);
    }
  }
  return { start: node.loc.start, end: last };
}

/** Whether a statement always leaves its block: a `return` or `throw`, or a block that ends with one. */
export function alwaysExits(statement: TSESTree.Statement): boolean {
  if (statement.type === T.ReturnStatement || statement.type === T.ThrowStatement) return true;
  if (statement.type === T.BlockStatement) {
    const last = statement.body.at(-1);
    return !!last && alwaysExits(last);
  }
  return false;
}
