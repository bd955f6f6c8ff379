import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '@typescript-eslint/scope-manager';
import { parseAndGenerateServices } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { TSESLint } from '@typescript-eslint/utils';
import { MAX_MODULE_BYTES } from './resolve.js';

/**
 * Project modules read from disk for cross-file analysis. Each file is read and parsed at most
 * once per process and kept while its modification time and size stay the same, so an editor
 * session that changes one file re-reads only that file.
 */
interface Entry {
  readonly mtimeMs: number;
  readonly size: number;
  /** null when the file could not be parsed (or is too big): cross-file questions about it stay silent. */
  readonly sourceCode: TSESLint.SourceCode | null;
}

const entries = new Map<string, Entry>();
/**
 * The files ESLint parsed most recently for linting (at most `MAX_RECENT`), reused when their text
 * is the file's text: a module is often linted just before the file that imports it.
 */
const recent = new Map<string, TSESLint.SourceCode>();
const MAX_RECENT = 32;

/**
 * How many files were parsed here, how many were taken from ESLint's own parse, and how many
 * module analyses took the index and handlers of that file's lint (for tests and the benchmark).
 */
export const moduleStats = { parsed: 0, reused: 0, shared: 0 };

/**
 * Linted files likely to be imported for their LLM helpers, held strongly so that a route linted
 * after its helper module does not parse that module again. Bounded by count and by text size
 * (the oldest go first); any other file is parsed again if an importer asks after it left `recent`.
 */
const kept = new Map<string, TSESLint.SourceCode>();
let keptBytes = 0;
const MAX_KEPT = 256;
const MAX_KEPT_BYTES = 1024 * 1024;

/** The linted files held strongly, oldest first (tests and the benchmark). */
export function keptModules(): string[] {
  return [...kept.keys()];
}

/** Remembers the source ESLint parsed for a file it lints, so that importers need not parse it again. */
export function rememberLinted(file: string, sourceCode: TSESLint.SourceCode): void {
  if (!path.isAbsolute(file)) return;
  recent.delete(file);
  recent.set(file, sourceCode);
  if (recent.size > MAX_RECENT) recent.delete(recent.keys().next().value!);
}

/** Holds a linted file's source strongly (within the bounds): it looks like a helper module importers will ask about. */
export function keepLinted(file: string, sourceCode: TSESLint.SourceCode): void {
  if (!path.isAbsolute(file) || sourceCode.text.length > MAX_KEPT_BYTES) return;
  const previous = kept.get(file);
  if (previous) {
    keptBytes -= previous.text.length;
    kept.delete(file);
  }
  kept.set(file, sourceCode);
  keptBytes += sourceCode.text.length;
  for (const [oldest, source] of kept) {
    if (kept.size <= MAX_KEPT && keptBytes <= MAX_KEPT_BYTES) break;
    kept.delete(oldest);
    keptBytes -= source.text.length;
  }
}

function parse(file: string, text: string): TSESLint.SourceCode | null {
  const extension = path.extname(file);
  const script = extension === '.cjs' || extension === '.cts';
  try {
    // Not ESLint's parser entry: it always builds tokens and comments, which the engine never reads
    // in an imported module, and ESLint's node maps. The scope analysis gets no library globals:
    // the engine treats a name with no variable and a library global alike.
    const { ast, services } = parseAndGenerateServices(text, {
      filePath: file,
      // `.ts` files may hold `<T>value` casts, which JSX would reject.
      jsx: extension !== '.ts' && extension !== '.mts' && extension !== '.cts',
      range: true,
      loc: true,
      tokens: false,
      comment: false,
      preserveNodeMaps: false,
    });
    const program = ast as unknown as TSESLint.SourceCode.Program & { sourceType: 'module' | 'script' };
    program.sourceType = script ? 'script' : 'module';
    program.tokens = [];
    program.comments = [];
    const scopeManager = analyze(ast, { sourceType: program.sourceType, lib: [] });
    moduleStats.parsed++;
    setParents(ast as unknown as AnyNode, visitorKeys as Record<string, readonly string[] | undefined>);
    return new TSESLint.SourceCode({
      text,
      ast: program,
      parserServices: services,
      scopeManager: scopeManager as unknown as TSESLint.Scope.ScopeManager,
      visitorKeys: visitorKeys as TSESLint.SourceCode.VisitorKeys,
    });
  } catch {
    return null;
  }
}

type AnyNode = { type: string; parent?: AnyNode } & Record<string, unknown>;

/** ESLint sets `parent` on every node while it lints; a module parsed here gets the same links. */
function setParents(root: AnyNode, keys: Record<string, readonly string[] | undefined>): void {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const key of keys[node.type] ?? []) {
      const child = node[key];
      const children = Array.isArray(child) ? child : [child];
      for (const item of children as (AnyNode | null | undefined)[]) {
        if (item && typeof item.type === 'string') {
          item.parent = node;
          stack.push(item);
        }
      }
    }
  }
}

/** The parsed source of a project file, or null when it is missing, too big or does not parse. */
export function loadModule(file: string): TSESLint.SourceCode | null {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    entries.delete(file);
    return null;
  }
  const known = entries.get(file);
  if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known.sourceCode;
  let sourceCode: TSESLint.SourceCode | null = null;
  if (stat.size <= MAX_MODULE_BYTES) {
    try {
      const text = readFileSync(file, 'utf8');
      // ESLint's own parse of the same text (it strips a byte order mark), from either store.
      const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      const known = [kept.get(file), recent.get(file)].find((source) => source?.text === body);
      if (known) {
        moduleStats.reused++;
        sourceCode = known;
      } else {
        sourceCode = parse(file, text);
      }
    } catch {
      sourceCode = null;
    }
  }
  entries.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, sourceCode });
  return sourceCode;
}

/** Forgets every parsed module (tests). */
export function clearModuleCache(): void {
  entries.clear();
  recent.clear();
  kept.clear();
  keptBytes = 0;
  moduleStats.parsed = 0;
  moduleStats.reused = 0;
  moduleStats.shared = 0;
}
