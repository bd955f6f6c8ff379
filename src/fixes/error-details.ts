import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileAnalysis } from '../dataflow/analysis-types.js';
import type { ErrorFinding } from '../checks/errors.js';
import { unwrap, type Node } from '../syntax/ast.js';
import { httpErrorMessage } from '../models/sinks/http-errors.js';
import { errorDetails, isTainted } from '../dataflow/origin.js';
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

/**
 * Suggestion: a generic message instead of the details. In an object payload only the
 * fields that carry details change (`{ ok: false, error: err.message, requestId }` keeps
 * `ok` and `requestId`); any other payload is replaced whole.
 */
export function genericMessageFix(analysis: FileAnalysis, finding: ErrorFinding): TSESLint.ReportFixFunction | null {
  if (finding.carriers.length !== 1) return null;
  const carrier = messageOf(analysis, finding.carriers[0]);
  const { sourceCode } = analysis;
  const message = quoted(GENERIC_MESSAGE, preferredQuote(sourceCode));
  const carries = (node: TSESTree.Node) => errorDetails(analysis.engine.taintOf(node)).length > 0;
  const object = unwrap(carrier);
  const edits = dryRun((fixer) => {
    if (object.type !== T.ObjectExpression) return [fixer.replaceText(carrier, message)];
    return object.properties.flatMap((property) => {
      if (property.type === T.SpreadElement) return carries(property.argument) ? [fixer.replaceText(property, `error: ${message}`)] : [];
      if (!carries(property.value)) return [];
      return property.shorthand ? [fixer.replaceText(property, `${sourceCode.getText(property.key)}: ${message}`)] : [fixer.replaceText(property.value, message)];
    });
  });
  return edits.length > 0 && keepsComments(sourceCode, edits) ? () => edits : null;
}

/** `reply.send(app.httpErrors.notFound(err.message))`: the message, so that the error and its status stay. */
function messageOf(analysis: FileAnalysis, carrier: Node): Node {
  const value = unwrap(carrier);
  const at = value.type === T.CallExpression ? httpErrorMessage(value, analysis.index) : null;
  const message = at === null ? undefined : (value as TSESTree.CallExpression).arguments[at];
  return message && message.type !== T.SpreadElement ? message : carrier;
}
