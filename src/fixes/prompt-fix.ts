import type { TSESLint } from '@typescript-eslint/utils';
import type { FileAnalysis } from '../analysis/file-analysis.js';
import { isTainted } from '../analysis/origin.js';
import type { PromptFinding } from '../analysis/prompt-findings.js';
import { isSuggestionOnly, roleSeparationFix } from './role-separation.js';
import { splitPrompt } from './split-prompt.js';

/** The role-separation rewrite for a prompt finding, or null when its shape has none. */
export function promptFix(
  analysis: FileAnalysis,
  finding: PromptFinding,
): { fix: TSESLint.ReportFixFunction; suggestionOnly: boolean } | null {
  const { slot } = finding;
  if (!slot.fix) return null;
  const split = splitPrompt(slot.value, (node) => isTainted(analysis.engine.taintOf(node)), analysis.sourceCode);
  if (!split) return null;
  const build = roleSeparationFix({ slot, split, sourceCode: analysis.sourceCode });
  return build ? { fix: build, suggestionOnly: isSuggestionOnly(slot.fix) || !split.clean } : null;
}
