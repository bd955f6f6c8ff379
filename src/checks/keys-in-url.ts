import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { AMBIGUOUS_CREDENTIAL_PARAM, CREDENTIAL_NAME, CREDENTIAL_PARAM, CREDENTIAL_USE_CALL, KEY_LIST, KEY_USE_PROPERTY, PAGE_TOKEN } from '../models/secrets.js';
import { calleeName, keyName, memberChain, stringLiteralValue, unwrap, type Node } from '../syntax/ast.js';
import type { FileAnalysis } from '../dataflow/analysis-types.js';
import { requestData } from '../dataflow/origin.js';
import { keyCompares } from './key-compares.js';

/**
 * Credentials read from the query string: `req.query.api_key`, `const { token } = ctx.query`,
 * `url.searchParams.get('key')`, `c.req.query('token')`. URLs are written to access logs,
 * proxies, browser history and Referer headers, so a key in one is a key leaked.
 */
export interface QueryKeyRead {
  /** The read itself: the member, the destructured property or the call. */
  readonly node: Node;
  readonly name: string;
  /** The request data text, for the message (`req.query.api_key`). */
  readonly source: string;
  /** What reads the same name from a header instead, when there is a simple form. */
  readonly header: string | null;
}

const QUERY = /(?:^|\.|-> )(?:\w+\.)*(?:query|searchParams|querystring)$/;

function isQueryText(text: string): boolean {
  return QUERY.test(text) || /\.searchParams\.get\(/.test(text);
}

const cache = new WeakMap<FileAnalysis, QueryKeyRead[]>();

/** Calls that hand their one argument back: `String(x)`, a schema's `z.string().parse(x)`. */
function passesThrough(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type === T.Identifier) return callee.name === 'String';
  return callee.type === T.MemberExpression && ['parse', 'parseAsync'].includes(keyName(callee) ?? '') && !(callee.object.type === T.Identifier && callee.object.name === 'JSON');
}

/** String methods that keep the text: `token.trim()`, `key.toString()`. */
const KEEPING_METHODS = new Set(['trim', 'trimStart', 'trimEnd', 'toString', 'valueOf']);

/**
 * Wrappers a value keeps its meaning through: casts, `!`, defaults (`?? ''`), `String(x)`,
 * `schema.parse(x)`, `x.trim()`, and text built around it (`` `${x}` ``, `'Bearer ' + x`).
 * `scheme` tells whether the text around it names an auth scheme (`Bearer`, `Basic`, `Token`).
 */
function outerValue(node: Node): { value: Node; scheme: boolean } {
  let value = node;
  let scheme = false;
  for (;;) {
    const parent = value.parent;
    if (!parent) return { value, scheme };
    if (parent.type === T.TemplateLiteral) {
      scheme ||= /\b(?:Bearer|Basic|Token)\s*$/i.test(parent.quasis[parent.expressions.indexOf(value as never)]?.value.cooked ?? '');
      value = parent;
      continue;
    }
    if (parent.type === T.BinaryExpression && parent.operator === '+') {
      const other = parent.left === value ? parent.right : parent.left;
      scheme ||= parent.right === value && other.type === T.Literal && typeof other.value === 'string' && /\b(?:Bearer|Basic|Token)\s*$/i.test(other.value);
      value = parent;
      continue;
    }
    const passes =
      parent.type === T.ChainExpression ||
      parent.type === T.TSAsExpression ||
      parent.type === T.TSNonNullExpression ||
      parent.type === T.TSSatisfiesExpression ||
      (parent.type === T.LogicalExpression && (parent.operator === '??' || parent.operator === '||')) ||
      (parent.type === T.CallExpression && parent.arguments.length === 1 && parent.arguments[0] === value && passesThrough(parent)) ||
      (parent.type === T.MemberExpression && parent.object === value && KEEPING_METHODS.has(keyName(parent) ?? '') && parent.parent?.type === T.CallExpression && parent.parent.callee === parent);
    if (!passes) return { value, scheme };
    value = parent.type === T.MemberExpression ? (parent.parent as Node) : parent;
  }
}

/**
 * Whether the value at `use` is used as a credential there: compared with a secret, verified,
 * decoded or looked up by an auth API (`jwt.verify(t)`, `supabase.auth.getUser(t)`), checked
 * against a key list (`VALID_KEYS.has(k)`), sent as a bearer token or a key (`apiKey: k`).
 */
function credentialUse(use: Node, compares: ReadonlySet<Node>): boolean {
  const { value, scheme } = outerValue(use);
  if (scheme) return true;
  const parent = value.parent;
  if (!parent) return false;
  if (parent.type === T.CallExpression && parent.arguments.includes(value as never)) {
    const callee = unwrap(parent.callee);
    const name = calleeName(parent);
    if (name !== null && CREDENTIAL_USE_CALL.test(name)) return true;
    const { root, names } = memberChain(callee);
    const chain = [...(root.type === T.Identifier ? [root.name] : []), ...names];
    // `supabase.auth.getUser(t)`; `VALID_KEYS.has(k)`, `apiTokens.includes(t)`.
    if (chain.length >= 2 && chain[chain.length - 2] === 'auth') return true;
    return (name === 'has' || name === 'includes') && chain.length >= 2 && KEY_LIST.test(chain[chain.length - 2]);
  }
  if (parent.type === T.BinaryExpression) return compares.has(parent);
  if (parent.type !== T.Property || parent.value !== value) return false;
  const key = keyName(parent) ?? '';
  return KEY_USE_PROPERTY.test(key) || (CREDENTIAL_NAME.test(key) && !PAGE_TOKEN.test(key));
}

/**
 * Whether a query read is used as a credential in its function: the read itself, or the name it
 * is bound to once (`const { token } = req.query`, `const { token = '' } = req.query`,
 * `const t = url.searchParams.get('token')`).
 */
function usedAsCredential(read: Node, analysis: FileAnalysis, compares: ReadonlySet<Node>): boolean {
  const { value, scheme } = outerValue(read);
  // `const auth = \`Bearer ${req.query.token}\``: the read is written as a bearer token where it is read.
  if (scheme) return true;
  let binding: Node | null = null;
  if (read.type === T.Property) {
    const target = read.value.type === T.AssignmentPattern ? read.value.left : read.value;
    if (target.type === T.Identifier) binding = target;
  } else if (value.parent?.type === T.VariableDeclarator && value.parent.init === value && value.parent.id.type === T.Identifier) binding = value.parent.id;
  if (!binding) return credentialUse(read, compares);
  const variable = analysis.index.variableOf(binding as TSESTree.Identifier);
  if (!variable || variable.defs.length !== 1) return false;
  return variable.references.some((reference) => !reference.init && reference.isRead() && credentialUse(reference.identifier, compares));
}

export function queryKeyReads(analysis: FileAnalysis): QueryKeyRead[] {
  const cached = cache.get(analysis);
  if (cached) return cached;
  const found: QueryKeyRead[] = [];
  const { sourceCode } = analysis;
  // The path of the request data in a value, as messages show it: 'request.url -> url.searchParams'.
  const dataText = (node: Node) => {
    const origin = requestData(analysis.engine.taintOf(node))[0];
    return origin ? [origin.text, ...origin.steps].join(' -> ') : null;
  };

  for (const node of analysis.index.credentialNames) {
    const name = keyName(node)!;
    if (node.type === T.MemberExpression) {
      // `req.query.api_key`: the object must be the query itself, read directly from the request.
      const object = dataText(node.object);
      if (object === null || !QUERY.test(object)) continue;
      const owner = unwrap(node.object);
      const header =
        owner.type === T.MemberExpression && keyName(owner) === 'query' && !owner.computed
          ? `${sourceCode.getText(owner.object)}.headers['x-api-key']`
          : null;
      found.push({ node, name, source: `${object}.${name}`, header });
    } else {
      // `const { api_key } = req.query`
      const declarator = node.parent.parent;
      if (declarator?.type !== T.VariableDeclarator || declarator.id !== node.parent || !declarator.init) continue;
      const object = dataText(declarator.init);
      if (object === null || !QUERY.test(object)) continue;
      found.push({ node, name, source: `${object}.${name}`, header: null });
    }
  }

  for (const call of analysis.index.calls) {
    const callee = unwrap(call.callee);
    const name = stringLiteralValue(call.arguments[0]);
    if (callee.type !== T.MemberExpression || name === null || !CREDENTIAL_PARAM.test(name)) continue;
    const method = keyName(callee);
    if (method === 'get' || method === 'getAll') {
      // `url.searchParams.get('key')`, `request.nextUrl.searchParams.get('token')`
      const object = dataText(callee.object);
      if (object === null || !isQueryText(object)) continue;
      found.push({ node: call, name, source: `${object}.${method}('${name}')`, header: null });
    } else if (method === 'query' || method === 'queries') {
      // Hono `c.req.query('token')`
      const text = dataText(call);
      if (text === null || !text.endsWith(`.${method}('${name}')`)) continue;
      found.push({ node: call, name, source: text, header: `${sourceCode.getText(callee.object)}.header('x-api-key')` });
    }
  }
  // `?key=` and `?token=` often name a filter key or a page cursor: only a value used as a credential counts.
  let compares: ReadonlySet<Node> | undefined;
  const credentials = found.filter(
    (read) => !AMBIGUOUS_CREDENTIAL_PARAM.test(read.name) || usedAsCredential(read.node, analysis, (compares ??= new Set(keyCompares(analysis).map((c) => c.node)))),
  );
  credentials.sort((a, b) => a.node.range[0] - b.node.range[0]);
  cache.set(analysis, credentials);
  return credentials;
}

