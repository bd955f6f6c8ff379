import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import {
  CHILD_PROCESS_MODULES, EVAL_FUNCTIONS, FS_METHODS, FS_MODULES, HTML_METHODS, HTML_PROPERTIES, RAW_SQL_METHODS,
  REDIRECT_METHODS, RESPONSE_FILE_METHODS, SHELL_METHODS, SHELL_OPTION_METHODS, SQL_CLIENT_MEMBERS, SQL_METHODS, SQL_MODULES, VM_METHODS,
  VM_MODULES, type DangerKind,
} from '../models/sinks/dangerous.js';
import { calleeName, findProperty, keyName, unwrap, type Node } from '../syntax/ast.js';
import type { FileAnalysis } from './analysis-types.js';
import type { FileIndex } from '../syntax/file-index.js';
import { constValue } from '../models/llm/extract.js';

/**
 * A place where a string becomes code, markup, a query, a command, a location or a path. Found
 * here; whether LLM output reaches one is asked in checks/dangerous-sinks.ts.
 */
export interface DangerousSink {
  readonly kind: DangerKind;
  /** The call, the assignment or the attribute. */
  readonly node: Node;
  /** As messages name it: `eval`, `innerHTML`, `exec`, `res.redirect`. */
  readonly api: string;
  /** The values that are interpreted. */
  readonly values: readonly Node[];
  /** For a call to a helper that hands its argument to the sink: the member paths it reads from it. */
  readonly accesses?: readonly (readonly (string | null)[])[];
}


function hasAny(names: ReadonlySet<string>, wanted: Iterable<string>): boolean {
  for (const name of wanted) if (names.has(name)) return true;
  return false;
}

const SQL_START = /^\s*(?:select|insert|update|delete|with|create|drop|alter|pragma|replace|merge|truncate|call|exec)\b/i;

/** The leftmost text of a template or `+` chain. */
function leadingText(node: Node): string | null {
  const value = unwrap(node);
  if (value.type === T.TemplateLiteral) return value.quasis[0].value.cooked ?? null;
  if (value.type === T.Literal) return typeof value.value === 'string' ? value.value : null;
  if (value.type === T.BinaryExpression && value.operator === '+') return leadingText(value.left);
  return null;
}

/**
 * A query built from pieces: a template with expressions or a `+` chain that starts like SQL
 * (`cache.get(\`chat:${id}\`)` does not). A literal with bound values is safe.
 */
function isBuiltQuery(node: Node | undefined): boolean {
  if (!node) return false;
  const value = unwrap(node);
  const built = (value.type === T.TemplateLiteral && value.expressions.length > 0) || (value.type === T.BinaryExpression && value.operator === '+');
  return built && SQL_START.test(leadingText(value) ?? '');
}

/**
 * A query held in a name (`pool.query(sql)`, `dataSource.query(statement.text)`): whatever the
 * name holds is the query; of a query config object, its `text`. A literal query with bound values is none.
 */
function queryHeld(node: Node | undefined, index: FileIndex): Node | null {
  if (!node || node.type === T.SpreadElement) return null;
  const value = unwrap(node);
  if (value.type !== T.Identifier && (value.type !== T.MemberExpression || value.computed)) return null;
  // `const query = { text: 'SELECT … $1', values: [x] }`: the query is its text; the values are bound.
  const held = value.type === T.Identifier ? constValue(value, index) : null;
  if (held?.type === T.ObjectExpression) return findProperty(held, 'text')?.value ?? findProperty(held, 'sql')?.value ?? null;
  return value;
}

/** `app.pg.query(…)`, `fastify.mysql.query(…)`: a client a database plugin put on the app. */
function onSqlClient(callee: TSESTree.MemberExpression): boolean {
  const object = unwrap(callee.object);
  return object.type === T.MemberExpression && SQL_CLIENT_MEMBERS.has(keyName(object) ?? '');
}

function shellOption(call: TSESTree.CallExpression): boolean {
  return call.arguments.some((arg) => {
    const value = unwrap(arg);
    if (value.type !== T.ObjectExpression) return false;
    const shell = findProperty(value, 'shell');
    return shell !== null && !(shell.value.type === T.Literal && shell.value.value === false);
  });
}

/** `exec(…)` as imported, or `cp.exec(…)` / `child_process.exec(…)`; never `/re/.exec(…)` or `pattern.exec(…)`. */
function isProcessCall(callee: Node): boolean {
  if (callee.type === T.Identifier) return true;
  return callee.type === T.MemberExpression && callee.object.type === T.Identifier && /^(?:cp|child_?process|childProcess|execa)$/i.test(callee.object.name);
}

function apiName(call: TSESTree.CallExpression | TSESTree.NewExpression, method: string): string {
  const callee = unwrap(call.callee);
  if (callee.type === T.MemberExpression && callee.object.type === T.Identifier) return `${callee.object.name}.${method}`;
  return method;
}

function callSink(call: TSESTree.CallExpression | TSESTree.NewExpression, modules: ReadonlySet<string>, index: FileIndex): DangerousSink | null {
  const method = calleeName(call);
  if (method === null) return null;
  const args = call.arguments;
  const api = apiName(call, method);
  const sink = (kind: DangerKind, values: readonly (Node | undefined)[]): DangerousSink | null => {
    const present = values.filter((v): v is Node => v !== undefined && v.type !== T.SpreadElement);
    return present.length > 0 ? { kind, node: call, api, values: present } : null;
  };
  const callee = unwrap(call.callee);
  if (callee.type === T.Identifier && EVAL_FUNCTIONS.has(method)) return sink('code', method === 'eval' ? [args[0]] : args);
  if (callee.type === T.Identifier && method === 'require' && args[0] && unwrap(args[0]).type !== T.Literal) return sink('module path', [args[0]]);
  if (VM_METHODS.has(method) && hasAny(modules, VM_MODULES)) return sink('code', [args[0]]);
  if (call.type === T.NewExpression) return null;
  const processCall = isProcessCall(callee) && hasAny(modules, CHILD_PROCESS_MODULES);
  if (SHELL_METHODS.has(method) && processCall) return sink('shell command', [args[0]]);
  if (SHELL_OPTION_METHODS.has(method) && processCall && shellOption(call)) return sink('shell command', [args[0], args[1]]);
  const htmlArg = HTML_METHODS.get(method);
  if (htmlArg !== undefined && callee.type === T.MemberExpression) {
    // `document.write` and `el.insertAdjacentHTML`; a stream's `write` is not markup.
    const isDocument = callee.object.type === T.Identifier && callee.object.name === 'document';
    if (method === 'insertAdjacentHTML' || method === 'setHTMLUnsafe' || isDocument) return sink('HTML', [args[htmlArg]]);
  }
  if (RAW_SQL_METHODS.has(method) && callee.type === T.MemberExpression && (method.startsWith('$') || hasAny(modules, SQL_MODULES))) return sink('SQL', [args[0]]);
  if (SQL_METHODS.has(method) && callee.type === T.MemberExpression && (hasAny(modules, SQL_MODULES) || onSqlClient(callee))) {
    if (isBuiltQuery(args[0])) return sink('SQL', [args[0]]);
    const held = queryHeld(args[0], index);
    if (held) return sink('SQL', [held]);
  }
  if (REDIRECT_METHODS.has(method)) return sink('redirect', [args[args.length - 1]]);
  if (FS_METHODS.has(method) && hasAny(modules, FS_MODULES)) return sink('file path', [args[0]]);
  if (RESPONSE_FILE_METHODS.has(method) && callee.type === T.MemberExpression) return sink('file path', [args[0]]);
  return null;
}

const sinksCache = new WeakMap<FileAnalysis, DangerousSink[]>();

/** Every dangerous sink of the file, found from the index in one pass over its lists (once per file). */
export function dangerousSinks(analysis: FileAnalysis): DangerousSink[] {
  const cached = sinksCache.get(analysis);
  if (cached) return cached;
  const { index } = analysis;
  const sinks: DangerousSink[] = [];
  sinksCache.set(analysis, sinks);
  for (const call of [...index.calls, ...index.news]) {
    const sink = callSink(call, index.moduleNames, index);
    if (sink) sinks.push(sink);
  }
  for (const assignment of index.assignments) {
    const target = assignment.left;
    const name = target.type === T.MemberExpression ? keyName(target) : null;
    if (name !== null && HTML_PROPERTIES.has(name) && (assignment.operator === '=' || assignment.operator === '+=')) {
      sinks.push({ kind: 'HTML', node: assignment, api: name, values: [assignment.right] });
    }
  }
  for (const attribute of index.htmlAttributes) {
    const container = attribute.value;
    if (container?.type !== T.JSXExpressionContainer || container.expression.type === T.JSXEmptyExpression) continue;
    const value = unwrap(container.expression);
    // `{{ __html: text }}`: the text; any other expression: the whole value.
    const html = value.type === T.ObjectExpression ? findProperty(value, '__html')?.value : value;
    if (html) sinks.push({ kind: 'HTML', node: attribute, api: 'dangerouslySetInnerHTML', values: [html] });
  }
  for (const expression of index.dynamicImports) {
    if (unwrap(expression.source).type !== T.Literal) sinks.push({ kind: 'module path', node: expression, api: 'import()', values: [expression.source] });
  }
  return sinks;
}

