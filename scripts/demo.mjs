// Lints the bundled vulnerable app in examples/ with the plugin's recommended config and
// prints ESLint's normal report. `--fix-dry-run` also prints the fixed sources.
// Exits 0 when the lint ran (findings are the point of the demo), non-zero if it crashed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const examples = path.join(root, 'examples');
const fixDryRun = process.argv.includes('--fix-dry-run');

const eslint = new ESLint({
  cwd: examples,
  overrideConfigFile: path.join(examples, 'eslint.config.js'),
  fix: fixDryRun,
});
const results = await eslint.lintFiles(['.']);
const formatter = await eslint.loadFormatter('stylish');
process.stdout.write(await formatter.format(results));

if (fixDryRun) {
  for (const result of results) {
    if (result.output === undefined) continue;
    process.stdout.write(`\n--- ${path.relative(root, result.filePath)} after --fix ---\n${result.output}`);
  }
}

const crashed = results.some((result) => result.messages.some((message) => message.fatal));
const findings = results.reduce((sum, result) => sum + result.messages.length, 0);
process.stdout.write(`\n${findings} finding(s) in ${results.length} file(s) of examples/.\n`);
process.exitCode = crashed ? 2 : 0;
