// One measured lint, in a fresh process: `node bench/worker.mjs '<json>'`. Prints one JSON line.
import { performance } from 'node:perf_hooks';
import js from '@eslint/js';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import plugin from '../dist/src/index.js';
import { indexStats } from '../dist/src/program/project-index.js';
import { moduleStats } from '../dist/src/program/modules.js';

const { dir, patterns, config, types, crossFile = true } = JSON.parse(process.argv[2]);
const FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];
const IGNORES = { ignores: ['**/node_modules/**', '**/dist/**', '**/build/**', '**/.next/**', '**/*.d.ts', '**/*.min.js'] };
const parserOptions = { ecmaFeatures: { jsx: true }, ...(types ? { projectService: true, tsconfigRootDir: dir } : {}) };
const parse = { files: FILES, languageOptions: { parser: tsParser, parserOptions } };

function configFor(name) {
  if (name === 'parse') return [IGNORES, parse];
  if (name === 'eslint-recommended') return [IGNORES, parse, { files: FILES, rules: js.configs.recommended.rules }];
  return [
    IGNORES,
    { ...plugin.configs[name], languageOptions: { ...plugin.configs[name].languageOptions, parserOptions } },
    { settings: { 'llm-security': { crossFile } } },
  ];
}

const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: configFor(config), stats: true, errorOnUnmatchedPattern: false, warnIgnored: false });
const start = performance.now();
const results = await eslint.lintFiles(patterns ?? FILES);
const wallMs = performance.now() - start;

let parseMs = 0;
let pluginMs = 0;
let rulesMs = 0;
let maxFileMs = 0;
let maxFile = '';
let fatal = 0;
let findings = 0;
const rules = {};
for (const result of results) {
  let fileMs = 0;
  for (const pass of result.stats?.times.passes ?? []) {
    parseMs += pass.parse.total;
    for (const [id, time] of Object.entries(pass.rules ?? {})) {
      rules[id] = (rules[id] ?? 0) + time.total;
      rulesMs += time.total;
      if (id.startsWith('llm-security/')) fileMs += time.total;
    }
  }
  pluginMs += fileMs;
  if (fileMs > maxFileMs) {
    maxFileMs = fileMs;
    maxFile = result.filePath;
  }
  for (const message of result.messages) {
    if (message.fatal) fatal++;
    else if (message.ruleId?.startsWith('llm-security/')) findings++;
  }
}
process.stdout.write(
  `${JSON.stringify({ files: results.length, wallMs, parseMs, pluginMs, rulesMs, maxFileMs, maxFile, fatal, findings, rules, peakRssMb: process.resourceUsage().maxRSS / 1024, indexMs: indexStats.ms, indexReads: indexStats.reads, modulesParsed: moduleStats.parsed })}\n`,
);
