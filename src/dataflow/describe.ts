import type { LlmCall } from '../models/llm/types.js';
import type { Node } from '../syntax/ast.js';

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
type Described = {
  readonly node: Node;
  readonly text: string;
  readonly steps: readonly string[];
  /** For an origin in another module: its line and file ('11 of src/relay.ts'). */
  readonly place?: string;
};

/** `hops`: the helpers a value went through after the origin's own steps (cross-file wrappers). */
export function describeOrigin(origin: Described, hops: readonly string[] = []): OriginDescription {
  const steps = hops.length > 0 ? [...origin.steps, ...hops] : origin.steps;
  return {
    source: shorten(origin.text),
    line: origin.place ?? String(origin.node.loc.start.line),
    via: steps.length > 0 ? ` via ${steps.join(' -> ')}` : '',
  };
}

/** How messages name an LLM call; a call to your own helper is named by the SDK call it makes. */
export function describeCall(call: LlmCall): string {
  const hops = call.slots[0]?.through?.hops;
  if (call.sdk === 'helper') return hops && hops.length > 0 ? `${call.api} via ${hops.join(' -> ')}` : call.api;
  return call.sdk === 'wrapper' ? `${call.api}()` : `${call.sdk} ${call.api}`;
}
