// A notes agent: Next.js route handler + Vercel ai with a tool.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openai } from '@ai-sdk/openai';
import { convertToModelMessages, streamText, tool, type UIMessage } from 'ai';
import { z } from 'zod';

const NOTES_DIR = '/srv/notes';

export async function POST(req: Request) {
  const { messages }: { messages: UIMessage[] } = await req.json();
  const result = streamText({
    model: openai('gpt-4o-mini'),
    system: 'You answer questions about the team notes. Use the readNote tool.',
    // The browser's conversation, roles and all: it can carry its own system message.
    messages: convertToModelMessages(messages),
    maxOutputTokens: 800,
    tools: {
      readNote: tool({
        description: 'Read one note by its file name',
        inputSchema: z.object({ file: z.string() }),
        // The model picks the file name: `../../etc/passwd` leaves the notes folder.
        execute: async ({ file }) => readFile(path.join(NOTES_DIR, file), 'utf8'),
      }),
    },
  });
  return result.toUIMessageStreamResponse();
}
