import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { calleeName, stringLiteralValue, unwrap } from '../../syntax/ast.js';
import { resolveHandler } from './resolve-handler.js';
import { objectParam, type HandlerMatch, type SourceModel } from './types.js';

/**
 * Fastify hooks: `fastify.addHook('preHandler', async (request, reply) => …)`. Request hooks
 * get the request and the reply; `onError` also the error, third; `preSerialization` and
 * `onSend` the payload, third.
 */
const REQUEST_HOOKS = new Set(['onRequest', 'preParsing', 'preValidation', 'preHandler', 'preSerialization', 'onSend', 'onResponse', 'onTimeout', 'onRequestAbort', 'onError']);

export const fastifyHooksModel: SourceModel = {
  framework: 'fastify-hooks',
  registers: /\baddHook\s*\(/u,
  *find(context) {
    for (const call of context.index.calls) {
      if (calleeName(call) !== 'addHook' || unwrap(call.callee).type !== T.MemberExpression) continue;
      const hook = stringLiteralValue(call.arguments[0]);
      if (hook === null || !REQUEST_HOOKS.has(hook)) continue;
      const fn = resolveHandler(call.arguments[1], context);
      if (!fn || fn.params.length === 0) continue;
      const match: HandlerMatch = {
        fn,
        framework: 'fastify',
        params: new Map([[0, objectParam('express')]]),
        responses: new Map([[1, 'fastify-reply' as const]]),
        errorParam: hook === 'onError' && fn.params.length > 2 ? 2 : undefined,
      };
      yield match;
    }
  },
};
