import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { CREDENTIAL_PARAM } from '../models/secrets.js';
import { keyName, stringLiteralValue, unwrap, type Node } from '../syntax/ast.js';
import type { FileAnalysis } from '../dataflow/analysis-types.js';
import { requestData } from '../dataflow/origin.js';

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
  found.sort((a, b) => a.node.range[0] - b.node.range[0]);
  cache.set(analysis, found);
  return found;
}

