import type { Rule } from 'eslint';
import type { TSESLint } from '@typescript-eslint/utils';
import { fileSurface, isEmptySurface } from '../checks/inventory.js';
import { getFileAnalysis } from '../dataflow/file-analysis.js';

/**
 * The audit's inventory, gathered while `scan` lints: one report per module that has an AI
 * surface, whose message is the module's facts as JSON (see checks/inventory.ts). Reports are the
 * one channel ESLint carries back from worker threads as well as from its own thread, so the
 * inventory is the same with `--concurrency`. It belongs to the scan config only, never to the
 * plugin's configs: `scan` takes these reports out of the findings.
 */
export const INVENTORY_RULE = 'llm-security-inventory/surface';

const rule: Rule.RuleModule = {
  meta: {
    type: 'suggestion',
    docs: { description: "Record the module's AI surface for scan's inventory" },
    messages: { surface: '{{facts}}' },
    schema: [],
  },
  create(context) {
    return {
      'Program:exit'(node) {
        const surface = fileSurface(getFileAnalysis(context as unknown as TSESLint.RuleContext<string, readonly unknown[]>));
        if (!isEmptySurface(surface)) context.report({ node, messageId: 'surface', data: { facts: JSON.stringify(surface) } });
      },
    };
  },
};

export const inventoryPlugin = { meta: { name: 'llm-security-inventory' }, rules: { surface: rule } };
