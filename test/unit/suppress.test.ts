import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../server/src/rules/types';
import { applySuppressions, parseSuppressions } from '../../server/src/suppress';
import type { Comment, SuppressOptions } from '../../server/src/suppress';
import { applyEdits } from '../helpers/callBuilder';

/** Comments as a parser gives them: from the marker to the end of the line. */
function comments(text: string, marker: string): Comment[] {
  const out: Comment[] = [];
  for (const m of text.matchAll(new RegExp(`${marker.replace(/\//g, '\\/')}[^\\n]*`, 'g'))) out.push({ text: m[0], span: { start: m.index, end: m.index + m[0].length } });
  return out;
}

function finding(text: string, code: string, needle: string): Finding {
  const start = text.indexOf(needle);
  return { code, severity: 'error', message: code, span: { start, end: start + needle.length }, fix: null };
}

const opts: SuppressOptions = { isKnown: (c: string) => /^OAI(001|101|102|201|202|302)$/.test(c), isEnabled: () => true, unusedSeverity: 'hint' };

function run(text: string, findings: Finding[], language = 'python', o = opts) {
  const marker = language === 'python' ? '#' : '//';
  return applySuppressions(findings, parseSuppressions(comments(text, marker), text, language), text, o);
}

test('disable-line suppresses the listed code on its line only', () => {
  const text = 'a(temperature=1)  # openai-model-lint: disable-line OAI201\nb(temperature=1)\n';
  const out = run(text, [finding(text, 'OAI201', 'temperature=1'), finding(text, 'OAI201', 'b(temperature=1)')]);
  assert.deepEqual(out.map((f) => f.span.start), [text.indexOf('b(')]);
});

test('disable-next-line, several codes separated by commas and spaces', () => {
  const text = '// openai-model-lint: disable-next-line OAI201, OAI202 OAI302\ncreate({ temperature: 1, max_tokens: 2 })\n';
  const out = run(text, [finding(text, 'OAI201', 'temperature: 1'), finding(text, 'OAI202', 'max_tokens: 2')], 'typescript');
  // OAI302 suppressed nothing
  assert.equal(out.length, 1);
  assert.equal(out[0]!.code, 'OAI001');
  assert.equal(text.slice(out[0]!.span.start, out[0]!.span.end), 'OAI302');
  assert.equal(out[0]!.message, "'OAI302' is suppressed here but nothing reports it; remove it");
  assert.equal(out[0]!.severity, 'hint');
  assert.equal(applyEdits(text, out[0]!.fix!.edits), '// openai-model-lint: disable-next-line OAI201, OAI202\ncreate({ temperature: 1, max_tokens: 2 })\n');
});

test('disable-file anywhere in the file', () => {
  const text = 'x = create(model="gpt-4-32k")\n# openai-model-lint: disable-file OAI102\n';
  assert.deepEqual(run(text, [finding(text, 'OAI102', '"gpt-4-32k"'), finding(text, 'OAI201', 'x')]).map((f) => f.code), ['OAI201']);
});

test('a directive without codes covers every rule', () => {
  const text = 'create(model="x", temperature=2)  # openai-model-lint: disable-line\n';
  assert.deepEqual(run(text, [finding(text, 'OAI101', '"x"'), finding(text, 'OAI201', 'temperature=2')]), []);
});

test('Python noqa with our codes; other linters\' codes are left alone', () => {
  const text = 'create(temperature=2)  # noqa: E501, OAI201\n';
  assert.deepEqual(run(text, [finding(text, 'OAI201', 'temperature=2')]), []);
  const unused = 'create(temperature=2)  # noqa: OAI201, E501\n';
  const out = run(unused, []);
  assert.equal(out.length, 1);
  assert.equal(unused.slice(out[0]!.span.start, out[0]!.span.end), 'OAI201');
  assert.equal(applyEdits(unused, out[0]!.fix!.edits), 'create(temperature=2)  # noqa: E501\n');
});

test('blanket noqa suppresses and is never reported unused', () => {
  const text = 'create(temperature=2)  # noqa\nother()  # noqa\n';
  assert.deepEqual(run(text, [finding(text, 'OAI201', 'temperature=2')]), []);
});

test('noqa is Python only', () => {
  const text = 'create({ temperature: 2 })  // noqa: OAI201\n';
  assert.equal(run(text, [finding(text, 'OAI201', 'temperature: 2')], 'typescript').length, 1);
});

test('a finding spanning lines is suppressed by a disable-line on any of its lines', () => {
  const text = 'create(\n  messages=[\n    {"role": "user"}],  # openai-model-lint: disable-line OAI302\n)\n';
  const start = text.indexOf('messages');
  const f: Finding = { code: 'OAI302', severity: 'error', message: '', span: { start, end: text.indexOf('}]') + 2 }, fix: null };
  assert.deepEqual(run(text, [f]), []);
});

test('an unused suppression alone in its comment: the fix removes the comment', () => {
  const text = 'create(model="gpt-4o")  # openai-model-lint: disable-line OAI201\n';
  const out = run(text, []);
  assert.equal(out.length, 1);
  assert.deepEqual(out[0]!.span, { start: text.indexOf('OAI201'), end: text.indexOf('OAI201') + 6 });
  assert.equal(applyEdits(text, out[0]!.fix!.edits), 'create(model="gpt-4o")\n');
  assert.equal(out[0]!.fix!.safe, true);
  const own = '# openai-model-lint: disable-next-line OAI201\ncreate(model="gpt-4o")\n';
  assert.equal(applyEdits(own, run(own, [])[0]!.fix!.edits), 'create(model="gpt-4o")\n');
});

test('unknown codes are reported; codes of disabled rules are not; OAI001 off reports nothing', () => {
  const text = 'create()  # openai-model-lint: disable-line OAI999 OAI101\n';
  const out = run(text, [], 'python', { ...opts, isEnabled: (c) => c !== 'OAI101' });
  assert.deepEqual(out.map((f) => f.message), ["'OAI999' is not an openai-model-lint rule code; remove it"]);
  assert.deepEqual(run(text, [], 'python', { ...opts, unusedSeverity: null }), []);
});

test('OAI001 can itself be suppressed', () => {
  const text = '# openai-model-lint: disable-file OAI001\ncreate()  # openai-model-lint: disable-line OAI201\n';
  assert.deepEqual(run(text, []), []);
});

test('directive text inside a string is not a comment', () => {
  const text = 'create(prompt="# openai-model-lint: disable-line OAI201", temperature=2)\n';
  // the parser gives no comment here
  assert.equal(applySuppressions([finding(text, 'OAI201', 'temperature=2')], parseSuppressions([], text, 'python'), text, opts).length, 1);
});
