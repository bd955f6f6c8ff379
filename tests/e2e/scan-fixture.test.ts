import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { routePathOfModule } from '../../src/models/sources/nextjs.js';
import { sarifValidator } from './sarif-schema.js';

/**
 * `scan` through the built bin on a fixture project with a `.gitignore` (tests/fixtures/scan/ai-surface):
 * an Express app whose routes reach LLM calls in other modules, tools with and without powers, a
 * logger made in its own module and an API key read from the environment. The test adds files the
 * `.gitignore` leaves out (a generated folder, a `*.local.ts` file), each with a flow that would be
 * reported: neither the findings nor the inventory may name them.
 */
const repo = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repo, 'dist/src/cli/main.js');
const work = mkdtempSync(path.join(tmpdir(), 'llm-security-fixture-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const LEAK = "import express from 'express';\nimport OpenAI from 'openai';\nconst app = express();\nconst openai = new OpenAI();\napp.post('/x', async (req, res) => { console.log('body', req.body); res.json(await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: req.body.x }] })); });\n";

function copy(name: string): string {
  const dir = path.join(work, name);
  cpSync(path.join(repo, 'tests/fixtures/scan/ai-surface'), dir, { recursive: true });
  for (const ignored of ['generated/leak.ts', 'src/debug.local.ts']) {
    mkdirSync(path.dirname(path.join(dir, ignored)), { recursive: true });
    writeFileSync(path.join(dir, ignored), LEAK);
  }
  return dir;
}

function run(...args: string[]) {
  const child = spawnSync(process.execPath, [bin, ...args], { cwd: work, encoding: 'utf8' });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

type Place = { file: string; line: number };
type Report = {
  files: number;
  findings: { file: string; line: number; rule: string; message: string }[];
  inventory: {
    routes: { method: string | null; path: string | null; name: string | null; place: Place; handler: Place; calls: Place[] }[];
    otherRoutes: number;
    calls: { place: Place; api: string; model: string | null; within: string | null; slots: { label: string; request: { source: string; place: Place } | null }[] }[];
    tools: { name: string | null; api: string; can: { what: string; place: Place }[] }[];
    loggers: { logger: string; calls: number; files: string[] }[];
    keys: { name: string; places: Place[] }[];
  };
};

const at = (place: Place) => `${place.file}:${place.line}`;

copy('app');
const report = JSON.parse(run('scan', 'app', '--format', 'json').stdout) as Report;

describe('scan on a fixture project with a .gitignore', () => {
  it('lints what git keeps: the findings of the six source files, none from ignored files', () => {
    expect(report.files).toBe(6);
    expect(report.findings.map((f) => `${f.file}:${f.line} ${f.rule.replace('llm-security/', '')}`).sort()).toEqual([
      'src/routes/summarize.ts:11 no-user-input-in-system-prompt',
      'src/routes/summarize.ts:14 no-raw-llm-response',
      'src/routes/translate.ts:8 no-raw-llm-response',
      'src/server.ts:14 no-raw-llm-response',
      'src/tools.ts:15 no-llm-output-in-dangerous-sink',
      'src/tools.ts:9 no-llm-output-in-dangerous-sink',
    ]);
  });

  it('lists the routes that reach an LLM call, with the calls, across modules; a route that reaches none is only counted', () => {
    const routes = report.inventory.routes.map((r) => `${r.method} ${r.path} at ${at(r.place)} handler ${r.name ?? '-'} ${at(r.handler)} -> ${r.calls.map(at).join(' ')}`);
    expect(routes).toEqual([
      'POST /chat at src/server.ts:11 handler - src/server.ts:11 -> src/llm.ts:7',
      'POST /summarize at src/server.ts:18 handler summarize src/routes/summarize.ts:7 -> src/routes/summarize.ts:8',
      // The function the route hands its request to (its parameters typed as Express's) is part of the route, not a route of its own.
      'POST /translate at src/server.ts:26 handler - src/server.ts:26 -> src/routes/translate.ts:7',
    ]);
    // GET /health reaches no LLM call.
    expect(report.inventory.otherRoutes).toBe(1);
  });

  it('lists each LLM call with its SDK call, its model and the slots request data fills, read where the data enters', () => {
    const calls = report.inventory.calls.map((c) => ({
      at: at(c.place),
      call: `${c.api} in ${c.within}`,
      model: c.model,
      slots: c.slots.map((s) => (s.request ? `${s.label} <- ${s.request.source} (${at(s.request.place)})` : `${s.label}: none`)),
    }));
    expect(calls).toEqual([
      // The question enters in the route's module and fills the user message of the helper's call.
      { at: 'src/llm.ts:7', call: 'openai chat.completions.create in ask', model: "'gpt-4o-mini'", slots: ['system message: none', 'user message <- req.body.question (src/server.ts:13)'] },
      // The model is read through a constant handed to the provider function.
      { at: 'src/routes/summarize.ts:8', call: 'ai generateText in summarize', model: "'gpt-4o'", slots: ['system prompt <- req.query.lang (src/routes/summarize.ts:11)', 'prompt <- req.body.text (src/routes/summarize.ts:12)'] },
      // The language is a constant of the route: only the text is request data.
      { at: 'src/routes/translate.ts:7', call: 'ai generateText in translate', model: "'gpt-4o-mini'", slots: ['system prompt: none', 'prompt <- req.body.text (src/routes/translate.ts:7)'] },
    ]);
  });

  it('lists the tools with what the model can make them do, and a tool that only computes with nothing', () => {
    expect(report.inventory.tools.map((t) => `${t.name} (${t.api}): ${t.can.map((c) => `${c.what} at ${at(c.place)}`).join(', ') || 'nothing'}`)).toEqual([
      'runCommand (ai tool()): shell command (exec) at src/tools.ts:9',
      'readNotes (ai tool()): file path (readFile) at src/tools.ts:15',
      'add (ai tool()): nothing',
    ]);
  });

  it('lists the loggers (one made in its own module) and the secret env variables, not other env variables', () => {
    expect(report.inventory.loggers).toEqual([{ logger: 'logger', calls: 2, files: ['src/llm.ts', 'src/server.ts'] }]);
    // LOG_LEVEL is read too, and is no secret.
    expect(report.inventory.keys).toEqual([{ name: 'OPENAI_API_KEY', places: [{ file: 'src/llm.ts', line: 4 }] }]);
  });

  it('gives the same findings and inventory from worker threads', () => {
    const threaded = JSON.parse(run('scan', 'app', '--format', 'json', '--concurrency', '2').stdout) as Report;
    expect(threaded.inventory).toEqual(report.inventory);
    expect(threaded.findings.map((f) => f.message)).toEqual(report.findings.map((f) => f.message));
  });

  it('writes SARIF the schema accepts, with the path of the system-prompt flow and nothing from ignored files', () => {
    const { validate, errors } = sarifValidator();
    const sarif = JSON.parse(run('scan', 'app', '--format', 'sarif').stdout);
    expect(validate(sarif), errors()).toBe(true);
    const results = sarif.runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; codeFlows?: { threadFlows: { locations: { location: { message: { text: string }; physicalLocation?: { region: { startLine: number } } } }[] }[] }[] }[];
    expect(results).toHaveLength(report.findings.length);
    expect(results.every((r) => !/generated|\.local\./u.test(r.locations[0].physicalLocation.artifactLocation.uri))).toBe(true);
    const system = results.find((r) => r.ruleId === 'llm-security/no-user-input-in-system-prompt')!;
    expect(system.codeFlows![0].threadFlows[0].locations.map(({ location }) => `${location.physicalLocation?.region.startLine ?? '-'} ${location.message.text}`)).toEqual([
      '11 req.query.lang',
      '11 the system prompt of ai generateText',
    ]);
  });

  it('keeps a baseline through a refactor that moves code, and reports exactly one new flow', () => {
    const dir = copy('baselined');
    const base = path.join(work, 'fixture-baseline.json');
    expect(run('scan', 'baselined', '--baseline', base).code).toBe(0);
    // Moving code: the summarize handler goes down the file, under a new helper.
    const file = path.join(dir, 'src/routes/summarize.ts');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('const MODEL', "/** Languages the summary is offered in. */\nexport const LANGUAGES = ['en', 'fr'];\n\nconst MODEL"));
    const moved = JSON.parse(run('scan', 'baselined', '--format', 'json', '--baseline', base, '--fail-on', 'low').stdout);
    expect(moved.findings).toEqual([]);
    expect(moved.baselined).toBe(report.findings.length);
    // A new flow: the route also logs the request body.
    const server = path.join(dir, 'src/server.ts');
    writeFileSync(server, readFileSync(server, 'utf8').replace("logger.info({ route: 'chat' }, 'asked');", "logger.info({ route: 'chat', body: req.body }, 'asked');"));
    const added = run('scan', 'baselined', '--format', 'json', '--baseline', base, '--fail-on', 'low');
    expect(added.code).toBe(1);
    expect(JSON.parse(added.stdout).findings.map((f: { file: string; rule: string }) => `${f.file} ${f.rule}`)).toEqual(['src/server.ts llm-security/no-sensitive-logging']);
  });
});

describe('the inventory of a Next.js project with a worker (tests/fixtures/scan/next-surface)', () => {
  cpSync(path.join(repo, 'tests/fixtures/scan/next-surface'), path.join(work, 'next'), { recursive: true });
  const next = JSON.parse(run('scan', 'next', '--format', 'json').stdout) as Report;
  const KEY = 'sk-proj-' + 'Zq8Wm2Lx7Rt4Yp1Vb6Nc3Kd9';

  it('takes the methods of route modules from the names they export, and keeps a route another route hands its request to', () => {
    expect(next.inventory.routes.map((r) => `${r.method ?? '-'} ${r.path ?? '-'} ${at(r.place)} -> ${r.calls.map(at).join(' ')}`)).toEqual([
      // export { handler as GET, handler as POST }: one route per method.
      'GET /api/both app/api/both/route.ts:4 -> app/api/both/route.ts:6',
      'POST /api/both app/api/both/route.ts:4 -> app/api/both/route.ts:6',
      'POST /api/chat app/api/chat/route.ts:4 -> app/api/chat/route.ts:6',
      // The second version forwards to the first: both are routes.
      'POST /api/v2/chat app/api/v2/chat/route.ts:4 -> app/api/chat/route.ts:6',
      // export const POST = withAuth(async (req) => …)
      'POST /api/wrapped app/api/wrapped/route.ts:5 -> app/api/wrapped/route.ts:6',
      '- /api/legacy pages/api/legacy.ts:6 -> pages/api/legacy.ts:7',
      // Fastify's full declaration with a list of methods.
      'POST,PUT /research worker/fastify.ts:6 -> lib/agent.ts:33',
    ]);
  });

  it("lists no route that reaches an LLM call only through a method's name (prisma.user.create is no Completions.create)", () => {
    const listed = next.inventory.routes.map((r) => r.path);
    expect(listed).not.toContain('/api/users');
    expect(listed).not.toContain('/api/drafts');
    // The engine agrees for prisma, a package's object; the twin, a project value it cannot tell, may still run Completions.create.
    const raw = next.findings.filter((f) => f.rule === 'llm-security/no-raw-llm-response').map((f) => f.file);
    expect(raw).not.toContain('app/api/users/route.ts');
    expect(raw).toContain('app/api/drafts/route.ts');
  });

  it('finds a tool whose function is written apart, counts only requests as network use, and reads keys destructured from the environment', () => {
    expect(next.inventory.tools.map((t) => `${t.name}: ${t.can.map((c) => `${c.what} at ${at(c.place)}`).join(', ')}`)).toEqual([
      'dns: shell command (execSync) at lib/agent.ts:11',
      'status: network request (axios.get) at lib/agent.ts:22',
    ]);
    expect(next.findings.some((f) => f.file === 'lib/agent.ts' && f.rule === 'llm-security/no-llm-output-in-dangerous-sink')).toBe(true);
    expect(next.inventory.keys).toEqual([{ name: 'SEARCH_API_KEY', places: [{ file: 'lib/agent.ts', line: 7 }] }]);
  });

  it('names a model held in an expression by its name only, and never prints the key written in it', () => {
    const research = next.inventory.calls.filter((c) => c.place.file === 'lib/agent.ts');
    expect(research.map((c) => `${at(c.place)} ${c.model}`)).toEqual(['lib/agent.ts:33 model', 'lib/agent.ts:33 model']);
    expect(JSON.stringify(next)).not.toContain(KEY.slice(8));
    const out = path.join(work, 'next.html');
    expect(run('scan', 'next', '--format', 'html', '--output', out).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toContain(KEY.slice(8));
    // Two calls on one line: one anchor for both rows.
    expect(html.match(/id="call-lib\/agent\.ts:33"/gu)).toHaveLength(1);
  });
});

describe('the inventory of examples/', () => {
  it('lists every framework entry point that reaches an LLM call once: routes with method and path, a server action, not the page around it', () => {
    cpSync(path.join(repo, 'examples'), path.join(work, 'examples'), { recursive: true });
    const examples = JSON.parse(run('scan', 'examples', '--format', 'json').stdout) as Report;
    const entries = examples.inventory.routes.map((r) => `${r.method ?? '-'} ${r.path ?? '-'} ${r.name ?? '-'} ${at(r.place)}`);
    expect(entries).toContain('POST /api/translate POST app/api/translate/route.ts:7');
    expect(entries).toContain('POST /support - src/express-support-bot.ts:9');
    // The inline server action is the entry point; the page component that holds it is not listed.
    expect(entries).toContain('- - ask app/ask/page.tsx:7');
    expect(entries.filter((entry) => entry.includes('app/ask/page.tsx'))).toHaveLength(1);
    expect(new Set(entries).size).toBe(entries.length);
  });
});

describe('route paths of Next.js modules', () => {
  it('reads the path from the app router and pages API files, and gives none elsewhere', () => {
    expect(routePathOfModule('app/api/chat/route.ts')).toBe('/api/chat');
    expect(routePathOfModule('src/app/(chat)/api/[id]/route.ts')).toBe('/api/[id]');
    expect(routePathOfModule('packages/web/pages/api/evaluate.ts')).toBe('/api/evaluate');
    expect(routePathOfModule('pages/api/chat/index.ts')).toBe('/api/chat');
    expect(routePathOfModule('src/server/chat.ts')).toBeNull();
    expect(routePathOfModule('app/chat/page.tsx')).toBeNull();
  });
});
