import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { keyName, unwrap, type FunctionNode, type Node } from '../../syntax/ast.js';

/**
 * langchain callback handlers: the methods a model or chain calls as it runs, with what it
 * generated. `handleLLMNewToken(token)` receives each piece of text, `handleLLMEnd(output)` the
 * whole result. Written in a `callbacks: [{ … }]` option or in a class that extends
 * `BaseCallbackHandler`.
 */
const HANDLERS: Readonly<Record<string, 'text' | 'response'>> = {
  handleLLMNewToken: 'text',
  handleLLMEnd: 'response',
};

export interface CallbackOutput {
  readonly part: 'text' | 'response';
  /** As messages name it: `langchain handleLLMNewToken`. */
  readonly api: string;
}

/** What the first parameter of `fn` receives when `fn` is a langchain callback handler method, or null. */
export function callbackOutput(fn: FunctionNode): CallbackOutput | null {
  const holder = fn.parent;
  if (holder?.type !== T.Property && holder?.type !== T.MethodDefinition) return null;
  if (holder.value !== fn) return null;
  const name = keyName(holder);
  if (name === null || !Object.hasOwn(HANDLERS, name)) return null;
  const found = { part: HANDLERS[name], api: `langchain ${name}` };
  if (holder.type === T.MethodDefinition) {
    const owner = holder.parent.parent;
    const base = owner.superClass ? unwrap(owner.superClass) : null;
    const baseName = base?.type === T.Identifier ? base.name : base?.type === T.MemberExpression ? keyName(base) : null;
    return baseName === 'BaseCallbackHandler' ? found : null;
  }
  // `{ handleLLMNewToken(token) { … } }` in `callbacks: [ … ]` or `callbacks: { … }`.
  let at: Node | undefined = holder.parent;
  if (at?.type !== T.ObjectExpression) return null;
  at = at.parent;
  if (at?.type === T.ArrayExpression) at = at.parent;
  return at?.type === T.Property && keyName(at as TSESTree.Property) === 'callbacks' ? found : null;
}
