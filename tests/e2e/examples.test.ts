import path from 'node:path';
import { parse } from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const examples = path.resolve(import.meta.dirname, '../../examples');
const PROMPT_RULES = ['llm-security/no-user-input-in-system-prompt', 'llm-security/require-role-separated-messages'];

function eslint(fix: boolean): ESLint {
  return new ESLint({
    cwd: examples,
    overrideConfigFile: true,
    overrideConfig: [plugin.configs.recommended as never],
    fix,
  });
}

const summary = (results: ESLint.LintResult[]) =>
  results.flatMap((r) => r.messages.map((m) => `${path.relative(examples, r.filePath)}:${m.line}:${m.column} ${m.ruleId}`)).sort();

describe('end to end: the recommended config over examples/', () => {
  it('reports exactly the demo app findings, and nothing in the safe file', async () => {
    const results = await eslint(false).lintFiles(['.']);
    expect(results.every((r) => r.messages.every((m) => !m.fatal))).toBe(true);
    expect(summary(results)).toEqual([
      'app/api/agent/route.ts:16:5 llm-security/no-client-controlled-roles',
      'app/api/agent/route.ts:23:47 llm-security/no-llm-output-in-dangerous-sink',
      'app/api/translate/route.ts:12:5 llm-security/require-role-separated-messages',
      'app/ask/page.tsx:13:39 llm-security/no-user-input-in-system-prompt',
      'src/express-support-bot.ts:17:27 llm-security/no-user-input-in-system-prompt',
      'src/express-support-bot.ts:24:5 llm-security/no-error-details-in-response',
      'src/fastify-stream.ts:23:39 llm-security/no-raw-llm-response',
      'src/fastify-stream.ts:27:12 llm-security/no-error-details-in-response',
      'src/fastify-summarizer.js:13:5 llm-security/no-user-input-in-system-prompt',
      'src/fastify-summarizer.js:17:3 llm-security/no-raw-llm-response',
      'src/hono-tutor.mjs:12:5 llm-security/no-user-input-in-system-prompt',
      'src/hono-tutor.mjs:17:10 llm-security/no-system-prompt-in-response',
      'src/koa-classifier.cjs:12:3 llm-security/no-sensitive-logging',
      'src/koa-classifier.cjs:16:32 llm-security/require-role-separated-messages',
    ]);
  });

  it('--fix output parses, lints clean of prompt findings, and a second --fix changes nothing', async () => {
    const fixed = (await eslint(true).lintFiles(['.'])).filter((r) => r.output !== undefined);
    expect(fixed.map((r) => path.relative(examples, r.filePath)).sort()).toEqual([
      'app/api/translate/route.ts',
      'app/ask/page.tsx',
      'src/express-support-bot.ts',
      'src/fastify-summarizer.js',
      'src/hono-tutor.mjs',
      'src/koa-classifier.cjs',
    ]);
    for (const result of fixed) {
      const output = result.output!;
      expect(() => parse(output, { jsx: result.filePath.endsWith('x'), sourceType: 'module' })).not.toThrow();
      const [again] = await eslint(false).lintText(output, { filePath: result.filePath });
      expect(again.messages.filter((m) => m.fatal || PROMPT_RULES.includes(m.ruleId ?? ''))).toEqual([]);
      const [refixed] = await eslint(true).lintText(output, { filePath: result.filePath });
      expect(refixed.output).toBeUndefined();
    }
  });
});
