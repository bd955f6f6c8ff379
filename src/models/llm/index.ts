import { anthropicModel } from './anthropic.js';
import { bedrockModel } from './bedrock.js';
import { cohereModel } from './cohere.js';
import { googleModel } from './google.js';
import { groqModel } from './groq.js';
import { langchainModel } from './langchain.js';
import { mastraModel } from './mastra.js';
import { mistralModel } from './mistral.js';
import { ollamaModel } from './ollama.js';
import { openaiModel } from './openai.js';
import { openaiAgentsModel } from './openai-agents.js';
import { openrouterModel } from './openrouter.js';
import type { SdkModel } from './types.js';
import { vercelAiModel } from './vercel-ai.js';

/** Every modelled LLM SDK. Adding an SDK means adding a file and a line here. */
export const SDK_MODELS: readonly SdkModel[] = [
  openaiModel,
  anthropicModel,
  vercelAiModel,
  langchainModel,
  googleModel,
  ollamaModel,
  mistralModel,
  groqModel,
  cohereModel,
  bedrockModel,
  openrouterModel,
  openaiAgentsModel,
  mastraModel,
];

/** Cheap pre-check: a file that mentions none of these cannot contain a modelled call. */
export const LLM_HINT =
  /openai|anthropic|['"]ai['"]|langchain|genai|generative-ai|ollama|mistral|groq|cohere|bedrock|openrouter|mastra|completions|generateContent|messages\s*\.\s*(?:create|stream)/;

export type { LlmCall, PromptSlot, SlotFix, SlotRole } from './types.js';
export { wrapperCalls } from './wrappers.js';
