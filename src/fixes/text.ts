import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';

/** Small helpers for writing fixes that match the surrounding code's layout and quotes. */

/** The quote character the file uses for its first string literal (single by default). */
export function preferredQuote(sourceCode: TSESLint.SourceCode, near?: TSESTree.Node): string {
  if (near && near.type === T.Literal && typeof near.value === 'string') return near.raw.startsWith('"') ? '"' : "'";
  for (const token of sourceCode.ast.tokens ?? []) {
    if (token.type === 'String') return token.value.startsWith('"') ? '"' : "'";
  }
  return "'";
}

export function quoted(text: string, quote: string): string {
  return `${quote}${text}${quote}`;
}

/** The indentation of the line a node starts on. */
export function indentOf(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): string {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  return /^\s*/u.exec(line)?.[0] ?? '';
}

/** Whether a node is the first thing on its line (so siblings are laid out one per line). */
export function startsLine(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  const before = sourceCode.getTokenBefore(node, { includeComments: true });
  return !before || before.loc.end.line < node.loc.start.line;
}

/** Separator to put a new sibling after `node`: `,\n<indent>` in one-per-line layouts, `, ` otherwise. */
export function separatorAfter(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): string {
  return startsLine(node, sourceCode) ? `,\n${indentOf(node, sourceCode)}` : ', ';
}

/** Replaces a property's value, expanding shorthand (`{ prompt }` -> `{ prompt: … }`). */
export function replacePropertyValue(fixer: TSESLint.RuleFixer, property: TSESTree.Property, text: string): TSESLint.RuleFix {
  if (property.shorthand) return fixer.replaceText(property, `${(property.key as TSESTree.Identifier).name}: ${text}`);
  return fixer.replaceText(property.value, text);
}

/** Inserts a new first element into an inline array, respecting its layout. */
export function prependElement(
  fixer: TSESLint.RuleFixer,
  array: TSESTree.ArrayExpression,
  text: string,
  sourceCode: TSESLint.SourceCode,
): TSESLint.RuleFix | null {
  const first = array.elements[0];
  if (first === null) return null;
  if (!first) return fixer.replaceText(array, `[${text}]`);
  const separator = startsLine(first, sourceCode) ? `,\n${indentOf(first, sourceCode)}` : ', ';
  return fixer.insertTextBefore(first, `${text}${separator}`);
}
