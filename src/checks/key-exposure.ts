import type { FileAnalysis } from '../dataflow/analysis-types.js';
import { redacted, type Origin, type RequestDataOrigin, type SecretOrigin, type Taint } from '../dataflow/origin.js';
import { sinkHits, type ResponseSink } from './response-sinks.js';
import type { Node } from '../syntax/ast.js';

/**
 * A key sent back to the client: a key-named environment variable (`process.env.OPENAI_API_KEY`),
 * a key member (`config.apiKey`, `{ apiKey } = options`), or the credential the client sent
 * (`req.headers['x-api-key']`, `req.get('authorization')`, `req.query.api_key`). Access and
 * refresh tokens and passwords are left out: login routes return freshly issued tokens by design.
 */
export type KeyOrigin = SecretOrigin | RequestDataOrigin;

export interface KeyExposure {
  readonly sink: ResponseSink;
  readonly origin: KeyOrigin;
  readonly carriers: readonly Node[];
}

/** How the engine labels secrets: `process.env.NAME`, `c.env.NAME`, or the member's name. */
const KEY_LABEL = /^(?:(?:[\w$]+\.){0,2}env\.\w+|api_?key|apikey|x-api-key|secret|client_?secret|secret_?key|private_?key)$/i;
/** Request reads that end in a credential: `req.headers['x-api-key']`, `req.get('authorization')`, `req.query.api_key`. */
const REQUEST_CREDENTIAL = /[.'"](?:authorization|x-api-key|api[-_]?key|apikey)['"\])]*$/i;

function isKey(origin: Origin): origin is KeyOrigin {
  // Escaping a key (`escapeHtml(key)`) still sends the key.
  if (origin.kind === 'secret') return !redacted(origin) && KEY_LABEL.test(origin.text);
  if (origin.kind === 'request') return !origin.sanitized && REQUEST_CREDENTIAL.test(origin.text);
  return false;
}

export function keyValues(taint: Taint): KeyOrigin[] {
  return taint.filter(isKey);
}

const cache = new WeakMap<FileAnalysis, KeyExposure[]>();

export function keyExposures(analysis: FileAnalysis): KeyExposure[] {
  const cached = cache.get(analysis);
  if (cached) return cached;
  const found: KeyExposure[] = [];
  for (const { sink, origins, carriers } of sinkHits(analysis, keyValues)) {
    found.push({ sink, origin: origins.find((o) => o.kind === 'request') ?? origins[0], carriers });
  }
  cache.set(analysis, found);
  return found;
}
