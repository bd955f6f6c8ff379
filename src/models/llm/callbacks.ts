import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { keyName, unwrap, type FunctionNode, type Node } from '../../syntax/ast.js';
import type { FileIndex } from '../../syntax/file-index.js';
import { importedBinding } from '../../syntax/imports.js';

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
export function callbackOutput(fn: FunctionNode, index: FileIndex): CallbackOutput | null {
  const holder = fn.parent;
  if (holder?.type !== T.Property && holder?.type !== T.MethodDefinition) return null;
  if (holder.value !== fn) return null;
  const name = keyName(holder);
  if (name === null || !Object.hasOwn(HANDLERS, name)) return null;
  const found = { part: HANDLERS[name], api: `langchain ${name}` };
  if (holder.type === T.MethodDefinition) {
    // A subclass of langchain's own `BaseCallbackHandler`, imported from a langchain package.
    const owner = holder.parent.parent;
    const base = owner.superClass ? unwrap(owner.superClass) : null;
    const imported = base?.type === T.Identifier ? importedBinding(base, index) : null;
    const langchain = imported && (imported.module === 'langchain' || imported.module.startsWith('langchain/') || imported.module.startsWith('@langchain/'));
    return langchain && imported.name === 'BaseCallbackHandler' ? found : null;
  }
  // `{ handleLLMNewToken(token) { … } }` in `callbacks: [ … ]` or `callbacks: { … }`.
  let at: Node | undefined = holder.parent;
  if (at?.type !== T.ObjectExpression) return null;
  at = at.parent;
  if (at?.type === T.ArrayExpression) at = at.parent;
  return at?.type === T.Property && keyName(at as TSESTree.Property) === 'callbacks' ? found : null;
}
