import { unwrap, type Node } from './ast.js';
import type { FileAnalysis } from './file-analysis.js';
import { loggerCalls, type LoggerCall } from './logger-calls.js';
import type { Origin, ParamOrigin } from './origin.js';

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
const SENSITIVE_PARAM = /token|key|secret|passw|auth|code|session/i;
/**
 * Body fields worth protecting: what people write (messages, prompts, documents), personal
 * data, credentials, and whole sub-objects. Other fields (ids, types, modes, flags) are
 * logged routinely and are not reported.
 */
const CONTENT_FIELD =
  /(?:message|prompt|text|content|input|question|query|history|answer|transcript|comment|description|document|email|phone|address|name|password|passwd|secret|token|key|payload|data|body|form|fields|file|attachment|card|ssn|dob|birth)s?$/i;

type RequestPart = { what: string; whole: boolean } | null;

/** What kind of request data a source text names, or null when it is safe to log. */
export function classifyRequestData(text: string): RequestPart {
  if (text.endsWith(' body')) return { what: 'The request body', whole: true };
  const tokens = text.split('.');
  const at = tokens.findIndex((token, i) => i > 0 && /^(?:body|json\(|text\(|formData\(|parseBody\(|valid\(|headers|header|rawHeaders|get\(|cookies|signedCookies|query|queries\(|params|param\(|url|originalUrl|path|nextUrl|searchParams|href|querystring|search|files?)/.test(token));
  if (at < 0) {
    // A whole data parameter (`@Body() dto`, a server action's argument, MCP args) and its fields.
    const field = tokens.at(-1) ?? '';
    if (tokens.length > 1 && !CONTENT_FIELD.test(field)) return null;
    return { what: 'Request data', whole: tokens.length === 1 };
  }
  const container = tokens[at];
  const rest = tokens.slice(at + 1);
  const argument = /\('([^']*)'\)/.exec(container)?.[1];
  if (/^(?:body|json\(|text\(|formData\(|parseBody\(|valid\(|files?)/.test(container)) {
    if (rest.length > 0 && !CONTENT_FIELD.test(rest.at(-1) ?? '')) return null;
    return { what: rest.length === 0 ? 'The request body' : 'Request body data', whole: rest.length === 0 && !container.includes('(') };
  }
  if (/^(?:headers|header|rawHeaders|get\()/.test(container)) {
    const name = argument ?? (rest[0] && (/^get\('([^']*)'\)$/.exec(rest[0])?.[1] ?? rest[0]));
    if (name === undefined) return container.includes('(') ? null : { what: 'The request headers', whole: true };
    return SENSITIVE_HEADER.test(name) ? { what: `The '${name}' header`, whole: false } : null;
  }
  if (/^(?:cookies|signedCookies)/.test(container)) return { what: 'Request cookies', whole: rest.length === 0 };
  if (/^(?:query|queries\()/.test(container)) {
    const name = argument ?? rest[0];
    if (name === undefined) return container.includes('(') ? null : { what: 'The query object', whole: true };
    return SENSITIVE_PARAM.test(name) ? { what: `The '${name}' query parameter`, whole: false } : null;
  }
  return null; // params, url, path: safe to log
}

function describe(origin: Origin): { what: string; replacement: Replacement | null } | null {
  switch (origin.kind) {
    case 'request-object':
      return { what: 'The whole request object', replacement: 'request-summary' };
    case 'request': {
      // The field logged is the last member read on the way (`payload.actions[0] -> action.value -> requestId`: `value`).
      const memberStep = origin.steps.findLast((step) => step.includes('.'));
      const leaf = memberStep?.split('.').at(-1)?.replace(/\[.*$/u, '');
      if (leaf !== undefined && !CONTENT_FIELD.test(leaf)) return null;
      const part = classifyRequestData(origin.text);
      return part && { what: part.what, replacement: part.whole ? 'keys' : null };
    }
    case 'prompt':
      return { what: origin.what === 'system prompt' ? 'The system prompt' : 'The messages list', replacement: null };
    case 'llm':
      return origin.sanitized ? null : { what: 'LLM output', replacement: null };
    case 'secret':
      return { what: 'A secret', replacement: 'redacted' };
    default:
      return null;
  }
}

const PRIORITY: readonly Origin['kind'][] = ['secret', 'prompt', 'request-object', 'llm', 'request', 'error', 'param'];

const cache = new WeakMap<FileAnalysis, LogFinding[]>();

export function logFindings(analysis: FileAnalysis): LogFinding[] {
  const cached = cache.get(analysis);
  if (cached) return cached;
  const findings: LogFinding[] = [];
  for (const call of loggerCalls(analysis)) {
    for (const argument of call.node.arguments) {
      let found: LogFinding | null = null;
      // The most specific description first: a secret, a prompt, the request object, output, data.
      const origins = [...analysis.engine.taintOf(argument)].sort((a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind));
      for (const origin of origins) {
        if (origin.kind === 'param' || origin.kind === 'error' || ('sanitized' in origin && origin.sanitized)) continue;
        const described = describe(origin);
        if (!described) continue;
        // A stand-in only replaces the argument when the argument is that very value.
        const exact = origin.steps.length === 0 && analysis.sourceCode.getText(unwrap(argument)) === origin.text;
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
