import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { LlmCall } from '../models/llm/index.js';
import type { ParamSource } from '../models/sources/index.js';
import type { HandlerInfo } from '../program/handlers.js';
import type { LinkedFunction as LinkedIn } from '../program/linker.js';
import type { ClientConstruction } from '../program/llm-calls.js';
import type { LlmSecuritySettings } from '../settings.js';
import type { FunctionNode, Node } from '../syntax/ast.js';
import type { FileIndex } from '../syntax/file-index.js';
import type { LlmOutputOrigin, PromptOrigin } from './origin.js';
import type { ShapeHost } from './prompt-shape.js';
import type { TaintEngine } from './taint.js';

/**
 * A function a call runs, with the analysis of the module that defines it; `approximate` when it
 * was found by the method's name alone (the receiver unknown; see program/method-names.ts).
 */
export type LinkedFunction = LinkedIn<FileAnalysis> & { readonly approximate?: true };

/**
 * The per-file analysis shared by every rule. Each part is computed on first use and at
 * most once per file (keyed by the SourceCode object, which ESLint creates per lint run).
 */
export interface FileAnalysis {
  readonly sourceCode: TSESLint.SourceCode;
  readonly settings: LlmSecuritySettings;
  readonly filename: string;
  /** The file's path as messages show it: relative to the working directory, with `/`. */
  readonly label: string;
  /** The file ESLint is linting (false for a module read to answer questions about imports). */
  readonly linted: boolean;
  readonly index: FileIndex;
  readonly engine: TaintEngine;
  /** Whether LLM output or prompts may come in from other modules (or be told by types): the file imports a project module. */
  readonly mayImportLlmValues: boolean;
  /** What prompt-shape questions need: this file, and helpers in other modules. */
  readonly shapeHost: ShapeHost;
  /** SDK clients created in this file (`new OpenAI({…})`). */
  readonly clientConstructions: readonly ClientConstruction[];
  /** SDK calls and the wrappers named in settings. */
  readonly sdkCalls: readonly LlmCall[];
  /** `sdkCalls` plus calls to functions (here or imported) that pass an argument on to one. */
  readonly llmCalls: readonly LlmCall[];
  /**
   * Every function registered or exported as a handler, with what its parameters are: by this
   * module, and, for the file being linted, by the other modules of the project.
   */
  readonly handlers: ReadonlyMap<FunctionNode, HandlerInfo>;
  /** Calls that forward a handler's request to another handler (`(c) => askHandler(c)`): that handler reports the flows. */
  readonly forwardingCalls: ReadonlySet<TSESTree.CallExpression>;
  handlerParams(fn: FunctionNode): ReadonlyMap<number, ParamSource> | undefined;
  errorParam(fn: FunctionNode): number | undefined;
  promptVariable(variable: TSESLint.Scope.Variable): PromptOrigin | undefined;
  llmOutput(node: Node): LlmOutputOrigin | undefined;
  isSanitizer(names: readonly string[]): boolean;
  /** The analysis of the project module that `specifier` names from this file (never a package). */
  importedModule(specifier: string): FileAnalysis | null;
  linkedCall(call: TSESTree.CallExpression): LinkedFunction | null;
  /** Every function a call may run (the one `linkedCall` finds, or each class's method behind a factory). */
  linkedCalls(call: TSESTree.CallExpression): readonly LinkedFunction[];
  /** Whether `linkedCall` could find anything for this call, told cheaply from this file. */
  mayLinkCall(call: TSESTree.CallExpression): boolean;
  /** The analyses of the project modules that import this one (through barrels). */
  importerModules(): readonly FileAnalysis[];
  /** The files of the project modules that import `file` (through barrels), the ones its incoming flows ask. */
  importersOf(file: string): readonly string[];
  hopLabel(linked: LinkedFunction, at?: Node): string;
  /**
   * The other modules of this file's package that may put auth steps on routes (see
   * program/project-index.ts `guardingModules`); null with crossFile off or when there are too many.
   */
  guardingModules(): readonly FileAnalysis[] | null;
  /** The codes the project's own error classes set (see program/project-index.ts `projectErrorCodes`); empty with crossFile off. */
  projectErrorCodes(): ReadonlySet<string>;
}
