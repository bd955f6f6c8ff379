import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { calleeName, stringLiteralValue, unwrap } from '../../syntax/ast.js';
import { resolveHandler } from './resolve-handler.js';
import { objectParam, type SourceModel } from './types.js';

/**
 * Plain Node servers: `http.createServer((req, res) => …)` (also https/http2 and a bare
 * imported `createServer`) and `server.on('request', (req, res) => …)`. The request is an
 * `IncomingMessage`: its url, headers and streamed body are request data.
 */
export const nodeHttpModel: SourceModel = {
  framework: 'node-http',
  registers: /\bcreate(?:Secure)?Server\s*\(|\.on\s*\(\s*['"]request/u,
  *find(context) {
    if (!context.imports('http', 'https', 'http2', 'node:http', 'node:https', 'node:http2')) return;
    for (const call of context.index.calls) {
      const name = calleeName(call);
      let handlerArgument = null;
      if (name === 'createServer' || name === 'createSecureServer') {
        handlerArgument = call.arguments.find((argument) => unwrap(argument).type !== T.ObjectExpression);
      } else if (name === 'on' && stringLiteralValue(call.arguments[0]) === 'request') {
        handlerArgument = call.arguments[1];
      }
      const fn = resolveHandler(handlerArgument ?? undefined, context);
      if (fn && fn.params.length > 0) {
        yield { fn, framework: 'node-http', params: new Map([[0, objectParam('node-request')]]), responses: new Map([[1, 'node-res' as const]]) };
      }
    }
  },
};
