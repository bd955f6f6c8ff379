import { errorHandlersModel } from './error-handlers.js';
import { fastifyHooksModel } from './fastify-hooks.js';
import { mcpModel } from './mcp.js';
import { nestjsModel } from './nestjs.js';
import { nextjsModel } from './nextjs.js';
import { nodeHttpModel } from './node-http.js';
import { routeModulesModel } from './route-modules.js';
import { routesModel } from './routes.js';
import { settingsParamsModel } from './settings-params.js';
import { trpcModel } from './trpc.js';
import { typedParamsModel } from './typed-params.js';
import type { SourceModel } from './types.js';
import { webFetchModel } from './web-fetch.js';

/** Every framework model, in the order their matches take precedence. */
export const SOURCE_MODELS: readonly SourceModel[] = [
  nestjsModel,
  errorHandlersModel,
  mcpModel,
  // Before Next.js: SvelteKit's `+server.ts` exports the same method names, with another argument.
  routeModulesModel,
  nextjsModel,
  trpcModel,
  webFetchModel,
  nodeHttpModel,
  routesModel,
  fastifyHooksModel,
  typedParamsModel,
  settingsParamsModel,
];

/** Text without which a module registers no handler defined in another module. */
export const REGISTRATION_HINT = new RegExp(
  SOURCE_MODELS.flatMap((model) => (model.registers ? [model.registers.source] : [])).join('|'),
  'u',
);

export { REQUEST_MODELS, type RequestModelName } from './request-objects.js';
export type { HandlerMatch, ParamSource, SourceContext } from './types.js';
export { RESPONSE_MODELS, type ResponseModelName } from '../sinks/response-objects.js';
