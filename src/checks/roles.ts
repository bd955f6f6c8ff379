import type { LlmCall, PromptSlot } from '../models/llm/types.js';
import type { Node } from '../syntax/ast.js';
import type { FileAnalysis } from '../dataflow/analysis-types.js';
import { describeCall, describeOrigin } from '../dataflow/describe.js';
import { incomingRequestData, type ParamFilter } from '../dataflow/incoming.js';
import { requestData, union, type RequestDataOrigin, type Taint } from '../dataflow/origin.js';
import { constrainedWhereRead, importedValues, parameterRoleConstrained, roleConstrained, rolesTaint } from '../dataflow/role-constraints.js';

/**
 * Findings of `no-client-controlled-roles`: a list of messages given to an LLM call whose roles
 * the client writes: the list it sent (`messages: body.messages`, spread into the server's own
 * list or not), or a message whose `role` it sent. A list the server builds from its own
 * messages, whose elements only carry request text, is fine; so is a list filtered on its roles,
 * mapped to roles the server writes, or validated by a schema that allows no system role.
 */
export interface RoleFinding {
  readonly call: LlmCall;
  readonly slot: PromptSlot;
  readonly origin: RequestDataOrigin;
}

const cache = new WeakMap<FileAnalysis, RoleFinding[]>();

/** The role of any message of the list (`list[i].role`), read where the list is given to the call. */
function roleTaint(analysis: FileAnalysis, slot: PromptSlot): Taint {
  const accesses = slot.through?.accesses ?? [[]];
  return union(...accesses.map((access) => rolesTaint(analysis, slot.value, access)));
}

/**
 * The request data that chooses the roles of a list: the list or a role itself (not text inside
 * a message the server made), read here or passed in by callers, and not constrained where it is
 * read (`body.history.filter(…)` spread into the server's list).
 */
export function clientRoleOrigin(analysis: FileAnalysis, taint: Taint): RequestDataOrigin | undefined {
  const imported = importedValues(analysis);
  const chosen = (origin: RequestDataOrigin) => !origin.within && !constrainedWhereRead(origin.node, analysis.index, imported);
  return requestData(taint).find(chosen) ?? incomingRequestData(analysis, taint, ROLE_PARAMETERS).find(chosen);
}

/**
 * Callers' parameters that may choose roles: the list itself or a list spread in (not text inside
 * a message written on the way), and not written again by their function filtered on roles.
 */
const ROLE_PARAMETERS: ParamFilter = {
  tag: 'roles',
  follows: (host, param) => !param.within && !parameterRoleConstrained(param.fn, param.index, host.index),
};

export function clientRoleFindings(analysis: FileAnalysis): RoleFinding[] {
  let findings = cache.get(analysis);
  if (findings) return findings;
  findings = [];
  for (const call of analysis.llmCalls) {
    for (const slot of call.slots) {
      if (slot.role !== 'conversation' || slot.through?.elsewhere) continue;
      if (roleConstrained(slot.value, analysis.index, importedValues(analysis))) continue;
      const origin = clientRoleOrigin(analysis, roleTaint(analysis, slot));
      if (origin) findings.push({ call, slot, origin });
    }
  }
  cache.set(analysis, findings);
  return findings;
}

/** Message data: where the roles come from and the call that takes them. */
export function describeRoleFinding(finding: RoleFinding): { source: string; line: string; via: string; api: string } {
  const { source, line, via } = describeOrigin(finding.origin, finding.slot.through?.hops);
  // `body.messages[…].role` reads as the list it is part of.
  const list = (text: string) => text.replace(/\[…\]\.role(?=$| ->)/gu, '');
  return { source: list(source), line, via: list(via), api: finding.slot.through?.call ?? describeCall(finding.call) };
}

/** Whether the client writes the roles of this list (a list spread into the server's own, for the suggestion). */
export function rolesFromClient(analysis: FileAnalysis, list: Node): boolean {
  return !!clientRoleOrigin(analysis, rolesTaint(analysis, list));
}
