import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { findProperty, keyName, stringLiteralValue, unwrap, type FunctionNode } from '../../syntax/ast.js';
import type { ResponseModelName } from '../sinks/response-objects.js';
import type { RequestModelName } from './request-objects.js';
import { resolveHandler } from './resolve-handler.js';
import { objectParam, type HandlerMatch, type SourceModel } from './types.js';

/**
 * Route registration in Express, Fastify, Koa (router and middleware) and Hono:
 * `app.post('/chat', handler)`, `router.route('/x').get(handler)`, `app.use(mw)`,
 * `fastify.route({ url, handler })`, `fastify.post('/x', { handler })`, `app.on('POST', '/x', h)`.
 * Which request model applies is read from the file's imports.
 */
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options', 'head', 'use', 'search']);
const HTTP_METHOD_NAMES = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const HOOK_PROPERTIES = ['handler', 'preHandler', 'onRequest', 'preValidation'];

/** A route path written out: `'/chat'`, `` `/v1/${x}` ``, `['/a', '/b']`, `/^\/x/`. */
function isLiteralPath(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  const text = stringLiteralValue(value);
  if (text !== null) return text.startsWith('/') || text === '*';
  if (value.type === T.TemplateLiteral) return (value.quasis[0].value.cooked ?? '').startsWith('/');
  if (value.type === T.ArrayExpression) return value.elements.length > 0 && value.elements.every((e) => !!e && isLiteralPath(e));
  return value.type === T.Literal && 'regex' in value;
}

/** A path held in a name (`ROUTES.chat`): only trusted when the receiver looks like an app or router. */
function isNamedPath(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  return value.type === T.Identifier || value.type === T.MemberExpression || value.type === T.TemplateLiteral;
}

/** Receivers that are HTTP clients or caches, whose `get(url, callback)` is not a route. */
const CLIENTS = /^(?:https?|http2|axios|got|ky|needle|superagent|request|fetch\w*|client|\w*Client|cache|\w*Cache|redis|store|map)$/i;
/** Receivers named like an app or a router: `app`, `router`, `api`, `server`, `chatRouter`, `v1`. */
const APP_LIKE = /^(?:app|application|router|routes?|api|server|fastify|instance|hono|koa|v\d+|\w+(?:Router|Routes|App|Api|Server))$/i;

function receiverName(callee: TSESTree.MemberExpression): string | null {
  const receiver = unwrap(callee.object);
  if (receiver.type === T.Identifier) return receiver.name;
  if (receiver.type === T.MemberExpression) return keyName(receiver);
  return null;
}

interface Framework {
  readonly framework: string;
  readonly model: RequestModelName;
  /** The response object, relative to the request parameter (0: the same context object). */
  readonly response: { readonly offset: number; readonly model: ResponseModelName };
  readonly returnsToClient: boolean;
}

const FRAMEWORKS: readonly (Framework & { readonly modules: readonly string[] })[] = [
  { modules: ['hono'], framework: 'hono', model: 'hono-context', response: { offset: 0, model: 'hono-c' }, returnsToClient: true },
  { modules: ['koa', '@koa/router', 'koa-router'], framework: 'koa', model: 'koa-context', response: { offset: 0, model: 'koa-ctx' }, returnsToClient: false },
  { modules: ['fastify'], framework: 'fastify', model: 'express', response: { offset: 1, model: 'fastify-reply' }, returnsToClient: true },
  { modules: ['express'], framework: 'express', model: 'express', response: { offset: 1, model: 'express-res' }, returnsToClient: false },
];
const EXPRESS = FRAMEWORKS[3];

/** The framework a set of imports names, if any. */
function frameworkIn(imports: (...prefixes: string[]) => boolean): Framework | null {
  return FRAMEWORKS.find((f) => imports(...f.modules)) ?? null;
}

const importsIn = (names: ReadonlySet<string>) => (...prefixes: string[]) => [...names].some((name) => prefixes.some((p) => name === p || name.startsWith(`${p}/`)));

/** The root of a receiver chain: `app` in `app.post`, `createApp` in `createApp().get(…).post`. */
function receiverRoot(node: TSESTree.Node): TSESTree.Node {
  let current = unwrap(node);
  for (let depth = 0; depth < 16; depth++) {
    if (current.type === T.MemberExpression) current = unwrap(current.object);
    else if (current.type === T.CallExpression) current = unwrap(current.callee);
    else break;
  }
  return current;
}

function handlerArguments(call: TSESTree.CallExpression): readonly TSESTree.Node[] {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression) return [];
  const name = keyName(callee);
  const args = call.arguments;
  if (name === 'route' && args.length === 1 && args[0].type === T.ObjectExpression) return [args[0]];
  if (name === 'on') {
    const method = stringLiteralValue(args[0]);
    return method !== null && HTTP_METHOD_NAMES.has(method) && args.length >= 3 ? args.slice(2) : [];
  }
  if (name === null || !ROUTE_METHODS.has(name)) return [];
  const receiver = unwrap(callee.object);
  const chainedRoute =
    receiver.type === T.CallExpression && (() => {
      const inner = unwrap(receiver.callee);
      return inner.type === T.MemberExpression && keyName(inner) === 'route';
    })();
  if (chainedRoute) return args;
  const receiverIs = receiverName(callee);
  if (receiverIs !== null && CLIENTS.test(receiverIs)) return [];
  const appLike = receiverIs !== null && APP_LIKE.test(receiverIs);
  if (name === 'use') return appLike ? args : [];
  if (args.length < 2) return [];
  if (isLiteralPath(args[0]) || (appLike && isNamedPath(args[0]))) return args.slice(1);
  return [];
}

export const routesModel: SourceModel = {
  framework: 'express',
  registers: /\.(?:get|post|put|patch|delete|del|all|options|head|use|search|route|on)\s*\(/u,
  *find(context) {
    // The file's own imports decide; a file that imports no framework registers on an app made
    // elsewhere in the project (`import { app } from './app'`, `createApp().post(…)`), whose module decides.
    const own = frameworkIn(context.imports);
    let current: Framework = own ?? EXPRESS;
    const seen = new Set<FunctionNode>();
    const emit = (fn: FunctionNode | null): HandlerMatch | null => {
      const { framework, model, response, returnsToClient } = current;
      if (!fn || seen.has(fn) || fn.params.length === 0) return null;
      seen.add(fn);
      // Express error middleware `(err, req, res, next)` receives the request second.
      const errorMiddleware = framework === 'express' && fn.params.length === 4;
      const requestIndex = errorMiddleware ? 1 : 0;
      return {
        fn,
        framework,
        params: new Map([[requestIndex, objectParam(model)]]),
        responses: new Map([[requestIndex + response.offset, response.model]]),
        errorParam: errorMiddleware ? 0 : undefined,
        returnsToClient,
      };
    };
    for (const call of context.index.calls) {
      const handlers = handlerArguments(call);
      if (handlers.length === 0) continue;
      if (!own) {
        const origin = context.importsOfOrigin?.(receiverRoot((unwrap(call.callee) as TSESTree.MemberExpression).object));
        current = (origin && frameworkIn(importsIn(origin))) ?? EXPRESS;
      }
      for (const argument of handlers) {
        const value = unwrap(argument);
        if (value.type === T.ObjectExpression) {
          for (const key of HOOK_PROPERTIES) {
            const property = findProperty(value, key);
            const match = property && emit(resolveHandler(property.value, context));
            if (match) yield match;
          }
          continue;
        }
        const match = emit(resolveHandler(value, context));
        if (match) yield match;
      }
    }
  },
};
