import type { TypeFacts } from '../../syntax/type-facts.js';
import type { TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../../syntax/ast.js';
import type { FileIndex } from '../../syntax/file-index.js';
import type { LlmSecuritySettings } from '../../settings.js';
import type { ResponseModelName } from '../sinks/response-objects.js';
import type { RequestModelName } from './request-objects.js';

/** What one parameter of a handler receives from the client. */
export type ParamSource =
  /** A request (or context) object: only some of its members are request data. */
  | { readonly kind: 'object'; readonly model: RequestModelName }
  /** The whole value is request data (`@Body() body`, a server action's arguments, MCP tool args). */
  | { readonly kind: 'data'; readonly label: string };

export interface HandlerMatch {
  readonly fn: FunctionNode;
  /** Parameter index -> what it receives. */
  readonly params: ReadonlyMap<number, ParamSource>;
  readonly framework: string;
  /** Parameter index -> the response object it is (`res`, `reply`, Koa `ctx`, Hono `c`). */
  readonly responses?: ReadonlyMap<number, ResponseModelName>;
  /** Parameter index of an error value (`(err, req, res, next)`, `setErrorHandler(error, …)`). */
  readonly errorParam?: number;
  /** Whether the handler's return value goes to the client (Fastify, Next.js, NestJS, server actions, MCP). */
  readonly returnsToClient?: boolean;
}

export interface SourceContext {
  readonly index: FileIndex;
  readonly filename: string;
  /**
   * The project modules that import this one (through barrels, listed too), or null when unknown.
   * Absent without cross-file analysis.
   */
  importers?(): readonly string[] | null;
  readonly settings: LlmSecuritySettings;
  /** Whether the file imports a module whose name starts with one of these. */
  imports(...prefixes: string[]): boolean;
  /** The type checker's answers, when the file was parsed with type information. */
  readonly types: TypeFacts | null;
  /**
   * The function a name or member stands for when it is defined in another module (an import,
   * a method of an imported object or class instance), or null. Absent without cross-file analysis.
   */
  resolveFunction?(node: TSESTree.Identifier | TSESTree.MemberExpression): FunctionNode | null;
  /**
   * The modules imported by the project module where the value at the root of `node` is made:
   * for `app.post(…)` with `app` imported from `./app`, or `createApp().post(…)` with `createApp`
   * defined in `./server`, what those modules import (so that a Hono app made by the project's own
   * factory is a Hono app). Null when the value is made in this module, in a package, or unknown.
   */
  importsOfOrigin?(node: TSESTree.Node): ReadonlySet<string> | null;
  /**
   * The package type a project type name stands for: `AppCtx` with `export type AppCtx =
   * Context<{ Bindings: Env }>` in `types.ts` and `Context` imported from `hono` is
   * `{ module: 'hono', name: 'Context' }`; also `interface AuthedRequest extends Request`, in this
   * module or another. Null when it is not an alias or extension of an imported type.
   */
  packageTypeOf?(name: TSESTree.Identifier): { readonly module: string; readonly name: string } | null;
}

/** A model of one framework: finds the handlers it registers in a file. */
export interface SourceModel {
  readonly framework: string;
  /**
   * Text a module must hold to register, through this model, a handler defined in another module
   * (`.post(`, `setErrorHandler(`). Without it the model only finds handlers defined where they
   * are registered or exported, and modules are not read for its registrations.
   */
  readonly registers?: RegExp;
  find(context: SourceContext): Iterable<HandlerMatch>;
}

export type Call = TSESTree.CallExpression;

export const objectParam = (model: RequestModelName): ParamSource => ({ kind: 'object', model });
/** `label` names a destructured parameter in messages: `args.city`, `body.message`. */
export const dataParam = (label: string): ParamSource => ({ kind: 'data', label });
