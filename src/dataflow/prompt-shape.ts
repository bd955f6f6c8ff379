import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { unwrap, type FunctionNode, type Node } from '../syntax/ast.js';
import type { FileIndex } from '../syntax/file-index.js';
import { isTainted } from './origin.js';
import { isConstantString } from '../syntax/strings.js';
import type { TaintEngine } from './taint.js';

/**
 * The pieces a prompt string is built from: literal text and interpolated expressions,
 * looked up through local variables and same-file helpers, so a rule can tell "fixed
 * instructions mixed with request data" from "only request data".
 */
export type PromptPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'expression'; readonly node: Node; readonly tainted: boolean; readonly constant: boolean };

/** Bounds: parts collected per prompt, variables followed in a chain, writes per variable. */
const MAX_PARTS = 200;
const MAX_DEPTH = 4;
const MAX_WRITES = 8;

export interface ShapeHost {
  readonly index: FileIndex;
  readonly engine: TaintEngine;
  /** A helper in another module that a call runs, with that module's host. */
  readonly linked?: (call: TSESTree.CallExpression) => { fn: FunctionNode; host: ShapeHost } | null;
}

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

/** The operands of a `+` chain, left to right (long chains nest to the left: no recursion). */
export function plusOperands(root: TSESTree.BinaryExpression): Node[] {
  const operands: Node[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === T.BinaryExpression && node.operator === '+') stack.push(node.right, node.left);
    else operands.push(node);
  }
  return operands;
}

const isBuilt = (node: Node) =>
  node.type === T.TemplateLiteral ||
  node.type === T.TaggedTemplateExpression ||
  (node.type === T.BinaryExpression && node.operator === '+');

/** Literal text of a same-file helper's return values, computed once per helper. */
const helperTextCache = new WeakMap<FileIndex, Map<FunctionNode, PromptPart[]>>();

function helperText(helper: FunctionNode, host: ShapeHost): PromptPart[] {
  let cache = helperTextCache.get(host.index);
  if (!cache) {
    cache = new Map();
    helperTextCache.set(host.index, cache);
  }
  const cached = cache.get(helper);
  if (cached) return cached;
  cache.set(helper, []); // recursion answers "no text"
  const text: PromptPart[] = [];
  for (const returned of host.index.returns.get(helper) ?? []) {
    // Only returns that wrap what the helper is given: `return 'Ask me anything.'` is a fallback, not a frame.
    if (!host.engine.taintOf(returned).some((origin) => origin.kind === 'param' || origin.kind === 'request')) continue;
    for (const part of collect(returned, host, MAX_DEPTH - 1)) if (part.kind === 'text') text.push(part);
  }
  cache.set(helper, text);
  return text;
}

function collect(node: Node, host: ShapeHost, startDepth: number): PromptPart[] {
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
      for (const operand of plusOperands(value)) visit(operand, depth);
      return;
    }
    if (value.type === T.Literal && typeof value.value === 'string') {
      parts.push({ kind: 'text', text: value.value });
      return;
    }
    // `buildPrompt(req.body.topic)`: the helper's own literal text counts as instructions.
    if (value.type === T.CallExpression && depth < MAX_DEPTH) {
      const helper = value.callee.type === T.Identifier ? host.index.functionOf(value.callee) : null;
      const linked = helper ? null : host.linked?.(value);
      if (helper) parts.push(...helperText(helper, host));
      else if (linked) parts.push(...helperText(linked.fn, linked.host));
    }
    if (value.type === T.Identifier && depth < MAX_DEPTH) {
      const bound = boundValues(value, host.index).map((n) => unwrap(n));
      // A prompt written in one piece, assembled over several statements, or built by a helper.
      if ((bound.length === 1 && (isBuilt(bound[0]) || bound[0].type === T.CallExpression)) || bound.length > 1) {
        for (const inner of bound) visit(inner, depth + 1);
        return;
      }
    }
    parts.push({
      kind: 'expression',
      node: value,
      tainted: isTainted(host.engine.taintOf(value)),
      constant: isConstantString(value, host.index),
    });
  };
  visit(node, startDepth);
  return parts;
}

export function promptParts(node: Node, host: ShapeHost): PromptPart[] {
  return collect(node, host, 0);
}

const WORD = /\p{L}{2,}/gu;

function words(parts: readonly PromptPart[]): number {
  let count = 0;
  for (const part of parts) {
    if (part.kind === 'text') count += part.text.match(WORD)?.length ?? 0;
    else if (!part.tainted && part.constant) count += 3;
  }
  return count;
}

/**
 * Fixed instruction text: literal words, or a constant string such as `${SYSTEM_PROMPT}`.
 * `minWords` raises the bar where a short label is normal (`Question: ${q}` in a user message).
 */
export function hasInstructionText(parts: readonly PromptPart[], minWords = 1): boolean {
  return words(parts) >= minWords;
}

export function hasRequestData(parts: readonly PromptPart[]): boolean {
  return parts.some((part) => part.kind === 'expression' && part.tainted);
}
