import type { TSESLint } from '@typescript-eslint/utils';
import { LLM_HINT, type LlmCall } from '../models/llm/index.js';
import { SOURCE_MODELS, type ParamSource, type ResponseModelName, type SourceContext } from '../models/sources/index.js';
import { namePattern, parseSettings, SETTINGS_KEY, type LlmSecuritySettings } from '../settings.js';
import type { FunctionNode } from './ast.js';
import { buildFileIndex, type FileIndex } from './file-index.js';
import { findLlmCalls } from './llm-calls.js';
import type { LlmOutputOrigin, PromptOrigin } from './origin.js';
import { outputOf } from '../models/llm/output.js';
import { describeCall } from './describe.js';
import type { Node } from './ast.js';
import { promptVariables } from './prompt-values.js';
import { TaintEngine } from './taint.js';

/**
 * The per-file analysis shared by every rule. Each part is computed on first use and at
 * most once per file (keyed by the SourceCode object, which ESLint creates per lint run).
 */
export interface FileAnalysis {
  readonly sourceCode: TSESLint.SourceCode;
  readonly settings: LlmSecuritySettings;
  readonly filename: string;
  readonly index: FileIndex;
  readonly engine: TaintEngine;
  readonly llmCalls: readonly LlmCall[];
  /** Every function registered or exported as a handler, with what its parameters are. */
  readonly handlers: ReadonlyMap<FunctionNode, HandlerInfo>;
  handlerParams(fn: FunctionNode): ReadonlyMap<number, ParamSource> | undefined;
  errorParam(fn: FunctionNode): number | undefined;
  promptVariable(variable: TSESLint.Scope.Variable): PromptOrigin | undefined;
  llmOutput(node: Node): LlmOutputOrigin | undefined;
  isSanitizer(names: readonly string[]): boolean;
}

/** What the framework models say about one handler (merged when several models match it). */
export interface HandlerInfo {
  readonly params: Map<number, ParamSource>;
  readonly responses: Map<number, ResponseModelName>;
  errorParam: number | undefined;
  returnsToClient: boolean;
}

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const cache = new WeakMap<object, FileAnalysis>();

class LazyFileAnalysis implements FileAnalysis {
  private indexValue: FileIndex | undefined;
  private engineValue: TaintEngine | undefined;
  private callsValue: readonly LlmCall[] | undefined;
  private handlersValue: Map<FunctionNode, HandlerInfo> | undefined;

  constructor(
    readonly sourceCode: TSESLint.SourceCode,
    readonly filename: string,
    readonly settings: LlmSecuritySettings,
  ) {}

  get index(): FileIndex {
    this.indexValue ??= buildFileIndex(this.sourceCode);
    return this.indexValue;
  }

  get engine(): TaintEngine {
    this.engineValue ??= new TaintEngine(this);
    return this.engineValue;
  }

  get llmCalls(): readonly LlmCall[] {
    if (this.callsValue === undefined) {
      const mayCall = this.settings.llmWrappers.length > 0 || LLM_HINT.test(this.sourceCode.text);
      this.callsValue = mayCall ? findLlmCalls(this.sourceCode, this.index, this.settings) : [];
    }
    return this.callsValue;
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
      for (const call of this.llmCalls) {
        const part = outputOf(call.sdk, call.api, call.node, this.index);
        if (!part) continue;
        const name = describeCall(call);
        outputs.set(call.node, { kind: 'llm', part, sdk: call.sdk, api: call.api, call: name, node: call.node, text: name, steps: [] });
      }
      this.outputsValue = outputs;
    }
    return this.outputsValue.get(node);
  }

  private sanitizerPattern: RegExp | undefined;

  isSanitizer(names: readonly string[]): boolean {
    this.sanitizerPattern ??= namePattern(this.settings.sanitizers);
    // `redactPII(x)`, `DOMPurify.sanitize(x)`: the function name, or the whole chain.
    return this.sanitizerPattern.test(names[names.length - 1]) || this.sanitizerPattern.test(names.join('.'));
  }

  private promptVariablesValue: Map<TSESLint.Scope.Variable, PromptOrigin> | undefined;

  promptVariable(variable: TSESLint.Scope.Variable): PromptOrigin | undefined {
    this.promptVariablesValue ??= promptVariables(this.llmCalls, this.index);
    return this.promptVariablesValue.get(variable);
  }

  get handlers(): ReadonlyMap<FunctionNode, HandlerInfo> {
    if (!this.handlersValue) {
      const handlers = new Map<FunctionNode, HandlerInfo>();
      const index = this.index;
      const context: SourceContext = {
        index,
        filename: this.filename,
        settings: this.settings,
        imports: (...prefixes) =>
          [...index.moduleNames].some((name) => prefixes.some((p) => name === p || name.startsWith(p.endsWith('/') ? p : `${p}/`))),
      };
      for (const model of SOURCE_MODELS) {
        for (const match of model.find(context)) {
          let info = handlers.get(match.fn);
          if (!info) {
            info = { params: new Map(), responses: new Map(), errorParam: undefined, returnsToClient: false };
            handlers.set(match.fn, info);
          }
          for (const [i, source] of match.params) if (!info.params.has(i)) info.params.set(i, source);
          for (const [i, response] of match.responses ?? []) if (!info.responses.has(i)) info.responses.set(i, response);
          info.errorParam ??= match.errorParam;
          info.returnsToClient ||= match.returnsToClient ?? false;
        }
      }
      this.handlersValue = handlers;
    }
    return this.handlersValue;
  }
}

export function getFileAnalysis(context: AnyContext): FileAnalysis {
  const sourceCode = context.sourceCode;
  const cached = cache.get(sourceCode);
  if (cached) return cached;
  const settings = parseSettings((context.settings as Record<string, unknown> | undefined)?.[SETTINGS_KEY]);
  const analysis = new LazyFileAnalysis(sourceCode, context.filename, settings);
  cache.set(sourceCode, analysis);
  return analysis;
}
