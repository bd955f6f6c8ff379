// A streamed answer: Fastify + openai, written to the raw response.
import Fastify from 'fastify';
import sensible from '@fastify/sensible';
import OpenAI from 'openai';

const app = Fastify();
await app.register(sensible);
const openai = new OpenAI();

app.post<{ Body: { question: string } }>('/stream', async (request, reply) => {
  try {
    const stream = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      max_tokens: 400,
      stream: true,
      messages: [
        { role: 'system', content: 'Answer in one paragraph.' },
        { role: 'user', content: request.body.question },
      ],
    });
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream' });
    // Whole chunks: ids, model names and usage go to the browser with the text.
    for await (const chunk of stream) reply.raw.write(`data: ${JSON.stringify(chunk)}\n\n`);
    reply.raw.end();
  } catch (err) {
    // @fastify/sensible puts the message into the response body.
    return reply.internalServerError((err as Error).message);
  }
});

export default app;
