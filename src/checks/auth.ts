import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { LlmCall } from '../models/llm/types.js';
import { AUTH_NAME, DENY_NAME, DENY_STATUS, FASTIFY_GUARD_HOOKS, ROUTER_NAME, SIGN_IN_PATH } from '../models/auth.js';
import { findProperty, firstWithin, isFunction, unwrap, within, type FunctionNode, type Node } from '../syntax/ast.js';
import { namePattern } from '../settings.js';
import { shorten } from '../dataflow/describe.js';
import type { FileAnalysis } from '../dataflow/analysis-types.js';
import { routeTable, type Route } from '../program/routes.js';

/** A route that reaches an LLM call with no auth step, in a file that shows what auth looks like. */
export interface AuthFinding {
  readonly route: Route;
  readonly llmCall: LlmCall;
  /** Why auth is expected here: another guarded route, an app-level guard, or the settings. */
  readonly evidence: string;
}

/** How deep same-file helpers are followed from a handler to an LLM call. */
const MAX_HELPER_DEPTH = 3;

const cache = new WeakMap<FileAnalysis, AuthFinding[]>();

export function authFindings(analysis: FileAnalysis): AuthFinding[] {
  const cached = cache.get(analysis);
  if (cached) return cached;
  const found: AuthFinding[] = [];
  cache.set(analysis, found);
  if (analysis.llmCalls.length === 0) return found;
  const { index, sourceCode, settings } = analysis;
  const { routes, appSteps } = routeTable(index, FASTIFY_GUARD_HOOKS);
  if (routes.length === 0) return found;
  const configured = settings.authMiddleware.length > 0 ? namePattern(settings.authMiddleware) : null;

  const isAuthName = (text: string) => (AUTH_NAME.test(text) && !ROUTER_NAME.test(text)) || (configured !== null && configured.test(text.split('(')[0].split('.').pop() ?? ''));
  const nameOf = (node: Node): string => {
    const value = unwrap(node);
    return value.type === T.CallExpression || value.type === T.NewExpression ? sourceCode.getText(value.callee) : sourceCode.getText(value);
  };

  /** A call or `new` in `fn` before `before` that turns the request away or authenticates it. */
  const checksCaller = (fn: FunctionNode, before: number): boolean => {
    const denies = (node: TSESTree.CallExpression | TSESTree.NewExpression) => {
      if (node.range[0] >= before) return false;
      if (isAuthName(nameOf(node)) || DENY_NAME.test(nameOf(node))) return true;
      return node.arguments.some((arg) => {
        const value = unwrap(arg);
        if (value.type === T.Literal) return typeof value.value === 'number' && DENY_STATUS.has(value.value);
        if (value.type !== T.ObjectExpression) return false;
        const status = findProperty(value, 'status')?.value;
        return status?.type === T.Literal && typeof status.value === 'number' && DENY_STATUS.has(status.value);
      });
    };
    return within(index.calls, fn).some(denies) || within(index.news, fn).some(denies);
  };

  const isAuthStep = (node: Node): boolean => {
    const value = unwrap(node);
    if (isFunction(value)) return checksCaller(value, value.range[1]);
    return isAuthName(nameOf(value));
  };

  // SDK calls first, so that a same-file helper is followed to the SDK call itself; calls to helpers
  // in other modules (which pass request data on to an LLM call) after them.
  const sdkCalls = analysis.sdkCalls;
  const helperCalls = analysis.llmCalls.filter((call) => call.sdk === 'helper');
  // Both lists are in source order: a binary search per route, not a scan (route files can hold thousands).
  const inside = (calls: readonly LlmCall[], fn: FunctionNode) => firstWithin(calls, fn, (call) => call.node);
  /** The first LLM call `fn` reaches (directly or through same-file helpers), and where in `fn` the path starts. */
  const reachLlm = (fn: FunctionNode, depth: number, seen: Set<FunctionNode>): { call: LlmCall; at: number } | null => {
    const direct = inside(sdkCalls, fn);
    if (direct) return { call: direct, at: direct.node.range[0] };
    if (depth >= MAX_HELPER_DEPTH) return null;
    for (const call of within(index.calls, fn)) {
      const callee = unwrap(call.callee);
      const helper = callee.type === T.Identifier ? index.functionOf(callee) : null;
      if (!helper || seen.has(helper)) continue;
      seen.add(helper);
      const reached = reachLlm(helper, depth + 1, seen);
      if (reached) return { call: reached.call, at: call.range[0] };
    }
    const helper = depth === 0 ? inside(helperCalls, fn) : undefined;
    return helper ? { call: helper, at: helper.node.range[0] } : null;
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
  const appGuard = (route: Route): boolean => guardedReceiver(route.receiver, route.call.range[0], route.path, 0);

  const guardedAt = (route: Route, before: number) => route.middleware.some(isAuthStep) || appGuard(route) || checksCaller(route.handler, before);

  // The evidence that this app authenticates routes: the first guarded route or auth step.
  let evidence: string | null = configured ? "the settings name the auth middleware ('authMiddleware')" : null;
  if (evidence === null) {
    const step = appSteps.find((s) => s.steps.some(isAuthStep));
    // Only the step's name: its arguments may hold a secret (`jwt({ secret: '…' })`).
    const name = step?.steps.find(isAuthStep);
    if (step && name) evidence = `${step.receiver}.use(${isFunction(unwrap(name)) ? 'an inline check' : shorten(nameOf(name), 40)}) (line ${step.call.loc.start.line}) guards the app`;
  }
  if (evidence === null) {
    const guarded = routes.find((r) => !SIGN_IN_PATH.test(r.path ?? '') && guardedAt(r, r.handler.range[1]));
    if (guarded) evidence = `${guarded.method.toUpperCase()} '${guarded.path}' (line ${guarded.call.loc.start.line}) is guarded`;
  }
  if (evidence === null) return found;

  for (const route of routes) {
    const reached = reachLlm(route.handler, 0, new Set([route.handler]));
    if (!reached || guardedAt(route, reached.at)) continue;
    found.push({ route, llmCall: reached.call, evidence });
  }
  return found;
}

