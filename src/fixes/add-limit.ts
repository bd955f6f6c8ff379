import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { findProperty, unwrap } from '../syntax/ast.js';
import { DEFAULT_LIMIT } from '../models/llm/limits.js';
import { dryRun, keepsComments } from './fix-check.js';
import { separatorAfter } from './text.js';

/**
 * Adds an output limit to an inline options object: `max_completion_tokens: 1024`, or a
 * nested one (`config: { maxOutputTokens: 1024 }`, `options: { num_predict: 1024 }`),
 * creating or extending the enclosing object as needed.
 */
function addProperty(fixer: TSESLint.RuleFixer, object: TSESTree.ObjectExpression, text: string, sourceCode: TSESLint.SourceCode) {
  const last = object.properties.at(-1);
  if (!last) return fixer.replaceText(object, `{ ${text} }`);
  return fixer.insertTextAfter(last, `${separatorAfter(last, sourceCode)}${text}`);
}

export function addLimitFix(
  options: TSESTree.ObjectExpression,
  path: readonly string[],
  sourceCode: TSESLint.SourceCode,
): TSESLint.ReportFixFunction | null {
  let object = options;
  for (let i = 0; i < path.length - 1; i++) {
    const existing = findProperty(object, path[i]);
    if (!existing) {
      const nested = path.slice(i + 1).reduceRight((inner, key) => `{ ${key}: ${inner} }`, String(DEFAULT_LIMIT));
      const edits = dryRun((fixer) => [addProperty(fixer, object, `${path[i]}: ${nested}`, sourceCode)]);
      return keepsComments(sourceCode, edits) ? () => edits : null;
    }
    const value = unwrap(existing.value);
    if (value.type !== T.ObjectExpression) return null;
    object = value;
  }
  const edits = dryRun((fixer) => [addProperty(fixer, object, `${path.at(-1)}: ${DEFAULT_LIMIT}`, sourceCode)]);
  return keepsComments(sourceCode, edits) ? () => edits : null;
}
