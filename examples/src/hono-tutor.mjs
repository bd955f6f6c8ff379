// A math tutor: Hono + langchain.
import { ChatOpenAI } from '@langchain/openai';
import { SystemMessage } from '@langchain/core/messages';
import { Hono } from 'hono';

const app = new Hono();
const model = new ChatOpenAI({ model: 'gpt-4o-mini', maxTokens: 300 });

app.post('/tutor', async (c) => {
  const { grade, question } = await c.req.json();
  const reply = await model.invoke([
    new SystemMessage(`You are a patient math tutor. Explain at the level of grade ${grade}`),
    ['human', question],
  ]);
  return c.json({ reply: reply.content });
});

export default app;
