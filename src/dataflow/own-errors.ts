import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { keyName, unwrap, type Node } from '../syntax/ast.js';
import type { FileAnalysis } from './analysis-types.js';
import type { ErrorOrigin, ParamOrigin, Taint } from './origin.js';
import { literalComparison } from './value-guards.js';

/**
 * Errors the project made itself: `class LimitError extends Error { code = 'DAILY_LIMIT_REACHED' }`
 * thrown, caught, and sent under `if (error.code === 'DAILY_LIMIT_REACHED')`. The check says the
 * error is the project's own, whose message was written for the user; a code the project never
 * sets (`'ECONNREFUSED'`, a provider's `'insufficient_quota'`) says nothing of the message.
 */

/**
 * Whether a test, where it holds (`holds`) or fails, proves `x.code === 'LIT'` for which `own`
 * accepts. Under `a && b` holding either side proves it; under `a || b` holding both must.
 */
function provesCode(test: Node, holds: boolean, own: (object: Node, code: string) => boolean): boolean {
  const value = unwrap(test);
  if (value.type === T.UnaryExpression && value.operator === '!') return provesCode(value.argument, !holds, own);
  if (value.type === T.LogicalExpression && (value.operator === '&&' || value.operator === '||')) {
    const left = provesCode(value.left, holds, own);
    const right = () => provesCode(value.right, holds, own);
    return value.operator === (holds ? '&&' : '||') ? left || right() : left && right();
  }
  const comparison = literalComparison(value);
  const compared = comparison && unwrap(comparison.compared);
  if (!comparison || comparison.equal !== holds || compared?.type !== T.MemberExpression || keyName(compared) !== 'code' || value.type !== T.BinaryExpression) return false;
  const literal = value.left.type === T.Literal ? value.left : value.right;
  return literal.type === T.Literal && typeof literal.value === 'string' && own(compared.object, literal.value);
}

/** The parameters (function and position) a value holds as a whole or in part, by their origins. */
function paramsOf(taint: Taint): ParamOrigin[] {
  return taint.filter((o): o is ParamOrigin => o.kind === 'param');
}

/**
 * Whether, at `at`, a check says the origin's error carries a code the project's own error
 * classes set. The checked object holds this very error: its own origin, or, for an error that
 * came in through a parameter, that parameter, when it is the only one the sent values
 * (`carriers`) come from.
 */
export function ownErrorChecked(origin: ErrorOrigin, at: Node, carriers: readonly Node[], analysis: FileAnalysis): boolean {
  const codes = analysis.projectErrorCodes();
  if (codes.size === 0) return false;
  const { engine } = analysis;
  let sent: ParamOrigin[] | undefined;
  const own = (object: Node, code: string) => {
    if (!codes.has(code)) return false;
    const checked = engine.taintOf(object);
    if (checked.some((o) => o.kind === 'error' && o.node === origin.node)) return true;
    const params = paramsOf(checked);
    sent ??= carriers.flatMap((carrier) => paramsOf(engine.taintOf(carrier)));
    return params.length === 1 && sent.length > 0 && sent.every((p) => p.fn === params[0].fn && p.index === params[0].index);
  };
  return engine.valueGuards.someCheckAround(at, (test, holds) => provesCode(test, holds, own));
}
