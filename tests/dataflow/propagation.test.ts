import { describe, expect, it } from 'vitest';
import { sinkOrigins } from './harness.js';

/** Wraps a handler body in an Express route so `req` is a request source. */
const route = (body: string) => `app.post('/chat', async (req, res) => { ${body} });`;

describe('propagation steps', () => {
  it('variables and aliases record the path', () => {
    expect(sinkOrigins(route(`const a = req.body.message; const b = a; sink(b);`))).toEqual(['req.body.message -> a -> b']);
  });

  it('destructuring with defaults, nested patterns and rest', () => {
    expect(sinkOrigins(route(`const { message = 'hi' } = req.body; sink(message);`))).toEqual(['req.body.message']);
    expect(sinkOrigins(route(`const { body: { topic } } = req; sink(topic);`))).toEqual(['req.body.topic']);
    expect(sinkOrigins(route(`const { model, ...rest } = req.body; sink(rest);`))).toEqual(['req.body -> rest']);
    expect(sinkOrigins(route(`const [first] = req.body.items; sink(first);`))).toEqual(['req.body.items[…] -> first']);
    expect(sinkOrigins(`app.post('/x', async ({ body }, res) => { sink(body.text); });`)).toEqual(['req.body.text']);
  });

  it('a default value that is request data taints the binding', () => {
    expect(sinkOrigins(route(`const { topic = req.query.topic } = {}; sink(topic);`))).toEqual(['req.query.topic']);
  });

  it('member access, optional chaining and computed keys', () => {
    expect(sinkOrigins(route(`sink(req.body?.user?.name);`))).toEqual(['req.body.user.name']);
    expect(sinkOrigins(route(`const k = 'q'; sink(req.query[k]);`))).toEqual(['req.query[…]']);
    expect(sinkOrigins(route(`const m = req.body.messages; sink(m[0].content);`))).toEqual(['req.body.messages -> m[0].content']);
  });

  it('await, template literals, + and +=', () => {
    expect(sinkOrigins(route(`const t = await Promise.resolve(req.body.t); sink(\`Topic: \${t}\`);`))).toEqual([
      'req.body.t -> t',
    ]);
    expect(sinkOrigins(route(`let p = 'You are a bot. '; p += req.body.extra; sink(p);`))).toEqual(['req.body.extra -> p']);
    expect(sinkOrigins(route(`sink('Hello ' + req.body.name + '!');`))).toEqual(['req.body.name']);
  });

  it('concat, join, replace, String(), JSON.stringify and string methods', () => {
    expect(sinkOrigins(route(`sink('a'.concat(req.body.x));`))).toEqual(['req.body.x']);
    expect(sinkOrigins(route(`sink([req.body.a, 'b'].join('\\n'));`))).toEqual(['req.body.a']);
    expect(sinkOrigins(route(`sink(TEMPLATE.replace('{{q}}', req.body.q));`))).toEqual(['req.body.q']);
    expect(sinkOrigins(route(`sink(String(req.body.n));`))).toEqual(['req.body.n']);
    expect(sinkOrigins(route(`sink(JSON.stringify(req.body));`))).toEqual(['req.body']);
    expect(sinkOrigins(route(`sink(req.body.q.trim().toLowerCase().slice(0, 100));`))).toEqual(['req.body.q']);
  });

  it('array and object literals, spread', () => {
    expect(sinkOrigins(route(`const o = { a: 1, note: req.body.note }; sink(o);`))).toEqual(['req.body.note -> o']);
    expect(sinkOrigins(route(`const arr = [...req.body.history]; sink(arr);`))).toEqual(['req.body.history -> arr']);
    expect(sinkOrigins(route(`const o = { ...req.body }; sink(o);`))).toEqual(['req.body -> o']);
  });

  it('.then callbacks, array callbacks and conditionals', () => {
    expect(sinkOrigins(`export async function POST(req) { const t = await req.json().then((d) => d.text); sink(t); }`)).toEqual([
      'req.json() -> d.text -> t',
    ]);
    expect(sinkOrigins(route(`const lines = req.body.items.map((i) => i.text); sink(lines);`))).toEqual([
      'req.body.items -> i.text -> lines',
    ]);
    expect(sinkOrigins(route(`const s = req.body.short ? 'brief' : req.body.style; sink(s);`))).toEqual(['req.body.style -> s']);
    expect(sinkOrigins(route(`const s = req.body.lang || 'en'; sink(s);`))).toEqual(['req.body.lang -> s']);
  });

  it('pushes onto an array', () => {
    expect(sinkOrigins(route(`const parts = ['You are a bot.']; parts.push(req.body.extra); sink(parts.join(' '));`))).toEqual([
      'req.body.extra -> parts',
    ]);
  });

  it('same-file helper functions via summaries (parameters that reach the return value)', () => {
    expect(
      sinkOrigins(`function build(topic, tone) { return \`Write about \${topic} in a \${tone} tone\`; }
        ${route(`sink(build(req.body.topic, 'calm'));`)}`),
    ).toEqual(['req.body.topic -> build()']);
    expect(
      sinkOrigins(`const pick = (r) => r.body.persona;
        ${route(`sink(pick(req));`)}`),
    ).toEqual(['req.body.persona -> pick()']);
    expect(
      sinkOrigins(`function build(topic, tone) { return \`Write in a \${tone} tone\`; }
        ${route(`sink(build(req.body.topic, 'calm'));`)}`),
    ).toEqual([]);
  });

  it('class methods called through this', () => {
    expect(
      sinkOrigins(`import { Body, Controller, Post } from '@nestjs/common';
        class C { @Post() chat(@Body() dto) { sink(this.prompt(dto.text)); } prompt(t) { return 'Answer: ' + t; } }`),
    ).toEqual(['dto.text -> this.prompt()']);
  });

  it('values that only describe the data are clean', () => {
    expect(sinkOrigins(route(`sink(req.body.q.includes('x'));`))).toEqual([]);
    expect(sinkOrigins(route(`sink(req.body.q.length > 100);`))).toEqual([]);
    expect(sinkOrigins(route(`sink(typeof req.body.q);`))).toEqual([]);
    expect(sinkOrigins(route(`sink(Number(req.body.n));`))).toEqual([]);
    expect(sinkOrigins(route(`sink(Object.keys(req.body).length);`))).toEqual([]);
  });

  it('values checked against your own allowlist or closed schema are clean', () => {
    expect(sinkOrigins(route(`const tone = TONES.includes(req.body.tone) ? req.body.tone : 'formal'; sink(tone);`))).toEqual([]);
    expect(sinkOrigins(route(`const tone = new Set(['a', 'b']).has(req.body.tone) ? req.body.tone : 'a'; sink(tone);`))).toEqual([]);
    expect(sinkOrigins(route(`const tone = z.enum(['formal', 'casual']).parse(req.body.tone); sink(tone);`))).toEqual([]);
    expect(sinkOrigins(route(`const n = z.coerce.number().int().parse(req.query.n); sink(n);`))).toEqual([]);
  });

  it('an allowlist the client controls, or a different value, does not count', () => {
    expect(sinkOrigins(route(`const t = req.body.allowed.includes(req.body.tone) ? req.body.tone : 'x'; sink(t);`))).toEqual([
      'req.body.tone -> t',
    ]);
    expect(sinkOrigins(route(`const t = TONES.includes(req.body.tone) ? req.body.other : 'x'; sink(t);`))).toEqual(['req.body.other -> t']);
    expect(sinkOrigins(route(`const t = z.string().min(1).parse(req.body.tone); sink(t);`))).toEqual(['req.body.tone -> t']);
  });

  it('unknown functions do not carry data (silence over guessing)', () => {
    expect(sinkOrigins(route(`const user = await db.findUser(req.body.id); sink(user.name);`))).toEqual([]);
  });

  it('schema validation keeps the data', () => {
    expect(sinkOrigins(`export async function POST(req) { const { q } = Schema.parse(await req.json()); sink(q); }`)).toEqual([
      'req.json().q',
    ]);
  });

  it('method names that are also Object.prototype members do not confuse the models', () => {
    expect(sinkOrigins(route(`sink(req.body.x.toString());`))).toEqual(['req.body.x']);
    expect(sinkOrigins(route(`sink(helper.constructor(req.body.x).hasOwnProperty('a'));`))).toEqual([]);
    expect(
      sinkOrigins(`import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'; const s = new McpServer({});
        s.constructor('x', {}, (a) => sink(a)); s.toString('x', {}, (b) => sink(b));`.replace('sink(b)', 'b')),
    ).toEqual([]);
  });

  it('survives recursion and self-reference without looping', () => {
    expect(
      sinkOrigins(`function f(x) { return x.length > 10 ? f(x.slice(1)) : x; } ${route(`let a = req.body.a; a = a + a; sink(f(a));`)}`),
    ).toEqual(['req.body.a -> a -> f()']);
  });
});
