import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { responseMethodNames } from '../models/sinks/response-objects.js';
import { functionsNamed, type NamedFunction } from '../program/method-names.js';
import type { Definers } from '../program/project-index.js';
import { resolveModule } from '../program/resolve.js';
import { isFunction, keyName, unwrap, type FunctionNode } from '../syntax/ast.js';
import type { FileIndex } from '../syntax/file-index.js';

/**
 * Calls on an object the engine cannot tell, linked by the method's name (the field-based call
 * graph of program/method-names.ts): which calls qualify, and which project functions they may
 * run.
 */

/** At most this many functions found by a method's name are followed; past it the call stays unlinked. */
const MAX_NAMED_CALLEES = 4;

/**
 * Method names of the platform and of framework objects (arrays, maps, promises, emitters,
 * responses, whatever a helper may be handed): a call by one of these names is never linked by name.
 */
const COMMON_METHODS: ReadonlySet<string> = new Set([
  'then', 'catch', 'finally', 'map', 'filter', 'forEach', 'reduce', 'find', 'some', 'every', 'push', 'pop', 'shift', 'unshift',
  'slice', 'splice', 'concat', 'join', 'includes', 'indexOf', 'get', 'set', 'has', 'delete', 'add', 'clear', 'keys', 'values',
  'entries', 'on', 'once', 'off', 'emit', 'call', 'apply', 'bind', 'toString', 'valueOf', 'log', 'info', 'warn', 'error',
  'debug', 'trace', 'next', 'resolve', 'reject', 'close', 'parse', 'stringify',
  // Response objects: every method the response models know.
  ...responseMethodNames(),
]);

/** What a call by name needs of the module it is in. */
export interface NamedCallHost {
  readonly filename: string;
  readonly settings: { readonly crossFile: boolean };
  readonly index: FileIndex;
  /** What a handler's parameters are: request data (`params`) and response objects (`responses`). */
  readonly handlers: ReadonlyMap<FunctionNode, { readonly params: ReadonlyMap<number, unknown>; readonly responses: ReadonlyMap<number, unknown> }>;
  /** Whether a name holds an object a package made (`new PrismaClient()`, here or in the project module it is imported from): its methods are the package's. */
  madeByPackage?(identifier: TSESTree.Identifier): boolean;
}

/** A module a candidate may be in: its functions, and those that make an SDK call of their own. */
export interface CandidateModule {
  readonly index: FileIndex;
  readonly sdkFunctions: ReadonlySet<FunctionNode>;
}

/** Where the candidates are: the modules that define the name, and their analyses. */
export interface CandidateSource<M extends CandidateModule> {
  definers(name: string): Definers;
  moduleAt(file: string): M | null;
}

/**
 * The project functions stored under the method's name, for a call whose receiver the linker
 * cannot tell, when at least one makes an SDK call of its own; none past MAX_NAMED_CALLEES.
 * Every module that defines the name is read, so that the candidates can disagree (effects
 * through them count only where every candidate agrees).
 */
export function calleesByName<M extends CandidateModule>(host: NamedCallHost, call: TSESTree.CallExpression, source: CandidateSource<M>): NamedFunction<M>[] {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression || callee.computed) return [];
  const name = keyName(callee);
  if (!host.settings.crossFile || name === null || COMMON_METHODS.has(name) || !unknownReceiver(host, callee)) return [];
  const definers = source.definers(name);
  const files = [...definers.llm, ...definers.other];
  if (definers.llm.length === 0 || files.length > MAX_NAMED_CALLEES) return [];
  const candidates = files.flatMap((file) => {
    const owner = source.moduleAt(file);
    return owner ? functionsNamed(owner, owner.index.functions, name, owner.sdkFunctions) : [];
  });
  return candidates.length <= MAX_NAMED_CALLEES && candidates.some((c) => c.llm) ? candidates : [];
}

/**
 * Whether the object a method is called on is one the engine cannot tell and a project value
 * may be: rooted at `this`, a local variable, a parameter that is not a handler's request or
 * response, or a project import. Globals and package imports are not.
 */
function unknownReceiver(host: NamedCallHost, callee: TSESTree.MemberExpression): boolean {
  let root = unwrap(callee.object);
  // A receiver reached through a call (`app.get(AiService).ask()`) is that call's result, whatever made its root.
  let throughCall = false;
  for (let depth = 0; depth < 16; depth++) {
    if (root.type === T.MemberExpression) root = unwrap(root.object);
    else if (root.type === T.CallExpression) {
      throughCall = true;
      root = unwrap(root.callee);
    } else break;
  }
  const made = (identifier: TSESTree.Identifier) => !throughCall && host.madeByPackage?.(identifier) === true;
  if (root.type === T.ThisExpression) return true;
  if (root.type !== T.Identifier) return false;
  const def = host.index.variableOf(root)?.defs[0];
  switch (def?.type) {
    case 'ImportBinding': {
      const declaration = def.parent;
      return declaration.type === T.ImportDeclaration && resolveModule(declaration.source.value, host.filename) !== null && !made(root);
    }
    case 'Parameter': {
      const fn = def.node;
      if (!isFunction(fn)) return false;
      const declared = def.name;
      const index = fn.params.findIndex((param) => param.range[0] <= declared.range[0] && declared.range[1] <= param.range[1]);
      const handler = host.handlers.get(fn);
      return index >= 0 && !handler?.params.has(index) && !handler?.responses.has(index);
    }
    case 'Variable':
      return !made(root);
    default:
      return false;
  }
}
