import { statSync } from 'node:fs';
import path from 'node:path';
import { ResolverFactory, type NapiResolveOptions } from 'oxc-resolver';

/**
 * Resolves an import specifier of a project file to the project file it names, with
 * oxc-resolver: relative paths with or without an extension, `./x.js` naming `x.ts`, directory
 * `index` files, the `paths` and `baseUrl` of the nearest `tsconfig.json` or `jsconfig.json` (with
 * `extends`, packages included), and package `exports` and `main`, so that a workspace package
 * linked into `node_modules` resolves to its source in the project. Anything that stays inside
 * `node_modules` is a package and is never followed: the answer is null.
 */

/** Source files the engine reads, in the order TypeScript prefers them. */
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** Files too big to be a hand-written module (bundles, generated code) are not read. */
export const MAX_MODULE_BYTES = 512 * 1024;

const OPTIONS: NapiResolveOptions = {
  extensions: EXTENSIONS,
  // `./x.js` in TypeScript ESM names `./x.ts`.
  extensionAlias: { '.js': ['.ts', '.tsx', '.js'], '.jsx': ['.tsx', '.jsx'], '.mjs': ['.mts', '.mjs'], '.cjs': ['.cts', '.cjs'] },
  conditionNames: ['import', 'require', 'node', 'default'],
  mainFields: ['module', 'main'],
  // A workspace package linked into node_modules resolves to where it lives.
  symlinks: true,
};

let base = new ResolverFactory(OPTIONS);
/** One resolver per config file (oxc-resolver reads the config's `paths`, `baseUrl` and `extends`). */
const byConfig = new Map<string, ResolverFactory>();
const configCache = new Map<string, string | null>();

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The nearest tsconfig.json or jsconfig.json above `dir`, not past the folder of a package.json. */
function configFor(dir: string): string | null {
  const cached = configCache.get(dir);
  if (cached !== undefined) return cached;
  let found = ['tsconfig.json', 'jsconfig.json'].map((name) => path.join(dir, name)).find(isFile) ?? null;
  if (!found) {
    const parent = path.dirname(dir);
    if (parent !== dir && !isFile(path.join(dir, 'package.json'))) found = configFor(parent);
  }
  configCache.set(dir, found);
  return found;
}

function resolverFor(dir: string): ResolverFactory {
  const config = configFor(dir);
  if (!config) return base;
  let resolver = byConfig.get(config);
  if (!resolver) {
    // Its own resolver, not a clone: clones share a cache that mixes up their configs' `paths`.
    resolver = new ResolverFactory({ ...OPTIONS, tsconfig: { configFile: config, references: 'auto' } });
    byConfig.set(config, resolver);
  }
  return resolver;
}

const inPackages = (file: string) => file.split(/[\\/]/u).includes('node_modules');
const isSource = (file: string) => EXTENSIONS.includes(path.extname(file)) && !/\.d\.[cm]?ts$/u.test(file);

const resolved = new Map<string, string | null>();
/** Config files the resolver could not read: their `paths` are unknown, so some imports of their project do not resolve. */
const brokenConfigs = new Set<string>();

/** Whether the config of the project a file belongs to could not be read (aliased imports there may not resolve). */
export function configUnreadable(file: string): boolean {
  const config = configFor(path.dirname(file));
  return config !== null && brokenConfigs.has(config);
}

/** Whether a specifier names a package (`pg`, `@prisma/client`, `openai/helpers`), not a path or an alias (`./x`, `@/lib`, `~/lib`, `#lib`). */
export function isPackageSpecifier(specifier: string): boolean {
  return /^(?:@[\w.-]+\/)?\w[\w.-]*(?:\/.*)?$/u.test(specifier);
}

/** The project file `specifier` names when imported from `fromFile`, or null (packages, missing files). */
export function resolveModule(specifier: string, fromFile: string): string | null {
  if (!path.isAbsolute(fromFile) || specifier.startsWith('node:')) return null;
  const fromDir = path.dirname(fromFile);
  const key = `${fromDir}\0${specifier}`;
  let file = resolved.get(key);
  if (file === undefined) {
    const config = configFor(fromDir);
    let result = config && brokenConfigs.has(config) ? null : resolveWith(resolverFor(fromDir), fromDir, specifier);
    // A config that cannot be read (it extends a package that is not installed) fails every lookup:
    // the files are still there, so resolve without it (relative imports, packages), and remember it.
    if (config && (brokenConfigs.has(config) || /tsconfig/iu.test(result?.error ?? ''))) {
      brokenConfigs.add(config);
      result = resolveWith(base, fromDir, specifier);
    }
    file = result?.path && !result.builtin && isSource(result.path) && !inPackages(result.path) ? result.path : null;
    resolved.set(key, file);
  }
  return file;
}

function resolveWith(resolver: ResolverFactory, fromDir: string, specifier: string) {
  try {
    return resolver.sync(fromDir, specifier);
  } catch {
    return null;
  }
}

/** Forgets what the file system looked like (editors create and change files; tests write fixtures). */
export function clearResolutionCache(): void {
  resolved.clear();
  brokenConfigs.clear();
  configCache.clear();
  byConfig.clear();
  base = new ResolverFactory(OPTIONS);
}
