import { describe, expect, it } from 'vitest';
import { indexedStrings } from './harness.js';

describe('file index', () => {
  it('lists the strings of values and of types together, in source order', () => {
    const code = [
      "const a: 'in-type-1' = 'value-1';",
      "const b = ('value-2' as 'in-type-2') satisfies string;",
      'type K = `in-type-3` | "in-type-4";',
      "function f(x: 'in-type-5' = 'value-3') { return `value-4`; }",
    ].join('\n');
    expect(indexedStrings(code)).toEqual([
      "'in-type-1'",
      "'value-1'",
      "'value-2'",
      "'in-type-2'",
      '`in-type-3`',
      '"in-type-4"',
      "'in-type-5'",
      "'value-3'",
      '`value-4`',
    ]);
  });

  it('indexes values under TypeScript expressions, enums and namespaces, but nothing else under a type', () => {
    const code = [
      "enum E { A = 'enum-value' }",
      "namespace N { export const v = 'namespace-value'; }",
      "const c = <string>'asserted-value';",
      "type T = { key: 'member-type'; f(): 'return-type' };",
    ].join('\n');
    expect(indexedStrings(code)).toEqual(["'enum-value'", "'namespace-value'", "'asserted-value'", "'member-type'", "'return-type'"]);
  });
});
