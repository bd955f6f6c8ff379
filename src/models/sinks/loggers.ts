/**
 * Loggers: the modules that make them, and the methods that write. A logger is recognized
 * from how it is made (an import of one of these modules), from the request (`req.log`,
 * `request.log`, `ctx.log`) or the Fastify instance (`fastify.log`), or by name when
 * `settings['llm-security'].loggers` says so.
 */
export const LOG_METHODS: ReadonlySet<string> = new Set([
  'log',
  'info',
  'warn',
  'warning',
  'error',
  'debug',
  'trace',
  'fatal',
  'verbose',
  'silly',
  'http',
  'notice',
  'critical',
  'success',
  'note',
  'pending',
  'fav',
  'star',
  'complete',
  'dir',
  'table',
]);

/** Modules whose default export, named factories or classes make loggers. */
export const LOGGER_MODULES: ReadonlySet<string> = new Set([
  'pino',
  'winston',
  'bunyan',
  'log4js',
  'signale',
  'consola',
  'loglevel',
  'npmlog',
  'roarr',
  'tslog',
]);

/** The `debug` package: `const log = debug('app')`, then `log(…)`. */
export const DEBUG_MODULE = 'debug';

/** NestJS: `new Logger(Context.name)` from @nestjs/common. */
export const NEST_LOGGER = { module: '@nestjs/common', name: 'Logger' } as const;

/** Members of a request, context or server instance that are loggers. */
export const LOGGER_MEMBERS: ReadonlySet<string> = new Set(['log', 'logger']);

/** Methods that return a logger from a logger (`logger.child({ … })`). */
export const CHILD_METHODS: ReadonlySet<string> = new Set(['child', 'getLogger', 'scope', 'withTag', 'getSubLogger']);
