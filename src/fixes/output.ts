import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { unwrap, type Node } from '../syntax/ast.js';
import type { FileAnalysis } from '../dataflow/analysis-types.js';
import { llmOutputs } from '../dataflow/origin.js';
import { singleInit } from '../syntax/strings.js';
import type { OutputFinding } from '../checks/output.js';
import { textPath } from '../models/llm/output.js';
import { dryRun, keepsComments } from './fix-check.js';
import { preferredQuote } from './text.js';

/**
 * Rewrites for LLM output in responses: read only the text of a whole result
 * (`completion` -> `completion.choices[0].message.content`), and wrap text in the team's
 * sanitizer, adding its import.
 */

/** The payload expressions (or top-level property values) that carry output. */
function carriersOf(analysis: FileAnalysis, finding: OutputFinding, raw: boolean): Node[] {
  const found: Node[] = [];
  for (const carrier of finding.carriers) {
    const value = unwrap(carrier);
    const values =
      value.type === T.ObjectExpression
        ? value.properties.filter((p): p is TSESTree.Property => p.type === T.Property).map((p) => p.value)
        : [carrier];
    for (const candidate of values) {
      const outputs = llmOutputs(analysis.engine.taintOf(candidate));
      if (outputs.some((o) => (raw ? o.part === 'response' : o.part === 'text'))) found.push(candidate);
    }
  }
  return found;
}

/** Suggestion: `res.json(completion)` -> `res.json(completion.choices[0].message.content)`. */
export function sendTextFix(analysis: FileAnalysis, finding: OutputFinding): { fix: TSESLint.ReportFixFunction; path: string } | null {
  const path = textPath(finding.origin.sdk, finding.origin.api);
  if (!path) return null;
  // Only a name bound to the call's result itself can simply be followed by the text's path.
  const holdsResult = (node: Node) => {
    const value = unwrap(node);
    if (value.type !== T.Identifier) return false;
    const init = singleInit(value, analysis.index);
    const call = init && unwrap(init.type === T.AwaitExpression ? init.argument : init);
    return call === finding.origin.node;
  };
  const names = carriersOf(analysis, finding, true).filter(holdsResult);
  const shorthand = names.filter((node) => node.parent?.type === T.Property && node.parent.shorthand);
  const targets = names.filter((node) => !shorthand.includes(node));
  if (targets.length + shorthand.length !== 1) return null;
  const edits = dryRun((fixer) => [
    ...targets.map((node) => fixer.insertTextAfter(node, path)),
    ...shorthand.map((node) => fixer.insertTextAfter(node.parent!, `: ${analysis.sourceCode.getText(node)}${path}`)),
  ]);
  return keepsComments(analysis.sourceCode, edits) ? { fix: () => edits, path } : null;
}

export interface SanitizerOption {
  readonly name: string;
  readonly import: string;
}

/** Fix: wrap the text in the configured sanitizer, importing it when the file does not yet. */
export function wrapInSanitizerFix(analysis: FileAnalysis, finding: OutputFinding, sanitizer: SanitizerOption): TSESLint.ReportFixFunction | null {
  const { sourceCode } = analysis;
  const program = sourceCode.ast;
  const imports = program.body.filter((s): s is TSESTree.ImportDeclaration => s.type === T.ImportDeclaration);
  const alreadyImported = imports.some((i) => i.specifiers.some((s) => s.local.name === sanitizer.name));
  // Only ES modules get an import added; elsewhere the name must already be in scope.
  if (!alreadyImported && imports.length === 0 && !program.body.some((s) => s.type === T.ExportNamedDeclaration || s.type === T.ExportDefaultDeclaration)) {
    return null;
  }
  const targets = carriersOf(analysis, finding, false);
  if (targets.length === 0) return null;
  const quote = preferredQuote(sourceCode);
  const edits = dryRun((fixer) => {
    const fixes = targets.map((node) =>
      node.parent?.type === T.Property && node.parent.shorthand
        ? fixer.replaceText(node.parent, `${sourceCode.getText(node)}: ${sanitizer.name}(${sourceCode.getText(node)})`)
        : fixer.replaceText(node, `${sanitizer.name}(${sourceCode.getText(node)})`),
    );
    if (!alreadyImported) {
      const line = `import { ${sanitizer.name} } from ${quote}${sanitizer.import}${quote};\n`;
      const last = imports.at(-1);
      fixes.push(last ? fixer.insertTextAfter(last, `\n${line.trimEnd()}`) : fixer.insertTextBeforeRange([program.body[0].range[0], program.body[0].range[0]], line));
    }
    return fixes;
  });
  return keepsComments(sourceCode, edits) ? () => edits : null;
}
