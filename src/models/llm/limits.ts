/**
 * Output limits per SDK call: the option paths that cap how much the model may generate, and
 * the one a suggestion adds. A path is read inside the call's options object
 * (`['config', 'maxOutputTokens']` is `{ config: { maxOutputTokens } }`).
 */
export interface LimitModel {
  /** Any of these paths set means the call is bounded. */
  readonly paths: readonly (readonly string[])[];
  /** What the suggestion adds (the last name is the option, the others are nested objects). */
  readonly suggest: readonly string[] | null;
  /** How messages name the option when no suggestion adds it (`suggest` null). */
  readonly label?: string;
  /** The argument that holds the options, when it is not the first (`runs.create(threadId, { … })`). */
  readonly position?: number;
}

const limit = (suggest: readonly string[] | null, ...paths: string[][]): LimitModel => ({ paths, suggest });

export const DEFAULT_LIMIT = 1024;

export function limitOf(sdk: string, api: string): LimitModel | null {
  if (api.startsWith('chat.completions') && (sdk === 'openai' || sdk === 'groq')) {
    return limit(['max_completion_tokens'], ['max_tokens'], ['max_completion_tokens']);
  }
  if (sdk === 'openai' && api.startsWith('responses.')) return limit(['max_output_tokens'], ['max_output_tokens']);
  // Assistants runs (and a thread created and run at once) cap the completion over the whole run.
  if (sdk === 'openai' && /^beta\.threads\.createAndRun\w*$/.test(api)) return limit(['max_completion_tokens'], ['max_completion_tokens']);
  if (sdk === 'openai' && api.startsWith('beta.threads.runs.')) return { ...limit(['max_completion_tokens'], ['max_completion_tokens']), position: 1 };
  if (sdk === 'openai' && (api === 'completions.create' || api === 'createChatCompletion' || api === 'createCompletion')) return limit(['max_tokens'], ['max_tokens']);
  // The request is the options or their `chatRequest`: which one decides where the limit goes, so no suggestion.
  if (sdk === 'openrouter' && api === 'chat.send') {
    return { ...limit(null, ['maxTokens'], ['maxCompletionTokens'], ['chatRequest', 'maxTokens'], ['chatRequest', 'maxCompletionTokens']), label: 'maxTokens' };
  }
  if (sdk === 'anthropic') return limit(['max_tokens'], ['max_tokens']);
  if (sdk === 'ai' && /^(?:generate|stream)(?:Text|Object)$|\.(?:generate|stream)$/.test(api)) {
    return limit(['maxOutputTokens'], ['maxOutputTokens'], ['maxTokens']);
  }
  if (sdk === 'google' && api.startsWith('models.')) return limit(['config', 'maxOutputTokens'], ['config', 'maxOutputTokens']);
  // @google/generative-ai: in the request object, or on `getGenerativeModel({ generationConfig })` (see dataflow/llm-limits.ts).
  if (sdk === 'google' && (api === 'generateContent' || api === 'generateContentStream')) return limit(['generationConfig', 'maxOutputTokens'], ['generationConfig', 'maxOutputTokens']);
  if (sdk === 'ollama') return limit(['options', 'num_predict'], ['options', 'num_predict']);
  if (sdk === 'mistral') return limit(['maxTokens'], ['maxTokens'], ['max_tokens']);
  if (sdk === 'cohere') return limit(['maxTokens'], ['maxTokens'], ['max_tokens']);
  // InvokeModel's limit is inside its JSON body, in the model family's own name: not read.
  if (sdk === 'bedrock' && api.startsWith('Converse')) return limit(['inferenceConfig', 'maxTokens'], ['inferenceConfig', 'maxTokens']);
  return null;
}

/** Options of langchain chat-model constructors that cap the output. */
export const LANGCHAIN_LIMITS: ReadonlySet<string> = new Set(['maxTokens', 'maxOutputTokens', 'maxCompletionTokens', 'numPredict', 'max_tokens']);
