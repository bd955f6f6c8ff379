import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layout DESIGN.md asks for: arrows point one way (rules -> checks -> dataflow -> program ->
 * models -> syntax; fixes and cli beside rules), and no files of src/ import each other in a
 * circle. Read from the import statements of the sources, type imports included.
 */

const ROOT = path.resolve(__dirname, '../..');

/** Lower layers first; a file may import its own layer or a lower one. */
const LAYERS = ['settings.ts', 'version.ts', 'syntax', 'models', 'program', 'dataflow', 'checks', 'fixes', 'flow-record.ts', 'create-rule.ts', 'rules', 'configs.ts', 'index.ts', 'cli'];

/** The layer of a file under the project root: its folder under src/ (or a file of src/ itself), or rules. */
function layerOf(file: string): string {
  const parts = path.relative(ROOT, file).split(path.sep);
  if (parts[0] === 'rules') return 'rules';
  return parts[1];
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return file.endsWith('.ts') ? [file] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'";]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** Each file's relative imports, resolved to files. */
function importGraph(files: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const targets = [...text.matchAll(IMPORT)].map((m) => path.resolve(path.dirname(file), m[1]).replace(/\.js$/, '.ts'));
    graph.set(file, targets);
  }
  return graph;
}

/** The strongly connected components with more than one file (Tarjan). */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(path.relative(ROOT, w));
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

const files = [...sourceFiles(path.join(ROOT, 'src')), ...sourceFiles(path.join(ROOT, 'rules'))];
const graph = importGraph(files);

describe('the layout of src/', () => {
  it('reads the imports it checks', () => {
    // The check is only as good as the graph: the file analysis imports the linker, a rule imports its check.
    const fileAnalysis = graph.get(path.join(ROOT, 'src/dataflow/file-analysis.ts')) ?? [];
    expect(fileAnalysis).toContain(path.join(ROOT, 'src/program/linker.ts'));
    expect(graph.get(path.join(ROOT, 'rules/no-sensitive-logging.ts'))).toContain(path.join(ROOT, 'src/checks/logging.ts'));
    for (const file of files) expect(LAYERS, path.relative(ROOT, file)).toContain(layerOf(file));
  });

  it('has no files that import each other in a circle', () => {
    expect(circles(graph)).toEqual([]);
  });

  it('finds a circle when there is one', () => {
    const a = path.join(ROOT, 'a.ts');
    const b = path.join(ROOT, 'b.ts');
    const c = path.join(ROOT, 'c.ts');
    expect(circles(new Map([[a, [b]], [b, [c]], [c, [a]]]))).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(circles(new Map([[a, [b]], [b, [c]], [c, []]]))).toEqual([]);
  });

  it('points every import down the layers (rules -> checks -> dataflow -> program -> models -> syntax)', () => {
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      const from = LAYERS.indexOf(layerOf(file));
      for (const target of targets) {
        if (!target.startsWith(ROOT)) continue;
        const to = LAYERS.indexOf(layerOf(target));
        if (to > from) upward.push(`${path.relative(ROOT, file)} -> ${path.relative(ROOT, target)}`);
      }
    }
    expect(upward).toEqual([]);
  });
});
