/**
 * "Disable OAIxxx for this line": the comment lands where it suppresses the finding — at
 * the end of the line, or on its own line above when the line ends inside a string — and
 * the result, analysed again, has neither the finding nor an unused suppression.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { analyzeText, createContext } from '../../server/src/engine';
import { Settings } from '../../server/src/config/schema';
import { disableEdit } from '../../server/src/features/disableComment';
import { initParsers, parseText } from '../../server/src/parse/parser';
import type { LanguageName } from '../../server/src/parse/parser';

const ctx = createContext(Settings.parse({ asOf: '2025-01-15' }), { tokens: 'sync' }).ctx;

before(() => initParsers());

/** Disables the first finding with `code` and returns the new text (or null: no edit). */
async function disable(text: string, lang: LanguageName, code: string): Promise<string | null> {
  const { findings } = await analyzeText(text, lang, ctx);
  const f = findings.find((x) => x.code === code);
  assert.ok(f, `${code} expected in:\n${text}`);
  const lineStart = text.lastIndexOf('\n', f.span.start - 1) + 1;
  const tree = parseText(text, lang);
  try {
    const e = disableEdit(text, lineStart, code, lang === 'python' ? '#' : '//', tree);
    return e ? text.slice(0, e.start) + e.newText + text.slice(e.end) : null;
  } finally {
    tree?.delete();
  }
}

async function codes(text: string, lang: LanguageName): Promise<string[]> {
  return (await analyzeText(text, lang, ctx)).findings.map((f) => f.code);
}

const PY_HEAD = 'from openai import OpenAI\nclient = OpenAI()\n';

test('a line that ends in code gets the comment at its end', async () => {
  const text = `${PY_HEAD}client.chat.completions.create(model="o1", temperature=0.2, messages=[])\n`;
  const out = await disable(text, 'python', 'OAI201');
  assert.equal(out, `${PY_HEAD}client.chat.completions.create(model="o1", temperature=0.2, messages=[])  # openai-model-lint: disable-line OAI201\n`);
  assert.deepEqual(await codes(out!, 'python'), []);
});

test('a line that ends inside a triple-quoted string gets disable-next-line above it', async () => {
  const text = `${PY_HEAD}client.chat.completions.create(model="o1", temperature=0.2, messages=[{"role": "user", "content": """first\nsecond"""}])\n`;
  const out = await disable(text, 'python', 'OAI201');
  assert.equal(out, `${PY_HEAD}# openai-model-lint: disable-next-line OAI201\nclient.chat.completions.create(model="o1", temperature=0.2, messages=[{"role": "user", "content": """first\nsecond"""}])\n`);
  assert.deepEqual(await codes(out!, 'python'), []);
});

test('a line that ends inside a template literal keeps its indentation on the comment above', async () => {
  const head = "import OpenAI from 'openai';\nconst client = new OpenAI();\n";
  const text = `${head}async function f() {\n  await client.chat.completions.create({ model: 'o1', top_p: 0.5, messages: [{ role: 'user', content: \`one\ntwo\` }] });\n}\n`;
  const out = await disable(text, 'typescript', 'OAI201');
  assert.equal(out, `${head}async function f() {\n  // openai-model-lint: disable-next-line OAI201\n  await client.chat.completions.create({ model: 'o1', top_p: 0.5, messages: [{ role: 'user', content: \`one\ntwo\` }] });\n}\n`);
  assert.deepEqual(await codes(out!, 'typescript'), []);
});

test('a second code joins the directive already on the line', async () => {
  const text = `${PY_HEAD}client.chat.completions.create(model="o1", temperature=0.2, max_tokens=5, messages=[])  # openai-model-lint: disable-line OAI201\n`;
  const out = await disable(text, 'python', 'OAI202');
  assert.equal(out, `${PY_HEAD}client.chat.completions.create(model="o1", temperature=0.2, max_tokens=5, messages=[])  # openai-model-lint: disable-line OAI201, OAI202\n`);
  assert.deepEqual(await codes(out!, 'python'), []);
});

test('no edit when the line both starts and ends inside strings', async () => {
  const text = `${PY_HEAD}client.chat.completions.create(messages=[{"role": "user", "content": """a\nb"""}], model="o1", temperature=0.2, stop="""x\ny""")\n`;
  assert.equal(await disable(text, 'python', 'OAI201'), null);
});
