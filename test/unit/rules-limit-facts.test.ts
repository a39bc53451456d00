/**
 * OAI302 / OAI303 with the catalog's newer limits (issue 11): an input cap below the context
 * window (`limits.maxPromptTokens`, gpt-5: 272,000 of 400,000) and the embeddings tokens summed
 * over all inputs of one request (`limits.maxTokensPerRequest`, 300,000). Fixture models with
 * small limits (test/fixtures/rules/catalog.json), exact counts, spans and messages.
 */
import { snippetTable } from '../helpers/ruleTable';

const PY = 'from openai import OpenAI\n\nclient = OpenAI()\n';
// o200k_base and cl100k_base: one token per word; a chat prompt adds 3 per message, 1 for the role, 3 to prime the reply
const words = (n: number) => Array.from({ length: n }, () => 'hello').join(' ');
const chat = (content: string, extra = '') => `${PY}client.chat.completions.create(model="chat-capped-input", ${extra}messages=[{"role": "user", "content": "${content}"}])\n`;
const embed = (input: string) => `${PY}client.embeddings.create(model="embedding-capped", input=${input})\n`;

snippetTable('OAI302', {
  valid: [
    { name: 'a prompt under the input cap', lang: 'python', code: chat(words(10)) },
    { name: 'unknown content is not counted', lang: 'python', code: chat('', '').replace('"content": ""', '"content": text') },
  ],
  invalid: [
    {
      name: 'a prompt over the input cap, far under the window',
      lang: 'python',
      code: chat(words(40)),
      errors: [{ covers: `messages=[{"role": "user", "content": "${words(40)}"}]`, message: 'the prompt is 47 tokens: 47 > the 30-token input limit of chat-capped-input; shorten the prompt', output: null }],
    },
    {
      name: 'over the cap with a requested output: one finding, about the input',
      lang: 'python',
      code: chat(words(40), 'max_tokens=990, '),
      errors: [{ covers: `messages=[{"role": "user", "content": "${words(40)}"}]`, message: 'the prompt is 47 tokens: 47 > the 30-token input limit of chat-capped-input; shorten the prompt', output: null }],
    },
    {
      name: 'under the cap, over the window with the output',
      lang: 'python',
      code: chat(words(10), 'max_tokens=990, '),
      errors: [
        {
          covers: `messages=[{"role": "user", "content": "${words(10)}"}]`,
          message: 'the prompt is 17 tokens and requests up to 990 output tokens: 1,007 > the 1,000-token context window of chat-capped-input; shorten the prompt or lower the requested output',
          output: null,
        },
      ],
    },
  ],
});

snippetTable('OAI303', {
  valid: [
    { name: 'inputs under the per-request cap', lang: 'python', code: embed(`["${words(5)}", "${words(5)}"]`) },
    { name: 'unknown inputs are not counted', lang: 'python', code: embed(`[a, b, "${words(5)}"]`) },
  ],
  invalid: [
    {
      name: 'inputs whose tokens summed exceed the per-request cap',
      lang: 'python',
      code: embed(`["${words(12)}", "${words(12)}"]`),
      errors: [{ covers: `input=["${words(12)}", "${words(12)}"]`, message: 'the inputs are 24 tokens in all; embedding-capped accepts at most 20 tokens per request: split them into smaller batches', output: null }],
    },
    {
      name: 'with an unknown input: a lower bound',
      lang: 'python',
      code: embed(`[extra, "${words(25)}"]`),
      errors: [{ covers: `input=[extra, "${words(25)}"]`, message: 'the inputs are at least 25 tokens in all; embedding-capped accepts at most 20 tokens per request: split them into smaller batches', output: null }],
    },
  ],
});
