import { describe, expect, it } from 'vitest';
import { sinkOrigins, sinkValues } from './harness.js';

/** Wraps a handler body in an Express route so `req` is a request source. */
const route = (body: string) => `app.post('/chat', async (req, res) => { ${body} });`;

/**
 * Values carry their origins per field: a read of one field gets that field's origins, plus
 * those of the object as a whole only when the object itself was tainted as a whole.
 */
describe('access paths: origins per field', () => {
  it('a field of a function result holds only what the function put there', () => {
    const helper = `function wrap(r) { return { q: r.body.q, n: 1 }; }`;
    expect(sinkOrigins(`${helper} ${route(`sink(wrap(req).n);`)}`)).toEqual([]);
    expect(sinkOrigins(`${helper} ${route(`sink(wrap(req).q);`)}`)).toEqual(['req.body.q -> wrap()']);
    // The whole result still carries the field's data.
    expect(sinkOrigins(`${helper} ${route(`sink(wrap(req));`)}`)).toEqual(['req.body.q -> wrap()']);
  });

  it('the success field of a result that also has an error field', () => {
    const run = `async function runTask(q) { try { return { record: await db.find(q) }; } catch (e) { return { error: e.message }; } }`;
    expect(sinkValues(`${run} ${route(`const out = await runTask(1); sink(out.record.id);`)}`)).toEqual([]);
    expect(sinkValues(`${run} ${route(`const out = await runTask(1); sink(out.error);`)}`)).toEqual(['error:message e.message -> runTask() -> out.error']);
  });

  it('destructuring a result takes each name from its own field', () => {
    const forward = `async function forward(body) { const reply = await fetch('https://api.example.com', { method: 'POST' }); return { reply, meta: { q: body.q } }; }`;
    expect(sinkOrigins(`${forward} ${route(`const { reply, meta } = await forward(req.body); sink(await reply.text());`)}`)).toEqual([]);
    expect(sinkOrigins(`${forward} ${route(`const { reply, meta } = await forward(req.body); sink(meta.q);`)}`)).toEqual(['req.body.q -> forward() -> meta.q']);
  });

  it('nested fields, to a small depth', () => {
    expect(sinkOrigins(`function f(r) { return { a: { b: r.body.x, c: 2 } }; } ${route(`sink(f(req).a.c);`)}`)).toEqual([]);
    expect(sinkOrigins(`function f(r) { return { a: { b: r.body.x, c: 2 } }; } ${route(`sink(f(req).a.b);`)}`)).toEqual(['req.body.x -> f()']);
  });

  it('a later property overrides what a spread put under the same name', () => {
    expect(sinkOrigins(route(`const o = { ...{ note: req.body.note }, note: 'fixed' }; sink(o.note);`))).toEqual([]);
    expect(sinkOrigins(route(`const o = { ...{ note: req.body.note }, other: 'fixed' }; sink(o.note);`))).toEqual(['req.body.note -> o.note']);
    // A whole value spread keeps every field it may have, except those written after it.
    expect(sinkOrigins(route(`const o = { ...req.body, mode: 'safe' }; sink(o.topic);`))).toEqual(['req.body -> o.topic']);
    expect(sinkOrigins(`function f(r) { return { ...r.body, mode: 'safe' }; } ${route(`sink(f(req).mode);`)}`)).toEqual([]);
  });

  it('rest keeps the remaining fields', () => {
    const make = `function make(r) { return { secret: r.body.s, n: 1 }; }`;
    expect(sinkOrigins(`${make} ${route(`const { secret, ...rest } = make(req); sink(rest);`)}`)).toEqual([]);
    expect(sinkOrigins(`${make} ${route(`const { n, ...rest } = make(req); sink(rest);`)}`)).toEqual(['req.body.s -> make() -> rest']);
  });

  it('Object.assign merges the fields of its sources', () => {
    expect(sinkOrigins(route(`const o = Object.assign({}, { a: req.body.a }, { b: 1 }); sink(o.b);`))).toEqual([]);
    expect(sinkOrigins(route(`const o = Object.assign({}, { a: req.body.a }, { b: 1 }); sink(o.a);`))).toEqual(['req.body.a -> o.a']);
  });

  it('fields written after a result is made', () => {
    const make = `function make(r) { const out = { n: 1 }; out.q = r.body.q; return out; }`;
    expect(sinkOrigins(`${make} ${route(`sink(make(req).n);`)}`)).toEqual([]);
    expect(sinkOrigins(`${make} ${route(`sink(make(req).q);`)}`)).toEqual(['req.body.q -> make()']);
  });

  it('operations that do not know fields keep every origin (strings, unknown calls, lists read as a whole)', () => {
    expect(sinkOrigins(route(`const list = [{ a: req.body.a }]; sink(list.join(','));`))).toEqual(['req.body.a -> list']);
    expect(sinkOrigins(route(`const s = JSON.stringify({ a: req.body.a }); sink(s);`))).toEqual(['req.body.a -> s']);
    expect(sinkOrigins(`function f(r) { return { a: r.body.a }; } ${route(`sink(Object.values(f(req)).join(''));`)}`)).toEqual(['req.body.a -> f()']);
  });
});

/** The elements of a list the server writes keep their own fields, and are not the list itself. */
describe('list elements', () => {
  it('an element read from a list literal keeps its fields', () => {
    expect(sinkOrigins(route(`const list = [{ a: req.body.a }]; sink(list[0].b);`))).toEqual([]);
    expect(sinkOrigins(route(`const list = [{ a: req.body.a }]; sink(list[0].a);`))).toEqual(['req.body.a -> list[0].a']);
    expect(sinkOrigins(route(`const list = [{ a: 1 }]; list.push({ a: req.body.a }); for (const item of list) sink(item.b);`))).toEqual([]);
    expect(sinkOrigins(route(`const list = [{ a: 1 }]; list.push({ a: req.body.a }); for (const item of list) sink(item.a);`))).toEqual(['req.body.a -> list -> item.a']);
  });

  it('a field with more origins than are kept stays that field', () => {
    const many = `const text = \`\${req.body.a} \${req.body.b} \${req.body.c} \${req.body.d} \${req.body.e}\`; const m = { role: 'user', content: text };`;
    expect(sinkOrigins(route(`${many} sink(m.role);`))).toEqual([]);
    expect(sinkOrigins(route(`${many} sink(m.content);`)).length).toBeGreaterThan(0);
  });

  it('an object with many request fields keeps each apart (room for more origins in fields)', () => {
    const many = `function make(b) { return { a: b.a, c: b.c, d: b.d, e: b.e, f: b.f, g: b.g }; }`;
    expect(sinkOrigins(`${many} ${route(`const o = make(req.body); sink(o.role);`)}`)).toEqual([]);
    expect(sinkOrigins(`${many} ${route(`const o = make(req.body); sink(o.g);`)}`).length).toBe(1);
  });

  it('rows a query tag returns are not the values put into the query', () => {
    expect(sinkOrigins(route(`const rows = await sql\`select * from t where id = \${req.params.id}\`; sink(rows[0].messages);`))).toEqual([]);
    expect(sinkOrigins(route(`const text = dedent\`Answer: \${req.params.id}\`; sink(text);`))).toEqual(['req.params.id -> text']);
  });

  it('a settled result holds its promise value under value', () => {
    const check = `async function check(q) { return { id: 1, text: q }; }`;
    const settled = `const results = await Promise.allSettled([check(req.body.q)]);`;
    expect(sinkOrigins(`${check} ${route(`${settled} for (const r of results) sink(r.status);`)}`)).toEqual([]);
    expect(sinkOrigins(`${check} ${route(`${settled} for (const r of results) sink(r.value.id);`)}`)).toEqual([]);
    expect(sinkOrigins(`${check} ${route(`${settled} for (const r of results) sink(r.value.text);`)}`).length).toBe(1);
  });

  it('an element of a list made in a helper keeps its fields at the caller', () => {
    const make = `function make(q) { return [{ role: 'user', content: q }]; }`;
    expect(sinkOrigins(`${make} ${route(`sink(make(req.body.q)[0].role);`)}`)).toEqual([]);
    expect(sinkOrigins(`${make} ${route(`sink(make(req.body.q)[0].content);`)}`)).toEqual(['req.body.q -> make()']);
  });
});

/** A method call is a step of a parameter's access path: the caller replays it on what it passes. */
describe('method-call steps in access paths', () => {
  const hono = (body: string) => `import { Hono } from 'hono'; const app = new Hono(); ${body}`;

  it("a helper reading its context's request body through json() gets the body", () => {
    const helper = `async function persona(c) { const data = await c.req.json(); return data.persona; }`;
    expect(sinkOrigins(hono(`${helper} app.post('/x', async (c) => { sink(await persona(c)); return c.text('ok'); });`))).toEqual([
      'c.req.json().persona -> persona()',
    ]);
    // Near miss: the helper reads the method, not the body.
    const method = `function verb(c) { return c.req.method.toLowerCase(); }`;
    expect(sinkOrigins(hono(`${method} app.post('/x', async (c) => { sink(verb(c)); return c.text('ok'); });`))).toEqual([]);
  });

  it('a named header read through get() keeps its name', () => {
    const header = `function tenant(r) { return r.headers.get('x-tenant'); }`;
    expect(sinkOrigins(`${header} export async function POST(req) { sink(tenant(req)); return new Response('ok'); }`)).toEqual([
      "req.headers.get('x-tenant') -> tenant()",
    ]);
  });
});

describe('collections', () => {
  const route = (body: string) => `app.post('/chat', async (req, res) => { ${body} });`;

  it('a Map holds the values set in it, not its keys; a Set what is added', () => {
    expect(sinkOrigins(route(`const sessions = new Map(); sessions.set(req.body.sessionId, []); sink(sessions.get('a'));`))).toEqual([]);
    expect(sinkOrigins(route(`const notes = new Map(); notes.set('a', req.body.note); sink(notes.get('a'));`))).toEqual(['req.body.note -> notes']);
    expect(sinkOrigins(route(`const seen = new Set(); seen.add(req.body.tag); sink([...seen]);`))).toEqual(['req.body.tag -> seen']);
  });
});
