/**
 * SDK result types, by SDK and type name, and the API whose result they are. With type
 * information, a value of one of these types is LLM output wherever it comes from.
 */
export interface OutputType {
  readonly api: string;
  readonly part: 'response' | 'stream';
}

export const OUTPUT_TYPES: Readonly<Record<string, Readonly<Record<string, OutputType>>>> = {
  openai: {
    ChatCompletion: { api: 'chat.completions.create', part: 'response' },
    ParsedChatCompletion: { api: 'chat.completions.parse', part: 'response' },
    ChatCompletionStream: { api: 'chat.completions.stream', part: 'stream' },
    Completion: { api: 'completions.create', part: 'response' },
    Response: { api: 'responses.create', part: 'response' },
    ResponseStream: { api: 'responses.stream', part: 'stream' },
    Stream: { api: 'chat.completions.create', part: 'stream' },
  },
  groq: { ChatCompletion: { api: 'chat.completions.create', part: 'response' } },
  anthropic: {
    Message: { api: 'messages.create', part: 'response' },
    MessageStream: { api: 'messages.stream', part: 'stream' },
    Stream: { api: 'messages.create', part: 'stream' },
  },
  google: {
    GenerateContentResponse: { api: 'models.generateContent', part: 'response' },
    GenerateContentResult: { api: 'generateContent', part: 'response' },
  },
  mistral: { ChatCompletionResponse: { api: 'chat.complete', part: 'response' } },
  ollama: { ChatResponse: { api: 'chat', part: 'response' }, GenerateResponse: { api: 'generate', part: 'response' } },
  cohere: { NonStreamedChatResponse: { api: 'chat', part: 'response' }, ChatResponse: { api: 'chat', part: 'response' } },
  langchain: { AIMessage: { api: 'model.invoke', part: 'response' }, AIMessageChunk: { api: 'model.stream', part: 'stream' } },
  ai: {
    GenerateTextResult: { api: 'generateText', part: 'response' },
    GenerateObjectResult: { api: 'generateObject', part: 'response' },
    StreamTextResult: { api: 'streamText', part: 'stream' },
    StreamObjectResult: { api: 'streamObject', part: 'stream' },
  },
};

/** Packages whose types name an SDK that `SDK_MODELS` lists under other module names. */
export const TYPE_PACKAGES: Readonly<Record<string, string>> = {
  '@langchain/core': 'langchain',
};
