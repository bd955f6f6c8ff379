import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { keyName, type FunctionNode } from '../syntax/ast.js';
import type { LinkedFunction } from './linker.js';

/**
 * The field-based approximation of the call graph: where the engine cannot tell what object a
 * method is called on (`opts.model.generate(…)` on a parameter typed with the project's abstract
 * class, `app.assistant.brief(…)` after `app.decorate('assistant', …)`), the call may run the
 * project's functions stored under that property name. Only functions the caller offers as
 * candidates (those with an SDK call of their own) are indexed, so that a name shared with
 * ordinary code never links.
 * The project index tells which modules define a function under the name (from their text);
 * when one of them names an SDK and there are few, each is parsed, and every function stored
 * under the name is a candidate: a function that does something else with the argument makes
 * the candidates disagree, and that effect does not count.
 */

/**
 * A function that a call by name may run, marked as found by name rather than by the receiver;
 * `llm` when it makes an SDK call of its own.
 */
export type NamedFunction<M> = LinkedFunction<M> & { readonly approximate: true; readonly llm: boolean };

/** The name a function is stored under in a class or an object literal, and how messages name it. */
export function storedName(fn: FunctionNode): { readonly name: string; readonly label: string } | null {
  const parent = fn.parent;
  if ((parent?.type === T.MethodDefinition && parent.kind === 'method') || (parent?.type === T.PropertyDefinition && parent.value === fn)) {
    const name = parent.computed || parent.static ? null : keyName(parent);
    const owner = parent.parent.parent;
    const className = (owner.type === T.ClassDeclaration || owner.type === T.ClassExpression) && owner.id ? owner.id.name : 'default';
    return name === null ? null : { name, label: `${className}.${name}` };
  }
  if (parent?.type === T.Property && parent.value === fn && parent.parent.type === T.ObjectExpression && !parent.computed) {
    const name = keyName(parent);
    return name === null ? null : { name, label: name };
  }
  return null;
}

/** The functions of a module stored under `name`; `withSdkCall` tells which make an SDK call of their own. */
export function functionsNamed<M>(owner: M, functions: Iterable<FunctionNode>, name: string, withSdkCall: ReadonlySet<FunctionNode>): NamedFunction<M>[] {
  const found: NamedFunction<M>[] = [];
  for (const fn of functions) {
    const stored = storedName(fn);
    if (stored?.name === name) found.push({ fn, owner, name: stored.label, approximate: true, llm: withSdkCall.has(fn) });
  }
  return found;
}
