import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Resolves an import specifier of a project file to the project file it names, the way Node
 * and TypeScript do for the cases that matter in servers: relative paths with or without an
 * extension (`./prompts`, `./prompts.js` for `prompts.ts`), directory `index` files, and
 * `tsconfig`/`jsconfig` `paths` (`@/lib/ai`). Packages are never followed: anything that
 * resolves into `node_modules`, or a bare specifier without a matching `paths` entry, is null.
 */

/** Source files the engine reads, in the order TypeScript prefers them. */
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** `./x.js` in TypeScript ESM names `./x.ts`. */
const OUTPUT_TO_SOURCE: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};
/** Files too big to be a hand-written module (bundles, generated code) are not read. */
export const MAX_MODULE_BYTES = 512 * 1024;

const isFileCache = new Map<string, boolean>();

function isFile(file: string): boolean {
  let known = isFileCache.get(file);
  if (known === undefined) {
    try {
      known = statSync(file).isFile();
    } catch {
      known = false;
    }
    isFileCache.set(file, known);
  }
  return known;
}

function inPackages(file: string): boolean {
  return file.split(/[\\/]/u).includes('node_modules');
}

function asFile(base: string): string | null {
  const extension = path.extname(base);
  if (EXTENSIONS.includes(extension)) {
    for (const source of OUTPUT_TO_SOURCE[extension] ?? []) {
      const candidate = base.slice(0, -extension.length) + source;
      if (isFile(candidate)) return candidate;
    }
    if (isFile(base)) return base;
  }
  for (const added of EXTENSIONS) if (isFile(base + added)) return base + added;
  for (const added of EXTENSIONS) {
    const index = path.join(base, `index${added}`);
    if (isFile(index)) return index;
  }
  return null;
}

interface PathsConfig {
  /** The directory `paths` are relative to (`baseUrl`, or the config's own directory). */
  readonly base: string;
  readonly paths: readonly { readonly prefix: string; readonly suffix: string; readonly wildcard: boolean; readonly targets: readonly string[] }[];
}

/** JSON with comments and trailing commas, as tsconfig files are written. */
export function parseJsonc(text: string): unknown {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (char === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else {
      out += char;
    }
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/gu, '$1'));
}

interface RawConfig {
  extends?: unknown;
  compilerOptions?: { baseUrl?: unknown; paths?: unknown };
}

/** Reads a tsconfig and the configs it extends (relative ones only), merging `baseUrl` and `paths`. */
function readConfig(file: string, depth = 0): { baseUrl?: string; paths?: Record<string, string[]>; pathsDir?: string } {
  if (depth > 5) return {};
  let raw: RawConfig;
  try {
    raw = parseJsonc(readFileSync(file, 'utf8')) as RawConfig;
  } catch {
    return {};
  }
  const dir = path.dirname(file);
  let inherited: ReturnType<typeof readConfig> = {};
  const parents = Array.isArray(raw.extends) ? raw.extends : [raw.extends];
  for (const parent of parents) {
    if (typeof parent !== 'string' || !parent.startsWith('.')) continue;
    const target = parent.endsWith('.json') ? parent : `${parent}.json`;
    inherited = { ...inherited, ...readConfig(path.resolve(dir, target), depth + 1) };
  }
  const options = raw.compilerOptions ?? {};
  const own: ReturnType<typeof readConfig> = {};
  if (typeof options.baseUrl === 'string') own.baseUrl = path.resolve(dir, options.baseUrl);
  if (options.paths && typeof options.paths === 'object') {
    own.paths = options.paths as Record<string, string[]>;
    own.pathsDir = dir;
  }
  return { ...inherited, ...own };
}

const configCache = new Map<string, PathsConfig | null>();

/** The `paths` of the nearest tsconfig.json or jsconfig.json above `dir`, cached per directory. */
function pathsConfigFor(dir: string): PathsConfig | null {
  const cached = configCache.get(dir);
  if (cached !== undefined) return cached;
  let found: PathsConfig | null = null;
  const file = ['tsconfig.json', 'jsconfig.json'].map((name) => path.join(dir, name)).find(isFile);
  if (file) {
    const config = readConfig(file);
    if (config.paths) {
      const base = config.baseUrl ?? config.pathsDir ?? dir;
      const paths = Object.entries(config.paths)
        .filter(([, targets]) => Array.isArray(targets))
        .map(([pattern, targets]) => {
          const star = pattern.indexOf('*');
          return {
            prefix: star < 0 ? pattern : pattern.slice(0, star),
            suffix: star < 0 ? '' : pattern.slice(star + 1),
            wildcard: star >= 0,
            targets: targets.filter((t): t is string => typeof t === 'string'),
          };
        });
      found = { base, paths };
    }
  } else {
    const parent = path.dirname(dir);
    if (parent !== dir && !isFile(path.join(dir, 'package.json'))) found = pathsConfigFor(parent);
  }
  configCache.set(dir, found);
  return found;
}

function viaPaths(specifier: string, fromDir: string): string | null {
  const config = pathsConfigFor(fromDir);
  if (!config) return null;
  // The longest matching prefix wins, as in TypeScript.
  const matching = config.paths
    .filter((p) => (p.wildcard ? specifier.startsWith(p.prefix) && specifier.endsWith(p.suffix) && specifier.length >= p.prefix.length + p.suffix.length : specifier === p.prefix))
    .sort((a, b) => b.prefix.length - a.prefix.length);
  for (const entry of matching) {
    const star = entry.wildcard ? specifier.slice(entry.prefix.length, specifier.length - entry.suffix.length) : '';
    for (const target of entry.targets) {
      const file = asFile(path.resolve(config.base, target.replace('*', star)));
      if (file) return file;
    }
  }
  return null;
}

const resolved = new Map<string, string | null>();

/** The project file `specifier` names when imported from `fromFile`, or null (packages, missing files). */
export function resolveModule(specifier: string, fromFile: string): string | null {
  if (!path.isAbsolute(fromFile)) return null;
  const fromDir = path.dirname(fromFile);
  const key = `${fromDir}\0${specifier}`;
  let file = resolved.get(key);
  if (file === undefined) {
    if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
      file = asFile(path.resolve(fromDir, specifier));
    } else if (specifier.startsWith('node:') || path.isAbsolute(specifier)) {
      file = null;
    } else {
      file = viaPaths(specifier, fromDir);
    }
    if (file && inPackages(file)) file = null;
    resolved.set(key, file);
  }
  return file;
}

/** Forgets what the file system looked like (tests create and change fixture files). */
export function clearResolutionCache(): void {
  isFileCache.clear();
  configCache.clear();
  resolved.clear();
}
