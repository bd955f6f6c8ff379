// A math tutor: Hono + langchain.
import { ChatOpenAI } from '@langchain/openai';
import { SystemMessage } from '@langchain/core/messages';
import { Hono } from 'hono';

const app = new Hono();
const model = new ChatOpenAI({ model: 'gpt-4o-mini', maxTokens: 300 });

app.post('/tutor', async (c) => {
  const { grade, question } = await c.req.json();
  const messages = [
    new SystemMessage(`You are a patient math tutor. Explain at the level of grade ${grade}`),
    ['human', question],
  ];
  const reply = await model.invoke(messages);
  // A debug field that hands the whole conversation, instructions included, to the browser.
  return c.json({ reply: reply.content, messages });
});

export default app;
