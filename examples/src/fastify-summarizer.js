// A ticket summarizer: Fastify + the Anthropic SDK.
import Anthropic from '@anthropic-ai/sdk';
import Fastify from 'fastify';

const anthropic = new Anthropic();
const app = Fastify();

app.post('/summarize', async (request) => {
  const { ticket, tone } = request.body;
  const message = await anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 1024,
    system: `Summarize support tickets in three bullet points. Tone: ${tone}`,
    messages: [{ role: 'user', content: ticket }],
  });
  // The whole SDK result (ids, usage, stop reason) rides along in a debug field.
  return { summary: message.content[0].text, raw: message };
});

app.listen({ port: 3001 });
