import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { LANGCHAIN_LIMITS, limitOf, type LimitModel } from '../models/llm/limits.js';
import { optionsOf, resolveObject } from '../models/llm/extract.js';
import { chainModel } from '../models/llm/langchain-chains.js';
import { outputOf } from '../models/llm/output.js';
import type { LlmCall } from '../models/llm/types.js';
import { findProperty, unwrap, type Node } from '../syntax/ast.js';
import type { FileAnalysis } from './analysis-types.js';
import { singleInit } from '../syntax/strings.js';
import { linkedFunction } from '../program/linker.js';

type Bounded = 'yes' | 'no' | 'unknown';

/** Whether an options object sets `path`, looking into `const` objects it spreads. */
function sets(object: TSESTree.ObjectExpression, path: readonly string[], analysis: FileAnalysis, depth = 0): Bounded {
  if (depth > 4) return 'unknown';
  const [head, ...rest] = path;
  const found = findProperty(object, head);
  if (found) {
    if (rest.length === 0) return 'yes';
    const inner = resolveObject(found.value, analysis.index);
    return inner ? sets(inner, rest, analysis, depth + 1) : 'unknown';
  }
  let answer: Bounded = 'no';
  for (const element of object.properties) {
    if (element.type !== T.SpreadElement) continue;
    const spread = spreadObjects(element.argument, analysis.index);
    if (!spread) answer = 'unknown';
    for (const inner of spread ?? []) {
      const found = sets(inner, path, analysis, depth + 1);
      if (found === 'yes') return 'yes';
      if (found === 'unknown') answer = 'unknown';
    }
  }
  return answer;
}

/**
 * The objects a spread may copy in: a `const` object, `...(flag && { a })` (a falsy value
 * spreads nothing), either side of `...(c ? { a } : {})`; null when one of them is unknown.
 */
function spreadObjects(argument: Node, index: FileAnalysis['index'], depth = 0): TSESTree.ObjectExpression[] | null {
  const value = unwrap(argument);
  if (depth > 4) return null;
  if (value.type === T.LogicalExpression && value.operator === '&&') return spreadObjects(value.right, index, depth + 1);
  if (value.type === T.ConditionalExpression) {
    const either = spreadObjects(value.consequent, index, depth + 1);
    const or = spreadObjects(value.alternate, index, depth + 1);
    return either && or ? [...either, ...or] : null;
  }
  if ((value.type === T.Literal && value.value === null) || (value.type === T.Identifier && value.name === 'undefined')) return [];
  const object = resolveObject(value, index);
  return object ? [object] : null;
}

/** Whether an options object sets any of `keys` (at its top level or in what it spreads). */
function setsAny(object: TSESTree.ObjectExpression, keys: Iterable<string>, analysis: FileAnalysis): Bounded {
  let answer: Bounded = 'no';
  for (const key of keys) {
    const found = sets(object, [key], analysis);
    if (found === 'yes') return 'yes';
    if (found === 'unknown') answer = 'unknown';
  }
  return answer;
}

/**
 * `new ChatOpenAI({ maxTokens })` behind `model.invoke(…)`, through `.bind()`/`.withStructuredOutput()`,
 * or the one chat model of a chain read whole (`prompt.pipe(model).invoke(…)`).
 */
function langchainBounded(call: TSESTree.CallExpression, analysis: FileAnalysis): Bounded {
  let receiver: Node = chainModel(call, analysis.index) ?? unwrap(call.callee);
  for (let depth = 0; depth < 6; depth++) {
    if (receiver.type === T.MemberExpression) receiver = unwrap(receiver.object);
    else if (receiver.type === T.CallExpression) receiver = unwrap(receiver.callee);
    else if (receiver.type === T.Identifier) {
      const init = singleInit(receiver, analysis.index);
      if (!init) return 'unknown';
      receiver = unwrap(init.type === T.AwaitExpression ? init.argument : init);
    } else if (receiver.type === T.NewExpression) {
      const options = resolveObject(receiver.arguments[0], analysis.index);
      if (!options) return receiver.arguments.length === 0 ? 'no' : 'unknown';
      return setsAny(options, LANGCHAIN_LIMITS, analysis);
    } else return 'unknown';
  }
  return 'unknown';
}

/**
 * `@google/generative-ai`: `model.generateContent(…)` is bounded by `generationConfig` in its
 * request object or on the `getGenerativeModel({ … })` that made the model (followed through
 * one variable); a model made elsewhere may be bounded.
 */
function googleLegacyBounded(call: TSESTree.CallExpression, path: readonly string[], analysis: FileAnalysis): Bounded {
  const request = resolveObject(call.arguments[0], analysis.index);
  if (request) {
    const inRequest = sets(request, path, analysis);
    // The request's generationConfig replaces the model's whole (the SDK does not merge them).
    if (inRequest !== 'no' || findProperty(request, path[0])) return inRequest;
  }
  const callee = unwrap(call.callee);
  const receiver = callee.type === T.MemberExpression ? unwrap(callee.object) : null;
  const init = receiver?.type === T.Identifier ? singleInit(receiver, analysis.index) : null;
  const made = init && unwrap(init.type === T.AwaitExpression ? init.argument : init);
  if (made?.type !== T.CallExpression || unwrap(made.callee).type !== T.MemberExpression) return 'unknown';
  const maker = unwrap(made.callee) as TSESTree.MemberExpression;
  if (maker.property.type !== T.Identifier || maker.property.name !== 'getGenerativeModel') return 'unknown';
  const options = resolveObject(made.arguments[0], analysis.index);
  return options ? sets(options, path, analysis) : 'unknown';
}

/**
 * Vercel `ai` agents (`new ToolLoopAgent({ maxOutputTokens })`): the limit set where the agent is
 * made, in this module or in the project function that returns it (`createResearcher()`).
 */
function agentBounded(call: TSESTree.CallExpression, analysis: FileAnalysis): Bounded {
  const callee = unwrap(call.callee);
  const receiver = callee.type === T.MemberExpression ? unwrap(callee.object) : null;
  const init = receiver?.type === T.Identifier ? singleInit(receiver, analysis.index) : null;
  const made = init && unwrap(init.type === T.AwaitExpression ? init.argument : init);
  if (made?.type === T.NewExpression) return agentOptionsBounded(made, analysis);
  if (made?.type !== T.CallExpression) return 'unknown';
  const maker = unwrap(made.callee);
  const factory = maker.type === T.Identifier || maker.type === T.MemberExpression ? linkedFunction<FileAnalysis>(analysis, maker) : null;
  const returns = factory ? (factory.owner.index.returns.get(factory.fn) ?? []) : [];
  let answer: Bounded = returns.length > 0 ? 'no' : 'unknown';
  for (const returned of returns) {
    let value = unwrap(returned);
    if (value.type === T.Identifier) value = unwrap(singleInit(value, factory!.owner.index) ?? value);
    const bounded = value.type === T.NewExpression ? agentOptionsBounded(value, factory!.owner) : 'unknown';
    if (bounded === 'yes') return 'yes';
    if (bounded === 'unknown') answer = 'unknown';
  }
  return answer;
}

function agentOptionsBounded(made: TSESTree.NewExpression, owner: FileAnalysis): Bounded {
  const options = resolveObject(made.arguments[0], owner.index);
  return options ? setsAny(options, ['maxOutputTokens', 'maxTokens'], owner) : 'unknown';
}

export function methodName(call: LlmCall): Node {
  const callee = unwrap(call.node.callee);
  return callee.type === T.MemberExpression ? callee.property : callee;
}

/**
 * Whether an SDK call generates output with no limit set: its SDK's limit model (null for
 * langchain, whose limit belongs on the model's constructor), or undefined when it is bounded,
 * may be bounded, or is not a generation.
 */
export function missingLimit(analysis: FileAnalysis, call: LlmCall): LimitModel | null | undefined {
  // Bedrock's ConverseCommand carries the options of the generation that `client.send` runs.
  const generates = outputOf(call, analysis.index) !== null || /^Converse(?:Stream)?Command$/.test(call.api);
  if (!generates) return undefined;
  if (call.sdk === 'langchain') {
    const unbounded = call.node.type === T.CallExpression && /\.(?:invoke|stream)$/.test(call.api) && langchainBounded(call.node, analysis) === 'no';
    return unbounded ? null : undefined;
  }
  const limit = limitOf(call.sdk, call.api);
  if (limit && call.sdk === 'google' && !call.api.startsWith('models.') && call.node.type === T.CallExpression) {
    return limit.paths.every((path) => googleLegacyBounded(call.node as TSESTree.CallExpression, path, analysis) === 'no') ? limit : undefined;
  }
  const options = optionsOf(call.node, { index: analysis.index }, limit?.position);
  if (!limit || !options) return undefined;
  const unset = limit.paths.every((path) => sets(options, path, analysis) === 'no');
  // An agent's run takes the limit it was made with: the report names it there, with no suggestion for the call.
  if (unset && call.sdk === 'ai' && /\.(?:generate|stream)$/.test(call.api) && call.node.type === T.CallExpression) {
    return agentBounded(call.node, analysis) === 'no' ? { paths: limit.paths, suggest: null, label: 'maxOutputTokens where the agent is made' } : undefined;
  }
  return unset ? limit : undefined;
}

/** How messages name the option that limits a call. */
export function limitOption(limit: LimitModel | null): string {
  return limit?.suggest ? limit.suggest.join('.') : (limit?.label ?? 'maxTokens on the model');
}

