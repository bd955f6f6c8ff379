import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { unwrap, within, type FunctionNode } from '../syntax/ast.js';
import { storedName } from '../program/method-names.js';
import type { FileAnalysis } from './analysis-types.js';

/**
 * The call graph as far as a handler reaches: the functions a call runs (a same-file function by
 * name, or what the linker finds here and in other modules), and every function a start
 * function runs through them.
 */

/** A function and the module that defines it. */
export interface Owned {
  readonly owner: FileAnalysis;
  readonly fn: FunctionNode;
}

/**
 * The functions a call runs: a same-file function by name, or what the linker finds in this or
 * another module. With `exact`, not the methods found by their name alone (`x.create()` on a
 * receiver the linker does not know may be any class's `create`).
 */
export function callees(owner: FileAnalysis, call: TSESTree.CallExpression, exact = false): Owned[] {
  const callee = unwrap(call.callee);
  const local = callee.type === T.Identifier ? owner.index.functionOf(callee) : null;
  if (local) return [{ owner, fn: local }];
  if (!owner.settings.crossFile || !owner.mayLinkCall(call)) return [];
  return owner
    .linkedCalls(call)
    .filter((linked) => !exact || !linked.approximate)
    .map((linked) => ({ owner: linked.owner, fn: linked.fn }));
}

/** How many functions one walk visits at most: a bound on the work per start in large programs. */
const MAX_FUNCTIONS = 200;

/**
 * `start` and every function it runs, `depth` calls deep at most, breadth first, each once (the
 * calls of nested functions, such as callbacks, count as the function's own). Only exact links
 * are followed: a list of what a route does names no method found by its name alone.
 */
export function reachedFunctions(start: Owned, depth: number): Owned[] {
  const seen = new Set<FunctionNode>([start.fn]);
  const reached: Owned[] = [start];
  let frontier: Owned[] = [start];
  for (let level = 0; level < depth && frontier.length > 0; level++) {
    const next: Owned[] = [];
    for (const { owner, fn } of frontier) {
      for (const call of within(owner.index.calls, fn)) {
        for (const found of callees(owner, call, true)) {
          if (seen.has(found.fn) || reached.length >= MAX_FUNCTIONS) continue;
          seen.add(found.fn);
          reached.push(found);
          next.push(found);
        }
      }
    }
    frontier = next;
  }
  return reached;
}

/** How messages name a function: its own name, the variable that holds it, or `Class.method`. */
export function functionName(fn: FunctionNode): string | null {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier) return parent.id.name;
  return storedName(fn)?.label ?? null;
}
