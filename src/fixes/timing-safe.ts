import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { unwrap, type Node } from '../syntax/ast.js';
import { dryRun, keepsComments } from './fix-check.js';
import { preferredQuote } from './text.js';

/**
 * The suggestion for a key comparison: `crypto.timingSafeEqual` on equal-length buffers,
 * importing it from `node:crypto` in ES modules (or calling `require` in CommonJS). Each side
 * is read twice, so only names, members and literals qualify.
 */
function pure(node: Node): boolean {
  const value = unwrap(node);
  if (value.type === T.Identifier || value.type === T.Literal) return true;
  if (value.type === T.TemplateLiteral) return value.expressions.length === 0;
  if (value.type === T.MemberExpression) return (!value.computed || value.property.type === T.Literal) && pure(value.object);
  return false;
}

export function timingSafeFix(
  compare: TSESTree.BinaryExpression,
  sourceCode: TSESLint.SourceCode,
): TSESLint.ReportFixFunction | null {
  if (compare.left.type === T.PrivateIdentifier || !pure(compare.left) || !pure(compare.right)) return null;
  const program = sourceCode.ast;
  const imports = program.body.filter((s): s is TSESTree.ImportDeclaration => s.type === T.ImportDeclaration);
  const existing = imports
    .filter((i) => i.source.value === 'node:crypto' || i.source.value === 'crypto')
    .flatMap((i) => i.specifiers)
    .find((s) => s.type === T.ImportSpecifier && s.imported.type === T.Identifier && s.imported.name === 'timingSafeEqual');
  const esm = imports.length > 0 || program.body.some((s) => s.type === T.ExportNamedDeclaration || s.type === T.ExportDefaultDeclaration);
  const quote = preferredQuote(sourceCode);
  const fn = existing ? existing.local.name : esm ? 'timingSafeEqual' : `require(${quote}node:crypto${quote}).timingSafeEqual`;
  const a = `Buffer.from(String(${sourceCode.getText(compare.left)}))`;
  const b = `Buffer.from(String(${sourceCode.getText(compare.right)}))`;
  const equal = `(${a}.length === ${b}.length && ${fn}(${a}, ${b}))`;
  const replacement = compare.operator === '===' || compare.operator === '==' ? equal : `!${equal}`;
  const edits = dryRun((fixer) => {
    const fixes = [fixer.replaceText(compare, replacement)];
    if (esm && !existing) {
      const line = `import { timingSafeEqual } from ${quote}node:crypto${quote};`;
      const last = imports.at(-1);
      fixes.push(last ? fixer.insertTextAfter(last, `\n${line}`) : fixer.insertTextBeforeRange([program.range[0], program.range[0]], `${line}\n`));
    }
    return fixes;
  });
  return keepsComments(sourceCode, edits) ? () => edits : null;
}
