import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileIndex } from './file-index.js';

/**
 * A module and the name a local identifier is imported under (`import mk from 'http-errors'`: the
 * default export), also when it is required: `const mk = require('http-errors')` is the module's
 * default, `const { ChatOpenAI } = require('@langchain/openai')` the named export.
 */
export function importedBinding(identifier: TSESTree.Identifier, index: FileIndex): { module: string; name: string } | null {
  const variable = index.variableOf(identifier);
  const def = variable?.defs[0];
  if (def?.type === 'Variable') {
    // Bound once: a name written again later may hold anything.
    if (variable!.defs.length !== 1 || variable!.references.some((r) => r.isWrite() && r.identifier !== def.name)) return null;
    return requiredBinding(def.name as TSESTree.Identifier, def.node as TSESTree.VariableDeclarator, index);
  }
  if (def?.type !== 'ImportBinding' || def.parent?.type !== T.ImportDeclaration) return null;
  const node = def.node;
  const name = node.type === T.ImportSpecifier ? (node.imported.type === T.Identifier ? node.imported.name : node.imported.value) : node.type === T.ImportDefaultSpecifier ? 'default' : '*';
  return { module: def.parent.source.value, name };
}

/** `const x = require('m')` (the default) or `const { a: x } = require('m')` (the named export `a`). */
function requiredBinding(name: TSESTree.Identifier, declarator: TSESTree.VariableDeclarator, index: FileIndex): { module: string; name: string } | null {
  const init = declarator.init;
  // The global `require`, not a parameter or a local of that name.
  if (init?.type !== T.CallExpression || init.callee.type !== T.Identifier || init.callee.name !== 'require' || index.variableOf(init.callee)?.defs.length) return null;
  const source = init.arguments[0];
  if (source?.type !== T.Literal || typeof source.value !== 'string') return null;
  if (declarator.id === name) return { module: source.value, name: 'default' };
  if (declarator.id.type !== T.ObjectPattern) return null;
  for (const property of declarator.id.properties) {
    if (property.type !== T.Property || property.computed || property.key.type !== T.Identifier) continue;
    const value = property.value.type === T.AssignmentPattern ? property.value.left : property.value;
    if (value === name) return { module: source.value, name: property.key.name };
  }
  return null;
}
