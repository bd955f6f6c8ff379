import path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

/**
 * The rules must never crash, whatever valid syntax they meet: every snippet is linted with
 * every rule on, and must produce no fatal message and no exception.
 */
function lint(code: string, filename = 'server.tsx') {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(code, [plugin.configs.all as never], path.resolve(filename));
}

const header = `import OpenAI from 'openai'; import { generateText } from 'ai'; import Anthropic from '@anthropic-ai/sdk';
import { SystemMessage } from '@langchain/core/messages'; import { ChatOpenAI } from '@langchain/openai';
const openai = new OpenAI(); const anthropic = new Anthropic(); const model = new ChatOpenAI({});`;

const snippets: Record<string, string> = {
  'modern syntax around handlers': `${header}
    @Injectable() class S<T extends object> { #secret = 1; static { init(); } accessor x = 1; declare y: T;
      async *gen() { yield* [1]; } get v() { return this.#secret; } }
    using res = getResource(); const big = 1_000n; const re = /[\\p{L}--[a-z]]/v;
    label: for (const x of [1]) { break label; }
    export * as ns from './x'; const m = await import('./y'); console.log(import.meta.url, new.target);
    enum E { A } namespace N { export const a = 1; } abstract class A { abstract f(): void; }
    const el = <div onClick={() => openai.chat.completions.create({ model: 'm', messages: [] })}>{'x'}</div>;`,
  'odd call shapes': `${header}
    app.post('/x', async (req, res) => {
      await openai.chat.completions.create();
      await openai.chat.completions.create(...req.body.args);
      await openai.chat.completions.create({ model: 'm', messages: 42 });
      await openai.chat.completions.create({ model: 'm', messages: [, , { role: 'system' }, { content: 1 }, ...req.body.history] });
      await openai.chat.completions.create({ model: 'm', messages: [{ role: req.body.role, content: req.body.text }, { [req.body.k]: 1 }] });
      await openai.chat.completions.create?.({ model: 'm', messages: [{ role: 'system', content: \`\${req.body.a}\` }] });
      await openai?.chat.completions.create({ model: 'm', messages: [{ role: 'system', content: String.raw\`x\${req.body.a}\` }] });
      await anthropic.messages.create({ ...req.body, system: [{ type: 'text', text: req.body.s }] });
      await generateText({ model, prompt: 'a' + (req.body.b + 'c') });
      await generateText({ model, prompt: \`\${\`nested \${req.body.x}\`}\` });
      await generateText({ model, ['prompt']: \`Do: \${req.body.x}\` });
      await model.invoke();
      await model.invoke(...req.body.parts);
      new SystemMessage();
      new SystemMessage({ content: \`Rules: \${req.body.r}\`, name: 'x' });
      [new SystemMessage(\`a \${req.body.x}\`, 'extra')];
    });`,
  'self-reference and cycles': `${header}
    app.post('/x', async (req, res) => {
      let a = req.body.x; let b = a; a = b + a; const o = {}; o.o = o;
      function f(x) { return g(x); } function g(y) { return f(y); }
      const messages = []; messages.push(...messages); messages.push({ role: 'system', content: f(a) + b });
      await openai.chat.completions.create({ model: 'm', messages });
    });`,
  // 500 terms: deeper than the engine's depth guard (the parser itself overflows near 2,000).
  'deeply nested expressions': `${header}
    app.post('/x', async (req, res) => {
      await generateText({ model, prompt: 'Start ' + ${Array.from({ length: 500 }, (_, i) => `req.body.p${i}`).join(' + ')} });
      await generateText({ model, prompt: ${'('.repeat(200)}req.body.x${')'.repeat(200)} });
    });`,
  'TypeScript import-equals and export-equals': `import fmt = require('./fmt'); import { generateText } from 'ai'; import express = require('express');
    const app = express(); app.post('/x', async (req) => generateText({ model, system: fmt(req.body.p), prompt: \`Hi \${fmt(req.body.q)}\` }));
    export = app;`,
  'CommonJS script': `const OpenAI = require('openai'); const { Router } = require('express'); const r = Router();
    r.post('/x', function (req, res) { return new OpenAI().chat.completions.create({ model: 'm', messages: [{ role: 'system', content: 'x' + req.body.y }] }); });
    module.exports = r;`,
};

describe('robustness: no crash on valid syntax', () => {
  it.each(Object.entries(snippets))('%s', (_, code) => {
    const messages = lint(code);
    expect(messages.filter((m) => m.fatal)).toEqual([]);
  });

  it('reports still work around odd shapes (sanity: the snippets are linted)', () => {
    const messages = lint(snippets['self-reference and cycles']);
    expect(messages.map((m) => m.ruleId)).toContain('llm-security/no-user-input-in-system-prompt');
  });
});

describe('robustness: the default JavaScript parser (espree) leaves fields unset', () => {
  it('classes, routes and NestJS imports in plain JavaScript do not crash any rule', () => {
    const linter = new Linter({ configType: 'flat' });
    const rules = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`llm-security/${name}`, 'error' as const]));
    const code = [
      `const { NestFactory } = require('@nestjs/core'); const OpenAI = require('openai'); const express = require('express');`,
      `const openai = new OpenAI(); const app = express(); app.use(requireAuth);`,
      `class Svc { constructor() { this.x = 1; } async ask() { return openai.chat.completions.create({}); } }`,
      `app.post('/chat', async (req, res) => res.json(await openai.chat.completions.create({ messages: [{ role: 'user', content: req.body.q }] })));`,
    ].join('\n');
    const messages = linter.verify(code, [{ files: ['**/*.js'], plugins: { 'llm-security': plugin as never }, rules }], path.resolve('server.js'));
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    expect(messages.map((m) => m.ruleId)).toContain('llm-security/require-max-tokens');
  });
});
