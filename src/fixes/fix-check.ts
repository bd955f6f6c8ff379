import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/**
 * A dry run of a fix: the edits it would make, and whether every comment in the region it
 * rewrites is still there afterwards. Fixes that would drop a comment are not offered.
 */
type Range = readonly [number, number];

const rangeOf = (target: TSESTree.Node | TSESTree.Token): Range => target.range;

/** A RuleFixer that only records the edits. */
export const recordingFixer: TSESLint.RuleFixer = {
  insertTextAfter: (target, text) => ({ range: [rangeOf(target)[1], rangeOf(target)[1]], text }),
  insertTextAfterRange: (range, text) => ({ range: [range[1], range[1]], text }),
  insertTextBefore: (target, text) => ({ range: [rangeOf(target)[0], rangeOf(target)[0]], text }),
  insertTextBeforeRange: (range, text) => ({ range: [range[0], range[0]], text }),
  remove: (target) => ({ range: [...rangeOf(target)] as [number, number], text: '' }),
  removeRange: (range) => ({ range: [range[0], range[1]], text: '' }),
  replaceText: (target, text) => ({ range: [...rangeOf(target)] as [number, number], text }),
  replaceTextRange: (range, text) => ({ range: [range[0], range[1]], text }),
};

export function dryRun(build: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[]): TSESLint.RuleFix[] {
  return [...build(recordingFixer)].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
}

/** Whether applying the edits keeps every comment of the rewritten region. */
export function keepsComments(sourceCode: TSESLint.SourceCode, fixes: readonly TSESLint.RuleFix[]): boolean {
  if (fixes.length === 0) return true;
  const start = Math.min(...fixes.map((f) => f.range[0]));
  const end = Math.max(...fixes.map((f) => f.range[1]));
  let output = '';
  let position = start;
  for (const fix of fixes) {
    if (fix.range[0] < position) return false; // overlapping edits
    output += sourceCode.text.slice(position, fix.range[0]) + fix.text;
    position = fix.range[1];
  }
  output += sourceCode.text.slice(position, end);
  const comments = sourceCode.getAllComments().filter((c) => c.range[0] >= start && c.range[1] <= end);
  let remaining = output;
  for (const comment of comments) {
    const text = sourceCode.getText(comment as never);
    const at = remaining.indexOf(text);
    if (at < 0) return false;
    remaining = remaining.slice(0, at) + remaining.slice(at + text.length);
  }
  return true;
}
