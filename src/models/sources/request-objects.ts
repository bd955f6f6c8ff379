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
  | 'fetch-event';

export interface RequestObjectModel {
  readonly data: ReadonlySet<string>;
  readonly nested: Readonly<Record<string, RequestModelName>>;
  readonly methods: ReadonlySet<string>;
  /** `for await (const chunk of req)` and `req.on('data', chunk => …)` read the body. */
  readonly streamsBody: boolean;
}

const set = (...names: string[]): ReadonlySet<string> => new Set(names);

const nodeRequestData = ['url', 'headers', 'rawHeaders', 'headersDistinct', 'trailers'];

export const REQUEST_MODELS: Readonly<Record<RequestModelName, RequestObjectModel>> = {
  // Express, Fastify and Next.js pages API requests share these names.
  express: {
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
    data: set('query', 'params', 'headers', 'header', 'cookies', 'url', 'originalUrl', 'path', 'querystring', 'href', 'search', 'files'),
    nested: { request: 'koa-request', req: 'node-request' },
    methods: set('get'),
    streamsBody: false,
  },
  'koa-request': {
    data: set('body', 'query', 'params', 'headers', 'header', 'url', 'originalUrl', 'path', 'querystring', 'href', 'search', 'files', 'rawBody'),
    nested: {},
    methods: set('get'),
    streamsBody: false,
  },
  'hono-context': {
    data: set(),
    nested: { req: 'hono-request' },
    methods: set(),
    streamsBody: false,
  },
  'hono-request': {
    data: set('url', 'path', 'headers'),
    nested: { raw: 'web-request' },
    methods: set('json', 'text', 'formData', 'arrayBuffer', 'blob', 'parseBody', 'query', 'queries', 'param', 'header', 'valid'),
    streamsBody: false,
  },
  'web-request': {
    data: set('url', 'headers', 'body', 'cookies', 'nextUrl'),
    nested: {},
    methods: set('json', 'text', 'formData', 'arrayBuffer', 'blob'),
    streamsBody: false,
  },
  'node-request': {
    data: set(...nodeRequestData),
    nested: {},
    methods: set(),
    streamsBody: true,
  },
  'next-route-context': {
    data: set('params'),
    nested: {},
    methods: set(),
    streamsBody: false,
  },
  'next-page-props': {
    data: set('params', 'searchParams'),
    nested: {},
    methods: set(),
    streamsBody: false,
  },
  'fetch-event': {
    data: set(),
    nested: { request: 'web-request' },
    methods: set(),
    streamsBody: false,
  },
};
