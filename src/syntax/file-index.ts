import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { isEnvObject, isFunction, keyName, stringLiteralValue, unwrap, type FunctionNode, type Node } from './ast.js';

type Reference = TSESLint.Scope.Reference;
type Variable = TSESLint.Scope.Variable;

/**
 * Everything the engine needs to know about a file, gathered in one walk of the AST and
 * one pass over the scope manager. Built at most once per file.
 */
export interface FileIndex {
  readonly program: TSESTree.Program;
  readonly calls: readonly TSESTree.CallExpression[];
  readonly news: readonly TSESTree.NewExpression[];
  readonly functions: readonly FunctionNode[];
  /** `this.x` member expressions, for clients kept on class fields. */
  readonly thisMembers: readonly TSESTree.MemberExpression[];
  /** Assignments (`ctx.body = …`). */
  readonly assignments: readonly TSESTree.AssignmentExpression[];
  /** `delete x.y` expressions. */
  readonly deletes: readonly TSESTree.UnaryExpression[];
  /** `throw` statements. */
  readonly throws: readonly TSESTree.ThrowStatement[];
  /** Reads of `process.env.X` and `import.meta.env.X`. */
  readonly envReads: readonly TSESTree.MemberExpression[];
  /** Names destructured from the environment: `const { OPENAI_API_KEY } = process.env`. */
  readonly envNames: readonly TSESTree.Property[];
  /** String literals and template literals. */
  readonly strings: readonly (TSESTree.StringLiteral | TSESTree.TemplateLiteral)[];
  /** Equality comparisons (`===`, `!==`, `==`, `!=`). */
  readonly equalities: readonly TSESTree.BinaryExpression[];
  /** Member reads and destructured properties whose name the caller's `credentialName` pattern matches (`query.api_key`, `{ token }`). */
  readonly credentialNames: readonly (TSESTree.MemberExpression | TSESTree.Property)[];
  /** Return values per function (arrow expression bodies included). */
  readonly returns: ReadonlyMap<FunctionNode, readonly TSESTree.Expression[]>;
  /** `yield x` and `yield* xs` of each generator function. */
  readonly yields: ReadonlyMap<FunctionNode, readonly TSESTree.YieldExpression[]>;
  /** Module specifiers imported (`import`, `require`, `export … from`). */
  readonly moduleNames: ReadonlySet<string>;
  /** `dangerouslySetInnerHTML={…}` attributes. */
  readonly htmlAttributes: readonly TSESTree.JSXAttribute[];
  /** Lookups by a computed key: `table[key]` and `key in table`. */
  readonly lookups: readonly (TSESTree.MemberExpression | TSESTree.BinaryExpression)[];
  /** `import(x)` expressions. */
  readonly dynamicImports: readonly TSESTree.ImportExpression[];
  variableOf(identifier: TSESTree.Identifier): Variable | null;
  /** Resolves an identifier to the function it names (declaration or `const f = () => …`). */
  functionOf(identifier: TSESTree.Identifier): FunctionNode | null;
}

const TYPE_WRAPPERS = new Set([
  'TSTypeAnnotation',
  'TSTypeParameterDeclaration',
  'TSTypeParameterInstantiation',
  'TSInterfaceDeclaration',
  'TSTypeAliasDeclaration',
  'TSTypePredicate',
  'TSTypeQuery',
  'TSTypeOperator',
  'TSInterfaceHeritage',
  'TSClassImplements',
]);
const typeOnlyMemo = new Map<string, boolean>();

/** Node types that only describe types (`TSTypeReference`, `TSStringKeyword`, annotations): no value lives below them. */
function typeOnly(type: string): boolean {
  // Most nodes are not TypeScript nodes at all.
  if (type.charCodeAt(0) !== 84 || type.charCodeAt(1) !== 83) return false;
  let known = typeOnlyMemo.get(type);
  if (known === undefined) {
    known = (TYPE_WRAPPERS.has(type) || type.endsWith('Type') || type.endsWith('Keyword'));
    typeOnlyMemo.set(type, known);
  }
  return known;
}

/** Pushes a node's children so that they pop in source order. */
function pushChildren(stack: (Node | null)[], node: Node, visitorKeys: Record<string, readonly string[] | undefined>): void {
  const keys = visitorKeys[node.type] ?? [];
  for (let k = keys.length - 1; k >= 0; k--) {
    const child = (node as unknown as Record<string, unknown>)[keys[k]];
    if (Array.isArray(child)) {
      for (let i = child.length - 1; i >= 0; i--) {
        const item = child[i] as Node | null;
        if (item && typeof item.type === 'string') stack.push(item);
      }
    } else if (child && typeof (child as Node).type === 'string') {
      stack.push(child as Node);
    }
  }
}

/** The string and template literals of a type (`type Key = 'sk-…'` still writes a key into the source); nothing else below a type is indexed. */
function typeStrings(root: Node, visitorKeys: Record<string, readonly string[] | undefined>, strings: (TSESTree.StringLiteral | TSESTree.TemplateLiteral)[]): void {
  const stack: (Node | null)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) continue;
    if (node.type === T.Literal) {
      if (typeof node.value === 'string') strings.push(node as TSESTree.StringLiteral);
    } else if (node.type === T.TemplateLiteral) {
      // `type Key = \`sk-…\``: a template literal without substitutions, as a type.
      strings.push(node);
    } else {
      pushChildren(stack, node, visitorKeys);
    }
  }
}

/** What the index is told by the caller: which names are credentials (a model, not syntax). */
export interface IndexOptions {
  readonly credentialName: RegExp;
}

export function buildFileIndex(sourceCode: TSESLint.SourceCode, { credentialName }: IndexOptions): FileIndex {
  const program = sourceCode.ast;
  const calls: TSESTree.CallExpression[] = [];
  const news: TSESTree.NewExpression[] = [];
  const functions: FunctionNode[] = [];
  const thisMembers: TSESTree.MemberExpression[] = [];
  const assignments: TSESTree.AssignmentExpression[] = [];
  const deletes: TSESTree.UnaryExpression[] = [];
  const throws: TSESTree.ThrowStatement[] = [];
  const credentialNames: (TSESTree.MemberExpression | TSESTree.Property)[] = [];
  const envNames: TSESTree.Property[] = [];
  const equalities: TSESTree.BinaryExpression[] = [];
  const strings: (TSESTree.StringLiteral | TSESTree.TemplateLiteral)[] = [];
  const envReads: TSESTree.MemberExpression[] = [];
  const returns = new Map<FunctionNode, TSESTree.Expression[]>();
  const yields = new Map<FunctionNode, TSESTree.YieldExpression[]>();
  const moduleNames = new Set<string>();
  const htmlAttributes: TSESTree.JSXAttribute[] = [];
  const dynamicImports: TSESTree.ImportExpression[] = [];
  const lookups: (TSESTree.MemberExpression | TSESTree.BinaryExpression)[] = [];
  const functionStack: FunctionNode[] = [];
  const visitorKeys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;

  const addReturn = (fn: FunctionNode | undefined, value: TSESTree.Expression) => {
    if (!fn) return;
    const list = returns.get(fn);
    if (list) list.push(value);
    else returns.set(fn, [value]);
  };

  // An explicit stack instead of recursion: deeply nested code must not overflow. `null` marks the
  // end of the innermost open function. Type-only subtrees (annotations, interfaces, aliases) hold
  // no values, so they are not entered.
  const stack: (Node | null)[] = [program];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null) {
      functionStack.pop();
      continue;
    }
    if (node === undefined) break;
    if (typeOnly(node.type)) {
      // Entered in source order like any other node, so its strings stay in order.
      typeStrings(node, visitorKeys, strings);
      continue;
    }
    switch (node.type) {
      case T.CallExpression:
        calls.push(node);
        if (node.callee.type === T.Identifier && node.callee.name === 'require') {
          const name = stringLiteralValue(node.arguments[0]);
          if (name !== null) moduleNames.add(name);
        }
        break;
      case T.NewExpression:
        news.push(node);
        break;
      case T.MemberExpression: {
        if (node.object.type === T.ThisExpression) thisMembers.push(node);
        if (node.computed && node.property.type !== T.Literal) lookups.push(node);
        const name = keyName(node);
        if (name !== null && credentialName.test(name)) credentialNames.push(node);
        if (isEnvObject(node.object)) envReads.push(node);
        break;
      }
      case T.Property: {
        const name = node.parent.type === T.ObjectPattern ? keyName(node) : null;
        if (name !== null && credentialName.test(name)) credentialNames.push(node);
        const declarator = node.parent.parent;
        if (name !== null && declarator?.type === T.VariableDeclarator && declarator.id === node.parent && declarator.init && isEnvObject(declarator.init)) envNames.push(node);
        break;
      }
      case T.AssignmentExpression:
        assignments.push(node);
        break;
      case T.UnaryExpression:
        if (node.operator === 'delete') deletes.push(node);
        break;
      case T.ThrowStatement:
        throws.push(node);
        break;
      case T.Literal:
        if (typeof node.value === 'string') strings.push(node as TSESTree.StringLiteral);
        break;
      case T.TemplateLiteral:
        strings.push(node);
        break;
      case T.BinaryExpression:
        if (node.operator === '===' || node.operator === '!==' || node.operator === '==' || node.operator === '!=') equalities.push(node);
        else if (node.operator === 'in') lookups.push(node);
        break;
      case T.ImportDeclaration:
      case T.ExportAllDeclaration:
        moduleNames.add(node.source.value);
        break;
      case T.ExportNamedDeclaration:
        if (node.source) moduleNames.add(node.source.value);
        break;
      case T.JSXAttribute:
        if (node.name.type === T.JSXIdentifier && node.name.name === 'dangerouslySetInnerHTML') htmlAttributes.push(node);
        break;
      case T.ImportExpression: {
        dynamicImports.push(node);
        const name = stringLiteralValue(node.source);
        if (name !== null) moduleNames.add(name);
        break;
      }
      case T.ReturnStatement:
        if (node.argument) addReturn(functionStack.at(-1), node.argument);
        break;
      case T.YieldExpression: {
        const fn = functionStack.at(-1);
        if (fn && node.argument) {
          const list = yields.get(fn);
          if (list) list.push(node);
          else yields.set(fn, [node]);
        }
        break;
      }
      case T.FunctionDeclaration:
      case T.FunctionExpression:
        functions.push(node);
        functionStack.push(node);
        stack.push(null);
        break;
      case T.ArrowFunctionExpression:
        functions.push(node);
        functionStack.push(node);
        stack.push(null);
        if (node.expression) addReturn(node, node.body as TSESTree.Expression);
        break;
      default:
        break;
    }
    pushChildren(stack, node, visitorKeys);
  }

  // Built on first use: many files never resolve a name.
  let references: Map<TSESTree.Identifier | TSESTree.JSXIdentifier, Reference> | undefined;
  let declared: Map<TSESTree.Identifier, Variable> | undefined;
  const referenceMap = () => {
    if (!references) {
      references = new Map();
      for (const scope of sourceCode.scopeManager?.scopes ?? []) {
        for (const reference of scope.references) references.set(reference.identifier, reference);
      }
    }
    return references;
  };
  const declaredMap = () => {
    if (!declared) {
      declared = new Map();
      const manager = sourceCode.scopeManager;
      const moduleCode = program.sourceType === 'module';
      for (const scope of manager?.scopes ?? []) {
        // A module declares nothing in the global scope, which holds the hundreds of library globals.
        if (moduleCode && scope.type === 'global') continue;
        for (const variable of scope.variables) {
          for (const identifier of variable.identifiers) declared.set(identifier, variable);
        }
      }
    }
    return declared;
  };

  const variableOf = (identifier: TSESTree.Identifier): Variable | null =>
    referenceMap().get(identifier)?.resolved ?? declaredMap().get(identifier) ?? null;

  const functionOf = (identifier: TSESTree.Identifier): FunctionNode | null => {
    const variable = variableOf(identifier);
    if (!variable || variable.defs.length !== 1) return null;
    const def = variable.defs[0];
    if (def.type === 'FunctionName' && isFunction(def.node as Node)) return def.node as FunctionNode;
    if (def.type === 'Variable' && def.node.type === T.VariableDeclarator && def.node.id.type === T.Identifier) {
      const writes = variable.references.filter((r) => r.isWrite());
      if (writes.length !== 1 || !def.node.init) return null;
      const init = unwrap(def.node.init);
      if (isFunction(init)) return init;
    }
    return null;
  };

  return {
    program,
    calls,
    news,
    functions,
    thisMembers,
    assignments,
    deletes,
    throws,
    strings,
    envReads,
    envNames,
    equalities,
    credentialNames,
    returns,
    yields,
    moduleNames,
    htmlAttributes,
    dynamicImports,
    lookups,
    variableOf,
    functionOf,
  };
}
