import type { FileAnalysis } from './file-analysis.js';
import { promptValues, type PromptOrigin } from './origin.js';
import { responseSinks, type ResponseSink } from './response-sinks.js';
import type { Node } from './ast.js';

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
  if (analysis.llmCalls.length > 0) {
    for (const sink of responseSinks(analysis)) {
      const carriers: Node[] = [];
      let origin: PromptOrigin | undefined;
      for (const payload of sink.payload) {
        const prompts = promptValues(analysis.engine.taintOf(payload));
        if (prompts.length === 0) continue;
        origin ??= prompts.find((p) => p.what === 'system prompt') ?? prompts[0];
        carriers.push(payload);
      }
      if (origin) found.push({ sink, origin, carriers });
    }
  }
  cache.set(analysis, found);
  return found;
}
