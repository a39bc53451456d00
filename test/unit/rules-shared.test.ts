/**
 * Literals several calls share (rules/shared.ts): one finding per problem, and a safe fix that
 * would change another call's request made unsafe, its message naming the calls that share the
 * literal (issue 12; issue 14, row 3).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Settings } from '../../server/src/config/schema';
import { analyzeText, createContext } from '../../server/src/engine';
import type { LanguageName } from '../../server/src/parse/parser';

const ctx = createContext(Settings.parse({ rules: { OAI106: 'hint' } }), { asOf: '2025-09-01', tokens: 'sync' }).ctx;

/** The findings, floating-alias hints (on here for the last test) left out unless asked for. */
async function found(text: string, lang: LanguageName = 'python', withAliases = false) {
  return (await analyzeText(text, lang, ctx)).findings.filter((f) => withAliases || f.code !== 'OAI106').map((f) => ({ code: f.code, at: text.slice(f.span.start, f.span.end), severity: f.severity, safe: f.fix?.safe ?? null, message: f.message }));
}

const HEAD = 'from openai import OpenAI\n\nclient = OpenAI()\nCOMMON = {"temperature": 0.2}\n';

test('a dict shared by three calls, one of which rejects a key: the removal names the two others', async () => {
  const text = `${HEAD}a = client.chat.completions.create(model="o1", messages=[], **COMMON)\nb = client.chat.completions.create(model="gpt-4o", messages=[], **COMMON)\nc = client.chat.completions.create(model="gpt-4o-mini", messages=[], **COMMON)\n`;
  assert.deepEqual(await found(text), [
    {
      code: 'OAI201',
      at: '"temperature"',
      severity: 'error',
      safe: false,
      message: "'temperature' is not supported by o1 (reasoning models accept only the default 1); remove it; the fix edits a literal that the calls at line 6 and line 7 also use, so it is not applied automatically",
    },
  ]);
});

test('a dict shared by two calls that both reject a key: one finding, its fix safe', async () => {
  const text = `${HEAD}a = client.chat.completions.create(model="o1", messages=[], **COMMON)\nb = client.chat.completions.create(model="o1", messages=[], **COMMON)\n`;
  assert.deepEqual(await found(text), [
    { code: 'OAI201', at: '"temperature"', severity: 'error', safe: true, message: "'temperature' is not supported by o1 (reasoning models accept only the default 1); remove it" },
  ]);
});

test('a key the calls use in their own arguments is theirs alone: both removals stay safe', async () => {
  const text = `${HEAD}a = client.chat.completions.create(model="o1", messages=[], temperature=0.2)\nb = client.chat.completions.create(model="gpt-4o", messages=[], **COMMON)\n`;
  assert.deepEqual((await found(text)).map((f) => [f.code, f.at, f.safe]), [['OAI201', 'temperature=0.2', true]]);
});

test('a request object passed to create and stream: one finding on the literal (TypeScript)', async () => {
  const text = "import OpenAI from 'openai';\nconst client = new OpenAI();\nconst params = { model: 'gpt-4-32k', messages: [], temperature: 0.2 };\nawait client.chat.completions.create(params);\nclient.chat.completions.stream(params);\n";
  assert.deepEqual((await found(text, 'typescript')).map((f) => [f.code, f.at, f.safe]), [['OAI102', "'gpt-4-32k'", false]]);
});

test('a model constant two calls use: each call keeps its finding, and the pin both want stays safe', async () => {
  const text = 'from openai import OpenAI\n\nclient = OpenAI()\nMODEL = "gpt-4o"\na = client.chat.completions.create(model=MODEL, messages=[])\nb = client.embeddings.create(model="text-embedding-3-small", input="x")\nc = client.chat.completions.create(model=MODEL, messages=[])\n';
  const floating = (await found(text, 'python', true)).filter((f) => f.code === 'OAI106');
  assert.deepEqual(floating.map((f) => [f.at, f.safe]), [['MODEL', true], ['MODEL', true]]);
});
