import { getStaticValue } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { unwrap, type Node } from './ast.js';
import type { FileIndex } from './file-index.js';
import { isTainted } from './origin.js';
import type { TaintEngine } from './taint.js';

/**
 * The pieces a prompt string is built from: literal text and interpolated expressions,
 * looked up through `const` bindings, so a rule can tell "fixed instructions mixed with
 * request data" from "only request data".
 */
export type PromptPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'expression'; readonly node: Node; readonly tainted: boolean; readonly constant: boolean };

const MAX_PARTS = 200;
const MAX_DEPTH = 4;

export interface ShapeHost {
  readonly index: FileIndex;
  readonly engine: TaintEngine;
  readonly sourceCode: TSESLint.SourceCode;
}

function isConstantString(node: Node, host: ShapeHost): boolean {
  const value = unwrap(node);
  if (value.type === T.Literal) return typeof value.value === 'string';
  try {
    const result = getStaticValue(value as never, host.sourceCode.getScope(value) as never);
    return !!result && typeof result.value === 'string';
  } catch {
    return false;
  }
}

const MAX_WRITES = 8;

/**
 * The values a local string variable is built from: its initializer and what is assigned or
 * appended to it later (`let p = 'You are …'; p += req.body.x`). Empty when the variable is
 * written in any other way (destructuring, a loop, a parameter).
 */
function boundValues(identifier: TSESTree.Identifier, index: FileIndex): Node[] {
  const variable = index.variableOf(identifier);
  if (!variable || variable.defs.length !== 1) return [];
  const def = variable.defs[0];
  if (def.type !== 'Variable' || def.node.type !== T.VariableDeclarator || def.node.id !== def.name) return [];
  const values: Node[] = [];
  for (const reference of variable.references) {
    if (!reference.isWrite()) continue;
    const parent = reference.identifier.parent;
    if (parent?.type === T.VariableDeclarator && parent.init) values.push(parent.init);
    else if (parent?.type === T.AssignmentExpression && (parent.operator === '=' || parent.operator === '+=')) values.push(parent.right);
    else return [];
  }
  return values.length <= MAX_WRITES ? values : [];
}

/** The operands of a `+` chain, left to right. */
export function plusOperands(root: TSESTree.BinaryExpression): Node[] {
  const operands: Node[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === T.BinaryExpression && node.operator === '+') {
      stack.push(node.right, node.left);
    } else {
      operands.push(node);
    }
  }
  return operands;
}

export function promptParts(node: Node, host: ShapeHost, startDepth = 0): PromptPart[] {
  const parts: PromptPart[] = [];
  const visit = (current: Node, depth: number): void => {
    if (parts.length > MAX_PARTS) return;
    const value = unwrap(current);
    if (value.type === T.TemplateLiteral) {
      value.quasis.forEach((quasi, i) => {
        parts.push({ kind: 'text', text: quasi.value.cooked ?? quasi.value.raw });
        if (i < value.expressions.length) visit(value.expressions[i], depth);
      });
      return;
    }
    if (value.type === T.TaggedTemplateExpression) {
      visit(value.quasi, depth);
      return;
    }
    if (value.type === T.BinaryExpression && value.operator === '+') {
      // Long `a + b + c + …` chains nest to the left: walk them without recursion.
      for (const operand of plusOperands(value)) visit(operand, depth);
      return;
    }
    if (value.type === T.Literal && typeof value.value === 'string') {
      parts.push({ kind: 'text', text: value.value });
      return;
    }
    // `buildPrompt(req.body.topic)`: the helper's own literal text counts as instructions.
    if (value.type === T.CallExpression && value.callee.type === T.Identifier && depth < MAX_DEPTH) {
      const helper = host.index.functionOf(value.callee);
      for (const returned of (helper && host.index.returns.get(helper)) ?? []) {
        for (const part of promptParts(returned, host, depth + 1)) if (part.kind === 'text') parts.push(part);
      }
    }
    if (value.type === T.Identifier && depth < MAX_DEPTH) {
      const bound = boundValues(value, host.index).map((node) => unwrap(node));
      const built =
        bound.length === 1 &&
        (bound[0].type === T.TemplateLiteral ||
          bound[0].type === T.TaggedTemplateExpression ||
          (bound[0].type === T.BinaryExpression && bound[0].operator === '+'));
      // A prompt written in one piece, or assembled over several statements.
      if (built || bound.length > 1) {
        for (const inner of bound) visit(inner, depth + 1);
        return;
      }
    }
    parts.push({
      kind: 'expression',
      node: value,
      tainted: isTainted(host.engine.taintOf(value)),
      constant: isConstantString(value, host),
    });
  };
  visit(node, startDepth);
  return parts;
}

const HAS_WORD = /\p{L}{2,}/u;

/** Fixed instruction text: literal words, or a constant string such as `${SYSTEM_PROMPT}`. */
export function hasInstructionText(parts: readonly PromptPart[]): boolean {
  return parts.some((part) => (part.kind === 'text' ? HAS_WORD.test(part.text) : !part.tainted && part.constant));
}

export function hasRequestData(parts: readonly PromptPart[]): boolean {
  return parts.some((part) => part.kind === 'expression' && part.tainted);
}
