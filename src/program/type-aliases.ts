import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FileIndex } from '../syntax/file-index.js';
import { resolveModule } from './resolve.js';

/**
 * Project type names that stand for a package's type: `export type AppCtx = Context<{ Bindings:
 * Env }>` with `Context` from `hono`, `interface AuthedRequest extends Request` with `Request`
 * from `express`, followed through imports (type-only ones included), local aliases,
 * intersections (`Context & { user: User }`) and interface heritage, a few steps deep.
 */
export interface PackageType {
  readonly module: string;
  readonly name: string;
}

/** What the lookup needs of a module's analysis (the file analysis, without importing it). */
export interface TypeHost {
  readonly index: FileIndex;
  readonly filename: string;
  importedModule(specifier: string): TypeHost | null;
}

const MAX_DEPTH = 4;
const cache = new WeakMap<TypeHost, Map<string, PackageType | null>>();

/** The type a declaration aliases or extends, as a name of its module. */
function aliasedName(declaration: TSESTree.Node): TSESTree.Identifier | null {
  if (declaration.type === T.TSInterfaceDeclaration) {
    const heritage = declaration.extends[0]?.expression;
    return heritage?.type === T.Identifier ? heritage : null;
  }
  if (declaration.type !== T.TSTypeAliasDeclaration) return null;
  let type: TSESTree.TypeNode = declaration.typeAnnotation;
  if (type.type === T.TSIntersectionType) type = type.types.find((member) => member.type === T.TSTypeReference) ?? type;
  return type.type === T.TSTypeReference && type.typeName.type === T.Identifier ? type.typeName : null;
}

/** A type declared (and exported) under `name` by a module. */
function declaredType(module: TypeHost, name: string): TSESTree.Node | null {
  for (const statement of module.index.program.body) {
    const declaration = statement.type === T.ExportNamedDeclaration ? statement.declaration : statement;
    if ((declaration?.type === T.TSTypeAliasDeclaration || declaration?.type === T.TSInterfaceDeclaration) && declaration.id.name === name) return declaration;
  }
  return null;
}

function lookup(analysis: TypeHost, name: TSESTree.Identifier, depth: number): PackageType | null {
  if (depth > MAX_DEPTH) return null;
  const variable = analysis.index.variableOf(name);
  const def = variable?.defs[0];
  if (!def) return null;
  if (def.type === 'ImportBinding' && def.parent?.type === T.ImportDeclaration) {
    const specifier = def.parent.source.value;
    const node = def.node;
    const imported = node.type === T.ImportSpecifier ? (node.imported.type === T.Identifier ? node.imported.name : node.imported.value) : 'default';
    if (resolveModule(specifier, analysis.filename) === null) return { module: specifier, name: imported };
    const module = analysis.importedModule(specifier);
    const declaration = module && declaredType(module, imported);
    const aliased = declaration && aliasedName(declaration);
    return module && aliased ? lookup(module, aliased, depth + 1) : null;
  }
  if (def.type === 'Type') {
    const aliased = aliasedName(def.node);
    return aliased ? lookup(analysis, aliased, depth + 1) : null;
  }
  return null;
}

/** The package type `name` (a type name of this file) stands for, or null. */
export function packageTypeOf(analysis: TypeHost, name: TSESTree.Identifier): PackageType | null {
  let known = cache.get(analysis);
  if (!known) {
    known = new Map();
    cache.set(analysis, known);
  }
  const key = `${name.name}@${name.range[0]}`;
  if (known.has(key)) return known.get(key)!;
  const found = lookup(analysis, name, 0);
  known.set(key, found);
  return found;
}
