import assert from 'node:assert/strict';
import { test } from 'node:test';
import { comments, commentsWith, keyCandidates, stringLiterals } from '../../server/src/engineScan';
import { findHardcodedKeys, maskKey } from '../../server/src/rules/hardcoded-api-key';
import { applyEdits } from '../helpers/callBuilder';
import { B64URL, HEX, keyGenerator } from '../helpers/fakeKeys';
import { parseWith } from '../helpers/treeSitter';

const gen = keyGenerator(42);
const KEY = `sk-proj-${gen(B64URL, 48)}`;
const AZURE = gen(HEX, 32);

test('OAI501: OpenAI key literal in Python, masked in the message, fixed to an environment read', async () => {
  const text = `client = OpenAI(api_key="${KEY}")\n`;
  const tree = await parseWith('python', text);
  const found = findHardcodedKeys(stringLiterals(tree.rootNode, 'python'), 'python');
  assert.equal(found.length, 1);
  const f = found[0]!;
  assert.equal(text.slice(f.span.start, f.span.end), `"${KEY}"`);
  assert.deepEqual(f.span, { start: 24, end: 24 + KEY.length + 2 });
  assert.equal(f.message, `hard-coded OpenAI API key '${maskKey(KEY)}'; read it from the OPENAI_API_KEY environment variable and revoke this key`);
  assert.ok(!f.message.includes(KEY));
  assert.equal(applyEdits(text, f.fix!.edits), 'client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])\n');
  assert.equal(f.fix!.safe, false);
});

test('OAI501: Azure key as apiKey / api-key header in TypeScript; the same hex elsewhere is not a key', async () => {
  const text = `const c = new AzureOpenAI({ apiKey: "${AZURE}" });\nconst h = { "api-key": '${AZURE}' };\nconst id = "${AZURE}";\n`;
  const tree = await parseWith('typescript', text);
  const found = findHardcodedKeys(stringLiterals(tree.rootNode, 'typescript'), 'typescript');
  assert.deepEqual(found.map((f) => text.slice(f.span.start, f.span.end)), [`"${AZURE}"`, `'${AZURE}'`]);
  assert.equal(applyEdits(text, found[0]!.fix!.edits).split('\n')[0], 'const c = new AzureOpenAI({ apiKey: process.env.AZURE_OPENAI_API_KEY });');
  assert.equal(found[1]!.message, `hard-coded Azure OpenAI API key '${AZURE.slice(0, 2)}…${AZURE.slice(-4)}'; read it from the AZURE_OPENAI_API_KEY environment variable and revoke this key`);
});

test('OAI501: short sk- strings and f-strings are not keys', async () => {
  const text = 'a = "sk-short"\nb = f"sk-{x}abcdefghijklmnopqrstuvwxyz"\n';
  const tree = await parseWith('python', text);
  assert.deepEqual(findHardcodedKeys(stringLiterals(tree.rootNode, 'python'), 'python'), []);
});

test('maskKey never shows the whole key', () => {
  assert.equal(maskKey('sk-abcdefghijklmnopqrstuvwxyz'), 'sk-ab…wxyz');
});

test('comments come from the tree: directive text in a string is not a comment', async () => {
  const text = 'x = "# openai-model-lint: disable-file"  # real comment\n';
  const tree = await parseWith('python', text);
  assert.deepEqual(comments(tree.rootNode), [{ text: '# real comment', span: { start: 41, end: 55 } }]);
  const ts = 'const s = "// openai-model-lint: disable-file"; /* block */ // line\n';
  const t2 = await parseWith('typescript', ts);
  assert.deepEqual(comments(t2.rootNode).map((c) => c.text), ['/* block */', '// line']);
});

test('comments and key literals are found at UTF-16 offsets after emoji and CJK', async () => {
  const text = `x = "😀漢字"  # openai-model-lint: disable-line OAI201\nk = OpenAI(api_key="${KEY}")\n`;
  const tree = await parseWith('python', text);
  const found = commentsWith(tree.rootNode, text, /openai-model-lint:|noqa/gi);
  assert.deepEqual(found, [{ text: '# openai-model-lint: disable-line OAI201', span: { start: text.indexOf('#'), end: text.indexOf('\n') } }]);
  const keys = findHardcodedKeys(stringLiterals(tree.rootNode, 'python', { text, pattern: keyCandidates(text)! }), 'python');
  assert.deepEqual(keys.map((k) => text.slice(k.span.start, k.span.end)), [`"${KEY}"`]);
});

test('a directive inside a string is not a comment (text search path)', async () => {
  const text = 'x = "# openai-model-lint: disable-file"\n';
  const tree = await parseWith('python', text);
  assert.deepEqual(commentsWith(tree.rootNode, text, /openai-model-lint:/g), []);
  assert.equal(keyCandidates('x = 1'), null);
});
