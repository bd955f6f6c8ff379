import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearModuleCache, keepLinted, keptModules, loadModule, moduleStats } from '../../src/program/modules.js';

const source = (bytes: number) => ({ text: 'x'.repeat(bytes) }) as TSESLint.SourceCode;

describe('linted sources held for importers', () => {
  afterEach(() => clearModuleCache());

  it('keeps at most 256 files, dropping the oldest first', () => {
    for (let i = 0; i < 300; i++) keepLinted(`/p/m${i}.ts`, source(10));
    const kept = keptModules();
    expect(kept).toHaveLength(256);
    expect(kept[0]).toBe('/p/m44.ts');
    expect(kept.at(-1)).toBe('/p/m299.ts');
  });

  it('keeps at most 1 MB of text, and never a file bigger than that', () => {
    for (let i = 0; i < 5; i++) keepLinted(`/p/big${i}.ts`, source(300 * 1024));
    expect(keptModules()).toEqual(['/p/big2.ts', '/p/big3.ts', '/p/big4.ts']);
    keepLinted('/p/huge.ts', source(2 * 1024 * 1024));
    expect(keptModules()).not.toContain('/p/huge.ts');
  });

  it('counts a file kept again once, as its newest entry', () => {
    keepLinted('/p/a.ts', source(10));
    keepLinted('/p/b.ts', source(10));
    keepLinted('/p/a.ts', source(20));
    expect(keptModules()).toEqual(['/p/b.ts', '/p/a.ts']);
  });

  it('ignores relative paths (code linted from text)', () => {
    keepLinted('a.ts', source(10));
    expect(keptModules()).toEqual([]);
  });
});

describe('modules read from disk', () => {
  let dir: string;
  beforeEach(() => {
    clearModuleCache();
    dir = mkdtempSync(path.join(tmpdir(), 'llm-modules-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('parses with the fast parser and gives every node its parent and the line and column ESLint would', () => {
    const file = write('ai.ts', "// héllo 😀\nexport const ask = async (c: Ctx) => {\n  const body = await c.req.json();\n  return body?.x as string;\n};\n");
    const source = loadModule(file)!;
    expect(moduleStats.parsedFast).toBe(1);
    const declaration = source.ast.body[0] as TSESTree.ExportNamedDeclaration;
    const arrow = (declaration.declaration as TSESTree.VariableDeclaration).declarations[0].init as TSESTree.ArrowFunctionExpression;
    expect(arrow.parent.parent?.parent).toBe(declaration);
    expect(arrow.loc.start).toEqual({ line: 2, column: 19 });
    const statement = arrow.body.type === 'BlockStatement' ? arrow.body.body[1] : null;
    expect(statement?.loc).toEqual({ start: { line: 4, column: 2 }, end: { line: 4, column: 27 } });
    expect(source.scopeManager?.scopes.some((scope) => scope.variables.some((v) => v.name === 'body'))).toBe(true);
  });

  it('falls back to the TypeScript parser for text the fast parser rejects, and to nothing for text neither reads', () => {
    // A top-level `return`: oxc reports it, typescript-estree reads it.
    const source = loadModule(write('early.ts', 'export const ask = (q: string) => q;\nif (process.env.OFF) return;\n'));
    expect(source?.ast.body).toHaveLength(2);
    expect(moduleStats).toMatchObject({ parsed: 1, parsedFast: 0 });
    expect(loadModule(write('broken.ts', 'export const = ;\n'))).toBeNull();
  });

  it('keeps a module while its file is unchanged, and reads it again after a change', () => {
    const file = write('m.ts', 'export const a = 1;\n');
    const first = loadModule(file);
    expect(loadModule(file)).toBe(first);
    writeFileSync(file, 'export const a = 12;\n');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(loadModule(file)).not.toBe(first);
  });
});
