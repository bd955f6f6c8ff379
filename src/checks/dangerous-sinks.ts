import type { Node } from '../syntax/ast.js';
import type { FileAnalysis } from '../dataflow/analysis-types.js';
import { llmOutputs, type LlmOutputOrigin } from '../dataflow/origin.js';
import { helperSinkSites, siteTaint } from '../dataflow/effects.js';
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
  if (analysis.llmCalls.length > 0 || analysis.mayImportLlmValues) {
    // Helpers that hand an argument to a sink (`render(html)` setting `innerHTML`) count as that sink at the call.
    const helperSinks: DangerousSink[] = helperSinkSites(analysis).flatMap(({ call, effect, value, accesses }) =>
      effect.sink.kind === 'danger' ? [{ kind: effect.sink.danger, node: call, api: `${effect.sink.api} (${effect.hops.join(' -> ')})`, values: [value], accesses }] : [],
    );
    for (const sink of [...dangerousSinks(analysis), ...helperSinks]) {
      for (const value of sink.values) {
        const origins = llmOutputs(siteTaint(analysis, value, sink.accesses));
        if (origins.length > 0) {
          found.push({ sink, origin: origins[0], carrier: value });
          break;
        }
      }
    }
  }
  cache.set(analysis, found);
  return found;
}
