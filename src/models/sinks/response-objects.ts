import { HTTP_ERROR_NAMES } from './http-errors.js';

/** Every method name a framework's response object has (what is sent, chained, or anything else it offers). */
export function responseMethodNames(): ReadonlySet<string> {
  return new Set(Object.values(RESPONSE_MODELS).flatMap((model) => [...model.send.keys(), ...model.chain, ...(model.other ?? [])]));
}

/**
 * How each framework's response object sends data to the client. `send` methods take the
 * payload (at `payloadIndex`, first argument by default); `chain` methods return the same
 * response object (`res.status(500).json(…)`); `bodyProperty` is assigned the payload
 * (`ctx.body = …`).
 */
export type ResponseModelName = 'express-res' | 'fastify-reply' | 'node-res' | 'koa-ctx' | 'hono-c' | 'hono-stream';

export interface ResponseObjectModel {
  readonly send: ReadonlyMap<string, number>;
  readonly chain: ReadonlySet<string>;
  readonly bodyProperty?: string;
  /**
   * Methods that throw an HTTP error whose message the framework sends to the client for a
   * status below 500 (Koa's `ctx.throw(400, message)`): where the status and the message are.
   */
  readonly exposes?: ReadonlyMap<string, { readonly status: number; readonly message: number }>;
  /** Its other methods (redirects, files, cookies, headers): no payload the rules follow, but the object's own. */
  readonly other?: ReadonlySet<string>;
  /** Fields that hold another response object (a Fastify reply's `raw` is the Node response). */
  readonly fields?: ReadonlyMap<string, ResponseModelName>;
}

export const RESPONSE_MODELS: Readonly<Record<ResponseModelName, ResponseObjectModel>> = {
  'express-res': {
    send: new Map([
      ['json', 0],
      ['send', 0],
      ['jsonp', 0],
      ['write', 0],
      ['end', 0],
      ['render', 1],
    ]),
    chain: new Set(['status', 'set', 'header', 'type', 'cookie', 'append', 'location', 'vary', 'links', 'attachment', 'contentType']),
    other: new Set(['redirect', 'sendFile', 'download', 'clearCookie', 'sendStatus', 'setHeader', 'getHeader', 'flushHeaders']),
  },
  'fastify-reply': {
    // `reply.send(x)`; `@fastify/sensible`'s `reply.badRequest(message)`, … and `reply.getHttpError(status, message)`;
    // an SSE plugin's `reply.sse({ event, data })` (fastify-sse-v2), which writes an event to the open response.
    send: new Map([['send', 0], ['sse', 0], ['getHttpError', 1], ...[...HTTP_ERROR_NAMES].map((name) => [name, 0] as const)]),
    chain: new Set(['code', 'status', 'header', 'headers', 'type']),
    fields: new Map([['raw', 'node-res']]),
  },
  'node-res': {
    send: new Map([
      ['write', 0],
      ['end', 0],
    ]),
    chain: new Set(['writeHead', 'status']),
  },
  'koa-ctx': {
    send: new Map(),
    chain: new Set(),
    bodyProperty: 'body',
    exposes: new Map([['throw', { status: 0, message: 1 }]]),
  },
  'hono-c': {
    send: new Map([
      ['json', 0],
      ['text', 0],
      ['html', 0],
      ['body', 0],
    ]),
    chain: new Set(),
  },
  // The stream `streamSSE(c, async (stream) => …)` of `hono/streaming` hands its callback.
  'hono-stream': {
    send: new Map([
      ['write', 0],
      ['writeln', 0],
      ['writeSSE', 0],
    ]),
    chain: new Set(),
    other: new Set(['sleep', 'close', 'abort', 'onAbort', 'pipe']),
  },
};

/**
 * Package functions that hand a callback a stream of the response: what the callback writes
 * on it is sent. `callback` is the callback's argument position, `param` the stream's.
 */
export interface ResponseCallback {
  readonly callee: string;
  readonly module: string;
  readonly callback: number;
  readonly param: number;
  readonly model: ResponseModelName;
}

export const RESPONSE_CALLBACKS: readonly ResponseCallback[] = ['stream', 'streamText', 'streamSSE'].map((callee) => ({
  callee,
  module: 'hono/streaming',
  callback: 1,
  param: 0,
  model: 'hono-stream' as const,
}));

/**
 * Package functions and classes that send what they are given, or make the response that sends
 * it: `new StreamingTextResponse(stream)`, `createUIMessageStreamResponse({ stream })`,
 * `pipeUIMessageStreamToResponse({ response, stream })` of `ai`. `payload`: the argument (and
 * the field of that options object) that is sent, or 'self' for a call whose own value is what it
 * sends (`pipeDataStreamToResponse(res, { execute })`: what `execute` writes).
 */
export interface PackageResponse {
  readonly callee: string;
  readonly module: string;
  readonly construct: boolean;
  readonly payload: { readonly argument: number; readonly field?: string } | 'self';
}

export const PACKAGE_RESPONSES: readonly PackageResponse[] = [
  { callee: 'StreamingTextResponse', module: 'ai', construct: true, payload: { argument: 0 } },
  { callee: 'streamToResponse', module: 'ai', construct: false, payload: { argument: 0 } },
  { callee: 'createUIMessageStreamResponse', module: 'ai', construct: false, payload: { argument: 0, field: 'stream' } },
  { callee: 'pipeUIMessageStreamToResponse', module: 'ai', construct: false, payload: { argument: 0, field: 'stream' } },
  { callee: 'createTextStreamResponse', module: 'ai', construct: false, payload: { argument: 0, field: 'textStream' } },
  { callee: 'pipeTextStreamToResponse', module: 'ai', construct: false, payload: { argument: 0, field: 'textStream' } },
  { callee: 'pipeDataStreamToResponse', module: 'ai', construct: false, payload: 'self' },
];

/** Methods of an `ai` result that write its stream into the Node response they are given (`result.pipeTextStreamToResponse(res)`): the call's value is sent. */
export const PIPE_TO_RESPONSE_METHODS: ReadonlySet<string> = new Set([
  'pipeTextStreamToResponse',
  'pipeDataStreamToResponse',
  'pipeUIMessageStreamToResponse',
  'pipeAIStreamToResponse',
]);
