import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileAnalysis } from '../analysis/file-analysis.js';
import type { ErrorFinding } from '../analysis/error-findings.js';
import { unwrap } from '../analysis/ast.js';
import { errorDetails, isTainted } from '../analysis/origin.js';
import { dropFields } from './drop-field.js';
import { dryRun, keepsComments } from './fix-check.js';
import { preferredQuote, quoted } from './text.js';

/**
 * Fixes for error details in responses. Stacks in an object literal's properties are
 * removed (autofix: nothing the client needs is a stack). Anything else is replaced by a
 * generic message, offered as a suggestion, since clients may read the field.
 */
export const GENERIC_MESSAGE = 'Internal Server Error';

/** Autofix: drop the properties of an object payload that carry only a stack. */
export function removeStacksFix(analysis: FileAnalysis, finding: ErrorFinding): TSESLint.ReportFixFunction | null {
  if (finding.carriers.length !== 1) return null;
  const payload = unwrap(finding.carriers[0]);
  if (payload.type !== T.ObjectExpression) return null;
  let onlyStacks = true;
  const fix = dropFields(analysis.sourceCode, payload, (value) => {
    const taint = analysis.engine.taintOf(value);
    const details = errorDetails(taint);
    if (details.length === 0) return false;
    // Only a property that is purely a stack may go; anything else needs a person's decision.
    if (value.parent?.type === T.SpreadElement || details.some((d) => d.part !== 'stack') || isTainted(taint)) onlyStacks = false;
    return true;
  });
  return onlyStacks ? fix : null;
}

/** Suggestion: send a generic message instead of the payload that carries error details. */
export function genericMessageFix(analysis: FileAnalysis, finding: ErrorFinding): TSESLint.ReportFixFunction | null {
  if (finding.carriers.length !== 1) return null;
  const carrier = finding.carriers[0];
  const quote = preferredQuote(analysis.sourceCode);
  const message = quoted(GENERIC_MESSAGE, quote);
  const replacement = unwrap(carrier).type === T.ObjectExpression ? `{ error: ${message} }` : message;
  const edits = dryRun((fixer) => [fixer.replaceText(carrier, replacement)]);
  return keepsComments(analysis.sourceCode, edits) ? () => edits : null;
}
