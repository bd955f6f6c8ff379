import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearResolutionCache, configUnreadable, resolveModule } from '../../src/program/resolve.js';

let dir: string;
const write = (name: string, text = '') => {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
};
const resolve = (specifier: string, from: string) => {
  const found = resolveModule(specifier, path.join(dir, from));
  return found && path.relative(dir, found);
};

describe('module resolution (oxc-resolver)', () => {
  beforeEach(() => {
    clearResolutionCache();
    dir = mkdtempSync(path.join(tmpdir(), 'llm-resolve-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('maps ./x.js to x.ts, finds index files, and leaves packages and node: builtins alone', () => {
    write('src/prompts.ts');
    write('src/ai/index.ts');
    write('node_modules/openai/package.json', '{ "name": "openai", "main": "index.js" }');
    write('node_modules/openai/index.js');
    expect(resolve('./prompts.js', 'src/server.ts')).toBe('src/prompts.ts');
    expect(resolve('./ai', 'src/server.ts')).toBe('src/ai/index.ts');
    expect(resolve('openai', 'src/server.ts')).toBeNull();
    expect(resolve('node:fs', 'src/server.ts')).toBeNull();
    expect(resolve('./missing', 'src/server.ts')).toBeNull();
  });

  it('follows a workspace package linked into node_modules to its source', () => {
    write('packages/ai/package.json', '{ "name": "@acme/ai", "main": "src/index.ts" }');
    write('packages/ai/src/index.ts', 'export const ask = () => 1;\n');
    mkdirSync(path.join(dir, 'node_modules/@acme'), { recursive: true });
    symlinkSync(path.join(dir, 'packages/ai'), path.join(dir, 'node_modules/@acme/ai'), 'dir');
    expect(resolve('@acme/ai', 'apps/server/src/routes.ts')).toBe('packages/ai/src/index.ts');
  });

  it('reads paths from tsconfig (through extends) and from jsconfig', () => {
    write('config/base.json', '{ "compilerOptions": { "baseUrl": "..", "paths": { "~/*": ["src/*"] } } }');
    write('tsconfig.json', '{\n  // comments, as real configs have\n  "extends": "./config/base.json",\n}\n');
    write('src/lib/ai.ts');
    expect(resolve('~/lib/ai', 'src/routes/chat.ts')).toBe('src/lib/ai.ts');
    write('web/package.json', '{}');
    write('web/jsconfig.json', '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./*"] } } }');
    write('web/lib/ai.js');
    expect(resolve('@/lib/ai', 'web/app/api/route.js')).toBe('web/lib/ai.js');
  });

  it('still resolves relative imports when the tsconfig extends a package that is not installed', () => {
    // An audit of a checkout without node_modules: the config cannot be read, the files are still there.
    write('tsconfig.json', '{ "extends": "some-shared-tsconfig", "include": ["src/**/*.ts"] }');
    write('src/chain/index.ts');
    expect(resolve('../../chain', 'src/handlers/bot/post.ts')).toBe('src/chain/index.ts');
    expect(resolve('../../missing', 'src/handlers/bot/post.ts')).toBeNull();
    // Remembered: aliased imports of this project may not resolve, which the callers must know.
    expect(configUnreadable(path.join(dir, 'src/handlers/bot/post.ts'))).toBe(true);
  });

  it('keeps the paths of a config that reads', () => {
    // The twin: with a readable config the alias still resolves through it.
    write('tsconfig.json', '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"] } } }');
    write('src/chain/index.ts');
    expect(resolve('@/chain', 'src/handlers/bot/post.ts')).toBe('src/chain/index.ts');
    expect(configUnreadable(path.join(dir, 'src/handlers/bot/post.ts'))).toBe(false);
  });
});
