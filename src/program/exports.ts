import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { isFunction, keyName, memberChain, stringLiteralValue, unwrap, type FunctionNode, type Node } from '../syntax/ast.js';
import type { FileIndex } from '../syntax/file-index.js';

export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** What a name in a module stands for, as far as the engine follows it. */
export type LocalTarget =
  | { readonly kind: 'function'; readonly fn: FunctionNode }
  | { readonly kind: 'class'; readonly node: ClassNode }
  /** Any other value: `new OpenAI()`, `{ ask() {…} }`, `new AiService()`. */
  | { readonly kind: 'value'; readonly node: Node };

/** A binding that comes from another module: `import { x as y } from './m'`, `require('./m')`. */
export interface ImportTarget {
  readonly kind: 'import';
  readonly specifier: string;
  /** The export's name, 'default', or '*' for the whole module (namespace import, `require`). */
  readonly name: string;
}

export type Target = LocalTarget | ImportTarget;

export interface ModuleExports {
  readonly named: ReadonlyMap<string, Target>;
  /** `export * from './m'` specifiers, searched for names not exported directly. */
  readonly stars: readonly string[];
}

function importOf(def: { type: string; node: Node; parent?: Node | null }): ImportTarget | null {
  // `import ai = require('./ai')` (TypeScript): the whole module.
  if (def.type === 'ImportBinding' && def.node.type === T.TSImportEqualsDeclaration) {
    const reference = def.node.moduleReference;
    const specifier = reference.type === T.TSExternalModuleReference ? stringLiteralValue(reference.expression) : null;
    return specifier === null || def.node.importKind === 'type' ? null : { kind: 'import', specifier, name: '*' };
  }
  const declaration = def.parent;
  if (def.type !== 'ImportBinding' || declaration?.type !== T.ImportDeclaration) return null;
  if (declaration.importKind === 'type') return null;
  const specifier = declaration.source.value;
  const node = def.node;
  if (node.type === T.ImportDefaultSpecifier) return { kind: 'import', specifier, name: 'default' };
  if (node.type === T.ImportNamespaceSpecifier) return { kind: 'import', specifier, name: '*' };
  if (node.type === T.ImportSpecifier) {
    const imported = node.imported.type === T.Identifier ? node.imported.name : node.imported.value;
    return { kind: 'import', specifier, name: imported };
  }
  return null;
}

/** `const x = require('./m')`, `const { a: x } = require('./m')`. */
function requireOf(declarator: TSESTree.VariableDeclarator, name: TSESTree.Identifier): ImportTarget | null {
  let init = declarator.init && unwrap(declarator.init);
  // `const ask = require('./ai').ask`
  let member: string | null = null;
  if (init?.type === T.MemberExpression && declarator.id === name) {
    member = keyName(init);
    if (member === null) return null;
    init = unwrap(init.object);
  }
  if (init?.type !== T.CallExpression || init.callee.type !== T.Identifier || init.callee.name !== 'require') return null;
  const specifier = stringLiteralValue(init.arguments[0]);
  if (specifier === null) return null;
  if (declarator.id === name) return { kind: 'import', specifier, name: member ?? '*' };
  if (declarator.id.type !== T.ObjectPattern) return null;
  const property = declarator.id.properties.find((p) => p.type === T.Property && p.value === name);
  const key = property?.type === T.Property ? keyName(property) : null;
  return key === null ? null : { kind: 'import', specifier, name: key };
}

/** What an identifier of this file names: a function, a class, a value or an import. */
export function targetOf(identifier: TSESTree.Identifier, index: FileIndex): Target | null {
  const variable = index.variableOf(identifier);
  if (!variable || variable.defs.length === 0) return null;
  // Overloads declare a function several times: the one with a body is the function.
  const implementation = variable.defs.filter((d) => d.type === 'FunctionName' && d.node.type === T.FunctionDeclaration);
  if (variable.defs.length !== 1 && implementation.length !== 1) return null;
  const def = variable.defs.length === 1 ? variable.defs[0] : implementation[0];
  const imported = importOf(def as never);
  if (imported) return imported;
  if (def.type === 'FunctionName' && isFunction(def.node as Node)) return { kind: 'function', fn: def.node as FunctionNode };
  if (def.type === 'ClassName') return { kind: 'class', node: def.node as ClassNode };
  if (def.type !== 'Variable' || def.node.type !== T.VariableDeclarator) return null;
  if (variable.references.some((r) => r.isWrite() && r.identifier !== def.name)) return null;
  const required = requireOf(def.node, def.name as TSESTree.Identifier);
  if (required) return required;
  if (def.node.id !== def.name || !def.node.init) return null;
  return valueTarget(def.node.init);
}

function valueTarget(node: Node): LocalTarget {
  const value = unwrap(node);
  if (isFunction(value)) return { kind: 'function', fn: value };
  if (value.type === T.ClassExpression) return { kind: 'class', node: value };
  return { kind: 'value', node: value };
}

function expressionTarget(node: Node, index: FileIndex): Target | null {
  const value = unwrap(node);
  return value.type === T.Identifier ? targetOf(value, index) : valueTarget(value);
}

const cache = new WeakMap<FileIndex, ModuleExports>();

/** The exports of a module: ESM declarations and lists, re-exports, and CommonJS `module.exports`. */
export function exportsOf(index: FileIndex): ModuleExports {
  const cached = cache.get(index);
  if (cached) return cached;
  const named = new Map<string, Target>();
  const stars: string[] = [];
  const add = (name: string | null, target: Target | null) => {
    if (name !== null && target) named.set(name, target);
  };
  for (const statement of index.program.body) {
    if (statement.type === T.ExportAllDeclaration) {
      if (statement.exported) add(statement.exported.type === T.Identifier ? statement.exported.name : String((statement.exported as unknown as TSESTree.StringLiteral).value), { kind: 'import', specifier: statement.source.value, name: '*' });
      else stars.push(statement.source.value);
    } else if (statement.type === T.ExportDefaultDeclaration) {
      const declaration = statement.declaration;
      if (isFunction(declaration)) add('default', { kind: 'function', fn: declaration });
      else if (declaration.type === T.ClassDeclaration || declaration.type === T.ClassExpression) add('default', { kind: 'class', node: declaration });
      else if (declaration.type !== T.TSInterfaceDeclaration && declaration.type !== T.TSDeclareFunction && declaration.type !== T.TSEnumDeclaration && declaration.type !== T.TSModuleDeclaration && declaration.type !== T.TSTypeAliasDeclaration && declaration.type !== T.VariableDeclaration) {
        add('default', expressionTarget(declaration, index));
      }
    } else if (statement.type === T.ExportNamedDeclaration) {
      const declaration = statement.declaration;
      if (declaration?.type === T.FunctionDeclaration && declaration.id) add(declaration.id.name, { kind: 'function', fn: declaration });
      else if (declaration?.type === T.ClassDeclaration && declaration.id) add(declaration.id.name, { kind: 'class', node: declaration });
      else if (declaration?.type === T.VariableDeclaration) {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === T.Identifier && declarator.init) add(declarator.id.name, valueTarget(declarator.init));
        }
      }
      for (const specifier of statement.specifiers) {
        const exported = specifier.exported.type === T.Identifier ? specifier.exported.name : specifier.exported.value;
        if (statement.source) {
          const local = specifier.local.type === T.Identifier ? specifier.local.name : specifier.local.value;
          add(exported, { kind: 'import', specifier: statement.source.value, name: local });
        } else if (specifier.local.type === T.Identifier) {
          add(exported, targetOf(specifier.local, index));
        }
      }
    }
  }
  // TypeScript `export = ask` / `export = { ask }`: the module's value, as CommonJS.
  for (const statement of index.program.body) {
    if (statement.type !== T.TSExportAssignment) continue;
    const value = unwrap(statement.expression);
    add('default', expressionTarget(value, index));
    if (value.type === T.ObjectExpression) {
      for (const property of value.properties) {
        if (property.type === T.Property && property.kind === 'init') add(keyName(property), expressionTarget(property.value, index));
      }
    }
  }
  // CommonJS: `module.exports = …`, `module.exports.x = …`, `exports.x = …`.
  for (const assignment of index.assignments) {
    if (assignment.operator !== '=' || assignment.left.type !== T.MemberExpression) continue;
    const { root, names } = memberChain(assignment.left);
    if (root.type !== T.Identifier) continue;
    const path = root.name === 'module' && names[0] === 'exports' ? names.slice(1) : root.name === 'exports' ? names : null;
    if (path === null || path.length > 1) continue;
    if (path.length === 1) {
      add(path[0], expressionTarget(assignment.right, index));
      continue;
    }
    const value = unwrap(assignment.right);
    add('default', expressionTarget(value, index));
    if (value.type === T.ObjectExpression) {
      for (const property of value.properties) {
        if (property.type === T.Property && property.kind === 'init') add(keyName(property), expressionTarget(property.value, index));
      }
    }
  }
  const result = { named, stars };
  cache.set(index, result);
  return result;
}

/** A method of a class (instance or static) by name, with its function. */
export function classMethod(node: ClassNode, name: string, isStatic: boolean): FunctionNode | null {
  for (const member of node.body.body) {
    if ((member.type === T.MethodDefinition || member.type === T.PropertyDefinition) && member.static === isStatic && keyName(member) === name) {
      if (member.type === T.MethodDefinition && member.kind !== 'method') continue;
      const value = member.value && unwrap(member.value);
      if (isFunction(value)) return value;
    }
  }
  return null;
}
