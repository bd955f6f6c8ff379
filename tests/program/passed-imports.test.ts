import { describe, expect, it } from 'vitest';
import { passedImportSpecifiers } from '../../src/program/passed-imports.js';

const passed = (text: string, file = '/p/server.ts') => [...passedImportSpecifiers(file, text)].sort();

describe('imports a module hands on as values', () => {
  it.each<[string, string, string?]>([
    ['a handler argument', "import { ask } from './ask';\napp.post('/ask', ask);"],
    ['a method of an imported object', "import { chat } from './ask';\nrouter.post('/chat', chat.create);"],
    ['a bound method', "import chat from './ask';\nrouter.post('/chat', chat.create.bind(chat));"],
    ['an argument of a wrapper', "import { ask } from './ask';\napp.post('/ask', asyncHandler(ask));"],
    ['a property of an options object', "import { ask } from './ask';\nfastify.route({ url: '/ask', handler: ask });"],
    ['the callee of a forwarding arrow', "import { ask } from './ask';\napp.post('/ask', (c) => ask(c));"],
    ['the callee of a forwarding block', "import { ask } from './ask';\napp.post('/ask', async (req, res) => { return await ask(req, res); });"],
    ['an exported value', "import { handler } from './ask';\nexport const POST = handler;"],
    ['a re-export by local name', "import { handler } from './ask';\nexport { handler as GET };"],
    ['a default export', "import handler from './ask';\nexport default handler;"],
    ['a destructured require', "const { ask } = require('./ask');\napp.post('/ask', ask);", '/p/server.js'],
    ['a required module', "const routes = require('./ask');\napp.post('/ask', routes.ask);", '/p/server.js'],
    ['the class of an injected constructor parameter', "import { AskService } from './ask';\n@Controller('a') export class A { constructor(private readonly ask: AskService) {} @Post() run(@Body() b) { return this.ask.run(b); } }"],
  ])('%s', (_, text, file) => {
    expect(passed(text, file)).toEqual(['./ask']);
  });

  it.each([
    ['a direct call', "import { ask } from './ask';\napp.post('/ask', async (req, res) => { const a = await ask(req.body.q); res.json(a); });"],
    ['a call whose result is an argument', "import { ask, build } from './ask';\nawait ask(build('x'));"],
    ['a type-only import', "import type { Ask } from './ask';\nregister(Ask as never);"],
    ['a type of a method parameter', "import { AskDto } from './ask';\nexport class A { run(body: AskDto) { return body; } }"],
    ['a local name shadowing nothing imported', "import { ask } from './ask';\nconst other = () => 1;\napp.post('/x', other);"],
  ])('not %s', (_, text) => {
    expect(passed(text)).toEqual([]);
  });

  it('is empty for text that does not parse', () => {
    expect(passed("import { ask } from './ask';\napp.post('/ask', ask")).toEqual([]);
  });
});
