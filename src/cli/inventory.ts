import type { FileSurface, Place, SurfaceCall, SurfaceRoute, SurfaceTool } from '../checks/inventory.js';

/**
 * The project's AI surface, merged from the facts each module reported while `scan` linted it:
 * the routes that reach an LLM call (each handler once, under the route that registers it), every
 * LLM call, the tools a model is given, and the loggers and secret env variables in use.
 */
export interface Inventory {
  readonly routes: readonly SurfaceRoute[];
  /** Routes that reach no LLM call. */
  readonly otherRoutes: number;
  readonly calls: readonly SurfaceCall[];
  readonly tools: readonly SurfaceTool[];
  /** Each logger (`console`, `logger`, `req.log`) with its number of calls and the files they are in. */
  readonly loggers: readonly { readonly logger: string; readonly calls: number; readonly files: readonly string[] }[];
  /** Each secret env variable read, and where. */
  readonly keys: readonly { readonly name: string; readonly places: readonly Place[] }[];
}

export const placeKey = (place: Place): string => `${place.file}:${place.line}`;

const byPlace = (a: { place: Place }, b: { place: Place }) => a.place.file.localeCompare(b.place.file) || a.place.line - b.place.line;

export function mergeInventory(surfaces: readonly FileSurface[]): Inventory {
  // A handler registered in one module and defined in another is seen by both: the registrations, which know the method and path, stand.
  // A handler no registration names (told by its parameters' types, or forwarded to) whose every call a registered route
  // already reaches is part of that route (`app.post('/t', (req, res) => translate(req, res, 'fr'))`), not a route of its own.
  const all = surfaces.flatMap((surface) => surface.routes);
  const registered = all.filter((route) => route.registered);
  const handlers = new Set(registered.map((route) => placeKey(route.handler)));
  const reached = new Set(registered.flatMap((route) => route.calls.map(placeKey)));
  const routes = [...registered, ...all.filter((route) => !route.registered && !handlers.has(placeKey(route.handler)) && !route.calls.every((call) => reached.has(placeKey(call))))];
  const loggers = new Map<string, { calls: number; files: Set<string> }>();
  const keys = new Map<string, Place[]>();
  for (const surface of surfaces) {
    for (const { logger, place } of surface.loggers) {
      const entry = loggers.get(logger) ?? { calls: 0, files: new Set<string>() };
      entry.calls++;
      entry.files.add(place.file);
      loggers.set(logger, entry);
    }
    for (const { name, place } of surface.keys) keys.set(name, [...(keys.get(name) ?? []), place]);
  }
  return {
    routes: routes.sort(byPlace),
    otherRoutes: surfaces.reduce((sum, surface) => sum + surface.otherRoutes, 0),
    calls: surfaces.flatMap((surface) => surface.calls).sort(byPlace),
    tools: surfaces.flatMap((surface) => surface.tools).sort(byPlace),
    loggers: [...loggers].map(([logger, { calls, files }]) => ({ logger, calls, files: [...files].sort() })).sort((a, b) => b.calls - a.calls || a.logger.localeCompare(b.logger)),
    keys: [...keys].map(([name, places]) => ({ name, places })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
