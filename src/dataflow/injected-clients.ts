import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { resolveIdentifier } from '../program/linker.js';
import type { InjectedClient } from '../program/llm-calls.js';
import { unwrap, type Node } from '../syntax/ast.js';
import type { FileAnalysis } from './analysis-types.js';

/**
 * SDK clients a module's classes receive in their constructors (`constructor(private llm:
 * BaseChatModel)`), told by where the project constructs them, here and in the modules that
 * import this one: every construction passes a client of the same SDK export (`new
 * AssistantService(new ChatOpenAI(…))`), or none counts. Parameters typed with a project class
 * are left to the linker.
 */
export function injectedClients(analysis: FileAnalysis): InjectedClient[] {
  const found: InjectedClient[] = [];
  for (const fn of analysis.index.functions) {
    const method = fn.parent;
    if (method?.type !== T.MethodDefinition || method.kind !== 'constructor') continue;
    const classNode = method.parent.parent;
    if (classNode.type !== T.ClassDeclaration && classNode.type !== T.ClassExpression) continue;
    fn.params.forEach((param, position) => {
      if (param.type !== T.TSParameterProperty) return;
      const binding = param.parameter.type === T.AssignmentPattern ? param.parameter.left : param.parameter;
      if (binding.type !== T.Identifier || typedWithProjectClass(analysis, binding)) return;
      const client = constructedWith(analysis, classNode, position);
      if (client) found.push({ classBody: classNode.body, field: binding.name, ...client });
    });
  }
  return found;
}

/** `llm: AssistantModel` where the name is a class of the project: the linker follows it, not the SDK models. */
function typedWithProjectClass(analysis: FileAnalysis, binding: TSESTree.Identifier): boolean {
  const type = binding.typeAnnotation?.typeAnnotation;
  if (type?.type !== T.TSTypeReference || type.typeName.type !== T.Identifier) return false;
  return resolveIdentifier<FileAnalysis>(analysis, type.typeName)?.kind === 'class';
}

type Client = { readonly sdk: string; readonly exportName: string };

/** The SDK client every construction of the class passes at `position`, or null. */
function constructedWith(analysis: FileAnalysis, classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression, position: number): Client | null {
  let client: Client | null = null;
  for (const module of [analysis, ...analysis.importerModules()]) {
    for (const created of module.index.news) {
      const callee = unwrap(created.callee);
      if (callee.type !== T.Identifier) continue;
      const target = resolveIdentifier<FileAnalysis>(module, callee);
      if (target?.kind !== 'class' || target.owner.filename !== analysis.filename || target.node.range[0] !== classNode.range[0]) continue;
      const argument = created.arguments[position];
      const passed = argument && argument.type !== T.SpreadElement ? clientOf(module, argument) : null;
      if (!passed || (client && (client.sdk !== passed.sdk || client.exportName !== passed.exportName))) return null;
      client = passed;
    }
  }
  return client;
}

/** The SDK client an expression of `module` holds: `new ChatOpenAI(…)` there, or a name bound to one (in any module). */
function clientOf(module: FileAnalysis, expression: Node): Client | null {
  let value = unwrap(expression);
  let owner = module;
  if (value.type === T.Identifier) {
    const resolved = resolveIdentifier<FileAnalysis>(module, value);
    if (resolved?.kind !== 'value') return null;
    value = unwrap(resolved.node);
    owner = resolved.owner;
  }
  const created = value.type === T.NewExpression ? owner.clientConstructions.find((c) => c.node === value) : undefined;
  return created ? { sdk: created.sdk, exportName: created.exportName } : null;
}
