import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { configUnreadable, MAX_MODULE_BYTES, resolveModule } from './resolve.js';
import { REGISTRATION_HINT } from '../models/sources/index.js';
import { LLM_HINT } from '../models/llm/index.js';
import { GUARD_HINT } from '../models/auth.js';
import { passedImportSpecifiers } from './passed-imports.js';

/**
 * The project's modules and who imports whom, so that a file can learn what other modules
 * do with its functions (register them as handlers, above all). Read from disk, never from
 * the order ESLint lints in; `node_modules`, hidden folders and build output are not part of
 * it. Each file's import list is read with a quick scan of its text (an over-approximation:
 * a candidate importer is only believed once its analysis resolves the name), and read again
 * only when the file's modification time or size changes.
 */

/** Folders that hold no project source. */
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage']);
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/u;
/** Beyond this many source files the index gives up (the project stays analysed file by file). */
export const MAX_PROJECT_FILES = 20_000;
/** How long a directory listing is trusted (files are checked for changes at each new lint generation). */
const LISTING_MS = 5_000;

/** `from './x'`, `import('./x')`, `require('./x')`, `import './x'`: relative or aliased specifiers alike. */
const SPECIFIER = /\bfrom\s*['"]([^'"\n]+)['"]|\bimport\s*\(\s*['"]([^'"\n]+)['"]\s*\)|\brequire\s*\(\s*['"]([^'"\n]+)['"]\s*\)|\bimport\s+['"]([^'"\n]+)['"]/gu;
/** `export … from`, `export *`, `module.exports = require(…)`: a module that passes on another's names. */
const REEXPORT = /\bexport\s*(?:\*|\{[^}]*\}|type\s*\{[^}]*\})\s*(?:as\s+\w+\s*)?from\b|module\.exports\s*=\s*require\s*\(/u;

/** `name(…) {` and `name(…): T {` (methods, functions), `name: (…) =>`, `name = async x =>`, `name: function`. */
const DEFINITION =
  /(?:^|[\s;{},*])([A-Za-z_$][\w$]*)\s*(?:<[^<>(){};]*>)?\s*\([^()]*(?:\([^()]*\)[^()]*)*\)\s*(?::[^{};=]+)?\{|([A-Za-z_$][\w$]*)\s*[:=]\s*(?:async\s*)?(?:function\b|\([^()]*\)\s*(?::[^=;{}]+)?=>|[A-Za-z_$][\w$]*\s*=>)/gu;
const NOT_NAMES = new Set(['if', 'for', 'while', 'switch', 'catch', 'function', 'with', 'return', 'constructor']);

function definedNames(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(DEFINITION)) {
    const name = match[1] ?? match[2];
    if (!NOT_NAMES.has(name)) names.add(name);
  }
  return [...names];
}

/** A class extending an error class (`extends Error`, `extends ApiError`). */
const ERROR_CLASS = /\bextends\s+[\w$.]*Error\b/u;
/** `this.code = 'X'` and class fields `code = 'X'`, `readonly code: string = 'X'`: the string set as an error's code. */
const CODE_WRITE = /(?:\bthis\.code|^[ \t]*(?:(?:public|readonly|override|declare)[ \t]+)*code)\s*(?::[^=\n;]{1,40})?=\s*(['"`])([\w.:-]{1,64})\1/gmu;

function errorCodes(text: string): string[] {
  if (!ERROR_CLASS.test(text)) return [];
  return [...new Set([...text.matchAll(CODE_WRITE)].map((match) => match[2]))];
}

interface FileEntry {
  mtimeMs: number;
  size: number;
  specifiers: readonly string[];
  reexports: boolean;
  /** Whether the text may register a handler defined in another module (the framework models' hints). */
  registers: boolean;
  /** Whether the text names an LLM SDK or API (the modules whose methods a call with an unknown receiver may run). */
  llm: boolean;
  /** The names its text defines methods or function properties under (an over-approximation). */
  defines: readonly string[];
  /** Whether the text may put an auth step on routes (`@UseGuards`, `app.use`, Fastify hooks). */
  guards: boolean;
  /** Specifiers whose imports the module hands on as values: read on first need, only for a module that may register. */
  passed: ReadonlySet<string> | null;
  /** The codes its own error classes set (`this.code = 'DAILY_LIMIT_REACHED'`, `readonly code = 'E_QUOTA'`). */
  errorCodes: readonly string[];
  /** The lint generation at which the file was last checked against the disk. */
  checked: number;
  /** The project files its specifiers resolve to (computed with the index). */
  targets: readonly string[] | null;
}

interface Project {
  readonly root: string;
  files: string[] | null;
  listedAt: number;
  checkedGeneration: number;
  readonly entries: Map<string, FileEntry>;
  importers: Map<string, string[]> | null;
  /** Per name: the modules that define a function under it (see `definersOf`); rebuilt when entries change. */
  names: Map<string, Definers> | null;
  /** Per package folder: the modules that may hold auth steps (see `guardingModules`); rebuilt when entries change. */
  guarding: Map<string, string[] | null> | null;
  /** The codes the project's own error classes set (see `projectErrorCodes`); rebuilt when entries change. */
  codes: ReadonlySet<string> | null;
  /** Files asked about that the listing does not hold (under a skipped folder): no re-listing for them. */
  readonly unreadable: Set<string>;
}

const projects = new Map<string, Project>();

/** Counts for tests and the benchmark. */
/** Counts and time spent keeping the index (listing folders, reading import lists, building the importer map), for tests and the benchmark. */
export const indexStats = { listings: 0, reads: 0, ms: 0 };

/**
 * The folder whose modules form the file's project: the working directory when the file is in
 * it (a monorepo linted from its root sees every workspace package), otherwise the nearest
 * folder with a package.json.
 */
export function projectRoot(file: string, cwd: string): string | null {
  if (!path.isAbsolute(file)) return null;
  const inside = path.isAbsolute(cwd) && path.dirname(cwd) !== cwd && !path.relative(cwd, file).startsWith('..');
  if (inside) return cwd;
  for (let dir = path.dirname(file); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    try {
      if (statSync(path.join(dir, 'package.json')).isFile()) return dir;
    } catch {
      // not here
    }
  }
  return null;
}

function listFiles(root: string): string[] | null {
  const files: string[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) stack.push(path.join(dir, entry.name));
      } else if (entry.isFile() && SOURCE.test(entry.name) && !/\.d\.[cm]?ts$/u.test(entry.name)) {
        files.push(path.join(dir, entry.name));
        if (files.length > MAX_PROJECT_FILES) return null;
      }
    }
  }
  indexStats.listings++;
  return files.sort();
}

function readEntry(file: string, known: FileEntry | undefined, generation: number): FileEntry | null {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return null;
  }
  if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) {
    known.checked = generation;
    return known;
  }
  let text = '';
  if (stat.size <= MAX_MODULE_BYTES) {
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      text = '';
    }
  }
  indexStats.reads++;
  const registers = REGISTRATION_HINT.test(text);
  const llm = LLM_HINT.test(text);
  const specifiers = new Set<string>();
  for (const match of text.matchAll(SPECIFIER)) specifiers.add(match[1] ?? match[2] ?? match[3] ?? match[4]);
  return { mtimeMs: stat.mtimeMs, size: stat.size, specifiers: [...specifiers], reexports: REEXPORT.test(text), registers, llm, defines: definedNames(text), guards: GUARD_HINT.test(text), passed: null, errorCodes: errorCodes(text), targets: null, checked: generation };
}

/** What a module that may register hands on as values (its text read again, once per version of the file). */
function passedOf(file: string, entry: FileEntry): ReadonlySet<string> {
  if (!entry.passed) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      text = '';
    }
    entry.passed = passedImportSpecifiers(file, text);
  }
  return entry.passed;
}

/**
 * An entry checked against the disk at this generation (between full listings, only the files a
 * question touches are checked): a changed file is read again, and the importer map rebuilt.
 */
function fresh(project: Project, file: string, generation: number): FileEntry | undefined {
  const known = project.entries.get(file);
  if (!known || known.checked === generation) return known;
  const entry = readEntry(file, known, generation);
  if (entry === known) return known;
  if (entry) project.entries.set(file, entry);
  else project.entries.delete(file);
  project.importers = null;
  project.names = null;
  project.guarding = null;
  project.codes = null;
  return entry ?? undefined;
}

/**
 * Brings a project up to date with the disk: at most once per lint generation, listing its folders
 * again when the listing is older than LISTING_MS or does not hold `file` (a file created since).
 */
function refresh(project: Project, generation: number, file: string): void {
  const unlisted = !project.entries.has(file) && !project.unreadable.has(file);
  if (project.checkedGeneration === generation && project.files && !unlisted) return;
  project.checkedGeneration = generation;
  const now = Date.now();
  // Between full listings, files are checked one by one as questions reach them (see `fresh`).
  if (project.files && now - project.listedAt <= LISTING_MS && !unlisted) {
    fresh(project, file, generation);
    return;
  }
  const files = listFiles(project.root);
  // A package.json may have appeared or gone since the last listing.
  packageFolders.clear();
  const changed = !project.files || !files || files.length !== project.files.length || files.some((f, i) => f !== project.files![i]);
  project.files = files ?? [];
  project.listedAt = now;
  if (changed) {
    project.importers = null;
    project.names = null;
    project.guarding = null;
    project.codes = null;
  }
  const listed = new Set(project.files);
  for (const known of project.entries.keys()) if (!listed.has(known)) project.entries.delete(known);
  for (const each of project.files) {
    const known = project.entries.get(each);
    const entry = readEntry(each, known, generation);
    if (entry === known) continue;
    if (entry) project.entries.set(each, entry);
    else project.entries.delete(each);
    project.importers = null;
    project.names = null;
    project.guarding = null;
    project.codes = null;
  }
  // A file outside the listing (skipped folder, too many files) is not listed again for it.
  if (!project.entries.has(file)) project.unreadable.add(file);
}

function importersOf(project: Project): Map<string, string[]> {
  if (project.importers) return project.importers;
  const importers = new Map<string, string[]>();
  for (const [file, entry] of project.entries) {
    const targets = new Set<string>();
    for (const specifier of entry.specifiers) {
      const target = resolveModule(specifier, file);
      if (target && target !== file) targets.add(target);
    }
    entry.targets = [...targets];
    for (const target of targets) {
      const list = importers.get(target);
      if (list) list.push(file);
      else importers.set(target, [file]);
    }
  }
  project.importers = importers;
  return importers;
}

/** How far up a chain of re-exporting modules (barrels) importers are looked for. */
const MAX_BARRELS = 3;

function projectFor(file: string, cwd: string, generation: number): Project | null {
  const started = performance.now();
  try {
    return upToDate(file, cwd, generation);
  } finally {
    indexStats.ms += performance.now() - started;
  }
}

function upToDate(file: string, cwd: string, generation: number): Project | null {
  const root = projectRoot(file, cwd);
  if (!root) return null;
  let project = projects.get(root);
  if (!project) {
    project = { root, files: null, listedAt: 0, checkedGeneration: -1, entries: new Map(), importers: null, names: null, guarding: null, codes: null, unreadable: new Set() };
    projects.set(root, project);
  }
  refresh(project, generation, file);
  importersOf(project);
  return project;
}

/**
 * The project modules that import `file`, directly or through modules that re-export it
 * (`routes/index.ts` with `export * from './ask'`), nearest first, among those `keep` accepts
 * (it is told which module the importer imports: `file` or a barrel on the way).
 */
function importersThrough(project: Project, file: string, keep: (importer: string, entry: FileEntry, target: string) => boolean): string[] {
  const importers = importersOf(project);
  const found: string[] = [];
  const seen = new Set([file]);
  let frontier = [file];
  for (let depth = 0; depth <= MAX_BARRELS && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const target of frontier) {
      for (const importer of importers.get(target) ?? []) {
        if (seen.has(importer)) continue;
        seen.add(importer);
        const entry = fresh(project, importer, project.checkedGeneration);
        if (entry && keep(importer, entry, target)) found.push(importer);
        if (entry?.reexports) next.push(importer);
      }
    }
    frontier = next;
  }
  return found;
}

/**
 * The importers of `file` (through barrels) that may register a handler: their text has a
 * framework model's hint, and they hand on what they import from it as a value. Empty when the
 * file is outside any project or the project is too big to index.
 */
export function registeringImporters(file: string, cwd: string, generation: number): string[] {
  const project = projectFor(file, cwd, generation);
  if (!project) return [];
  return importersThrough(project, file, (importer, entry, target) => entry.registers && [...passedOf(importer, entry)].some((specifier) => resolveModule(specifier, importer) === target));
}

/**
 * The project modules that import `file` (through barrels, which are listed too), or null when the
 * file is outside any project or the project is too big to index.
 */
export function importingModules(file: string, cwd: string, generation: number): string[] | null {
  const project = projectFor(file, cwd, generation);
  if (!project) return null;
  const found = importersThrough(project, file, () => true);
  // With a config that could not be read, an importer through an alias (`@/lib/actions`) is not seen.
  return configUnreadable(file) ? null : found;
}

/** Importers of importers are followed this many levels (a factory module between a class and its callers). */
const MAX_CALLER_LEVELS = 2;
/** At most this many modules are asked about their calls into one module. */
const MAX_CALLER_MODULES = 64;

/**
 * The modules that may call `file`'s functions: its importers (through barrels), and their
 * importers (a factory module that returns `new X()` of this file's class sits between), nearest
 * first, at most MAX_CALLER_MODULES.
 */
export function allImporters(file: string, cwd: string, generation: number): string[] {
  const project = projectFor(file, cwd, generation);
  if (!project) return [];
  const found: string[] = [];
  const seen = new Set([file]);
  let frontier = [file];
  for (let level = 0; level < MAX_CALLER_LEVELS && frontier.length > 0; level++) {
    const next: string[] = [];
    for (const target of frontier) {
      for (const importer of importersThrough(project, target, () => true)) {
        if (seen.has(importer)) continue;
        seen.add(importer);
        found.push(importer);
        next.push(importer);
        if (found.length >= MAX_CALLER_MODULES) return found;
      }
    }
    frontier = next;
  }
  return found;
}

/** Who defines functions under a name: the modules that name an LLM SDK, and the others. */
export interface Definers {
  readonly llm: string[];
  readonly other: string[];
}

const NO_DEFINERS: Definers = Object.freeze({ llm: [], other: [] });

/**
 * The project's modules whose text defines a method or function property named `name`, split
 * into those that name an LLM SDK and the rest; as last listed (a file that changes is seen at
 * the next listing, and its analysis checks the disk). Empty outside a project.
 */
export function definersOf(name: string, file: string, cwd: string, generation: number): Definers {
  const project = projectFor(file, cwd, generation);
  if (!project) return NO_DEFINERS;
  if (!project.names) {
    const names = new Map<string, Definers>();
    for (const [each, entry] of project.entries) {
      for (const defined of entry.defines) {
        let definers = names.get(defined);
        if (!definers) {
          definers = { llm: [], other: [] };
          names.set(defined, definers);
        }
        (entry.llm ? definers.llm : definers.other).push(each);
      }
    }
    project.names = names;
  }
  return project.names.get(name) ?? NO_DEFINERS;
}

const TEST_FILE = /(?:^|[\\/])(?:__tests__|__mocks__|tests?|e2e)[\\/]|\.(?:spec|test|e2e-spec)\.[cm]?[jt]sx?$/u;

/** How many modules of a package may show how it guards routes before the question is given up (order-independent: all or none). */
export const MAX_GUARDING_MODULES = 40;

/**
 * The modules of `file`'s package (the nearest folder with a package.json, within the project)
 * whose text may put an auth step on routes, sorted; null outside a project or when there are
 * more than MAX_GUARDING_MODULES of them.
 */
export function guardingModules(file: string, cwd: string, generation: number): string[] | null {
  const project = projectFor(file, cwd, generation);
  if (!project) return null;
  const folder = packageFolder(path.dirname(file), project.root) + path.sep;
  project.guarding ??= new Map();
  const known = project.guarding.get(folder);
  if (known !== undefined) return known;
  let found: string[] | null = [];
  for (const [each, entry] of project.entries) {
    // Test files guard their own mock apps, not the package's routes.
    if (!entry.guards || !each.startsWith(folder) || TEST_FILE.test(each.slice(folder.length))) continue;
    if (found.length === MAX_GUARDING_MODULES) {
      found = null;
      break;
    }
    found.push(each);
  }
  found?.sort();
  project.guarding.set(folder, found);
  return found;
}

/**
 * The codes the project's own error classes set (`class LimitError extends Error { code =
 * 'DAILY_LIMIT_REACHED' }`): an error checked for one of them is the project's, and its message
 * was written for the user. Empty outside a project.
 */
export function projectErrorCodes(file: string, cwd: string, generation: number): ReadonlySet<string> {
  const project = projectFor(file, cwd, generation);
  if (!project) return new Set();
  if (!project.codes) {
    const codes = new Set<string>();
    for (const [each, entry] of project.entries) {
      if (!TEST_FILE.test(each.slice(project.root.length))) for (const code of entry.errorCodes) codes.add(code);
    }
    project.codes = codes;
  }
  return project.codes;
}

/** Per folder: the nearest folder at or above it with a package.json (not above the project's root). */
const packageFolders = new Map<string, string>();

function packageFolder(dir: string, root: string): string {
  const known = packageFolders.get(dir);
  if (known !== undefined) return known;
  let found = root;
  if (dir !== root && dir.startsWith(root) && path.dirname(dir) !== dir) {
    let here = false;
    try {
      here = statSync(path.join(dir, 'package.json')).isFile();
    } catch {
      // not here
    }
    found = here ? dir : packageFolder(path.dirname(dir), root);
  }
  packageFolders.set(dir, found);
  return found;
}

/** Forgets every project (tests). */
export function clearProjectIndex(): void {
  projects.clear();
  packageFolders.clear();
  indexStats.listings = 0;
  indexStats.reads = 0;
  indexStats.ms = 0;
}
