import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { calleeName, findProperty, isStringLike, keyName, unwrap } from '../../syntax/ast.js';
import { resolveHandler } from './resolve-handler.js';
import { dataParam, type SourceModel } from './types.js';

/**
 * MCP servers (`@modelcontextprotocol/sdk`, `@modelcontextprotocol/server`): the arguments
 * of tool and prompt handlers come from a remote client. The callback receives them first
 * only when the registration has an input (or args) schema; otherwise its first parameter
 * is the request context (`extra`).
 * `server.tool(name, [description], [schema], [annotations], handler)`,
 * `server.prompt(name, [description], [argsSchema], handler)`,
 * `server.registerTool(name, { inputSchema }, handler)`, `server.registerPrompt(name, { argsSchema }, handler)`.
 */
const LEGACY = new Set(['tool', 'prompt']);
const REGISTER: ReadonlyMap<string, string> = new Map([
  ['registerTool', 'inputSchema'],
  ['registerPrompt', 'argsSchema'],
]);
const ANNOTATION_KEYS = new Set(['title', 'readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint']);

/** `{ readOnlyHint: true }` is a tool's annotations, not its argument schema. */
function isAnnotations(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  if (value.type !== T.ObjectExpression || value.properties.length === 0) return false;
  return value.properties.every((p) => p.type === T.Property && ANNOTATION_KEYS.has(keyName(p) ?? ''));
}

function receivesArguments(name: string, middle: readonly TSESTree.Node[]): boolean {
  if (LEGACY.has(name)) return middle.some((argument) => !isStringLike(argument) && !isAnnotations(argument));
  const config = middle[0] && unwrap(middle[0]);
  if (config?.type === T.ObjectExpression) return findProperty(config, REGISTER.get(name) ?? '') !== null;
  return true;
}

export const mcpModel: SourceModel = {
  framework: 'mcp',
  registers: /\.(?:tool|prompt|registerTool|registerPrompt)\s*\(/u,
  *find(context) {
    if (!context.imports('@modelcontextprotocol/sdk', '@modelcontextprotocol/server')) return;
    for (const call of context.index.calls) {
      const name = calleeName(call);
      if (!name || (!LEGACY.has(name) && !REGISTER.has(name))) continue;
      if (unwrap(call.callee).type !== T.MemberExpression || call.arguments.length < 2) continue;
      const fn = resolveHandler(call.arguments.at(-1), context);
      if (!fn || fn.params.length === 0) continue;
      if (!receivesArguments(name, call.arguments.slice(1, -1))) continue;
      yield { fn, framework: 'mcp', params: new Map([[0, dataParam('args')]]) };
    }
  },
};
