import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { unwrap, type Node } from '../syntax/ast.js';
import { dryRun, keepsComments } from './fix-check.js';

/**
 * Removes the properties of an object payload that satisfy `carries` (with the comma that
 * separates each from its neighbour). Null when the payload is not an object literal, when
 * nothing or everything would go, or when a comment would be lost.
 */
export function dropFields(
  sourceCode: TSESLint.SourceCode,
  payload: Node,
  carries: (value: Node) => boolean,
): TSESLint.ReportFixFunction | null {
  const object = unwrap(payload);
  if (object.type !== T.ObjectExpression) return null;
  const doomed = object.properties.filter((p) => carries(p.type === T.SpreadElement ? p.argument : p.value));
  if (doomed.length === 0 || doomed.length === object.properties.length) return null;
  const edits = dryRun((fixer) => doomed.map((p) => removeProperty(fixer, p, sourceCode)));
  return keepsComments(sourceCode, edits) ? () => edits : null;
}

function removeProperty(
  fixer: TSESLint.RuleFixer,
  property: TSESTree.ObjectLiteralElement,
  sourceCode: TSESLint.SourceCode,
): TSESLint.RuleFix {
  const after = sourceCode.getTokenAfter(property);
  if (after?.value === ',') {
    const next = sourceCode.getTokenAfter(after, { includeComments: true });
    return fixer.removeRange([property.range[0], next ? next.range[0] : after.range[1]]);
  }
  const before = sourceCode.getTokenBefore(property);
  if (before?.value === ',') return fixer.removeRange([before.range[0], property.range[1]]);
  return fixer.remove(property);
}
