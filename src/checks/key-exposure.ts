import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileAnalysis } from '../dataflow/analysis-types.js';
import { redacted, type Origin, type RequestDataOrigin, type SecretOrigin, type Taint } from '../dataflow/origin.js';
import { BROWSER_MEANT_RESULT, CREATING_CALL } from '../models/secrets.js';
import { sinkHits, type ResponseSink } from './response-sinks.js';
import { keyName, memberChain, unwrap, type Node } from '../syntax/ast.js';

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

/** How many names a value is followed back through to the call that made it. */
const MAX_HOPS = 3;

/** The call whose result a value is (`await createKey()`, through names bound once), or null. */
function madeBy(node: Node, analysis: FileAnalysis): TSESTree.CallExpression | null {
  let value: Node = node;
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    value = unwrap(value);
    if (value.type === T.AwaitExpression) value = unwrap(value.argument);
    if (value.type === T.CallExpression) return value;
    if (value.type !== T.Identifier) return null;
    const variable = analysis.index.variableOf(value);
    const def = variable?.defs.length === 1 ? variable.defs[0] : null;
    if (def?.node.type !== T.VariableDeclarator || !def.node.init || variable!.references.some((r) => r.isWrite() && !r.init)) return null;
    value = def.node.init;
  }
  return null;
}

/**
 * A key member read from a result that is meant for the client: a key the handler has just made
 * (`(await createApiKey(user)).key`, `prisma.apiKey.create(…)`), returned once to its owner, or a
 * payment provider's `client_secret`, made for the browser's checkout.
 */
function meantForClient(origin: SecretOrigin, analysis: FileAnalysis): boolean {
  if (origin.place !== undefined) return false;
  // `const { apiKey } = …` gives the name in the pattern; its property holds the key's name.
  const node = origin.node.type === T.Identifier && origin.node.parent?.type === T.Property && origin.node.parent.value === origin.node ? origin.node.parent : origin.node;
  let object: Node | null = null;
  let key: string | null = null;
  if (node.type === T.MemberExpression) {
    object = node.object;
    key = keyName(node);
  } else if (node.type === T.Property && node.parent.type === T.ObjectPattern && node.parent.parent?.type === T.VariableDeclarator) {
    object = node.parent.parent.init;
    key = keyName(node);
  }
  const call = object && madeBy(object, analysis);
  if (!call) return false;
  const callee = unwrap(call.callee);
  const { root, names } = memberChain(callee);
  const chain = [...(root.type === T.Identifier ? [root.name] : []), ...names];
  if (/^client_?secret$/i.test(key ?? '') && BROWSER_MEANT_RESULT.test(chain.join('.'))) return true;
  // A call handed a secret (`keyVault.createClient(process.env.OPENAI_API_KEY)`) gives it back; it made nothing new.
  if (call.arguments.some((argument) => analysis.engine.taintOf(argument).some((o) => o.kind === 'secret'))) return false;
  // A made key names what it makes in the creating call itself (`createApiKey`, `generateToken`) or in the member it
  // is called on (`prisma.apiKey.create`); a made client (`createClient(url)`, `secrets.createReader()`) holds a configured one.
  const verb = chain.length - 1;
  const made = /(?:key|token|secret|credential)s?$/i;
  return CREATING_CALL.test(chain[verb]) && (made.test(chain[verb]) || (verb > 0 && made.test(chain[verb - 1])));
}

const cache = new WeakMap<FileAnalysis, KeyExposure[]>();

export function keyExposures(analysis: FileAnalysis): KeyExposure[] {
  const cached = cache.get(analysis);
  if (cached) return cached;
  const found: KeyExposure[] = [];
  for (const { sink, origins: all, carriers } of sinkHits(analysis, keyValues)) {
    const origins = all.filter((origin) => origin.kind !== 'secret' || !meantForClient(origin, analysis));
    if (origins.length === 0) continue;
    found.push({ sink, origin: origins.find((o) => o.kind === 'request') ?? origins[0], carriers });
  }
  cache.set(analysis, found);
  return found;
}
