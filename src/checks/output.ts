import type { FileAnalysis } from '../dataflow/analysis-types.js';
import { llmOutputs, type LlmOutputOrigin } from '../dataflow/origin.js';
import { sinkHits, type ResponseSink } from './response-sinks.js';
import type { Node } from '../syntax/ast.js';

/** LLM output sent to the client: whole results and raw streams, or unsanitized text. */
export interface OutputFinding {
  readonly sink: ResponseSink;
  readonly origin: LlmOutputOrigin;
  readonly raw: boolean;
  readonly carriers: readonly Node[];
}

const cache = new WeakMap<FileAnalysis, OutputFinding[]>();

const isRaw = (origin: LlmOutputOrigin) => origin.part === 'response' || origin.part === 'stream';

export function outputFindings(analysis: FileAnalysis): OutputFinding[] {
  const cached = cache.get(analysis);
  if (cached) return cached;
  const findings: OutputFinding[] = [];
  // A module of response helpers may be handed output (or prompts) by its importers: asked at its sinks.
  if (analysis.llmCalls.length > 0 || analysis.mayImportLlmValues || analysis.settings.crossFile) {
    for (const { sink, origins, carriers } of sinkHits(analysis, llmOutputs)) {
      const origin = origins.find(isRaw) ?? origins[0];
      findings.push({ sink, origin, raw: isRaw(origin), carriers });
    }
  }
  cache.set(analysis, findings);
  return findings;
}

export { isRaw };
