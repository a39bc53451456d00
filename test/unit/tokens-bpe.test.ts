/**
 * The compact counter (server/src/tokens/bpe.ts) against js-tiktoken itself, on every
 * encoding of the catalog: the same rank files, the same counts. Loading js-tiktoken's four
 * encodings takes ~2-3 s here (that slowness is why the product has its own counter).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Tiktoken } from 'js-tiktoken/lite';
import { assetPath } from '../../server/src/assets';
import { BpeCounter } from '../../server/src/tokens/bpe';

const samples: string[] = [
  '',
  ' ',
  'hello world',
  '\n\n\n',
  '  \t  x\r\n  y',
  '<|endoftext|> and <|endofprompt|> <|fim_prefix|>',
  "I'm here, you'RE there; they'll've, it'S",
  'Ünïcödé façade — naïve 日本語のテキスト 中文 한국어 العربية עברית',
  '🙂👍🏽 👨‍👩‍👧 e\u0301 \u200b zero width',
  '\ud800 lone \udc00 surrogates \udc00\ud800',
  '1234567890 3.14159 1e10 0x1F 1,000,000',
  '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
  'x'.repeat(400),
  '    def f(x):\n        return x * 2  # double\n',
  'const answer = await client.chat.completions.create({ model: "gpt-4o", messages });',
  'a'.repeat(97) + ' ' + 'b'.repeat(131) + '\t'.repeat(40) + '日'.repeat(50),
];
// random strings over a mixed alphabet (deterministic)
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const alphabet = [...'abc XYZ 01\n\t.,;:!?\'"-_()[]{}éü日本🙂\u0301ß∑ '];
for (let i = 0; i < 150; i++) {
  let s = '';
  const n = Math.floor(rand() * 120);
  for (let j = 0; j < n; j++) s += alphabet[Math.floor(rand() * alphabet.length)];
  samples.push(s);
}

for (const enc of ['o200k_base', 'cl100k_base', 'p50k_base', 'r50k_base'] as const) {
  test(`${enc}: the same count as js-tiktoken's encode(text, [], []) on ${samples.length} texts`, () => {
    const file = JSON.parse(readFileSync(assetPath('ranks', `${enc}.json`), 'utf8'));
    const reference = new Tiktoken(file);
    const counter = BpeCounter.fromRanks(file);
    for (const s of samples) assert.equal(counter.count(s), reference.encode(s, [], []).length, JSON.stringify(s));
  });
}

test('built in slices (the background load) it counts the same, and it pauses between slices', async () => {
  const file = JSON.parse(readFileSync(assetPath('ranks', 'cl100k_base.json'), 'utf8'));
  const whole = BpeCounter.fromRanks(file);
  let pauses = 0;
  const sliced = await BpeCounter.fromRanksInSlices(file, () => new Promise<void>((resolve) => setImmediate(() => (pauses++, resolve()))), 0);
  assert.ok(pauses >= 100, `${pauses} pauses`); // 100,256 tokens, a pause after every 1,000
  for (const s of samples) assert.equal(sliced.count(s), whole.count(s), JSON.stringify(s));
});
