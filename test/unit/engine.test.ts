/** The engine end to end on real Python and TypeScript: parse, extract, rules, suppressions. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Settings } from '../../server/src/config/schema';
import { analyzeText, createContext, neededEncodings, ruleDoc } from '../../server/src/engine';
import type { SettingsInput } from '../../server/src/config/schema';
import { applyEdits } from '../helpers/callBuilder';

function ctxFor(settings: SettingsInput = {}, asOf = '2025-01-15') {
  return createContext(Settings.parse(settings), { asOf, tokens: 'sync' }).ctx;
}

const cover = (text: string, f: { span: { start: number; end: number } }) => text.slice(f.span.start, f.span.end);

test('Python: temperature on o1-mini, found, located and fixed', async () => {
  const text = 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="o1-mini", temperature=0.2, messages=[{"role": "user", "content": "Hi"}])\n';
  const { calls, findings } = await analyzeText(text, 'python', ctxFor());
  assert.equal(calls.length, 1);
  const f = findings.find((x) => x.code === 'OAI201')!;
  assert.equal(cover(text, f), 'temperature=0.2');
  assert.equal(f.severity, 'error');
  assert.match(f.message, /^'temperature' is not supported by o1-mini \(.*\); remove it$/);
  assert.equal(applyEdits(text, f.fix!.edits), text.replace(' temperature=0.2,', ''));
});

test('TypeScript: a model constant defined elsewhere; the finding is on the call, the fix edits the literal', async () => {
  const text = 'import OpenAI from "openai";\nconst MODEL = "gpt4o";\nconst client = new OpenAI();\nawait client.chat.completions.create({ model: MODEL, messages: [{ role: "user", content: "Hi" }] });\n';
  const { findings } = await analyzeText(text, 'typescript', ctxFor());
  const f = findings.find((x) => x.code === 'OAI101')!;
  assert.equal(cover(text, f), 'MODEL');
  assert.equal(f.span.start, text.indexOf('model: MODEL') + 'model: '.length);
  assert.equal(applyEdits(text, f.fix!.edits).split('\n')[1], 'const MODEL = "gpt-4o";');
});

test('compatible clients get no catalog findings', async () => {
  const text = 'from openai import OpenAI\n\nclient = OpenAI(base_url="http://localhost:11434/v1")\nclient.chat.completions.create(model="llama3", temperature=0.2, messages=[])\n';
  assert.deepEqual((await analyzeText(text, 'python', ctxFor())).findings, []);
});

test('suppressions through the engine, and OAI001 on the stale code', async () => {
  const text =
    'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="o1-mini", temperature=0.2, messages=[])  # noqa: OAI201, OAI302\n';
  const { findings } = await analyzeText(text, 'python', ctxFor());
  assert.deepEqual(findings.filter((f) => f.code === 'OAI201'), []);
  const unused = findings.filter((f) => f.code === 'OAI001');
  assert.equal(unused.length, 1);
  assert.equal(cover(text, unused[0]!), 'OAI302');
});

test('findings are sorted by position; OAI106 off by default; severities from settings', async () => {
  const text = 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", max_tokens=999999, messages=[])\n';
  const a = await analyzeText(text, 'python', ctxFor());
  assert.ok(!a.findings.some((f) => f.code === 'OAI106'));
  const b = await analyzeText(text, 'python', ctxFor({ rules: { OAI106: 'warning', OAI301: 'warning' } }));
  assert.deepEqual(b.findings.map((f) => [f.code, f.severity]).filter(([c]) => c === 'OAI106' || c === 'OAI301'), [['OAI106', 'warning'], ['OAI301', 'warning']]);
  const starts = b.findings.map((f) => f.span.start);
  assert.deepEqual(starts, [...starts].sort((x, y) => x - y));
});

test('a file without OpenAI calls is not parsed', async () => {
  assert.deepEqual(await analyzeText('x = 1\n', 'python', ctxFor()), { calls: [], findings: [] });
});

test('neededEncodings lists the encodings of calls with prompts', async () => {
  const text = 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}])\nclient.embeddings.create(model="text-embedding-3-small", input="x")\n';
  const ctx = ctxFor();
  const { calls } = await analyzeText(text, 'python', ctx);
  assert.deepEqual(neededEncodings(calls, ctx, text).sort(), ['cl100k_base', 'o200k_base']);
});

test('extraModels problems carry their key path', () => {
  const { problems } = createContext(Settings.parse({ catalog: { extraModels: [{ id: 'x' }] } }));
  assert.ok(problems.length > 0);
  assert.ok(problems.every((p) => p.path.startsWith('catalog.extraModels[0]')), JSON.stringify(problems));
});

test('ruleDoc for hovers', () => {
  assert.match(ruleDoc('OAI201')!, /^# OAI201 unsupported-parameter\n/);
});
