import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { isFunction, unwrap, type FunctionNode } from '../../analysis/ast.js';
import type { FileIndex } from '../../analysis/file-index.js';

/**
 * The function a handler argument stands for: an inline function, a function of the same
 * file named by an identifier, or the function inside a one-level wrapper call such as
 * `asyncHandler(async (req, res) => …)`.
 */
export function resolveHandler(node: TSESTree.Node | undefined, index: FileIndex, depth = 0): FunctionNode | null {
  if (!node || depth > 2) return null;
  const value = unwrap(node);
  if (isFunction(value)) return value;
  if (value.type === T.Identifier) return index.functionOf(value);
  if (value.type === T.CallExpression) {
    for (const argument of value.arguments) {
      const inner = resolveHandler(argument, index, depth + 1);
      if (inner) return inner;
    }
  }
  return null;
}
