import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { keyName, unwrap, type Node } from './ast.js';
import type { FileIndex } from './file-index.js';

/**
 * What the engine can tell about string values from syntax alone: constant text written in
 * the file (`const RULES = 'Be brief.'`, `${RULES} ${DATE_FORMAT}`), and expressions that are
 * certainly strings. Answers are memoized per file, so chains of constants cost linear time.
 */
type Kind = 'text' | 'value';
const constantCache = new WeakMap<FileIndex, Record<Kind, Map<Node, boolean>>>();

/** The initializer of a `const`-like binding that is written exactly once. */
export function singleInit(identifier: TSESTree.Identifier, index: FileIndex): Node | null {
  const variable = index.variableOf(identifier);
  if (!variable || variable.defs.length !== 1) return null;
  const def = variable.defs[0];
  if (def.type !== 'Variable' || def.node.type !== T.VariableDeclarator || def.node.id !== def.name || !def.node.init) return null;
  if (variable.references.some((r) => r.isWrite() && r.identifier !== def.name)) return null;
  return def.node.init;
}

/** `text`: certainly a constant string. `value`: a constant string or number. */
function isConstant(node: Node, index: FileIndex, kind: Kind): boolean {
  let caches = constantCache.get(index);
  if (!caches) {
    caches = { text: new Map(), value: new Map() };
    constantCache.set(index, caches);
  }
  const cache = caches[kind];
  const value = unwrap(node);
  const cached = cache.get(value);
  if (cached !== undefined) return cached;
  cache.set(value, false); // a cycle answers "not constant"
  let result: boolean;
  switch (value.type) {
    case T.Literal:
      result = typeof value.value === 'string' || (kind === 'value' && typeof value.value === 'number');
      break;
    case T.TemplateLiteral:
      result = value.expressions.every((e) => isConstant(e, index, 'value'));
      break;
    case T.BinaryExpression:
      result =
        value.operator === '+' &&
        isConstant(value.left, index, 'value') &&
        isConstant(value.right, index, 'value') &&
        (kind === 'value' || isConstant(value.left, index, 'text') || isConstant(value.right, index, 'text'));
      break;
    case T.Identifier: {
      const init = singleInit(value, index);
      result = !!init && isConstant(init, index, kind);
      break;
    }
    default:
      result = false;
  }
  cache.set(value, result);
  return result;
}

/** Constant text written in the file: a string literal, or a template or `+` of constants, or a const bound to one. */
export function isConstantString(node: Node, index: FileIndex): boolean {
  return isConstant(node, index, 'text');
}

/** Methods whose result is always a string. */
const STRING_METHODS = new Set([
  'trim',
  'trimStart',
  'trimEnd',
  'toLowerCase',
  'toUpperCase',
  'toLocaleLowerCase',
  'toLocaleUpperCase',
  'substring',
  'substr',
  'padStart',
  'padEnd',
  'replace',
  'replaceAll',
  'normalize',
  'repeat',
  'join',
  'toString',
  'toFixed',
  'charAt',
  'toISOString',
  'toDateString',
]);

/** Whether an expression certainly evaluates to a string, judged from syntax, declarations and constants. */
export function isCertainlyString(node: Node, index: FileIndex): boolean {
  const value = unwrap(node);
  if (value.type === T.Literal) return typeof value.value === 'string';
  if (value.type === T.TemplateLiteral) return true;
  // `await request.text()`
  if (value.type === T.AwaitExpression && value.argument.type === T.CallExpression) {
    const callee = unwrap(value.argument.callee);
    return callee.type === T.MemberExpression && keyName(callee) === 'text';
  }
  if (value.type === T.CallExpression) {
    const callee = unwrap(value.callee);
    if (callee.type === T.Identifier) return callee.name === 'String';
    if (callee.type === T.MemberExpression) {
      const name = keyName(callee);
      if (name && STRING_METHODS.has(name)) return true;
      return name === 'stringify' && callee.object.type === T.Identifier && callee.object.name === 'JSON';
    }
    return false;
  }
  if (value.type === T.Identifier) {
    // A name declared `: string` (a parameter or a variable).
    const variable = index.variableOf(value);
    const declared = variable?.defs[0]?.name;
    if (declared?.type === T.Identifier && declared.typeAnnotation?.typeAnnotation.type === T.TSStringKeyword) return true;
  }
  return isConstantString(value, index);
}
