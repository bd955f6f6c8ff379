// A review classifier: Koa + the openai SDK, CommonJS.
const Koa = require('koa');
const { bodyParser } = require('@koa/bodyparser');
const OpenAI = require('openai');

const app = new Koa();
const openai = new OpenAI();
app.use(bodyParser());

app.use(async (ctx) => {
  // Every review, as written by the customer, goes to the log.
  console.log('classify', ctx.request.body);
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 20,
    messages: [{ role: 'user', content: `Classify the sentiment of this review as positive or negative: ${ctx.request.body.review}` }],
  });
  ctx.body = { sentiment: completion.choices[0].message.content };
});

app.listen(3002);
