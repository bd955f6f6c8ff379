import type { Node } from '../syntax/ast.js';
import type { FileAnalysis } from '../dataflow/analysis-types.js';
import { llmOutputs, type LlmOutputOrigin } from '../dataflow/origin.js';
import { helperSinkSites, siteTaint } from '../dataflow/effects.js';
import { incomingOrigins, sinkSeesCaller } from '../dataflow/incoming.js';
import { dangerousSinks, type DangerousSink } from '../dataflow/dangerous-calls.js';

export type { DangerousSink };

export interface DangerFinding {
  readonly sink: DangerousSink;
  readonly origin: LlmOutputOrigin;
  /** The value that carries the output: where the report goes. */
  readonly carrier: Node;
}

const cache = new WeakMap<FileAnalysis, DangerFinding[]>();

/** LLM output (not sanitized) that reaches a dangerous sink. */
export function dangerFindings(analysis: FileAnalysis): DangerFinding[] {
  const cached = cache.get(analysis);
  if (cached) return cached;
  const found: DangerFinding[] = [];
  const own = dangerousSinks(analysis);
  // A module with sinks may be handed LLM output by its importers (reported here, at the sink).
  if (analysis.llmCalls.length > 0 || analysis.mayImportLlmValues || (own.length > 0 && analysis.settings.crossFile)) {
    // Helpers that hand an argument to a sink (`render(html)` setting `innerHTML`) count as that sink at the call,
    // unless the helper's module sees this call and reports the flow at the sink itself.
    const helperSinks: DangerousSink[] = helperSinkSites(analysis).flatMap(({ call, effect, value, accesses }) =>
      effect.sink.kind === 'danger' && (effect.byName || !sinkSeesCaller(analysis.filename, effect.site, effect.hops.length, (file) => analysis.importersOf(file)))
        ? [{ kind: effect.sink.danger, node: call, api: `${effect.sink.api} (${effect.hops.join(' -> ')})`, values: [value], accesses }]
        : [],
    );
    for (const sink of [...own, ...helperSinks]) {
      for (const value of sink.values) {
        const taint = siteTaint(analysis, value, sink.accesses);
        const origins = llmOutputs(taint);
        const incoming = origins.length > 0 || sink.accesses ? [] : llmOutputs(incomingOrigins(analysis, taint)).filter((origin) => !origin.sanitized);
        const origin = origins[0] ?? incoming[0];
        if (origin) {
          found.push({ sink, origin, carrier: value });
          break;
        }
      }
    }
  }
  cache.set(analysis, found);
  return found;
}
