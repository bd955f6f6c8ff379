import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { findProperty, keyName, stringLiteralValue, unwrap, type FunctionNode } from '../../analysis/ast.js';
import type { RequestModelName } from './request-objects.js';
import { resolveHandler } from './resolve-handler.js';
import { objectParam, type HandlerMatch, type SourceContext, type SourceModel } from './types.js';

/**
 * Route registration in Express, Fastify, Koa (router and middleware) and Hono:
 * `app.post('/chat', handler)`, `router.route('/x').get(handler)`, `app.use(mw)`,
 * `fastify.route({ url, handler })`, `fastify.post('/x', { handler })`, `app.on('POST', '/x', h)`.
 * Which request model applies is read from the file's imports.
 */
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options', 'head', 'use', 'search']);
const HTTP_METHOD_NAMES = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const HOOK_PROPERTIES = ['handler', 'preHandler', 'onRequest', 'preValidation'];

function isPathLike(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  const text = stringLiteralValue(value);
  if (text !== null) return text.startsWith('/') || text === '*' || text === '';
  return (
    value.type === T.TemplateLiteral ||
    value.type === T.Identifier ||
    value.type === T.MemberExpression ||
    value.type === T.ArrayExpression ||
    (value.type === T.Literal && 'regex' in value)
  );
}

function frameworkOf(context: SourceContext): { framework: string; model: RequestModelName } {
  if (context.imports('hono')) return { framework: 'hono', model: 'hono-context' };
  if (context.imports('koa', '@koa/router', 'koa-router')) return { framework: 'koa', model: 'koa-context' };
  if (context.imports('fastify')) return { framework: 'fastify', model: 'express' };
  return { framework: 'express', model: 'express' };
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
  if (name === 'use') return args;
  if (args.length < 2 || !isPathLike(args[0])) return [];
  return args.slice(1);
}

export const routesModel: SourceModel = {
  framework: 'express',
  *find(context) {
    const { framework, model } = frameworkOf(context);
    const seen = new Set<FunctionNode>();
    const emit = (fn: FunctionNode | null): HandlerMatch | null => {
      if (!fn || seen.has(fn) || fn.params.length === 0) return null;
      seen.add(fn);
      // Express error middleware `(err, req, res, next)` receives the request second.
      const requestIndex = model === 'express' && fn.params.length === 4 ? 1 : 0;
      return { fn, framework, params: new Map([[requestIndex, objectParam(model)]]) };
    };
    for (const call of context.index.calls) {
      for (const argument of handlerArguments(call)) {
        const value = unwrap(argument);
        if (value.type === T.ObjectExpression) {
          for (const key of HOOK_PROPERTIES) {
            const property = findProperty(value, key);
            const match = property && emit(resolveHandler(property.value, context.index));
            if (match) yield match;
          }
          continue;
        }
        const match = emit(resolveHandler(value, context.index));
        if (match) yield match;
      }
    }
  },
};
