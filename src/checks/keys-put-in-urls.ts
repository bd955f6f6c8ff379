import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { KEY_FLAG_NAME, PUBLIC_BY_DESIGN, PUBLIC_ENV, URL_KEY_NAME } from '../models/secrets.js';
import { keyName, stringLiteralValue, unwrap, type Node } from '../syntax/ast.js';
import type { FileAnalysis } from '../dataflow/analysis-types.js';
import { redacted } from '../dataflow/origin.js';

/**
 * A key the server puts into a URL it builds: `` `https://api.x.com/v1?key=${process.env.X_API_KEY}` ``,
 * `base + '?api_key=' + apiKey`, `url.searchParams.set('key', this.config.apiKey)`. The URL is
 * written to the provider's and every proxy's access logs, and to error reports that print it.
 */
export interface UrlKeyPut {
  /** The expression that puts the key in. */
  readonly node: Node;
  /** How messages name the key: `process.env.X_API_KEY`, `apiKey` (never its value). */
  readonly name: string;
  /** The query parameter that carries it. */
  readonly param: string;
}

/** Text of a URL up to a query parameter's value: no spaces, a path or a placeholder before `?`. `\0` stands for an expression. */
const URL_BEFORE_VALUE = /^(?=[^?]*[/\0])[^\s?]*\?(?:[^\s#]*&)?([\w.\-[\]]+)=$/;

const PLACEHOLDER = '\0';

/** The name the key is known by, when the value is a key: a secret the engine follows, or a key-named variable or member. */
function keyLabel(analysis: FileAnalysis, value: Node): string | null {
  for (const origin of analysis.engine.taintOf(value)) {
    if (origin.kind !== 'secret' || redacted(origin)) continue;
    const last = origin.text.split('.').at(-1) ?? '';
    if (isKeyName(last)) return origin.text;
  }
  const node = unwrap(value);
  const own = node.type === T.Identifier ? node.name : node.type === T.MemberExpression ? keyName(node) : null;
  return own !== null && isKeyName(own) ? own : null;
}

function isKeyName(name: string): boolean {
  return URL_KEY_NAME.test(name) && !KEY_FLAG_NAME.test(name) && !PUBLIC_ENV.test(name) && !PUBLIC_BY_DESIGN.test(name);
}

/** The static text of a string or template, expressions as placeholders. */
function staticText(node: Node): string | null {
  if (node.type === T.TemplateLiteral) return node.quasis.map((q) => q.value.raw).join(PLACEHOLDER);
  const value = stringLiteralValue(node);
  return value;
}

/** `a + b + c`: the text of the left side as far as it is static, unknown parts as placeholders. */
function concatText(node: Node): string {
  const inner = unwrap(node);
  if (inner.type === T.BinaryExpression && inner.operator === '+') return concatText(inner.left) + concatText(inner.right);
  return staticText(inner) ?? PLACEHOLDER;
}

const cache = new WeakMap<FileAnalysis, UrlKeyPut[]>();

export function keysPutInUrls(analysis: FileAnalysis): UrlKeyPut[] {
  const cached = cache.get(analysis);
  if (cached) return cached;
  const found: UrlKeyPut[] = [];
  const consider = (prefix: string, value: Node) => {
    const match = URL_BEFORE_VALUE.exec(prefix);
    if (!match) return;
    const name = keyLabel(analysis, value);
    if (name !== null) found.push({ node: value, name, param: match[1] });
  };

  for (const string of analysis.index.strings) {
    if (string.type === T.TemplateLiteral) {
      // `https://x/y?a=1&key=${key}`: each expression after a `name=`.
      let prefix = '';
      string.quasis.forEach((quasi, i) => {
        prefix += (i > 0 ? PLACEHOLDER : '') + quasi.value.raw;
        const expression = string.expressions[i];
        // Only a quasi that ends a `name=` is worth matching the whole prefix for.
        if (expression && quasi.value.raw.endsWith('=')) consider(prefix, expression);
      });
    }
    // `'https://x/y?key=' + key`, `base + '?key=' + key`: the string ends a left operand of `+`.
    const text = staticText(string);
    if (text === null || !text.endsWith('=')) continue;
    let operand: Node = string;
    while (operand.parent?.type === T.BinaryExpression && operand.parent.operator === '+' && operand.parent.right === operand) operand = operand.parent;
    const parent = operand.parent;
    if (parent?.type === T.BinaryExpression && parent.operator === '+' && parent.left === operand) consider(concatText(operand), parent.right);
  }

  for (const call of analysis.index.calls) {
    // `url.searchParams.set('key', apiKey)`, `.append(…)`
    const callee = unwrap(call.callee);
    if (callee.type !== T.MemberExpression || (keyName(callee) !== 'set' && keyName(callee) !== 'append')) continue;
    const owner = unwrap(callee.object);
    if (owner.type !== T.MemberExpression || keyName(owner) !== 'searchParams') continue;
    const param = stringLiteralValue(call.arguments[0]);
    const value = call.arguments[1] as TSESTree.Expression | TSESTree.SpreadElement | undefined;
    if (param === null || !value || value.type === T.SpreadElement) continue;
    const name = keyLabel(analysis, value);
    if (name !== null) found.push({ node: value, name, param });
  }
  found.sort((a, b) => a.node.range[0] - b.node.range[0]);
  cache.set(analysis, found);
  return found;
}
