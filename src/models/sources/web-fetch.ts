import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { calleeName, findProperty, keyName, stringLiteralValue, unwrap, type FunctionNode } from '../../syntax/ast.js';
import { resolveHandler } from './resolve-handler.js';
import { objectParam, type HandlerMatch, type SourceModel } from './types.js';

/**
 * Web-standard `Request` handlers: `export default { fetch(request, env, ctx) }`
 * (Cloudflare Workers, Bun), `Deno.serve(handler)`, `Bun.serve({ fetch })`, and service
 * workers' `addEventListener('fetch', event => …)`.
 */
function fetchHandler(fn: FunctionNode | null): HandlerMatch | null {
  if (!fn || fn.params.length === 0) return null;
  return { fn, framework: 'web', params: new Map([[0, objectParam('web-request')]]), returnsToClient: true };
}

function fetchProperty(object: TSESTree.Node | undefined, context: Parameters<SourceModel['find']>[0]): FunctionNode | null {
  const value = object && unwrap(object);
  if (value?.type !== T.ObjectExpression) return null;
  const property = findProperty(value, 'fetch');
  return property ? resolveHandler(property.value, context) : null;
}

export const webFetchModel: SourceModel = {
  framework: 'web',
  registers: /\b(?:serve|addEventListener)\s*\(|\bfetch\b/u,
  *find(context) {
    for (const statement of context.index.program.body) {
      if (statement.type === T.ExportDefaultDeclaration) {
        const match = fetchHandler(fetchProperty(statement.declaration, context));
        if (match) yield match;
      }
    }
    for (const call of context.index.calls) {
      const callee = unwrap(call.callee);
      const receiver = callee.type === T.MemberExpression ? unwrap(callee.object) : null;
      if (receiver?.type === T.Identifier && (receiver.name === 'Deno' || receiver.name === 'Bun') && keyName(callee as TSESTree.MemberExpression) === 'serve') {
        for (const argument of call.arguments) {
          const match = fetchHandler(resolveHandler(argument, context) ?? fetchProperty(argument, context));
          if (match) yield match;
        }
      }
      if (calleeName(call) === 'addEventListener' && stringLiteralValue(call.arguments[0]) === 'fetch') {
        const fn = resolveHandler(call.arguments[1], context);
        if (fn && fn.params.length > 0) yield { fn, framework: 'web', params: new Map([[0, objectParam('fetch-event')]]) };
      }
    }
  },
};
