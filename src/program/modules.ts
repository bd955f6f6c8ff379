import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '@typescript-eslint/scope-manager';
import { parseAndGenerateServices } from '@typescript-eslint/typescript-estree';
import { parseSync } from 'oxc-parser';
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
export const moduleStats = { parsed: 0, parsedFast: 0, reused: 0, shared: 0 };

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

/** oxc's language for a file: JSX is allowed wherever TypeScript allows it (`.ts` files may hold `<T>value` casts). */
function langOf(extension: string): 'ts' | 'tsx' | 'jsx' {
  if (extension === '.ts' || extension === '.mts' || extension === '.cts') return 'ts';
  return extension === '.tsx' ? 'tsx' : 'jsx';
}

type AnyNode = { type: string; parent?: AnyNode; range: [number, number]; loc?: unknown } & Record<string, unknown>;

/** The program as oxc-parser reads it (TS-ESTree shape, UTF-16 ranges), or null when it reports an error. */
function parseWithOxc(file: string, text: string, sourceType: 'script' | 'module'): AnyNode | null {
  const result = parseSync(file, text, { lang: langOf(path.extname(file)), sourceType, astType: 'ts', range: true, preserveParens: false });
  if (result.errors.length > 0) return null;
  const program = result.program as unknown as AnyNode;
  // typescript-estree starts the program at its first token; oxc at offset 0. Messages never point at the program.
  program.sourceType = sourceType;
  return program;
}

/** typescript-estree's reading, for the rare text oxc rejects and TypeScript accepts. */
function parseWithTypescript(file: string, text: string): AnyNode {
  const extension = path.extname(file);
  const { ast } = parseAndGenerateServices(text, {
    filePath: file,
    jsx: langOf(extension) !== 'ts',
    range: true,
    loc: true,
    tokens: false,
    comment: false,
    preserveNodeMaps: false,
  });
  return ast as unknown as AnyNode;
}

/**
 * Parses a module the engine reads but ESLint does not lint (or not yet): oxc-parser, about six
 * times faster than typescript-estree, with typescript-estree as the fallback. Neither ESLint's
 * parser entry (tokens, comments and node maps the engine never reads in an imported module) nor
 * library globals: the engine treats a name with no variable and a library global alike.
 */
function parse(file: string, text: string): TSESLint.SourceCode | null {
  const extension = path.extname(file);
  const sourceType = extension === '.cjs' || extension === '.cts' ? 'script' : 'module';
  try {
    let ast: AnyNode | null = null;
    try {
      ast = parseWithOxc(file, text, sourceType);
    } catch {
      ast = null;
    }
    if (ast) moduleStats.parsedFast++;
    ast ??= parseWithTypescript(file, text);
    const program = ast as unknown as TSESLint.SourceCode.Program & { sourceType: 'module' | 'script' };
    program.sourceType = sourceType;
    program.tokens = [];
    program.comments = [];
    const scopeManager = analyze(ast as never, { sourceType, lib: [] });
    moduleStats.parsed++;
    linkNodes(ast, visitorKeys as Record<string, readonly string[] | undefined>, lineStarts(text));
    return new TSESLint.SourceCode({
      text,
      ast: program,
      parserServices: null,
      scopeManager: scopeManager as unknown as TSESLint.Scope.ScopeManager,
      visitorKeys: visitorKeys as TSESLint.SourceCode.VisitorKeys,
    });
  } catch {
    return null;
  }
}

/** Offsets where each line starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Line (1-based) and column (0-based) of an offset, as ESLint's `loc` gives them. */
function position(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - starts[low] };
}

/**
 * ESLint sets `parent` on every node while it lints; a module parsed here gets the same links,
 * and a `loc` where the parser gave only offsets.
 */
function linkNodes(root: AnyNode, keys: Record<string, readonly string[] | undefined>, starts: readonly number[]): void {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    node.loc ??= { start: position(starts, node.range[0]), end: position(starts, node.range[1]) };
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
  moduleStats.parsedFast = 0;
  moduleStats.reused = 0;
  moduleStats.shared = 0;
}
