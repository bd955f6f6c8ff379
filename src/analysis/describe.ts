import type { LlmCall } from '../models/llm/types.js';
import type { Node } from './ast.js';

/** Message data shared by rules: the source, its line, the path it took, the SDK call. */
export interface OriginDescription {
  readonly source: string;
  readonly line: string;
  readonly via: string;
}

const MAX_SOURCE_LENGTH = 60;

/** Source text on one line, cut to `max` characters, for a message. */
export function shorten(text: string, max = MAX_SOURCE_LENGTH): string {
  const flat = text.replace(/\s+/gu, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Any origin that names a source: request data, errors, prompts, LLM output, secrets. */
type Described = { readonly node: Node; readonly text: string; readonly steps: readonly string[] };

export function describeOrigin(origin: Described): OriginDescription {
  return {
    source: shorten(origin.text),
    line: String(origin.node.loc.start.line),
    via: origin.steps.length > 0 ? ` via ${origin.steps.join(' -> ')}` : '',
  };
}

export function describeCall(call: LlmCall): string {
  return call.sdk === 'wrapper' ? `${call.api}()` : `${call.sdk} ${call.api}`;
}
