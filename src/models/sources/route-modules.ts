import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { isFunction, unwrap, type FunctionNode } from '../../syntax/ast.js';
import { resolveHandler } from './resolve-handler.js';
import { objectParam, type HandlerMatch, type SourceContext, type SourceModel } from './types.js';
import type { RequestModelName } from './request-objects.js';

/**
 * Frameworks whose routes are modules with named exports, and whose exports receive the
 * request as one object: Remix and React Router (`export async function action({ request,
 * params })`, `loader`), and SvelteKit (`+server.ts` method exports, `load` and `actions` of
 * `+page.server.ts` / `+layout.server.ts`). What they return goes to the client.
 */
const REMIX_MODULES = ['@remix-run/', 'react-router', '@react-router/'];
/** Remix's and React Router's route folder (`app/routes/chat.tsx`, `app/routes/api.ask.ts`). */
const REMIX_ROUTE = /(?:^|[\\/])app[\\/]routes[\\/]/u;
const REMIX_EXPORTS = new Set(['action', 'loader']);

const SVELTE_SERVER = /(?:^|[\\/])\+server\.[cm]?[jt]s$/u;
const SVELTE_PAGE_SERVER = /(?:^|[\\/])\+(?:page|layout)\.server\.[cm]?[jt]s$/u;
const SVELTE_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'fallback']);

/** The module's exports that hold a value: name -> the function or expression. */
function* exported(program: TSESTree.Program): Generator<[string, TSESTree.Node]> {
  for (const statement of program.body) {
    if (statement.type !== T.ExportNamedDeclaration) continue;
    const declaration = statement.declaration;
    if (declaration?.type === T.FunctionDeclaration && declaration.id) yield [declaration.id.name, declaration];
    if (declaration?.type === T.VariableDeclaration) {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === T.Identifier && declarator.init) yield [declarator.id.name, declarator.init];
      }
    }
    if (statement.source) continue;
    for (const specifier of statement.specifiers) {
      if (specifier.exported.type === T.Identifier && specifier.local.type === T.Identifier) yield [specifier.exported.name, specifier.local];
    }
  }
}

function handler(fn: FunctionNode | null, framework: string, model: RequestModelName): HandlerMatch | null {
  if (!fn || fn.params.length === 0) return null;
  return { fn, framework, params: new Map([[0, objectParam(model)]]), returnsToClient: true };
}

function functionOf(value: TSESTree.Node, context: SourceContext): FunctionNode | null {
  return isFunction(value) ? value : resolveHandler(value, context);
}

export const routeModulesModel: SourceModel = {
  framework: 'route-modules',
  *find(context) {
    const { filename } = context;
    const remix = context.imports(...REMIX_MODULES) || REMIX_ROUTE.test(filename);
    const svelteServer = SVELTE_SERVER.test(filename);
    const sveltePage = SVELTE_PAGE_SERVER.test(filename);
    if (!remix && !svelteServer && !sveltePage) return;
    for (const [name, value] of exported(context.index.program)) {
      if (remix && REMIX_EXPORTS.has(name)) {
        const match = handler(functionOf(value, context), 'remix', 'route-args');
        if (match) yield match;
      }
      if ((svelteServer && SVELTE_METHODS.has(name)) || (sveltePage && name === 'load')) {
        const match = handler(functionOf(value, context), 'sveltekit', 'sveltekit-event');
        if (match) yield match;
      }
      // `export const actions = { default: async ({ request }) => …, rename: … }`
      const actions = sveltePage && name === 'actions' ? unwrap(value) : null;
      if (actions?.type !== T.ObjectExpression) continue;
      for (const property of actions.properties) {
        if (property.type !== T.Property) continue;
        const match = handler(functionOf(property.value, context), 'sveltekit', 'sveltekit-event');
        if (match) yield match;
      }
    }
  },
};
