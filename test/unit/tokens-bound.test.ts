/**
 * The token-count upper bound that keeps encodings unloaded (OAI302, OAI303): a prompt whose
 * bound fits never loads an encoding; one that might not fit is counted exactly.
 * Runs in its own process (node --test), so the load counter starts at zero here.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ModelEntry } from '../../server/src/catalog/schema';
import { DEFAULT_SETTINGS } from '../../server/src/config/schema';
import { analyzeText, createContext } from '../../server/src/engine';
import { runCallRules } from '../../server/src/rules/run';
import { callTokenUpperBound, countCall, countText, encodingLoadCount, isEncodingLoaded, loadEncodingSync, tokenUpperBound } from '../../server/src/tokens';
import { CallBuilder } from '../helpers/callBuilder';
import { fixtureContext } from '../helpers/rulesCatalog';

const formula = { tileSize: 512, lowDetailTokens: 85, baseTokens: 85, tokensPerTile: 170, maxSide: 2048, shortSide: 768, modelOverrides: [], sources: [{ doc: '003_19121e1eff88d3b7.txt' }] };

/** gpt-3.5-turbo-0125 (fixture catalog: cl100k_base, 16,385-token window), `content` as one user message, max_tokens 4096. */
function chat(content: string) {
  const text = `client.chat.completions.create(model="gpt-3.5-turbo-0125", max_tokens=4096, messages=[{"role": "user", "content": "${content}"}])\n`;
  const b = new CallBuilder(text, 'chat.completions');
  b.arg('model', '"gpt-3.5-turbo-0125"');
  b.arg('max_tokens', '4096');
  b.rewind();
  b.message('user', `"${content}"`);
  return { text, call: b.call };
}

// Sync (CLI) mode throughout: the mode that loads encodings on demand.
const sync = () => fixtureContext({}, '2024-12-17', 'sync');
const limitFindings = (findings: { code: string; message: string }[]) => findings.filter((f) => f.code === 'OAI302' || f.code === 'OAI303').map((f) => [f.code, f.message]);

test('a prompt whose upper bound fits the window never loads the encoding (OAI302, sync mode)', () => {
  assert.equal(encodingLoadCount(), 0);
  // 12,000 bytes + 3 + 4 ('user') + 3 + 4,096 output = 16,106 <= 16,385
  const { text, call } = chat('hello '.repeat(2000));
  assert.deepEqual(limitFindings(runCallRules([call], text, sync())), []);
  assert.equal(isEncodingLoaded('cl100k_base'), false);
  assert.equal(encodingLoadCount(), 0);
});

test('an embeddings input whose byte length is under the limit never loads the encoding (OAI303)', () => {
  const text = 'client.embeddings.create(model="text-embedding-3-small", input="a short sentence")\n';
  const b = new CallBuilder(text, 'embeddings');
  b.arg('model', '"text-embedding-3-small"');
  b.arg('input', '"a short sentence"');
  assert.deepEqual(limitFindings(runCallRules([b.call], text, sync())), []);
  assert.equal(encodingLoadCount(), 0);
});

test('a file of ordinary calls through the engine (CLI mode, built-in catalog) loads no encoding', async () => {
  const source = [
    'from openai import OpenAI',
    'client = OpenAI()',
    'client.chat.completions.create(model="gpt-4o", max_tokens=500, messages=[{"role": "system", "content": "Be brief."}, {"role": "user", "content": q}])',
    'client.chat.completions.create(model="gpt-3.5-turbo", messages=[{"role": "user", "content": "hello"}])',
    'client.embeddings.create(model="text-embedding-3-small", input=["one", "two"])',
    '',
  ].join('\n');
  const { ctx } = createContext(DEFAULT_SETTINGS, { tokens: 'sync', asOf: '2025-01-15' });
  const a = await analyzeText(source, 'python', ctx);
  assert.equal(a.calls.length, 3);
  assert.deepEqual(a.findings.filter((f) => f.code === 'OAI302' || f.code === 'OAI303'), []);
  assert.equal(encodingLoadCount(), 0);
});

test('a prompt whose bound is over the window is counted exactly: fits → nothing, over → OAI302 with the exact count', () => {
  // 18,000 bytes could be 18,000 tokens, so the encoding loads; the exact count is ~3,000 tokens: fits
  const fits = chat('hello '.repeat(3000));
  assert.deepEqual(limitFindings(runCallRules([fits.call], fits.text, sync())), []);
  assert.equal(isEncodingLoaded('cl100k_base'), true);
  assert.equal(encodingLoadCount(), 1);

  // 'hello' + 12,299 × ' hello' + ' ' = 12,301 tokens; + 3 + 1 ('user') + 3 = 12,308
  const over = chat('hello '.repeat(12300));
  const findings = runCallRules([over.call], over.text, sync());
  assert.deepEqual(
    limitFindings(findings),
    [['OAI302', 'the prompt is 12,308 tokens and requests up to 4,096 output tokens: 16,404 > the 16,385-token context window of gpt-3.5-turbo-0125; shorten the prompt or lower the requested output']],
  );
  assert.equal(encodingLoadCount(), 1); // loaded once
});

test('tokenUpperBound is the UTF-8 byte length and never under the count', () => {
  loadEncodingSync('o200k_base');
  const samples = ['', 'hello world', '日本語のテキスト', '🙂👍🏽', 'lone \ud800 surrogate', '<|endoftext|>', ' \n\t  \n', 'x'.repeat(500), 'Ünïcödé façade — naïve'];
  for (const s of samples) {
    assert.equal(tokenUpperBound(s), new TextEncoder().encode(s).length, JSON.stringify(s));
    for (const enc of ['o200k_base', 'cl100k_base'] as const) assert.ok(countText(s, enc) <= tokenUpperBound(s), `${enc} ${JSON.stringify(s)}`);
  }
});

test('callTokenUpperBound bounds countCall field by field (messages, names, images, unknowns, maxChars)', () => {
  loadEncodingSync('o200k_base');
  const entry = fixtureContext().catalog.get('gpt-4o-2024-08-06') as ModelEntry;
  const text =
    'client.chat.completions.create(model="gpt-4o", max_tokens=100, messages=[{"role": "system", "content": "Répondez en français, s\'il vous plaît 🙂"}, {"role": "user", "content": [{"type": "text", "text": "describe"}, {"type": "image_url", "image_url": {"url": u, "detail": "high"}}]}, {"role": "user", "content": question}])';
  const b = new CallBuilder(text, 'chat.completions');
  b.arg('model', '"gpt-4o"');
  b.arg('max_tokens', '100');
  const sys = b.message('system', '"Répondez en français, s\'il vous plaît 🙂"');
  sys.name = { value: { kind: 'string', value: 'helper' }, span: sys.span };
  const textPart = b.part('text', { text: { value: { kind: 'string', value: 'describe' }, span: { start: 0, end: 1 } } });
  b.message('user', null, [textPart, b.part('image_url', { imageDetail: 'high', imageSize: { width: 2048, height: 4096 } })]);
  b.message('user', 'question');
  for (const opts of [{}, { maxChars: 10 }]) {
    const exact = countCall(b.call, entry, formula, opts)!;
    const bound = callTokenUpperBound(b.call, entry, formula, opts)!;
    assert.equal(bound.perMessage.length, exact.perMessage.length);
    bound.perMessage.forEach((n, i) => assert.ok(n >= exact.perMessage[i]!, `message ${i}: ${n} < ${exact.perMessage[i]}`));
    assert.ok(bound.total >= exact.total);
    assert.equal(bound.requestedOutput, exact.requestedOutput);
    assert.equal(bound.exact, exact.exact);
  }
  // the image (1,105 tokens) and the overheads are the same in both; text by bytes
  const sysBytes = Buffer.byteLength("Répondez en français, s'il vous plaît 🙂");
  assert.deepEqual(callTokenUpperBound(b.call, entry, formula), {
    perMessage: [3 + 6 + sysBytes + 1 + 6, 3 + 4 + 8 + 1105, 3 + 4],
    total: 3 + 6 + sysBytes + 1 + 6 + 3 + 4 + 8 + 1105 + 3 + 4 + 3,
    requestedOutput: 100,
    exact: false,
  });
  // unknown messages: null in both
  const unknown = new CallBuilder('client.chat.completions.create(model="gpt-4o", messages=msgs)', 'chat.completions');
  unknown.arg('model', '"gpt-4o"');
  assert.equal(callTokenUpperBound(unknown.call, entry, formula), null);
  assert.equal(countCall(unknown.call, entry, formula), null);
});

test('an embeddings input of fewer characters than the limit but more tokens is still counted (OAI303)', () => {
  // 3,000 characters, 9,000 bytes, 9,000 tokens in cl100k_base: over 8,191 although shorter than it in characters
  const input = '䶵'.repeat(3000);
  const text = `client.embeddings.create(model="text-embedding-3-small", input="${input}")\n`;
  const b = new CallBuilder(text, 'embeddings');
  b.arg('model', '"text-embedding-3-small"');
  b.arg('input', `"${input}"`);
  assert.deepEqual(limitFindings(runCallRules([b.call], text, sync())), [['OAI303', 'this input is 9,000 tokens; text-embedding-3-small accepts at most 8,191 per input: split it']]);
});
