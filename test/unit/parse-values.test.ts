/** Value resolution: literals, single-assignment names, env defaults, spreads, unknowns; UTF-16 spans; removal spans. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { removalSpan } from '../../server/src/analysis/edits';
import { at, one, plain } from '../helpers/extract';

const PY = 'import os\nfrom openai import OpenAI\nclient = OpenAI()\n';
const TS = 'import OpenAI from "openai";\nconst client = new OpenAI();\n';

const pyModels: { name: string; body: string; value: unknown; def?: string }[] = [
  { name: 'literal', body: 'client.chat.completions.create(model="gpt-4o")', value: 'gpt-4o', def: '"gpt-4o"' },
  { name: 'single-quoted', body: "client.chat.completions.create(model='gpt-4o')", value: 'gpt-4o', def: "'gpt-4o'" },
  { name: 'f-string without fields', body: 'client.chat.completions.create(model=f"gpt-4o")', value: 'gpt-4o', def: 'f"gpt-4o"' },
  { name: 'module constant', body: 'MODEL = "gpt-4o-mini"\nclient.chat.completions.create(model=MODEL)', value: 'gpt-4o-mini', def: '"gpt-4o-mini"' },
  { name: 'annotated constant', body: 'MODEL: str = "gpt-4o-mini"\nclient.chat.completions.create(model=MODEL)', value: 'gpt-4o-mini', def: '"gpt-4o-mini"' },
  { name: 'function local', body: 'def f():\n    m = "o1-mini"\n    client.chat.completions.create(model=m)', value: 'o1-mini', def: '"o1-mini"' },
  { name: 'module constant seen from a function', body: 'M = "o3"\ndef f():\n    client.chat.completions.create(model=M)', value: 'o3', def: '"o3"' },
  { name: 'chain of names', body: 'A = "gpt-4"\nB = A\nclient.chat.completions.create(model=B)', value: 'gpt-4', def: '"gpt-4"' },
  { name: 'os.getenv default', body: 'client.chat.completions.create(model=os.getenv("MODEL", "gpt-4o"))', value: 'gpt-4o', def: '"gpt-4o"' },
  { name: 'os.environ.get default via constant', body: 'M = os.environ.get("MODEL", "gpt-4o")\nclient.chat.completions.create(model=M)', value: 'gpt-4o', def: '"gpt-4o"' },
  { name: 'os.getenv without default', body: 'client.chat.completions.create(model=os.getenv("MODEL"))', value: '<unknown>', def: 'os.getenv("MODEL")' },
  { name: 'f-string with a field', body: 'v = "4o"\nclient.chat.completions.create(model=f"gpt-{v}")', value: '<unknown>', def: 'f"gpt-{v}"' },
  { name: 'function call', body: 'client.chat.completions.create(model=pick_model())', value: '<unknown>', def: 'pick_model()' },
  { name: 'reassigned variable', body: 'm = "gpt-4"\nif x:\n    m = "gpt-4o"\nclient.chat.completions.create(model=m)', value: '<unknown>', def: 'm' },
  { name: 'augmented variable', body: 'm = "gpt-4"\nm += "o"\nclient.chat.completions.create(model=m)', value: '<unknown>', def: 'm' },
  { name: 'function parameter shadows a constant', body: 'm = "gpt-4"\ndef f(m):\n    client.chat.completions.create(model=m)', value: '<unknown>', def: 'm' },
  { name: 'loop variable', body: 'for m in ["a", "b"]:\n    client.chat.completions.create(model=m)', value: '<unknown>', def: 'm' },
  { name: 'attribute', body: 'client.chat.completions.create(model=settings.MODEL)', value: '<unknown>', def: 'settings.MODEL' },
  { name: 'undefined name', body: 'client.chat.completions.create(model=NOWHERE)', value: '<unknown>', def: 'NOWHERE' },
];

for (const c of pyModels) {
  test(`python model value: ${c.name}`, async () => {
    const text = `${PY}${c.body}\n`;
    const call = await one(text, 'python');
    assert.equal(plain(call.model?.value), c.value);
    assert.equal(at(text, call.model?.value.span), c.def);
  });
}

const tsModels: { name: string; body: string; value: unknown; def?: string }[] = [
  { name: 'literal', body: 'client.chat.completions.create({ model: "gpt-4o" })', value: 'gpt-4o', def: '"gpt-4o"' },
  { name: 'template literal', body: 'client.chat.completions.create({ model: `gpt-4o` })', value: 'gpt-4o', def: '`gpt-4o`' },
  { name: 'const', body: 'const MODEL = "gpt-4o-mini";\nclient.chat.completions.create({ model: MODEL })', value: 'gpt-4o-mini', def: '"gpt-4o-mini"' },
  { name: 'as const', body: 'const MODEL = "gpt-4o-mini" as const;\nclient.chat.completions.create({ model: MODEL })', value: 'gpt-4o-mini', def: '"gpt-4o-mini"' },
  { name: 'shorthand property', body: 'const model = "o1";\nclient.chat.completions.create({ model })', value: 'o1', def: '"o1"' },
  { name: 'process.env ?? default', body: 'client.chat.completions.create({ model: process.env.MODEL ?? "gpt-4o" })', value: 'gpt-4o', def: '"gpt-4o"' },
  { name: 'process.env || default via const', body: 'const M = process.env["MODEL"] || "gpt-4o";\nclient.chat.completions.create({ model: M })', value: 'gpt-4o', def: '"gpt-4o"' },
  { name: 'process.env alone', body: 'client.chat.completions.create({ model: process.env.MODEL! })', value: '<unknown>', def: 'process.env.MODEL!' },
  { name: 'template with substitution', body: 'const v = "4o";\nclient.chat.completions.create({ model: `gpt-${v}` })', value: '<unknown>', def: '`gpt-${v}`' },
  { name: 'let reassigned', body: 'let m = "gpt-4";\nm = "gpt-4o";\nclient.chat.completions.create({ model: m })', value: '<unknown>', def: 'm' },
  { name: 'function call', body: 'client.chat.completions.create({ model: pick() })', value: '<unknown>', def: 'pick()' },
  { name: 'parameter shadows', body: 'const m = "gpt-4";\nfunction f(m: string) { return client.chat.completions.create({ model: m }); }', value: '<unknown>', def: 'm' },
  { name: 'block-scoped const', body: 'function f() {\n  const m = "o3-mini";\n  return client.chat.completions.create({ model: m });\n}', value: 'o3-mini', def: '"o3-mini"' },
  // a destructured name shadows the outer constant (it was resolved to the outer one)
  { name: 'destructured name shadows', body: 'const model = "gpt-4";\nfunction f(opts: Opts) {\n  const { model } = opts;\n  return client.chat.completions.create({ model });\n}', value: '<unknown>', def: 'model' },
  { name: 'array-destructured name shadows', body: 'const m = "gpt-4";\nfunction f() {\n  const [m] = pick();\n  return client.chat.completions.create({ model: m });\n}', value: '<unknown>', def: 'm' },
];

for (const c of tsModels) {
  test(`typescript model value: ${c.name}`, async () => {
    const text = `${TS}${c.body}\n`;
    const call = await one(text, 'typescript');
    assert.equal(plain(call.model?.value), c.value);
    assert.equal(at(text, call.model?.value.span), c.def);
  });
}

test('python **params spread of a dict literal in scope: fromSpread args with spans in the literal', async () => {
  const text = `${PY}def f():\n    params = {"model": "gpt-4o", "temperature": 0.1}\n    client.chat.completions.create(**params, max_tokens=5)\n`;
  const call = await one(text, 'python');
  assert.deepEqual(call.args.map((a) => [a.name, plain(a.value), a.fromSpread, at(text, a.span), at(text, a.nameSpan)]), [
    ['model', 'gpt-4o', true, '"model": "gpt-4o"', '"model"'],
    ['temperature', 0.1, true, '"temperature": 0.1', '"temperature"'],
    ['max_tokens', 5, false, 'max_tokens=5', 'max_tokens'],
  ]);
  assert.equal(call.model?.fromSpread, true);
  assert.equal(at(text, call.model?.value.innerSpan), 'gpt-4o');
  assert.equal(call.argsOpen, false);
});

test('python unresolvable **kwargs sets argsOpen; dict(...) spreads resolve', async () => {
  const open = await one(`${PY}def f(**kwargs):\n    client.chat.completions.create(model="gpt-4o", **kwargs)\n`, 'python');
  assert.equal(open.argsOpen, true);
  assert.deepEqual(open.args.map((a) => a.name), ['model']);
  const viaDict = await one(`${PY}opts = dict(temperature=1, **{"top_p": 0.5})\nclient.chat.completions.create(model="gpt-4o", **opts)\n`, 'python');
  assert.deepEqual(viaDict.args.map((a) => [a.name, plain(a.value), a.fromSpread]), [['model', 'gpt-4o', false], ['temperature', 1, true], ['top_p', 0.5, true]]);
  assert.equal(viaDict.argsOpen, false);
});

test('typescript ...spread of an object literal, request object in a const, unknown spread', async () => {
  const text = `${TS}const base = { temperature: 0.3, "max_tokens": 10 };\nclient.chat.completions.create({ ...base, model: "gpt-4o" });\nconst req = { model: "o1", messages: [] };\nclient.chat.completions.create(req);\nclient.chat.completions.create({ model: "gpt-4o", ...opts });\n`;
  const [a, b, c] = await (await import('../helpers/extract')).calls(text, 'typescript');
  assert.deepEqual(a!.args.map((x) => [x.name, plain(x.value), x.fromSpread, at(text, x.span)]), [
    ['temperature', 0.3, true, 'temperature: 0.3'],
    ['max_tokens', 10, true, '"max_tokens": 10'],
    ['model', 'gpt-4o', false, 'model: "gpt-4o"'],
  ]);
  assert.equal(a!.argsOpen, false);
  assert.equal(b!.model?.fromSpread, true);
  assert.equal(at(text, b!.model?.span), 'model: "o1"');
  assert.deepEqual(b!.messages, []);
  assert.equal(c!.argsOpen, true);
  assert.equal(plain(c!.model?.value), 'gpt-4o');
});

test('spans are UTF-16 offsets: emoji and CJK before the call', async () => {
  const text = `${PY}# 日本語のコメント 😀🎉\nGREETING = "こんにちは 👋"\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": GREETING}])\n`;
  const call = await one(text, 'python');
  assert.equal(call.span.start, text.indexOf('client.chat'));
  assert.equal(call.model!.value.span.start, text.indexOf('"gpt-4o"'));
  assert.equal(at(text, call.model!.value.innerSpan), 'gpt-4o');
  const content = call.messages![0]!.content!;
  assert.equal(plain(content), 'こんにちは 👋');
  assert.equal(at(text, content.innerSpan), 'こんにちは 👋');
  const ts = `${TS}// 😀 ✨ 漢字\nclient.chat.completions.create({ model: "gpt-4o" });\n`;
  const tcall = await one(ts, 'typescript');
  assert.equal(tcall.model!.value.span.start, ts.indexOf('"gpt-4o"'));
});

test('string escapes are decoded; raw strings are not', async () => {
  const call = await one(`${PY}client.chat.completions.create(model="gpt\\u002d4o", stop=r"\\n")\n`, 'python');
  assert.equal(plain(call.model?.value), 'gpt-4o');
  assert.equal(plain(call.args[1]!.value), '\\n');
});

const removals: { name: string; text: string; arg: string; out: string }[] = [
  { name: 'middle, one line', text: 'client.chat.completions.create(model="m", temperature=0.2, n=1)', arg: 'temperature', out: 'client.chat.completions.create(model="m", n=1)' },
  { name: 'last, one line', text: 'client.chat.completions.create(model="m", temperature=0.2)', arg: 'temperature', out: 'client.chat.completions.create(model="m")' },
  { name: 'only argument', text: 'client.chat.completions.create(temperature=0.2)', arg: 'temperature', out: 'client.chat.completions.create()' },
  { name: 'multi-line middle', text: 'client.chat.completions.create(\n    model="m",\n    temperature=0.2,\n    n=1,\n)', arg: 'temperature', out: 'client.chat.completions.create(\n    model="m",\n    n=1,\n)' },
  { name: 'multi-line last with trailing comma', text: 'client.chat.completions.create(\n    model="m",\n    temperature=0.2,\n)', arg: 'temperature', out: 'client.chat.completions.create(\n    model="m",\n)' },
  { name: 'multi-line last without trailing comma', text: 'client.chat.completions.create(\n    model="m",\n    temperature=0.2\n)', arg: 'temperature', out: 'client.chat.completions.create(\n    model="m"\n)' },
];

for (const r of removals) {
  test(`removalSpan: ${r.name}`, async () => {
    const text = `${PY}${r.text}\n`;
    const call = await one(text, 'python');
    const arg = call.args.find((a) => a.name === r.arg)!;
    const s = removalSpan(call, arg, text);
    assert.equal(text.slice(0, s.start) + text.slice(s.end), `${PY}${r.out}\n`);
  });
}

test('removalSpan inside a TS object and a spread literal', async () => {
  const text = `${TS}const extra = { temperature: 1, top_p: 0.5 };\nclient.chat.completions.create({ model: "o1", ...extra, n: 2 });\n`;
  const call = await one(text, 'typescript');
  const edit = (name: string) => {
    const s = removalSpan(call, call.args.find((a) => a.name === name)!, text);
    return text.slice(0, s.start) + text.slice(s.end);
  };
  assert.equal(edit('n'), text.replace(', n: 2', ''));
  assert.equal(edit('temperature'), text.replace('temperature: 1, ', ''));
  assert.equal(edit('top_p'), text.replace(', top_p: 0.5', ''));
});
