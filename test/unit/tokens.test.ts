import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ModelEntry } from '../../server/src/catalog/schema';
import { countCall, countText, imageFormulaFor, imageTokens, isEncodingLoaded, loadEncoding, loadEncodingSync } from '../../server/src/tokens';
import { CallBuilder } from '../helpers/callBuilder';
import { fixtureContext } from '../helpers/rulesCatalog';

const formula = { tileSize: 512, lowDetailTokens: 85, baseTokens: 85, tokensPerTile: 170, maxSide: 2048, shortSide: 768,
  modelOverrides: [{ models: ['gpt-4o-mini', 'gpt-4o-mini-2024-07-18'], lowDetailTokens: 2833, baseTokens: 2833, tokensPerTile: 5667, sources: [{ doc: '003_19121e1eff88d3b7.txt' }] }],
  sources: [{ doc: '003_19121e1eff88d3b7.txt' }],
};

test('"hello world" is 2 tokens in cl100k_base and o200k_base', () => {
  loadEncodingSync('cl100k_base');
  loadEncodingSync('o200k_base');
  assert.equal(countText('hello world', 'cl100k_base'), 2);
  assert.equal(countText('hello world', 'o200k_base'), 2);
});

test('special-token text counts as text', () => {
  assert.ok(countText('<|endoftext|>', 'cl100k_base') > 1);
});

test('loadEncoding loads once and resolves for every caller', async () => {
  const a = loadEncoding('p50k_base');
  const b = loadEncoding('p50k_base');
  await Promise.all([a, b]);
  assert.equal(isEncodingLoaded('p50k_base'), true);
  assert.equal(countText('hello world', 'p50k_base'), 2);
});

test('image tokens by the overview seed tile formula', () => {
  // the seed's worked example: 2048 x 4096 high detail → 768 x 1536 → 2 x 3 tiles → 6 × 170 + 85
  assert.equal(imageTokens({ imageDetail: 'high', imageSize: { width: 2048, height: 4096 } }, formula), 1105);
  assert.equal(imageTokens({ imageDetail: 'low', imageSize: { width: 4096, height: 8192 } }, formula), 85);
  assert.equal(imageTokens({ imageDetail: 'high', imageSize: { width: 512, height: 512 } }, formula), 255);
  assert.equal(imageTokens({ imageDetail: 'high' }, formula), null);
  // GPT-4o mini's own constants: 6 × 5667 + 2833
  const mini = imageFormulaFor(formula, { id: 'gpt-4o-mini-2024-07-18', aliasOf: null });
  assert.equal(imageTokens({ imageDetail: 'high', imageSize: { width: 2048, height: 4096 } }, mini), 36835);
  assert.equal(imageTokens({ imageDetail: 'low' }, mini), 2833);
});

test('image parts in a chat count: tiles plus message overhead', () => {
  loadEncodingSync('o200k_base');
  const text = 'client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [{"type": "image_url", "image_url": {"url": u, "detail": "high"}}]}])';
  const b = new CallBuilder(text, 'chat.completions');
  b.arg('model', '"gpt-4o"');
  b.message('user', null, [b.part('image_url', { imageDetail: 'high', imageSize: { width: 2048, height: 4096 } })]);
  // 3 + "user" (1) + 1105 + 3
  assert.deepEqual(countCall(b.call, gpt4o(), formula), { perMessage: [1109], total: 1112, requestedOutput: null, exact: true });
});

function gpt4o(): ModelEntry {
  return fixtureContext().catalog.get('gpt-4o-2024-08-06')!;
}

test('chat overhead: 3 per message, role and content, 3 to prime the reply', () => {
  loadEncodingSync('o200k_base');
  const text = 'client.chat.completions.create(model="gpt-4o", max_tokens=100, messages=[{"role": "user", "content": "hello world"}])';
  const b = new CallBuilder(text, 'chat.completions');
  b.arg('model', '"gpt-4o"');
  b.arg('max_tokens', '100');
  b.message('user', '"hello world"');
  // 3 + "user" (1) + "hello world" (2) = 6, + 3 priming = 9
  assert.deepEqual(countCall(b.call, gpt4o(), formula), { perMessage: [6], total: 9, requestedOutput: 100, exact: true });
});

test('a name costs 1 more plus its tokens; unknown content makes the count a lower bound', () => {
  const text = 'client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": "hello world"}, {"role": "user", "content": question}])';
  const b = new CallBuilder(text, 'chat.completions');
  b.arg('model', '"gpt-4o"');
  const m = b.message('system', '"hello world"');
  m.name = { value: { kind: 'string', value: 'hello' }, span: m.span };
  b.message('user', 'question');
  const r = countCall(b.call, gpt4o())!;
  // system: 3 + 1 + 2 + (1 + 1) = 8; user: 3 + 1 + unknown = 4
  assert.deepEqual(r, { perMessage: [8, 4], total: 15, requestedOutput: null, exact: false });
});

test('responses input string and instructions', () => {
  const text = 'client.responses.create(model="gpt-4o", instructions="hello world", input="hello world")';
  const b = new CallBuilder(text, 'responses', { callee: 'responses.create' });
  b.arg('model', '"gpt-4o"');
  b.arg('input', '"hello world"');
  b.call.instructions = { value: { kind: 'string', value: 'hello world' }, span: { start: 0, end: 1 } };
  // instructions: 3 + "developer" + 2; input: 3 + "user" + 2
  const developer = countText('developer', 'o200k_base');
  assert.deepEqual(countCall(b.call, gpt4o()), { perMessage: [5 + developer, 6], total: 11 + developer + 3, requestedOutput: null, exact: true });
});

test('unknown messages → null', () => {
  const text = 'client.chat.completions.create(model="gpt-4o", messages=msgs)';
  const b = new CallBuilder(text, 'chat.completions');
  b.arg('model', '"gpt-4o"');
  assert.equal(countCall(b.call, gpt4o()), null);
});

test('maxChars leaves out a huge string: the count becomes a lower bound', () => {
  const text = 'client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hello world"}])';
  const b = new CallBuilder(text, 'chat.completions');
  b.arg('model', '"gpt-4o"');
  b.message('user', '"hello world"');
  assert.deepEqual(countCall(b.call, gpt4o(), formula, { maxChars: 5 }), { perMessage: [4], total: 7, requestedOutput: null, exact: false });
});
