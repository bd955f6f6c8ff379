/**
 * Places where text becomes code, markup, a query, a command, a location or a path. LLM
 * output that reaches them lets whoever steers the model (through the prompt, a retrieved
 * document, a tool result) act with the server's or the page's rights.
 */
export type DangerKind = 'code' | 'shell command' | 'HTML' | 'SQL' | 'redirect' | 'file path' | 'module path';

/** Functions that run their first argument as code. */
export const EVAL_FUNCTIONS = new Set(['eval', 'Function']);

/** `vm` functions and their code argument. */
export const VM_METHODS = new Set(['runInNewContext', 'runInThisContext', 'runInContext', 'compileFunction', 'Script']);
export const VM_MODULES = new Set(['vm', 'node:vm']);

/** `child_process` functions that hand their first argument to a shell. */
export const SHELL_METHODS = new Set(['exec', 'execSync']);
/** Functions that use a shell only with `{ shell: true }`. */
export const SHELL_OPTION_METHODS = new Set(['spawn', 'spawnSync', 'execFile', 'execFileSync']);
export const CHILD_PROCESS_MODULES = new Set(['child_process', 'node:child_process', 'execa']);

/** DOM writes of markup. */
export const HTML_PROPERTIES = new Set(['innerHTML', 'outerHTML']);
export const HTML_METHODS: ReadonlyMap<string, number> = new Map([
  ['insertAdjacentHTML', 1],
  ['write', 0],
  ['writeln', 0],
  ['setHTMLUnsafe', 0],
]);

/** Query functions that never bind parameters: the string is the query. */
export const RAW_SQL_METHODS = new Set(['$queryRawUnsafe', '$executeRawUnsafe', 'raw', 'unsafe']);
/** Query functions that are safe with a literal query and bound values, unsafe with a built string. */
export const SQL_METHODS = new Set(['query', 'execute', 'exec', 'run', 'all', 'get', 'prepare']);
export const SQL_MODULES = [
  'pg', 'mysql', 'mysql2', 'mysql2/promise', 'sqlite3', 'better-sqlite3', 'sequelize', 'knex', '@prisma/client', 'postgres',
  '@neondatabase/serverless', '@vercel/postgres', 'drizzle-orm', 'typeorm', 'mssql', 'oracledb', '@fastify/postgres', '@fastify/mysql',
];
/** Members that hold a database client whatever the file imports: `app.pg.query(sql)` of @fastify/postgres, `fastify.mysql`. */
export const SQL_CLIENT_MEMBERS = new Set(['pg', 'mysql']);

export const REDIRECT_METHODS = new Set(['redirect', 'permanentRedirect']);

/** `fs` functions whose first argument is a path. */
export const FS_METHODS = new Set([
  'readFile', 'readFileSync', 'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createReadStream',
  'createWriteStream', 'unlink', 'unlinkSync', 'rm', 'rmSync', 'open', 'openSync', 'readdir', 'readdirSync',
  'mkdir', 'mkdirSync', 'copyFile', 'copyFileSync', 'rename', 'renameSync',
]);
/** Response methods whose first argument is a server path: `res.sendFile(path)`. */
export const RESPONSE_FILE_METHODS = new Set(['sendFile', 'download']);
export const FS_MODULES = new Set(['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'fs-extra']);
