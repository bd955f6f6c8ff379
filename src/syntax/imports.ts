import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileIndex } from './file-index.js';

/** A module and the name a local identifier is imported under (`import mk from 'http-errors'`: the default export). */
export function importedBinding(identifier: TSESTree.Identifier, index: FileIndex): { module: string; name: string } | null {
  const def = index.variableOf(identifier)?.defs[0];
  if (def?.type !== 'ImportBinding' || def.parent?.type !== T.ImportDeclaration) return null;
  const node = def.node;
  const name = node.type === T.ImportSpecifier ? (node.imported.type === T.Identifier ? node.imported.name : node.imported.value) : node.type === T.ImportDefaultSpecifier ? 'default' : '*';
  return { module: def.parent.source.value, name };
}
