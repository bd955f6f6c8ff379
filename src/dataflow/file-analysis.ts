import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { keepLinted, loadModule, moduleStats, rememberLinted } from '../program/modules.js';
import { clearResolutionCache, resolveModule } from '../program/resolve.js';
import { packageMade } from './package-values.js';
import { LLM_HINT, SDK_MODELS, type LlmCall } from '../models/llm/index.js';
import { OUTPUT_TYPES, TYPE_PACKAGES } from '../models/llm/output-types.js';
import type { ParamSource, SourceContext } from '../models/sources/index.js';
import { emptyInfo, findHandlers, merge, type HandlerInfo, type ModuleHandlers } from '../program/handlers.js';
import { registeredHere } from '../program/registrations.js';
import { allImporters, definersOf, guardingModules, importingModules, projectErrorCodes } from '../program/project-index.js';
import { packageTypeOf } from '../program/type-aliases.js';
import { namePattern, parseSettings, SETTINGS_KEY, type LlmSecuritySettings } from '../settings.js';
import { enclosingFunction, type FunctionNode } from '../syntax/ast.js';
import { CREDENTIAL_PARAM } from '../models/secrets.js';
import { buildFileIndex, type FileIndex } from '../syntax/file-index.js';
import { apiMethodNames, findClientConstructions, findLlmCalls, type ClientConstruction, type ImportedClient } from '../program/llm-calls.js';
import { keyName, unwrap } from '../syntax/ast.js';
import { resolveIdentifier } from '../program/linker.js';
import { typeFactsOf, type TypeFacts } from '../syntax/type-facts.js';
import type { ShapeHost } from './prompt-shape.js';
import type { LlmOutputOrigin, PromptOrigin } from './origin.js';
import { outputOf } from '../models/llm/output.js';
import { describeCall } from './describe.js';
import type { Node } from '../syntax/ast.js';
import { promptVariables } from './prompt-values.js';
import { TaintEngine } from './taint.js';
import { helperCalls } from './effects.js';
import { hopLabel, linkedCallee, linkedCallees, linkedFunction, mayLinkCallee, originModuleImports } from '../program/linker.js';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';


import type { FileAnalysis, LinkedFunction } from './analysis-types.js';
import { calleesByName } from './named-calls.js';
import { injectedClients } from './injected-clients.js';
import { langchainStreams, mcpToolResults } from '../models/llm/tools.js';

export type { FileAnalysis, HandlerInfo };

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const cache = new WeakMap<object, FileAnalysis>();

/** The analysis that built each file index, to follow calls made in the modules a chain is built in. */
const analysesByIndex = new WeakMap<FileIndex, FileAnalysis>();

/** A call that runs a runnable (`chain.invoke(…)`), which may be built by a project function elsewhere. */
const RUN_CALL = /\.\s*(?:invoke|stream|streamEvents)\s*\(/;

class LazyFileAnalysis implements FileAnalysis {
  private indexValue: FileIndex | undefined;
  private engineValue: TaintEngine | undefined;
  private callsValue: readonly LlmCall[] | undefined;
  private allCallsValue: readonly LlmCall[] | undefined;
  private handlersValue: ModuleHandlers | undefined;
  private allHandlersValue: ReadonlyMap<FunctionNode, HandlerInfo> | undefined;

  private labelValue: string | undefined;

  /** Computed when a message needs it (most files never name themselves). */
  get label(): string {
    this.labelValue ??= labelOf(this.filename, this.cwd);
    return this.labelValue;
  }

  constructor(
    readonly sourceCode: TSESLint.SourceCode,
    readonly filename: string,
    readonly settings: LlmSecuritySettings,
    readonly cwd: string,
    readonly linted: boolean,
  ) {}

  /** Modules this analysis read, for checking that a cached module analysis is still current. */
  readonly dependencies = new Map<string, ModuleRecord | null>();

  /**
   * Takes what the lint of this same source already found (its index, handlers and SDK calls)
   * into a module analysis of it. Only those parts: they depend on the text and the settings
   * alone when the lint had no type information. Taint answers are not shared, because a
   * module's messages name their hops differently and spend their work budget per question.
   */
  reuseStructure(linted: LazyFileAnalysis): boolean {
    if (linted.types !== null || settingsKey(linted.settings) !== settingsKey(this.settings)) return false;
    this.indexValue ??= linted.indexValue;
    this.mentionsValue ??= linted.mentionsValue;
    this.constructionsValue ??= linted.constructionsValue;
    this.callsValue ??= linted.callsValue;
    this.handlersValue ??= linted.handlersValue;
    // The SDK calls may rest on clients imported from other modules: this record is current only while they are.
    for (const [specifier, record] of linted.dependencies) if (!this.dependencies.has(specifier)) this.dependencies.set(specifier, record);
    return true;
  }

  linkedCall(call: TSESTree.CallExpression): LinkedFunction | null {
    const exact = linkedCallee<FileAnalysis>(this, call);
    if (exact) return exact;
    // By name, only when one function of the project carries it.
    const byName = this.calleesByName(call);
    return byName.length === 1 ? byName[0] : null;
  }

  linkedCalls(call: TSESTree.CallExpression): readonly LinkedFunction[] {
    const exact = linkedCallees<FileAnalysis>(this, call);
    return exact.length > 0 ? exact : this.calleesByName(call);
  }

  mayLinkCall(call: TSESTree.CallExpression): boolean {
    return mayLinkCallee<FileAnalysis>(this, call) || this.calleesByName(call).length > 0;
  }

  madeByPackage(identifier: TSESTree.Identifier): boolean {
    const resolved = resolveIdentifier<FileAnalysis>(this, identifier);
    return resolved?.kind === 'value' && packageMade(resolved.owner, resolved.node, 0);
  }

  private byNameValue = new Map<TSESTree.CallExpression, readonly LinkedFunction[]>();

  /** See dataflow/named-calls.ts. */
  private calleesByName(call: TSESTree.CallExpression): readonly LinkedFunction[] {
    let found = this.byNameValue.get(call);
    if (found === undefined) {
      found = calleesByName(this, call, {
        definers: (name) => definersOf(name, this.filename, this.cwd, generation),
        moduleAt: (file) => (file === this.filename ? this : moduleRecord(file, this.settings, this.cwd)?.analysis ?? null),
      });
      this.byNameValue.set(call, found);
    }
    return found;
  }

  private importersValue: readonly FileAnalysis[] | undefined;

  importerModules(): readonly FileAnalysis[] {
    if (this.importersValue === undefined) {
      const files = this.settings.crossFile ? allImporters(this.filename, this.cwd, generation) : [];
      this.importersValue = files.flatMap((file) => moduleRecord(file, this.settings, this.cwd)?.analysis ?? []);
    }
    return this.importersValue;
  }

  importersOf(file: string): readonly string[] {
    return this.settings.crossFile ? allImporters(file, this.cwd, generation) : [];
  }

  hopLabel(linked: LinkedFunction, at?: Node): string {
    return hopLabel<FileAnalysis>(this, linked, at);
  }

  guardingModules(): readonly FileAnalysis[] | null {
    if (!this.settings.crossFile) return null;
    const files = guardingModules(this.filename, this.cwd, generation);
    return files && files.flatMap((file) => (file === this.filename ? [] : (moduleRecord(file, this.settings, this.cwd)?.analysis ?? [])));
  }

  projectErrorCodes(): ReadonlySet<string> {
    return this.settings.crossFile ? projectErrorCodes(this.filename, this.cwd, generation) : new Set();
  }

  importedModule(specifier: string): FileAnalysis | null {
    if (!this.settings.crossFile) return null;
    let record = this.dependencies.get(specifier);
    if (record === undefined) {
      const file = resolveModule(specifier, this.filename);
      record = file ? moduleRecord(file, this.settings, this.cwd) : null;
      this.dependencies.set(specifier, record);
    }
    return record?.analysis ?? null;
  }

  get index(): FileIndex {
    if (!this.indexValue) {
      this.indexValue = buildFileIndex(this.sourceCode, { credentialName: CREDENTIAL_PARAM });
      if (!analysesByIndex.has(this.indexValue)) analysesByIndex.set(this.indexValue, this);
    }
    return this.indexValue;
  }

  get engine(): TaintEngine {
    this.engineValue ??= new TaintEngine(this);
    return this.engineValue;
  }

  private shapeValue: ShapeHost | undefined;

  get shapeHost(): ShapeHost {
    this.shapeValue ??= {
      index: this.index,
      engine: this.engine,
      linked: (call) => {
        const linked = this.linkedCall(call);
        return linked && linked.owner !== this ? { fn: linked.fn, host: linked.owner.shapeHost } : null;
      },
    };
    return this.shapeValue;
  }

  private importsValue: boolean | undefined;

  get mayImportLlmValues(): boolean {
    this.importsValue ??=
      this.types !== null || (this.settings.crossFile && [...this.index.moduleNames].some((name) => resolveModule(name, this.filename) !== null));
    return this.importsValue;
  }

  private typesValue: TypeFacts | null | undefined;

  /** The type checker's answers, when ESLint parsed the file with type information. */
  get types(): TypeFacts | null {
    // Only for the file being linted: a module's answers must not depend on how it was parsed.
    if (this.typesValue === undefined) this.typesValue = this.linted ? typeFactsOf(this.sourceCode) : null;
    return this.typesValue;
  }

  private mentionsValue: boolean | undefined;

  /** Whether the text names an LLM SDK or API at all: files that do not are never searched for SDK calls. */
  get mentionsLlm(): boolean {
    this.mentionsValue ??= LLM_HINT.test(this.sourceCode.text);
    return this.mentionsValue;
  }

  private constructionsValue: readonly ClientConstruction[] | undefined;

  get clientConstructions(): readonly ClientConstruction[] {
    this.constructionsValue ??= this.mentionsLlm ? findClientConstructions(this.sourceCode, this.index) : [];
    return this.constructionsValue;
  }

  get sdkCalls(): readonly LlmCall[] {
    if (this.callsValue === undefined) {
      const clients = [...this.importedClients(), ...(this.settings.crossFile && this.mentionsLlm ? injectedClients(this) : [])];
      const types = this.types;
      const runsChain = this.settings.crossFile && RUN_CALL.test(this.sourceCode.text);
      const mayCall = this.settings.llmWrappers.length > 0 || clients.length > 0 || types !== null || this.mentionsLlm || runsChain;
      this.callsValue = mayCall ? findLlmCalls(this.sourceCode, this.index, this.settings, clients, types, (call, index) => this.returnsOf(call, index)) : [];
    }
    return this.callsValue;
  }

  private sdkFunctionsValue: ReadonlySet<FunctionNode> | undefined;

  /** The functions that make an SDK call of their own (directly in their body). */
  get sdkFunctions(): ReadonlySet<FunctionNode> {
    this.sdkFunctionsValue ??= new Set(this.sdkCalls.flatMap((call) => enclosingFunction(call.node) ?? []));
    return this.sdkFunctionsValue;
  }

  /**
   * Names that hold an SDK client made in another project module: imported (`export const openai =
   * new OpenAI()`), or returned by a project function (`const agent = createResearcher(…)` whose
   * returns are all `new ToolLoopAgent(…)`), in any scope.
   */
  private importedClients(): ImportedClient[] {
    if (!this.settings.crossFile) return [];
    const manager = this.sourceCode.scopeManager;
    const clients: ImportedClient[] = [];
    for (const scope of manager?.scopes ?? []) {
      if (scope.type === 'global' && manager?.scopes.some((s) => s.type === 'module')) continue;
      for (const variable of scope.variables) {
        const def = variable.defs[0];
        const init = def?.type === 'Variable' && def.node.type === T.VariableDeclarator && def.node.id === def.name && def.node.init ? unwrap(def.node.init) : null;
        const call = init?.type === T.AwaitExpression ? unwrap(init.argument) : init;
        if (def?.type !== 'ImportBinding' && call?.type !== T.CallExpression) continue;
        // Only names whose member chains end in an SDK method (`openai.chat.completions.create(…)`).
        if (!variable.references.some((r) => callsSdkMethod(r.identifier as Node))) continue;
        const client = call?.type === T.CallExpression ? this.madeByFactory(call) : this.madeElsewhere(def.name as TSESTree.Identifier);
        if (client) clients.push({ variable, ...client });
      }
    }
    return clients;
  }

  /** The client an imported name (or a module-level value) holds when another module constructs it. */
  private madeElsewhere(name: TSESTree.Identifier): ClientConstruction | undefined {
    const resolved = resolveIdentifier<FileAnalysis>(this, name);
    if (resolved?.kind !== 'value' || resolved.owner === this) return undefined;
    return resolved.owner.clientConstructions.find((c) => c.node === resolved.node);
  }

  /**
   * The returns of the project function a call of the module with `index` runs: in that module or,
   * with cross-file analysis, in another one.
   */
  private returnsOf(call: TSESTree.CallExpression, index: FileIndex): { returns: readonly Node[]; index: FileIndex } | null {
    if (this.returnsMemo.has(call)) return this.returnsMemo.get(call)!;
    // This module's own calls are linked by this analysis, so that what it depends on is recorded here.
    const owner = index === this.index ? this : analysesByIndex.get(index);
    const callee = unwrap(call.callee);
    let found: { returns: readonly Node[]; index: FileIndex } | null = null;
    if (owner && (callee.type === T.Identifier || callee.type === T.MemberExpression)) {
      const linked = linkedFunction<FileAnalysis>(owner, callee);
      if (linked && (this.settings.crossFile || linked.owner === owner)) found = { returns: linked.owner.index.returns.get(linked.fn) ?? [], index: linked.owner.index };
    }
    this.returnsMemo.set(call, found);
    return found;
  }

  private readonly returnsMemo = new Map<TSESTree.CallExpression, { returns: readonly Node[]; index: FileIndex } | null>();

  /** The client a project function returns from every `return` (`return new ToolLoopAgent(…)`, or a name that holds one). */
  private madeByFactory(call: TSESTree.CallExpression): { sdk: string; exportName: string } | undefined {
    const callee = unwrap(call.callee);
    if (callee.type !== T.Identifier && callee.type !== T.MemberExpression) return undefined;
    const factory = linkedFunction<FileAnalysis>(this, callee);
    const returns = factory ? (factory.owner.index.returns.get(factory.fn) ?? []) : [];
    let made: ClientConstruction | undefined;
    for (const returned of returns) {
      let value = unwrap(returned);
      if (value.type === T.AwaitExpression) value = unwrap(value.argument);
      let node: Node | undefined = value;
      if (value.type === T.Identifier) {
        const init = factory!.owner.index.variableOf(value)?.defs[0];
        node = init?.type === 'Variable' && init.node.type === T.VariableDeclarator && init.node.init ? unwrap(init.node.init) : undefined;
      }
      const created = factory!.owner.clientConstructions.find((c) => c.node === node);
      if (!created || (made && (made.sdk !== created.sdk || made.exportName !== created.exportName))) return undefined;
      made = created;
    }
    return made && { sdk: made.sdk, exportName: made.exportName };
  }

  get llmCalls(): readonly LlmCall[] {
    if (this.allCallsValue === undefined) {
      const helpers = helperCalls(this);
      this.allCallsValue = helpers.length === 0 ? this.sdkCalls : [...this.sdkCalls, ...helpers].sort((a, b) => a.node.range[0] - b.node.range[0]);
    }
    return this.allCallsValue;
  }

  handlerParams(fn: FunctionNode): ReadonlyMap<number, ParamSource> | undefined {
    return this.handlers.get(fn)?.params;
  }

  errorParam(fn: FunctionNode): number | undefined {
    return this.handlers.get(fn)?.errorParam;
  }

  private outputsValue: Map<Node, LlmOutputOrigin> | undefined;

  llmOutput(node: Node): LlmOutputOrigin | undefined {
    if (!this.outputsValue) {
      const outputs = new Map<Node, LlmOutputOrigin>();
      for (const call of this.sdkCalls) {
        const part = outputOf(call, this.index);
        if (!part) continue;
        const name = describeCall(call);
        outputs.set(call.node, { kind: 'llm', part, sdk: call.sdk, api: call.api, call: name, node: call.node, text: name, steps: [] });
      }
      for (const call of mcpToolResults(this.index)) {
        const name = 'MCP client callTool';
        outputs.set(call, { kind: 'llm', part: 'text', sdk: 'mcp', api: 'callTool', call: name, node: call, text: name, steps: [] });
      }
      for (const call of langchainStreams(this.index)) {
        const name = 'ai LangChainStream';
        // Only its `stream` field: the `handlers` go to the run, they hold no text.
        outputs.set(call, { kind: 'llm', part: 'text-stream', sdk: 'ai', api: 'LangChainStream', call: name, node: call, text: name, steps: [], at: ['stream'] });
      }
      this.outputsValue = outputs;
    }
    return this.outputsValue.get(node);
  }

  private typedOutputs = new Map<Node, LlmOutputOrigin | undefined>();

  /** With type information: a value whose type is an SDK result type (`ChatCompletion`, `Message`). */
  typedOutput(node: Node): LlmOutputOrigin | undefined {
    const types = this.types;
    if (!types) return undefined;
    if (this.typedOutputs.has(node)) return this.typedOutputs.get(node);
    let found: LlmOutputOrigin | undefined;
    for (const { pkg, name } of types.namesOf(node)) {
      const sdk = TYPE_PACKAGES[pkg] ?? SDK_MODELS.find((m) => m.modules.some((module) => module === pkg || module.startsWith(`${pkg}/`)))?.sdk;
      const output = sdk && Object.hasOwn(OUTPUT_TYPES, sdk) ? OUTPUT_TYPES[sdk][name] : undefined;
      if (!sdk || !output) continue;
      const call = `${sdk} ${output.api}`;
      found = { kind: 'llm', part: output.part, sdk, api: output.api, call, node, text: call, steps: [] };
      break;
    }
    this.typedOutputs.set(node, found);
    return found;
  }

  private sanitizerPattern: RegExp | undefined;

  isSanitizer(names: readonly string[]): boolean {
    this.sanitizerPattern ??= namePattern(this.settings.sanitizers);
    // `redactPII(x)`, `DOMPurify.sanitize(x)`: the function name, or the whole chain.
    return this.sanitizerPattern.test(names[names.length - 1]) || this.sanitizerPattern.test(names.join('.'));
  }

  private promptVariablesValue: Map<TSESLint.Scope.Variable, PromptOrigin> | undefined;

  promptVariable(variable: TSESLint.Scope.Variable): PromptOrigin | undefined {
    this.promptVariablesValue ??= promptVariables(this.sdkCalls, this.index);
    return this.promptVariablesValue.get(variable);
  }

  /** The handlers this module's own registrations and exports make, wherever their functions are defined. */
  get moduleHandlers(): ModuleHandlers {
    if (!this.handlersValue) {
      const index = this.index;
      const moduleNames = [...index.moduleNames];
      const owners = new Map<FunctionNode, string>();
      const context: SourceContext = {
        index,
        filename: this.filename,
        importers: this.settings.crossFile ? () => importingModules(this.filename, this.cwd, generation) : undefined,
        settings: this.settings,
        types: this.types,
        imports: (...prefixes) =>
          moduleNames.length > 0 && moduleNames.some((name) => prefixes.some((p) => name === p || name.startsWith(p.endsWith('/') ? p : `${p}/`))),
        resolveFunction: this.settings.crossFile
          ? (node) => {
              const linked = linkedFunction<FileAnalysis>(this, node);
              if (!linked) return null;
              if (linked.owner === this) return linked.fn;
              if (linked.owner.filename === this.filename) return null;
              owners.set(linked.fn, linked.owner.filename);
              return linked.fn;
            }
          : undefined,
        importsOfOrigin: this.settings.crossFile ? (node) => originModuleImports<FileAnalysis>(this, node) : undefined,
        packageTypeOf: (name) => packageTypeOf(this, name),
      };
      this.handlersValue = findHandlers(context, (fn) => owners.get(fn) ?? null);
      // A linted file that talks to an LLM but serves no route is the likeliest helper module of routes linted later.
      if (this.linted && this.settings.crossFile && this.handlersValue.local.size === 0 && this.mentionsLlm) keepLinted(this.filename, this.sourceCode);
    }
    return this.handlersValue;
  }

  get forwardingCalls(): ReadonlySet<TSESTree.CallExpression> {
    return this.moduleHandlers.forwarding;
  }

  get handlers(): ReadonlyMap<FunctionNode, HandlerInfo> {
    if (!this.allHandlersValue) {
      const local = this.moduleHandlers.local;
      // Registrations elsewhere are looked up for the file being linted (a module read for an importer keeps its own).
      const elsewhere = this.linted && this.settings.crossFile && MAY_EXPORT.test(this.sourceCode.text) ? registeredHere(this.filename, this.index.functions, this.cwd, generation, (file) => moduleRecord(file, this.settings, this.cwd)?.analysis.moduleHandlers.foreign ?? []) : null;
      if (!elsewhere || elsewhere.size === 0) this.allHandlersValue = local;
      else {
        const all = new Map(local);
        for (const [fn, info] of elsewhere) {
          const known = all.get(fn);
          if (known) {
            const combined = emptyInfo();
            merge(combined, known);
            merge(combined, info);
            all.set(fn, combined);
          } else all.set(fn, info);
        }
        this.allHandlersValue = all;
      }
    }
    return this.allHandlersValue;
  }
}

/** Text that may export a function for another module to register. */
const MAY_EXPORT = /\bexport\b|\bexports\b/u;

function labelOf(filename: string, cwd: string): string {
  // Relative even outside the working directory (`../shared/src/ai.ts`), so messages read the same on every machine.
  const relative = path.isAbsolute(filename) && path.isAbsolute(cwd) ? path.relative(cwd, filename) : filename;
  return relative.split(path.sep).join('/');
}

/**
 * A project module analysed for the files that import it. It stays in use while its file and
 * every module it read are unchanged on disk (checked at most once per lint generation).
 */
interface ModuleRecord {
  readonly analysis: LazyFileAnalysis;
  readonly sourceCode: TSESLint.SourceCode;
  readonly file: string;
  checked: number;
  current: boolean;
}

/** `x.….create(…)`: a member call on `x` whose method name is one an SDK has. */
function callsSdkMethod(identifier: Node): boolean {
  let node = identifier;
  while (node.parent?.type === T.MemberExpression && node.parent.object === node) node = node.parent;
  const call = node.parent;
  return node !== identifier && call?.type === T.CallExpression && call.callee === node && node.type === T.MemberExpression && apiMethodNames().has(keyName(node) ?? '');
}

const modules = new Map<string, ModuleRecord>();
/** Bumped when a new lint starts after a pause, so that editors see changes to imported files. */
let generation = 0;
let generationStart = 0;
const GENERATION_MS = 1000;

function isCurrent(record: ModuleRecord): boolean {
  if (record.checked === generation) return record.current;
  record.checked = generation;
  record.current = true; // cycles count as current
  record.current = loadModule(record.file) === record.sourceCode && dependenciesCurrent(record.analysis);
  return record.current;
}

/** Whether every module an analysis read is as it was then. */
function dependenciesCurrent(analysis: LazyFileAnalysis): boolean {
  for (const [specifier, dependency] of analysis.dependencies) {
    // A module that was missing may exist now; one that existed must be unchanged.
    if (dependency ? !isCurrent(dependency) : resolveModule(specifier, analysis.filename) !== null) return false;
  }
  return true;
}

function moduleRecord(file: string, settings: LlmSecuritySettings, cwd: string): ModuleRecord | null {
  const key = `${file}\0${settingsKey(settings)}`;
  const known = modules.get(key);
  if (known && isCurrent(known)) return known;
  const sourceCode = loadModule(file);
  if (!sourceCode) {
    modules.delete(key);
    return null;
  }
  const analysis = new LazyFileAnalysis(sourceCode, file, settings, cwd, false);
  const linted = cache.get(sourceCode);
  // The lint's findings about SDK clients imported from other modules hold while those modules are unchanged.
  if (linted instanceof LazyFileAnalysis && dependenciesCurrent(linted) && analysis.reuseStructure(linted)) moduleStats.shared++;
  const record: ModuleRecord = { analysis, sourceCode, file, checked: generation, current: true };
  modules.set(key, record);
  return record;
}

const settingsKeys = new WeakMap<LlmSecuritySettings, string>();

function settingsKey(settings: LlmSecuritySettings): string {
  let key = settingsKeys.get(settings);
  if (key === undefined) {
    key = JSON.stringify(settings);
    settingsKeys.set(settings, key);
  }
  return key;
}

/** Forgets every module analysis (tests). */
export function clearModuleAnalyses(): void {
  modules.clear();
}

export function getFileAnalysis(context: AnyContext): FileAnalysis {
  const sourceCode = context.sourceCode;
  const cached = cache.get(sourceCode);
  if (cached) return cached;
  const settings = parseSettings((context.settings as Record<string, unknown> | undefined)?.[SETTINGS_KEY]);
  const now = Date.now();
  if (now - generationStart > GENERATION_MS) {
    generation++;
    generationStart = now;
    // Files may have appeared or moved, and tsconfig `paths` changed, since the last lint.
    clearResolutionCache();
  }
  if (settings.crossFile) rememberLinted(context.filename, sourceCode);
  const analysis = new LazyFileAnalysis(sourceCode, context.filename, settings, context.cwd, true);
  cache.set(sourceCode, analysis);
  return analysis;
}
