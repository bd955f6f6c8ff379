import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { LlmCall, PromptSlot } from '../models/llm/types.js';
import type { FileAnalysis } from '../dataflow/analysis-types.js';
import { describeCall, describeOrigin } from '../dataflow/describe.js';
import { siteTaint } from '../dataflow/effects.js';
import { incomingOrigins } from '../dataflow/incoming.js';
import { redacted, type Origin, type SecretOrigin, type Taint } from '../dataflow/origin.js';
import { findKey, isPlaceholder, maskKey } from '../models/key-patterns.js';
import { CREDENTIAL_URL } from '../models/secrets.js';
import { unwrap, type Node } from '../syntax/ast.js';
import { singleInit } from '../syntax/strings.js';

/**
 * Findings of `no-secrets-in-prompt`: a secret written into a prompt slot of an LLM call (the
 * system side, a user message, a flat prompt, a model turn the program writes). What the model
 * reads, prompt extraction hands to whoever asks. A secret is what the engine follows as one
 * (`process.env.STRIPE_SECRET_KEY`, `DATABASE_URL`, `config.apiKey`, `user.password`), or a
 * literal in the prompt text: a provider key (`sk-…`) or a connection string with a password.
 * A key's length, a flag of whether it is set, or a masked prefix is no secret; neither is a
 * credential that the client itself sent in this request (`req.body.password`).
 */
export type SecretInPrompt =
  | { readonly kind: 'origin'; readonly origin: SecretOrigin }
  | { readonly kind: 'literal'; readonly node: TSESTree.StringLiteral | TSESTree.TemplateLiteral; readonly what: string; readonly masked: string };

export interface PromptSecretFinding {
  readonly call: LlmCall;
  readonly slot: PromptSlot;
  readonly secret: SecretInPrompt;
}

/** Slots whose text the model reads: a whole message list (`conversation`) is only a list, its messages are slots of their own. */
const TEXT_SLOTS = new Set<PromptSlot['role']>(['system', 'user', 'prompt', 'assistant']);

/** Variables followed to the literal they hold, and literals read per slot. */
const MAX_DEPTH = 4;
const MAX_LITERALS = 64;

/**
 * The same read is request data too: a credential the client sent in this request (`req.body.password`,
 * `const { apiKey } = req.body`). The client learns nothing from its own value.
 */
function sentByClient(secret: SecretOrigin, taint: Taint): boolean {
  const name = secret.text.split('.').at(-1) ?? secret.text;
  return taint.some(
    (origin) =>
      origin.kind === 'request' &&
      (origin.node === secret.node || origin.text.endsWith(`.${name}`) || origin.text.endsWith(`['${name}']`) || origin.text.endsWith(`["${name}"]`)),
  );
}

function secretOrigins(taint: Taint): SecretOrigin[] {
  return taint.filter((origin: Origin): origin is SecretOrigin => origin.kind === 'secret' && !redacted(origin) && !sentByClient(origin, taint));
}

/** String literals and template texts that a slot's value is built from, through `const` variables. */
function literalsOf(value: Node, analysis: FileAnalysis): (TSESTree.StringLiteral | TSESTree.TemplateLiteral)[] {
  const found: (TSESTree.StringLiteral | TSESTree.TemplateLiteral)[] = [];
  const seen = new Set<Node>();
  const visit = (current: Node | null | undefined, depth: number): void => {
    if (!current || found.length >= MAX_LITERALS || depth > MAX_DEPTH) return;
    const node = unwrap(current);
    if (seen.has(node)) return;
    seen.add(node);
    switch (node.type) {
      case T.Literal:
        if (typeof node.value === 'string') found.push(node as TSESTree.StringLiteral);
        return;
      case T.TemplateLiteral:
        found.push(node);
        for (const expression of node.expressions) visit(expression, depth);
        return;
      case T.TaggedTemplateExpression:
        visit(node.quasi, depth);
        return;
      case T.BinaryExpression:
        if (node.operator === '+') {
          visit(node.left, depth);
          visit(node.right, depth);
        }
        return;
      case T.ConditionalExpression:
        visit(node.consequent, depth);
        visit(node.alternate, depth);
        return;
      case T.LogicalExpression:
        visit(node.left, depth);
        visit(node.right, depth);
        return;
      case T.ArrayExpression:
        for (const element of node.elements) visit(element, depth);
        return;
      case T.ObjectExpression:
        for (const property of node.properties) if (property.type === T.Property) visit(property.value, depth);
        return;
      case T.CallExpression:
        // `[a, b].join('\n')`, `lines.join(…)`: the parts of the text.
        if (node.callee.type === T.MemberExpression && !node.callee.computed && node.callee.property.type === T.Identifier && node.callee.property.name === 'join') {
          visit(node.callee.object, depth);
        }
        return;
      case T.Identifier:
        visit(singleInit(node, analysis.index), depth + 1);
        return;
      default:
        return;
    }
  };
  visit(value, 0);
  return found;
}

/** A provider key or a connection string with a password in the literal's text, described and masked. */
function literalSecret(node: TSESTree.StringLiteral | TSESTree.TemplateLiteral): SecretInPrompt | null {
  const texts = node.type === T.Literal ? [node.value] : node.quasis.map((q) => q.value.cooked ?? q.value.raw);
  for (const text of texts) {
    const key = findKey(text);
    if (key) {
      const value = text.slice(key.start, key.end);
      if (!isPlaceholder(value)) return { kind: 'literal', node, what: `${key.format.provider} key`, masked: maskKey(value) };
    }
    const url = CREDENTIAL_URL.exec(text);
    if (url && !isPlaceholder(url[2])) return { kind: 'literal', node, what: `${url[1]} connection string with a password`, masked: `${url[1]}://…` };
  }
  return null;
}

const cache = new WeakMap<FileAnalysis, PromptSecretFinding[]>();

export function promptSecretFindings(analysis: FileAnalysis): PromptSecretFinding[] {
  let findings = cache.get(analysis);
  if (findings) return findings;
  findings = [];
  const reported = new Set<Node>();
  for (const call of analysis.llmCalls) {
    for (const slot of call.slots) {
      if (!TEXT_SLOTS.has(slot.role) || slot.through?.elsewhere || reported.has(slot.report)) continue;
      const taint = siteTaint(analysis, slot.value, slot.through?.accesses);
      // A secret read here, or passed in by the callers of this file's functions in other modules.
      const origin = secretOrigins(taint)[0] ?? secretOrigins(incomingOrigins(analysis, taint))[0];
      let secret: SecretInPrompt | null = origin ? { kind: 'origin', origin } : null;
      for (const literal of secret ? [] : literalsOf(slot.value, analysis)) {
        secret = literalSecret(literal);
        if (secret) break;
      }
      if (!secret) continue;
      findings.push({ call, slot, secret });
      reported.add(slot.report);
    }
  }
  cache.set(analysis, findings);
  return findings;
}

/** Message data: the secret by its name or masked, where it was read, its path, the slot and the call. */
export function describePromptSecret(finding: PromptSecretFinding): { secret: string; line: string; via: string; slot: string; api: string } {
  const { slot, secret } = finding;
  const api = slot.through?.call ?? describeCall(finding.call);
  if (secret.kind === 'literal') {
    const { via } = describeOrigin({ node: secret.node, text: '', steps: [] }, slot.through?.hops);
    return { secret: `The ${secret.what} '${secret.masked}'`, line: String(secret.node.loc.start.line), via, slot: slot.label, api };
  }
  const { source, line, via } = describeOrigin(secret.origin, slot.through?.hops);
  return { secret: `The secret '${source}'`, line, via, slot: slot.label, api };
}
