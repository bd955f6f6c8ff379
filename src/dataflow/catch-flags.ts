import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { isFunction, type Node } from '../syntax/ast.js';
import type { FileAnalysis } from './analysis-types.js';
import type { ErrorOrigin } from './origin.js';

/**
 * Flags that tell whether a catch clause ran: `let healthy = true; … catch (error) { healthy =
 * false; results[name] = { message: error.message }; }`. The flag starts with one value and is only
 * ever written with the other, each time first in a catch body, so where a check says it
 * still has its first value (`if (healthy)`, the `else` of `if (!healthy)`), none of those catch
 * clauses has run and nothing they wrote is there.
 */

function booleanLiteral(node: Node | null | undefined): boolean | null {
  return node?.type === T.Literal && typeof node.value === 'boolean' ? node.value : null;
}

const LOOPS = new Set<string>([T.ForStatement, T.ForInStatement, T.ForOfStatement, T.WhileStatement, T.DoWhileStatement]);

/** The innermost loop around `node` within its function, or null. */
function loopAround(node: Node): Node | null {
  for (let current = node.parent; current && !isFunction(current); current = current.parent) if (LOOPS.has(current.type)) return current;
  return null;
}

/** The value a flag starts with, when every later write gives it the other one (`let ok = true; … ok = false`). */
function oneWayStart(variable: TSESLint.Scope.Variable): boolean | null {
  const def = variable.defs.length === 1 ? variable.defs[0] : null;
  // A flag declared in a loop starts again on each pass, while what the catch wrote may stay.
  if (def?.node.type !== T.VariableDeclarator || def.node.id.type !== T.Identifier || loopAround(def.node)) return null;
  const start = booleanLiteral(def.node.init);
  if (start === null) return null;
  for (const reference of variable.references) {
    if (!reference.isWrite() || reference.init) continue;
    const write = reference.identifier.parent;
    if (write?.type !== T.AssignmentExpression || write.operator !== '=' || booleanLiteral(write.right) !== !start) return null;
  }
  return start;
}

/** The catch clause that caught the error of an origin made in this file, within its own function. */
function catchOf(origin: ErrorOrigin): TSESTree.CatchClause | null {
  if (origin.place !== undefined) return null;
  let current: Node | undefined = origin.node;
  while (current && !isFunction(current)) {
    if (current.type === T.CatchClause) return current;
    current = current.parent;
  }
  return null;
}

/** Whether, at `at`, a one-way flag that the origin's catch clause sets says that clause has not run. */
export function catchRuledOut(origin: ErrorOrigin, at: Node, analysis: FileAnalysis): boolean {
  const clause = catchOf(origin);
  if (!clause || (at.range[0] >= clause.range[0] && at.range[1] <= clause.range[1])) return false;
  // A loop around both: the send of one pass may come after the catch of an earlier one, wherever the check is.
  for (let loop = loopAround(clause); loop; loop = loopAround(loop)) {
    if (at.range[0] >= loop.range[0] && at.range[1] <= loop.range[1]) return false;
  }
  // The flag is written first, so that the catch cannot leave before it after writing the error.
  const statement = clause.body.body[0];
  const write = statement?.type === T.ExpressionStatement ? statement.expression : null;
  if (write?.type !== T.AssignmentExpression || write.left.type !== T.Identifier) return false;
  const variable = analysis.index.variableOf(write.left);
  const start = variable ? oneWayStart(variable) : null;
  return variable !== null && start !== null && analysis.engine.valueGuards.variableKnown(at, variable) === start;
}
