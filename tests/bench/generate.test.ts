import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
// @ts-expect-error the benchmark is plain JavaScript without type declarations
import { generateCorpus, generateLongFile } from '../../bench/generate.mjs';

/** The benchmark's corpus must be the same on every run, and realistic enough to exercise the rules. */
const root = mkdtempSync(path.join(tmpdir(), 'llm-security-bench-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function files(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else found.set(path.relative(dir, full), readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return found;
}

describe('the benchmark corpus', () => {
  it('is generated identically twice, with the requested number of files', () => {
    const a = generateCorpus(path.join(root, 'a'), 60);
    const b = generateCorpus(path.join(root, 'b'), 60);
    const first = files(a);
    expect(first).toEqual(files(b));
    expect([...first.keys()].filter((f) => f.startsWith('src/')).length).toBe(60);
  });

  it('mixes handlers of every framework and SDK, helper modules and plain code, and every file parses and lints', async () => {
    const dir = generateCorpus(path.join(root, 'c'), 120);
    const text = [...files(dir).values()].join('\n');
    for (const marker of ['express', 'fastify', '@koa/router', 'hono', 'next/server', '@nestjs/common', 'node:http', 'fetch(request', 'openai', '@anthropic-ai/sdk', "from 'ai'", '@langchain/openai', '@google/genai', 'ollama', '@mistralai/mistralai', 'groq-sdk', 'cohere-ai', '@aws-sdk/client-bedrock-runtime', "from '../lib/ai", 'pino', 'useState']) {
      expect(text).toContain(marker);
    }
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended as Linter.Config] });
    const results = await eslint.lintFiles(['src/**/*.{ts,tsx}']);
    expect(results.flatMap((r) => r.messages.filter((m) => m.fatal))).toEqual([]);
    // The planted bugs: request data in system prompts, in handlers and through helper modules.
    const prompt = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'llm-security/no-user-input-in-system-prompt'));
    expect(prompt.length).toBeGreaterThan(3);
    expect(prompt.some((m) => m.message.includes('via buildPrompt'))).toBe(true);
  });

  it('writes long files of about the requested length', () => {
    const lines = generateLongFile(path.join(root, 'long/routes.ts'), 2000);
    expect(lines).toBeGreaterThanOrEqual(2000);
    expect(lines).toBeLessThan(2020);
    expect(readFileSync(path.join(root, 'long/routes.ts'), 'utf8').split('\n').length).toBe(lines + 1);
  });
});
