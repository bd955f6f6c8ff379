import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { LimitModel } from '../models/llm/limits.js';
import type { LlmCall } from '../models/llm/types.js';
import { unwrap, type Node } from '../syntax/ast.js';
import type { FileAnalysis } from '../dataflow/analysis-types.js';
import { requestData, union, type RequestDataOrigin } from '../dataflow/origin.js';
import { siteTaint } from '../dataflow/effects.js';
import { incomingRequestData } from '../dataflow/incoming.js';
import { methodName, missingLimit } from '../dataflow/llm-limits.js';

export { limitOption } from '../dataflow/llm-limits.js';

/** An LLM call that runs on request data and sets no output limit. */
export interface LimitFinding {
  readonly call: LlmCall;
  /** The called method's name (`create`, `generateText`, `invoke`). */
  readonly report: Node;
  readonly origin: RequestDataOrigin;
  /** The SDK's limits, or null for langchain (the limit belongs on the model's constructor). */
  readonly limit: LimitModel | null;
  /** For a call to a helper: the option its SDK call lacks (the fix belongs in the helper). */
  readonly option?: string;
  /** For a call to a helper: how messages name the SDK call that lacks it ('google generateContent via ask()'). */
  readonly api?: string;
}

const cache = new WeakMap<FileAnalysis, LimitFinding[]>();

export function unboundedCalls(analysis: FileAnalysis): LimitFinding[] {
  const cached = cache.get(analysis);
  if (cached) return cached;
  const findings: LimitFinding[] = [];
  for (const call of analysis.llmCalls) {
    if (call.sdk === 'helper') {
      // A helper whose SDK call sets no limit, given request data for its prompt.
      const slot = call.slots.find((s) => s.through?.unbounded !== undefined && !s.through.elsewhere && requestData(siteTaint(analysis, s.value, s.through?.accesses)).length > 0);
      const origin = slot && requestData(siteTaint(analysis, slot.value, slot.through?.accesses))[0];
      const through = slot?.through;
      if (through && origin) findings.push({ call, report: methodName(call), origin, limit: null, option: through.unbounded, api: through.hops.length > 0 ? `${through.call} via ${through.hops.join(' -> ')}` : through.call });
      continue;
    }
    const limit = missingLimit(analysis, call);
    if (limit === undefined) continue;
    const taint = union(...call.node.arguments.map((a) => analysis.engine.taintOf(a)));
    const origin = requestData(taint)[0] ?? incomingRequestData(analysis, taint)[0];
    if (origin) findings.push({ call, report: methodName(call), origin, limit });
  }
  cache.set(analysis, findings);
  return findings;
}

/** The inline options object of a call (the argument its limit model names), where a suggestion can add the limit. */
export function inlineOptionsOf(call: LlmCall, limit?: LimitModel | null): TSESTree.ObjectExpression | null {
  const first = call.node.arguments[limit?.position ?? 0];
  const value = first && unwrap(first);
  return value?.type === T.ObjectExpression ? value : null;
}

