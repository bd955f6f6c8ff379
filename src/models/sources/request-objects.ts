/**
 * What each framework's request (or context) object exposes. A member listed in `data`
 * is request data; a member in `nested` is another request object; a method in `methods`
 * returns request data. Anything else (`req.method`, `ctx.state`, `c.env`, `req.user`)
 * is not request data.
 */
export type RequestModelName =
  | 'express'
  | 'koa-context'
  | 'koa-request'
  | 'hono-context'
  | 'hono-request'
  | 'web-request'
  | 'node-request'
  | 'next-route-context'
  | 'next-page-props'
  | 'fetch-event'
  | 'route-args'
  | 'sveltekit-event'
  | 'trpc-options'
  | 'nest-execution-context'
  | 'nest-http-host';

export interface RequestObjectModel {
  /** How messages name the object when the parameter is destructured or unnamed: `req`, `c.req`. */
  readonly label: string;
  readonly data: ReadonlySet<string>;
  readonly nested: Readonly<Record<string, RequestModelName>>;
  readonly methods: ReadonlySet<string>;
  /** Methods that return another request object (`switchToHttp()`, `getRequest()`). */
  readonly returns?: Readonly<Record<string, RequestModelName>>;
  /** `for await (const chunk of req)` and `req.on('data', chunk => …)` read the body. */
  readonly streamsBody: boolean;
}

const set = (...names: string[]): ReadonlySet<string> => new Set(names);

const nodeRequestData = ['url', 'headers', 'rawHeaders', 'headersDistinct', 'trailers'];

export const REQUEST_MODELS: Readonly<Record<RequestModelName, RequestObjectModel>> = {
  // Express, Fastify and Next.js pages API requests share these names.
  express: {
    label: 'req',
    data: set(
      ...nodeRequestData,
      'body',
      'query',
      'params',
      'cookies',
      'signedCookies',
      'originalUrl',
      'path',
      'files',
      'file',
      'rawBody',
      'hostname',
    ),
    nested: { raw: 'node-request' },
    methods: set('get', 'header', 'param'),
    streamsBody: true,
  },
  'koa-context': {
    label: 'ctx',
    data: set('query', 'params', 'headers', 'header', 'cookies', 'url', 'originalUrl', 'path', 'querystring', 'href', 'search', 'files'),
    nested: { request: 'koa-request', req: 'node-request' },
    methods: set('get'),
    streamsBody: false,
  },
  'koa-request': {
    label: 'ctx.request',
    data: set('body', 'query', 'params', 'headers', 'header', 'url', 'originalUrl', 'path', 'querystring', 'href', 'search', 'files', 'rawBody'),
    nested: {},
    methods: set('get'),
    streamsBody: false,
  },
  'hono-context': {
    label: 'c',
    data: set(),
    nested: { req: 'hono-request' },
    methods: set(),
    streamsBody: false,
  },
  'hono-request': {
    label: 'c.req',
    data: set('url', 'path', 'headers'),
    nested: { raw: 'web-request' },
    methods: set('json', 'text', 'formData', 'arrayBuffer', 'blob', 'parseBody', 'query', 'queries', 'param', 'header', 'valid'),
    streamsBody: false,
  },
  'web-request': {
    label: 'request',
    data: set('url', 'headers', 'body', 'cookies', 'nextUrl'),
    nested: {},
    methods: set('json', 'text', 'formData', 'arrayBuffer', 'blob'),
    streamsBody: false,
  },
  'node-request': {
    label: 'req',
    data: set(...nodeRequestData),
    nested: {},
    methods: set(),
    streamsBody: true,
  },
  'next-route-context': {
    label: 'context',
    data: set('params'),
    nested: {},
    methods: set(),
    streamsBody: false,
  },
  'next-page-props': {
    label: 'props',
    data: set('params', 'searchParams'),
    nested: {},
    methods: set(),
    streamsBody: false,
  },
  // Remix and React Router `action`/`loader` arguments: `({ request, params, context })`.
  'route-args': {
    label: 'args',
    data: set('params'),
    nested: { request: 'web-request' },
    methods: set(),
    streamsBody: false,
  },
  // SvelteKit's RequestEvent, given to `+server` handlers, `load` and form actions.
  'sveltekit-event': {
    label: 'event',
    data: set('params', 'url', 'cookies'),
    nested: { request: 'web-request' },
    methods: set('getClientAddress'),
    streamsBody: false,
  },
  // tRPC procedure resolvers: `({ input, ctx })`; what the app puts in `ctx` is its own.
  'trpc-options': {
    label: 'opts',
    data: set('input', 'rawInput'),
    nested: {},
    methods: set(),
    streamsBody: false,
  },
  // NestJS guards and interceptors: `context.switchToHttp().getRequest()` is the express request.
  'nest-execution-context': {
    label: 'context',
    data: set(),
    nested: {},
    methods: set(),
    returns: { switchToHttp: 'nest-http-host' },
    streamsBody: false,
  },
  'nest-http-host': {
    label: 'context.switchToHttp()',
    data: set(),
    nested: {},
    methods: set(),
    returns: { getRequest: 'express' },
    streamsBody: false,
  },
  'fetch-event': {
    label: 'event',
    data: set(),
    nested: { request: 'web-request' },
    methods: set(),
    streamsBody: false,
  },
};
