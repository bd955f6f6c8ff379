import type { TSESLint } from '@typescript-eslint/utils';
import type { FileAnalysis } from '../dataflow/analysis-types.js';
import { isTainted } from '../dataflow/origin.js';
import type { PromptFinding } from '../checks/prompt.js';
import { dryRun, keepsComments } from './fix-check.js';
import { isSuggestionOnly, roleSeparationFix } from './role-separation.js';
import { splitPrompt } from './split-prompt.js';

/** The role-separation rewrite for a prompt finding, or null when its shape has none. */
export function promptFix(
  analysis: FileAnalysis,
  finding: PromptFinding,
): { fix: TSESLint.ReportFixFunction; suggestionOnly: boolean } | null {
  const { slot } = finding;
  if (!slot.fix) return null;
  const { sourceCode, index } = analysis;
  const split = splitPrompt(slot.value, { sourceCode, index, isData: (node) => isTainted(analysis.engine.taintOf(node)) });
  if (!split) return null;
  const build = roleSeparationFix({ slot, split, sourceCode, index });
  if (!build) return null;
  const edits = dryRun(build);
  if (edits.length === 0 || !keepsComments(sourceCode, edits)) return null;
  return { fix: () => edits, suggestionOnly: isSuggestionOnly(slot.fix) || !split.clean };
}
