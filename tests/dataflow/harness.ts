import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { getFileAnalysis } from '../../src/dataflow/file-analysis.js';
import { requestData } from '../../src/dataflow/origin.js';

/**
 * Runs the engine on a snippet through a probe rule, the way real rules reach it, and lets
 * tests read its answers. A parse or settings error fails the test.
 */
interface ProbeOptions {
  readonly filename?: string;
  readonly settings?: Record<string, unknown>;
}

function probe(code: string, options: ProbeOptions, create: (context: never) => Record<string, (node: never) => void>): void {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{js,jsx,ts,tsx}'],
        languageOptions: { parser: tsParser, sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { probe: { rules: { probe: { meta: { type: 'problem', schema: [] }, create } as never } } },
        rules: { 'probe/probe': 'error' },
        settings: options.settings ? { 'llm-security': options.settings } : {},
      },
    ],
    path.resolve(options.filename ?? 'server.ts'),
  );
  const fatal = messages.find((m) => m.fatal || m.ruleId === null);
  if (fatal) throw new Error(`parse or config error: ${fatal.message}`);
}

/**
 * For each `sink(expr)` call in the snippet, which request data reaches `expr`:
 * `'req.body.message -> prompt'`-style strings (source, then the steps it took).
 */
export interface SinkResult {
  readonly line: number;
  readonly origins: string[];
}

export function sinks(code: string, options: ProbeOptions = {}): SinkResult[] {
  const results: SinkResult[] = [];
  probe(code, options, (context) => ({
    'CallExpression[callee.name="sink"]'(node: TSESTree.CallExpression) {
      const taint = getFileAnalysis(context).engine.taintOf(node.arguments[0]);
      results.push({ line: node.loc.start.line, origins: requestData(taint).map((o) => [o.text, ...o.steps].join(' -> ')) });
    },
  }));
  return results;
}

/** The origins of the only sink in the snippet. */
export function sinkOrigins(code: string, options?: ProbeOptions): string[] {
  const found = sinks(code, options);
  if (found.length !== 1) throw new Error(`expected one sink, found ${found.length}`);
  return found[0].origins;
}

/**
 * The LLM calls the engine finds in a snippet: `'openai chat.completions.create: system,user'`.
 * The slot of a whole message list is listed only with `conversations` (it comes with every chat call).
 */
export function llmCalls(code: string, options: ProbeOptions & { conversations?: boolean } = {}): string[] {
  let found: string[] = [];
  const shown = (role: string) => options.conversations || role !== 'conversation';
  probe(code, options, (context) => ({
    Program() {
      found = getFileAnalysis(context).llmCalls.map((call) => `${call.sdk} ${call.api}: ${call.slots.filter((slot) => shown(slot.role)).map((slot) => slot.role).join(',')}`);
    },
  }));
  return found;
}

/** For the only `sink(expr)`: each LLM output, error detail or prompt in it, as `kind:part text -> steps`. */
export function sinkValues(code: string, options: ProbeOptions = {}): string[] {
  const results: string[][] = [];
  probe(code, options, (context) => ({
    'CallExpression[callee.name="sink"]'(node: TSESTree.CallExpression) {
      const taint = getFileAnalysis(context).engine.taintOf(node.arguments[0]);
      results.push(
        taint
          .filter((o) => o.kind === 'llm' || o.kind === 'error' || o.kind === 'prompt')
          .map((o) => {
            const part = o.kind === 'llm' ? `${o.part}${o.sanitized ? ' (sanitized)' : ''}` : o.kind === 'error' ? o.part : o.what;
            return `${o.kind}:${part} ${[o.text, ...o.steps].join(' -> ')}`;
          }),
      );
    },
  }));
  if (results.length !== 1) throw new Error(`expected one sink, found ${results.length}`);
  return results[0];
}

/** The file index's string and template literals, as their source text, in the order the index lists them. */
export function indexedStrings(code: string, options: ProbeOptions = {}): string[] {
  let found: string[] = [];
  probe(code, options, (context: { sourceCode: { getText(node: unknown): string } }) => ({
    Program() {
      found = getFileAnalysis(context as never).index.strings.map((node) => context.sourceCode.getText(node));
    },
  }));
  return found;
}
