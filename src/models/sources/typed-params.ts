import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { isFunction, unwrap, type FunctionNode } from '../../syntax/ast.js';
import type { FileIndex } from '../../syntax/file-index.js';
import type { ResponseModelName } from '../sinks/response-objects.js';
import type { RequestModelName } from './request-objects.js';
import type { TypeFacts } from '../../syntax/type-facts.js';
import { objectParam, type HandlerMatch, type ParamSource, type SourceContext, type SourceModel } from './types.js';

/**
 * Handlers written in their own file and typed with the framework's types: a parameter
 * annotated `Request` (express), `FastifyRequest`, `IncomingMessage`, `NextApiRequest`,
 * `NextRequest`, Koa's or Hono's `Context`, and functions typed `RequestHandler` or
 * `ErrorRequestHandler`. The annotation must name the framework's own import, or, with type
 * information, a type the framework's package declares (or one that extends it).
 */
interface TypeRole {
  readonly request?: RequestModelName;
  readonly response?: ResponseModelName;
}

const TYPES: Readonly<Record<string, Readonly<Record<string, TypeRole>>>> = {
  express: { Request: { request: 'express' }, Response: { response: 'express-res' } },
  fastify: { FastifyRequest: { request: 'express' }, FastifyReply: { response: 'fastify-reply' } },
  http: { IncomingMessage: { request: 'node-request' }, ServerResponse: { response: 'node-res' } },
  'node:http': { IncomingMessage: { request: 'node-request' }, ServerResponse: { response: 'node-res' } },
  next: { NextApiRequest: { request: 'express' }, NextApiResponse: { response: 'express-res' } },
  'next/server': { NextRequest: { request: 'web-request' } },
  koa: { Context: { request: 'koa-context', response: 'koa-ctx' }, ParameterizedContext: { request: 'koa-context', response: 'koa-ctx' } },
  hono: { Context: { request: 'hono-context', response: 'hono-c' } },
};

/**
 * The same types by the package that declares them, for answers from the type checker
 * (`type Req = express.Request`, `interface AuthedRequest extends Request`).
 */
const TYPES_BY_PACKAGE: Readonly<Record<string, Readonly<Record<string, TypeRole>>>> = {
  ...TYPES,
  'express-serve-static-core': TYPES.express,
  node: TYPES.http,
  next: { ...TYPES.next, ...TYPES['next/server'] },
  // The web `Request`: TypeScript's DOM and worker libraries, and Node's (from undici-types).
  typescript: { Request: { request: 'web-request' } },
  'undici-types': { Request: { request: 'web-request' } },
};

function typedRole(param: TSESTree.Node, types: TypeFacts | null): TypeRole | null {
  if (!types) return null;
  for (const { pkg, name } of types.namesOf(param)) {
    const role = Object.hasOwn(TYPES_BY_PACKAGE, pkg) ? TYPES_BY_PACKAGE[pkg][name] : undefined;
    if (role) return role;
  }
  return null;
}

function importedFrom(identifier: TSESTree.Identifier, index: FileIndex): string | null {
  const def = index.variableOf(identifier)?.defs[0];
  return def?.type === 'ImportBinding' && def.parent?.type === T.ImportDeclaration ? def.parent.source.value : null;
}

/** Every type name of the table: without type information, no other name can make a handler. */
const TYPE_NAMES = new Set(Object.values(TYPES).flatMap((roles) => Object.keys(roles)));

function roleOf(param: TSESTree.Parameter, index: FileIndex, types: TypeFacts | null, context: SourceContext): TypeRole | null {
  const annotated = param.type === T.AssignmentPattern ? param.left : param;
  if (!('typeAnnotation' in annotated) || !annotated.typeAnnotation) return null;
  const type = annotated.typeAnnotation.typeAnnotation;
  if (type.type !== T.TSTypeReference) return null;
  // A project alias or extension of a framework type (`AppCtx`, `AuthedRequest`), here or in another module.
  if (type.typeName.type === T.Identifier && !TYPE_NAMES.has(type.typeName.name)) {
    const target = context.packageTypeOf?.(type.typeName);
    const aliased = target && Object.hasOwn(TYPES, target.module) ? TYPES[target.module][target.name] : undefined;
    if (aliased) return aliased;
  }
  if (!types && (type.typeName.type !== T.Identifier || !TYPE_NAMES.has(type.typeName.name))) return null;
  const module = type.typeName.type === T.Identifier ? importedFrom(type.typeName, index) : null;
  const named = type.typeName.type === T.Identifier && module ? TYPES[module]?.[type.typeName.name] : undefined;
  return named ?? typedRole(annotated, types);
}

/** `const h: RequestHandler = (req, res) => …`, `const e: ErrorRequestHandler = (err, req, res, next) => …` */
function handlerTypeOf(fn: FunctionNode, index: FileIndex): 'handler' | 'error' | null {
  const declarator = fn.parent;
  if (declarator?.type !== T.VariableDeclarator || unwrap(declarator.init!) !== fn) return null;
  const type = declarator.id.type === T.Identifier ? declarator.id.typeAnnotation?.typeAnnotation : undefined;
  if (type?.type !== T.TSTypeReference || type.typeName.type !== T.Identifier) return null;
  if ((type.typeName.name !== 'RequestHandler' && type.typeName.name !== 'ErrorRequestHandler') || importedFrom(type.typeName, index) !== 'express') return null;
  if (type.typeName.name === 'RequestHandler') return 'handler';
  if (type.typeName.name === 'ErrorRequestHandler') return 'error';
  return null;
}

export const typedParamsModel: SourceModel = {
  framework: 'typed',
  *find(context) {
    const { index } = context;
    for (const fn of index.functions) {
      if (!isFunction(fn)) continue;
      const handlerType = handlerTypeOf(fn, index);
      const roles = fn.params.map((param) => roleOf(param, index, context.types, context));
      if (!handlerType && roles.every((role) => role === null)) continue;
      const params = new Map<number, ParamSource>();
      const responses = new Map<number, ResponseModelName>();
      if (handlerType) {
        const offset = handlerType === 'error' ? 1 : 0;
        params.set(offset, objectParam('express'));
        responses.set(offset + 1, 'express-res');
      }
      roles.forEach((role, i) => {
        if (role?.request) params.set(i, objectParam(role.request));
        if (role?.response) responses.set(i, role.response);
      });
      if (params.size === 0 && responses.size === 0) continue;
      // `(err, req: Request, res: Response, next)`: an error handler.
      const firstRequest = Math.min(...params.keys());
      const errorParam = handlerType === 'error' || (fn.params.length === 4 && firstRequest === 1 && params.size > 0) ? 0 : undefined;
      const match: HandlerMatch = { fn, framework: 'typed', params, responses, errorParam };
      yield match;
    }
  },
};
