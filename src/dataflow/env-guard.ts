import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { alwaysExits, keyName, memberChain, stringLiteralValue, unwrap, type Node } from '../syntax/ast.js';
import type { FileIndex } from '../syntax/file-index.js';
import { singleInit } from '../syntax/strings.js';

/**
 * Guards under which error details may be sent: "only in development"
 * (`process.env.NODE_ENV !== 'production'`, `app.get('env') === 'development'`, `isDev`) and
 * "this is a client error" (`err instanceof ZodError`, Koa's `err.expose`,
 * `err.status < 500`). A test that reads request data is never a guard: anyone can send
 * `?debug=1`.
 */
export type Branch = 'consequent' | 'alternate';

export interface GuardContext {
  readonly index: FileIndex;
  /** Whether an expression carries data from the client. */
  fromClient(node: Node): boolean;
}

const DEV_VALUES = new Set(['development', 'dev', 'test', 'local']);
const PROD_VALUES = new Set(['production', 'prod']);
const DEV_NAMES = /^(?:is)?(?:dev|development|debug|local)(?:mode|env)?$/i;
const PROD_NAMES = /^(?:is)?(?:prod|production)(?:mode|env)?$/i;
const ENV_NAMES = /^(?:env|node_env|app_env|environment|mode|stage)$/i;

function flip(branch: Branch | null): Branch | null {
  if (branch === null) return null;
  return branch === 'consequent' ? 'alternate' : 'consequent';
}

/** `process.env.NODE_ENV`, `import.meta.env.MODE`, `app.get('env')`, `config.env`. */
function isEnvironment(node: Node): boolean {
  const value = unwrap(node);
  if (value.type === T.CallExpression) {
    const callee = unwrap(value.callee);
    return callee.type === T.MemberExpression && keyName(callee) === 'get' && stringLiteralValue(value.arguments[0]) === 'env';
  }
  const { root, names } = memberChain(value);
  if (root.type === T.Identifier && root.name === 'process' && names[0] === 'env') return true;
  if (root.type === T.MetaProperty) return names[0] === 'env';
  const last = names.at(-1) ?? (value.type === T.Identifier ? value.name : null);
  return last !== null && ENV_NAMES.test(last);
}

export function devBranch(test: Node, context: GuardContext, depth = 0): Branch | null {
  if (depth > 4) return null;
  const node = unwrap(test);
  if (node.type === T.UnaryExpression && node.operator === '!') return flip(devBranch(node.argument, context, depth + 1));
  if (context.fromClient(node)) return null;
  if (node.type === T.BinaryExpression && ['===', '!==', '==', '!='].includes(node.operator)) {
    const right = stringLiteralValue(node.right as Node);
    const value = right ?? stringLiteralValue(node.left as Node);
    const other = (right !== null ? node.left : node.right) as Node;
    if (value === null || !isEnvironment(other)) return null;
    const equal = node.operator === '===' || node.operator === '==';
    if (DEV_VALUES.has(value)) return equal ? 'consequent' : 'alternate';
    if (PROD_VALUES.has(value)) return equal ? 'alternate' : 'consequent';
    return null;
  }
  if (node.type === T.Identifier || node.type === T.MemberExpression) {
    if (node.type === T.Identifier) {
      const init = singleInit(node as TSESTree.Identifier, context.index);
      if (init) return devBranch(init, context, depth + 1);
    }
    const name = node.type === T.Identifier ? node.name : keyName(node);
    if (name && DEV_NAMES.test(name)) return 'consequent';
    if (name && PROD_NAMES.test(name)) return 'alternate';
  }
  return null;
}

/** Classes that every error (or most) is an instance of: no sign of a client error. */
const BASE_ERROR_CLASSES = new Set(['Error', 'Object', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError', 'DOMException']);

/** `err instanceof ZodError`, `err.expose`, `err.status < 500`: branches that handle client errors. */
export function clientErrorBranch(test: Node): Branch | null {
  const node = unwrap(test);
  if (node.type === T.BinaryExpression) {
    // `err instanceof ZodError`, `instanceof HttpException`: a class of client errors. Not the base
    // classes every error is an instance of (`err instanceof Error ? err.message : '…'` sends any message).
    if (node.operator === 'instanceof') return node.right.type === T.Identifier && BASE_ERROR_CLASSES.has(node.right.name) ? null : 'consequent';
    const status = node.left.type === T.MemberExpression && /^(?:status|statusCode)$/.test(keyName(node.left) ?? '');
    const limit = node.right.type === T.Literal && typeof node.right.value === 'number' ? node.right.value : null;
    if (status && limit !== null) {
      if ((node.operator === '<' && limit <= 500) || (node.operator === '<=' && limit < 500)) return 'consequent';
      if ((node.operator === '>=' && limit >= 500) || (node.operator === '>' && limit >= 499)) return 'alternate';
    }
    return null;
  }
  if (node.type === T.MemberExpression && keyName(node) === 'expose') return 'consequent';
  if (node.type === T.LogicalExpression && node.operator === '&&') {
    return clientErrorBranch(node.left) === 'consequent' || clientErrorBranch(node.right) === 'consequent' ? 'consequent' : null;
  }
  return null;
}

/** The branch of a test in which error details may be sent, if the test is such a guard. */
export function safeBranch(test: Node, context: GuardContext): Branch | null {
  return devBranch(test, context) ?? clientErrorBranch(test);
}


/**
 * Per block: where its first `if (…) return` whose test `afterEarlyReturn` accepts ends (Infinity
 * when there is none), so that each statement asks in constant time, not by scanning its siblings.
 */
type EarlyReturns = WeakMap<Node, number>;

function earlyReturnEnd(block: TSESTree.BlockStatement | TSESTree.Program, afterEarlyReturn: (test: Node) => boolean, memo: EarlyReturns): number {
  let end = memo.get(block);
  if (end === undefined) {
    end = Infinity;
    for (const sibling of block.body as TSESTree.Statement[]) {
      if (sibling.type === T.IfStatement && !sibling.alternate && alwaysExits(sibling.consequent) && afterEarlyReturn(sibling.test)) {
        end = sibling.range[1];
        break;
      }
    }
    memo.set(block, end);
  }
  return end;
}

/** Walks out from `node`: inside the guarded branch of an `if`, a `?:` or an `&&` (also around its function)? */
function insideBranch(node: Node, branchOf: (test: Node) => Branch | null, afterEarlyReturn: (test: Node) => boolean, memo: EarlyReturns): boolean {
  let child: Node = node;
  let parent = node.parent;
  while (parent) {
    if (parent.type === T.IfStatement || parent.type === T.ConditionalExpression) {
      const branch = branchOf(parent.test);
      if (branch && child === parent[branch]) return true;
    }
    if (parent.type === T.LogicalExpression && parent.operator === '&&' && child === parent.right && branchOf(parent.left) === 'consequent') {
      return true;
    }
    if ((parent.type === T.BlockStatement || parent.type === T.Program) && child.range[0] >= earlyReturnEnd(parent, afterEarlyReturn, memo)) return true;
    child = parent;
    parent = parent.parent;
  }
  return false;
}

/**
 * Whether `node` runs only where error details may be sent: in the safe branch of an `if`,
 * a `?:` or an `&&` around it, or after an `if (production) return …` in the same block.
 */
export function guardedForErrors(node: Node, context: GuardContext): boolean {
  return insideBranch(node, (test) => safeBranch(test, context), (test) => devBranch(test, context) === 'alternate', memoOf(context));
}

const memos = new WeakMap<GuardContext, EarlyReturns>();

/** Both questions accept the same early returns (`if (production) return`), so they share one memo per file. */
function memoOf(context: GuardContext): EarlyReturns {
  let memo = memos.get(context);
  if (!memo) {
    memo = new WeakMap();
    memos.set(context, memo);
  }
  return memo;
}

/** Whether `node` runs only in development (for logging: no client-error guards). */
export function onlyInDevelopment(node: Node, context: GuardContext): boolean {
  return insideBranch(node, (test) => devBranch(test, context), (test) => devBranch(test, context) === 'alternate', memoOf(context));
}
