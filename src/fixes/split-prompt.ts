import { isParenthesized } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { isStringLike, unwrap, type Node } from '../syntax/ast.js';
import type { FileIndex } from '../syntax/file-index.js';
import { plusOperands } from '../dataflow/prompt-shape.js';
import { isCertainlyString } from '../syntax/strings.js';

/**
 * Splits prompt text written in place (a template literal or a `+` chain) at its first
 * piece of request data: what comes before is the constant instruction text, the rest is
 * the data with the text around it. Returns source text for both halves, or null when the
 * prompt has no constant part before the data, is not written in place, or cannot be cut
 * without changing its value (numeric `+`, parentheses, comments between the halves).
 */
export interface PromptSplit {
  readonly constant: string;
  readonly data: string;
  /**
   * Whether all the instructions sit before the data. When words or constants follow it
   * (`Be polite to ${name}, always.`, `${x} ${RULES}`), moving them along with the data
   * changes what the model is told, so the rewrite is offered as a suggestion rather than applied.
   */
  readonly clean: boolean;
}

export interface SplitContext {
  readonly sourceCode: TSESLint.SourceCode;
  readonly index: FileIndex;
  readonly isData: (node: Node) => boolean;
}

const WORD = /\p{L}{2,}/u;
const WHITESPACE = /\s/u;

/** Backslashes immediately before position `end` in `raw`. */
function backslashesBefore(raw: string, end: number): number {
  let count = 0;
  while (end - count - 1 >= 0 && raw[end - count - 1] === '\\') count++;
  return count;
}

/**
 * Removes trailing whitespace and `\n`/`\r`/`\t` escapes from raw template text, in linear
 * time. A line continuation (a backslash before a newline) that loses its newline loses its
 * backslash too, so the text never ends in a lone backslash before the closing backtick.
 */
export function trimRawEnd(raw: string): string {
  let end = raw.length;
  for (;;) {
    while (end > 0 && WHITESPACE.test(raw[end - 1])) end--;
    const last = raw[end - 1];
    if (end >= 2 && (last === 'n' || last === 'r' || last === 't') && backslashesBefore(raw, end - 1) % 2 === 1) {
      end -= 2;
      continue;
    }
    if (end >= 1 && last === '\\' && backslashesBefore(raw, end) % 2 === 1) {
      end -= 1;
      continue;
    }
    return raw.slice(0, end);
  }
}

/**
 * Source text for an expression that was interpolated into a string: kept bare when it is
 * certainly a string, else wrapped in `String(…)` so the rewrite sends the same text (a
 * client could send an array or an object where a string was expected).
 */
function asString(node: Node, context: SplitContext): string {
  const text = context.sourceCode.getText(node);
  return isCertainlyString(node, context.index) ? text : `String(${text})`;
}

function splitTemplate(template: TSESTree.TemplateLiteral, context: SplitContext): PromptSplit | null {
  const { sourceCode, isData } = context;
  const { quasis, expressions } = template;
  const k = expressions.findIndex((expression) => isData(expression));
  if (k < 0) return null;
  // Raw text of the constant half: from after the opening backtick to the `${` of the data.
  const splitAt = quasis[k].range[1] - 2;
  const constantRaw = trimRawEnd(sourceCode.text.slice(template.range[0] + 1, splitAt));
  if (constantRaw === '') return null;
  const dataRaw = trimRawEnd(sourceCode.text.slice(splitAt, template.range[1] - 1));
  const blank = (raw: string) => trimRawEnd(raw) === '';
  // A bare expression would leave out comments written inside `${ … }`: keep templates then.
  const bare = sourceCode.getCommentsInside(template).length === 0;

  // `${INSTRUCTIONS} …` keeps the bare expression rather than a template around it.
  const constant =
    bare && k === 1 && quasis[0].value.raw === '' && blank(quasis[1].value.raw)
      ? asString(expressions[0], context)
      : `\`${constantRaw}\``;
  const data =
    bare && k === expressions.length - 1 && blank(quasis[k + 1].value.raw) ? asString(expressions[k], context) : `\`${dataRaw}\``;
  const clean =
    quasis.slice(k + 1).every((quasi) => !WORD.test(quasi.value.cooked ?? quasi.value.raw)) &&
    expressions.slice(k + 1).every((expression) => isData(expression));
  return { constant, data, clean };
}

function splitConcatenation(root: TSESTree.BinaryExpression, context: SplitContext): PromptSplit | null {
  const { sourceCode, isData } = context;
  // Comments between the operands would be lost between the two halves.
  if (sourceCode.getCommentsInside(root).length > 0) return null;
  const operands = plusOperands(root);
  if (operands.some((operand) => isParenthesized(operand as never, sourceCode as never))) return null;
  // Left to right, `+` is string concatenation only once a string is met: start with one.
  if (!isCertainlyString(operands[0], context.index)) return null;
  const k = operands.findIndex((operand) => isData(operand));
  if (k < 1) return null;
  const text = sourceCode.text;
  const tail = operands.slice(k + 1);
  const rest = tail.length > 0 ? ` + ${text.slice(tail[0].range[0], operands[operands.length - 1].range[1])}` : '';
  const wordless = (operand: Node) => isStringLike(operand) && !WORD.test(sourceCode.getText(operand));
  return {
    constant: text.slice(operands[0].range[0], operands[k - 1].range[1]),
    data: `${asString(operands[k], context)}${rest}`,
    clean: tail.every((operand) => isData(operand) || wordless(operand)),
  };
}

export function splitPrompt(value: Node, context: SplitContext): PromptSplit | null {
  const node = unwrap(value);
  if (node !== value) return null;
  if (node.type === T.TemplateLiteral) return splitTemplate(node, context);
  if (node.type === T.BinaryExpression && node.operator === '+') return splitConcatenation(node, context);
  return null;
}
