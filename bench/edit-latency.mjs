// The editor case: one process keeps linting a generated project, and one file is edited.
//
//   npm run build && node bench/edit-latency.mjs [--files 1000] [--edits 7]
//
// Lints every file once (the project index and module caches are built), then, for each edit,
// waits past the one-second pause that starts a new lint generation, changes one route file
// (a different one each time), and lints that file alone, as an editor does on each keystroke
// pause. Prints the median and the slowest wall time of those re-lints, and the plugin's rule
// time within them (ESLint stats).
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { ESLint } from 'eslint';
import plugin from '../dist/src/index.js';
import { generateCorpus } from './generate.mjs';

const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const count = option('--files', 1000);
const edits = option('--edits', 7);
const dir = generateCorpus(path.join(tmpdir(), `llm-security-edit-${count}`), count);
const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended], stats: true });

const started = performance.now();
const all = await eslint.lintFiles(['**/*.ts']);
console.log(`first lint of ${all.length} files: ${(performance.now() - started).toFixed(0)} ms`);

const routes = all.map((r) => r.filePath).filter((file) => /[\\/]routes[\\/]/u.test(file));
const walls = [];
const rules = [];
for (let i = 0; i < edits; i++) {
  const file = routes[(i * 37) % routes.length];
  await sleep(1100);
  writeFileSync(file, `${readFileSync(file, 'utf8')}\n// edit ${i}\n`);
  const start = performance.now();
  const [result] = await eslint.lintFiles([file]);
  walls.push(performance.now() - start);
  let ms = 0;
  for (const pass of result.stats?.times.passes ?? []) for (const [id, time] of Object.entries(pass.rules ?? {})) if (id.startsWith('llm-security/')) ms += time.total;
  rules.push(ms);
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`re-lint of one edited file in a ${count}-file project: median ${median(walls).toFixed(1)} ms wall (slowest ${Math.max(...walls).toFixed(1)} ms), plugin rules median ${median(rules).toFixed(1)} ms`);
