import { unwrap, type Node } from '../syntax/ast.js';
import type { FileAnalysis } from '../dataflow/analysis-types.js';
import { onlyInDevelopment } from '../dataflow/env-guard.js';
import { loggerCalls, type LoggerCall } from '../dataflow/logger-calls.js';
import { helperSinkSites, siteTaint } from '../dataflow/effects.js';
import { incomingOrigins, sinkSeesCaller } from '../dataflow/incoming.js';
import { redacted, type Origin, type ParamOrigin } from '../dataflow/origin.js';
import { CREDENTIAL_PARAM, KEY_FLAG_NAME, SECRET_MEMBER } from '../models/secrets.js';
import type { RequestPart as ReadPart } from '../models/sources/request-functions.js';

/**
 * Logger calls whose arguments carry what must not be logged: request bodies, the whole
 * request, headers (above all credentials), query objects, cookies, prompts and message
 * lists given to LLM calls, LLM output, secrets. Method, path, route, status, ids, lengths,
 * `Object.keys(…)` and booleans are safe and never reported.
 */
export type Replacement = 'request-summary' | 'keys' | 'redacted';

export interface LogFinding {
  readonly call: LoggerCall;
  readonly argument: Node;
  readonly origin: Exclude<Origin, ParamOrigin>;
  /** 'Request body data', 'The authorization header', 'LLM output', … */
  readonly what: string;
  /** A safe stand-in for the argument, when the argument is exactly the sensitive value. */
  readonly replacement: Replacement | null;
}

const SENSITIVE_HEADER = /authorization|cookie|api[-_]?key|token|secret|session|password/i;
/** Credential query parameters, plus OAuth's `code` and `session`. */
const SENSITIVE_PARAM = { test: (name: string) => CREDENTIAL_PARAM.test(name) || /^(?:code|session)$/i.test(name) };

/**
 * Body fields worth protecting: what people write (messages, prompts, documents), personal
 * data, credentials, and whole sub-objects. Judged by the last word of the name
 * (`userMessage`, `chat_history`), so ids, types, modes and flags are logged freely.
 */
const CONTENT_WORDS = new Set(
  (
    'message messages prompt prompts text content contents input inputs question questions query history answer answers ' +
    'transcript comment comments description document documents email phone address password passwd secret token ' +
    'payload data body form fields file files attachment attachments card ssn dob dto args chat conversation conversations note notes bio'
  ).split(' '),
);

function isContentField(name: string): boolean {
  // `isNewChat`, `hasFiles`: a flag, whatever it is about.
  if (KEY_FLAG_NAME.test(name)) return false;
  const words = name.replace(/\[.*$/u, '').split(/(?<=[a-z0-9])(?=[A-Z])|[_\-\s]+/u).filter(Boolean);
  const last = words.at(-1)?.toLowerCase();
  return (last !== undefined && CONTENT_WORDS.has(last)) || SECRET_MEMBER.test(name);
}

const CONTAINER =
  /^(?:(?:body|headers|header|rawHeaders|cookies|signedCookies|query|params|url|originalUrl|path|nextUrl|searchParams|href|querystring|search|files?)(?:\[|$)|(?:json|text|formData|parseBody|valid|get|queries|param)\()/;

type RequestPart = { what: string; whole: boolean } | null;

/** What kind of request data a source text names, or null when it is safe to log. */
export function classifyRequestData(text: string, data = false, reader?: ReadPart): RequestPart {
  if (reader !== undefined) {
    // `readBody(event).messages`: what the package function read, then the members read from it.
    if (reader === 'other') return null;
    const rest = text.slice(callEnd(text)).split('.').filter(Boolean);
    return classifyRequestData(['request', reader, ...rest].join('.'));
  }
  if (text.endsWith(' body')) return { what: 'the request body', whole: true };
  const tokens = text.split('.');
  if (data) return dataField(tokens);
  // Whole member names (`filePath` is not `file`), or method calls (`json(…)`).
  const at = tokens.findIndex((token, i) => i > 0 && CONTAINER.test(token));
  if (at < 0) {
    // A whole data parameter (`@Body() dto`, a server action's argument, MCP args) and its fields.
    const field = tokens.at(-1) ?? '';
    if (!isContentField(field)) return null;
    return { what: 'request data', whole: tokens.length === 1 };
  }
  const container = tokens[at];
  const rest = tokens.slice(at + 1);
  const argument = /\('([^']*)'\)/.exec(container)?.[1];
  if (/^(?:(?:body|files?)(?:\[|$)|(?:json|text|formData|parseBody|valid)\()/.test(container)) {
    if (rest.length > 0 && !isContentField(rest.at(-1) ?? '')) return null;
    return { what: rest.length === 0 ? 'the request body' : 'request body data', whole: rest.length === 0 && !container.includes('(') };
  }
  if (/^(?:headers|header|rawHeaders|get\()/.test(container)) {
    const name = argument ?? (rest[0] && (/^get\('([^']*)'\)$/.exec(rest[0])?.[1] ?? rest[0]));
    if (name === undefined) return container.includes('(') ? null : { what: 'the request headers', whole: true };
    return SENSITIVE_HEADER.test(name) ? { what: 'a credential header', whole: false } : null;
  }
  if (/^(?:cookies|signedCookies)/.test(container)) return { what: 'request cookies', whole: rest.length === 0 };
  if (/^(?:query|queries\()/.test(container)) {
    const name = argument ?? rest[0];
    if (name === undefined) return container.includes('(') ? null : { what: 'the query object', whole: true };
    return SENSITIVE_PARAM.test(name) ? { what: 'a credential query parameter', whole: false } : null;
  }
  return null; // params, url, path: safe to log
}

/** Where the call that starts a text ends (`readBody(useEvent())` in `readBody(useEvent()).messages`). */
function callEnd(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i + 1;
  }
  return text.length;
}

/**
 * A field of a parameter that is data as a whole (MCP tool arguments, a server action's
 * `formData`, `@Body() dto`): its names are fields, never HTTP parts (`args.query` is a search,
 * not a query string). `formData.get('password')` reads the field `password`.
 */
function dataField(tokens: readonly string[]): RequestPart {
  const names = tokens.map((token) => /^get\('([^']*)'\)$/u.exec(token)?.[1] ?? token);
  const field = names.at(-1) ?? '';
  if (names.length === 1) return isContentField(field) ? { what: 'request data', whole: true } : null;
  // Headers and cookies handed to a tool or a form are credentials wherever they sit.
  const at = names.findIndex((name, i) => i > 0 && /^(?:headers|header|rawHeaders|cookies|signedCookies)$/u.test(name));
  if (at > 0) {
    const name = names[at + 1];
    const sensitive = name === undefined || /^(?:cookies|signedCookies)$/u.test(names[at]) || SENSITIVE_HEADER.test(name);
    return sensitive ? { what: 'request data', whole: false } : null;
  }
  // A field read by name (`formData.get('authorization')`) is a credential when the name says so.
  const readByName = tokens.at(-1) !== field;
  return isContentField(field) || (readByName && SENSITIVE_PARAM.test(field)) ? { what: 'request data', whole: false } : null;
}

/** A step that names a function on the way (`search() at src/hospital.controller.ts:32`), not a member read. */
const HOP = /\(\) (?:at|in) /u;

function describe(origin: Origin): { what: string; replacement: Replacement | null } | null {
  switch (origin.kind) {
    case 'request-object':
      return SUMMARIZABLE.has(origin.model) ? { what: 'the whole request object', replacement: 'request-summary' } : ORIGINLESS.has(origin.model) ? null : { what: 'the whole request object', replacement: null };
    case 'request': {
      // The field logged is the last member read on the way (`payload.actions[0] -> action.value -> requestId`: `value`).
      const memberStep = origin.steps.findLast((step) => step.includes('.') && !HOP.test(step));
      const leaf = memberStep?.split('.').at(-1)?.replace(/\[.*$/u, '');
      if (leaf !== undefined && !isContentField(leaf)) return null;
      const part = classifyRequestData(origin.text, origin.data, origin.reader);
      // `{ ...req.headers, authorization: '[redacted]' }`: a credential header written over under the
      // lower-case name it arrives with (`Authorization: …` adds a key and leaves `authorization` in).
      if (part?.what === 'the request headers' && origin.except?.some((name) => name === name.toLowerCase() && SENSITIVE_HEADER.test(name))) return null;
      return part && { what: part.what, replacement: part.whole ? 'keys' : null };
    }
    case 'prompt':
      return { what: origin.what === 'system prompt' ? 'the system prompt' : 'the messages list', replacement: null };
    case 'llm':
      // A tool logging the arguments it was called with is the tool's own trace, not a leak of the answer.
      return redacted(origin) || origin.api === 'tool arguments' ? null : { what: 'LLM output', replacement: null };
    case 'secret':
      return { what: 'a secret', replacement: 'redacted' };
    default:
      return null;
  }
}

/** Request objects with `method` and `url` of their own, and the ones that carry no request data at all. */
const SUMMARIZABLE = new Set(['express', 'koa-context', 'koa-request', 'node-request', 'web-request']);
const ORIGINLESS = new Set(['next-route-context', 'next-page-props']);

const PRIORITY: readonly Origin['kind'][] = ['secret', 'prompt', 'request-object', 'llm', 'request', 'error', 'param'];

const cache = new WeakMap<FileAnalysis, LogFinding[]>();

export function logFindings(analysis: FileAnalysis): LogFinding[] {
  const cached = cache.get(analysis);
  if (cached) return cached;
  const findings: LogFinding[] = [];
  // A script without handlers prints model output to its own user, not to a server log.
  const server = analysis.handlers.size > 0;
  // What a helper in another module logs is reported there, at the logger, when that module sees this call.
  const atSink = new Set<LoggerCall>();
  const helperLogs: LoggerCall[] = helperSinkSites(analysis).flatMap(({ call, effect, value, accesses }) => {
    if (effect.sink.kind !== 'log') return [];
    const logged: LoggerCall = { node: call, logger: effect.sink.logger, through: { argument: value, hops: effect.hops, accesses } };
    if (!effect.byName && sinkSeesCaller(analysis.filename, effect.site, effect.hops.length, (file) => analysis.importersOf(file))) atSink.add(logged);
    return [logged];
  });
  for (const call of [...loggerCalls(analysis), ...helperLogs]) {
    if (onlyInDevelopment(call.node, analysis.engine.guards)) continue;
    const console = call.logger.startsWith('console.');
    for (const argument of call.through ? [call.through.argument] : call.node.arguments) {
      let found: LogFinding | null = null;
      // The most specific description first: a secret, a prompt, the request object, output, data.
      const taint = siteTaint(analysis, argument, call.through?.accesses);
      // A parameter of a function that callers in other modules give request data, output or secrets: reported here, naming where it was made.
      const incoming = call.through ? [] : incomingOrigins(analysis, taint, { skip: 'development' });
      const origins = [...taint, ...incoming].sort((a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind));
      for (const origin of origins) {
        // Redaction hides the value from the log; escaping (`escapeHtml(x)`) does not.
        if (origin.kind === 'param' || origin.kind === 'error' || redacted(origin)) continue;
        if (atSink.has(call)) continue;
        // What callers in other modules pass to a logging helper is logged wherever they run (a route, not this script).
        if (console && !server && !origin.place && (origin.kind === 'llm' || origin.kind === 'prompt')) continue;
        const described = describe(origin);
        if (!described) continue;
        // A stand-in only replaces the argument when the argument is that very value.
        const exact = !call.through && origin.steps.length === 0 && analysis.sourceCode.getText(unwrap(argument)) === origin.text;
        found = { call, argument, origin, what: described.what, replacement: exact ? described.replacement : null };
        break;
      }
      if (found) {
        findings.push(found);
        break; // one report per logger call
      }
    }
  }
  cache.set(analysis, findings);
  return findings;
}
