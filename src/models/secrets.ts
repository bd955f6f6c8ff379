import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { keyName, unwrap } from '../syntax/ast.js';

/**
 * Names that hold secrets: environment variables (`OPENAI_API_KEY`, `JWT_SECRET`) and object
 * members (`config.apiKey`, `client.apiKey`, `body.password`).
 */
export const SECRET_ENV = /(?:^|_)(?:KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIALS?)$/i;

/**
 * Environment variables that hold a connection string, whose URL carries the user and password
 * of the service (`DATABASE_URL=postgres://app:pw@db/app`): `DATABASE_URL`, `MONGODB_URI`,
 * `REDIS_URL`, `SUPABASE_DB_URL`, `*_CONNECTION_STRING`. Public service URLs (`OPENAI_BASE_URL`,
 * `API_URL`, `SENTRY_DSN`) are not among them.
 */
export const CONNECTION_ENV =
  /^(?:[A-Z0-9]+_)*(?:DATABASE|DB|POSTGRES(?:QL)?|PG|MYSQL|MARIADB|MSSQL|MONGO(?:DB)?|REDIS|VALKEY|AMQP|RABBITMQ|CLICKHOUSE)_(?:URL|URI|DSN)$|(?:^|_)CONNECTION_?STRING$/i;

/**
 * A connection string with a password: `postgres://user:pass@host/db`, `mongodb+srv://u:p@…`,
 * `redis://:pass@host`. The scheme, then `user:password@` with a password that is not empty.
 */
export const CREDENTIAL_URL = /\b([a-z][a-z0-9+.-]{1,20}):\/\/[^\s:/@'"`]*:([^\s/@'"`]+)@[^\s/@'"`]+/i;

/** Keys meant to be public (`NEXT_PUBLIC_*`, `PUBLIC_KEY`, Supabase's anon key). */
export const PUBLIC_ENV = /PUBLIC|PUBLISHABLE|ANON/i;

export const SECRET_MEMBER = /^(?:api_?key|apikey|x-api-key|secret|client_?secret|secret_?key|password|passwd|access_?token|auth_?token|refresh_?token|bearer_?token|private_?key)$/i;

/**
 * Names of variables and members that hold a credential, judged by their last word: `apiKey`,
 * `expectedToken`, `webhookSecret`. Identifiers (`sessionId`, `chatId`, `threadId`, `requestId`,
 * `userId`, `id`) end in another word and are never credentials.
 */
export const CREDENTIAL_NAME = /(?:api_?key|apikey|token|secret|password|passwd|signature)$/i;

/** Request headers that carry a credential. */
export const CREDENTIAL_HEADER = /^(?:authorization|x-api-key|api-key|x-auth-token|x-access-token)$/i;

/**
 * Of the credential parameter names, those that often name something else: `?key=` a filter or
 * sort key, `?token=` a page cursor, `?auth=` a mode. They count as credentials only where the
 * handler uses the value as one (compares it with a secret, verifies or decodes it, sends it as a
 * key); the rest (`api_key`, `access_token`, `secret`, `password`) always do.
 */
export const AMBIGUOUS_CREDENTIAL_PARAM = /^(?:key|token|auth)$/i;

/** Calls that use their argument as a credential: `jwt.verify(token, …)`, `verifyToken(t)`, `authenticate(key)`, `timingSafeEqual(a, b)`. */
export const CREDENTIAL_USE_CALL = /verif|authenticat|authori[sz]|(?<!URI(?:Component)?)decode(?!URI)|timingSafeEqual|^(?:validate|check|lookup|find)\w*(?:Key|Token|Credential|Session|Auth)|(?:From|By|For)(?:Token|Key|ApiKey|Credential)$/i;

/** Lists of keys a client's key is looked up in: `VALID_KEYS`, `apiTokens`, `allowedSecrets`. */
export const KEY_LIST = /(?:api_?|access_?|client_?|valid_?|allowed_?|auth_?)keys?$|(?:token|secret|credential)s$/i;

/** Tokens that page through results, not credentials: `pageToken`, `nextToken`, `continuation_token`. */
export const PAGE_TOKEN = /(?:page|pagination|next|prev(?:ious)?|continuation|cursor|sync|resume)_?token$/i;

/** Properties that send a value as a key by their name alone (`Authorization`, `x-api-key`); credential names (`apiKey`, `apiToken`) count through CREDENTIAL_NAME. */
export const KEY_USE_PROPERTY = /^(?:authorization|x-api-key|api-key|auth)$/i;

/**
 * Request parameter names that carry a credential (`?api_key=`, `?token=`, `?key=`). Identifiers
 * are not credentials: `sessionId`, `chatId`, `threadId`, `userId` name a record (in an LLM app,
 * a chat session), and are read from URLs by design.
 */
export const CREDENTIAL_PARAM =
  /^(?:token|access[-_]?token|id[-_]?token|refresh[-_]?token|api[-_]?key|apikey|x-api-key|key|secret|client[-_]?secret|password|passwd|auth|authorization|sig|signature)$/i;

/**
 * Names of keys that must not be put into a URL: `apiKey`, `OPENAI_API_KEY`, `clientSecret`,
 * `webhookSecret`, `privateKey`. Tokens are left out: reset and invitation links carry a token
 * by design.
 */
export const URL_KEY_NAME = /^[\w$]*?(?:api_?key|apikey|secret(?:_?key)?|access_?key|private_?key)$/i;

/** Flags about a key, not the key: `hasApiKey`, `isSecret`, `showSecret`. */
export const KEY_FLAG_NAME = /^(?:is|has|show|use|should|needs?|with|without)[A-Z_]/;

/** Options of LLM client constructors that hold the key. */
export const KEY_OPTIONS = new Set(['apiKey', 'api_key', 'token', 'authToken']);

/** Env prefixes that bundlers inline into browser code. */
export const PUBLIC_PREFIX = /^(?:NEXT_PUBLIC_|VITE_|REACT_APP_|EXPO_PUBLIC_|PUBLIC_)/;

/** Headers that carry a provider key. */
export const KEY_HEADER = /^(?:authorization|x-api-key|api-key|x-goog-api-key)$/i;

/** `Bearer `, `Basic `, `Token ` before a key. */
export const AUTH_SCHEME = /^(?:Bearer|Basic|Token)\s+/i;

/** Public env names that are not secrets: OAuth client ids, maps and analytics keys. */
export const PUBLIC_BY_DESIGN = /ANON|PUBLISHABLE|PUBLIC_KEY$|SITE_KEY$|OAUTH|CLIENT_(?:ID|KEY)|MAPS|RECAPTCHA|ANALYTICS|SENTRY|POSTHOG|FIREBASE/i;

/** Browser-prefixed names that hold a real secret: an LLM provider's key, or a name that says secret. Maps, search and analytics keys are public by design. */
export const BROWSER_SECRET = /OPENAI|ANTHROPIC|CLAUDE|GROQ|GEMINI|GOOGLE_AI|GENAI|MISTRAL|COHERE|HUGGING|HF_|REPLICATE|PERPLEXITY|XAI|OPENROUTER|FIREWORKS|TOGETHER|DEEPSEEK|LLM|SECRET|PRIVATE/i;

/** Env names whose literal fallback is a secret: `OPENAI_API_KEY`, `JWT_SECRET`, `GITHUB_TOKEN`; not `CACHE_KEY` or `SORT_KEY`. */
export const SECRET_FALLBACK_ENV = /(?:API_?KEY|ACCESS_KEY|PRIVATE_KEY|SECRET(?:_KEY)?|TOKEN|PASSWORD|PASSWD|CREDENTIALS?)$/i;

/**
 * Secret env names whose value a provider issued (`OPENAI_API_KEY`, `GITHUB_TOKEN`,
 * `AWS_SECRET_ACCESS_KEY`, `STRIPE_SECRET_KEY`, `GOOGLE_CLIENT_SECRET`): only a key-shaped value
 * works there. The rest (`JWT_SECRET`, `SESSION_SECRET`, `DB_PASSWORD`) the application chose,
 * and any value works.
 */
export const ISSUED_SECRET_ENV =
  /(?:API_?KEY|ACCESS_KEY(?:_ID)?|TOKEN|CREDENTIALS?|CLIENT_SECRET)$|^(?:OPENAI|ANTHROPIC|CLAUDE|GROQ|GEMINI|GOOGLE|MISTRAL|COHERE|HUGGING\w*|HF|REPLICATE|PERPLEXITY|XAI|OPENROUTER|FIREWORKS|TOGETHER|DEEPSEEK|AZURE|AWS|STRIPE|GITHUB|SLACK|TWILIO|SENDGRID|RESEND|PINECONE|SUPABASE)_/i;

/** Local OpenAI-compatible servers (Ollama, LM Studio, vLLM) that take any key. */
export const LOCAL_SERVER_URL = /^https?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|host\.docker\.internal)\b/i;

/** Functions and objects that send HTTP requests: `fetch(…)`, `axios.post(…)`, `new Request(…)`. */
const HTTP_CLIENT_FUNCTIONS = new Set(['fetch', 'axios', 'got', 'ky', 'ofetch', '$fetch', 'request', 'Request', 'Headers']);
const HTTP_CLIENT_OBJECTS = new Set(['axios', 'got', 'ky', 'http', 'https', 'undici']);
/** The methods of those objects that send a request (`axios.post`, `https.request`), not their helpers (`axios.isAxiosError`). */
const HTTP_CLIENT_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'fetch', 'stream']);

/**
 * A call of an HTTP client: `fetch(…)`, `axios(…)`, `new Request(…)`, and any method of a client
 * object (`axios.create({ headers })`), or with `sends` only the methods that send a request.
 */
export function isHttpClientCall(node: TSESTree.Node | undefined, sends = false): boolean {
  if (node?.type !== T.CallExpression && node?.type !== T.NewExpression) return false;
  const callee = unwrap(node.callee);
  if (callee.type === T.Identifier) return HTTP_CLIENT_FUNCTIONS.has(callee.name);
  return callee.type === T.MemberExpression && callee.object.type === T.Identifier && HTTP_CLIENT_OBJECTS.has(callee.object.name) && (!sends || HTTP_CLIENT_METHODS.has(keyName(callee) ?? ''));
}

/**
 * Calls that make a new key or record and return it: `createApiKey(…)`, `prisma.apiKey.create(…)`,
 * `generateToken()`, `rotateKey()`. A key read from their result in the handler that made it is
 * returned once to its owner, not leaked.
 */
export const CREATING_CALL = /^(?:create|generate|issue|mint|rotate|regenerate|reissue|roll)(?:[A-Z_]|$)/;

/** A payment provider's objects whose `client_secret` is made for the browser (embedded checkout, payment elements). */
export const BROWSER_MEANT_RESULT = /(?:paymentIntents|setupIntents|checkout\.sessions|customerSessions|ephemeralKeys)\.\w+$/;
