import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { keyName, unwrap, type FunctionNode } from '../../syntax/ast.js';
import type { FileIndex } from '../../syntax/file-index.js';
import { importedBinding } from '../../syntax/imports.js';

/**
 * Tools an LLM calls: the arguments their functions receive are chosen by the model, so they are
 * model output, steered by whoever writes the prompt or a document the model reads. One entry per
 * SDK: the imported function or class, and where the tool's function is written in its call.
 */
interface ToolModel {
  readonly sdk: string;
  readonly modules: readonly string[];
  readonly names: readonly string[];
  /** The property of the options object that holds the function (`execute`, `func`), or the function as the first argument. */
  readonly at: { readonly property: string } | 'first-argument';
  /** The field of the first parameter that holds the arguments, when the SDK passes more (`{ context, runtimeContext }` of mastra). */
  readonly field?: string;
}

const TOOL_MODELS: readonly ToolModel[] = [
  { sdk: 'ai', modules: ['ai'], names: ['tool', 'dynamicTool'], at: { property: 'execute' } },
  { sdk: 'langchain', modules: ['@langchain/core/tools', 'langchain/tools', 'langchain'], names: ['tool'], at: 'first-argument' },
  { sdk: 'langchain', modules: ['@langchain/core/tools', 'langchain/tools', '@langchain/community/tools/dynamic'], names: ['DynamicStructuredTool', 'DynamicTool'], at: { property: 'func' } },
  { sdk: '@openai/agents', modules: ['@openai/agents', '@openai/agents-core'], names: ['tool'], at: { property: 'execute' } },
  { sdk: 'mastra', modules: ['@mastra/core/tools', '@mastra/core'], names: ['createTool'], at: { property: 'execute' }, field: 'context' },
];

export interface ToolCall {
  readonly sdk: string;
  readonly field?: string;
  /** As messages name it: `ai tool()`, `langchain DynamicStructuredTool`. */
  readonly api: string;
  /** The call that makes the tool. */
  readonly call: TSESTree.CallExpression | TSESTree.NewExpression;
}

/** The tool whose function `fn` is, when its first parameter receives the arguments the model chose. */
export function toolOfFunction(fn: FunctionNode, index: FileIndex): ToolCall | null {
  if (fn.parent?.type === T.MethodDefinition) return null;
  const inline = toolAt(fn, index);
  if (inline) return inline;
  // A function the tool names: `tool({ execute: lookup })` with `async function lookup({ id }) {…}` or `const lookup = async (…) => …`.
  const binding = fn.id ?? (fn.parent?.type === T.VariableDeclarator && fn.parent.init === fn && fn.parent.id.type === T.Identifier ? fn.parent.id : null);
  // An exported function may be called by other modules as well.
  const declaration = fn.parent?.type === T.VariableDeclarator ? fn.parent.parent.parent : fn.parent;
  if (declaration?.type === T.ExportNamedDeclaration || declaration?.type === T.ExportDefaultDeclaration) return null;
  const variable = binding && index.variableOf(binding);
  // Written once, and read only where tools take it: a function the program also calls itself gets its
  // arguments from those calls too, and what it returns to them is not the model's.
  if (!variable || variable.defs.length !== 1 || variable.references.filter((reference) => reference.isWrite()).length > 1) return null;
  let found: ToolCall | null = null;
  for (const reference of variable.references) {
    if (!reference.isRead()) continue;
    const tool = toolAt(reference.identifier as TSESTree.Identifier, index);
    if (!tool) return null;
    found ??= tool;
  }
  return found;
}

/** The tool call that `value` (a function, or a name of one) is the function of, in the place its SDK takes it. */
function toolAt(value: TSESTree.Node, index: FileIndex): ToolCall | null {
  let call: TSESTree.Node | undefined = value.parent;
  let property: string | null = null;
  if (call?.type === T.Property && call.value === value) {
    property = keyName(call);
    call = call.parent?.parent;
  }
  if (call?.type !== T.CallExpression && call?.type !== T.NewExpression) return null;
  const callee = unwrap(call.callee);
  if (callee.type !== T.Identifier) return null;
  const imported = importedBinding(callee, index);
  if (!imported) return null;
  for (const model of TOOL_MODELS) {
    if (!model.modules.includes(imported.module) || !model.names.includes(imported.name)) continue;
    const matches =
      model.at === 'first-argument'
        ? property === null && call.arguments[0] === value
        : property === model.at.property && unwrap(call.arguments[0] ?? value) === value.parent?.parent;
    if (matches) return { sdk: model.sdk, field: model.field, api: call.type === T.NewExpression ? `${model.sdk} ${imported.name}` : `${model.sdk} ${imported.name}()`, call };
  }
  return null;
}

/** Modules of MCP clients: what a server's tool returns to `client.callTool(…)` is chosen by that server (and its model). */
const MCP_CLIENT_MODULES = ['@modelcontextprotocol/sdk/client/index.js', '@modelcontextprotocol/sdk/client/index', '@modelcontextprotocol/sdk/client'];

/** The methods of an MCP client whose result is what a tool of the remote server produced. */
const MCP_RESULT_METHODS = new Set(['callTool']);

/**
 * `client.callTool({ name, arguments })` in a file that imports an MCP client: the tool's result,
 * untrusted content like a model's text (an MCP server may put anything in it, often model output).
 */
export function mcpToolResults(index: FileIndex): TSESTree.CallExpression[] {
  if (!MCP_CLIENT_MODULES.some((module) => index.moduleNames.has(module))) return [];
  return index.calls.filter((call) => {
    const callee = unwrap(call.callee);
    return callee.type === T.MemberExpression && MCP_RESULT_METHODS.has(keyName(callee) ?? '');
  });
}

/**
 * `const { stream, handlers } = LangChainStream()` of `ai` v3: `handlers` go to a langchain run as
 * its callbacks, and `stream` is the text that run generates.
 */
export function langchainStreams(index: FileIndex): TSESTree.CallExpression[] {
  if (!index.moduleNames.has('ai')) return [];
  return index.calls.filter((call) => {
    const callee = unwrap(call.callee);
    if (callee.type !== T.Identifier) return false;
    const imported = importedBinding(callee, index);
    return imported?.module === 'ai' && imported.name === 'LangChainStream';
  });
}
