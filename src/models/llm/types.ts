import type { TSESTree } from '@typescript-eslint/utils';
import type { FileIndex } from '../../syntax/file-index.js';

/**
 * `messages`: a list of role-tagged messages that the caller of a helper builds (see `PromptSlot.list`).
 * `assistant`: a model turn written by the program (`{ role: 'assistant', content }`): filled from
 * the request, it is a forged answer the model takes as its own, so it counts on the system side.
 * `conversation`: the whole list of messages a call takes, whose roles the client must not choose.
 */
export type SlotRole = 'system' | 'user' | 'prompt' | 'messages' | 'assistant' | 'conversation';

/**
 * What an LLM call returns. `response`: the SDK's result object (ids, usage, model, tool calls,
 * reasoning); `stream`: a stream of such chunks; `text`: generated content itself (a string or a
 * parsed object); `text-stream`: a stream of such pieces.
 */
export type OutputKind = 'response' | 'stream' | 'text' | 'text-stream';

export interface MessageRoles {
  /** role name -> label used in messages ('system' -> 'system message'). */
  readonly system: Readonly<Record<string, string>>;
  readonly user: readonly string[];
  /** Role names of model turns ('assistant', langchain's 'ai'). */
  readonly assistant?: readonly string[];
  /** Role name a fix gives the new user message. */
  readonly userRole: string;
  readonly contentKey?: string;
}

/**
 * What a lone user message becomes when the call has no system side at all: the whole
 * prompt in one message is a flat prompt (`messages: [{ role: 'user', content: \`Summarize: ${text}\` }]`).
 * `fix` says how to separate it: a system message before it, or a system option.
 */
export type LoneUserMessage = 'system-message' | ((message: TSESTree.ObjectExpression | TSESTree.ArrayExpression) => SlotFix | undefined) | null;

/** How a fix can rewrite the call around a slot toward role-separated messages. */
export type SlotFix =
  /** Insert a user message right after this message in its (inline) array. */
  | { readonly kind: 'message-after'; readonly message: TSESTree.ObjectExpression | TSESTree.ArrayExpression; readonly userRole: string; readonly contentKey: string }
  /** Keep the constant part in the system option; move the data into a first user message of `messages`. */
  | { readonly kind: 'prepend-user-message'; readonly options: TSESTree.ObjectExpression; readonly shape: 'text' | 'bedrock' }
  /** OpenAI Responses: move the data into `input`. */
  | { readonly kind: 'responses-input'; readonly options: TSESTree.ObjectExpression }
  /** Vercel `ai`: move the data into `messages`, or turn `prompt` into messages. */
  | { readonly kind: 'vercel-system'; readonly options: TSESTree.ObjectExpression }
  /** Google `systemInstruction`: move the data into `contents`. */
  | { readonly kind: 'google-contents'; readonly options: TSESTree.ObjectExpression }
  /** langchain `new SystemMessage(x)` inside a messages array. */
  | { readonly kind: 'langchain-system-message'; readonly node: TSESTree.NewExpression }
  /**
   * A flat prompt (a `prompt` option, a lone user message): the constant part becomes a new
   * `systemKey` option inserted before `before`; the data stays where it was.
   * `bedrock` writes the option as `[{ text: … }]`.
   */
  | {
      readonly kind: 'prompt-to-system';
      readonly options: TSESTree.ObjectExpression;
      readonly systemKey: string;
      readonly before: TSESTree.Property;
      readonly shape?: 'text' | 'bedrock';
    }
  /** A lone user message (or `['human', …]` tuple): a system message with the constant part goes before it. */
  | { readonly kind: 'message-before'; readonly message: TSESTree.ObjectExpression | TSESTree.ArrayExpression; readonly contentKey: string }
  /** langchain `model.invoke(\`…${x}\`)`: a system and a human tuple. */
  | { readonly kind: 'invoke-to-messages'; readonly call: TSESTree.CallExpression }
  /** Legacy `completions.create({ prompt })`: suggestion to move to chat completions. */
  | { readonly kind: 'legacy-completion'; readonly call: TSESTree.CallExpression; readonly options: TSESTree.ObjectExpression };

export interface PromptSlot {
  readonly role: SlotRole;
  /** How messages name the slot: 'system message', 'system prompt', 'instructions', 'prompt', … */
  readonly label: string;
  /** The expression that holds the content. */
  readonly value: TSESTree.Node;
  /** Where a finding is reported: the property or argument that carries the content. */
  readonly report: TSESTree.Node;
  readonly fix?: SlotFix;
  /**
   * For flat prompts that are really a user turn (a lone user message, cohere's `message`, a
   * Responses `input` string): how many instruction words make it "mixed". A short label such
   * as `Question: ${q}` is normal there.
   */
  readonly minInstructionWords?: number;
  /**
   * For a `messages` slot (a parameter of the function that makes the call): how the list's
   * messages are read once the caller's list is known (`ask(messages)` where the caller writes
   * `[{ role: 'system', content: … }]`).
   */
  readonly list?: { readonly roles: MessageRoles; readonly loneUser: LoneUserMessage };
  /**
   * A slot of a call to your own helper: the argument reaches the SDK call `call` through the
   * functions in `hops`; `mixed` when the helper already adds instruction text to it.
   */
  readonly through?: {
    readonly call: string;
    readonly hops: readonly string[];
    readonly mixed: boolean;
    /** The SDK call sets no output limit: the option it lacks. */
    readonly unbounded?: string;
    /** The member paths the helper reads from the argument (see `siteTaint`). */
    readonly accesses?: readonly (readonly (string | null)[])[];
    /**
     * The module where the SDK call is, when it is not this one: the flow is reported there (where
     * the data enters the slot), not at this call.
     */
    readonly elsewhere?: string;
  };
  /**
   * The template variable this value fills (langchain `chain.invoke({ tone })` for a template that
   * reads `{tone}`): a piece of the prompt, not all of it.
   */
  readonly fills?: string;
  /** A value put into a prompt whose fixed text instructs (a template filled later): a flat prompt whatever the value holds. */
  readonly mixed?: boolean;
}

/** Instruction words needed before a user turn counts as a flat prompt. */
export const USER_TURN_MIN_WORDS = 3;

export interface LlmCall {
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
  /** 'openai', 'anthropic', 'ai', 'langchain', …; 'wrapper' for settings wrappers, 'helper' for calls to functions that wrap one. */
  readonly sdk: string;
  /** 'chat.completions.create', 'generateText', 'SystemMessage', … */
  readonly api: string;
  readonly slots: readonly PromptSlot[];
  /** What the call returns, when its model knows (null: nothing generated); otherwise told from `api`. */
  readonly output?: OutputKind | null;
}

export interface ExtractContext {
  readonly index: FileIndex;
  /**
   * The returns of the project function a call runs (here or in another module) and the index of
   * the module that holds them; absent when cross-file analysis is off.
   */
  readonly returnsOf?: (call: TSESTree.CallExpression, index: FileIndex) => { readonly returns: readonly TSESTree.Node[]; readonly index: FileIndex } | null;
}

export type Extractor = (call: TSESTree.CallExpression | TSESTree.NewExpression, context: ExtractContext) => PromptSlot[];

/**
 * A tree of what an SDK exports and what its values lead to. `construct` is the value of
 * `new X()`, `call` the value of `x()`, `members` the properties read from a value.
 * A node with `api` and `extract` marks an LLM call.
 */
export interface TrackNode {
  readonly api?: string;
  readonly extract?: Extractor;
  /** What the call returns (see `LlmCall.output`). */
  readonly output?: OutputKind | null;
  readonly members?: Readonly<Record<string, TrackNode>>;
  readonly call?: TrackNode;
  readonly construct?: TrackNode;
}

/** A method chain unmistakable enough to recognize a client created in another module. */
export interface ChainRule {
  /** The last names of the callee chain, e.g. ['chat', 'completions', 'create']. */
  readonly names: readonly string[];
  readonly api: string;
  readonly extract: Extractor;
  /** Also require an options object with all of these properties (for generic names). */
  readonly requireOptions?: readonly string[];
}

/**
 * Calls told by what their receiver was built from in this file: langchain's
 * `prompt.pipe(model).invoke({ … })`. Only calls whose method is one of `methods` are asked.
 */
export interface ReceiverRule {
  readonly methods: ReadonlySet<string>;
  readonly match: (call: TSESTree.CallExpression, context: ExtractContext) => Omit<LlmCall, 'node' | 'sdk'> | null;
}

export interface SdkModel {
  readonly sdk: string;
  readonly modules: readonly string[];
  /** Export name ('default' for the default export) -> what it leads to. */
  readonly exports: Readonly<Record<string, TrackNode>>;
  readonly chains?: readonly ChainRule[];
  readonly receivers?: readonly ReceiverRule[];
}
