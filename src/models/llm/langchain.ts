import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { unwrap } from '../../syntax/ast.js';
import { CHAT_ROLES, constValue, conversationSlot, instructionSlots, messageSlots, optionsOf, property, resolveObject } from './extract.js';
import { CHAT_MODELS, chainRule } from './langchain-chains.js';
import type { Extractor, PromptSlot, SdkModel, TrackNode } from './types.js';

/**
 * langchain: message classes (`new SystemMessage(x)`), prompt templates
 * (`ChatPromptTemplate.fromMessages([['system', x], …])`, `PromptTemplate.fromTemplate(x)`)
 * and chat models' `invoke(string | messages)`; LCEL chains in `langchain-chains.ts`; LangGraph
 * graphs and prebuilt agents, whose runs return the graph's state (its `messages` end with the
 * model's answer).
 */
const LANGCHAIN_ROLES = { ...CHAT_ROLES, user: ['user', 'human'], assistant: ['assistant', 'ai'] };

/** `new SystemMessage(text)` or `new SystemMessage({ content: text })`. */
const systemMessage: Extractor = (call, context) => {
  const argument = call.arguments[0];
  if (!argument) return [];
  const object = resolveObject(argument, context.index);
  const content = object ? property(object, 'content') : null;
  if (object && !content) return [];
  const inArray = unwrap(call).parent?.type === T.ArrayExpression;
  const fix = !object && inArray && call.type === T.NewExpression ? ({ kind: 'langchain-system-message', node: call } as const) : undefined;
  return [{ role: 'system', label: 'system message', value: content ? content.value : argument, report: call, fix }];
};

const systemTemplate: Extractor = (call) => {
  const argument = call.arguments[0];
  return argument ? [{ role: 'system', label: 'system template', value: argument, report: argument }] : [];
};

const flatTemplate: Extractor = (call) => {
  const argument = call.arguments[0];
  return argument ? [{ role: 'prompt', label: 'prompt template', value: argument, report: argument }] : [];
};

const fromMessages: Extractor = (call, context) => {
  const argument = call.arguments[0];
  return argument ? messageSlots(argument, context, LANGCHAIN_ROLES) : [];
};

/** `model.invoke(text)` is a flat prompt; `model.invoke([...])` is a list of messages. */
const invoke: Extractor = (call, context) => {
  const argument = call.arguments[0];
  if (!argument || call.type !== T.CallExpression) return [];
  const value = constValue(argument, context.index);
  if (value?.type === T.ArrayExpression) {
    return [...messageSlots(argument, context, LANGCHAIN_ROLES, 'system-message'), { role: 'conversation', label: 'messages', value: argument, report: argument }];
  }
  if (value?.type === T.ObjectExpression || value?.type === T.NewExpression) return [];
  const slot: PromptSlot = {
    role: 'prompt',
    label: 'prompt',
    value: argument,
    report: argument,
    fix: unwrap(argument) === value ? { kind: 'invoke-to-messages', call } : undefined,
  };
  return [slot];
};

/**
 * Prebuilt agents: `createAgent({ model, tools, systemPrompt })` (langchain v1) and LangGraph's
 * `createReactAgent({ llm, tools, prompt })`; the prompt is a string or a `SystemMessage` (a
 * slot of its own). Older LangGraph releases named it `stateModifier` or `messageModifier`.
 */
const agentPrompt =
  (...names: string[]): Extractor =>
  (call, context) => {
    const options = optionsOf(call, context);
    return names.flatMap((name) => {
      const value = property(options, name)?.value;
      const message = value && constValue(value, context.index);
      if (message?.type === T.NewExpression) return [];
      return value && unwrap(value).type !== T.ObjectExpression ? instructionSlots(options, name, 'system prompt', context.index) : [];
    });
  };

const runnable = (name: string): TrackNode => {
  const node: TrackNode = {
    members: {
      invoke: { call: { api: `${name}.invoke`, extract: invoke } },
      stream: { call: { api: `${name}.stream`, extract: invoke } },
    },
  };
  const structured: TrackNode = {
    members: {
      invoke: { call: { api: `${name}.withStructuredOutput.invoke`, extract: invoke } },
      stream: { call: { api: `${name}.withStructuredOutput.stream`, extract: invoke } },
    },
  };
  return {
    ...node,
    members: {
      ...node.members,
      withStructuredOutput: { call: structured },
      bind: { call: node },
      bindTools: { call: node },
      withConfig: { call: node },
      withRetry: { call: node },
    },
  };
};


/** A graph's input: `{ messages: [...] }`, read like a chat model's list. */
const graphInput: Extractor = (call, context) => {
  const messages = property(optionsOf(call, context), 'messages');
  return messages ? [...messageSlots(messages.value, context, LANGCHAIN_ROLES), ...conversationSlot(messages)] : [];
};

/** What a compiled graph or an agent runs: `invoke` returns the state, `stream` and `streamEvents` its updates. */
function graphRuns(name: string): TrackNode {
  const runs: Record<string, TrackNode> = {
    invoke: { call: { api: `${name}.invoke`, extract: graphInput, output: 'response' } },
    stream: { call: { api: `${name}.stream`, extract: graphInput, output: 'stream' } },
    streamEvents: { call: { api: `${name}.streamEvents`, extract: graphInput, output: 'stream' } },
  };
  const graph: TrackNode = { members: runs };
  runs.withConfig = { call: graph };
  return graph;
}

/** `new StateGraph(State).addNode(…).addEdge(…).compile()`: the builder's methods return the builder. */
function graphBuilder(): TrackNode {
  const members: Record<string, TrackNode> = {};
  const builder: TrackNode = { members };
  for (const name of ['addNode', 'addEdge', 'addConditionalEdges', 'addSequence', 'setEntryPoint', 'setFinishPoint']) members[name] = { call: builder };
  members.compile = { call: graphRuns('StateGraph') };
  return builder;
}

const chatModelExports: Record<string, TrackNode> = {};
for (const name of CHAT_MODELS) chatModelExports[name] = { construct: runnable(name) };

export const langchainModel: SdkModel = {
  sdk: 'langchain',
  modules: [
    'langchain',
    '@langchain/core/messages',
    '@langchain/core/prompts',
    'langchain/schema',
    'langchain/prompts',
    '@langchain/openai',
    '@langchain/anthropic',
    '@langchain/google-genai',
    '@langchain/google-vertexai',
    '@langchain/ollama',
    '@langchain/mistralai',
    '@langchain/groq',
    '@langchain/cohere',
    '@langchain/aws',
    '@langchain/xai',
    '@langchain/deepseek',
    '@langchain/community/chat_models/fireworks',
    '@langchain/community/chat_models/togetherai',
    'langchain/chat_models/universal',
    '@langchain/langgraph/prebuilt',
    '@langchain/langgraph',
    '@langchain/core/runnables',
    '@langchain/core/output_parsers',
  ],
  receivers: [chainRule(invoke)],
  exports: {
    ...chatModelExports,
    SystemMessage: { construct: { api: 'SystemMessage', extract: systemMessage } },
    ChatPromptTemplate: {
      members: {
        fromMessages: { call: { api: 'ChatPromptTemplate.fromMessages', extract: fromMessages } },
        fromTemplate: { call: { api: 'ChatPromptTemplate.fromTemplate', extract: flatTemplate } },
      },
    },
    SystemMessagePromptTemplate: {
      members: { fromTemplate: { call: { api: 'SystemMessagePromptTemplate.fromTemplate', extract: systemTemplate } } },
    },
    PromptTemplate: { members: { fromTemplate: { call: { api: 'PromptTemplate.fromTemplate', extract: flatTemplate } } } },
    initChatModel: { call: runnable('initChatModel()') },
    createAgent: { call: { api: 'createAgent', extract: agentPrompt('systemPrompt'), ...graphRuns('createAgent()') } },
    createReactAgent: { call: { api: 'createReactAgent', extract: agentPrompt('prompt', 'stateModifier', 'messageModifier'), ...graphRuns('createReactAgent()') } },
    StateGraph: { construct: graphBuilder() },
  },
};
