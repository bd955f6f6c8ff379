import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { constValue } from '../models/llm/extract.js';
import { PACKAGE_PASS_THROUGH } from '../models/propagation.js';
import { importedBinding } from '../syntax/imports.js';
import { resolveIdentifier } from '../program/linker.js';
import type { FileAnalysis } from './analysis-types.js';
import type { Taint } from './origin.js';
import { alwaysExits, isFunction, keyName, unwrap, type FunctionNode, type Node } from '../syntax/ast.js';
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

/** A name imported from another project module, as the value it is defined with there (a schema). */
export type ImportedValue = (identifier: TSESTree.Identifier) => { readonly node: Node; readonly index: FileIndex } | null;

/**
 * Where the roles of a list's messages come from: the taint of `list[i].role`, read after
 * `access` (the members a helper reads from its argument). Request data here that is not
 * `within` a message the server wrote is the client choosing roles.
 */
export function rolesTaint(analysis: FileAnalysis, list: Node, access: readonly (string | null)[] = []): Taint {
  return analysis.engine.taintAt(list, [...access, null, 'role']);
}

/** Names of this file resolved to their definition in another module of the project (for schemas defined there). */
export function importedValues(analysis: FileAnalysis): ImportedValue {
  return (identifier) => {
    const resolved = resolveIdentifier<FileAnalysis>(analysis, identifier);
    return resolved?.kind === 'value' && resolved.owner !== analysis ? { node: resolved.node, index: resolved.owner.index } : null;
  };
}

export function roleConstrained(node: Node, index: FileIndex, imported: ImportedValue | null = null, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const value = unwrap(node);
  if (value.type === T.Identifier) {
    if (rejectsSystemRoles(value, index)) return true;
    const init = constValue(value, index) ?? destructuredFrom(value, index);
    if (init && init !== value) return roleConstrained(init, index, imported, depth + 1);
    return selfConstrained(value, index, imported, depth);
  }
  if (value.type === T.AwaitExpression) return roleConstrained(value.argument, index, imported, depth + 1);
  if (value.type === T.MemberExpression) {
    // `parsed.messages`, `result.data.messages`: a member of a validated value.
    return roleConstrained(value.object, index, imported, depth + 1);
  }
  if (value.type !== T.CallExpression) return false;
  const callee = unwrap(value.callee);
  const schema = schemaOf(value, callee);
  if (schema) return schemaLimitsRoles(schema, index, imported, 0);
  // `convertToModelMessages(list)`: the same messages in the SDK's shape.
  if (callee.type === T.Identifier) {
    const binding = importedBinding(callee, index);
    const converts = binding && PACKAGE_PASS_THROUGH.get(binding.module)?.has(binding.name);
    return !!converts && !!value.arguments[0] && roleConstrained(value.arguments[0], index, imported, depth + 1);
  }
  if (callee.type !== T.MemberExpression) return false;
  const method = keyName(callee);
  const callback = value.arguments[0] && unwrap(value.arguments[0]);
  // A callback given by name (`.filter(isChatTurn)`): the function it names.
  const fn = callback && (isFunction(callback) ? callback : namedFunction(callback, index));
  if (method === 'filter') return (isFunction(fn) && testsRole(fn)) || roleConstrained(callee.object, index, imported, depth + 1);
  // `history.findLast((m) => m.role === 'user')`: one message, chosen by its role.
  if ((method === 'find' || method === 'findLast') && isFunction(fn)) return testsRole(fn);
  if ((method === 'map' || method === 'flatMap') && isFunction(fn)) return writesRole(fn, index);
  if (method && KEEPING_METHODS.has(method)) return roleConstrained(callee.object, index, imported, depth + 1);
  return false;
}

/**
 * Whether the request data read at `read` is constrained right there: `body.history.filter(…)`
 * spread into the server's own list, `Chat.parse(body)` whose result is taken apart later.
 */
export function constrainedWhereRead(read: Node, index: FileIndex, imported: ImportedValue | null = null): boolean {
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
    return roleConstrained(parent.parent, index, imported);
  }
  if (parent?.type === T.CallExpression && parent.arguments.includes(current as TSESTree.CallExpressionArgument)) {
    const schema = schemaOf(parent, unwrap(parent.callee));
    return !!schema && schema !== current && schemaLimitsRoles(schema, index, imported, 0);
  }
  return false;
}

/** `.map(toMessage)` where `function toMessage(m) { … }` or `const toMessage = (m) => …`. */
function namedFunction(node: Node, index: FileIndex): Node | null {
  if (node.type !== T.Identifier) return null;
  const def = index.variableOf(node)?.defs[0];
  if (def?.type === 'FunctionName') return def.node as Node;
  return constValue(node, index);
}

/**
 * Whether a function's parameter is written again with a constrained list made from itself
 * (`messages = messages?.filter((m) => m.role !== 'system')`): what callers pass for it chooses
 * no roles.
 */
export function parameterRoleConstrained(fn: FunctionNode, position: number, index: FileIndex, imported: ImportedValue | null = null): boolean {
  let param: Node | undefined = fn.params[position];
  if (param?.type === T.TSParameterProperty) param = param.parameter;
  if (param?.type === T.AssignmentPattern) param = param.left;
  return param?.type === T.Identifier && selfConstrained(param, index, imported, 0);
}

/**
 * `let messages = body.messages; messages = messages.filter((m) => m.role !== 'system')`: a name
 * written again with a constrained list made from itself.
 */
function selfConstrained(identifier: TSESTree.Identifier, index: FileIndex, imported: ImportedValue | null, depth: number): boolean {
  const variable = index.variableOf(identifier);
  if (!variable) return false;
  return variable.references.some((reference) => {
    const assignment = reference.identifier.parent;
    if (!reference.isWrite() || assignment?.type !== T.AssignmentExpression || assignment.left !== reference.identifier) return false;
    let root: Node = unwrap(assignment.right);
    while (root.type === T.CallExpression || root.type === T.MemberExpression) root = unwrap(root.type === T.CallExpression ? root.callee : root.object);
    return root.type === T.Identifier && root.name === identifier.name && roleConstrained(assignment.right, index, imported, depth + 1);
  });
}

/** `if (messages.some((m) => m.role === 'system')) return res.status(400)…`: a list rejected when it holds a role it may not. */
function rejectsSystemRoles(identifier: TSESTree.Identifier, index: FileIndex): boolean {
  const variable = index.variableOf(identifier);
  if (!variable) return false;
  return variable.references.some((reference) => {
    const member = reference.identifier.parent;
    const call = member?.parent;
    if (member?.type !== T.MemberExpression || member.object !== reference.identifier || call?.type !== T.CallExpression || call.callee !== member) return false;
    if (keyName(member) !== 'some') return false;
    const callback = call.arguments[0] && namedFunction(unwrap(call.arguments[0]), index);
    const callbackFn = call.arguments[0] && isFunction(unwrap(call.arguments[0])) ? unwrap(call.arguments[0]) : callback;
    if (!isFunction(callbackFn) || !testsRole(callbackFn)) return false;
    // The check is the test of an `if` that leaves when it holds.
    let test: Node = call;
    while (test.parent && (test.parent.type === T.UnaryExpression || test.parent.type === T.LogicalExpression)) test = test.parent;
    const statement = test.parent;
    return statement?.type === T.IfStatement && statement.test === test && alwaysExits(statement.consequent) && reference.identifier.range[0] < identifier.range[0];
  });
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
function schemaLimitsRoles(node: Node, index: FileIndex, imported: ImportedValue | null, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const value = unwrap(node);
  switch (value.type) {
    case T.Identifier: {
      const init = constValue(value, index);
      if (init && init !== value) return schemaLimitsRoles(init, index, imported, depth + 1);
      // A schema defined in another module of the project.
      const elsewhere = imported?.(value);
      return !!elsewhere && schemaLimitsRoles(elsewhere.node, elsewhere.index, imported, depth + 1);
    }
    case T.CallExpression:
      return (
        schemaLimitsRoles(value.callee, index, imported, depth + 1) ||
        value.arguments.some((argument) => argument.type !== T.SpreadElement && schemaLimitsRoles(argument, index, imported, depth + 1))
      );
    case T.MemberExpression:
      return schemaLimitsRoles(value.object, index, imported, depth + 1);
    case T.ArrayExpression:
      return value.elements.some((element) => !!element && element.type !== T.SpreadElement && schemaLimitsRoles(element, index, imported, depth + 1));
    case T.ObjectExpression:
      return value.properties.some((property) => {
        if (property.type !== T.Property) return false;
        if (keyName(property) === 'role') return allowsOnlyNamedRoles(property.value, index);
        return schemaLimitsRoles(property.value, index, imported, depth + 1);
      });
    default:
      return false;
  }
}

/** `z.enum(['user', 'assistant'])`, `z.literal('user')`, `v.picklist([...])`: string literals, none a system role. */
function allowsOnlyNamedRoles(node: Node, index: FileIndex): boolean {
  const literals: string[] = [];
  const stack: Node[] = [node];
  let steps = 0;
  while (stack.length > 0 && steps++ < 64) {
    const current = unwrap(stack.pop()!);
    // `z.enum(ROLES)` with `const ROLES = ['user', 'assistant'] as const`.
    if (current.type === T.Identifier) {
      const init = constValue(current, index);
      if (init && init !== current) stack.push(init);
      continue;
    }
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
function writesRole(fn: FunctionNode, index: FileIndex): boolean {
  // Every return, in branches too (`switch (m.role) { case 'assistant': return { role: 'assistant', … } … }`).
  const returned: Node[] = fn.body.type !== T.BlockStatement ? [fn.body] : [...(index.returns.get(fn) ?? [])];
  return (
    returned.length > 0 &&
    returned.every((node) => {
      const object = unwrap(node);
      // langchain tuples: `['human', text]`.
      if (object.type === T.ArrayExpression) return !!object.elements[0] && object.elements[0].type !== T.SpreadElement && isConstantRole(object.elements[0]);
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
