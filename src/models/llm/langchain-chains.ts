import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { keyName, stringLiteralValue, unwrap, type Node } from '../../syntax/ast.js';
import type { FileIndex } from '../../syntax/file-index.js';
import { importedBinding } from '../../syntax/imports.js';
import { singleInit } from '../../syntax/strings.js';
import { arrayElements, constValue, property, resolveObject, staticRole } from './extract.js';
import { USER_TURN_MIN_WORDS, type ExtractContext, type Extractor, type OutputKind, type PromptSlot, type ReceiverRule } from './types.js';

/**
 * langchain runnables built in the file: prompt templates filled later
 * (`prompt.pipe(model).invoke({ tone, q })`) and LCEL chains (`prompt.pipe(model).pipe(parser)`,
 * `RunnableSequence.from([prompt, model, parser])`). A chain is read back from the call's receiver
 * through consts, `.pipe(…)`, `RunnableSequence.from([…])` and wrappers such as `.withConfig(…)`;
 * what it cannot read is a piece of unknown kind, and the answers that depend on it stay silent.
 */

/** Chat model classes, imported from a langchain package. */
export const CHAT_MODELS: readonly string[] = [
  'ChatOpenAI',
  'AzureChatOpenAI',
  'ChatAnthropic',
  'ChatGoogleGenerativeAI',
  'ChatVertexAI',
  'ChatOllama',
  'ChatMistralAI',
  'ChatGroq',
  'ChatCohere',
  'ChatBedrockConverse',
  'ChatXAI',
  'ChatDeepSeek',
  'ChatFireworks',
  'ChatTogetherAI',
];

/** Methods that return the same runnable with other settings. */
const SAME_RUNNABLE = new Set(['withConfig', 'withRetry', 'withListeners', 'withFallbacks', 'bind', 'bindTools']);

/** Message template classes and the role of the message they make. */
const MESSAGE_TEMPLATES: Readonly<Record<string, TemplateRole>> = {
  SystemMessagePromptTemplate: 'system',
  HumanMessagePromptTemplate: 'user',
  AIMessagePromptTemplate: 'assistant',
};

const TUPLE_ROLES: Readonly<Record<string, TemplateRole>> = {
  system: 'system',
  developer: 'system',
  human: 'user',
  user: 'user',
  ai: 'assistant',
  assistant: 'assistant',
};

type TemplateRole = 'system' | 'assistant' | 'user';
/** The first role a variable is filled into wins in this order: the system side first. */
const ROLE_ORDER: readonly TemplateRole[] = ['system', 'assistant', 'user'];

type Piece =
  | {
      readonly kind: 'template';
      readonly name: string;
      readonly variables: ReadonlyMap<string, TemplateRole>;
      /** Variables of the one user-side template of a template with no system message, whose text also instructs: a flat prompt. */
      readonly mixed: ReadonlySet<string>;
    }
  | {
      readonly kind: 'model';
      readonly name: string;
      readonly node: Node;
      readonly structured: boolean;
      /** A parameter declared as a model: constructed by the caller, its settings unknown here. */
      readonly declared?: boolean;
    }
  | { readonly kind: 'parser'; readonly name: string }
  | { readonly kind: 'unknown' };

const UNKNOWN: Piece = { kind: 'unknown' };
const MAX_DEPTH = 12;

function isLangchainModule(module: string): boolean {
  return module === 'langchain' || module.startsWith('langchain/') || module.startsWith('@langchain/');
}

/** The langchain export an identifier is imported as, if any. */
function langchainImport(node: Node, index: FileIndex): string | null {
  if (node.type !== T.Identifier) return null;
  const imported = importedBinding(node, index);
  return imported && isLangchainModule(imported.module) ? imported.name : null;
}

/**
 * Whether a template's own text instructs the model (`'Summarize this review in one line: {text}'`),
 * besides naming variables: a few words of it, not a label (`'Question: {q}'`).
 */
function instructs(text: string): boolean {
  const words = text.replace(/\{[^{}]*\}/gu, ' ').match(/[A-Za-z]{2,}/gu) ?? [];
  return words.length >= USER_TURN_MIN_WORDS;
}

/** Variables of a lone user-side template that instructs: each one fills a flat prompt. */
function mixedVariables(texts: readonly (string | null)[]): Set<string> {
  const mixed = new Set<string>();
  if (texts.length !== 1 || texts[0] === null || !instructs(texts[0])) return mixed;
  for (const name of templateVariables(texts[0])) mixed.add(name);
  return mixed;
}

/**
 * The variables of an f-string template (`'You are a {tone} assistant'` -> `tone`); `{{` and
 * `}}` are escaped braces, not variables.
 */
export function templateVariables(text: string): string[] {
  const names: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if ((char === '{' || char === '}') && text[i + 1] === char) {
      i++;
      continue;
    }
    if (char !== '{') continue;
    const end = text.indexOf('}', i + 1);
    if (end < 0) break;
    const name = text.slice(i + 1, end).trim();
    if (name && !name.includes('{')) names.push(name);
    i = end;
  }
  return names;
}

/** Whether a template's options (if any) leave it in the f-string format: `{ templateFormat: 'mustache' }` reads other variables. */
function fString(options: TSESTree.Node | undefined, index: FileIndex): boolean {
  if (!options) return true;
  const object = resolveObject(options, index);
  const format = object ? property(object, 'templateFormat') : null;
  return !!object && (!format || stringLiteralValue(format.value) === 'f-string');
}

/** The static text of a template argument, or null (a template format other than f-string, or text the file does not fix). */
function templateText(text: TSESTree.Node | undefined, options: TSESTree.Node | undefined, index: FileIndex): string | null {
  if (!text || !fString(options, index)) return null;
  const value = constValue(text, index);
  return value ? stringLiteralValue(value) : null;
}

/** `ChatPromptTemplate.fromMessages([...])`: each message template's variables, with the role of its message. */
function messageVariables(call: TSESTree.CallExpression, index: FileIndex): { variables: Map<string, TemplateRole>; mixed: Set<string> } | null {
  const list = call.arguments[0];
  if (!list || call.arguments.length > 2) return null;
  const variables = new Map<string, TemplateRole>();
  const userTexts: (string | null)[] = [];
  let other = false;
  const add = (role: TemplateRole, text: string | null) => {
    if (role === 'user') userTexts.push(text);
    else other = true;
    if (text === null) return;
    for (const name of templateVariables(text)) {
      const known = variables.get(name);
      if (!known || ROLE_ORDER.indexOf(role) < ROLE_ORDER.indexOf(known)) variables.set(name, role);
    }
  };
  if (!fString(call.arguments[1], index)) return null;
  for (const element of arrayElements(list, index)) {
    const value = unwrap(element);
    if (value.type === T.ArrayExpression && value.elements.length === 2) {
      const role = staticRole(value.elements[0]);
      const content = value.elements[1];
      if (role && Object.hasOwn(TUPLE_ROLES, role) && content && content.type !== T.SpreadElement) add(TUPLE_ROLES[role], templateText(content, undefined, index));
      continue;
    }
    const made = constValue(element, index);
    if (made?.type !== T.CallExpression) continue;
    const callee = unwrap(made.callee);
    if (callee.type !== T.MemberExpression || keyName(callee) !== 'fromTemplate') continue;
    const name = langchainImport(unwrap(callee.object), index);
    if (name && Object.hasOwn(MESSAGE_TEMPLATES, name)) add(MESSAGE_TEMPLATES[name], templateText(made.arguments[0], made.arguments[1], index));
    else other = true;
  }
  // A human template alone (no system or model turn to separate the instructions into) that also instructs.
  return { variables, mixed: other ? new Set() : mixedVariables(userTexts) };
}

/** The pieces of the runnable a value holds, in the order data runs through them. */
function piecesOf(node: Node, reader: ExtractContext, depth: number): Piece[] {
  if (depth > MAX_DEPTH) return [UNKNOWN];
  const { index } = reader;
  let value = unwrap(node);
  if (value.type === T.AwaitExpression) value = unwrap(value.argument);
  if (value.type === T.Identifier) {
    const init = importedBinding(value, index) ? null : singleInit(value, index);
    if (init) return piecesOf(init, reader, depth + 1);
    const typed = typedModel(value, index);
    return typed ? [typed] : [UNKNOWN];
  }
  if (value.type === T.NewExpression) {
    const name = langchainImport(unwrap(value.callee), index);
    if (name && CHAT_MODELS.includes(name)) return [{ kind: 'model', name, node: value, structured: false }];
    // `new PromptTemplate({ template, inputVariables })`: the same flat template as `PromptTemplate.fromTemplate(template)`.
    if (name === 'PromptTemplate') {
      const options = resolveObject(value.arguments[0], index);
      const template = options ? property(options, 'template') : null;
      if (!options || !template) return [UNKNOWN];
      return [{ kind: 'template', name, variables: new Map(), mixed: mixedVariables([templateText(template.value, value.arguments[0], index)]) }];
    }
    if (name?.endsWith('OutputParser')) return [{ kind: 'parser', name }];
    return [UNKNOWN];
  }
  if (value.type !== T.CallExpression) return [UNKNOWN];
  const callee = unwrap(value.callee);
  if (callee.type === T.Identifier && langchainImport(callee, index) === 'initChatModel') {
    return [{ kind: 'model', name: 'initChatModel()', node: value, structured: false }];
  }
  if (callee.type === T.Identifier) return madeByFunction(value, reader, depth) ?? [UNKNOWN];
  if (callee.type !== T.MemberExpression) return [UNKNOWN];
  const method = keyName(callee);
  const object = unwrap(callee.object);
  const exported = langchainImport(object, index);
  if (exported) {
    if (exported === 'ChatPromptTemplate' && method === 'fromMessages') {
      const found = messageVariables(value, index);
      return found ? [{ kind: 'template', name: exported, variables: found.variables, mixed: found.mixed }] : [UNKNOWN];
    }
    // A template of one message: a human one (`ChatPromptTemplate.fromTemplate`) or a flat prompt; its variables are no system slot.
    if ((exported === 'ChatPromptTemplate' || exported === 'PromptTemplate') && method === 'fromTemplate') {
      return [{ kind: 'template', name: exported, variables: new Map(), mixed: mixedVariables([templateText(value.arguments[0], value.arguments[1], index)]) }];
    }
    if (exported === 'RunnableSequence' && method === 'from') {
      const list = value.arguments[0] && unwrap(value.arguments[0]);
      if (list?.type !== T.ArrayExpression) return [UNKNOWN];
      return list.elements.flatMap((element) => (element && element.type !== T.SpreadElement ? piecesOf(element, reader, depth + 1) : [UNKNOWN]));
    }
    if (exported.endsWith('OutputParser')) return [{ kind: 'parser', name: exported }];
    return [UNKNOWN];
  }
  if (method === 'pipe') {
    return [...piecesOf(object, reader, depth + 1), ...value.arguments.flatMap((argument) => piecesOf(argument, reader, depth + 1))];
  }
  if (method !== null && SAME_RUNNABLE.has(method)) return piecesOf(object, reader, depth + 1);
  if (method === 'withStructuredOutput') {
    const pieces = piecesOf(object, reader, depth + 1);
    const last = pieces.at(-1);
    return last?.kind === 'model' ? [...pieces.slice(0, -1), { ...last, structured: true }] : [UNKNOWN];
  }
  // A method of a project object that builds the chain (`this.chains.answer(llm)`).
  return madeByFunction(value, reader, depth) ?? [UNKNOWN];
}

/**
 * The runnable a project function returns (`const chain = createChain({ llm })`, here or in another
 * module), when every return builds one of the same shape; read in the function's own module.
 */
function madeByFunction(call: TSESTree.CallExpression, reader: ExtractContext, depth: number): Piece[] | null {
  const factory = reader.returnsOf?.(call, reader.index);
  if (!factory || factory.returns.length === 0) return null;
  let made: Piece[] | null = null;
  for (const returned of factory.returns) {
    const pieces = piecesOf(returned, { index: factory.index, returnsOf: reader.returnsOf }, depth + 1);
    if (!pieces.some((piece) => piece.kind === 'model' || piece.kind === 'template')) return null;
    if (made && pieces.map((piece) => piece.kind).join() !== made.map((piece) => piece.kind).join()) return null;
    made ??= pieces;
  }
  return made;
}

/** langchain types a chat model is declared with (`llm: BaseChatModel`), besides the model classes. */
const MODEL_TYPES = new Set([...CHAT_MODELS, 'BaseChatModel', 'BaseLanguageModel', 'BaseLLM', 'LLM', 'SimpleChatModel']);

/**
 * A parameter declared as a langchain chat model (`llm: BaseChatModel`, or `{ llm }: { llm:
 * BaseLanguageModel | BaseChatModel }`): the model whoever calls the function passes. It is made
 * elsewhere, so its settings are not read here.
 */
function typedModel(name: TSESTree.Identifier, index: FileIndex): Piece | null {
  const def = index.variableOf(name)?.defs[0];
  if (def?.type !== 'Parameter' || def.name.type !== T.Identifier) return null;
  const type = declaredType(def.name);
  const model = type ? modelType(type, index) : null;
  return model ? { kind: 'model', name: model, node: def.name, structured: false, declared: true } : null;
}

/** The type a parameter's binding is declared with: on the name, or on the member of the object type its pattern destructures. */
function declaredType(binding: TSESTree.Identifier): TSESTree.TypeNode | null {
  if (binding.typeAnnotation) return binding.typeAnnotation.typeAnnotation;
  let at: Node | undefined = binding.parent;
  if (at?.type === T.AssignmentPattern) at = at.parent;
  if (at?.type !== T.Property || at.parent.type !== T.ObjectPattern) return null;
  const key = keyName(at);
  const literal = at.parent.typeAnnotation?.typeAnnotation;
  if (key === null || literal?.type !== T.TSTypeLiteral) return null;
  for (const member of literal.members) {
    if (member.type === T.TSPropertySignature && !member.computed && member.key.type === T.Identifier && member.key.name === key) {
      return member.typeAnnotation?.typeAnnotation ?? null;
    }
  }
  return null;
}

/** The langchain model type a declared type names; a union counts when every member is one. */
function modelType(type: TSESTree.TypeNode, index: FileIndex): string | null {
  if (type.type === T.TSUnionType) {
    const names = type.types.map((member) => modelType(member, index));
    return names.every((name) => name !== null) ? names[0] : null;
  }
  if (type.type !== T.TSTypeReference || type.typeName.type !== T.Identifier) return null;
  const name = langchainImport(type.typeName, index);
  return name && MODEL_TYPES.has(name) ? name : null;
}

/** The variables of the first piece's template that the call's argument fills, each a slot at its property. */
function variableSlots(template: Extract<Piece, { kind: 'template' }>, argument: TSESTree.Node | undefined, index: FileIndex): PromptSlot[] {
  const values = resolveObject(argument, index);
  if (!values) return [];
  const slots: PromptSlot[] = [];
  for (const element of values.properties) {
    if (element.type !== T.Property) continue;
    const name = keyName(element);
    const role = name === null ? undefined : template.variables.get(name);
    if (name !== null && template.mixed.has(name)) {
      slots.push({ role: 'prompt', label: `prompt template variable {${name}}`, value: element.value, report: element, fills: name, mixed: true });
      continue;
    }
    if (!role || name === null) continue;
    const label = `${role === 'user' ? 'user' : role} template variable {${name}}`;
    slots.push({ role, label, value: element.value, report: element, fills: name });
  }
  return slots;
}

/** What a chain's call returns: text after an output parser or structured output, the model's message after a model. */
function chainOutput(pieces: readonly Piece[], method: string): OutputKind | null {
  if (method.startsWith('format')) return null;
  const modelAt = pieces.findLastIndex((piece) => piece.kind === 'model');
  if (modelAt < 0) return null;
  const model = pieces[modelAt] as Extract<Piece, { kind: 'model' }>;
  const after = pieces.slice(modelAt + 1);
  if (after.some((piece) => piece.kind !== 'parser')) return null;
  if (method === 'streamEvents') return 'stream';
  const text = after.length > 0 || model.structured;
  if (method === 'stream') return text ? 'text-stream' : 'stream';
  return text ? 'text' : 'response';
}

function pieceName(piece: Piece): string {
  return piece.kind === 'unknown' ? 'runnable' : piece.name;
}

/**
 * The chat model a chain's call runs (`new ChatOpenAI({ … })`), when the chain is read whole and
 * holds exactly one: the limit of its output is set there.
 */
export function chainModel(call: TSESTree.CallExpression, index: FileIndex): Node | null {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression) return null;
  const pieces = piecesOf(callee.object, { index }, 0);
  const models = pieces.filter((piece) => piece.kind === 'model');
  return models.length === 1 && !models[0].declared && pieces.every((piece) => piece.kind !== 'unknown') ? models[0].node : null;
}

const CHAIN_METHODS = new Set(['invoke', 'stream', 'streamEvents', 'format', 'formatMessages', 'formatPromptValue']);

/**
 * `runnable.invoke(input)` of a runnable made in this file that holds a prompt template or a chat
 * model. Its slots: the template variables the input fills when the chain starts with a template,
 * the model's own input (text or messages) when it starts with the model.
 */
export function chainRule(modelInput: Extractor): ReceiverRule {
  return {
    methods: CHAIN_METHODS,
    match(call, context) {
      const callee = unwrap(call.callee);
      const method = callee.type === T.MemberExpression ? keyName(callee) : null;
      if (callee.type !== T.MemberExpression || method === null) return null;
      const pieces = piecesOf(callee.object, context, 0);
      const first = pieces[0];
      if (!pieces.some((piece) => piece.kind === 'template' || piece.kind === 'model')) return null;
      // A model's own `invoke` is the model's call; only chains and templates are told here.
      if (pieces.length === 1 && first.kind === 'model') return null;
      if (method.startsWith('format') && (pieces.length !== 1 || first.kind !== 'template')) return null;
      const slots =
        first.kind === 'template' ? variableSlots(first, call.arguments[0], context.index) : first.kind === 'model' ? modelInput(call, context) : [];
      const api = pieces.length === 1 ? `${pieceName(first)}.${method}` : `(${pieces.map(pieceName).join(' | ')}).${method}`;
      return { api, slots, output: chainOutput(pieces, method) };
    },
  };
}
