import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { CREDENTIAL_HEADER, CREDENTIAL_NAME, CREDENTIAL_PARAM } from '../models/secrets.js';
import { keyName, unwrap, type Node } from '../syntax/ast.js';
import type { FileAnalysis } from '../dataflow/analysis-types.js';

/**
 * Comparisons of a key, token or secret with `===`/`!==`/`==`/`!=`: they stop at the first
 * differing character, so the time they take leaks how much of a guess was right. Reported
 * when the client's value meets the server's secret: one side carries request data, the other
 * is a credential the client does not control (an env key, a configured or stored secret, a
 * literal). Two values from the same request (`newPassword !== repeat`) leak nothing.
 */
export interface KeyCompare {
  readonly node: TSESTree.BinaryExpression;
  /** The side that is the secret, as written. */
  readonly secret: Node;
  readonly other: Node;
  /** The server side when it is a string literal: a hard-coded key. */
  readonly literal: TSESTree.StringLiteral | null;
}


/** `null`, `undefined`, `''`, `typeof x`, numbers and booleans: comparing with these leaks nothing. */
function trivial(node: Node): boolean {
  const value = unwrap(node);
  if (value.type === T.Literal) return value.value === null || value.value === '' || typeof value.value !== 'string';
  if (value.type === T.Identifier) return value.name === 'undefined';
  if (value.type === T.UnaryExpression) return true;
  if (value.type === T.MemberExpression) return keyName(value) === 'length';
  return false;
}

export function isCredential(node: Node, analysis: FileAnalysis): boolean {
  const value = unwrap(node);
  if (value.type === T.Identifier && CREDENTIAL_NAME.test(value.name)) return true;
  if (value.type === T.MemberExpression) {
    const name = keyName(value);
    if (name !== null && (CREDENTIAL_NAME.test(name) || CREDENTIAL_HEADER.test(name))) return true;
  }
  if (value.type === T.CallExpression) {
    // `req.get('x-api-key')`, `c.req.header('authorization')`, `request.headers.get('x-api-key')`
    const first = value.arguments[0];
    if (first?.type === T.Literal && typeof first.value === 'string' && (CREDENTIAL_HEADER.test(first.value) || CREDENTIAL_PARAM.test(first.value))) return true;
  }
  return analysis.engine.taintOf(value).some((origin) => origin.kind === 'secret');
}

function isStringLiteral(node: Node): boolean {
  const value = unwrap(node);
  return value.type === T.Literal && typeof value.value === 'string';
}

/** Carries request data: the value the client sent. */
export function fromClient(node: Node, analysis: FileAnalysis): boolean {
  return analysis.engine.taintOf(node).some((o) => o.kind === 'request' || o.kind === 'request-object');
}

const cache = new WeakMap<FileAnalysis, KeyCompare[]>();

export function keyCompares(analysis: FileAnalysis): KeyCompare[] {
  const cached = cache.get(analysis);
  if (cached) return cached;
  const found: KeyCompare[] = [];
  for (const node of analysis.index.equalities) {
    if (node.left.type === T.PrivateIdentifier) continue;
    const { left, right } = node;
    if (trivial(left) || trivial(right)) continue;
    const sides: [Node, Node][] = [
      [left, right],
      [right, left],
    ];
    for (const [secret, guess] of sides) {
      const serverSide = !fromClient(secret, analysis) && (isCredential(secret, analysis) || (isStringLiteral(secret) && isCredential(guess, analysis)));
      if (serverSide && fromClient(guess, analysis)) {
        const literal = isStringLiteral(secret) ? (unwrap(secret) as TSESTree.StringLiteral) : null;
        found.push({ node, secret: literal ? guess : secret, other: guess, literal });
        break;
      }
    }
  }
  cache.set(analysis, found);
  return found;
}
