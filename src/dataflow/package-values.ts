import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { resolveIdentifier, type LinkModule } from '../program/linker.js';
import { isPackageSpecifier, resolveModule } from '../program/resolve.js';
import { unwrap, type Node } from '../syntax/ast.js';

/**
 * Values a package made from data alone (`new PrismaClient()`), which the engine does not link by a
 * method's name: their methods are the package's (see named-calls.ts).
 */

/** What these questions need of a module: its index and file, and the linker's view of it. */
type PackageValueHost = LinkModule<PackageValueHost>;

/** How deep the values a package call is handed are followed to tell they are data. */
const MAX_DATA_DEPTH = 3;

/**
 * A value a package made from data alone: `new PrismaClient()`, `createClient(process.env.URL, KEY)`,
 * `globalForPrisma.prisma ?? new PrismaClient()`. A package call handed code (`container.resolve(AiService)`,
 * `wrap(new AiService())`) may return the project's own objects, so it is not.
 */
export function packageMade(owner: PackageValueHost, node: Node, depth: number): boolean {
  let value = unwrap(node);
  if (value.type === T.AwaitExpression) value = unwrap(value.argument);
  if (value.type === T.LogicalExpression && value.operator !== '&&') return [value.left, value.right].every((side) => packageMade(owner, side, depth) || globalMember(owner, side));
  if (value.type === T.ConditionalExpression) return [value.consequent, value.alternate].every((side) => packageMade(owner, side, depth) || globalMember(owner, side));
  if (value.type !== T.NewExpression && value.type !== T.CallExpression) return false;
  if (!value.arguments.every((argument) => isData(owner, argument, depth))) return false;
  let root = unwrap(value.callee);
  while (root.type === T.MemberExpression) root = unwrap(root.object);
  if (root.type === T.CallExpression || root.type === T.NewExpression) return packageMade(owner, root, depth);
  if (root.type !== T.Identifier) return false;
  const def = owner.index.variableOf(root)?.defs[0];
  if (def?.type !== 'ImportBinding' || def.parent.type !== T.ImportDeclaration) return false;
  const specifier = def.parent.source.value;
  return isPackageSpecifier(specifier) && resolveModule(specifier, owner.filename) === null;
}

/** A member of the global object (`globalForPrisma.prisma`, where `globalForPrisma = globalThis as …`): what a module kept across reloads. */
function globalMember(owner: PackageValueHost, node: Node): boolean {
  let root = unwrap(node);
  if (root.type !== T.MemberExpression) return false;
  while (root.type === T.MemberExpression) root = unwrap(root.object);
  if (root.type !== T.Identifier) return false;
  if (root.name === 'globalThis' || root.name === 'global') return owner.index.variableOf(root)?.defs.length !== 1;
  const def = owner.index.variableOf(root)?.defs[0];
  const init = def?.type === 'Variable' && def.node.type === T.VariableDeclarator && def.node.init ? unwrap(def.node.init) : null;
  return init?.type === T.Identifier && (init.name === 'globalThis' || init.name === 'global');
}

/** Data rather than code: literals, env reads, objects and lists of data, and names that hold data. */
function isData(owner: PackageValueHost, node: Node, depth: number): boolean {
  const value = unwrap(node);
  switch (value.type) {
    case T.Literal:
      return true;
    case T.TemplateLiteral:
      return value.expressions.every((expression) => isData(owner, expression, depth));
    case T.ObjectExpression:
      return value.properties.every((property) => property.type === T.Property && !property.computed && isData(owner, property.value, depth));
    case T.ArrayExpression:
      return value.elements.every((element) => element !== null && element.type !== T.SpreadElement && isData(owner, element, depth));
    case T.UnaryExpression:
      return isData(owner, value.argument, depth);
    case T.BinaryExpression:
    case T.LogicalExpression:
      return value.left.type !== T.PrivateIdentifier && isData(owner, value.left, depth) && isData(owner, value.right, depth);
    case T.MemberExpression: {
      let root: Node = value;
      while (root.type === T.MemberExpression) root = unwrap(root.object);
      // `process.env.DATABASE_URL`, `import.meta.env.X`
      return (root.type === T.Identifier && root.name === 'process') || root.type === T.MetaProperty;
    }
    case T.Identifier: {
      if (depth >= MAX_DATA_DEPTH || value.name === 'undefined') return value.name === 'undefined';
      const resolved = resolveIdentifier<PackageValueHost>(owner, value);
      return resolved?.kind === 'value' && isData(resolved.owner, resolved.node, depth + 1);
    }
    default:
      return false;
  }
}
