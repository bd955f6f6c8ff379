import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { keyName, unwrap } from '../../syntax/ast.js';
import type { FileIndex } from '../../syntax/file-index.js';
import { importedBinding } from '../../syntax/imports.js';

/**
 * The http-errors names (`badRequest`, `notFound`, `internalServerError`, …): `@fastify/sensible`
 * adds each as a method of a Fastify reply and of `fastify.httpErrors`; the message given is the
 * `message` of the error body Fastify sends, whatever the status.
 */
export const HTTP_ERROR_NAMES: ReadonlySet<string> = new Set([
  'badRequest',
  'unauthorized',
  'paymentRequired',
  'forbidden',
  'notFound',
  'methodNotAllowed',
  'notAcceptable',
  'proxyAuthenticationRequired',
  'requestTimeout',
  'conflict',
  'gone',
  'lengthRequired',
  'preconditionFailed',
  'payloadTooLarge',
  'uriTooLong',
  'unsupportedMediaType',
  'rangeNotSatisfiable',
  'expectationFailed',
  'imateapot',
  'misdirectedRequest',
  'unprocessableEntity',
  'locked',
  'failedDependency',
  'tooEarly',
  'upgradeRequired',
  'preconditionRequired',
  'tooManyRequests',
  'requestHeaderFieldsTooLarge',
  'unavailableForLegalReasons',
  'internalServerError',
  'notImplemented',
  'badGateway',
  'serviceUnavailable',
  'gatewayTimeout',
  'httpVersionNotSupported',
  'variantAlsoNegotiates',
  'insufficientStorage',
  'loopDetected',
  'bandwidthLimitExceeded',
  'notExtended',
  'networkAuthenticationRequired',
]);


/** Modules whose answer to a thrown HTTP error carries its message whatever the status. */
const SENDS_EVERY_MESSAGE = ['fastify', '@fastify/sensible'];

/**
 * Where the message is in a call that makes an HTTP error a framework answers with, or null:
 * `fastify.httpErrors.badRequest(message)` and `reply.httpErrors.notFound(message)` of
 * `@fastify/sensible` (Fastify sends the message of any status), `x.httpErrors.createError(status,
 * message)`, and `createError(status, message)` of `http-errors` when the status is a number below
 * 500 written in the call (Express, Koa and Fastify send those messages), or any status in a file
 * that imports Fastify.
 */
export function httpErrorMessage(call: TSESTree.CallExpression, index: FileIndex): number | null {
  const callee = unwrap(call.callee);
  if (callee.type === T.MemberExpression) {
    const name = keyName(callee);
    const holder = unwrap(callee.object);
    if (holder.type !== T.MemberExpression || keyName(holder) !== 'httpErrors' || name === null) return null;
    if (HTTP_ERROR_NAMES.has(name)) return 0;
    return name === 'createError' ? 1 : null;
  }
  if (callee.type !== T.Identifier) return null;
  const imported = importedBinding(callee, index);
  if (imported?.module !== 'http-errors' || (imported.name !== 'default' && imported.name !== '*')) return null;
  const status = call.arguments[0];
  const code = status?.type === T.Literal && typeof status.value === 'number' ? status.value : null;
  if (code === null || code < 400) return null;
  return code < 500 || SENDS_EVERY_MESSAGE.some((m) => index.moduleNames.has(m)) ? 1 : null;
}
