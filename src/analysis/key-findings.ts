import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { findKey, isPlaceholder, KEY_FORMATS, type KeyFormat } from '../models/key-patterns.js';
import { SECRET_ENV } from '../models/secrets.js';
import { keyName, memberChain, unwrap, type Node } from './ast.js';
import type { FileAnalysis } from './file-analysis.js';
import { keyCompares } from './key-compares.js';

/**
 * Hard-coded and mishandled keys: provider key literals anywhere, literals given as an LLM
 * client's `apiKey`, literal fallbacks of key env reads, literals that a client's key is
 * compared with, `dangerouslyAllowBrowser: true`, and
 * keys read from env variables that are shipped to the browser (`NEXT_PUBLIC_*`, `VITE_*`).
 */
export type KeyFinding =
  | { readonly kind: 'provider-key'; readonly node: TSESTree.StringLiteral | TSESTree.TemplateLiteral; readonly value: string; readonly format: KeyFormat; readonly whole: boolean }
  | { readonly kind: 'literal-key'; readonly node: TSESTree.StringLiteral; readonly value: string; readonly where: string; readonly env: string }
  | { readonly kind: 'fallback'; readonly node: TSESTree.StringLiteral; readonly value: string; readonly name: string }
  | { readonly kind: 'compared-literal'; readonly node: TSESTree.StringLiteral; readonly value: string; readonly guess: Node }
  | { readonly kind: 'browser-client'; readonly node: Node }
  | { readonly kind: 'public-env'; readonly node: Node; readonly name: string };

const KEY_OPTIONS = new Set(['apiKey', 'api_key', 'token', 'authToken']);
const PUBLIC_PREFIX = /^(?:NEXT_PUBLIC_|VITE_|REACT_APP_|EXPO_PUBLIC_|PUBLIC_)/;
const MAX_LITERAL = 100_000;

function envFor(format: KeyFormat | null): string {
  return format?.env ?? 'LLM_API_KEY';
}

/** Firebase web config keys (`{ apiKey: 'AIza…', authDomain, projectId }`) are public by design. */
function isFirebaseConfig(node: Node, format: KeyFormat): boolean {
  const property = node.parent;
  if (format.provider !== 'Google' || property?.type !== T.Property || property.parent.type !== T.ObjectExpression) return false;
  return property.parent.properties.some((p) => p.type === T.Property && /^(?:authDomain|messagingSenderId|storageBucket)$/.test(keyName(p) ?? ''));
}

/** Public env names that are not secrets: OAuth client ids, maps and analytics keys. */
const PUBLIC_BY_DESIGN = /ANON|PUBLISHABLE|PUBLIC_KEY$|SITE_KEY$|OAUTH|CLIENT_(?:ID|KEY)|MAPS|RECAPTCHA|ANALYTICS|SENTRY|POSTHOG|FIREBASE/i;

const cache = new WeakMap<FileAnalysis, KeyFinding[]>();

export function keyFindings(analysis: FileAnalysis): KeyFinding[] {
  const cached = cache.get(analysis);
  if (cached) return cached;
  const findings: KeyFinding[] = [];
  const reported = new Set<Node>();

  // Provider key formats anywhere in a string.
  for (const node of analysis.index.strings) {
    const texts = node.type === T.Literal ? [node.value] : node.quasis.map((q) => q.value.cooked ?? q.value.raw);
    for (const text of texts) {
      if (text.length > MAX_LITERAL) continue;
      const match = findKey(text);
      if (!match) continue;
      const value = text.slice(match.start, match.end);
      if (isPlaceholder(value) || isFirebaseConfig(node, match.format)) continue;
      findings.push({ kind: 'provider-key', node, value, format: match.format, whole: node.type === T.Literal && value === text });
      reported.add(node);
      break;
    }
  }

  const literalKey = (value: TSESTree.Node | undefined, where: string, format: KeyFormat | null) => {
    const literal = value && unwrap(value);
    if (literal?.type !== T.Literal || typeof literal.value !== 'string' || reported.has(literal)) return;
    if (isPlaceholder(literal.value)) return;
    findings.push({ kind: 'literal-key', node: literal as TSESTree.StringLiteral, value: literal.value, where, env: envFor(format) });
    reported.add(literal);
  };

  // Literals given as the key of a modelled LLM client: `new OpenAI({ apiKey: '…' })`.
  for (const created of analysis.index.news) {
    const options = created.arguments[0] && unwrap(created.arguments[0]);
    if (options?.type !== T.ObjectExpression) continue;
    const callee = unwrap(created.callee);
    const name = callee.type === T.Identifier ? callee.name : callee.type === T.MemberExpression ? keyName(callee) : null;
    const format = KEY_FORMATS.find((f) => name && name.toLowerCase().includes(f.provider.toLowerCase().split(' ')[0])) ?? null;
    const isClient = !!name && /^(?:OpenAI|AzureOpenAI|Anthropic|Groq|Mistral|CohereClient(?:V2)?|GoogleGenAI|Ollama|Chat\w+|OpenRouter|Together|Replicate)$/.test(name);
    if (!isClient) continue;
    for (const property of options.properties) {
      if (property.type !== T.Property) continue;
      const key = keyName(property);
      if (key !== null && KEY_OPTIONS.has(key)) literalKey(property.value, `the ${key} of new ${name}()`, format);
      if (key === 'dangerouslyAllowBrowser' && property.value.type === T.Literal && property.value.value === true) {
        findings.push({ kind: 'browser-client', node: property });
      }
    }
  }
  // `new GoogleGenerativeAI('AIza…')`
  for (const created of analysis.index.news) {
    const callee = unwrap(created.callee);
    if (callee.type === T.Identifier && callee.name === 'GoogleGenerativeAI') literalKey(created.arguments[0], 'the key of new GoogleGenerativeAI()', KEY_FORMATS.find((f) => f.provider === 'Google') ?? null);
  }

  // `process.env.OPENAI_API_KEY ?? 'dev-key'`, `|| '…'`
  const visitFallback = (node: TSESTree.Node) => {
    if (node.type !== T.LogicalExpression || (node.operator !== '??' && node.operator !== '||')) return;
    const { root, names } = memberChain(node.left);
    const envName = root.type === T.Identifier && root.name === 'process' && names[0] === 'env' ? names[1] : undefined;
    const literal = unwrap(node.right);
    if (!envName || !SECRET_ENV.test(envName) || literal.type !== T.Literal || typeof literal.value !== 'string') return;
    if (reported.has(literal) || isPlaceholder(literal.value)) return;
    findings.push({ kind: 'fallback', node: literal as TSESTree.StringLiteral, value: literal.value, name: envName });
    reported.add(literal);
  };
  // Env reads are member expressions under a logical expression: find them through the strings collected.
  for (const node of analysis.index.strings) {
    if (node.parent?.type === T.LogicalExpression && node.parent.right === node) visitFallback(node.parent);
  }

  // A literal that the client's key is checked against: `req.headers['x-api-key'] === 'abc123'`.
  for (const compare of keyCompares(analysis)) {
    const literal = compare.literal;
    if (!literal || reported.has(literal) || isPlaceholder(literal.value) || /^(?:true|false|bearer|basic)$/i.test(literal.value.trim())) continue;
    findings.push({ kind: 'compared-literal', node: literal, value: literal.value, guess: compare.other });
    reported.add(literal);
  }

  // Keys read from env variables that the bundler inlines into browser code.
  for (const member of analysis.index.envReads) {
    const name = keyName(member);
    if (name && PUBLIC_PREFIX.test(name) && SECRET_ENV.test(name) && !PUBLIC_BY_DESIGN.test(name)) {
      findings.push({ kind: 'public-env', node: member, name });
    }
  }
  findings.sort((a, b) => a.node.range[0] - b.node.range[0]);
  cache.set(analysis, findings);
  return findings;
}

