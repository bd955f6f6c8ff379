import { createRequire } from 'node:module';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

/**
 * What the type checker says about a node, when the file was parsed with type information
 * (`parserOptions.projectService` or `project`). The engine asks only questions that syntax
 * cannot settle: which package declares the type of a value, under which name.
 */
export interface NamedType {
  /** The package that declares the type: 'express', 'openai', 'node' (for `@types/node`). */
  readonly pkg: string;
  readonly name: string;
}

export interface TypeFacts {
  /** The declared names of a node's type (awaited, without null), of its parts and of its base types. */
  namesOf(node: TSESTree.Node): readonly NamedType[];
}

const NODE_MODULES = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/gu;
/** How far base types (`interface AuthedRequest extends Request`) are followed. */
const MAX_BASE_DEPTH = 3;

let typescript: typeof ts | null | undefined;

function loadTypescript(): typeof ts | null {
  if (typescript === undefined) {
    try {
      typescript = createRequire(import.meta.url)('typescript') as typeof ts;
    } catch {
      typescript = null;
    }
  }
  return typescript;
}

/** The package of a declaration: the last `node_modules/<pkg>/` of its file, or an ambient `declare module 'pkg'`. */
function packageOf(declaration: ts.Declaration, tsModule: typeof ts): string | null {
  for (let node: ts.Node | undefined = declaration.parent; node; node = node.parent) {
    if (tsModule.isModuleDeclaration(node) && tsModule.isStringLiteral(node.name)) return node.name.text;
  }
  const file = declaration.getSourceFile().fileName;
  let pkg: string | null = null;
  for (const match of file.matchAll(NODE_MODULES)) pkg = match[1].replace(/\\/gu, '/');
  if (pkg === null) return null;
  return pkg.startsWith('@types/') ? pkg.slice('@types/'.length) : pkg;
}

const cache = new WeakMap<object, TypeFacts | null>();

export function typeFactsOf(sourceCode: TSESLint.SourceCode): TypeFacts | null {
  const services = sourceCode.parserServices as Partial<{ program: ts.Program | null; esTreeNodeToTSNodeMap: { get(node: TSESTree.Node): ts.Node } }> | undefined;
  if (!services?.program || !services.esTreeNodeToTSNodeMap) return null;
  if (cache.has(sourceCode)) return cache.get(sourceCode)!;
  const tsModule = loadTypescript();
  if (!tsModule) {
    cache.set(sourceCode, null);
    return null;
  }
  const checker = services.program.getTypeChecker();
  const nodeMap = services.esTreeNodeToTSNodeMap;
  const memo = new Map<TSESTree.Node, readonly NamedType[]>();

  const collect = (type: ts.Type, found: NamedType[], depth: number, seen: Set<ts.Type>) => {
    if (seen.has(type) || found.length > 16) return;
    seen.add(type);
    for (const symbol of [type.aliasSymbol, type.getSymbol()]) {
      for (const declaration of symbol?.getDeclarations() ?? []) {
        const pkg = packageOf(declaration, tsModule);
        if (pkg !== null) found.push({ pkg, name: symbol!.getName() });
      }
    }
    if (type.isUnionOrIntersection()) for (const part of type.types) collect(part, found, depth, seen);
    if (depth < MAX_BASE_DEPTH && type.isClassOrInterface()) {
      for (const base of checker.getBaseTypes(type as ts.InterfaceType)) collect(base, found, depth + 1, seen);
    }
  };

  const facts: TypeFacts = {
    namesOf(node) {
      const known = memo.get(node);
      if (known) return known;
      const found: NamedType[] = [];
      try {
        const tsNode = nodeMap.get(node);
        if (tsNode) {
          let type = checker.getTypeAtLocation(tsNode);
          type = checker.getAwaitedType(type) ?? type;
          collect(checker.getNonNullableType(type), found, 0, new Set());
        }
      } catch {
        // A checker failure on odd code: no type facts for this node.
      }
      memo.set(node, found);
      return found;
    },
  };
  cache.set(sourceCode, facts);
  return facts;
}
