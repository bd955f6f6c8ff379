import { DEV_ONLY_MIDDLEWARE } from '../models/errors.js';
import { calleeName, unwrap, type Node } from '../syntax/ast.js';
import { catchRuledOut } from '../dataflow/catch-flags.js';
import { guardedForErrors, onlyInDevelopment } from '../dataflow/env-guard.js';
import { ownErrorChecked } from '../dataflow/own-errors.js';
import type { FileAnalysis } from '../dataflow/analysis-types.js';
import { errorDetails, type ErrorOrigin } from '../dataflow/origin.js';
import { sinkHits, type ResponseSink } from './response-sinks.js';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';

/**
 * Error details (stacks, messages, error objects) that reach a response, and development-only
 * error middleware mounted without a development guard.
 */
export interface ErrorFinding {
  readonly sink: ResponseSink;
  /** The most revealing detail sent: a stack before an object before a message. */
  readonly origin: ErrorOrigin;
  /** Every payload expression that carries error details. */
  readonly carriers: readonly Node[];
}

const SEVERITY: Readonly<Record<ErrorOrigin['part'], number>> = { stack: 3, object: 2, message: 1 };

const cache = new WeakMap<FileAnalysis, ErrorFinding[]>();

export function errorFindings(analysis: FileAnalysis): ErrorFinding[] {
  const cached = cache.get(analysis);
  if (cached) return cached;
  const findings: ErrorFinding[] = [];
  for (const { sink, origins: all, carriers } of sinkHits(analysis, errorDetails)) {
    if (guardedForErrors(sink.node, analysis.engine.guards)) continue;
    // `if (healthy) res.json(results)`: a flag that the error's catch clause clears says it never ran.
    // `if (error.code === 'DAILY_LIMIT_REACHED')`: a code the project's own error classes set says the message is the project's.
    const origins = all.filter((origin) => !catchRuledOut(origin, sink.node, analysis) && !(origin.part === 'message' && ownErrorChecked(origin, sink.node, carriers, analysis)));
    if (origins.length === 0) continue;
    const origin = origins.reduce((worst, o) => (SEVERITY[o.part] > SEVERITY[worst.part] ? o : worst));
    findings.push({ sink, origin, carriers });
  }
  cache.set(analysis, findings);
  return findings;
}

/** `app.use(errorhandler())` outside a development guard. */
export function devOnlyMiddleware(analysis: FileAnalysis): Node[] {
  const found: Node[] = [];
  if (![...DEV_ONLY_MIDDLEWARE].some((name) => analysis.index.moduleNames.has(name))) return found;
  for (const call of analysis.index.calls) {
    const name = calleeName(call);
    if (name !== 'use') continue;
    for (const argument of call.arguments) {
      const value = unwrap(argument);
      if (value.type !== T.CallExpression || value.callee.type !== T.Identifier) continue;
      const variable = analysis.index.variableOf(value.callee);
      const def = variable?.defs[0];
      const source =
        def?.type === 'ImportBinding' && def.parent?.type === T.ImportDeclaration
          ? def.parent.source.value
          : def?.type === 'Variable' && def.node.type === T.VariableDeclarator && def.node.init?.type === T.CallExpression
            ? (def.node.init.arguments[0] as { value?: unknown } | undefined)?.value
            : undefined;
      if (typeof source === 'string' && DEV_ONLY_MIDDLEWARE.has(source) && !onlyInDevelopment(call, analysis.engine.guards)) found.push(value);
    }
  }
  return found;
}
