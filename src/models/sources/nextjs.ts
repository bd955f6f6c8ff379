import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { hasDirective, isFunction, unwrap, type FunctionNode } from '../../syntax/ast.js';
import type { FileIndex } from '../../syntax/file-index.js';
import { resolveHandler } from './resolve-handler.js';
import { dataParam, objectParam, type HandlerMatch, type ParamSource, type SourceContext, type SourceModel } from './types.js';

/**
 * Next.js: app-router route handlers (`export async function POST(req, { params })`, in any
 * file), pages API handlers (`export default function handler(req, res)` under `pages/api/`
 * or typed `NextApiRequest`), page components' `params`/`searchParams` props, and server
 * actions (`'use server'` at the top of the file or of the function).
 */
const ROUTE_EXPORTS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const PAGES_API = /(^|[\\/])pages[\\/]api[\\/]/;
const APP_PAGE = /(^|[\\/])app[\\/](.*[\\/])?(page|layout)\.[cm]?[jt]sx?$/;

function routeHandler(fn: FunctionNode): HandlerMatch {
  return {
    fn,
    framework: 'next',
    returnsToClient: true,
    params: new Map<number, ParamSource>([
      [0, objectParam('web-request')],
      [1, objectParam('next-route-context')],
    ]),
  };
}

function allParamsAreData(fn: FunctionNode): HandlerMatch {
  return {
    fn,
    framework: 'next-server-action',
    params: new Map(fn.params.map((_, i) => [i, dataParam('argument')] as const)),
    returnsToClient: true,
  };
}

function typeName(param: TSESTree.Parameter | undefined): string | null {
  if (!param || !('typeAnnotation' in param) || !param.typeAnnotation) return null;
  const type = param.typeAnnotation.typeAnnotation;
  if (type.type === T.TSTypeReference && type.typeName.type === T.Identifier) return type.typeName.name;
  return null;
}

/** The names a route module exports its handlers under, one per HTTP method. */
export const ROUTE_EXPORT_METHODS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/** Exported declarations of the module: name -> the expression or function exported. */
function* exportedValues(program: TSESTree.Program): Generator<[string, TSESTree.Node]> {
  for (const statement of program.body) {
    if (statement.type === T.ExportNamedDeclaration) {
      const declaration = statement.declaration;
      if (declaration?.type === T.FunctionDeclaration && declaration.id) yield [declaration.id.name, declaration];
      if (declaration?.type === T.VariableDeclaration) {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === T.Identifier && declarator.init) yield [declarator.id.name, declarator.init];
        }
      }
      if (!statement.source) {
        for (const specifier of statement.specifiers) {
          if (specifier.exported.type === T.Identifier && specifier.local.type === T.Identifier) {
            yield [specifier.exported.name, specifier.local];
          }
        }
      }
    } else if (statement.type === T.ExportDefaultDeclaration) {
      yield ['default', statement.declaration];
    }
  }
}

/** A route handler module of the app router (`app/api/chat/route.ts`): server code, never sent to the browser. */
const ROUTE_MODULE = /(?:^|[\\/])app[\\/](?:.+[\\/])?route\.[cm]?[jt]sx?$/u;
/**
 * The URL path a route module serves: `app/api/chat/route.ts` is `/api/chat` (route groups such
 * as `(chat)` add nothing), `pages/api/chat.ts` is `/api/chat`; null for any other module.
 */
export function routePathOfModule(file: string): string | null {
  const parts = file.split(/[\\/]/u);
  const app = routerFolder(parts, 'app', (at) => at < parts.length - 1);
  if (ROUTE_MODULE.test(file) && app >= 0) return `/${parts.slice(app + 1, -1).filter((part) => !/^\(.*\)$/u.test(part)).join('/')}`;
  const pages = routerFolder(parts, 'pages', (at) => parts[at + 1] === 'api');
  if (pages >= 0) {
    const rest = parts.slice(pages + 1).join('/').replace(/\.[cm]?[jt]sx?$/u, '').replace(/\/index$/u, '');
    return `/${rest}`;
  }
  return null;
}

/**
 * Where the router's folder is in a path: at the root of the project or under `src/`; else the
 * first folder of that name that does not hold another of that name (`apps/app/app/api/…` is the
 * router of a package called `app`); or -1.
 */
function routerFolder(parts: readonly string[], name: string, fits: (at: number) => boolean): number {
  const candidates = parts.slice(0, -1).flatMap((part, at) => (part === name && fits(at) ? [at] : []));
  return candidates.find((at) => at === 0 || parts[at - 1] === 'src') ?? candidates.find((at) => parts[at + 1] !== name) ?? -1;
}

/**
 * The names a module exports `fn` under (`POST`, `GET`, `default`): declared, wrapped
 * (`export const POST = withAuth(async (req) => …)`) or listed (`export { handler as GET, handler as POST }`).
 */
export function exportNamesOf(fn: FunctionNode, index: FileIndex): string[] {
  const names: string[] = [];
  for (const [name, node] of exportedValues(index.program)) {
    const value = node.type === T.Identifier ? index.functionOf(node) : node;
    if (value && value.range[0] <= fn.range[0] && fn.range[1] <= value.range[1]) names.push(name);
  }
  return names;
}

/** Test files and folders: they import actions to call them, they do not expose them. */
const TEST_MODULE = /(?:\.(?:test|spec)\.[cm]?[jt]sx?$|[\\/]__(?:tests|mocks)__[\\/])/u;

/**
 * Whether a `'use server'` module is imported only by route handlers (and tests). Next.js gives an
 * action an id the browser can call only when client code references it; a module that only route
 * handlers import holds plain server functions, whose results the route decides what to send.
 * Unknown importers (no project index, a barrel, a component) keep its exports actions.
 */
function onlyServerImporters(context: SourceContext): boolean {
  const importers = context.importers?.();
  if (!importers) return false;
  const users = importers.filter((file) => !TEST_MODULE.test(file));
  return users.length > 0 && users.every((file) => ROUTE_MODULE.test(file));
}

export const nextjsModel: SourceModel = {
  framework: 'next',
  registers: /\bexport\b[^;]*\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|default)\b/u,
  *find(context: SourceContext) {
    const { index, filename } = context;
    const fileIsServerActions = hasDirective(index.program.body, 'use server') && !onlyServerImporters(context);
    for (const [name, value] of exportedValues(index.program)) {
      const fn = isFunction(value) ? value : resolveHandler(value, context);
      if (!fn) continue;
      if (ROUTE_EXPORTS.has(name)) {
        yield routeHandler(fn);
      } else if (fileIsServerActions) {
        yield allParamsAreData(fn);
      } else if (name === 'default' && (PAGES_API.test(filename) || typeName(fn.params[0]) === 'NextApiRequest')) {
        yield {
          fn,
          framework: 'next-pages-api',
          params: new Map([[0, objectParam('express')]]),
          responses: new Map([[1, 'express-res' as const]]),
        };
      } else if (name === 'default' && APP_PAGE.test(filename)) {
        yield { fn, framework: 'next-page', params: new Map([[0, objectParam('next-page-props')]]) };
      }
    }
    // Inline server actions: `async function act(formData) { 'use server'; … }`.
    for (const fn of index.functions) {
      const body = unwrap(fn.body as TSESTree.Node);
      if (body.type === T.BlockStatement && hasDirective(body.body, 'use server')) yield allParamsAreData(fn);
    }
  },
};
