import type { FileAnalysis } from '../dataflow/analysis-types.js';
import { promptValues, type PromptOrigin } from '../dataflow/origin.js';
import { sinkHits, type ResponseSink } from './response-sinks.js';
import type { Node } from '../syntax/ast.js';

/** A system prompt or a messages list of an LLM call that a response sends to the client. */
export interface PromptExposure {
  readonly sink: ResponseSink;
  readonly origin: PromptOrigin;
  /** The payload expressions that carry it. */
  readonly carriers: readonly Node[];
}

const cache = new WeakMap<FileAnalysis, PromptExposure[]>();

export function promptExposures(analysis: FileAnalysis): PromptExposure[] {
  const cached = cache.get(analysis);
  if (cached) return cached;
  const found: PromptExposure[] = [];
  // Only files with LLM calls can hold their prompts.
  // A module of response helpers may be handed output (or prompts) by its importers: asked at its sinks.
  if (analysis.llmCalls.length > 0 || analysis.mayImportLlmValues || analysis.settings.crossFile) {
    for (const { sink, origins, carriers } of sinkHits(analysis, promptValues)) {
      found.push({ sink, origin: origins.find((p) => p.what === 'system prompt') ?? origins[0], carriers });
    }
  }
  cache.set(analysis, found);
  return found;
}
