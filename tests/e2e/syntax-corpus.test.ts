import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ESLint as ESLint9 } from 'eslint-9';
import { ESLint as ESLint10 } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

/**
 * A corpus of syntax edge cases (tests/fixtures/syntax), linted from disk with every rule on
 * (`configs.all`) through the real ESLint class of both supported majors. No rule may throw
 * (a throwing rule makes `lintFiles` reject), files that parse get only rule findings, and
 * files the parser rejects get ESLint's own report: one fatal message with `ruleId: null`.
 * Large and deeply nested inputs are generated here and linted with `lintText`.
 */
const fixtures = path.resolve(import.meta.dirname, '../fixtures/syntax');

/** Files that parse, with what each one is there for. */
const PARSES: Record<string, string> = {
  'abstract-overloads.ts': 'abstract classes, abstract members and getters, function and method overloads',
  'bom-directive.ts': 'only a byte order mark and a directive',
  'chat-panel.tsx': 'TSX components, generic components, fragments, spread props, a Next.js server component',
  'comments-only.js': 'only comments (one of them commented-out code)',
  'commonjs.cjs': 'CommonJS: require, module.exports, exports, require.main',
  'empty.ts': 'an empty file',
  'enums-namespaces.ts': 'enums, const enums, computed members, nested and ambient namespaces, declare module/global',
  'generators.ts': 'generators, async generators, yield*, for await, iterator methods',
  'generics.ts': 'generics with constraints and defaults, mapped and conditional types, `<T,>` arrows',
  'labelled-loops.js': 'labelled loops and blocks with break/continue label',
  'legacy-widget.jsx': 'JSX in a .jsx class component with class fields',
  'mixed-modules.js': 'import next to createRequire/require and module.exports',
  'nest-controller.ts': 'NestJS decorators on classes, methods and parameters, parameter properties',
  'optional-chaining.ts': 'optional chaining and optional calls (a?.b?.(), a?.[0]), logical assignment',
  'private-members.ts': 'private fields and methods, #x in obj, getters/setters, accessor fields, static blocks',
  'satisfies-using.ts': 'satisfies, as const satisfies, using and await using declarations',
  'system-prompt-leak.ts': 'request data in an OpenAI system prompt (must be reported)',
  'top-level-await.mjs': 'top-level await in an .mjs file',
  'top-level-await.mts': 'top-level await, dynamic import with attributes and top-level for await in an .mts file',
};

/** Files the parser rejects, with where and how ESLint reports it. */
const BROKEN: Record<string, { line: number; message: RegExp }> = {
  'broken-class.ts': { line: 14, message: /^Parsing error: .*constructor, method, accessor, or property was expected/ },
  'broken-template.ts': { line: 16, message: /^Parsing error: Unterminated template literal/ },
};

const EXPRESS = `import express from 'express';
import OpenAI from 'openai';
const app = express();
const openai = new OpenAI();
`;
const systemCall = (content: string) =>
  `openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 50, messages: [{ role: 'system', content: ${content} }] })`;

/** Generated inputs that parse: deep nesting, kept under the parser's own stack limit. */
const DEEP: Record<string, { code: string; reported: boolean }> = {
  // The parser (TypeScript's, under @typescript-eslint/parser) itself overflows its stack
  // somewhere between 150 and 200 nested block-bodied functions, so the blocks stay at 100.
  '100 nested block-bodied async arrow functions in a handler': {
    code: `${EXPRESS}app.post('/nested', async (req, res) => {
${Array.from({ length: 100 }, (_, i) => `const step${i} = async () => {`).join('\n')}
await ${systemCall('`You are ${req.body.persona}`')};
${'};\n'.repeat(100)}res.json({ ok: true });
});
`,
    reported: true,
  },
  '300 nested (curried) arrow functions': {
    code: `${EXPRESS}export const curried = ${Array.from({ length: 300 }, (_, i) => `(part${i}: string) =>`).join('\n  ')}
  ${systemCall('part0 + part299')};
`,
    reported: false,
  },
  '500 nested parentheses around request data': {
    code: `${EXPRESS}app.post('/parens', async (req, res) => {
  res.json(await ${systemCall(`${'('.repeat(500)}req.body.persona${')'.repeat(500)}`)});
});
`,
    reported: true,
  },
  // Deeper than the taint engine follows (so no finding is asserted), but it must not crash.
  '500 chained ternaries': {
    code: `${EXPRESS}app.post('/ternaries', async (req, res) => {
  const persona = ${Array.from({ length: 500 }, (_, i) => `req.body.kind === ${i} ? 'persona ${i}' :`).join('\n    ')} 'default';
  res.json(await ${systemCall('persona')});
});
`,
    reported: false,
  },
};

/** 20,000 lines: a 10-line header, then 1,999 Express handlers of 10 lines each. */
const HANDLERS = 1_999;
function bigFile(): string {
  const lines = [
    `import express from 'express';`,
    `import OpenAI from 'openai';`,
    `import pino from 'pino';`,
    ``,
    `const app = express();`,
    `const openai = new OpenAI();`,
    `const logger = pino();`,
    ``,
    `app.use(express.json());`,
    ``,
  ];
  for (let i = 0; i < HANDLERS; i++) {
    lines.push(
      `app.post('/tickets/${i}', async (req, res) => {`,
      `  const prompt = \`Ticket ${i}: answer the customer question: \${req.body.question}\`;`,
      `  logger.info({ route: '/tickets/${i}' }, 'ticket question');`,
      `  const completion = await openai.chat.completions.create({`,
      `    model: 'gpt-4o-mini',`,
      `    max_tokens: 300,`,
      `    messages: [{ role: 'system', content: \`You are \${req.body.persona}\` }, { role: 'user', content: prompt }],`,
      `  });`,
      `  res.json({ answer: completion.choices[0].message.content });`,
      `});`,
    );
  }
  expect(lines).toHaveLength(20_000);
  return `${lines.join('\n')}\n`;
}

const SYSTEM_PROMPT_RULE = 'llm-security/no-user-input-in-system-prompt';

describe('the syntax corpus lists every fixture', () => {
  it('each file in tests/fixtures/syntax is classified as parsing or broken', () => {
    expect(readdirSync(fixtures).sort()).toEqual([...Object.keys(PARSES), ...Object.keys(BROKEN)].sort());
  });
});

describe.each([
  ['ESLint 9.15', ESLint9],
  ['ESLint 10', ESLint10],
])('%s: every rule on the syntax corpus', (_, ESLint) => {
  const eslint = new ESLint({ cwd: fixtures, overrideConfigFile: true, overrideConfig: [plugin.configs.all as never] });

  it('lints the whole directory without rejecting, and picks up every fixture', async () => {
    const results = await eslint.lintFiles(['.']);
    expect(results.map((r) => path.relative(fixtures, r.filePath)).sort()).toEqual(readdirSync(fixtures).sort());
  });

  it.each(Object.keys(PARSES))('%s parses, and no rule throws', async (file) => {
    const [result] = await eslint.lintFiles([file]);
    expect(result.filePath).toBe(path.join(fixtures, file));
    expect(result.messages.filter((m) => m.fatal)).toEqual([]);
    expect(result.messages.filter((m) => m.ruleId === null)).toEqual([]);
    expect(result.messages.every((m) => m.ruleId?.startsWith('llm-security/'))).toBe(true);
  });

  it.each(Object.keys(BROKEN))('%s gets a single fatal parsing error', async (file) => {
    const [result] = await eslint.lintFiles([file]);
    expect(result.messages).toHaveLength(1);
    const [message] = result.messages;
    expect(message).toMatchObject({ fatal: true, ruleId: null, severity: 2, line: BROKEN[file].line });
    expect(message.message).toMatch(BROKEN[file].message);
    expect(result.errorCount).toBe(1);
    expect(result.fatalErrorCount).toBe(1);
  });

  it('the rules ran: request data in the system prompt is reported', async () => {
    const [result] = await eslint.lintFiles(['system-prompt-leak.ts']);
    const found = result.messages.filter((m) => m.ruleId === SYSTEM_PROMPT_RULE);
    expect(found.map((m) => m.line)).toEqual([18]);
  });

  it.each(Object.entries(DEEP))('%s', async (name, { code, reported }) => {
    const [result] = await eslint.lintText(code, { filePath: path.join(fixtures, 'generated-deep.ts') });
    expect(result.messages.filter((m) => m.fatal || m.ruleId === null)).toEqual([]);
    if (reported) expect(result.messages.map((m) => m.ruleId)).toContain(SYSTEM_PROMPT_RULE);
  });

  it('a generated 20,000-line file lints in seconds, with one finding per handler', { timeout: 120_000 }, async () => {
    const code = bigFile();
    const started = performance.now();
    const [result] = await eslint.lintText(code, { filePath: path.join(fixtures, 'generated-20000-lines.ts') });
    const seconds = (performance.now() - started) / 1000;
    expect(result.messages.filter((m) => m.fatal || m.ruleId === null)).toEqual([]);
    expect(result.messages.filter((m) => m.ruleId === SYSTEM_PROMPT_RULE)).toHaveLength(HANDLERS);
    // Generous: it takes a few seconds; this only catches a quadratic blow-up.
    expect(seconds).toBeLessThan(60);
  });
});
