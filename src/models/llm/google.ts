import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { unwrap } from '../../syntax/ast.js';
import { inlineOptions, optionsOf, property, propertySlot, resolveObject } from './extract.js';
import type { Extractor, PromptSlot, SdkModel, TrackNode } from './types.js';

/**
 * @google/genai: `ai.models.generateContent({ model, contents, config: { systemInstruction } })`,
 * `ai.chats.create({ config: { systemInstruction } })` and its `chat.sendMessage({ message, config })`,
 * `ai.live.connect({ config })`, `ai.caches.create({ config })`; a systemInstruction is a string
 * or a Content (`{ parts: [{ text }] }`), whose text parts are slots of their own.
 * @google/generative-ai: `genAI.getGenerativeModel({ model, systemInstruction })`,
 * `model.generateContent(text | { contents, systemInstruction })`.
 */
const contentsSlot = (node: PromptSlot['report'], value: PromptSlot['value']): PromptSlot[] => {
  const inner = unwrap(value);
  if (inner.type === T.ArrayExpression || inner.type === T.ObjectExpression) return [];
  return [{ role: 'prompt', label: 'contents', value, report: node }];
};

const genaiGenerate: Extractor = (call, context) => {
  const options = optionsOf(call, context);
  const config = resolveObject(property(options, 'config')?.value, context.index);
  const inline = inlineOptions(call);
  const configValue = property(inline, 'config')?.value;
  const inlineConfig = !!configValue && unwrap(configValue) === config;
  const contents = property(options, 'contents');
  return [
    ...propertySlot(config, 'systemInstruction', 'system', 'system instruction', inline && inlineConfig && contents ? { kind: 'google-contents', options: inline } : undefined, context.index),
    ...(contents ? contentsSlot(contents, contents.value) : []),
  ];
};

/**
 * `config.systemInstruction` of a call that sets up or continues a conversation without a fix:
 * `chats.create`, `chat.sendMessage({ message, config })`, `live.connect`, `caches.create`.
 */
const genaiChat: Extractor = (call, context) => {
  const config = resolveObject(property(optionsOf(call, context), 'config')?.value, context.index);
  return propertySlot(config, 'systemInstruction', 'system', 'system instruction', undefined, context.index);
};

const legacyModelOptions: Extractor = (call, context) =>
  propertySlot(optionsOf(call, context), 'systemInstruction', 'system', 'system instruction', undefined, context.index);

const legacyGenerate: Extractor = (call, context) => {
  const argument = call.arguments[0];
  if (!argument) return [];
  const options = optionsOf(call, context);
  if (!options) return contentsSlot(argument, argument);
  const contents = property(options, 'contents');
  return [...propertySlot(options, 'systemInstruction', 'system', 'system instruction', undefined, context.index), ...(contents ? contentsSlot(contents, contents.value) : [])];
};

const genaiClient: TrackNode = {
  members: {
    models: {
      members: {
        generateContent: { call: { api: 'models.generateContent', extract: genaiGenerate } },
        generateContentStream: { call: { api: 'models.generateContentStream', extract: genaiGenerate } },
      },
    },
    chats: {
      members: {
        create: {
          call: {
            api: 'chats.create',
            extract: genaiChat,
            members: {
              sendMessage: { call: { api: 'chats.sendMessage', extract: genaiChat } },
              sendMessageStream: { call: { api: 'chats.sendMessageStream', extract: genaiChat } },
            },
          },
        },
      },
    },
    live: { members: { connect: { call: { api: 'live.connect', extract: genaiChat } } } },
    caches: { members: { create: { call: { api: 'caches.create', extract: genaiChat } } } },
  },
};

const legacyModel: TrackNode = {
  api: 'getGenerativeModel',
  extract: legacyModelOptions,
  members: {
    generateContent: { call: { api: 'generateContent', extract: legacyGenerate } },
    generateContentStream: { call: { api: 'generateContentStream', extract: legacyGenerate } },
    startChat: { call: { api: 'startChat', extract: legacyModelOptions } },
  },
};

export const googleModel: SdkModel = {
  sdk: 'google',
  modules: ['@google/genai', '@google/generative-ai'],
  exports: {
    GoogleGenAI: { construct: genaiClient },
    GoogleGenerativeAI: { construct: { members: { getGenerativeModel: { call: legacyModel } } } },
  },
  chains: [
    { names: ['models', 'generateContent'], api: 'models.generateContent', extract: genaiGenerate, requireOptions: ['model', 'contents'] },
    { names: ['models', 'generateContentStream'], api: 'models.generateContentStream', extract: genaiGenerate, requireOptions: ['model', 'contents'] },
  ],
};
