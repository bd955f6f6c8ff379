import type { TSESLint } from '@typescript-eslint/utils';
import { afterEach, describe, expect, it } from 'vitest';
import { clearModuleCache, keepLinted, keptModules } from '../../src/project/modules.js';

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
