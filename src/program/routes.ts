import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { RATE_LIMIT_NAME, ROUTE_METHODS } from '../models/auth.js';
import { isFunction, keyName, stringLiteralValue, unwrap, type FunctionNode, type Node } from '../syntax/ast.js';
import type { FileIndex } from '../syntax/file-index.js';

/** A route registration: `app.post('/chat', auth, handler)`, `fastify.post('/chat', { preHandler }, handler)`. */
export interface Route {
  readonly call: TSESTree.CallExpression;
  /** The name of the app or router it is registered on. */
  readonly receiver: string;
  readonly method: string;
  readonly path: string | null;
  readonly handler: FunctionNode;
  /** What runs before the handler: middleware arguments and Fastify route hooks. */
  readonly middleware: readonly Node[];
}

/** A route whose handler is not a function of this module: `fastify.post('/x', opts, askHandler)` with `askHandler` imported, `router.post('/x', chat.create)`. */
export interface ForeignRoute extends Omit<Route, 'handler'> {
  /** The name the handler is registered under, for the linker to resolve. */
  readonly ref: TSESTree.Identifier | TSESTree.MemberExpression;
}

/** An app-level step: `app.use(auth)`, `app.use('/api', auth)`, `fastify.addHook('preHandler', auth)`. */
export interface AppStep {
  readonly call: TSESTree.CallExpression;
  readonly receiver: string;
  /** Only routes under this path, when given. */
  readonly path: string | null;
  readonly steps: readonly Node[];
  readonly hook: string | null;
}

function pathOf(node: Node | undefined): string | null {
  if (!node) return null;
  const value = unwrap(node);
  if (value.type === T.TemplateLiteral) return value.quasis[0].value.cooked ?? null;
  return stringLiteralValue(value);
}

/** Fastify's `method: 'POST'` or `method: ['POST', 'PUT']`, lower case and joined by commas; 'route' when not written out. */
function methodsOf(node: Node | undefined): string {
  const value = node && unwrap(node);
  const names = value?.type === T.ArrayExpression ? value.elements.map((element) => (element ? pathOf(element) : null)) : [pathOf(value)];
  return names.length > 0 && names.every((name) => name !== null) ? names.join(',').toLowerCase() : 'route';
}

function resolveFunction(node: Node | undefined, index: FileIndex): FunctionNode | null {
  if (!node) return null;
  const value = unwrap(node);
  if (isFunction(value)) return value;
  return value.type === T.Identifier ? index.functionOf(value) : null;
}

function spreadArrays(nodes: readonly Node[]): Node[] {
  return nodes.flatMap((node): Node[] => {
    const value = unwrap(node);
    return value.type === T.ArrayExpression ? value.elements.filter((e): e is TSESTree.Expression => e !== null && e.type !== T.SpreadElement) : [value];
  });
}

/** Fastify route options: `{ preHandler: [auth], onRequest: fastify.authenticate }`. */
function optionHooks(node: Node, hooks: ReadonlySet<string>): Node[] {
  const value = unwrap(node);
  if (value.type !== T.ObjectExpression) return [node];
  const found: Node[] = [];
  for (const property of value.properties) {
    if (property.type === T.Property && hooks.has(keyName(property) ?? '')) found.push(...spreadArrays([property.value]));
  }
  return found;
}

const NEST_METHODS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Sse']);

function decoratorCall(decorator: TSESTree.Decorator, names: ReadonlySet<string>): TSESTree.CallExpression | null {
  const expression = decorator.expression;
  return expression.type === T.CallExpression && expression.callee.type === T.Identifier && names.has(expression.callee.name) ? expression : null;
}

const USE_GUARDS = new Set(['UseGuards']);
const CONTROLLER = new Set(['Controller']);

/** NestJS: `@Post('chat')` methods of a class; `@UseGuards(…)` on the method or the class run before them. */
function nestRoutes(index: FileIndex): Route[] {
  if (![...index.moduleNames].some((name) => name.startsWith('@nestjs/'))) return [];
  const routes: Route[] = [];
  for (const fn of index.functions) {
    const method = fn.parent;
    if (method?.type !== T.MethodDefinition || !method.decorators?.length) continue;
    const classNode = method.parent.parent;
    if (classNode.type !== T.ClassDeclaration && classNode.type !== T.ClassExpression) continue;
    // Espree leaves `decorators` unset; a class without `@Controller` is not a controller.
    const classDecorators = classNode.decorators ?? [];
    const controller = classDecorators.map((d) => decoratorCall(d, CONTROLLER)).find((c) => c !== null);
    if (!controller) continue;
    for (const decorator of method.decorators) {
      const call = decoratorCall(decorator, NEST_METHODS);
      if (!call) continue;
      // The guards named in `@UseGuards(…)`; rate limiters are not auth.
      const guards = [...classDecorators, ...method.decorators]
        .flatMap((d) => decoratorCall(d, USE_GUARDS)?.arguments ?? [])
        .filter((guard) => !RATE_LIMIT_NAME.test(guard.type === T.Identifier ? guard.name : ''));
      const callee = call.callee as TSESTree.Identifier;
      const path = [pathOf(controller?.arguments[0]), pathOf(call.arguments[0])].filter((p) => p).join('/');
      routes.push({
        call,
        receiver: classNode.id?.name ?? 'controller',
        method: callee.name.toLowerCase(),
        path: `/${path}`.replace(/\/+/gu, '/'),
        handler: fn,
        middleware: guards,
      });
    }
  }
  return routes;
}

export interface RouteTable {
  readonly routes: readonly Route[];
  readonly foreignRoutes: readonly ForeignRoute[];
  readonly appSteps: readonly AppStep[];
}

const cache = new WeakMap<FileIndex, RouteTable>();

export function routeTable(index: FileIndex, hooks: ReadonlySet<string>): RouteTable {
  const cached = cache.get(index);
  if (cached) return cached;
  const routes: Route[] = [];
  const foreignRoutes: ForeignRoute[] = [];
  const appSteps: AppStep[] = [];
  for (const call of index.calls) {
    const callee = call.callee;
    if (callee.type !== T.MemberExpression || callee.object.type !== T.Identifier) continue;
    const method = keyName(callee);
    const receiver = callee.object.name;
    const args = call.arguments;
    if (method === 'use') {
      const path = pathOf(args[0]);
      appSteps.push({ call, receiver, path, steps: spreadArrays(path === null ? args : args.slice(1)), hook: null });
    } else if (method === 'addHook' && hooks.has(pathOf(args[0]) ?? '')) {
      appSteps.push({ call, receiver, path: null, steps: args.slice(1), hook: pathOf(args[0]) });
    } else if (method !== null && ROUTE_METHODS.has(method) && args.length >= 2) {
      const path = pathOf(args[0]);
      const last = unwrap(args[args.length - 1]);
      const handler = resolveFunction(last, index);
      // `request.post('https://…', cb)` is an HTTP client, not a route.
      if (path === null || /^[a-z][a-z+.-]*:\/\//i.test(path)) continue;
      const middleware = spreadArrays(args.slice(1, -1)).flatMap((m) => optionHooks(m, hooks));
      if (handler) routes.push({ call, receiver, method, path, handler, middleware });
      else if (last.type === T.Identifier || (last.type === T.MemberExpression && !last.computed)) foreignRoutes.push({ call, receiver, method, path, ref: last, middleware });
    } else if (method === 'route' && args.length === 1 && unwrap(args[0]).type === T.ObjectExpression) {
      // Fastify's full declaration: `fastify.route({ method, url, preHandler, handler })`.
      const options = unwrap(args[0]) as TSESTree.ObjectExpression;
      const get = (name: string) => options.properties.find((p): p is TSESTree.Property => p.type === T.Property && keyName(p) === name)?.value;
      const handler = resolveFunction(get('handler'), index);
      const path = pathOf(get('url') ?? get('path'));
      if (handler === null || path === null) continue;
      routes.push({ call, receiver, method: methodsOf(get('method')), path, handler, middleware: optionHooks(options, hooks) });
    }
  }
  routes.push(...nestRoutes(index));
  const table = { routes, foreignRoutes, appSteps };
  cache.set(index, table);
  return table;
}
