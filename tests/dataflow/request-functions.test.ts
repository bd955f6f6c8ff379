import { describe, expect, it } from 'vitest';
import { sinkOrigins } from './harness.js';

const http = (body: string) => `import http from 'node:http'; http.createServer(async (req, res) => { ${body} });`;

/** Request data behind package functions that read the request, and body readers written by hand. */
describe('request-derived functions and body readers', () => {
  it('@vercel/functions geolocation and ipAddress read the request', () => {
    expect(sinkOrigins(`import { geolocation, ipAddress } from '@vercel/functions'; export async function POST(request) { const { city } = geolocation(request); sink(city); }`)).toEqual([
      'geolocation(request).city',
    ]);
    // Near miss: a local function of the same name.
    expect(sinkOrigins(`function geolocation(r) { return { city: 'Berlin' }; } export async function POST(request) { const { city } = geolocation(request); sink(city); }`)).toEqual([]);
  });

  it('h3 readers, raw-body and co-body read the request', () => {
    expect(sinkOrigins(`import { defineEventHandler, readBody } from 'h3'; export default defineEventHandler(async (event) => { const body = await readBody(event); sink(body.prompt); });`)).toEqual([
      'readBody(event) -> body.prompt',
    ]);
    expect(sinkOrigins(`import { getQuery } from 'h3'; export default async (event) => { const { q } = getQuery(event); sink(q); };`)).toEqual(['getQuery(event).q']);
    expect(sinkOrigins(`import getRawBody from 'raw-body'; ${http(`const raw = await getRawBody(req); sink(raw.toString());`)}`)).toEqual(['getRawBody(req) -> raw']);
    expect(sinkOrigins(`import parse from 'co-body'; ${http(`const body = await parse.json(req); sink(body.q);`)}`)).toEqual(['parse.json(req) -> body.q']);
    // Near miss: a function of that name from another package.
    expect(sinkOrigins(`import { readBody } from './files'; export default async (event) => { const body = await readBody('notes.txt'); sink(body); };`)).toEqual([]);
  });

  it('a body reader written as a promise helper on the data event', () => {
    const reader = `function readBody(r) { return new Promise((resolve, reject) => { let data = ''; r.on('data', (c) => { data += c; }); r.on('end', () => resolve(JSON.parse(data))); r.on('error', reject); }); }`;
    expect(sinkOrigins(`${reader} ${http(`const body = await readBody(req); sink(body.message);`)}`)).toEqual(['req body -> readBody() -> body.message']);
    // Near miss: a promise that resolves with the project's own value.
    const ready = `function ready(r) { return new Promise((resolve) => { r.on('end', () => resolve('done')); }); }`;
    expect(sinkOrigins(`${ready} ${http(`const state = await ready(req); sink(state);`)}`)).toEqual([]);
  });

  it('the query string of a plain http server, and the body collected with for await', () => {
    expect(sinkOrigins(http(`const { searchParams } = new URL(req.url, 'http://localhost'); sink(searchParams.get('q'));`))).toEqual([
      "req.url.searchParams.get('q')",
    ]);
    expect(sinkOrigins(http(`const chunks = []; for await (const c of req) chunks.push(c); const body = JSON.parse(Buffer.concat(chunks).toString()); sink(body.q);`))).toEqual([
      'req body -> c -> chunks -> body.q',
    ]);
  });
});
