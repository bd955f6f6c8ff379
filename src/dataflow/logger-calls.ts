import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { CHILD_METHODS, DEBUG_MODULE, LOG_METHODS, LOGGER_MEMBERS, LOGGER_MODULES, NEST_LOGGER } from '../models/sinks/loggers.js';
import { keyName, stringLiteralValue, unwrap, type Node } from '../syntax/ast.js';
import type { FileAnalysis } from './analysis-types.js';
import { resolveIdentifier } from '../program/linker.js';

/** A call that writes to a log, with the arguments it writes. */
export interface LoggerCall {
  readonly node: TSESTree.CallExpression;
  /** How messages name it: 'console.log', 'logger.info', 'req.log.info', 'debug'. */
  readonly logger: string;
  /** A call to a helper that logs one of its arguments: that argument, and the helpers on the way. */
  readonly through?: { readonly argument: Node; readonly hops: readonly string[]; readonly accesses: readonly (readonly (string | null)[])[] };
}

const MAX_DEPTH = 4;

/** The module a name comes from: `import x from 'm'`, `const x = require('m')`, `const { x } = require('m')`. */
function moduleOf(identifier: TSESTree.Identifier, analysis: FileAnalysis): string | null {
  const def = analysis.index.variableOf(identifier)?.defs[0];
  if (!def) return null;
  if (def.type === 'ImportBinding') return def.parent?.type === T.ImportDeclaration ? def.parent.source.value : null;
  if (def.type === 'Variable' && def.node.type === T.VariableDeclarator && def.node.init) {
    let init = unwrap(def.node.init);
    while (init.type === T.MemberExpression) init = unwrap(init.object);
    if (init.type === T.CallExpression && init.callee.type === T.Identifier && init.callee.name === 'require') {
      return stringLiteralValue(init.arguments[0]);
    }
  }
  return null;
}

function rootIdentifier(node: Node): TSESTree.Identifier | null {
  let current = unwrap(node);
  while (current.type === T.MemberExpression || current.type === T.CallExpression || current.type === T.NewExpression) {
    current = unwrap(current.type === T.MemberExpression ? current.object : current.callee);
  }
  return current.type === T.Identifier ? current : null;
}

class LoggerFinder {
  private readonly nestLogger: boolean;

  constructor(private readonly analysis: FileAnalysis) {
    this.nestLogger = ['@nestjs/common', 'nestjs-pino', ...LOGGER_MODULES].some((m) => analysis.index.moduleNames.has(m));
  }

  /** `pino()`, `winston.createLogger()`, `new Logger()` (NestJS), `logger.child({})`, `require('pino')()`. */
  makesLogger(node: Node, depth: number): boolean {
    const value = unwrap(node.type === T.AwaitExpression ? node.argument : node);
    if (value.type !== T.CallExpression && value.type !== T.NewExpression) return false;
    const callee = unwrap(value.callee);
    if (callee.type === T.MemberExpression && CHILD_METHODS.has(keyName(callee) ?? '') && this.isLogger(callee.object, depth + 1)) return true;
    if (callee.type === T.CallExpression && callee.callee.type === T.Identifier && callee.callee.name === 'require') {
      return LOGGER_MODULES.has(stringLiteralValue(callee.arguments[0]) ?? '');
    }
    const root = rootIdentifier(callee);
    const module = root && moduleOf(root, this.analysis);
    if (module && LOGGER_MODULES.has(module)) return true;
    return value.type === T.NewExpression && callee.type === T.Identifier && callee.name === NEST_LOGGER.name && module === NEST_LOGGER.module;
  }

  /** Whether an expression is a logger object. */
  isLogger(node: Node, depth = 0): boolean {
    if (depth > MAX_DEPTH) return false;
    const value = unwrap(node);
    if (value.type === T.Identifier) {
      const variable = this.analysis.index.variableOf(value);
      if (value.name === 'console' && (!variable || variable.defs.length === 0)) return true;
      if (this.analysis.settings.loggers.includes(value.name)) return true;
      const module = moduleOf(value, this.analysis);
      // `import winston from 'winston'; winston.info(…)`, `import signale from 'signale'`
      if (module && LOGGER_MODULES.has(module) && variable?.defs[0]?.type === 'ImportBinding') return true;
      const def = variable?.defs[0];
      if (def?.type === 'Variable' && def.node.type === T.VariableDeclarator && def.node.id === def.name && def.node.init) {
        return this.makesLogger(def.node.init, depth);
      }
      // `import { logger } from './lib/logger'`: a logger the project makes in another module.
      if (def?.type === 'ImportBinding' || def?.type === 'Variable') return this.importedLogger(value, depth);
      return false;
    }
    if (value.type !== T.MemberExpression) return this.makesLogger(value, depth);
    const key = keyName(value);
    if (key === null) return false;
    const object = unwrap(value.object);
    // `this.logger` in a class with a logger library or NestJS around.
    if (object.type === T.ThisExpression) return LOGGER_MEMBERS.has(key) && this.nestLogger;
    if (this.analysis.settings.loggers.includes(key)) return true;
    // `req.log`, `request.log`, `ctx.log`, `fastify.log`
    return LOGGER_MEMBERS.has(key) && (this.isRequestObject(object) || this.isFastifyInstance(object));
  }

  /** A name bound to another module's value that makes a logger there (`export const logger = pino()`), asked in that module. */
  private importedLogger(identifier: TSESTree.Identifier, depth: number): boolean {
    if (!this.analysis.settings.crossFile) return false;
    const resolved = resolveIdentifier<FileAnalysis>(this.analysis, identifier);
    if (resolved?.kind !== 'value' || resolved.owner === this.analysis) return false;
    return new LoggerFinder(resolved.owner).makesLogger(resolved.node, depth + 1);
  }

  private isRequestObject(node: Node): boolean {
    return this.analysis.engine.taintOf(node).some((origin) => origin.kind === 'request-object');
  }

  private isFastifyInstance(node: Node): boolean {
    if (node.type !== T.Identifier || !this.analysis.index.moduleNames.has('fastify')) return false;
    const def = this.analysis.index.variableOf(node)?.defs[0];
    if (def?.type === 'Parameter') return /^(?:fastify|app|server|instance)$/.test(node.name);
    if (def?.type !== 'Variable' || def.node.type !== T.VariableDeclarator || !def.node.init) return false;
    const root = rootIdentifier(def.node.init);
    return !!root && moduleOf(root, this.analysis) === 'fastify';
  }

  /** `const log = debug('app')`: a function that logs. */
  isDebugFunction(identifier: TSESTree.Identifier): boolean {
    const def = this.analysis.index.variableOf(identifier)?.defs[0];
    if (def?.type !== 'Variable' || def.node.type !== T.VariableDeclarator || !def.node.init) return false;
    const init = unwrap(def.node.init);
    if (init.type !== T.CallExpression) return false;
    const root = rootIdentifier(init.callee);
    if (root && moduleOf(root, this.analysis) === DEBUG_MODULE) return true;
    // `const log = require('debug')('app')`
    const callee = unwrap(init.callee);
    return callee.type === T.CallExpression && callee.callee.type === T.Identifier && callee.callee.name === 'require' && stringLiteralValue(callee.arguments[0]) === DEBUG_MODULE;
  }
}

const cache = new WeakMap<FileAnalysis, LoggerCall[]>();

export function loggerCalls(analysis: FileAnalysis): LoggerCall[] {
  const cached = cache.get(analysis);
  if (cached) return cached;
  const finder = new LoggerFinder(analysis);
  const calls: LoggerCall[] = [];
  for (const call of analysis.index.calls) {
    if (call.arguments.length === 0) continue;
    const callee = unwrap(call.callee);
    if (callee.type === T.MemberExpression) {
      const method = keyName(callee);
      if (method && LOG_METHODS.has(method) && finder.isLogger(callee.object)) {
        calls.push({ node: call, logger: analysis.sourceCode.getText(callee) });
      }
    } else if (callee.type === T.Identifier && finder.isDebugFunction(callee)) {
      calls.push({ node: call, logger: callee.name });
    }
  }
  cache.set(analysis, calls);
  return calls;
}
