import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { clearModuleAnalyses } from '../../src/dataflow/file-analysis.js';
import { clearModuleCache, keptModules, moduleStats } from '../../src/program/modules.js';

/**
 * Fixture projects in tests/fixtures/cross-file, linted through the real ESLint class: the
 * findings whose path crosses files, with and without type information, and their near-miss
 * twins (a helper that only fills the user message, a sanitizing helper, a package with the
 * same function name) that must stay quiet.
 */
const root = path.resolve(import.meta.dirname, '../fixtures/cross-file');

function eslint(options: { types?: boolean; config?: Linter.Config; cwd?: string } = {}): ESLint {
  const cwd = options.cwd ?? root;
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      (options.config ?? plugin.configs.recommended) as Linter.Config,
      ...(options.types ? [{ languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: cwd } } }] : []),
    ],
  });
}

type Found = { at: string; rule: string; message: string };

async function lint(patterns: string[], options: Parameters<typeof eslint>[0] = {}): Promise<Found[]> {
  const cwd = options.cwd ?? root;
  const results = await eslint(options).lintFiles(patterns);
  for (const result of results) expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  return results.flatMap((r) =>
    r.messages.map((m) => ({ at: `${path.relative(cwd, r.filePath)}:${m.line}:${m.column}`, rule: m.ruleId!.replace('llm-security/', ''), message: m.message })),
  );
}

/** Starts with no parsed or analysed module, and no linted source to reuse. */
function forget(): void {
  clearModuleAnalyses();
  clearModuleCache();
}

const where = (found: Found[]) => found.map((f) => `${f.at} ${f.rule}`).sort();

/**
 * Findings with the same place and rule in both modes, and the ones that need the type checker.
 * A prompt flow through another module is reported once, in the module where the data enters the
 * slot (the helper that makes the SDK call); other flows at the call in the route.
 */
const WITHOUT_TYPES = [
  'barrel/src/ai/complete.ts:11:25 no-user-input-in-system-prompt',
  'client-instance/src/app.ts:11:25 no-user-input-in-system-prompt',
  'client-instance/src/app.ts:15:3 no-raw-llm-response',
  'client-instance/src/app.ts:8:52 require-max-tokens',
  'cycle/src/server.ts:12:34 no-user-input-in-system-prompt',
  'express-cjs/lib/letter.js:14:32 require-role-separated-messages',
  'express-prompts/src/audit.ts:6:3 no-sensitive-logging',
  'express-prompts/src/guarded-server.ts:11:5 require-auth-on-llm-routes',
  'express-prompts/src/http.ts:4:3 no-error-details-in-response',
  'express-prompts/src/reports.ts:6:33 no-llm-output-in-dangerous-sink',
  'express-prompts/src/server.ts:14:25 no-user-input-in-system-prompt',
  'nestjs/src/chat/chat.controller.ts:15:5 no-raw-llm-response',
  'nestjs/src/chat/chat.service.ts:12:7 no-user-input-in-system-prompt',
  'nextjs/app/api/summary/route.ts:8:10 no-raw-llm-response',
  'nextjs/lib/ai.ts:26:5 require-role-separated-messages',
  'nextjs/lib/ai.ts:8:5 no-user-input-in-system-prompt',
  // `AuthedRequest` extends express's Request in types.ts: read from the declaration, no type checker needed.
  'typed/src/handlers.ts:11:25 no-user-input-in-system-prompt',
  'web-fetch/src/helpers.ts:19:39 require-max-tokens',
  'web-fetch/src/helpers.ts:9:15 no-user-input-in-system-prompt',
];
const ONLY_WITH_TYPES = [
  'typed/src/handlers.ts:19:3 no-raw-llm-response',
  'typed/src/handlers.ts:31:5 no-user-input-in-system-prompt',
  'typed/src/handlers.ts:40:106 no-user-input-in-system-prompt',
];

describe('cross-file flows in fixture projects', () => {
  it('reports each flow at the call in the linted file, without type information', async () => {
    expect(where(await lint(['**/*.{ts,js}']))).toEqual(WITHOUT_TYPES);
  });

  it('reports the same flows, plus the typed ones, with projectService', async () => {
    forget();
    const before = moduleStats.shared;
    expect(where(await lint(['**/*.{ts,js}'], { types: true }))).toEqual([...WITHOUT_TYPES, ...ONLY_WITH_TYPES].sort());
    // A helper's lint found its SDK calls with the type checker: its module analysis finds them again without.
    expect(moduleStats.shared).toBe(before);
  });

  it('takes the index and handlers of helpers linted earlier in the run, and finds the same flows', async () => {
    forget();
    const before = moduleStats.shared;
    expect(where(await lint(['**/*.{ts,js}']))).toEqual(WITHOUT_TYPES);
    expect(moduleStats.shared).toBeGreaterThan(before);
    // The files with findings alone: their importers and helpers are read from disk, and the flows are the same.
    const files = WITHOUT_TYPES.map((line) => line.split(':')[0]);
    forget();
    expect(where(await lint([...new Set(files)]))).toEqual(WITHOUT_TYPES);
  });

  it('names the path through files in each message', async () => {
    const found = await lint(['**/*.{ts,js}']);
    const message = (at: string) => found.find((f) => f.at === at)?.message;
    // The prompt is built by a helper, the SDK call is in the route: reported at the route.
    expect(message('express-prompts/src/server.ts:14:25')).toBe(
      "Request data 'req.body.topic' (line 14) reaches the system message of openai chat.completions.create via buildPrompt() in express-prompts/src/prompts.ts:3; send it as a separate user message.",
    );
    // The SDK call is in the helper: reported there, naming where the request data was read and the call that passed it.
    expect(message('nestjs/src/chat/chat.service.ts:12:7')).toBe(
      "Request data 'dto.persona' (line 14 of nestjs/src/chat/chat.controller.ts) reaches the system prompt of anthropic messages.create via reply() at nestjs/src/chat/chat.controller.ts:15; send it as a separate user message.",
    );
    expect(message('nextjs/lib/ai.ts:8:5')).toContain("Request data 'request.json().tone' (line 4 of nextjs/app/api/chat/route.ts) reaches the system prompt of ai generateText via ask() at nextjs/app/api/chat/route.ts:5");
    expect(message('nextjs/lib/ai.ts:26:5')).toContain('via body.article -> summarize() at nextjs/app/api/summary/route.ts:6');
    expect(message('barrel/src/ai/complete.ts:11:25')).toContain('reaches the system message of groq chat.completions.create via complete() at barrel/src/routes.ts:9');
    expect(message('web-fetch/src/helpers.ts:9:15')).toContain('reaches the system instruction of google models.generateContent via classify() at web-fetch/src/worker.ts:9');
    expect(message('express-prompts/src/guarded-server.ts:11:5')).toBe(
      "POST '/ask' reaches openai chat.completions.create (ask() at express-prompts/src/ask.ts:6) with no auth step, while GET '/me' (line 7) is guarded; anyone who finds the route can spend your LLM quota. Add the auth middleware to the route, or check the caller before the call.",
    );
    // Every finding whose path crosses a file names the other file.
    const local = ['client-instance/', 'typed/'];
    for (const finding of found.filter((f) => !local.some((dir) => f.at.startsWith(dir)))) {
      expect(finding.message).toMatch(/(?:\w\(\) (?:in|at)|line \d+ of) [\w./-]+\.(?:ts|js)/u);
    }
    expect(message('express-cjs/lib/letter.js:14:32')).toBe(
      "Request data 'req.body.name' (line 7 of express-cjs/routes/letters.js) is mixed with fixed instructions in the only message of openai chat.completions.create via writeLetter() at express-cjs/routes/letters.js:7; put the instructions in a system message and the request data in a user message.",
    );
    expect(message('web-fetch/src/helpers.ts:19:39')).toBe(
      "google models.generateContent runs on request data 'request.json().ticket' (line 7 of web-fetch/src/worker.ts) with no output limit; set config.maxOutputTokens so that one request cannot run up the bill.",
    );
    expect(message('nextjs/app/api/summary/route.ts:8:10')).toContain('The raw result object of ai generateText');
    // Reported at the logger, in the helper's module, naming where the request data was read.
    expect(message('express-prompts/src/audit.ts:6:3')).toBe(
      "logger.info writes the request body 'req.body' (line 12 of express-prompts/src/reports-server.ts) via audit() at express-prompts/src/reports-server.ts:12 to the log; log safe fields (method, path, ids, lengths) instead.",
    );
    // At the sink, in the helper's module, naming where the output was made and the call that hands it on.
    expect(message('express-prompts/src/reports.ts:6:33')).toContain(
      'Output of openai chat.completions.create (line 15 of express-prompts/src/reports-server.ts) via completion.choices[0].message.content -> sql -> runReport() at express-prompts/src/reports-server.ts:24 reaches prisma.$queryRawUnsafe, which runs it as SQL',
    );
    // At the response, in the helper that is handed the response object, naming where the error was caught.
    expect(message('express-prompts/src/http.ts:4:3')).toBe(
      "Error details 'err.message' (line 27 of express-prompts/src/reports-server.ts) reach the client through res.json via sendError() at express-prompts/src/reports-server.ts:28; log them on the server and send a generic message.",
    );
  });

  it('offers no autofix for a prompt whose request data comes from another file', async () => {
    const results = await eslint().lintFiles(['express-prompts/src/server.ts', 'nestjs/src/chat/chat.service.ts', 'nextjs/lib/ai.ts']);
    const prompt = results.flatMap((r) => r.messages).filter((m) => m.ruleId === 'llm-security/no-user-input-in-system-prompt');
    expect(prompt).toHaveLength(3);
    for (const message of prompt) {
      expect(message.fix).toBeUndefined();
      expect(message.suggestions ?? []).toEqual([]);
    }
  });

  it('keeps quiet about twins: a package with the same function, user-message-only helpers, sanitizing helpers', async () => {
    const found = await lint(['**/*.{ts,js}'], { config: plugin.configs.strict as Linter.Config });
    // `prompt-kit` in node_modules builds the same prompt, but packages are never followed.
    expect(found.filter((f) => f.at.startsWith('express-prompts/src/server.ts:2'))).toEqual([]);
    expect(found.filter((f) => f.at.startsWith('express-prompts/src/safe-server.ts') && f.rule !== 'no-raw-llm-response')).toEqual([]);
    // `answer(message)` and `classify(ticket, LABELS)` put request data only in the user turn.
    expect(found.filter((f) => f.at.startsWith('nestjs/src/chat/chat.controller.ts:20') && f.rule !== 'no-raw-llm-response')).toEqual([]);
    expect(found.filter((f) => f.at.startsWith('web-fetch/src/worker.ts:10'))).toEqual([]);
    // `auditSize` logs a length, `runNamedReport` binds a parameter, `sendFailure` sends a generic message,
    // `debugDump` is called in development only (so its logger, in another module, stays quiet too).
    expect(found.filter((f) => /^express-prompts\/src\/reports-server\.ts:(?:13|25|3\d|4\d):/u.test(f.at))).toEqual([]);
    expect(found.filter((f) => f.at.startsWith('express-prompts/src/debug-log.ts'))).toEqual([]);
    // `sendDebugError` is called in development only: its response, in http.ts, stays quiet.
    expect(found.filter((f) => f.at.startsWith('express-prompts/src/http.ts:1'))).toEqual([]);
    // With requireSanitizer, `ask()`'s text is reported and `askClean()`'s (redacted in lib/ai.ts) is not.
    expect(found.some((f) => f.at.startsWith('nextjs/app/api/chat/route.ts:6') && f.rule === 'no-raw-llm-response')).toBe(true);
    expect(found.filter((f) => f.at.startsWith('nextjs/app/api/clean/'))).toEqual([]);
  });

  it('finds nothing across files with crossFile: false', async () => {
    const config = { ...plugin.configs.recommended, settings: { 'llm-security': { crossFile: false } } } as Linter.Config;
    const found = where(await lint(['**/*.{ts,js}'], { config }));
    expect(found).toEqual([
      'client-instance/src/app.ts:11:25 no-user-input-in-system-prompt',
      'client-instance/src/app.ts:15:3 no-raw-llm-response',
      'client-instance/src/app.ts:8:52 require-max-tokens',
    ]);
  });
});

describe('the module cache', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'llm-security-modules-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string, mtime: number) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    utimesSync(file, mtime, mtime);
  };
  const route = (n: number) => `import express from 'express';
import OpenAI from 'openai';
import { persona } from './prompts';
const app = express();
const openai = new OpenAI();
app.post('/r${n}', async (req, res) => {
  await openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'system', content: persona(req.body.name) }] });
  res.sendStatus(204);
});
`;

  it('parses an imported module once for all its importers, and again only after it changes', async () => {
    write('prompts.ts', 'export const persona = (name: string) => `You are ${name}.`;\n', 1_700_000_000);
    for (let n = 0; n < 3; n++) write(`route${n}.ts`, route(n), 1_700_000_000);
    const before = moduleStats.parsed;
    const first = where(await lint(['route*.ts'], { cwd: dir }));
    expect(first).toHaveLength(3);
    expect(moduleStats.parsed - before).toBe(1);

    // Same process, unchanged file: no parse at all.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(where(await lint(['route*.ts'], { cwd: dir }))).toEqual(first);
    expect(moduleStats.parsed - before).toBe(1);

    // The helper stops putting its argument in the prompt: read once more, and the findings go.
    write('prompts.ts', 'export const persona = (name: string) => `You are a guide. ${name.length}`;\n', 1_700_000_100);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(where(await lint(['route*.ts'], { cwd: dir }))).toEqual([]);
    expect(moduleStats.parsed - before).toBe(2);
  });

  it('reuses the source ESLint parsed for a linted file when another file imports it', async () => {
    write('prompts.ts', 'export const persona = (name: string) => `You are ${name}.`;\n', 1_700_000_200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const before = moduleStats.parsed + moduleStats.reused;
    // prompts.ts is linted first (files are linted in path order), then imported by the routes.
    const found = where(await lint(['prompts.ts', 'route*.ts'], { cwd: dir }));
    expect(found).toHaveLength(3);
    // Taken from ESLint's parse, or parsed once if that was already collected: never more.
    expect(moduleStats.parsed + moduleStats.reused - before).toBe(1);
  });

  it('notices a change to the client module behind a helper whose lint was shared', async () => {
    const client = (sdk: boolean) => (sdk ? "import { Ollama } from 'ollama';\nexport const llm = new Ollama();\n" : 'export const llm = { chat: (x: unknown) => x };\n');
    write('client.ts', client(true), 1_700_000_400);
    // `llm.chat(…)` is an SDK call only because `llm` is an Ollama client made in client.ts.
    write('persona.ts', "import { llm } from './client';\nexport const persona = (name: string) => llm.chat({ model: 'm', options: { num_predict: 9 }, messages: [{ role: 'system', content: name }] });\n", 1_700_000_400);
    write('route-persona.ts', "import express from 'express';\nimport { persona } from './persona';\nconst app = express();\napp.post('/p', async (req, res) => { await persona(req.body.name); res.sendStatus(204); });\n", 1_700_000_400);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    // ESLint reads files in parallel, so the order within one run is not fixed: the helpers first, then the route.
    const shared = moduleStats.shared;
    await lint(['client.ts', 'persona.ts'], { cwd: dir });
    // The flow is reported in persona.ts, where the data enters the slot; the route's analysis of persona.ts shares its lint.
    expect(where(await lint(['route-persona.ts'], { cwd: dir }))).toEqual([]);
    expect(moduleStats.shared).toBeGreaterThan(shared);
    expect(where(await lint(['persona.ts'], { cwd: dir }))).toEqual(['persona.ts:2:123 no-user-input-in-system-prompt']);
    // The client is no longer an SDK client: the helper's calls are no longer SDK calls.
    write('client.ts', client(false), 1_700_000_500);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(where(await lint(['route-persona.ts', 'persona.ts'], { cwd: dir }))).toEqual([]);
  });

  it('holds linted LLM helper modules for later importers, but not routes or plain modules', async () => {
    write('ai.ts', "import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport const ask = (q: string) => openai.chat.completions.create({ model: 'm', max_tokens: 9, messages: [{ role: 'user', content: q }] });\n", 1_700_000_300);
    write('route-ai.ts', "import express from 'express';\nimport { ask } from './ai';\nconst app = express();\napp.post('/q', async (req, res) => { res.json(await ask(req.body.q)); });\n", 1_700_000_300);
    await lint(['ai.ts', 'prompts.ts', 'route-ai.ts', 'route0.ts'], { cwd: dir });
    const kept = keptModules().map((file) => path.basename(file));
    expect(kept).toContain('ai.ts');
    expect(kept).not.toContain('prompts.ts');
    expect(kept).not.toContain('route-ai.ts');
    expect(kept).not.toContain('route0.ts');
  });
});

describe('a secret passed to a helper in another module', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'llm-security-secrets-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const llm = `import OpenAI from 'openai';
const openai = new OpenAI();
export async function ask(instructions: string, question: string) {
  return openai.chat.completions.create({ model: 'm', max_tokens: 99, messages: [{ role: 'system', content: instructions }, { role: 'user', content: question }] });
}
`;
  const server = (instructions: string) => `import express from 'express';
import { ask } from './llm';
const app = express();
app.post('/ask', async (req, res) => {
  const answer = await ask(${instructions}, req.body.q);
  res.json({ text: answer.choices[0].message.content });
});
`;

  it('is reported in the helper where it enters the system message, naming the file and line it was read at; its twin (a flag) is not', async () => {
    forget();
    writeFileSync(path.join(dir, 'llm.ts'), llm);
    writeFileSync(path.join(dir, 'server.ts'), server('`Sign with ${process.env.WEBHOOK_SECRET}.`'));
    writeFileSync(path.join(dir, 'twin.ts'), server("`Signing is ${process.env.WEBHOOK_SECRET ? 'on' : 'off'}.`").replace("'/ask'", "'/twin'"));
    const found = (await lint(['llm.ts', 'server.ts', 'twin.ts'], { cwd: dir })).filter((f) => f.rule === 'no-secrets-in-prompt');
    expect(found).toEqual([
      {
        at: 'llm.ts:4:100',
        rule: 'no-secrets-in-prompt',
        message:
          "The secret 'process.env.WEBHOOK_SECRET' (line 5 of server.ts) via ask() at server.ts:5 is written into the system message of openai chat.completions.create; whoever extracts the prompt can read it. Keep secrets out of prompts.",
      },
    ]);
  });
});
