import { findVariable, getStaticValue, isParenthesized } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { isStringLike, unwrap, type Node } from '../analysis/ast.js';

/**
 * Splits prompt text written in place (a template literal or a `+` chain) at its first
 * piece of request data: what comes before is the constant instruction text, the rest is
 * the data with the text around it. Returns source text for both halves, or null when the
 * prompt has no constant part before the data or is not written in place.
 */
export interface PromptSplit {
  readonly constant: string;
  readonly data: string;
  /**
   * Whether all the instruction words sit before the data. When words follow it
   * (`Be polite to ${name}, always.`), moving them along with the data changes what the
   * model is told, so the rewrite is offered as a suggestion rather than applied.
   */
  readonly clean: boolean;
}

const WORD = /\p{L}{2,}/u;

/** Methods whose result is always a string. */
const STRING_METHODS = new Set([
  'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase',
  'substring', 'substr', 'padStart', 'padEnd', 'replace', 'replaceAll', 'normalize', 'repeat', 'join',
  'toString', 'toFixed', 'charAt', 'toISOString', 'toDateString',
]);

/** Whether an expression certainly evaluates to a string, judged from syntax and constants. */
function isString(node: Node, sourceCode: TSESLint.SourceCode): boolean {
  const value = unwrap(node);
  if (isStringLike(value) && value.type !== T.TaggedTemplateExpression) return true;
  // `await request.text()`
  if (value.type === T.AwaitExpression && value.argument.type === T.CallExpression) {
    const callee = unwrap(value.argument.callee);
    if (callee.type === T.MemberExpression && !callee.computed && callee.property.type === T.Identifier && callee.property.name === 'text') return true;
  }
  // A name declared `: string` (a parameter or a variable).
  if (value.type === T.Identifier) {
    const variable = findVariable(sourceCode.getScope(value) as never, value.name as never) as { defs: { name: TSESTree.Node }[] } | null;
    const declared = variable?.defs[0]?.name;
    if (declared?.type === T.Identifier && declared.typeAnnotation?.typeAnnotation.type === T.TSStringKeyword) return true;
  }
  if (value.type === T.CallExpression) {
    const callee = unwrap(value.callee);
    if (callee.type === T.Identifier && callee.name === 'String') return true;
    if (callee.type === T.MemberExpression && !callee.computed && callee.property.type === T.Identifier) {
      if (STRING_METHODS.has(callee.property.name)) return true;
      if (callee.object.type === T.Identifier && callee.object.name === 'JSON' && callee.property.name === 'stringify') return true;
    }
  }
  try {
    return typeof getStaticValue(value as never, sourceCode.getScope(value) as never)?.value === 'string';
  } catch {
    return false;
  }
}

/**
 * Source text for an expression that was interpolated into a string: kept bare when it is
 * certainly a string, else wrapped in `String(…)` so the rewrite sends the same text (a
 * client could send an array or object where a string was expected).
 */
function asString(node: Node, sourceCode: TSESLint.SourceCode): string {
  const text = sourceCode.getText(node);
  return isString(node, sourceCode) ? text : `String(${text})`;
}

/** Removes trailing whitespace and trailing `\n`/`\t`/`\r` escapes from raw template text. */
function trimRawEnd(raw: string): string {
  let text = raw;
  for (;;) {
    const trimmed = text.replace(/\s+$/u, '');
    const escape = /(\\+)[nrt]$/u.exec(trimmed);
    if (escape && escape[1].length % 2 === 1) {
      text = trimmed.slice(0, -2);
      continue;
    }
    return trimmed;
  }
}

function trimRawStart(raw: string): string {
  let text = raw;
  for (;;) {
    const trimmed = text.replace(/^\s+/u, '');
    if (/^\\[nrt]/u.test(trimmed)) {
      text = trimmed.slice(2);
      continue;
    }
    return trimmed;
  }
}

function splitTemplate(template: TSESTree.TemplateLiteral, isData: (node: Node) => boolean, sourceCode: TSESLint.SourceCode): PromptSplit | null {
  const { quasis, expressions } = template;
  const k = expressions.findIndex((expression) => isData(expression));
  if (k < 0) return null;
  // Raw text of the constant half: from after the opening backtick to the `${` of the data.
  const splitAt = quasis[k].range[1] - 2;
  const constantRaw = trimRawEnd(sourceCode.text.slice(template.range[0] + 1, splitAt));
  if (constantRaw === '') return null;
  const dataRaw = trimRawStart(sourceCode.text.slice(splitAt, template.range[1] - 1));
  const blank = (raw: string) => trimRawStart(trimRawEnd(raw)) === '';
  // A bare expression would leave out comments written inside `${ … }`: keep templates then.
  const bare = sourceCode.getCommentsInside(template).length === 0;

  // `${INSTRUCTIONS} …` keeps the bare expression rather than a template around it.
  const constant =
    bare && k === 1 && quasis[0].value.raw === '' && blank(quasis[1].value.raw)
      ? asString(expressions[0], sourceCode)
      : `\`${constantRaw}\``;
  const data =
    bare && k === expressions.length - 1 && blank(quasis[k + 1].value.raw)
      ? asString(expressions[k], sourceCode)
      : `\`${trimRawEnd(dataRaw)}\``;
  const clean = quasis.slice(k + 1).every((quasi) => !WORD.test(quasi.value.cooked ?? quasi.value.raw));
  return { constant, data, clean };
}

/** Operands of a `+` chain; null when any part is parenthesized (slicing would break the parentheses). */
function flattenPlus(root: TSESTree.BinaryExpression, sourceCode: TSESLint.SourceCode): Node[] | null {
  const operands: Node[] = [];
  const stack: Node[] = [root.right, root.left];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isParenthesized(node as never, sourceCode as never)) return null;
    if (node.type === T.BinaryExpression && node.operator === '+') stack.push(node.right, node.left);
    else operands.push(node);
  }
  return operands;
}

function splitConcatenation(root: TSESTree.BinaryExpression, isData: (node: Node) => boolean, sourceCode: TSESLint.SourceCode): PromptSplit | null {
  const operands = flattenPlus(root, sourceCode);
  if (!operands) return null;
  if (!operands.some((operand) => isStringLike(operand))) return null;
  const k = operands.findIndex((operand) => isData(operand));
  if (k < 1) return null;
  const text = sourceCode.text;
  const tail = operands.slice(k + 1);
  // The data half must stay string concatenation: its first operand decides that.
  const rest = tail.length > 0 ? ` + ${text.slice(tail[0].range[0], operands[operands.length - 1].range[1])}` : '';
  const constantHalf = text.slice(operands[0].range[0], operands[k - 1].range[1]);
  return {
    constant: k === 1 ? asString(operands[0], sourceCode) : isStringLike(operands[0]) ? constantHalf : `String(${operands[0] && sourceCode.getText(operands[0])})${constantHalf.slice(sourceCode.getText(operands[0]).length)}`,
    data: `${asString(operands[k], sourceCode)}${rest}`,
    clean: tail.every((operand) => !isStringLike(operand) || !WORD.test(sourceCode.getText(operand))),
  };
}

export function splitPrompt(value: Node, isData: (node: Node) => boolean, sourceCode: TSESLint.SourceCode): PromptSplit | null {
  const node = unwrap(value);
  if (node !== value) return null;
  if (node.type === T.TemplateLiteral) return splitTemplate(node, isData, sourceCode);
  if (node.type === T.BinaryExpression && node.operator === '+') return splitConcatenation(node, isData, sourceCode);
  return null;
}
