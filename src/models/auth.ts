/**
 * Names of auth steps: middleware (`authenticate`, `requireApiKey`, `passport.authenticate`,
 * `clerkMiddleware`, `verifyToken`, `protect`, `jwt`) and checks a handler calls itself
 * (`auth()`, `getServerSession()`, `currentUser()`). `author…` is not auth.
 */
export const AUTH_NAME =
  /auth(?!or(?!i[sz]))|protect|guard|verify|jwt|clerk|passport|api_?key|bearer|logged_?in|require_?(?:user|login|key|token|session)|ensure_?user|get_?server_?session|current_?user/i;

/** Routers and route modules: `authRouter` mounts routes, it does not guard them. */
export const ROUTER_NAME = /(?:router|routes|controller)$/i;

/** Routes that turn a caller away by design (sign-in, token exchange): their 401 is no evidence of guarded routes. */
export const SIGN_IN_PATH = /login|log-in|signin|sign-in|signup|sign-up|token|session|oauth|callback/i;

/** HTTP methods that register a route on an Express, Fastify, Hono or Koa-router app. */
export const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options']);

/** Fastify hooks and route options that run before the handler. */
export const FASTIFY_GUARD_HOOKS = new Set(['onRequest', 'preParsing', 'preValidation', 'preHandler']);

/** Status codes and error names that turn a request away. */
export const DENY_STATUS = new Set([401, 403]);
export const DENY_NAME = /unauthori[sz]ed|forbidden/i;

/**
 * Text that may put an auth step on routes (read by the project index, then parsed): NestJS
 * `@UseGuards(…)`, global guards and module middleware (`consumer.apply(…).forRoutes(…)`), Fastify
 * route hooks, `app.use(…)`.
 */
export const GUARD_HINT = /@UseGuards\s*\(|useGlobalGuards|APP_GUARD|\.forRoutes\s*\(|\b(?:onRequest|preParsing|preValidation|preHandler)\b|\.use\s*\(/u;

/** Guards and middleware that limit rates, not callers (`ThrottlerGuard`, `rateLimit`). */
export const RATE_LIMIT_NAME = /throttl|rate_?limit/i;

/** `{ provide: APP_GUARD, useClass: JwtAuthGuard }`: the guard class a NestJS module makes global (read from the module's text). */
export const GLOBAL_GUARD_CLASS = /\bprovide\s*:\s*APP_GUARD\s*,\s*use(?:Class|Existing)\s*:\s*([\w$]+)/gu;
