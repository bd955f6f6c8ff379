import type { LlmCall, PromptSlot } from '../models/llm/types.js';
import type { FileAnalysis } from '../dataflow/analysis-types.js';
import { describeCall, describeOrigin } from '../dataflow/describe.js';
import { siteTaint } from '../dataflow/effects.js';
import { requestData, type RequestDataOrigin } from '../dataflow/origin.js';
import { hasInstructionText, hasRequestData, promptParts } from '../dataflow/prompt-shape.js';
import { incomingRequestData } from '../dataflow/incoming.js';

/**
 * Findings of the two prompt rules, computed once per file from the LLM calls and the
 * taint engine: request data in a system-side slot (system, developer, instructions, or a
 * model turn the program writes), and flat prompts that mix fixed
 * instructions with request data.
 */
export interface PromptFinding {
  readonly call: LlmCall;
  readonly slot: PromptSlot;
  readonly origin: RequestDataOrigin;
}

/** Message data of a prompt finding: the source, its path (through helpers too) and the SDK call. */
export function describePromptFinding(finding: PromptFinding): { source: string; line: string; via: string; slot: string; api: string } {
  const { source, line, via } = describeOrigin(finding.origin, finding.slot.through?.hops);
  return { source, line, via, slot: finding.slot.label, api: finding.slot.through?.call ?? describeCall(finding.call) };
}

const systemCache = new WeakMap<FileAnalysis, PromptFinding[]>();
const flatCache = new WeakMap<FileAnalysis, PromptFinding[]>();

export function systemSlotFindings(analysis: FileAnalysis): PromptFinding[] {
  let findings = systemCache.get(analysis);
  if (findings) return findings;
  findings = [];
  for (const call of analysis.llmCalls) {
    for (const slot of call.slots) {
      if ((slot.role !== 'system' && slot.role !== 'assistant') || slot.through?.elsewhere) continue;
      const taint = siteTaint(analysis, slot.value, slot.through?.accesses);
      // Request data read here, or passed in by the callers of this file's functions in other modules.
      const origin = requestData(taint)[0] ?? incomingRequestData(analysis, taint)[0];
      if (origin) findings.push({ call, slot, origin });
    }
  }
  systemCache.set(analysis, findings);
  return findings;
}

export function mixedPromptFindings(analysis: FileAnalysis): PromptFinding[] {
  let findings = flatCache.get(analysis);
  if (findings) return findings;
  findings = [];
  const host = analysis.shapeHost;
  for (const call of analysis.llmCalls) {
    for (const slot of call.slots) {
      if (slot.role !== 'prompt' || slot.through?.elsewhere) continue;
      const taint = siteTaint(analysis, slot.value, slot.through?.accesses);
      const origin = requestData(taint)[0];
      if (!origin) {
        // Request data from callers in other modules, in a prompt that mixes it with instructions here.
        const incoming = incomingRequestData(analysis, taint)[0];
        if (incoming && (slot.mixed || hasInstructionText(promptParts(slot.value, host), slot.minInstructionWords))) findings.push({ call, slot, origin: incoming });
        continue;
      }
      // A helper that already wraps its argument in instructions (or a template that does): any request data passed in is mixed.
      if (!slot.through?.mixed && !slot.mixed) {
        const parts = promptParts(slot.value, host);
        if (!hasRequestData(parts) || !hasInstructionText(parts, slot.minInstructionWords)) continue;
      }
      findings.push({ call, slot, origin });
    }
  }
  flatCache.set(analysis, findings);
  return findings;
}
