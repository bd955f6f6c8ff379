/**
 * What an error value exposes. `stack` and `message` are the details that leak internals;
 * a few members are safe metadata (a code or a status); anything else on an error (`cause`,
 * axios' `response` and `config`, `errors`, `details`) is treated as the error object itself.
 */
export const ERROR_PARTS: ReadonlyMap<string, 'stack' | 'message'> = new Map([
  ['stack', 'stack'],
  ['message', 'message'],
  ['sqlMessage', 'message'],
  ['detail', 'message'],
]);

/**
 * Metadata, not details. `text` is what a model generated when the SDK could not parse it (`ai`'s
 * NoObjectGeneratedError and its kin): model output, for the output rules, not an error detail.
 */
export const SAFE_ERROR_MEMBERS: ReadonlySet<string> = new Set(['name', 'code', 'status', 'statusCode', 'errno', 'type', 'expose', 'length', 'text']);

/** Methods of an error object that return its details as text or JSON. */
export const ERROR_TO_STRING: ReadonlySet<string> = new Set(['toString', 'toJSON', 'toLocaleString']);

/** NestJS and GraphQL exceptions whose arguments are sent to the client when thrown. */
export const CLIENT_EXCEPTIONS = /^(?:HttpException|\w+Exception|GraphQLError|ApolloError|UserInputError)$/;

/** Express middleware that prints stacks to the client, meant for development only. */
export const DEV_ONLY_MIDDLEWARE: ReadonlySet<string> = new Set(['errorhandler']);

/** Methods whose result's `error` is meant for the client: validation (`validateAsync`, `safeParseAsync`, `checkInput`). */
export const VALIDATION_METHOD = /valid|parse|check/i;

/**
 * Methods that run code in a sandbox and return its outcome (`sbx.runCode(code)` of a code
 * interpreter): their result's `error` is the run program's own error, output like its stderr.
 */
export const CODE_RUN_METHOD = /^run(?:Code|Python|Script|Cell)$/;
