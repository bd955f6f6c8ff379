import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { keyName, unwrap } from '../../syntax/ast.js';
import { resolveHandler } from './resolve-handler.js';
import { objectParam, type SourceModel } from './types.js';

/**
 * tRPC procedures: `publicProcedure.input(schema).mutation(({ input, ctx }) => …)`. The
 * resolver's `input` comes from the client, and what it returns goes back to it. A chain is a
 * procedure when it passes through `.input(…)` or starts at a name ending in `procedure`
 * (`publicProcedure`, `protectedProcedure`, `t.procedure`).
 */
const RESOLVERS = new Set(['query', 'mutation', 'subscription']);
const PROCEDURE = /procedure$/iu;

function isProcedure(receiver: TSESTree.Node): boolean {
  let node = unwrap(receiver);
  for (let depth = 0; depth < 12; depth++) {
    if (node.type === T.CallExpression) {
      const callee = unwrap(node.callee);
      if (callee.type === T.MemberExpression && keyName(callee) === 'input') return true;
      node = callee;
    } else if (node.type === T.MemberExpression) {
      if (PROCEDURE.test(keyName(node) ?? '')) return true;
      node = unwrap(node.object);
    } else {
      return node.type === T.Identifier && PROCEDURE.test(node.name);
    }
  }
  return false;
}

export const trpcModel: SourceModel = {
  framework: 'trpc',
  registers: /\.(?:query|mutation|subscription)\s*\(/u,
  *find(context) {
    for (const call of context.index.calls) {
      const callee = unwrap(call.callee);
      if (callee.type !== T.MemberExpression || !RESOLVERS.has(keyName(callee) ?? '') || call.arguments.length !== 1) continue;
      if (!isProcedure(callee.object)) continue;
      const fn = resolveHandler(call.arguments[0], context);
      if (fn && fn.params.length > 0) yield { fn, framework: 'trpc', params: new Map([[0, objectParam('trpc-options')]]), returnsToClient: true };
    }
  },
};
