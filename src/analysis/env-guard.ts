import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { keyName, stringLiteralValue, unwrap, type Node } from './ast.js';
import type { FileIndex } from './file-index.js';
import { singleInit } from './strings.js';

/**
 * Recognizes "only in development" guards: `process.env.NODE_ENV !== 'production'`,
 * `=== 'development'`, `app.get('env') === 'development'`, `isDev`, `!isProduction`, and
 * names bound to them. Answers which branch runs in development, or null when the test is
 * not such a guard.
 */
export type DevBranch = 'consequent' | 'alternate';

const DEV_VALUES = new Set(['development', 'dev', 'test', 'local']);
const PROD_VALUES = new Set(['production', 'prod']);
const DEV_NAMES = /^(?:is)?(?:dev|development|debug|local)(?:mode|env)?$/i;
const PROD_NAMES = /^(?:is)?(?:prod|production)(?:mode|env)?$/i;

function flip(branch: DevBranch | null): DevBranch | null {
  if (branch === null) return null;
  return branch === 'consequent' ? 'alternate' : 'consequent';
}

export function devBranch(test: Node, index: FileIndex, depth = 0): DevBranch | null {
  if (depth > 4) return null;
  const node = unwrap(test);
  if (node.type === T.UnaryExpression && node.operator === '!') return flip(devBranch(node.argument, index, depth + 1));
  if (node.type === T.BinaryExpression && ['===', '!==', '==', '!='].includes(node.operator)) {
    const value = stringLiteralValue(node.right as Node) ?? stringLiteralValue(node.left as Node);
    if (value === null) return null;
    const equal = node.operator === '===' || node.operator === '==';
    if (DEV_VALUES.has(value)) return equal ? 'consequent' : 'alternate';
    if (PROD_VALUES.has(value)) return equal ? 'alternate' : 'consequent';
    return null;
  }
  if (node.type === T.Identifier || node.type === T.MemberExpression) {
    const name = node.type === T.Identifier ? node.name : keyName(node);
    if (node.type === T.Identifier) {
      const init = singleInit(node as TSESTree.Identifier, index);
      if (init) {
        const bound = devBranch(init, index, depth + 1);
        if (bound) return bound;
      }
    }
    if (name && DEV_NAMES.test(name)) return 'consequent';
    if (name && PROD_NAMES.test(name)) return 'alternate';
  }
  return null;
}

/**
 * Whether `node` only runs in development: inside the development branch of an `if`, `?:`
 * or `&&`, also around the function that contains it (`if (dev) app.use(errorHandler)`).
 */
export function onlyInDevelopment(node: Node, index: FileIndex): boolean {
  let child: Node = node;
  let parent = node.parent;
  while (parent) {
    if (parent.type === T.IfStatement || parent.type === T.ConditionalExpression) {
      const branch = devBranch(parent.test, index);
      if (branch && child === parent[branch]) return true;
    }
    if (parent.type === T.LogicalExpression && parent.operator === '&&' && child === parent.right && devBranch(parent.left, index) === 'consequent') {
      return true;
    }
    child = parent;
    parent = parent.parent;
  }
  return false;
}
