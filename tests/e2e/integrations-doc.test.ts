import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Runs every snippet of docs/integrations.md in a copy of the demo app placed inside this
 * repository, so that `import 'eslint-plugin-llm-security'` resolves to the built package (a
 * package may import itself by name) and typescript-eslint comes from its node_modules.
 */
const repo = path.resolve(import.meta.dirname, '../..');
const doc = readFileSync(path.join(repo, 'docs/integrations.md'), 'utf8');
const eslintBin = path.join(repo, 'node_modules/eslint/bin/eslint.js');

function snippet(name: string): string {
  const match = new RegExp(`<!-- snippet: ${name.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&')} -->\\n\`\`\`\\w+\\n([\\s\\S]*?)\\n\`\`\``, 'u').exec(doc);
  if (!match) throw new Error(`no snippet '${name}' in docs/integrations.md`);
  return match[1];
}

const project = mkdtempSync(path.join(repo, '.tmp-integrations-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));
cpSync(path.join(repo, 'examples'), project, { recursive: true });
rmSync(path.join(project, 'eslint.config.js'), { force: true });
writeFileSync(
  path.join(project, 'tsconfig.json'),
  JSON.stringify({ compilerOptions: { allowJs: true, checkJs: false, jsx: 'react-jsx', module: 'esnext', moduleResolution: 'bundler', target: 'ES2022', strict: true, skipLibCheck: true, noEmit: true }, include: ['**/*'] }),
);
writeFileSync(path.join(project, 'eslint.config.js'), snippet('eslint.config.js'));

function eslint(args: string[]): string {
  try {
    return execFileSync(process.execPath, [eslintBin, ...args], { cwd: project, encoding: 'utf8' });
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    // 1 means findings; anything else is a crash or a config error.
    if (failed.status !== 1) throw new Error(failed.stderr || failed.stdout, { cause: error });
    return failed.stdout;
  }
}

describe('docs/integrations.md', () => {
  it('the typescript-eslint type-aware config lints the app with both plugins and type information', () => {
    const results = JSON.parse(eslint(['--format', 'json', 'src/express-support-bot.ts', 'app/api/translate/route.ts'])) as { messages: { ruleId: string | null; fatal?: boolean }[] }[];
    const messages = results.flatMap((r) => r.messages);
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    expect(messages.some((m) => m.ruleId === 'llm-security/no-user-input-in-system-prompt')).toBe(true);
    expect(messages.some((m) => m.ruleId?.startsWith('@typescript-eslint/'))).toBe(true);
  });

  it('the lint-staged config runs eslint --fix, which rewrites the staged file', async () => {
    writeFileSync(path.join(project, 'lint-staged.config.js'), snippet('lint-staged.config.js'));
    const config = (await import(pathToFileURL(path.join(project, 'lint-staged.config.js')).href)).default as Record<string, string>;
    const [glob, command] = Object.entries(config)[0];
    expect(glob).toContain('ts');
    const file = path.join(project, 'src/express-support-bot.ts');
    const before = readFileSync(file, 'utf8');
    // lint-staged appends the staged files to the command.
    const [bin, ...args] = command.split(' ');
    expect(bin).toBe('eslint');
    eslint([...args, file]);
    const after = readFileSync(file, 'utf8');
    expect(after).not.toBe(before);
    expect(after).toContain(`{ role: 'user', content: String(customerName) }`);
  });

  it('the CI job writes SARIF that the upload step reads', () => {
    const workflow = snippet('.github/workflows/llm-security.yml');
    const run = /- run: npx (eslint .*)$/mu.exec(workflow);
    const sarifFile = /sarif_file: (\S+)/u.exec(workflow)?.[1];
    expect(run).not.toBeNull();
    const args = run![1].split(' ').slice(1);
    eslint(args);
    expect(existsSync(path.join(project, sarifFile!))).toBe(true);
    const sarif = JSON.parse(readFileSync(path.join(project, sarifFile!), 'utf8'));
    const results = sarif.runs[0].results as { ruleId: string }[];
    expect(results.some((r) => r.ruleId === 'llm-security/no-error-details-in-response')).toBe(true);
  });

  /**
   * The bulk-suppression recipe on a copy of `source` linted with `config`: every reporting rule and
   * finding recorded, plain eslint passes, a new flow is the one finding, a fixed file's entries
   * make eslint exit 2 until pruned. Returns what was recorded.
   */
  function suppressionRecipe(source: string, config: string, prepare: (app: string) => void = () => {}): { recorded: Record<string, Record<string, { count: number }>>; before: string[] } {
    // A copy of its own: the other cases edit the shared copy.
    const app = mkdtempSync(path.join(repo, '.tmp-suppressions-'));
    try {
      cpSync(source, app, { recursive: true });
      prepare(app);
      writeFileSync(path.join(app, 'eslint.config.js'), config);
      const run = (args: string[]) => {
        try {
          return { status: 0, stdout: execFileSync(process.execPath, [eslintBin, ...args], { cwd: app, encoding: 'utf8' }) };
        } catch (error) {
          const failed = error as { status: number; stdout: string; stderr: string };
          return { status: failed.status, stdout: failed.stdout + failed.stderr };
        }
      };
      const found = () => (JSON.parse(run(['.', '--format', 'json']).stdout) as { filePath: string; messages: { ruleId: string }[] }[]).flatMap((r) => r.messages.map((m) => `${path.relative(app, r.filePath)} ${m.ruleId}`));
      const before = found();
      const rules = new Set(before.map((line) => line.split(' ')[1]));
      expect(rules.size).toBeGreaterThan(1);

      const [suppress, lint, prune] = snippet('suppressions').split('\n').map((line) => line.replace(/^npx eslint /u, '').split(' '));
      expect(run(suppress).status).toBe(0);
      const recorded = JSON.parse(readFileSync(path.join(app, 'eslint-suppressions.json'), 'utf8')) as Record<string, Record<string, { count: number }>>;
      // Every rule that reported is recorded, with every one of its findings.
      const counts = new Map<string, number>();
      for (const byRule of Object.values(recorded)) for (const [rule, { count }] of Object.entries(byRule)) counts.set(rule, (counts.get(rule) ?? 0) + count);
      expect(new Set(counts.keys())).toEqual(rules);
      expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(before.length);
      expect(run(lint).status).toBe(0);

      // A new flow in a file that has none: exactly one finding, the new one.
      writeFileSync(
        path.join(app, 'src/new-route.ts'),
        `import express from 'express';\nconst app = express();\napp.get('/debug', (req, res) => { try { run(); } catch (err) { res.status(500).json({ stack: (err as Error).stack }); } });\ndeclare function run(): void;\n`,
      );
      expect(run(lint).status).toBe(1);
      expect(found().filter((line) => before.every((old) => old !== line))).toEqual(['src/new-route.ts llm-security/no-error-details-in-response']);

      // Fixing the old flows of a file leaves stale entries: eslint says so until they are pruned.
      const fixed = Object.keys(recorded).find((file) => file.startsWith('src/') && file.endsWith('.ts'))!;
      writeFileSync(path.join(app, fixed), 'export const fixed = true;\n');
      const stale = run(lint);
      expect(stale.status).toBe(2);
      expect(stale.stdout).toMatch(/prune-suppressions/u);
      expect(run(prune).status).toBe(1); // the new flow is still reported
      const pruned = JSON.parse(readFileSync(path.join(app, 'eslint-suppressions.json'), 'utf8')) as Record<string, unknown>;
      expect(Object.keys(pruned)).not.toContain(fixed);
      expect(Object.keys(pruned).length).toBe(Object.keys(recorded).length - 1);
      expect(run(lint).stdout).not.toMatch(/prune-suppressions/u);
      return { recorded, before };
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  }

  it('bulk suppressions record every rule, report only a new flow, and prune a fixed one', () => {
    const { before } = suppressionRecipe(path.join(repo, 'examples'), `import llmSecurity from 'eslint-plugin-llm-security';\nexport default [llmSecurity.configs.all];\n`);
    expect(new Set(before.map((line) => line.split(' ')[1])).size).toBeGreaterThan(5);
  });

  it('bulk suppressions on a project with a .gitignore: the config of the doc leaves ignored files out of the record and the report', () => {
    const { recorded, before } = suppressionRecipe(path.join(repo, 'tests/fixtures/scan/ai-surface'), snippet('eslint.config.js with .gitignore'), (app) => {
      // Files the fixture's .gitignore leaves out, each with flows the rules report when linted.
      mkdirSync(path.join(app, 'generated'), { recursive: true });
      const leak = "import express from 'express';\nconst app = express();\napp.get('/x', (req, res) => { try { run(); } catch (err) { res.json({ stack: (err as Error).stack }); } });\ndeclare function run(): void;\n";
      writeFileSync(path.join(app, 'generated/leak.ts'), leak);
      writeFileSync(path.join(app, 'src/debug.local.ts'), leak);
    });
    expect(Object.keys(recorded).sort()).toEqual(['src/routes/summarize.ts', 'src/tools.ts']);
    expect(before.some((line) => /generated|\.local\./u.test(line))).toBe(false);
  });

  it('the scan command writes SARIF', () => {
    const command = snippet('scan');
    const match = /^npx eslint-plugin-llm-security (.*) > (\S+)$/u.exec(command);
    expect(match).not.toBeNull();
    const output = execFileSync(process.execPath, [path.join(repo, 'dist/src/cli/main.js'), ...match![1].split(' ')], { cwd: project, encoding: 'utf8' });
    const sarif = JSON.parse(output);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.length).toBeGreaterThan(5);
  });
});
