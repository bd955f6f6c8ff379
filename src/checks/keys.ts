import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { findKey, isPlaceholder, KEY_FORMATS, type KeyFormat } from '../models/key-patterns.js';
import { keyLikeness, type KeySlot } from '../models/key-likeness.js';
import {
  AUTH_SCHEME, BROWSER_SECRET, isHttpClientCall, ISSUED_SECRET_ENV, KEY_HEADER, KEY_OPTIONS, LOCAL_SERVER_URL, PUBLIC_BY_DESIGN,
  PUBLIC_PREFIX, SECRET_FALLBACK_ENV,
} from '../models/secrets.js';
import { SECRET_ENV } from '../models/secrets.js';
import { envVariable, isFunction, keyName, unwrap, type FunctionNode, type Node } from '../syntax/ast.js';
import type { FileAnalysis } from '../dataflow/analysis-types.js';
import { fromClient, isCredential, keyCompares } from './key-compares.js';

/**
 * Hard-coded and mishandled keys: provider key literals anywhere, literals given as an LLM
 * client's `apiKey`, literal fallbacks of key env reads, literals that a client's key is
 * compared with, `dangerouslyAllowBrowser: true`, and
 * keys read from env variables that are shipped to the browser (`NEXT_PUBLIC_*`, `VITE_*`).
 */
export type KeyFinding =
  | {
      readonly kind: 'provider-key';
      readonly node: TSESTree.StringLiteral | TSESTree.TemplateLiteral;
      readonly value: string;
      readonly format: KeyFormat;
      /** The literal is exactly the key and stands where an expression may go. */
      readonly replaceable: boolean;
    }
  | {
      readonly kind: 'literal-key';
      readonly node: TSESTree.StringLiteral;
      readonly value: string;
      readonly where: string;
      readonly env: string;
      /** Why the literal reads as a key. */
      readonly why: string;
      /** The auth scheme written before the key (`Bearer `), kept by the fix. */
      readonly scheme: string;
    }
  | { readonly kind: 'fallback'; readonly node: TSESTree.StringLiteral; readonly value: string; readonly name: string; readonly why: string }
  | { readonly kind: 'compared-literal'; readonly node: TSESTree.StringLiteral; readonly value: string; readonly guess: Node }
  | { readonly kind: 'allowlist-key'; readonly node: TSESTree.Node; readonly value: string; readonly list: string; readonly guess: Node }
  | { readonly kind: 'browser-client'; readonly node: Node }
  | { readonly kind: 'public-env'; readonly node: Node; readonly name: string };

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


/** The literal entries of a constant allowlist: object keys, array and `Set` elements, `Map` entry keys. */
function allowlistLiterals(identifier: TSESTree.Identifier, analysis: FileAnalysis): (TSESTree.StringLiteral | TSESTree.Identifier)[] {
  const variable = analysis.index.variableOf(identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : null;
  if (def?.node.type !== T.VariableDeclarator || !def.node.init || variable?.references.some((r) => r.isWrite() && r.init !== true)) return [];
  let init = unwrap(def.node.init);
  const found: (TSESTree.StringLiteral | TSESTree.Identifier)[] = [];
  const isString = (n: Node | null): n is TSESTree.StringLiteral => n?.type === T.Literal && typeof n.value === 'string';
  if (init.type === T.NewExpression && init.callee.type === T.Identifier && (init.callee.name === 'Set' || init.callee.name === 'Map') && init.arguments[0]) {
    const isMap = init.callee.name === 'Map';
    init = unwrap(init.arguments[0]);
    if (init.type !== T.ArrayExpression) return [];
    for (const element of init.elements) {
      const entry = element && isMap && element.type === T.ArrayExpression ? element.elements[0] : element;
      if (isString(entry ?? null)) found.push(entry as TSESTree.StringLiteral);
    }
    return found;
  }
  if (init.type === T.ArrayExpression) {
    for (const element of init.elements) if (isString(element)) found.push(element);
  } else if (init.type === T.ObjectExpression) {
    for (const property of init.properties) {
      if (property.type !== T.Property || property.computed || property.method || property.kind !== 'init') continue;
      if (isString(property.key) || property.key.type === T.Identifier) found.push(property.key as TSESTree.StringLiteral | TSESTree.Identifier);
    }
  }
  return found;
}

/**
 * Whether `process.env.X` may replace the literal: not a property or member name, an enum
 * member, a type, a module source, a directive or a JSX attribute value.
 */
function isExpressionPosition(node: TSESTree.Literal): boolean {
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case T.Property:
    case T.PropertyDefinition:
    case T.MethodDefinition:
    case T.AccessorProperty:
    case T.TSPropertySignature:
    case T.TSMethodSignature:
      return parent.key !== node || parent.computed;
    case T.TSEnumMember:
    case T.TSModuleDeclaration:
      return parent.id !== node;
    case T.TSLiteralType:
    case T.ImportDeclaration:
    case T.ExportAllDeclaration:
    case T.ExportNamedDeclaration:
    case T.ImportAttribute:
    case T.TSExternalModuleReference:
    case T.JSXAttribute:
    case T.TSImportType:
      return false;
    case T.ExpressionStatement:
      return parent.directive === undefined;
    default:
      return true;
  }
}

/** Local OpenAI-compatible servers (Ollama, LM Studio, vLLM) take any key: `baseURL: 'http://localhost:11434/v1'`. */
function pointsToLocalServer(options: TSESTree.ObjectExpression): boolean {
  return options.properties.some((p) => {
    if (p.type !== T.Property || !/^(?:baseURL|baseUrl|base_url|host|endpoint)$/.test(keyName(p) ?? '')) return false;
    const value = p.value.type === T.Literal ? p.value.value : p.value.type === T.TemplateLiteral ? p.value.quasis[0].value.cooked : null;
    return typeof value === 'string' && LOCAL_SERVER_URL.test(value);
  });
}


/** The secret env variable read by `node` itself: `process.env.JWT_SECRET`, either side of `A || B`, `!process.env.X`. */
function secretEnvRead(node: Node): string | null {
  const value = unwrap(node);
  if (value.type === T.UnaryExpression && value.operator === '!') return secretEnvRead(value.argument);
  if (value.type === T.LogicalExpression && (value.operator === '||' || value.operator === '??')) return secretEnvRead(value.left) ?? secretEnvRead(value.right);
  const name = envVariable(value);
  return name !== null && SECRET_FALLBACK_ENV.test(name) ? name : null;
}

/**
 * The secret env variable a string literal stands in for when it is unset: the right side of
 * `process.env.X || '…'` (also after other reads, `A || B || '…'`), the other branch of
 * `process.env.X ? process.env.X : '…'`, and the value returned or assigned right under
 * `if (!process.env.X)`.
 */
function fallbackOf(literal: TSESTree.Literal, analysis: FileAnalysis): string | null {
  const parent = literal.parent;
  if (parent?.type === T.LogicalExpression && parent.right === literal && (parent.operator === '||' || parent.operator === '??')) return secretEnvRead(parent.left);
  if (parent?.type === T.ConditionalExpression && parent.test !== literal) {
    const test = unwrap(parent.test);
    const negated = test.type === T.UnaryExpression && test.operator === '!';
    // The literal is used where the variable is missing, and the variable where it is set: `X ? X : '…'` or `!X ? '…' : X`.
    const other = parent.alternate === literal ? parent.consequent : parent.alternate;
    const name = (parent.alternate === literal) !== negated ? secretEnvRead(test) : null;
    return name !== null && secretEnvRead(other) === name ? name : null;
  }
  const statement = parent?.type === T.ReturnStatement ? parent : parent?.type === T.AssignmentExpression && parent.right === literal ? parent.parent : null;
  if (statement?.type !== T.ReturnStatement && statement?.type !== T.ExpressionStatement) return null;
  const block = statement.parent;
  const branch = block?.type === T.BlockStatement && block.body.length === 1 ? block : statement;
  const ifStatement = branch.parent;
  if (ifStatement?.type !== T.IfStatement || ifStatement.consequent !== branch) return null;
  const test = unwrap(ifStatement.test);
  const name = test.type === T.UnaryExpression && test.operator === '!' ? secretEnvRead(test.argument) : null;
  if (name === null) return null;
  // The literal stands in for the variable only where the variable is what is used otherwise: the function also
  // returns it, or the name assigned also holds it (`let secret = process.env.X; if (!process.env.X) secret = '…'`).
  if (statement.type === T.ReturnStatement) return returnsEnv(statement, literal, name, analysis) ? name : null;
  const target = parent?.type === T.AssignmentExpression ? parent.left : null;
  if (target?.type !== T.Identifier) return null;
  const variable = analysis.index.variableOf(target);
  const holds = variable?.references.some((reference) => {
    if (!reference.writeExpr || reference.writeExpr === literal) return false;
    return secretEnvRead(reference.writeExpr) === name;
  });
  return holds ? name : null;
}

/** Whether the function around `statement` also returns `process.env.<name>` (read, or the first side of `||`/`??`). */
function returnsEnv(statement: TSESTree.ReturnStatement, literal: Node, name: string, analysis: FileAnalysis): boolean {
  let fn: Node | undefined = statement.parent;
  while (fn && !isFunction(fn)) fn = fn.parent;
  return fn !== undefined && (analysis.index.returns.get(fn as FunctionNode)?.some((value) => value !== literal && secretEnvRead(value) === name) ?? false);
}

/** Azure OpenAI keys have no format of their own, only their own variable. */
const AZURE: KeyFormat = { provider: 'Azure OpenAI', env: 'AZURE_OPENAI_API_KEY', prefixes: [], min: 0, alphabet: 'alnum' };

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
      // Provider formats keep their own checks: only the placeholder words are asked here.
      if (isPlaceholder(value) || isFirebaseConfig(node, match.format)) continue;
      findings.push({ kind: 'provider-key', node, value, format: match.format, replaceable: node.type === T.Literal && value === text && isExpressionPosition(node) });
      reported.add(node);
      break;
    }
  }

  const literalKey = (value: TSESTree.Node | undefined, where: string, format: KeyFormat | null) => {
    const literal = value && unwrap(value);
    if (literal?.type !== T.Literal || typeof literal.value !== 'string' || reported.has(literal)) return;
    const scheme = AUTH_SCHEME.exec(literal.value)?.[0] ?? '';
    const key = literal.value.slice(scheme.length);
    // A provider issued this key: a word or a bare prefix there is a stand-in, never a working key.
    const likeness = keyLikeness(key, 'issued');
    if (!likeness) return;
    findings.push({ kind: 'literal-key', node: literal as TSESTree.StringLiteral, value: key, where, env: envFor(format), scheme, why: likeness.why });
    reported.add(literal);
  };

  // Literals given as the key of a modelled LLM client, found through its import: `new OpenAI({ apiKey: '…' })`.
  for (const { node: created, sdk, exportName } of analysis.clientConstructions) {
    const callee = unwrap(created.callee);
    const name = (callee.type === T.Identifier ? callee.name : callee.type === T.MemberExpression ? keyName(callee) : null) ?? exportName;
    const label = `${exportName} ${sdk}`.toLowerCase();
    const format = exportName === 'AzureOpenAI' ? AZURE : (KEY_FORMATS.find((f) => label.includes(f.provider.toLowerCase().split(' ')[0])) ?? null);
    const first = created.arguments[0] && unwrap(created.arguments[0]);
    // `new GoogleGenerativeAI('AIza…')` takes the key as its only argument.
    if (exportName === 'GoogleGenerativeAI') literalKey(first, `the key of new ${name}()`, format);
    if (first?.type !== T.ObjectExpression || pointsToLocalServer(first)) continue;
    for (const property of first.properties) {
      if (property.type !== T.Property) continue;
      const key = keyName(property);
      if (key !== null && KEY_OPTIONS.has(key)) literalKey(property.value, `the ${key} of new ${name}()`, format);
      if (key === 'dangerouslyAllowBrowser' && property.value.type === T.Literal && property.value.value === true) {
        findings.push({ kind: 'browser-client', node: property });
      }
    }
  }
  // Key headers of outgoing requests: `headers: { Authorization: 'Bearer …' }`, `new Headers({ 'x-api-key': '…' })`.
  for (const node of analysis.index.strings) {
    const property = node.parent;
    if (node.type !== T.Literal || property?.type !== T.Property || property.value !== node || property.parent.type !== T.ObjectExpression) continue;
    const header = keyName(property);
    if (header === null || !KEY_HEADER.test(header)) continue;
    const holder = property.parent.parent;
    // `fetch(url, { headers: { … } })`, `new Headers({ … })`; a mock request in a test (`{ headers: … }` passed to middleware) is not sent.
    const isHeaders =
      (holder?.type === T.Property && keyName(holder) === 'headers' && isHttpClientCall(holder.parent.parent ?? undefined)) ||
      (holder?.type === T.NewExpression && holder.callee.type === T.Identifier && holder.callee.name === 'Headers');
    if (isHeaders) literalKey(node, `the ${header} header`, null);
  }

  // `process.env.OPENAI_API_KEY ?? 'dev-key'`, `A || B || '…'`, `process.env.X ? process.env.X : '…'`,
  // `if (!process.env.X) return '…'`. Env reads are member expressions: find them through the strings collected.
  for (const node of analysis.index.strings) {
    if (node.type !== T.Literal || reported.has(node)) continue;
    const name = fallbackOf(node, analysis);
    const slot: KeySlot = name !== null && ISSUED_SECRET_ENV.test(name) ? 'issued' : 'chosen';
    // `JSON.parse(process.env.GOOGLE_CREDENTIALS || '{}')`: a placeholder, no key.
    const likeness = name === null ? null : keyLikeness(node.value, slot);
    if (!name || !likeness) continue;
    findings.push({ kind: 'fallback', node: node as TSESTree.StringLiteral, value: node.value, name, why: likeness.why });
    reported.add(node);
  }

  // A literal that the client's key is checked against: `req.headers['x-api-key'] === 'abc123'`.
  for (const compare of keyCompares(analysis)) {
    const literal = compare.literal;
    // `'Bearer team-key'`: the scheme is no part of the secret.
    if (!literal || reported.has(literal) || !keyLikeness(literal.value.replace(AUTH_SCHEME, ''), 'chosen') || /^(?:true|false|bearer|basic)$/i.test(literal.value.trim())) continue;
    findings.push({ kind: 'compared-literal', node: literal, value: literal.value, guess: compare.other });
    reported.add(literal);
  }

  // Literal keys of an allowlist that a client key is looked up in: `KEYS[req.headers['x-api-key']]`,
  // `VALID.has(key)`, `ALLOWED.includes(key)`, `key in KEYS`.
  const lookedUp: [Node, Node][] = [];
  for (const lookup of analysis.index.lookups) {
    if (lookup.type === T.MemberExpression) lookedUp.push([lookup.object, lookup.property]);
    else if (lookup.left.type !== T.PrivateIdentifier) lookedUp.push([lookup.right, lookup.left]);
  }
  for (const call of analysis.index.calls) {
    const callee = call.callee;
    const method = callee.type === T.MemberExpression ? keyName(callee) : null;
    if (callee.type === T.MemberExpression && (method === 'has' || method === 'includes') && call.arguments[0]) lookedUp.push([callee.object, call.arguments[0]]);
  }
  for (const [table, key] of lookedUp) {
    const list = unwrap(table);
    if (list.type !== T.Identifier) continue;
    // The cheap test first: most lookups are into arrays and maps that are not constant allowlists.
    const literals = allowlistLiterals(list, analysis);
    if (literals.length === 0 || !isCredential(key, analysis) || !fromClient(key, analysis)) continue;
    for (const literal of literals) {
      const value = literal.type === T.Identifier ? literal.name : String(literal.value);
      if (reported.has(literal) || !keyLikeness(value, 'chosen')) continue;
      findings.push({ kind: 'allowlist-key', node: literal, value, list: list.name, guess: key });
      reported.add(literal);
    }
  }

  // Keys read from env variables that the bundler inlines into browser code.
  for (const member of analysis.index.envReads) {
    const name = keyName(member);
    if (name && PUBLIC_PREFIX.test(name) && SECRET_ENV.test(name) && BROWSER_SECRET.test(name) && !PUBLIC_BY_DESIGN.test(name)) {
      findings.push({ kind: 'public-env', node: member, name });
    }
  }
  findings.sort((a, b) => a.node.range[0] - b.node.range[0]);
  cache.set(analysis, findings);
  return findings;
}

