// A customer-support bot: Express + the openai SDK.
import express from 'express';
import OpenAI from 'openai';

const app = express();
app.use(express.json());
const openai = new OpenAI();

app.post('/support', async (req, res) => {
  const customerName = req.body.name;
  try {
    const completion = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      max_completion_tokens: 500,
      messages: [
        // The customer's own words end up in the instructions: they can rewrite the rules.
        { role: 'system', content: `You are Acme's support agent. Address the customer by name: ${customerName}` },
        { role: 'user', content: req.body.question },
      ],
    });
    res.json({ answer: completion.choices[0].message.content });
  } catch (err) {
    // The provider's error text and the stack go straight to the browser.
    res.status(500).json({ error: err.message, stack: err.stack });
  }
});

app.listen(3000);
