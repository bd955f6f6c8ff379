// The benchmark: `npm run bench` (embedded generated corpus) or `npm run bench -- --dir <path>`.
// Every measurement is a fresh Node process (bench/worker.mjs); the table shows medians.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus, generateLongFile } from './generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

function options(argv) {
  const get = (name) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const quick = argv.includes('--quick');
  return {
    dir: get('--dir'),
    runs: Number(get('--runs') ?? (quick ? 1 : 3)),
    out: path.resolve(get('--out') ?? path.join(here, 'results')),
    types: argv.includes('--types'),
    sizes: quick ? [100, 400] : [100, 400, 1600],
    lengths: quick ? [1000, 2000, 4000, 8000] : [1000, 2000, 4000, 8000, 16000, 32000, 64000],
  };
}

const CONFIGS = ['parse', 'eslint-recommended', 'recommended', 'strict', 'all'];

function measure(job, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(process.execPath, [path.join(here, 'worker.mjs'), JSON.stringify(job)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (child.status !== 0) throw new Error(`worker failed for ${JSON.stringify(job)}:\n${child.stderr}`);
    samples.push(JSON.parse(child.stdout.trim().split('\n').at(-1)));
  }
  const median = (key) => {
    const sorted = samples.map((s) => s[key]).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  };
  const last = samples.at(-1);
  return {
    ...job,
    files: last.files,
    wallMs: median('wallMs'),
    parseMs: median('parseMs'),
    pluginMs: median('pluginMs'),
    rulesMs: median('rulesMs'),
    peakRssMb: median('peakRssMb'),
    indexMs: median('indexMs'),
    indexReads: last.indexReads,
    modulesParsed: last.modulesParsed,
    maxFileMs: Math.max(...samples.map((s) => s.maxFileMs)),
    maxFile: last.maxFile,
    findings: last.findings,
    fatal: last.fatal,
    rules: last.rules,
  };
}

/** Least-squares slope of log(y) against log(x): 1 is linear. */
function exponent(points) {
  const usable = points.filter(([x, y]) => x > 0 && y > 0);
  if (usable.length < 2) return NaN;
  const xs = usable.map(([x]) => Math.log(x));
  const ys = usable.map(([, y]) => Math.log(y));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return num / den;
}

const fixed = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
const pad = (text, width) => String(text).padStart(width);

function table(rows, parseWall) {
  const header = `${'corpus'.padEnd(22)}${'config'.padEnd(22)}${pad('files', 6)}${pad('wall ms', 10)}${pad('files/s', 9)}${pad('RSS MB', 8)}${pad('rules ms', 10)}${pad('plugin ms', 11)}${pad('wall +%', 9)}${pad('plugin %', 10)}${pad('max file ms', 13)}`;
  const lines = [header, '-'.repeat(header.length)];
  for (const row of rows) {
    const base = parseWall(row);
    const overhead = row.config === 'parse' ? '' : `${fixed(((row.wallMs - base) / base) * 100, 1)}%`;
    // The plugin's own rule time (ESLint stats) against the parse-only run: steadier than a difference of wall times.
    const cost = row.config === 'parse' || row.config === 'eslint-recommended' ? '' : `${fixed((row.pluginMs / base) * 100, 1)}%`;
    lines.push(
      `${row.label.padEnd(22)}${row.configLabel.padEnd(22)}${pad(row.files, 6)}${pad(fixed(row.wallMs), 10)}${pad(fixed((row.files / row.wallMs) * 1000), 9)}${pad(fixed(row.peakRssMb), 8)}${pad(fixed(row.rulesMs), 10)}${pad(fixed(row.pluginMs), 11)}${pad(overhead, 9)}${pad(cost, 10)}${pad(fixed(row.maxFileMs, 1), 13)}`,
    );
  }
  return lines.join('\n');
}

/** A small log-log chart of time against size, one line per series. */
function chart(title, xLabel, series, x0, y0) {
  const width = 380;
  const height = 240;
  const points = series.flatMap((s) => s.points).filter(([x, y]) => x > 0 && y > 0);
  if (points.length === 0) return '';
  const lx = points.map(([x]) => Math.log10(x));
  const ly = points.map(([, y]) => Math.log10(y));
  const [minX, maxX, minY, maxY] = [Math.min(...lx), Math.max(...lx), Math.min(...ly), Math.max(...ly)];
  const sx = (x) => x0 + 50 + ((Math.log10(x) - minX) / (maxX - minX || 1)) * (width - 70);
  const sy = (y) => y0 + height - 40 - ((Math.log10(y) - minY) / (maxY - minY || 1)) * (height - 70);
  const colors = ['#888', '#1f77b4', '#d62728', '#2ca02c'];
  let svg = `<text x="${x0 + width / 2}" y="${y0 + 16}" text-anchor="middle" font-size="13">${title}</text>`;
  svg += `<line x1="${x0 + 50}" y1="${y0 + height - 40}" x2="${x0 + width - 20}" y2="${y0 + height - 40}" stroke="#000"/>`;
  svg += `<line x1="${x0 + 50}" y1="${y0 + 30}" x2="${x0 + 50}" y2="${y0 + height - 40}" stroke="#000"/>`;
  svg += `<text x="${x0 + width / 2}" y="${y0 + height - 10}" text-anchor="middle" font-size="11">${xLabel} (log)</text>`;
  svg += `<text x="${x0 + 12}" y="${y0 + height / 2}" font-size="11" transform="rotate(-90 ${x0 + 12} ${y0 + height / 2})" text-anchor="middle">ms (log)</text>`;
  series.forEach((s, i) => {
    const pts = s.points.filter(([x, y]) => x > 0 && y > 0);
    svg += `<polyline fill="none" stroke="${colors[i % colors.length]}" stroke-width="2" points="${pts.map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(' ')}"/>`;
    for (const [x, y] of pts) svg += `<circle cx="${sx(x).toFixed(1)}" cy="${sy(y).toFixed(1)}" r="2.5" fill="${colors[i % colors.length]}"><title>${s.name}: ${x} → ${y.toFixed(0)} ms</title></circle>`;
    svg += `<text x="${x0 + 60}" y="${y0 + 40 + i * 14}" font-size="11" fill="${colors[i % colors.length]}">${s.name}</text>`;
  });
  return svg;
}

function writeOutputs(out, report, charts) {
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  if (charts.length > 0) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${400 * charts.length}" height="250" font-family="sans-serif">${charts.join('')}</svg>\n`;
    writeFileSync(path.join(out, 'bench.svg'), svg);
  }
  console.log(`\nResults: ${path.join(out, 'bench.json')}${charts.length > 0 ? ` and ${path.join(out, 'bench.svg')}` : ''}`);
}

function runOnDir(opts) {
  const dir = path.resolve(opts.dir);
  const rows = [];
  for (const types of opts.types ? [false, true] : [false]) {
    for (const config of CONFIGS) {
      const row = measure({ dir, config, types }, opts.runs);
      rows.push({ ...row, label: path.basename(dir), configLabel: `${config}${types ? ' +types' : ''}` });
      console.error(`measured ${config}${types ? ' +types' : ''}`);
    }
  }
  const parseWall = (row) => rows.find((r) => r.config === 'parse' && r.types === row.types).wallMs;
  console.log(table(rows, parseWall));
  writeOutputs(opts.out, { dir, runs: opts.runs, rows }, []);
}

function runDefault(opts) {
  const root = path.join(tmpdir(), 'llm-security-bench');
  const rows = [];
  const run = (job, label, configLabel) => {
    const row = measure(job, opts.runs);
    rows.push({ ...row, label, configLabel });
    console.error(`measured ${label} ${configLabel}: ${fixed(row.wallMs)} ms`);
    return row;
  };

  // File count: the generated corpus at each size, every config; the smallest also with type information.
  for (const size of opts.sizes) {
    const dir = generateCorpus(path.join(root, `files-${size}`), size);
    for (const config of CONFIGS) run({ dir, config }, `${size} files`, config);
    run({ dir, config: 'all', crossFile: false }, `${size} files`, 'all (same-file)');
    // With type information (typescript-eslint's project service): every config on the smallest corpus, or on all with --types.
    if (size === opts.sizes[0] || opts.types) {
      for (const config of CONFIGS) run({ dir, config, types: true }, `${size} files`, `${config} +types`);
    }
  }
  // File length: one file of growing length, parse only and all rules.
  for (const lines of opts.lengths) {
    const dir = path.join(root, `lines-${lines}`);
    generateLongFile(path.join(dir, 'routes.ts'), lines);
    run({ dir, config: 'parse' }, `${lines} lines`, 'parse');
    run({ dir, config: 'all' }, `${lines} lines`, 'all');
  }

  const parseWall = (row) =>
    rows.find((r) => r.label === row.label && r.config === 'parse' && Boolean(r.types) === Boolean(row.types))?.wallMs ?? NaN;
  console.log(table(rows, parseWall));

  const pick = (config, family, key) =>
    rows.filter((r) => r.configLabel === config && r.label.endsWith(family)).map((r) => [Number.parseInt(r.label, 10), r[key]]);
  // The plugin's cost: its rules' time (ESLint stats) as a share of the parse-only wall time.
  const overhead = (config) => {
    const largest = `${opts.sizes.at(-1)} files`;
    const row = rows.find((r) => r.label === largest && r.configLabel === config);
    return row ? (row.pluginMs / parseWall(row)) * 100 : NaN;
  };
  const largest = rows.find((r) => r.label === `${opts.sizes.at(-1)} files` && r.configLabel === 'all');
  const sameFile = rows.find((r) => r.label === `${opts.sizes.at(-1)} files` && r.configLabel === 'all (same-file)');
  const figures = {
    recommendedOverParsePercent: overhead('recommended'),
    allOverParsePercent: overhead('all'),
    crossFileRatio: largest && sameFile ? largest.pluginMs / sameFile.pluginMs : NaN,
    exponentWallByLines: exponent(pick('all', 'lines', 'wallMs')),
    exponentPluginByLines: exponent(pick('all', 'lines', 'pluginMs')),
    // The upper half alone: a fit over all sizes can hide a cost that only grows fast on big files.
    exponentPluginByLinesLargest: exponent(pick('all', 'lines', 'pluginMs').slice(-4)),
    exponentWallByFiles: exponent(pick('all', 'files', 'wallMs')),
    exponentPluginByFiles: exponent(pick('all', 'files', 'pluginMs')),
    exponentMemoryByFiles: exponent(pick('all', 'files', 'peakRssMb')),
    eslintRecommendedRulesOverParsePercent: (() => {
      const row = rows.find((r) => r.label === `${opts.sizes.at(-1)} files` && r.configLabel === 'eslint-recommended');
      return row ? (row.rulesMs / parseWall(row)) * 100 : NaN;
    })(),
    maxFileMsInCorpus: Math.max(...rows.filter((r) => r.label.endsWith('files') && r.configLabel === 'all').map((r) => r.maxFileMs)),
  };
  const targets = [
    ['recommended adds at most 10% over parse-only', figures.recommendedOverParsePercent <= 10, `${fixed(figures.recommendedOverParsePercent, 1)}%`],
    ['all adds at most 20% over parse-only', figures.allOverParsePercent <= 20, `${fixed(figures.allOverParsePercent, 1)}%`],
    [
      'time grows linearly with file length (exponent <= 1.1, over all lengths and over the largest four)',
      figures.exponentPluginByLines <= 1.1 && figures.exponentPluginByLinesLargest <= 1.1,
      `plugin ${fixed(figures.exponentPluginByLines, 2)} (largest four ${fixed(figures.exponentPluginByLinesLargest, 2)}), wall ${fixed(figures.exponentWallByLines, 2)}`,
    ],
    ['time grows linearly with file count (exponent <= 1.1)', figures.exponentPluginByFiles <= 1.1, `plugin ${fixed(figures.exponentPluginByFiles, 2)}, wall ${fixed(figures.exponentWallByFiles, 2)}`],
    ['no file of the corpus takes over 50 ms with all rules', figures.maxFileMsInCorpus <= 50, `${fixed(figures.maxFileMsInCorpus, 1)} ms`],
    ['peak memory grows linearly with file count (exponent <= 1.1)', figures.exponentMemoryByFiles <= 1.1, fixed(figures.exponentMemoryByFiles, 2)],
  ];
  console.log('\nTargets');
  for (const [name, met, value] of targets) console.log(`  ${met ? 'met   ' : 'MISSED'} ${name}: ${value}`);
  console.log(`  for comparison, eslint:recommended's own rules take ${fixed(figures.eslintRecommendedRulesOverParsePercent, 1)}% of the parse-only time`);
  console.log(`  cross-file analysis costs ${fixed(figures.crossFileRatio, 2)}x the same-file engine (plugin time, all rules, ${opts.sizes.at(-1)} files)`);
  if (largest) {
    console.log(
      `  project index (all rules, ${opts.sizes.at(-1)} files): ${fixed(largest.indexMs, 1)} ms to list the project, read ${largest.indexReads} import lists and map importers (inside the plugin time); ${largest.modulesParsed} modules parsed for cross-file questions`,
    );
  }
  const perRule = Object.entries(largest?.rules ?? {}).filter(([id]) => id.startsWith('llm-security/')).sort((a, b) => b[1] - a[1]);
  console.log(`\nPer-rule time, all rules on ${opts.sizes.at(-1)} files (the shared analysis is charged to the first rule that asks for it)`);
  for (const [id, ms] of perRule) console.log(`  ${pad(fixed(ms, 1), 8)} ms  ${id}`);

  const charts = [
    chart('time against file length', 'lines', [{ name: 'parse only', points: pick('parse', 'lines', 'wallMs') }, { name: 'all rules', points: pick('all', 'lines', 'wallMs') }, { name: 'plugin rules', points: pick('all', 'lines', 'pluginMs') }], 0, 0),
    chart('time against file count', 'files', [{ name: 'parse only', points: pick('parse', 'files', 'wallMs') }, { name: 'all rules', points: pick('all', 'files', 'wallMs') }, { name: 'plugin rules', points: pick('all', 'files', 'pluginMs') }], 400, 0),
  ];
  writeOutputs(opts.out, { runs: opts.runs, figures, targets: targets.map(([name, met, value]) => ({ name, met, value })), rows }, charts);
}

const opts = options(process.argv.slice(2));
if (opts.dir) runOnDir(opts);
else runDefault(opts);
