import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { calleeName, isFunction, keyName, unwrap, type FunctionNode } from '../../syntax/ast.js';
import { resolveHandler } from './resolve-handler.js';
import { objectParam, type SourceModel } from './types.js';

/**
 * Framework error handlers, whose first parameter is an error value and which answer the
 * client: Fastify `setErrorHandler((error, request, reply) => …)`, Hono
 * `app.onError((err, c) => …)`, and NestJS exception filters (`@Catch()` classes'
 * `catch(exception, host)`). Express's `(err, req, res, next)` middleware is in the routes model.
 */
export const errorHandlersModel: SourceModel = {
  framework: 'error-handlers',
  registers: /\b(?:setErrorHandler|onError)\s*\(/u,
  *find(context) {
    for (const call of context.index.calls) {
      const name = calleeName(call);
      if (name !== 'setErrorHandler' && name !== 'onError') continue;
      if (unwrap(call.callee).type !== T.MemberExpression) continue;
      const fn = resolveHandler(call.arguments[0], context);
      if (!fn || fn.params.length < 2) continue;
      if (name === 'setErrorHandler') {
        yield {
          fn,
          framework: 'fastify',
          errorParam: 0,
          params: new Map([[1, objectParam('express')]]),
          responses: new Map([[2, 'fastify-reply' as const]]),
          returnsToClient: true,
        };
      } else if (context.imports('hono')) {
        yield { fn, framework: 'hono', errorParam: 0, params: new Map([[1, objectParam('hono-context')]]), responses: new Map([[1, 'hono-c' as const]]) };
      }
    }
    if (!context.imports('@nestjs/')) return;
    for (const fn of context.index.functions) {
      const method = fn.parent;
      if (method?.type !== T.MethodDefinition || keyName(method) !== 'catch' || !isFunction(fn)) continue;
      const classNode = method.parent.parent;
      const decorated = (classNode.decorators ?? []).some((d) => {
        const expression = d.expression;
        return expression.type === T.CallExpression && expression.callee.type === T.Identifier && expression.callee.name === 'Catch';
      });
      if (decorated && fn.params.length > 0) yield { fn: fn as FunctionNode, framework: 'nestjs', errorParam: 0, params: new Map() };
    }
  },
};
