import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `scan --format html --output report.html`, opened in a real browser: headless Chromium from
 * the distribution's packages (`.ci/run` installs it), driven by playwright-core. Without the
 * browser the browser case is skipped, saying why; the page is still checked as text.
 */
const repo = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repo, 'dist/src/cli/main.js');
const work = mkdtempSync(path.join(tmpdir(), 'llm-security-html-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
cpSync(path.join(repo, 'examples'), path.join(work, 'app'), { recursive: true });

const BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const browserPath = BROWSERS.find((file) => existsSync(file));

function scan(...args: string[]) {
  const child = spawnSync(process.execPath, [bin, 'scan', 'app', ...args], { cwd: work, encoding: 'utf8' });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

const report = path.join(work, 'report.html');
// The fixture project with a .gitignore, its AI surface drawn at the end of the page.
const surfaceReport = path.join(work, 'surface.html');
cpSync(path.join(repo, 'tests/fixtures/scan/ai-surface'), path.join(work, 'surface'), { recursive: true });
const surfaceWritten = spawnSync(process.execPath, [bin, 'scan', 'surface', '--format', 'html', '--output', surfaceReport], { cwd: work, encoding: 'utf8' });
if (surfaceWritten.status !== 0) throw new Error(`scan --format html failed on the fixture: ${surfaceWritten.stderr}`);
const json = JSON.parse(scan('--format', 'json').stdout) as { findings: { file: string; line: number; message: string; flow?: unknown[] }[]; grade: string };
const written = scan('--format', 'html', '--output', report);
if (written.code !== 0) throw new Error(`scan --format html failed: ${written.stderr}`);

describe('the HTML report', () => {
  it('is one self-contained page: no scripts, no links to other files, every text escaped', () => {
    const html = readFileSync(report, 'utf8');
    expect(html).toMatch(/^<!doctype html>/u);
    expect(html).not.toMatch(/<script|<link|src=|@import|url\(/u);
    // Messages quote code (`'req.body.name'`): quotes and angle brackets appear only escaped.
    expect(html).toContain('&#39;req.body.name&#39;');
    expect((html.match(/<details class="finding/gu) ?? []).length).toBe(json.findings.length);
  });

  it("prints no secret: a hard-coded key's line is left out, and a key on the line of another finding is masked", () => {
    const dir = path.join(work, 'keys');
    const key = 'sk-proj-' + 'Ab3dEf6hIj9kLm2nOp5qRs8t';
    mkdirSync(path.join(dir, 'src'), { recursive: true });
    writeFileSync(
      path.join(dir, 'src/keys.ts'),
      [
        `import express from 'express'; import OpenAI from 'openai';`,
        `export const openai = new OpenAI({ apiKey: 'team-shared-7f3a9c' });`,
        `export const secret = process.env.JWT_SECRET || 'a8F2h6T9j4Kl0Pz8W7eX';`,
        `const app = express();`,
        `app.get('/x', (req, res) => { try { run(); } catch (err) { res.json({ stack: (err as Error).stack, hint: '${key}' }); } });`,
        `app.get('/y', (req, res) => { try { run(); } catch (err) { res.json({ stack: (err as Error).stack, client: new OpenAI({ apiKey: 'team-shared-9q2w8e7r' }) }); } });`,
        `declare function run(): void;`,
      ].join('\n'),
    );
    const out = path.join(work, 'keys.html');
    const child = spawnSync(process.execPath, [bin, 'scan', 'keys', '--format', 'html', '--output', out], { cwd: work, encoding: 'utf8' });
    expect(child.status).toBe(0);
    const html = readFileSync(out, 'utf8');
    // The twin: the error-details finding on that line still shows its code, with the key masked.
    expect(html).toContain('<code>app.get(&#39;/x&#39;');
    expect(html).toContain('sk-pro…');
    // A key of no provider's format on the line of another finding: cut where the scan reported it.
    expect(html).toContain('<code>app.get(&#39;/y&#39;');
    expect(html).toContain('apiKey: &#39;team-… })');
    for (const secret of [key, 'team-shared-7f3a9c', 'a8F2h6T9j4Kl0Pz8W7eX', 'team-shared-9q2w8e7r', 'shared-9q2w']) expect(html).not.toContain(secret);
  });

  it('ends with the inventory of the AI surface: routes linked to the LLM calls they reach, calls with their model and filled slots, tools, loggers, keys', () => {
    const html = readFileSync(surfaceReport, 'utf8');
    const inventory = html.slice(html.indexOf('<section id="inventory">'));
    expect(inventory).toContain('3 routes or handlers reaching an LLM call (1 other route reaching none); 3 LLM calls, 3 tools, 1 logger, 1 secret env variable.');
    expect(inventory).toContain('<a href="#call-src/llm.ts:7">src/llm.ts:7</a> openai chat.completions.create');
    expect(inventory).toContain('<tr id="call-src/llm.ts:7">');
    expect(inventory).toContain('<li class="request">user message ← <code>req.body.question</code> <span class="where">src/server.ts:13</span></li>');
    expect(inventory).toContain('<li>system message: no request data</li>');
    expect(inventory).toContain('<code>&#39;gpt-4o&#39;</code>');
    expect(inventory).toContain('<li>shell command (exec) <span class="where">src/tools.ts:9</span></li>');
    expect(inventory).toContain('<code>OPENAI_API_KEY</code>');
    // The demo app's page lists its own surface.
    expect(readFileSync(report, 'utf8')).toMatch(/<table id="calls">[\s\S]*openai chat\.completions\.create/u);
  });

  it('shows a call in a module the scan leaves out (gitignored) as a place without a link, since no row holds it', () => {
    const dir = path.join(work, 'generated-client');
    mkdirSync(path.join(dir, 'src'), { recursive: true });
    mkdirSync(path.join(dir, 'generated'), { recursive: true });
    writeFileSync(path.join(dir, '.gitignore'), 'generated/\n');
    writeFileSync(path.join(dir, 'generated/llm.ts'), `import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport async function ask(q: string) {\n  return openai.chat.completions.create({ model: 'gpt-4o', max_tokens: 10, messages: [{ role: 'user', content: q }] });\n}\n`);
    writeFileSync(path.join(dir, 'src/server.ts'), `import express from 'express';\nimport { ask } from '../generated/llm';\nconst app = express();\napp.post('/ask', async (req, res) => { await ask(String(req.body.q)); res.end(); });\n`);
    const out = path.join(work, 'generated.html');
    expect(spawnSync(process.execPath, [bin, 'scan', 'generated-client', '--format', 'html', '--output', out], { cwd: work, encoding: 'utf8' }).status).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<li><span class="where">generated/llm.ts:4</span> (not scanned)</li>');
    expect(html).not.toContain('href="#call-generated');
    expect(html).toContain('<p id="calls" class="empty">No LLM call found.</p>');
  });

  it.skipIf(!browserPath)(`renders in headless Chromium${browserPath ? '' : ' (skipped: no chromium in /usr/bin; apt-get install chromium)'}: every finding listed, paths open, no console errors, no network`, async () => {
    const browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('request', (request) => requests.push(request.url()));
      const url = pathToFileURL(report).href;
      await page.goto(url);
      expect(await page.textContent('#grade')).toBe(json.grade);
      const findings = page.locator('details.finding');
      expect(await findings.count()).toBe(json.findings.length);
      // The first finding with a path: closed at first, open after a click, with the code of each step.
      const withFlow = json.findings.findIndex((f) => f.flow && f.flow.length > 1);
      const item = findings.nth(withFlow);
      expect(await item.locator('ol.path').isVisible()).toBe(false);
      await item.locator('summary').click();
      expect(await item.evaluate((node) => (node as unknown as { open: boolean }).open)).toBe(true);
      expect(await item.locator('ol.path > li').count()).toBe(json.findings[withFlow].flow!.length);
      expect(await item.locator('ol.path pre code').first().isVisible()).toBe(true);
      // The inventory: each route's LLM call links to its row in the table of calls.
      const routes = page.locator('#routes tbody tr');
      expect(await routes.count()).toBeGreaterThan(0);
      const link = routes.first().locator('a').first();
      const target = (await link.getAttribute('href'))!;
      await link.click();
      expect(decodeURIComponent(new URL(page.url()).hash)).toBe(target);
      expect(await page.locator(`[id="${target.slice(1)}"]`).isVisible()).toBe(true);
      // The fixture's page: its three LLM routes, each linking to the row of the call it reaches.
      const surfaceUrl = pathToFileURL(surfaceReport).href;
      await page.goto(surfaceUrl);
      expect(await page.locator('#routes tbody tr').count()).toBe(3);
      expect(await page.locator('details.finding').count()).toBe(6);
      for (const href of await page.locator('#routes a').evaluateAll((links) => links.map((a) => (a as unknown as { getAttribute(name: string): string }).getAttribute('href')))) {
        expect(await page.locator(`[id="${href.slice(1)}"]`).count()).toBe(1);
      }
      expect(errors).toEqual([]);
      expect(requests).toEqual([url, surfaceUrl]);
    } finally {
      await browser.close();
    }
  });
});
