/**
 * How values flow through the standard library: which calls keep request data in their
 * result, which turn it into something harmless (a boolean, an index), which callbacks
 * receive it. Data for the taint engine; the engine holds no names of its own.
 */
const set = (...names: string[]): ReadonlySet<string> => new Set(names);

/** `JSON.stringify(x)`, `Object.values(x)`: the result carries the arguments. */
export const STATIC_PASS_THROUGH = set(
  'JSON.stringify',
  'JSON.parse',
  'Object.values',
  'Object.entries',
  'Object.assign',
  'Object.fromEntries',
  'Array.from',
  'Array.of',
  'String.raw',
  'String',
  'Buffer.from',
  'Buffer.concat',
  'Promise.resolve',
  'Promise.all',
  'Promise.allSettled',
  'Promise.race',
  'Promise.any',
  'util.format',
  'util.inspect',
  'querystring.parse',
  // A path made from pieces holds each piece (`path.join(dir, name)`: `name` may climb out with `..`).
  'path.join',
  'path.resolve',
  'path.normalize',
  'path.posix.join',
  'path.win32.join',
  // Streams made from an iterable or another stream carry its values.
  'Readable.from',
  'Readable.fromWeb',
  'Readable.toWeb',
  'ReadableStream.from',
  'stream.Readable.from',
);

/** Global functions whose result carries their arguments. */
export const GLOBAL_PASS_THROUGH = set(
  'String',
  'encodeURIComponent',
  'decodeURIComponent',
  'encodeURI',
  'decodeURI',
  'structuredClone',
  'escape',
  'unescape',
);

/** Package functions whose result carries their arguments: `convertToModelMessages(messages)` of `ai`. */
export const PACKAGE_PASS_THROUGH: ReadonlyMap<string, ReadonlySet<string>> = new Map([['ai', set('convertToModelMessages', 'convertToCoreMessages')]]);

/**
 * Tags of templates that run a database query (`sql\`select … where id = ${id}\`` of postgres.js,
 * @vercel/postgres, slonik, Prisma): the result is rows the database holds, not the values put in.
 */
export const QUERY_TAGS = set('sql', 'SQL');

/** Imported template helpers used to format prompts: `dedent(\`…${x}\`)`. */
export const TEMPLATE_HELPERS = set('dedent', 'outdent', 'stripIndent', 'stripIndents', 'oneLine', 'oneLineTrim', 'html', 'md');

/** `new URL(req.url)`, `new URLSearchParams(body)`: the object carries the arguments. */
export const PASS_THROUGH_CONSTRUCTORS = set('URL', 'URLSearchParams', 'String', 'Headers', 'Map', 'Set', 'Error', 'TypeError', 'RangeError');

/** Schema validation keeps the data (validated text is still the user's text). */
export const VALIDATOR_METHODS = set(
  'parse',
  'parseAsync',
  'safeParse',
  'safeParseAsync',
  'validate',
  'validateSync',
  'validateAsync',
  'cast',
  'assert',
);

/** Methods whose result says something about the data without carrying it. */
export const NON_PROPAGATING_METHODS = set(
  'includes',
  'startsWith',
  'endsWith',
  'indexOf',
  'lastIndexOf',
  'findIndex',
  'findLastIndex',
  'some',
  'every',
  'test',
  'has',
  'search',
  'localeCompare',
  'charCodeAt',
  'codePointAt',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'getTime',
  'valueOf',
  'push',
  'unshift',
  'forEach',
);

/** Methods whose result is built by their callback (`items.map(i => i.text)`). */
export const CALLBACK_RESULT_METHODS = set('map', 'flatMap');

/** Callbacks whose first parameter receives an element of the receiver. */
export const ELEMENT_CALLBACK_METHODS = set(
  'map',
  'flatMap',
  'forEach',
  'filter',
  'find',
  'findLast',
  'some',
  'every',
  'findIndex',
  'findLastIndex',
);

/** Methods whose arguments (at these indexes) flow into the result too. */
export const ARGUMENT_PASSING_METHODS: ReadonlyMap<string, readonly number[]> = new Map([
  ['concat', [0, 1, 2, 3, 4, 5, 6, 7]],
  ['replace', [1]],
  ['replaceAll', [1]],
  ['padStart', [1]],
  ['padEnd', [1]],
]);

/** Array methods that put their arguments into the receiver (`lines.push(x)`). */
export const MUTATING_METHODS = set('push', 'unshift', 'splice');

/**
 * Sanitizers that escape or clean markup (`escapeHtml`, `DOMPurify.sanitize`, `sanitizeHtml`):
 * what they return is safe to render but is still the same text, so a log or a key check does
 * not count them as redaction (`redact*`, `mask*`, `scrub*` do).
 */
export function isEscaping(chain: readonly string[]): boolean {
  const last = chain[chain.length - 1] ?? '';
  return /^(?:escape|purify|encode)|^(?:sanitizeHtml|sanitizeHTML|xss|filterXSS)$/iu.test(last) || chain[0] === 'DOMPurify';
}

/** Text codecs: `new TextEncoder().encode(text)` and `decoder.decode(chunk)` give the same text as bytes, or back. */
export const TEXT_CODECS: ReadonlyMap<string, string> = new Map([
  ['TextEncoder', 'encode'],
  ['TextDecoder', 'decode'],
]);

/** Fields that tell which case an object is (`{ kind: 'failure', error }`, `{ status: 'rejected', reason }`). */
export const OUTCOME_KEYS = new Set(['kind', 'type', 'status', 'state', 'result', 'outcome']);
/** Values of those fields that tell success from failure. */
export const OUTCOME_VALUE = /^(?:error|errored|failure|failed|fail|rejected|ok|success|succeeded|fulfilled|done|complete|completed)$/i;
