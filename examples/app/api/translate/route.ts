// A translation endpoint: a Next.js route handler + the Vercel AI SDK.
import { openai } from '@ai-sdk/openai';
import { generateText } from 'ai';

const INSTRUCTIONS = 'You are a translator. Translate the text into French and reply with the translation only.';

export async function POST(request: Request) {
  const { text } = await request.json();
  const result = await generateText({
    model: openai('gpt-4o-mini'),
    maxOutputTokens: 400,
    prompt: `${INSTRUCTIONS}\n\n${text}`,
  });
  return Response.json({ translation: result.text });
}
