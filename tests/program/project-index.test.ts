import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearProjectIndex, definersOf, indexStats, projectRoot, registeringImporters } from '../../src/program/project-index.js';
import { clearResolutionCache } from '../../src/program/resolve.js';

let dir: string;
let generation = 0;

const write = (name: string, text: string, mtime?: number) => {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  if (mtime) utimesSync(file, mtime, mtime);
  return file;
};
const importers = (name: string) => {
  clearResolutionCache();
  return registeringImporters(path.join(dir, name), dir, ++generation).map((file) => path.relative(dir, file)).sort();
};

describe('the project index', () => {
  beforeEach(() => {
    clearProjectIndex();
    dir = mkdtempSync(path.join(tmpdir(), 'llm-index-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the modules that register an import, directly and through barrels, and not those that only call it', () => {
    write('src/routes/ask.ts', 'export const ask = (c) => c;\n');
    write('src/routes/index.ts', "export * from './ask';\n");
    write('src/server.ts', "import { ask } from './routes';\napp.post('/ask', ask);\n");
    write('src/direct.ts', "import { ask } from './routes/ask';\nrouter.get('/a', (c) => ask(c));\n");
    write('src/caller.ts', "import { ask } from './routes/ask';\napp.get('/b', async (req, res) => { res.json(await ask(req.body)); });\n");
    write('src/other.ts', "import { ask } from './unrelated';\napp.post('/ask', ask);\n");
    write('node_modules/pkg/index.js', "const { ask } = require('../../src/routes/ask');\napp.post('/x', ask);\n");
    expect(importers('src/routes/ask.ts')).toEqual(['src/direct.ts', 'src/server.ts']);
  });

  it('sees a new registration after a file changes, at the next generation', () => {
    write('ask.ts', 'export const ask = (c) => c;\n', 1_700_000_000);
    write('server.ts', "import { ask } from './ask';\napp.get('/x', async (c) => c.json(await ask(c)));\n", 1_700_000_000);
    expect(importers('ask.ts')).toEqual([]);
    const reads = indexStats.reads;
    expect(importers('ask.ts')).toEqual([]);
    expect(indexStats.reads).toBe(reads);
    write('server.ts', "import { ask } from './ask';\napp.get('/x', ask);\n", 1_700_000_100);
    expect(importers('ask.ts')).toEqual(['server.ts']);
    expect(indexStats.reads).toBe(reads + 1);
  });

  it('takes the working directory as the root when the file is in it, and the nearest package otherwise', () => {
    write('pkg/package.json', '{}');
    const file = write('pkg/src/a.ts', '');
    expect(projectRoot(file, dir)).toBe(dir);
    expect(projectRoot(file, path.join(dir, 'elsewhere'))).toBe(path.join(dir, 'pkg'));
    expect(projectRoot('relative.ts', dir)).toBeNull();
  });

  it('tells which modules define a function under a name, from their text, split by whether they name an LLM SDK', () => {
    write('src/ai.ts', "import OpenAI from 'openai';\nexport class Assistant {\n  async brief(persona: string): Promise<string> {\n    return '';\n  }\n  headline = async (topic: string) => topic;\n}\n");
    write('src/format.ts', 'export class Formatter {\n  headline(style: string) {\n    return style;\n  }\n}\nexport const tools = { persona: function (p) { return p; } };\n');
    write('src/types.ts', 'export abstract class Base {\n  abstract brief(persona: string): Promise<string>;\n}\nexport interface Shape { outline(x: string): string }\n');
    write('src/calls.ts', "import { x } from './ai';\nif (x.ready(1)) { x.brief(2); }\nfor (const a of b) {}\n");
    const definers = (name: string) => {
      const found = definersOf(name, path.join(dir, 'src/calls.ts'), dir, ++generation);
      return { llm: found.llm.map((file) => path.relative(dir, file)), other: found.other.map((file) => path.relative(dir, file)) };
    };
    // A method with a body, in a module that names an SDK.
    expect(definers('brief')).toEqual({ llm: ['src/ai.ts'], other: [] });
    // Defined in both kinds of module: a class field arrow, and a method of a class that calls no model.
    expect(definers('headline')).toEqual({ llm: ['src/ai.ts'], other: ['src/format.ts'] });
    expect(definers('persona')).toEqual({ llm: [], other: ['src/format.ts'] });
    // Calls, control flow, abstract methods and interface members define nothing.
    for (const name of ['ready', 'if', 'for', 'outline']) expect(definers(name)).toEqual({ llm: [], other: [] });
  });
});
