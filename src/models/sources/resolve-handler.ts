import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { isFunction, keyName, unwrap, type FunctionNode } from '../../syntax/ast.js';
import type { SourceContext } from './types.js';

/**
 * The function a handler argument stands for: an inline function, a function of the same
 * file named by an identifier, the function inside a one-level wrapper call such as
 * `asyncHandler(async (req, res) => …)`, `controller.create.bind(controller)`, and, through
 * the context, a function of another module (`askHandler` imported, `chatController.create`
 * of an imported object or instance). A function of another module is found in that module's
 * own tree: the caller tells it from this file's functions.
 */
export function resolveHandler(node: TSESTree.Node | undefined, context: Pick<SourceContext, 'index' | 'resolveFunction'>, depth = 0): FunctionNode | null {
  if (!node || depth > 2) return null;
  const value = unwrap(node);
  if (isFunction(value)) return value;
  if (value.type === T.Identifier) return context.index.functionOf(value) ?? context.resolveFunction?.(value) ?? null;
  if (value.type === T.MemberExpression) return context.resolveFunction?.(value) ?? null;
  if (value.type === T.CallExpression) {
    const callee = unwrap(value.callee);
    // `handler.bind(thisArg)`: the function bound.
    if (callee.type === T.MemberExpression && !callee.computed && keyName(callee) === 'bind') return resolveHandler(callee.object, context, depth + 1);
    for (const argument of value.arguments) {
      const inner = resolveHandler(argument, context, depth + 1);
      if (inner) return inner;
    }
  }
  return null;
}
