import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { unwrap, type Node } from '../syntax/ast.js';
import type { RoleFinding } from '../checks/roles.js';
import { constValue } from '../models/llm/extract.js';
import type { FileIndex } from '../syntax/file-index.js';

/** The filter the suggestion adds: only the two roles a client may speak as. */
export const ROLE_FILTER = ".filter((message) => message.role === 'user' || message.role === 'assistant')";

/** Expressions that `.filter(…)` can follow without parentheses. */
const CALLABLE = new Set<string>([T.Identifier, T.MemberExpression, T.CallExpression, T.ThisExpression]);

/**
 * Suggestion of `no-client-controlled-roles`: keep only user and assistant messages of the list
 * the client sent. On an array literal, the lists spread into it that carry the client's roles
 * are filtered (the server's own system message stays). Null for a call to a helper (the list is
 * read there), for langchain messages (they carry no `role`), and where a message's role itself
 * comes from the request.
 */
export function roleFilterFix(
  sourceCode: TSESLint.SourceCode,
  index: FileIndex,
  finding: RoleFinding,
  fromClient: (list: Node) => boolean,
): TSESLint.ReportFixFunction | null {
  const { slot, call } = finding;
  if (slot.through || call.sdk === 'langchain') return null;
  let value = unwrap(slot.value);
  const targets: Node[] = [];
  // `const messages = [{ role: 'system', … }, ...req.body.history]`: filter the spread there, never the server's own message.
  let inList = false;
  if (value.type === T.Identifier) {
    const init = constValue(value, index);
    if (init?.type === T.ArrayExpression) {
      value = init;
      inList = true;
    }
  }
  if (value.type === T.ArrayExpression) {
    for (const element of value.elements) {
      if (element?.type !== T.SpreadElement) continue;
      if (fromClient(element.argument)) targets.push(element.argument);
    }
    if (targets.length === 0) return null;
  } else {
    targets.push(slot.value);
  }
  const property = !inList && slot.report.type === T.Property && slot.report.shorthand ? slot.report : null;
  return (fixer) =>
    targets.map((target) => {
      const text = sourceCode.getText(target);
      // `req.body?.messages` may be undefined: keep it so (`?.filter`).
      const optional = target.type === T.ChainExpression;
      const filtered = optional ? `${text}?${ROLE_FILTER}` : CALLABLE.has(unwrap(target).type) && target === unwrap(target) ? `${text}${ROLE_FILTER}` : `(${text})${ROLE_FILTER}`;
      return property && target === slot.value ? fixer.replaceText(property, `${text}: ${filtered}`) : fixer.replaceText(target, filtered);
    });
}
