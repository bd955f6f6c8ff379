import { readFileSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { globSync } from 'tinyglobby';

/**
 * The files `scan` lints: JavaScript and TypeScript sources under a folder, as the team would
 * lint them. Dependencies, build output and generated code are left out, and so is what the
 * folder's `.gitignore` files (the root one and nested ones) ignore. The project's own
 * `eslint.config.js` is not loaded: that would run the audited repository's code.
 */

const SOURCE_GLOB = '**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}';

/** Dependencies and tool folders, at any depth: never the code a team wrote. */
const SKIPPED_DIRS = ['node_modules', '.yarn', '.next', '.nuxt', '.output', '.svelte-kit', '.turbo', '.vercel', '.git'];
const SKIPPED = SKIPPED_DIRS.map((dir) => `**/${dir}/**`);
/** Build output: only next to a package.json (or at the scanned root), since `src/build/` may be code the team wrote. */
const OUTPUT_DIRS = ['dist', 'build', 'out', 'coverage'];

/** The build-output folders of the root and of each package under it (`packages/api/dist/**`). */
function outputFolders(root: string): string[] {
  const packages = globSync('**/package.json', { cwd: root, ignore: SKIPPED, followSymbolicLinks: false }).map((file) => path.posix.dirname(file));
  return [...new Set(['.', ...packages])].flatMap((dir) => OUTPUT_DIRS.map((out) => (dir === '.' ? `${out}/**` : `${dir}/${out}/**`)));
}
const GENERATED = ['**/*.d.ts', '**/*.d.mts', '**/*.d.cts', '**/*.min.js'];

/** The rules of each `.gitignore` under `root`, by the folder it sits in (relative, '' for the root), outermost first. */
function gitignores(root: string): { dir: string; rules: Ignore }[] {
  const files = globSync('**/.gitignore', { cwd: root, dot: true, ignore: SKIPPED, followSymbolicLinks: false });
  return files
    .map((file) => {
      const dir = path.posix.dirname(file);
      let text = '';
      try {
        text = readFileSync(path.join(root, file), 'utf8');
      } catch {
        // An unreadable .gitignore ignores nothing.
      }
      return { dir: dir === '.' ? '' : dir, rules: ignore().add(text) };
    })
    .sort((a, b) => a.dir.split('/').length - b.dir.split('/').length || a.dir.localeCompare(b.dir))
    // Git never reads a .gitignore inside a folder it ignores.
    .reduce<{ dir: string; rules: Ignore }[]>((kept, file) => (file.dir !== '' && ignoredByGit(`${file.dir}/`, kept) ? kept : [...kept, file]), []);
}

/**
 * Whether the `.gitignore` files of the file's folders ignore it, read outermost first: a deeper
 * file's rule wins, a `!pattern` takes a file back, and a file in an ignored folder stays ignored
 * (the `ignore` package checks the folders of a path).
 */
function ignoredByGit(relative: string, rules: readonly { dir: string; rules: Ignore }[]): boolean {
  let ignored = false;
  for (const { dir, rules: set } of rules) {
    if (dir !== '' && !relative.startsWith(`${dir}/`)) continue;
    const result = set.test(dir === '' ? relative : relative.slice(dir.length + 1));
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

/** The source files under `dir`, absolute, in path order. */
export function sourceFiles(dir: string): string[] {
  const root = path.resolve(dir);
  const rules = gitignores(root);
  const files = globSync(SOURCE_GLOB, { cwd: root, dot: true, ignore: [...SKIPPED, ...outputFolders(root), ...GENERATED], followSymbolicLinks: false });
  return files
    .filter((file) => !ignoredByGit(file, rules))
    .sort()
    .map((file) => path.join(root, file));
}
