import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { resolveObject } from '../models/llm/extract.js';
import { findProperty, type Node } from '../syntax/ast.js';
import type { FileIndex } from '../syntax/file-index.js';

/**
 * The argument that feeds a parameter: the property the helper reads when the argument is an
 * object literal, and the members it reads beyond what can be seen here (`logUser(req.body)`
 * where the helper logs `user.id`: `req.body` with ['id']).
 */
export function argumentFor(analysis: { readonly index: FileIndex }, call: TSESTree.CallExpression, effect: { readonly index: number; readonly access: readonly (string | null)[] }): { value: Node; access: readonly (string | null)[] } | null {
  if (call.arguments.slice(0, effect.index + 1).some((a) => a.type === T.SpreadElement)) return null;
  let value: Node | undefined = call.arguments[effect.index];
  if (!value) return null;
  let at = 0;
  for (; at < effect.access.length; at++) {
    const key = effect.access[at];
    if (key === null) break;
    const object = resolveObject(value, analysis.index);
    const property = object && findProperty(object, key);
    if (!property) break;
    value = property.value;
  }
  return { value, access: effect.access.slice(at) };
}
