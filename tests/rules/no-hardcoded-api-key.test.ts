import rule from '../../rules/no-hardcoded-api-key.js';
import { lines, ruleTester } from './tester.js';

// Fake keys in the providers' formats (never real ones).
const OPENAI = 'sk-proj-' + 'Ab3dEf6hIj9kLm2nOp5qRs8t';
const ANTHROPIC = 'sk-ant-api03-' + 'Zy9xWv8uTs7rQp6oNm5l';
const GOOGLE = 'AIza' + 'SyD3fG5hJ7kL9mN1pQ3rS5tU7vW9xY1zA2b';
const HF = 'hf_' + 'aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456';
const AWS = 'AKIA' + 'IOSFODNN7EXAMPLF';

ruleTester().run('no-hardcoded-api-key', rule, {
  valid: [
    {
      name: 'hf_ words: letters of one case, or another length',
      code: lines(`const a = 'hf_abcdefghijklmnopqrstuvwxyzabcdefgh';`, `const b = 'hf_AbcdEfghIjklMnopQrstUvwxYzabCdefGhIj';`),
    },
    {
      // Twins of the escaped and template-type keys: the same shapes without a key's mix of letters and digits.
      name: 'escaped strings and template-literal types that only look like a prefix',
      code: lines(`const a = '\\u0073k-loading-spinner-container';`, 'type Css = `sk-loading-spinner-container` | `hf_theme_dark`;'),
    },
    { name: 'keys from the environment', code: `import OpenAI from 'openai'; const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });` },
    {
      name: 'placeholders and test values',
      code: lines(
        `import OpenAI from 'openai'; import { Ollama } from 'ollama';`,
        `new OpenAI({ apiKey: '' }); new OpenAI({ apiKey: 'your-api-key' }); new OpenAI({ apiKey: 'sk-...' }); new OpenAI({ apiKey: 'ollama', baseURL: 'http://localhost:11434/v1' });`,
        `new OpenAI({ apiKey: 'test-key' }); new OpenAI({ apiKey: 'not-a-real-key' });`,
      ),
    },
    { name: 'strings that start like keys but are not (sk-learn, a short sk- id)', code: `const tool = 'sk-learn'; const id = 'sk-123'; const doc = 'See the sk- prefix of OpenAI keys.';` },
    {
      name: 'a Firebase web config (public by design)',
      code: `const firebaseConfig = { apiKey: '${GOOGLE}', authDomain: 'app.firebaseapp.com', projectId: 'app' };`,
    },
    { name: 'a fallback that is not a secret, and a placeholder fallback', code: `const port = process.env.PORT ?? '3000'; const key = process.env.OPENAI_API_KEY ?? '';` },
    { name: 'a fallback with no letter or digit (an empty JSON object for JSON.parse)', code: `const credentials = JSON.parse(process.env.GOOGLE_VERTEX_CREDENTIALS || '{}'); const tokens = JSON.parse(process.env.SERVICE_TOKEN ?? '[]');` },
    {
      // A provider issued these keys: a bare prefix, a word, a sentence, a zero UUID or a short id is a stand-in, never a working key.
      name: 'stand-ins for issued keys: bare prefixes, words, sentences, zero UUIDs, short ids',
      code: lines(
        `import OpenAI from 'openai';`,
        `const a = process.env.OPENAI_API_KEY || 'sk-proj-'; const b = process.env.OPENAI_API_KEY ?? 'sk_none'; const c = process.env.SEARCH_API_KEY || 'key_1';`,
        `const d = process.env.OPENAI_API_KEY || 'no key set'; const e = process.env.PINECONE_API_KEY || '00000000-0000-0000-0000-000000000000';`,
        `const f = process.env.GITHUB_TOKEN ?? 'dev-token-local'; const g = process.env.BOOKING_API_KEY || 'mock-api-key';`,
        `new OpenAI({ apiKey: 'unused' }); new OpenAI({ apiKey: 'sk-REPLACE_WITH_KEY' });`,
        `await fetch(url, { headers: { Authorization: 'Bearer my-local-dev-key' } });`,
      ),
    },
    {
      name: 'stand-ins for secrets the application chooses: a sentence, one repeated character, a zero UUID',
      code: lines(
        `const a = process.env.JWT_SECRET || 'please set JWT_SECRET'; const b = process.env.SESSION_SECRET ?? 'xxxxxxxxxxxxxxxx';`,
        `const c = process.env.COOKIE_SECRET || '00000000-0000-0000-0000-000000000000';`,
      ),
    },
    {
      // Twins of the fallbacks in other shapes: a branch taken when the variable is set, a variable that holds no secret, a literal not returned.
      name: 'literals under env checks that are no fallback of a secret',
      code: lines(
        `export function mode() { if (process.env.SESSION_SECRET) { return 'configured'; } return 'missing'; }`,
        `export function port() { if (!process.env.PORT) return '3000'; return process.env.PORT; }`,
        `export function warn() { if (!process.env.SESSION_SECRET) { console.warn('k7Hq2ZpX9vLm4RtB'); } }`,
        `const label = process.env.JWT_SECRET ? 'a8F2h6T9j4Kl0Pz8' : 'unset';`,
        `export function model() { if (!process.env.OPENAI_API_KEY) return 'llama3.1:8b-instruct'; return 'gpt-4o'; }`,
        `let mode = 'db'; if (!process.env.DATABASE_PASSWORD) mode = 'memory';`,
        `export function check() { if (!process.env.JWT_SECRET) return 'Missing JWT_SECRET: see README'; return 'ok'; }`,
      ),
    },
    { name: 'public env names that are public by design', code: `const a = process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY; const b = process.env.NEXT_PUBLIC_GOOGLE_OAUTH_CLIENT_KEY;` },
    {
      name: 'checks against the environment, against placeholders and against scheme words',
      code: lines(
        `app.post('/chat', (req, res) => {`,
        `  if (req.headers['x-api-key'] !== process.env.API_KEY) return res.sendStatus(401);`,
        `  if (req.query.token === 'undefined' || req.headers.authorization === 'Bearer') return res.sendStatus(400);`,
        `  if (req.body.mode === 'secret-mode') return res.json({});`,
        `});`,
      ),
    },
    {
      name: 'a literal compared with a value that is not the client\'s, and two client values compared',
      code: lines(
        `const apiKey = process.env.API_KEY; if (apiKey === 'changeme') throw new Error('set API_KEY');`,
        `app.post('/pw', (req, res) => { if (req.body.password !== req.body.confirmPassword) return res.sendStatus(400); });`,
      ),
    },
    {
      name: 'key headers built from the environment, placeholders, and non-header objects',
      code: lines(
        'await fetch(url, { headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}`, "x-api-key": process.env.KEY } });',
        `await fetch(url, { headers: { Authorization: 'Bearer ', 'x-api-key': 'your-api-key', 'content-type': 'application/json' } });`,
        `const labels = { authorization: 'Requires sign-in' }; const h = new Headers({ Authorization: 'Bearer <token>' });`,
      ),
    },
    {
      name: 'allowlists from the environment, lookups with a non-credential key, and a constant table of models',
      code: lines(
        `const KEYS = new Set((process.env.API_KEYS ?? '').split(','));`,
        `const MODELS = { 'gpt-4o': 1, 'claude-3-5': 2 }; const ROLES = ['admin', 'user'];`,
        `app.post('/chat', (req, res) => {`,
        `  if (!KEYS.has(req.headers['x-api-key'])) return res.sendStatus(401);`,
        `  const tier = MODELS[req.body.model]; const ok = ROLES.includes(req.body.role);`,
        `});`,
      ),
    },
    {
      name: 'local OpenAI-compatible servers with any key, format strings, and the AWS docs example key',
      code: lines(
        `import OpenAI from 'openai';`,
        `new OpenAI({ apiKey: 'lm-studio', baseURL: 'http://localhost:1234/v1' }); new OpenAI({ apiKey: 'local-dev-77', baseURL: 'http://127.0.0.1:8000/v1' });`,
        `new OpenAI({ apiKey: 'EMPTY' }); new OpenAI({ apiKey: 'sk-no-key-required' });`,
        `await fetch(url, { headers: { Authorization: 'Bearer {{token}}' } }); const aws = 'AKIAIOSFODNN7EXAMPLE';`,
      ),
    },
    {
      name: 'a mock request in a test, non-secret env fallbacks, public browser keys, methods in a lookup table',
      code: lines(
        `const req = { headers: { authorization: 'Bearer abc123def' } }; requireAuth({ headers: { 'x-api-key': 'wrong-key-1' } }, res, next);`,
        `const k = process.env.STORAGE_KEY ?? 'app-state'; const s = process.env.SORT_KEY || 'createdAt';`,
        `const m = process.env.NEXT_PUBLIC_MAPBOX_TOKEN; const a = process.env.NEXT_PUBLIC_ALGOLIA_SEARCH_KEY;`,
        `const HANDLERS = { run() {}, get size() { return 1; } }; app.post('/x', (req, res) => { const h = HANDLERS[req.headers['x-api-key']]; });`,
      ),
    },
    { name: 'a class of the same name that is not imported from an SDK', code: `class OpenAI { constructor(o) { this.o = o; } } new OpenAI({ apiKey: 'team-key-7c6b5a' });` },
    { name: 'a chat SDK client that is not langchain', code: `import { StreamChat } from 'stream-chat'; const c = new ChatClient({ token: 'u1-public-id-2024' });` },
    { name: 'dangerouslyAllowBrowser: false', code: `import OpenAI from 'openai'; new OpenAI({ apiKey: process.env.OPENAI_API_KEY, dangerouslyAllowBrowser: false });` },
  ],
  invalid: [
    {
      name: 'a Hugging Face token of letters only (mixed case, the 34 characters of the format)',
      code: `const HF = 'hf_AbcdEfghIjklMnopQrstUvwxYzabCdefGh';`,
      output: `const HF = process.env.HF_TOKEN;`,
      errors: [{ messageId: 'providerKey', line: 1, data: { provider: 'Hugging Face', masked: 'hf_Abc…', env: 'HF_TOKEN' } }],
    },
    {
      name: 'an OpenAI key literal (autofix reads it from the environment)',
      code: `import OpenAI from 'openai'; const openai = new OpenAI({ apiKey: '${OPENAI}' });`,
      output: `import OpenAI from 'openai'; const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });`,
      errors: [{ messageId: 'providerKey', line: 1, column: 66, data: { provider: 'OpenAI', masked: 'sk-pro…', env: 'OPENAI_API_KEY' } }],
    },
    {
      // The file's text never holds 'sk-': only the escaped strings are searched for every prefix.
      name: 'a key whose prefix is written with an escape, in a literal and in a template',
      code: lines(`const a = '\\u0073k-proj-Ab3dEf6hIj9kLm2nOp5qRs8t';`, 'const b = `\\x73k-ant-Ab3dEf6hIj9kLm2nOp5qRs8t`;'),
      output: lines(`const a = process.env.OPENAI_API_KEY;`, 'const b = `\\x73k-ant-Ab3dEf6hIj9kLm2nOp5qRs8t`;'),
      errors: [
        { messageId: 'providerKey', line: 1, column: 11, data: { provider: 'OpenAI', masked: 'sk-pro…', env: 'OPENAI_API_KEY' } },
        { messageId: 'providerKey', line: 2, column: 11, data: { provider: 'Anthropic', masked: 'sk-ant…', env: 'ANTHROPIC_API_KEY' } },
      ],
    },
    {
      name: 'a key written as a template literal type',
      code: 'type Key = `' + OPENAI + '`;',
      output: null,
      errors: [{ messageId: 'providerKey', line: 1, column: 12, data: { provider: 'OpenAI', masked: 'sk-pro…', env: 'OPENAI_API_KEY' } }],
    },
    {
      name: 'an Anthropic key inside a template (reported, not fixed)',
      code: 'const headers = { "x-api-key": `' + ANTHROPIC + '`, "anthropic-version": "2023-06-01" };',
      output: null,
      errors: [{ messageId: 'providerKey', line: 1, column: 32, data: { provider: 'Anthropic', masked: 'sk-ant…', env: 'ANTHROPIC_API_KEY' } }],
    },
    {
      name: 'a Google key as a default parameter value, a Hugging Face token in an object, an AWS access key',
      code: lines(`export function client(key = '${GOOGLE}') { return key; }`, `const config = { hf: '${HF}', aws: '${AWS}' };`),
      output: lines(`export function client(key = process.env.GOOGLE_API_KEY) { return key; }`, `const config = { hf: process.env.HF_TOKEN, aws: process.env.AWS_ACCESS_KEY_ID };`),
      errors: [
        { messageId: 'providerKey', line: 1, column: 30, data: { provider: 'Google', masked: 'AIzaSy…', env: 'GOOGLE_API_KEY' } },
        { messageId: 'providerKey', line: 2, column: 22, data: { provider: 'Hugging Face', masked: 'hf_aBc…', env: 'HF_TOKEN' } },
        { messageId: 'providerKey', line: 2, column: 67, data: { provider: 'AWS', masked: 'AKIAIO…', env: 'AWS_ACCESS_KEY_ID' } },
      ],
    },
    {
      name: 'any non-placeholder literal as the apiKey of an LLM client',
      code: `import Groq from 'groq-sdk'; import { Anthropic } from '@anthropic-ai/sdk'; new Anthropic({ apiKey: 'team-shared-7f3a9c' });`,
      output: `import Groq from 'groq-sdk'; import { Anthropic } from '@anthropic-ai/sdk'; new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });`,
      errors: [{ messageId: 'literalKey', line: 1, column: 101, data: { masked: 'tea…', why: '18 characters mixing lower case and digits', where: 'the apiKey of new Anthropic()', env: 'ANTHROPIC_API_KEY' } }],
    },
    {
      name: 'a literal fallback of a key read from the environment (no fix: drop it by hand)',
      code: `const secret = process.env.JWT_SECRET || 'dev-secret-123';`,
      output: null,
      errors: [{ messageId: 'literalFallback', line: 1, column: 42, data: { masked: 'dev…', why: 'any value works as this secret', name: 'JWT_SECRET' } }],
    },
    {
      // Twins of the stand-ins: a key-shaped literal in an issued slot, and a word where the application chose the secret.
      name: 'key-shaped fallbacks of issued keys, and word fallbacks of chosen secrets (the message says why)',
      code: lines(
        `const a = process.env.OPENAI_API_KEY || 'k7Hq2ZpX9vLm4RtB';`,
        `const b = process.env.DB_BOT_SECRET_KEY || process.env.DB_SECRET_KEY || 'supersecret';`,
        `const c = process.env.POSTGRES_PASSWORD ?? 'password';`,
        `const d = process.env.SESSION_SECRET || 'keyboard cat'; const e = process.env.PROXY_SECRET || 'sk-proxy-secret';`,
      ),
      output: null,
      errors: [
        { messageId: 'literalFallback', line: 1, column: 41, data: { masked: 'k7H…', why: '16 characters mixing lower case, upper case and digits', name: 'OPENAI_API_KEY' } },
        { messageId: 'literalFallback', line: 2, column: 73, data: { masked: '…', why: 'any value works as this secret', name: 'DB_BOT_SECRET_KEY' } },
        { messageId: 'literalFallback', line: 3, column: 44, data: { masked: '…', why: 'any value works as this secret', name: 'POSTGRES_PASSWORD' } },
        // A passphrase is a sentence that asks for nothing; a chosen secret may start like a provider's key.
        { messageId: 'literalFallback', line: 4, column: 41, data: { masked: 'key…', why: 'any value works as this secret', name: 'SESSION_SECRET' } },
        { messageId: 'literalFallback', line: 4, column: 95, data: { masked: 'sk-…', why: 'any value works as this secret', name: 'PROXY_SECRET' } },
      ],
    },
    {
      name: 'fallbacks written as a branch: returned or assigned under if (!process.env.X), the other side of a conditional',
      code: lines(
        `export function sessionSecret() { if (!process.env.SESSION_SECRET) { return 'a8F2h6T9j4Kl0Pz8W7eX'; } return process.env.SESSION_SECRET; }`,
        `let secret = process.env.JWT_SECRET; if (!process.env.JWT_SECRET) secret = 'team-secret';`,
        `const k = process.env.ANTHROPIC_API_KEY ? process.env.ANTHROPIC_API_KEY : 'Zx81QwErTy55UiOp';`,
        `const s = !process.env.COOKIE_SECRET ? 'cookie-secret-1' : process.env.COOKIE_SECRET;`,
      ),
      output: null,
      errors: [
        { messageId: 'literalFallback', line: 1, column: 77, data: { masked: 'a8F2h6…', why: 'any value works as this secret', name: 'SESSION_SECRET' } },
        { messageId: 'literalFallback', line: 2, column: 76, data: { masked: '…', why: 'any value works as this secret', name: 'JWT_SECRET' } },
        { messageId: 'literalFallback', line: 3, column: 75, data: { masked: 'Zx8…', why: '16 characters mixing lower case, upper case and digits', name: 'ANTHROPIC_API_KEY' } },
        { messageId: 'literalFallback', line: 4, column: 40, data: { masked: 'coo…', why: 'any value works as this secret', name: 'COOKIE_SECRET' } },
      ],
    },
    {
      name: 'a literal that the client key is checked against (Express header, Next.js query; no fix)',
      code: lines(
        `app.post('/chat', (req, res) => { if (req.headers['x-api-key'] !== 'k3y-for-the-team') return res.sendStatus(401); });`,
        `export async function GET(req) { const token = req.nextUrl.searchParams.get('token'); if ('s3cr3t-token' !== token) return new Response(null, { status: 401 }); }`,
      ),
      output: null,
      errors: [
        { messageId: 'comparedLiteral', line: 1, column: 68, data: { guess: "req.headers['x-api-key']", masked: 'k3y…' } },
        { messageId: 'comparedLiteral', line: 2, column: 91, data: { guess: 'token', masked: 's3c…' } },
      ],
    },
    {
      name: 'a literal that the client key is checked against (Hono header; the scheme is no part of the secret)',
      code: lines(
        `import { Hono } from 'hono'; const app = new Hono();`,
        `app.post('/h', async (c) => { if (c.req.header('authorization') === 'Bearer team-7f3a9c') return c.json({}); });`,
        `app.post('/p', async (c) => { if (c.req.header('authorization') !== 'Bearer sk-my-proxy-key') return c.json({}, 401); });`,
      ),
      output: null,
      errors: [
        { messageId: 'comparedLiteral', line: 2, column: 69, data: { guess: "c.req.header('authorization')", masked: 'Bea…' } },
        { messageId: 'comparedLiteral', line: 3, column: 69, data: { guess: "c.req.header('authorization')", masked: 'Bearer…' } },
      ],
    },
    {
      name: 'literal keys in the headers of outgoing requests (the Bearer scheme stays)',
      code: lines(
        `await fetch('https://api.example.com/v1/chat', { method: 'POST', headers: { Authorization: 'Bearer team-shared-7f3a9c' } });`,
        `const h = new Headers({ 'x-api-key': 'k3y-for-the-team' });`,
      ),
      output: lines(
        'await fetch(\'https://api.example.com/v1/chat\', { method: \'POST\', headers: { Authorization: `Bearer ${process.env.LLM_API_KEY}` } });',
        `const h = new Headers({ 'x-api-key': process.env.LLM_API_KEY });`,
      ),
      errors: [
        { messageId: 'literalKey', line: 1, column: 92, data: { masked: 'tea…', why: '18 characters mixing lower case and digits', where: 'the Authorization header', env: 'LLM_API_KEY' } },
        { messageId: 'literalKey', line: 2, column: 38, data: { masked: 'k3y…', why: '16 characters mixing lower case and digits', where: 'the x-api-key header', env: 'LLM_API_KEY' } },
      ],
    },
    {
      name: 'literal keys of an allowlist looked up with the client key (object, Set, array; no fix)',
      code: lines(
        `const TEAMS = { 'k3y-team-a-001': 'team-a', kteamb002: 'team-b' };`,
        `const VALID = new Set(['k3y-ops-77']); const LIST = ['k3y-dev-12'];`,
        `app.post('/chat', (req, res) => {`,
        `  const key = req.headers['x-api-key'];`,
        `  if (!TEAMS[key] && !VALID.has(key) && !LIST.includes(key)) return res.sendStatus(401);`,
        `});`,
      ),
      output: null,
      errors: [
        { messageId: 'allowlistKey', line: 1, column: 17, data: { list: 'TEAMS', guess: 'key', masked: 'k3y…' } },
        { messageId: 'allowlistKey', line: 1, column: 45, data: { list: 'TEAMS', guess: 'key', masked: '…' } },
        { messageId: 'allowlistKey', line: 2, column: 24, data: { list: 'VALID', guess: 'key', masked: '…' } },
        { messageId: 'allowlistKey', line: 2, column: 54, data: { list: 'LIST', guess: 'key', masked: '…' } },
      ],
    },
    {
      name: 'a client found through an aliased import and a require (the import decides, not the name)',
      code: lines(`import { Groq as LLM } from 'groq-sdk'; new LLM({ apiKey: 'team-key-9f3a2b' });`, `const { ChatAnthropic } = require('@langchain/anthropic'); new ChatAnthropic({ apiKey: 'team-key-8e2d1c' });`),
      output: lines(
        `import { Groq as LLM } from 'groq-sdk'; new LLM({ apiKey: process.env.GROQ_API_KEY });`,
        `const { ChatAnthropic } = require('@langchain/anthropic'); new ChatAnthropic({ apiKey: process.env.ANTHROPIC_API_KEY });`,
      ),
      errors: [
        { messageId: 'literalKey', line: 1, column: 59, data: { masked: 'tea…', why: '15 characters mixing lower case and digits', where: 'the apiKey of new LLM()', env: 'GROQ_API_KEY' } },
        { messageId: 'literalKey', line: 2, column: 88, data: { masked: 'tea…', why: '15 characters mixing lower case and digits', where: 'the apiKey of new ChatAnthropic()', env: 'ANTHROPIC_API_KEY' } },
      ],
    },
    {
      name: 'AzureOpenAI: its own variable',
      code: `import { AzureOpenAI } from 'openai'; new AzureOpenAI({ apiKey: 'az-9f8e7d6c5b4a', endpoint: 'https://x.openai.azure.com' });`,
      output: `import { AzureOpenAI } from 'openai'; new AzureOpenAI({ apiKey: process.env.AZURE_OPENAI_API_KEY, endpoint: 'https://x.openai.azure.com' });`,
      errors: [{ messageId: 'literalKey', line: 1, column: 65, data: { masked: 'az-…', why: '15 characters mixing lower case and digits', where: 'the apiKey of new AzureOpenAI()', env: 'AZURE_OPENAI_API_KEY' } }],
    },
    {
      name: 'a provider key where an expression cannot go: reported, never replaced',
      code: lines(
        `const owners = { '${OPENAI}': 'alice' };`,
        `type Key = '${OPENAI}';`,
        `const el = <Chat apiKey="${OPENAI}" />;`,
      ),
      output: null,
      errors: [
        { messageId: 'providerKey', line: 1, column: 18 },
        { messageId: 'providerKey', line: 2, column: 12 },
        { messageId: 'providerKey', line: 3, column: 25 },
      ],
    },
    {
      name: 'dangerouslyAllowBrowser and a public env key',
      code: `import OpenAI from 'openai'; const openai = new OpenAI({ apiKey: process.env.NEXT_PUBLIC_OPENAI_API_KEY, dangerouslyAllowBrowser: true });`,
      output: null,
      errors: [
        { messageId: 'publicEnv', line: 1, column: 66, data: { name: 'NEXT_PUBLIC_OPENAI_API_KEY' } },
        { messageId: 'browserClient', line: 1, column: 106 },
      ],
    },
  ],
});
