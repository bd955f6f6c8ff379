import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { constValue } from '../models/llm/extract.js';
import { PACKAGE_PASS_THROUGH } from '../models/propagation.js';
import { importedBinding } from '../syntax/imports.js';
import { isFunction, keyName, unwrap, type FunctionNode, type Node } from '../syntax/ast.js';
import type { FileIndex } from '../syntax/file-index.js';

/**
 * Whether a list of messages keeps the client from choosing its roles, read from how the list
 * is made: a filter that tests the role, a map that writes it, or a schema whose `role` allows
 * only some roles and no system role. The walk goes back through constants and list methods
 * that keep elements as they are; anything else is no constraint.
 */

/** Roles that give a message the system's authority. */
const SYSTEM_ROLES = new Set(['system', 'developer']);

/** List methods whose result holds (some of) the same elements. */
const KEEPING_METHODS = new Set(['slice', 'concat', 'reverse', 'toReversed', 'flat', 'sort', 'toSorted']);

/** Calls that validate a value with a schema (zod, valibot, yup, superstruct). */
const PARSE_METHODS = new Set(['parse', 'parseAsync', 'safeParse', 'safeParseAsync', 'validate', 'validateSync']);
const PARSE_FUNCTIONS = new Set(['parse', 'safeParse', 'parseAsync', 'safeParseAsync']);

const MAX_DEPTH = 6;

export function roleConstrained(node: Node, index: FileIndex, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const value = unwrap(node);
  if (value.type === T.Identifier) {
    const init = constValue(value, index) ?? destructuredFrom(value, index);
    return !!init && init !== value && roleConstrained(init, index, depth + 1);
  }
  if (value.type === T.AwaitExpression) return roleConstrained(value.argument, index, depth + 1);
  if (value.type === T.MemberExpression) {
    // `parsed.messages`, `result.data.messages`: a member of a validated value.
    return roleConstrained(value.object, index, depth + 1);
  }
  if (value.type !== T.CallExpression) return false;
  const callee = unwrap(value.callee);
  const schema = schemaOf(value, callee);
  if (schema) return schemaLimitsRoles(schema, index, 0);
  // `convertToModelMessages(list)`: the same messages in the SDK's shape.
  if (callee.type === T.Identifier) {
    const imported = importedBinding(callee, index);
    const converts = imported && PACKAGE_PASS_THROUGH.get(imported.module)?.has(imported.name);
    return !!converts && !!value.arguments[0] && roleConstrained(value.arguments[0], index, depth + 1);
  }
  if (callee.type !== T.MemberExpression) return false;
  const method = keyName(callee);
  const callback = value.arguments[0] && unwrap(value.arguments[0]);
  if (method === 'filter' && isFunction(callback)) return testsRole(callback) || roleConstrained(callee.object, index, depth + 1);
  if ((method === 'map' || method === 'flatMap') && isFunction(callback)) return writesRole(callback);
  if (method && KEEPING_METHODS.has(method)) return roleConstrained(callee.object, index, depth + 1);
  return false;
}

/**
 * Whether the request data read at `read` is constrained right there: `body.history.filter(…)`
 * spread into the server's own list, `Chat.parse(body)` whose result is taken apart later.
 */
export function constrainedWhereRead(read: Node, index: FileIndex): boolean {
  let current: Node = read;
  // Up through wrappers and member reads of the same value (`req.body` read as `req.body.history`).
  for (;;) {
    const up: Node | undefined = current.parent;
    if (!up) break;
    const wrapper = up.type === T.AwaitExpression || up.type === T.TSAsExpression || up.type === T.TSNonNullExpression;
    const memberRead = up.type === T.MemberExpression && up.object === current && !(up.parent?.type === T.CallExpression && up.parent.callee === up);
    if (!wrapper && !memberRead) break;
    current = up;
  }
  const parent = current.parent;
  if (parent?.type === T.MemberExpression && parent.object === current && parent.parent?.type === T.CallExpression && parent.parent.callee === parent) {
    return roleConstrained(parent.parent, index);
  }
  if (parent?.type === T.CallExpression && parent.arguments.includes(current as TSESTree.CallExpressionArgument)) {
    const schema = schemaOf(parent, unwrap(parent.callee));
    return !!schema && schema !== current && schemaLimitsRoles(schema, index, 0);
  }
  return false;
}

/** `const { messages } = Chat.parse(body)`: the value a name is destructured from (a member of it). */
function destructuredFrom(identifier: TSESTree.Identifier, index: FileIndex): Node | null {
  const variable = index.variableOf(identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : null;
  if (def?.type !== 'Variable' || def.node.type !== T.VariableDeclarator || def.node.id.type !== T.ObjectPattern || !def.node.init) return null;
  if (variable!.references.some((reference) => reference.isWrite() && reference.identifier !== def.name)) return null;
  return def.node.init;
}

/** The schema a validating call checks against: `Schema.parse(x)`, `v.parse(Schema, x)`. */
function schemaOf(call: TSESTree.CallExpression, callee: Node): Node | null {
  if (callee.type === T.MemberExpression) {
    const method = keyName(callee);
    if (!method || !PARSE_METHODS.has(method)) return null;
    // valibot and superstruct: `v.parse(Schema, value)`, `create(value, Schema)`.
    const object = unwrap(callee.object);
    if (object.type === T.Identifier && PARSE_FUNCTIONS.has(method) && call.arguments.length === 2) return call.arguments[0];
    return callee.object;
  }
  if (callee.type === T.Identifier && PARSE_FUNCTIONS.has(callee.name) && call.arguments.length === 2) return call.arguments[0];
  return null;
}

/** A schema with a `role` field that allows named roles, none of them a system role. */
function schemaLimitsRoles(node: Node, index: FileIndex, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const value = unwrap(node);
  switch (value.type) {
    case T.Identifier: {
      const init = constValue(value, index);
      return !!init && init !== value && schemaLimitsRoles(init, index, depth + 1);
    }
    case T.CallExpression:
      return (
        schemaLimitsRoles(value.callee, index, depth + 1) ||
        value.arguments.some((argument) => argument.type !== T.SpreadElement && schemaLimitsRoles(argument, index, depth + 1))
      );
    case T.MemberExpression:
      return schemaLimitsRoles(value.object, index, depth + 1);
    case T.ArrayExpression:
      return value.elements.some((element) => !!element && element.type !== T.SpreadElement && schemaLimitsRoles(element, index, depth + 1));
    case T.ObjectExpression:
      return value.properties.some((property) => {
        if (property.type !== T.Property) return false;
        if (keyName(property) === 'role') return allowsOnlyNamedRoles(property.value);
        return schemaLimitsRoles(property.value, index, depth + 1);
      });
    default:
      return false;
  }
}

/** `z.enum(['user', 'assistant'])`, `z.literal('user')`, `v.picklist([...])`: string literals, none a system role. */
function allowsOnlyNamedRoles(node: Node): boolean {
  const literals: string[] = [];
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = unwrap(stack.pop()!);
    if (current.type === T.Literal && typeof current.value === 'string') literals.push(current.value);
    else if (current.type === T.CallExpression) {
      stack.push(current.callee);
      for (const argument of current.arguments) if (argument.type !== T.SpreadElement) stack.push(argument);
    } else if (current.type === T.MemberExpression) stack.push(current.object);
    else if (current.type === T.ArrayExpression) {
      for (const element of current.elements) if (element && element.type !== T.SpreadElement) stack.push(element);
    }
  }
  return literals.length > 0 && !literals.some((role) => SYSTEM_ROLES.has(role));
}

/** A filter callback that reads the role (`m => m.role !== 'system'`, `({ role }) => ALLOWED.has(role)`). */
function testsRole(fn: FunctionNode): boolean {
  const param = fn.params[0];
  if (param?.type === T.ObjectPattern) return param.properties.some((p) => p.type === T.Property && keyName(p) === 'role');
  const body = fn.body;
  const stack: Node[] = [body];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === T.MemberExpression && keyName(current) === 'role') return true;
    if (isFunction(current) && current !== fn) continue;
    for (const child of childNodes(current)) stack.push(child);
  }
  return false;
}

/** A map callback that returns messages whose role it writes itself (`m => ({ role: 'user', content: m.text })`). */
function writesRole(fn: FunctionNode): boolean {
  const returned: Node[] = [];
  if (fn.body.type !== T.BlockStatement) returned.push(fn.body);
  else {
    for (const statement of fn.body.body) if (statement.type === T.ReturnStatement && statement.argument) returned.push(statement.argument);
  }
  return (
    returned.length > 0 &&
    returned.every((node) => {
      const object = unwrap(node);
      if (object.type !== T.ObjectExpression) return false;
      // The last word on `role` must be the callback's own constant (a later spread could bring the client's back).
      const last = [...object.properties].reverse().find((p) => p.type === T.SpreadElement || keyName(p) === 'role');
      return last?.type === T.Property && isConstantRole(last.value);
    })
  );
}

/** `'user'`, `m.role === 'assistant' ? 'assistant' : 'user'`. */
function isConstantRole(node: Node): boolean {
  const value = unwrap(node);
  if (value.type === T.Literal) return typeof value.value === 'string' && !SYSTEM_ROLES.has(value.value);
  if (value.type === T.ConditionalExpression) return isConstantRole(value.consequent) && isConstantRole(value.alternate);
  return false;
}

/** The child nodes of an expression or statement, for the small walks above. */
function childNodes(node: Node): Node[] {
  const children: Node[] = [];
  for (const [key, child] of Object.entries(node)) {
    if (key === 'parent' || key === 'loc' || key === 'range') continue;
    if (Array.isArray(child)) {
      for (const item of child) if (item && typeof item === 'object' && 'type' in item) children.push(item as Node);
    } else if (child && typeof child === 'object' && 'type' in child) children.push(child as Node);
  }
  return children;
}
