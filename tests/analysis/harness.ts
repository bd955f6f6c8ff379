import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { getFileAnalysis } from '../../src/analysis/file-analysis.js';
import { requestData } from '../../src/analysis/origin.js';

/**
 * Runs the taint engine on a snippet and answers, for each `sink(expr)` call in it, which
 * request data reaches `expr`: `'req.body.message <- prompt'`-style strings (source, then
 * the steps it took), or an empty list when nothing does.
 */
export interface SinkResult {
  readonly line: number;
  readonly origins: string[];
}

export function sinks(code: string, options: { filename?: string; settings?: Record<string, unknown> } = {}): SinkResult[] {
  const results: SinkResult[] = [];
  const linter = new Linter({ configType: 'flat' });
  const probe = {
    meta: { type: 'problem' as const, schema: [] },
    create(context: never) {
      return {
        'CallExpression[callee.name="sink"]'(node: TSESTree.CallExpression) {
          const analysis = getFileAnalysis(context);
          const taint = analysis.engine.taintOf(node.arguments[0]);
          results.push({
            line: node.loc.start.line,
            origins: requestData(taint).map((o) => [o.text, ...o.steps].join(' -> ')),
          });
        },
      };
    },
  };
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{js,jsx,ts,tsx}'],
        languageOptions: { parser: tsParser, sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { probe: { rules: { sinks: probe as never } } },
        rules: { 'probe/sinks': 'error' },
        settings: options.settings ? { 'llm-security': options.settings } : {},
      },
    ],
    path.resolve(options.filename ?? 'server.ts'),
  );
  const fatal = messages.find((m) => m.fatal || m.ruleId === null);
  if (fatal) throw new Error(`parse or config error: ${fatal.message}`);
  return results;
}

/** The origins of the only sink in the snippet. */
export function sinkOrigins(code: string, options?: Parameters<typeof sinks>[1]): string[] {
  const found = sinks(code, options);
  if (found.length !== 1) throw new Error(`expected one sink, found ${found.length}`);
  return found[0].origins;
}

/** The LLM calls the engine finds in a snippet: `'openai chat.completions.create: system,user'`. */
export function llmCalls(code: string, options: { filename?: string; settings?: Record<string, unknown> } = {}): string[] {
  let found: string[] = [];
  const linter = new Linter({ configType: 'flat' });
  const probe = {
    meta: { type: 'problem' as const, schema: [] },
    create(context: never) {
      return {
        Program() {
          found = getFileAnalysis(context).llmCalls.map(
            (call) => `${call.sdk} ${call.api}: ${call.slots.map((slot) => slot.role).join(',')}`,
          );
        },
      };
    },
  };
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{js,jsx,ts,tsx}'],
        languageOptions: { parser: tsParser, sourceType: 'module' },
        plugins: { probe: { rules: { calls: probe as never } } },
        rules: { 'probe/calls': 'error' },
        settings: options.settings ? { 'llm-security': options.settings } : {},
      },
    ],
    path.resolve(options.filename ?? 'server.ts'),
  );
  const fatal = messages.find((m) => m.fatal || m.ruleId === null);
  if (fatal) throw new Error(`parse or config error: ${fatal.message}`);
  return found;
}
