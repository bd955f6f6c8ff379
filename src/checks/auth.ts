import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { LlmCall } from '../models/llm/types.js';
import { AUTH_NAME, DENY_NAME, DENY_STATUS, FASTIFY_GUARD_HOOKS, GLOBAL_GUARD_CLASS, RATE_LIMIT_NAME, ROUTER_NAME, SIGN_IN_PATH } from '../models/auth.js';
import { findProperty, firstWithin, isFunction, keyName, unwrap, within, type FunctionNode, type Node } from '../syntax/ast.js';
import { namePattern } from '../settings.js';
import { shorten } from '../dataflow/describe.js';
import type { FileAnalysis } from '../dataflow/analysis-types.js';
import { callees, functionName, type Owned } from '../dataflow/reach.js';
import { linkedFunction } from '../program/linker.js';
import { targetOf } from '../program/exports.js';
import { routeTable, type Route } from '../program/routes.js';

/** A route that reaches an LLM call with no auth step, in an app that shows what auth looks like. */
export interface AuthFinding {
  readonly route: Omit<Route, 'handler'>;
  readonly llmCall: LlmCall;
  /** Where the call is, for messages: 'line 12', or 'ask() at src/ask.ts:6' when the handler reaches it through a function. */
  readonly where: string;
  /** Why auth is expected here: another guarded route, an app-level guard, or the settings. */
  readonly evidence: string;
}

/** How deep helpers are followed from a handler to an LLM call. */
const MAX_HELPER_DEPTH = 3;

/** What one module shows about auth: its routes, its app-level steps, and how to tell an auth step. */
interface ModuleAuth {
  readonly routes: readonly Route[];
  /** Routes whose handler is defined in another module, linked on first use. */
  foreign(): readonly (Omit<Route, 'handler'> & { readonly handler: Owned | null })[];
  /** Guarded by its middleware or an app-level step, told without the handler's body. */
  guardedOutside(route: Omit<Route, 'handler'>): boolean;
  /** Guarded by a check in the handler before `before`. */
  checksFirst(handler: Owned, before: number): boolean;
  /** The first route guarded by a step of its own (middleware, a decorator, a check in the handler), as evidence. */
  routeEvidence(): string | null;
  /** An auth step that may cover routes registered elsewhere (`app.use(auth)`, a global guard), as evidence. */
  appEvidence(): string | null;
  /** A NestJS global guard with an auth name (`APP_GUARD`, `useGlobalGuards`): it covers the package's routes. */
  globalGuard(): boolean;
  /** NestJS module middleware with an auth name (`consumer.apply(AuthMiddleware).forRoutes(…)`): the routes it covers, and how messages name it. */
  middlewareCoverage(): MiddlewareCoverage | null;
  /** Whether this module mounts `file`'s router behind an auth step (`app.use('/ai', requireAuth, aiRouter)`, or after `app.use(auth)`). */
  mountsBehindAuth(file: string): boolean;
}


/** What NestJS module middleware covers: routes by controller class or path, less the excluded ones. */
interface MiddlewareCoverage {
  covers(route: Omit<Route, 'handler'>): boolean;
  readonly evidence: string;
}

/** A Nest route path: `'*'`, `'(.*)'`, `'{*splat}'` match every path; `'chat/*'`, `'chat/{*splat}'` every path under `/chat`; `'chat'` only `/chat`. */
function routePattern(text: string): { readonly path: string; readonly under: boolean } {
  const normal = `/${text}`.replace(/\/+/gu, '/');
  const wildcard = /\/?(?:\*\w*|\(\.\*\)|\{\*\w*\})$/u;
  const under = wildcard.test(normal);
  const path = normal.replace(wildcard, '').replace(/\/$/u, '');
  return { path, under };
}

/**
 * Whether a `forRoutes`/`exclude` argument names the route: a controller class (`ChatController`),
 * a path (`'chat'`, `'chat/*'`, `'*'`), or `{ path, method }`. `unknown` answers for what is not
 * read (a spread, a computed value, a name that holds no class).
 */
function namesRoute(argument: Node, route: Omit<Route, 'handler'>, analysis: FileAnalysis, unknown: boolean): boolean {
  const value = unwrap(argument);
  let text: string | null = null;
  if (value.type === T.Identifier) {
    // A controller class (declared or imported); a constant holding a path is read as that path.
    const def = analysis.index.variableOf(value)?.defs[0];
    const init = def?.node.type === T.VariableDeclarator ? def.node.init : null;
    if (init?.type === T.Literal && typeof init.value === 'string') text = init.value;
    else if (def && def.type !== 'ClassName' && def.type !== 'ImportBinding') return unknown;
    else return value.name === route.receiver;
  } else if (value.type === T.Literal && typeof value.value === 'string') text = value.value;
  else if (value.type === T.ObjectExpression) {
    const path = findProperty(value, 'path');
    const method = findProperty(value, 'method');
    if (method) {
      // `RequestMethod.POST` names one method; `RequestMethod.ALL` every one.
      const name = method.value.type === T.MemberExpression ? keyName(method.value) : null;
      if (name === null) return unknown;
      if (name !== 'ALL' && name.toLowerCase() !== route.method) return false;
    }
    if (path?.value.type === T.Literal && typeof path.value.value === 'string') text = path.value.value;
  }
  if (text === null) return unknown;
  const pattern = routePattern(text);
  const path = (route.path ?? '').replace(/\/$/u, '');
  return path === pattern.path || (pattern.under && (pattern.path === '' || path.startsWith(`${pattern.path}/`)));
}

const moduleCache = new WeakMap<FileAnalysis, ModuleAuth>();

function moduleAuth(analysis: FileAnalysis): ModuleAuth {
  const cached = moduleCache.get(analysis);
  if (cached) return cached;
  const { index, sourceCode, settings } = analysis;
  const { routes, foreignRoutes, appSteps } = routeTable(index, FASTIFY_GUARD_HOOKS);
  const configured = settings.authMiddleware.length > 0 ? namePattern(settings.authMiddleware) : null;

  const isAuthName = (text: string) => (AUTH_NAME.test(text) && !ROUTER_NAME.test(text)) || (configured !== null && configured.test(text.split('(')[0].split('.').pop() ?? ''));
  const nameOf = (node: Node): string => {
    const value = unwrap(node);
    return value.type === T.CallExpression || value.type === T.NewExpression ? sourceCode.getText(value.callee) : sourceCode.getText(value);
  };

  const isAuthStep = (node: Node): boolean => {
    const value = unwrap(node);
    if (isFunction(value)) return checksCaller({ owner: analysis, fn: value }, value.range[1]);
    return isAuthName(nameOf(value));
  };

  const under = (path: string | null, prefix: string | null) => prefix === null || (path ?? '').startsWith(prefix.replace(/\/?\*+$/u, ''));
  /** An auth step on `receiver` registered before `position` that covers `path`. */
  const guardedReceiver = (receiver: string, position: number, path: string | null, depth: number): boolean =>
    appSteps.some((step) => {
      if (step.receiver !== receiver || step.call.range[0] >= position || !under(path, step.path)) return false;
      return step.steps.some(isAuthStep);
    }) ||
    // A router mounted behind auth: `app.use('/api', requireAuth, api)` or `app.use(requireAuth); app.use('/api', api)`.
    (depth < 2 &&
      appSteps.some(
        (mount) =>
          mount.steps.some((s) => s.type === T.Identifier && s.name === receiver) &&
          (mount.steps.some(isAuthStep) || guardedReceiver(mount.receiver, mount.call.range[0], mount.path, depth + 1)),
      ));
  const appGuard = (route: Omit<Route, 'handler'>): boolean => guardedReceiver(route.receiver, route.call.range[0], route.path, 0);
  const ownGuard = (route: Omit<Route, 'handler'>, handler: Owned, before: number) => route.middleware.some(isAuthStep) || checksCaller(handler, before);

  let foreign: (Omit<Route, 'handler'> & { readonly handler: Owned | null })[] | undefined;
  const foreignLinked = () =>
    (foreign ??= foreignRoutes.map((route) => {
      const linked = analysis.settings.crossFile ? linkedFunction<FileAnalysis>(analysis, route.ref) : null;
      return { ...route, handler: linked && { owner: linked.owner, fn: linked.fn } };
    }));

  const describe = (route: Omit<Route, 'handler'>) =>
    `${route.method.toUpperCase()} '${route.path}' (${analysis.linted ? 'line ' : `${analysis.label}:`}${route.call.loc.start.line}) is guarded`;

  const isGuardName = (arg: Node) => isAuthName(nameOf(arg)) && !RATE_LIMIT_NAME.test(nameOf(arg));

  let coverage: MiddlewareCoverage | null | undefined;
  /** `consumer.apply(AuthMiddleware).exclude(…).forRoutes(…)`: the routes each chain names, less the excluded ones. */
  const coverageOf = (): MiddlewareCoverage | null => {
    if (coverage !== undefined) return coverage;
    const chains: { targets: Node[] | null; excluded: Node[] }[] = [];
    let first: TSESTree.CallExpression | null = null;
    for (const call of index.calls) {
      const callee = unwrap(call.callee);
      if (callee.type !== T.MemberExpression || keyName(callee) !== 'apply' || call.parent.type !== T.MemberExpression || !call.arguments.some(isGuardName)) continue;
      first ??= call;
      const chain: { targets: Node[] | null; excluded: Node[] } = { targets: null, excluded: [] };
      let link: Node = call;
      while (link.parent?.type === T.MemberExpression && link.parent.object === link && link.parent.parent?.type === T.CallExpression && link.parent.parent.callee === link.parent) {
        const method = keyName(link.parent);
        const args = link.parent.parent.arguments as Node[];
        if (method === 'exclude') chain.excluded.push(...args);
        // `…forRoutes('admin').apply(LoggerMiddleware).forRoutes('*')`: the chain of this middleware ends at its forRoutes.
        if (method === 'forRoutes') {
          chain.targets = args;
          break;
        }
        link = link.parent.parent;
      }
      chains.push(chain);
    }
    coverage = first && {
      // What is not read counts as covered for the routes named (quiet), and as not excluded.
      covers: (route) =>
        chains.some((c) => !c.excluded.some((a) => namesRoute(a, route, analysis, false)) && (c.targets === null || c.targets.some((a) => namesRoute(a, route, analysis, true)))),
      evidence: `${shorten(sourceCode.getText(first.callee), 40)}(${shorten(nameOf(first.arguments.find(isGuardName)!), 30)}) (${analysis.linted ? 'line ' : `${analysis.label}:`}${first.loc.start.line}) guards other routes`,
    };
    return coverage;
  };

  let evidence: { app: string | null; global: boolean; route: string | null } | undefined;
  const evidenceOf = () => {
    if (evidence) return evidence;
    // App-level auth: a step on an app or router, a NestJS global guard or module middleware.
    let app: string | null = null;
    let global = false;
    const step = appSteps.find((s) => s.steps.some(isAuthStep));
    // Only the step's name: its arguments may hold a secret (`jwt({ secret: '…' })`).
    const name = step?.steps.find(isAuthStep);
    if (step && name) {
      const at = analysis.linted ? `line ${step.call.loc.start.line}` : `${analysis.label}:${step.call.loc.start.line}`;
      app = `${step.receiver}.use(${isFunction(unwrap(name)) ? 'an inline check' : shorten(nameOf(name), 40)}) (${at}) guards the app`;
    } else {
      const made = index.calls.find((call) => {
        const callee = unwrap(call.callee);
        const method = callee.type === T.MemberExpression ? keyName(callee) : callee.type === T.Identifier ? callee.name : null;
        // `app.useGlobalGuards(new JwtAuthGuard())`
        return method === 'useGlobalGuards' && call.arguments.some(isGuardName);
      });
      const provided = [...sourceCode.text.matchAll(GLOBAL_GUARD_CLASS)].some((match) => isAuthName(match[1]) && !RATE_LIMIT_NAME.test(match[1]));
      global = made !== undefined || provided;
      if (made) app = `${shorten(sourceCode.getText(made.callee), 40)}(…) (${analysis.label}:${made.loc.start.line}) guards the app`;
      else if (global) app = `a global guard (APP_GUARD) in ${analysis.label} guards the app`;
    }
    const guarded =
      routes.find((r) => !SIGN_IN_PATH.test(r.path ?? '') && ownGuard(r, { owner: analysis, fn: r.handler }, r.handler.range[1])) ??
      foreignLinked().find((r) => r.handler && !SIGN_IN_PATH.test(r.path ?? '') && ownGuard(r, r.handler, r.handler.fn.range[1]));
    evidence = { app, global, route: guarded ? describe(guarded) : null };
    return evidence;
  };

  const result: ModuleAuth = {
    routes,
    foreign: foreignLinked,
    guardedOutside: (route) => route.middleware.some(isAuthStep) || appGuard(route),
    checksFirst: (handler, before) => checksCaller(handler, before),
    routeEvidence: () => evidenceOf().route,
    appEvidence: () => evidenceOf().app,
    globalGuard: () => evidenceOf().global,
    middlewareCoverage: coverageOf,
    mountsBehindAuth: (file) =>
      appSteps.some((mount) =>
        mount.steps.some((step) => {
          // `aiRouter`, or Koa's `aiRouter.routes()` / `.middleware()`.
          let value = unwrap(step);
          if (value.type === T.CallExpression && value.arguments.length === 0 && value.callee.type === T.MemberExpression && ['routes', 'middleware'].includes(keyName(value.callee) ?? '')) value = unwrap(value.callee.object);
          const target = value.type === T.Identifier ? targetOf(value, index) : null;
          if (target?.kind !== 'import' || analysis.importedModule(target.specifier)?.filename !== file) return false;
          return mount.steps.some(isAuthStep) || guardedReceiver(mount.receiver, mount.call.range[0], mount.path, 0);
        }),
      ),
  };
  moduleCache.set(analysis, result);
  return result;

  /** A call or `new` in the function before `before` that turns the request away or authenticates it. */
  function checksCaller({ owner, fn }: Owned, before: number): boolean {
    const denies = (node: TSESTree.CallExpression | TSESTree.NewExpression) => {
      if (node.range[0] >= before) return false;
      const text = node.callee.type === T.Identifier || node.callee.type === T.MemberExpression ? owner.sourceCode.getText(node.callee) : '';
      if (isAuthName(text) || DENY_NAME.test(text)) return true;
      return node.arguments.some((arg) => {
        const value = unwrap(arg);
        if (value.type === T.Literal) return typeof value.value === 'number' && DENY_STATUS.has(value.value);
        if (value.type !== T.ObjectExpression) return false;
        const status = findProperty(value, 'status')?.value;
        return status?.type === T.Literal && typeof status.value === 'number' && DENY_STATUS.has(status.value);
      });
    };
    return within(owner.index.calls, fn).some(denies) || within(owner.index.news, fn).some(denies);
  }
}

/** The first LLM call a handler reaches (directly, through helpers here or in other modules), and where in the handler the path starts. */
interface Reached {
  readonly call: LlmCall;
  readonly owner: FileAnalysis;
  /** The function that holds the call. */
  readonly fn: FunctionNode;
}

function reachLlm(start: Owned): (Reached & { at: number }) | null {
  const seen = new Set<FunctionNode>([start.fn]);
  const visit = ({ owner, fn }: Owned, depth: number): Reached | null => {
    // Both lists are in source order: a binary search per function, not a scan.
    const direct = firstWithin(owner.sdkCalls, fn, (call) => call.node);
    if (direct) return { call: direct, owner, fn };
    if (depth >= MAX_HELPER_DEPTH) return null;
    for (const call of within(owner.index.calls, fn)) {
      const reached = callees(owner, call).reduce<Reached | null>((found, next) => {
        if (found || seen.has(next.fn)) return found;
        seen.add(next.fn);
        return visit(next, depth + 1);
      }, null);
      if (reached) {
        if (depth === 0) position = call.range[0];
        return reached;
      }
    }
    // Calls to helpers that pass an argument on to an LLM call.
    const helper = depth === 0 ? firstWithin(owner.llmCalls.filter((c) => c.sdk === 'helper'), fn, (c) => c.node) : undefined;
    if (helper) position = helper.node.range[0];
    return helper ? { call: helper, owner, fn } : null;
  };
  let position = -1;
  const reached = visit(start, 0);
  if (!reached) return null;
  return { ...reached, at: position >= 0 ? position : reached.call.node.range[0] };
}

/** 'line 12' for a call in the handler itself; 'ask() at line 5' or 'AiService.ask() at src/ai.ts:9' for one in a function it reaches. */
function whereReached(analysis: FileAnalysis, handler: Owned, reached: Reached): string {
  const line = reached.call.node.loc.start.line;
  const at = reached.owner === analysis ? `line ${line}` : `${reached.owner.label}:${line}`;
  if (reached.fn === handler.fn && reached.owner === analysis) return at;
  return `${functionName(reached.fn) ?? 'a function'}() at ${at}`;
}

const cache = new WeakMap<FileAnalysis, AuthFinding[]>();

export function authFindings(analysis: FileAnalysis): AuthFinding[] {
  const cached = cache.get(analysis);
  if (cached) return cached;
  const found: AuthFinding[] = [];
  cache.set(analysis, found);
  // Cheap first: a module with no LLM call that imports no project module reaches none, and one with no route has nothing to report.
  if (analysis.llmCalls.length === 0 && !analysis.mayImportLlmValues) return found;
  const table = routeTable(analysis.index, FASTIFY_GUARD_HOOKS);
  if (table.routes.length === 0 && table.foreignRoutes.length === 0) return found;
  const auth = moduleAuth(analysis);

  const unguarded: AuthFinding[] = [];
  const candidates = [
    ...auth.routes.map((route) => ({ route, handler: { owner: analysis, fn: route.handler } as Owned | null })),
    ...auth.foreign().map((route) => ({ route, handler: route.handler })),
  ];
  for (const { route, handler } of candidates) {
    // Middleware and app-level steps first: they need no walk through the handler's calls.
    if (!handler || auth.guardedOutside(route)) continue;
    const reached = reachLlm(handler);
    if (!reached) continue;
    // A path that starts in another module's handler is guarded or not by what that handler does before its own call.
    const before = handler.owner === analysis || reached.owner === handler.owner ? reached.at : handler.fn.range[1];
    if (auth.checksFirst(handler, before)) continue;
    unguarded.push({ route, llmCall: reached.call, where: whereReached(analysis, handler, reached), evidence: '' });
  }
  if (unguarded.length === 0) return found;
  // A router that a module importing it mounts behind auth: its routes are guarded there.
  if (analysis.settings.crossFile && analysis.importerModules().some((importer) => moduleAuth(importer).mountsBehindAuth(analysis.filename))) return found;

  const local = localEvidence(analysis, auth);
  const modules = analysis.guardingModules();
  // NestJS global guards cover every route of the package; module middleware the routes its forRoutes names.
  if (auth.globalGuard() || modules?.some((module) => moduleAuth(module).globalGuard())) return found;
  const coverages = [auth, ...(modules ?? []).map(moduleAuth)].flatMap((module) => module.middlewareCoverage() ?? []);
  const open = unguarded.filter((finding) => !coverages.some((c) => c.covers(finding.route)));
  if (open.length === 0) return found;
  const evidence = local ?? (modules && packageEvidence(modules)) ?? coverages[0]?.evidence;
  if (!evidence) return found;
  for (const finding of open) found.push({ ...finding, evidence });
  return found;
}

/** Evidence in this module: the settings, an app-level auth step, or another guarded route. */
function localEvidence(analysis: FileAnalysis, auth: ModuleAuth): string | null {
  if (analysis.settings.authMiddleware.length > 0) return "the settings name the auth middleware ('authMiddleware')";
  return auth.appEvidence() ?? auth.routeEvidence();
}

/**
 * Evidence in the other modules of the package: a route guarded by a step of its own. An
 * app-level step anywhere (`app.use(auth)`, a global guard, Fastify `addHook` in a plugin) may
 * cover this module's routes in ways not followed here, so it silences the question.
 */
function packageEvidence(modules: readonly FileAnalysis[]): string | null {
  let evidence: string | null = null;
  for (const module of modules) {
    const auth = moduleAuth(module);
    if (auth.appEvidence()) return null;
    evidence ??= auth.routeEvidence();
  }
  return evidence;
}
