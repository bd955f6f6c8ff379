import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { keyName, unwrap, type FunctionNode } from '../syntax/ast.js';
import { REQUEST_MODELS, SOURCE_MODELS, type HandlerMatch, type ParamSource, type ResponseModelName, type SourceContext } from '../models/sources/index.js';
import { dataParam, objectParam } from '../models/sources/types.js';

/**
 * Handler discovery for one module: what the framework models find, and the functions those
 * handlers forward their request to (`(c) => askHandler(c)`). A handler may be a function of
 * this module or of another one (`app.post('/ask', askHandler)` with `askHandler` imported):
 * the others are handed back as foreign handlers, for the project to mark in their own file.
 */

/** What the framework models say about one handler (merged when several models match it). */
export interface HandlerInfo {
  readonly params: Map<number, ParamSource>;
  readonly responses: Map<number, ResponseModelName>;
  errorParam: number | undefined;
  returnsToClient: boolean;
}

/** A handler registered here whose function is defined in another module. */
export interface ForeignHandler {
  /** The module that defines the function, and the function's offsets in its text. */
  readonly file: string;
  readonly range: readonly [number, number];
  readonly info: HandlerInfo;
}

export interface ModuleHandlers {
  readonly local: Map<FunctionNode, HandlerInfo>;
  readonly foreign: readonly ForeignHandler[];
  /** Calls that forward a handler's request to another handler: that one reports the flows. */
  readonly forwarding: ReadonlySet<TSESTree.CallExpression>;
}

/** How many forwarders in a row are followed (`(c) => a(c)` where `a` is `(c) => b(c)`). */
const MAX_FORWARDS = 3;

export const emptyInfo = (): HandlerInfo => ({ params: new Map(), responses: new Map(), errorParam: undefined, returnsToClient: false });

/** Adds what another match says of the same handler (the first word on a parameter stands). */
export function merge(into: HandlerInfo, match: Pick<HandlerMatch, 'params' | 'responses' | 'errorParam' | 'returnsToClient'>): void {
  for (const [i, source] of match.params) if (!into.params.has(i)) into.params.set(i, source);
  for (const [i, response] of match.responses ?? []) if (!into.responses.has(i)) into.responses.set(i, response);
  into.errorParam ??= match.errorParam;
  into.returnsToClient ||= match.returnsToClient ?? false;
}

/** What a field destructured from a handler parameter holds: request data, another request object, or nothing. */
function memberSource(source: ParamSource, name: string): ParamSource | null {
  if (source.kind === 'data') return dataParam(`${source.label}.${name}`);
  const model = REQUEST_MODELS[source.model];
  if (model.data.has(name)) return dataParam(name);
  const nested = Object.hasOwn(model.nested, name) ? model.nested[name] : undefined;
  return nested ? objectParam(nested) : null;
}

/** The one call a function's body consists of (`(c) => f(c)`, `{ return await f(req, res); }`), and whether its value is returned. */
function soleCall(fn: FunctionNode): { call: TSESTree.CallExpression; returned: boolean } | null {
  let expression: TSESTree.Node | null | undefined = null;
  let returned = false;
  const body = fn.body;
  if (!body) return null;
  if (body.type !== T.BlockStatement) {
    expression = body;
    returned = true;
  } else if (body.body.length === 1) {
    const statement = body.body[0];
    if (statement.type === T.ReturnStatement) {
      expression = statement.argument;
      returned = true;
    } else if (statement.type === T.ExpressionStatement) {
      expression = statement.expression;
    }
  }
  if (!expression) return null;
  let value = unwrap(expression);
  if (value.type === T.AwaitExpression) value = unwrap(value.argument);
  return value.type === T.CallExpression ? { call: value, returned } : null;
}

/**
 * A handler that only hands its own parameters to another function: that function, with the
 * handler's parameters mapped to its own positions, or null.
 */
function forwarded(fn: FunctionNode, info: HandlerInfo, context: SourceContext): { target: FunctionNode; info: HandlerInfo; call: TSESTree.CallExpression } | null {
  const sole = soleCall(fn);
  if (!sole) return null;
  const { call } = sole;
  const callee = unwrap(call.callee);
  let target: FunctionNode | null = null;
  if (callee.type === T.Identifier) target = context.index.functionOf(callee) ?? context.resolveFunction?.(callee) ?? null;
  else if (callee.type === T.MemberExpression) target = context.resolveFunction?.(callee) ?? null;
  if (!target || target === fn) return null;
  const positions = new Map<string, number>();
  /** Names destructured from a parameter (`({ ctx, input }) => resolve(ctx, input)`): what each holds. */
  const members = new Map<string, ParamSource | null>();
  fn.params.forEach((param, i) => {
    if (param.type === T.Identifier) positions.set(param.name, i);
    if (param.type !== T.ObjectPattern) return;
    const source = info.params.get(i);
    for (const property of param.properties) {
      if (property.type !== T.Property || property.computed || property.value.type !== T.Identifier) continue;
      const name = keyName(property);
      if (name !== null) members.set(property.value.name, source ? memberSource(source, name) : null);
    }
  });
  const mapped = emptyInfo();
  let carries = false;
  for (const [i, argument] of call.arguments.entries()) {
    // Only the handler's own parameters, as they are (or fields destructured from them): `relay(res,
    // req.body.q)` hands on request data the target cannot tell from its other arguments, so it
    // stays a helper of this handler.
    const value = unwrap(argument);
    if (value.type !== T.Identifier) return null;
    if (members.has(value.name)) {
      const source = members.get(value.name);
      if (source) mapped.params.set(i, source);
      carries ||= !!source;
      continue;
    }
    const outer = positions.get(value.name);
    if (outer === undefined) return null;
    const source = info.params.get(outer);
    const response = info.responses.get(outer);
    if (source) mapped.params.set(i, source);
    if (response) mapped.responses.set(i, response);
    if (info.errorParam === outer) mapped.errorParam = i;
    carries ||= source !== undefined || response !== undefined;
  }
  if (!carries) return null;
  mapped.returnsToClient = info.returnsToClient && sole.returned;
  return { target, info: mapped, call };
}

/**
 * The handlers of a module. `ownerOf` names the module that defines a function the context
 * resolved into another module (null for a function of this one).
 */
export function findHandlers(context: SourceContext, ownerOf: (fn: FunctionNode) => string | null): ModuleHandlers {
  const local = new Map<FunctionNode, HandlerInfo>();
  const foreign = new Map<FunctionNode, { file: string; info: HandlerInfo }>();
  const forwarding = new Set<TSESTree.CallExpression>();
  const add = (fn: FunctionNode, match: Pick<HandlerMatch, 'params' | 'responses' | 'errorParam' | 'returnsToClient'>): HandlerInfo => {
    const file = ownerOf(fn);
    let info = file === null ? local.get(fn) : foreign.get(fn)?.info;
    if (!info) {
      info = emptyInfo();
      if (file === null) local.set(fn, info);
      else foreign.set(fn, { file, info });
    }
    merge(info, match);
    return info;
  };
  for (const model of SOURCE_MODELS) {
    for (const match of model.find(context)) add(match.fn, match);
  }
  // Forwarders of this module's handlers (the forwarding call is here; its target anywhere).
  let frontier = [...local];
  for (let depth = 0; depth < MAX_FORWARDS && frontier.length > 0; depth++) {
    const next: [FunctionNode, HandlerInfo][] = [];
    for (const [fn, info] of frontier) {
      const found = forwarded(fn, info, context);
      if (!found || forwarding.has(found.call)) continue;
      forwarding.add(found.call);
      const merged = add(found.target, found.info);
      if (ownerOf(found.target) === null) next.push([found.target, merged]);
    }
    frontier = next;
  }
  return {
    local,
    foreign: [...foreign].map(([fn, { file, info }]) => ({ file, range: fn.range, info })),
    forwarding,
  };
}
