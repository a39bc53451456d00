import { CallBuilder } from '../helpers/callBuilder';
import { ruleTable, spanOf } from '../helpers/ruleTable';

{
  const over = 'client.chat.completions.create(model="gpt-4o-2024-05-13", max_tokens=8000, messages=m)\n';
  const build = (text: string, n: string, model = '"gpt-4o-2024-05-13"') => () => {
    const b = new CallBuilder(text, 'chat.completions');
    b.arg('model', model);
    b.arg('max_tokens', n);
    return b.call;
  };
  ruleTable('OAI301', {
    valid: [
      { name: 'at the maximum', text: over.replace('8000', '4096'), call: build(over.replace('8000', '4096'), '4096') },
      { name: 'unknown value', text: over.replace('8000', 'LIMIT'), call: build(over.replace('8000', 'LIMIT'), 'LIMIT') },
    ],
    invalid: [
      {
        name: 'above the maximum output',
        text: over,
        call: build(over, '8000'),
        errors: [{ covers: 'max_tokens=8000', ...spanOf(over, 'max_tokens=8000'), message: 'max_tokens=8000 is above the maximum output of gpt-4o-2024-05-13 (4,096 tokens); use at most 4096', output: over.replace('8000', '4096'), safe: false }],
      },
    ],
  });
}

{
  const long = 'hello '.repeat(12300);
  const text = `client.chat.completions.create(model="gpt-3.5-turbo-0125", max_tokens=4096, messages=[{"role": "user", "content": "${long}"}])\n`;
  const build = (t: string, content: string) => () => {
    const b = new CallBuilder(t, 'chat.completions');
    b.arg('model', '"gpt-3.5-turbo-0125"');
    b.arg('max_tokens', '4096');
    const messages = b.arg('messages', t.slice(t.indexOf('[{'), t.lastIndexOf(')')));
    b.rewind();
    b.message('user', `"${content}"`);
    messages.value.value = { kind: 'unknown' };
    return b.call;
  };
  const short = text.replace(long, 'hello');
  ruleTable('OAI302', {
    valid: [{ name: 'fits', text: short, call: build(short, 'hello') }],
    invalid: [
      {
        // 'hello' + 12,299 × ' hello' + ' ' = 12,301 tokens; + 3 (message) + 1 ('user') + 3 (priming) = 12,308
        name: 'prompt plus requested output over the window',
        text,
        call: build(text, long),
        errors: [
          {
            covers: text.slice(text.indexOf('messages='), text.lastIndexOf(')')),
            start: text.indexOf('messages='),
            end: text.lastIndexOf(')'),
            message: 'the prompt is 12,308 tokens and requests up to 4,096 output tokens: 16,404 > the 16,385-token context window of gpt-3.5-turbo-0125; shorten the prompt or lower the requested output',
            output: null,
          },
        ],
      },
    ],
  });
}

{
  const prompt = 'a cat '.repeat(200);
  const text = `client.images.generate(model="dall-e-2", prompt="${prompt}")\n`;
  const build = (t: string, p: string, model = '"dall-e-2"') => () => {
    const b = new CallBuilder(t, 'images.generate', { callee: 'images.generate' });
    b.arg('model', model);
    b.arg('prompt', `"${p}"`);
    return b.call;
  };
  const many = `client.embeddings.create(model="text-embedding-3-small", input=ITEMS)\n`;
  ruleTable('OAI303', {
    valid: [
      { name: 'short prompt', text: text.replace(prompt, 'a cat'), call: build(text.replace(prompt, 'a cat'), 'a cat') },
      { name: '1,200 characters on dall-e-3', text: text.replace('dall-e-2', 'dall-e-3'), call: build(text.replace('dall-e-2', 'dall-e-3'), prompt, '"dall-e-3"') },
    ],
    invalid: [
      {
        name: 'dall-e-2 prompt over 1,000 characters',
        text,
        call: build(text, prompt),
        errors: [{ covers: `prompt="${prompt}"`, ...spanOf(text, `prompt="${prompt}"`), message: 'the prompt is 1,200 characters; dall-e-2 accepts at most 1,000: shorten it', output: null }],
      },
      {
        name: 'more than 2,048 embedding inputs',
        text: many,
        call: () => {
          const b = new CallBuilder(many, 'embeddings');
          b.arg('model', '"text-embedding-3-small"');
          const input = b.arg('input', 'ITEMS');
          const item = { value: { kind: 'string' as const, value: 'x' }, span: input.value.span };
          input.value.value = { kind: 'array', items: Array.from({ length: 2049 }, () => item) };
          return b.call;
        },
        errors: [{ covers: 'input=ITEMS', ...spanOf(many, 'input=ITEMS'), message: '2,049 inputs in one request; embeddings accept at most 2,048: split the list into batches', output: null }],
      },
    ],
  });
}
