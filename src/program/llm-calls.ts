import { CALL, CONSTRUCT, ESM, READ, ReferenceTracker } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { SDK_MODELS, wrapperCalls } from '../models/llm/index.js';
import { optionsOf, property } from '../models/llm/extract.js';
import type { ExtractContext, LlmCall, SdkModel, TrackNode } from '../models/llm/types.js';
import type { LlmSecuritySettings } from '../settings.js';
import { keyName, memberChain, stringLiteralValue, unwrap, within, type Node } from '../syntax/ast.js';
import type { FileIndex } from '../syntax/file-index.js';
import type { TypeFacts } from '../syntax/type-facts.js';

type TraceMap = Record<string | symbol, unknown>;

const traceMaps = new WeakMap<TrackNode, TraceMap>();

/** ReferenceTracker's map for a model node; built once per node, shared by every file. Cycles (a builder whose methods return it) are kept. */
function toTraceMap(node: TrackNode): TraceMap {
  let map = traceMaps.get(node);
  if (map) return map;
  map = {};
  traceMaps.set(node, map);
  for (const [key, child] of Object.entries(node.members ?? {})) map[key] = toTraceMap(child);
  if (node.call) map[CALL] = node.call;
  if (node.construct) map[CONSTRUCT] = node.construct;
  return map;
}

const esmMaps = new WeakMap<SdkModel, TraceMap>();

function esmTraceMap(model: SdkModel): TraceMap {
  let map = esmMaps.get(model);
  if (map) return map;
  const exports: TraceMap = { [ESM]: true };
  for (const [name, node] of Object.entries(model.exports)) exports[name] = toTraceMap(node);
  map = {};
  for (const module of model.modules) map[module] = exports;
  esmMaps.set(model, map);
  return map;
}

const cjsMaps = new WeakMap<SdkModel, TraceMap>();

/** `require('openai')` is the default export itself, with the named exports on it. */
function cjsTraceMap(model: SdkModel): TraceMap {
  let map = cjsMaps.get(model);
  if (map) return map;
  const exports: TraceMap = {};
  for (const [name, node] of Object.entries(model.exports)) exports[name] = toTraceMap(node);
  const byDefault = model.exports.default ? toTraceMap(model.exports.default) : {};
  map = {};
  for (const module of model.modules) map[module] = { ...exports, ...byDefault };
  cjsMaps.set(model, map);
  return map;
}

interface Tracked {
  node: Node;
  info: TrackNode;
}

/** Keeps following a value past `await` and into `this.field` of the class that stores it. */
function* follow(tracker: ReferenceTracker, start: Node, map: TraceMap, index: FileIndex): Generator<Tracked> {
  let node = start;
  while (node.parent?.type === T.AwaitExpression) node = node.parent;
  const iterate = (from: Node) =>
    tracker.iteratePropertyReferences(from as never, map as never) as Iterable<{ node: Node; info: TrackNode }>;
  yield* iterate(node);
  const parent = node.parent;
  let field: string | null = null;
  let assigned: Node | null = null;
  if (parent?.type === T.PropertyDefinition && parent.value === node && !parent.static) field = keyName(parent);
  if (
    parent?.type === T.AssignmentExpression &&
    parent.right === node &&
    parent.left.type === T.MemberExpression &&
    parent.left.object.type === T.ThisExpression
  ) {
    field = keyName(parent.left);
    assigned = parent.left;
  }
  if (field === null) return;
  let classBody: Node | undefined = parent;
  while (classBody && classBody.type !== T.ClassBody) classBody = classBody.parent;
  if (!classBody) return;
  for (const member of within(index.thisMembers, classBody)) {
    if (member !== assigned && keyName(member) === field) yield* iterate(member);
  }
}

function hasNestedValues(info: TrackNode): boolean {
  return !!(info.members || info.call || info.construct);
}

/** A name imported from a project module that holds an SDK client: `import { openai } from '@/lib/openai'`. */
export interface ImportedClient {
  readonly variable: TSESLint.Scope.Variable;
  readonly sdk: string;
  /** The SDK export the client was made from ('default', 'ChatOpenAI', …). */
  readonly exportName: string;
}

/**
 * A client a class receives in its constructor (`constructor(private llm: BaseChatModel)`), told
 * by the places that construct the class (`new AssistantService(new ChatOpenAI(…))`).
 */
export interface InjectedClient {
  readonly classBody: TSESTree.ClassBody;
  /** The parameter property that holds it (`this.llm`). */
  readonly field: string;
  readonly sdk: string;
  readonly exportName: string;
}

/** Finds every modelled LLM call of a file: through imports, then by unmistakable method chains. */
export function findLlmCalls(
  sourceCode: TSESLint.SourceCode,
  index: FileIndex,
  settings: LlmSecuritySettings,
  clients: readonly (ImportedClient | InjectedClient)[] = [],
  types: TypeFacts | null = null,
  returnsOf?: ExtractContext['returnsOf'],
): LlmCall[] {
  const context: ExtractContext = { index, returnsOf };
  const found = new Map<Node, LlmCall>();
  const globalScope = sourceCode.scopeManager?.globalScope;
  const imported = (model: SdkModel) => model.modules.some((m) => index.moduleNames.has(m));

  if (globalScope) {
    const tracker = new ReferenceTracker(globalScope as never);
    const drain = (model: SdkModel, queue: Tracked[]) => {
      const seen = new Set<Node>();
      while (queue.length > 0) {
        const { node, info } = queue.pop()!;
        if (seen.has(node)) continue;
        seen.add(node);
        const call = node as TSESTree.CallExpression | TSESTree.NewExpression;
        if (info.api && info.extract && !found.has(node)) {
          const output = info.output === undefined ? {} : { output: info.output };
          found.set(node, { node: call, sdk: model.sdk, api: info.api, slots: info.extract(call, context), ...output });
        }
        if (hasNestedValues(info)) queue.push(...follow(tracker, node, toTraceMap(info), index));
      }
    };
    for (const model of SDK_MODELS) {
      if (!imported(model)) continue;
      drain(model, [
        ...(tracker.iterateEsmReferences(esmTraceMap(model) as never) as Iterable<Tracked>),
        ...(tracker.iterateCjsReferences(cjsTraceMap(model) as never) as Iterable<Tracked>),
        ...(undeclaredRequires(tracker, globalScope, index, cjsTraceMap(model)) as Iterable<Tracked>),
      ]);
    }
    for (const client of clients) {
      const model = SDK_MODELS.find((m) => m.sdk === client.sdk);
      const construct = model?.exports[client.exportName]?.construct;
      if (!model || !construct) continue;
      const map = toTraceMap(construct);
      const queue: Tracked[] = [];
      if ('variable' in client) {
        for (const reference of client.variable.references) {
          if (reference.isRead()) queue.push(...follow(tracker, reference.identifier as Node, map, index));
        }
      } else {
        // `this.llm` anywhere in the class whose constructor receives the client.
        for (const member of within(index.thisMembers, client.classBody)) {
          if (keyName(member) === client.field) queue.push(...follow(tracker, member, map, index));
        }
      }
      drain(model, queue);
    }
  }

  if (types) {
    for (const call of typedClientCalls(index, types, found)) found.set(call.node, call);
  }

  // Calls told by what their receiver was built from (langchain runnables): models the file imports,
  // or runnables a project function builds (`createChain(…).invoke(…)`), whose runs are what matter.
  for (const model of SDK_MODELS) {
    if (!model.receivers) continue;
    const local = imported(model);
    if (!local && !returnsOf) continue;
    for (const call of index.calls) {
      if (found.has(call)) continue;
      const callee = unwrap(call.callee);
      const method = callee.type === T.MemberExpression ? keyName(callee) : null;
      if (method === null || (!local && !RUN_METHODS.has(method))) continue;
      for (const rule of model.receivers) {
        const matched = rule.methods.has(method) ? rule.match(call, context) : null;
        if (matched) {
          found.set(call, { node: call, sdk: model.sdk, ...matched });
          break;
        }
      }
    }
  }

  // Unmistakable method chains: only calls whose method is the last name of some chain are looked at.
  const { lastNames, rules } = chainRules();
  for (const call of index.calls) {
    if (found.has(call)) continue;
    const callee = unwrap(call.callee);
    if (callee.type !== T.MemberExpression || !lastNames.has(keyName(callee) ?? '')) continue;
    const { names } = memberChain(callee);
    for (const { model, rule } of rules) {
      if (names.length < rule.names.length) continue;
      if (!rule.names.every((name, i) => names[names.length - rule.names.length + i] === name)) continue;
      if (rule.requireOptions) {
        const options = optionsOf(call, context);
        if (!rule.requireOptions.every((key) => property(options, key))) continue;
      }
      found.set(call, { node: call, sdk: model.sdk, api: rule.api, slots: rule.extract(call, context) });
      break;
    }
  }

  for (const call of wrapperCalls(index.calls, settings.llmWrappers, context)) {
    if (!found.has(call.node)) found.set(call.node, call);
  }
  return [...found.values()].sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/** The methods that run a runnable built in another module (its templates' `format` is left to the module that builds them). */
const RUN_METHODS = new Set(['invoke', 'stream', 'streamEvents']);

type ChainRule = NonNullable<SdkModel['chains']>[number];
let chains: { lastNames: Set<string>; rules: { model: SdkModel; rule: ChainRule }[] } | undefined;

/** Every model's chain rules in model order, and the method names they end with. */
function chainRules(): NonNullable<typeof chains> {
  if (chains) return chains;
  const rules = SDK_MODELS.flatMap((model) => (model.chains ?? []).map((rule) => ({ model, rule })));
  chains = { lastNames: new Set(rules.map(({ rule }) => rule.names.at(-1)!)), rules };
  return chains;
}

let apiMethods: Set<string> | undefined;

/** The last names of every modelled SDK method (`create`, `generateContent`, `invoke`, …). */
export function apiMethodNames(): ReadonlySet<string> {
  if (apiMethods) return apiMethods;
  apiMethods = new Set();
  // A node is visited once per name it is reached under: builders whose methods return the builder make cycles.
  const seen = new Map<TrackNode, Set<string | null>>();
  const visit = (node: TrackNode, name: string | null, depth: number) => {
    const names = seen.get(node) ?? new Set();
    if (depth > 8 || names.has(name)) return;
    seen.set(node, names.add(name));
    if (node.call?.api && name !== null) apiMethods!.add(name);
    for (const [key, child] of Object.entries(node.members ?? {})) visit(child, key, depth + 1);
    if (node.call) visit(node.call, null, depth + 1);
    if (node.construct) visit(node.construct, null, depth + 1);
  };
  for (const model of SDK_MODELS) for (const node of Object.values(model.exports)) visit(node, null, 0);
  return apiMethods;
}

/**
 * With type information: calls on a receiver whose type is an SDK client, wherever the client
 * came from (a parameter `client: OpenAI`, a property of a container, a factory's result).
 */
function typedClientCalls(index: FileIndex, types: TypeFacts, found: ReadonlyMap<Node, LlmCall>): LlmCall[] {
  const names = apiMethodNames();
  const calls: LlmCall[] = [];
  for (const call of index.calls) {
    if (found.has(call)) continue;
    const callee = unwrap(call.callee);
    if (callee.type !== T.MemberExpression) continue;
    const method = keyName(callee);
    if (method === null || !names.has(method)) continue;
    // The receiver: the chain's root, or `this.client` in a class.
    const path: string[] = [];
    let receiver: Node = callee;
    while (receiver.type === T.MemberExpression) {
      const name = keyName(receiver);
      const object = unwrap(receiver.object);
      if (name === null) break;
      if (object.type === T.ThisExpression) break;
      path.unshift(name);
      receiver = object;
    }
    if (receiver.type !== T.Identifier && receiver.type !== T.MemberExpression) continue;
    if (receiver.type === T.MemberExpression && unwrap(receiver.object).type !== T.ThisExpression) continue;
    for (const { pkg, name } of types.namesOf(receiver)) {
      const model = SDK_MODELS.find((m) => m.modules.some((module) => module === pkg || module.startsWith(`${pkg}/`)));
      let node: TrackNode | undefined = model?.exports[name]?.construct;
      for (const step of path) node = node?.members?.[step];
      const target = node?.call;
      if (model && target?.api && target.extract) {
        calls.push({ node: call, sdk: model.sdk, api: target.api, slots: target.extract(call, { index }) });
        break;
      }
    }
  }
  return calls;
}

/** A client of a modelled SDK created in this file: `new OpenAI({…})`, `new ChatAnthropic({…})`. */
export interface ClientConstruction {
  readonly node: TSESTree.NewExpression;
  readonly sdk: string;
  /** The export it was made from: 'default', 'AzureOpenAI', 'ChatAnthropic'. */
  readonly exportName: string;
}

const constructions = new WeakMap<SdkModel, { esm: TraceMap; cjs: TraceMap }>();

/**
 * What ReferenceTracker's `iterateCjsReferences` finds, where `require` is not a declared global
 * (ESLint parses `.js` as an ES module unless the config says CommonJS or declares Node's
 * globals, and then the tracker sees no `require`): each `require('m')` call of a traced module,
 * followed from the call itself.
 */
function* undeclaredRequires(
  tracker: ReferenceTracker,
  globalScope: TSESLint.Scope.Scope,
  index: FileIndex,
  traceMap: Record<string, unknown>,
): Generator<unknown> {
  if (globalScope.set.get('require')) return;
  for (const call of index.calls) {
    if (call.callee.type !== T.Identifier || call.callee.name !== 'require' || index.variableOf(call.callee)) continue;
    const module = stringLiteralValue(call.arguments[0]);
    if (module === null || !Object.hasOwn(traceMap, module)) continue;
    const next = traceMap[module] as Record<PropertyKey, unknown>;
    if (next[READ]) yield { node: call, path: [module], type: READ, info: next[READ] };
    yield* tracker.iteratePropertyReferences(call as never, next as never);
  }
}

/** ReferenceTracker's maps for the `new` of each client export of a model (ESM and CommonJS). */
function constructionMaps(model: SdkModel): { esm: TraceMap; cjs: TraceMap } {
  let maps = constructions.get(model);
  if (maps) return maps;
  const esm: TraceMap = { [ESM]: true };
  const cjs: TraceMap = {};
  for (const [name, node] of Object.entries(model.exports)) {
    if (!node.construct) continue;
    esm[name] = { [CONSTRUCT]: name };
    cjs[name] = { [CONSTRUCT]: name };
    if (name === 'default') Object.assign(cjs, { [CONSTRUCT]: name });
  }
  const byModule = (exports: TraceMap) => Object.fromEntries(model.modules.map((m) => [m, exports]));
  maps = { esm: byModule(esm), cjs: byModule(cjs) };
  constructions.set(model, maps);
  return maps;
}

/** Every `new` of an SDK export that builds a client, found through the file's imports and requires. */
export function findClientConstructions(sourceCode: TSESLint.SourceCode, index: FileIndex): ClientConstruction[] {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return [];
  const tracker = new ReferenceTracker(globalScope as never);
  const found: ClientConstruction[] = [];
  for (const model of SDK_MODELS) {
    if (!model.modules.some((m) => index.moduleNames.has(m))) continue;
    const { esm, cjs } = constructionMaps(model);
    const references = [
      ...(tracker.iterateEsmReferences(esm as never) as Iterable<{ node: Node; info: string }>),
      ...(tracker.iterateCjsReferences(cjs as never) as Iterable<{ node: Node; info: string }>),
      ...(undeclaredRequires(tracker, globalScope, index, cjs) as Iterable<{ node: Node; info: string }>),
    ];
    for (const { node, info } of references) {
      if (node.type === T.NewExpression) found.push({ node, sdk: model.sdk, exportName: info });
    }
  }
  // ReferenceTracker sees `require` only where it is a declared global; follow `const X = require('m')` here.
  const seen = new Set<Node>(found.map((f) => f.node));
  for (const created of index.news) {
    if (seen.has(created) || created.callee.type !== T.Identifier) continue;
    const required = requiredExport(created.callee, index);
    const model = required && SDK_MODELS.find((m) => m.modules.includes(required.module));
    if (model && required && model.exports[required.name]?.construct) found.push({ node: created, sdk: model.sdk, exportName: required.name });
  }
  return found;
}

/** `const X = require('m')` -> default of m; `const { A: X } = require('m')` -> A of m. */
function requiredExport(identifier: TSESTree.Identifier, index: FileIndex): { module: string; name: string } | null {
  const def = index.variableOf(identifier)?.defs[0];
  if (def?.type !== 'Variable' || def.node.type !== T.VariableDeclarator || def.node.init?.type !== T.CallExpression) return null;
  const init = def.node.init;
  const source = init.arguments[0];
  if (init.callee.type !== T.Identifier || init.callee.name !== 'require' || source?.type !== T.Literal || typeof source.value !== 'string') return null;
  if (def.node.id.type === T.Identifier) return { module: source.value, name: 'default' };
  if (def.node.id.type !== T.ObjectPattern) return null;
  const property = def.node.id.properties.find((p) => p.type === T.Property && p.value === def.name);
  const name = property?.type === T.Property ? keyName(property) : null;
  return name === null ? null : { module: source.value, name };
}
