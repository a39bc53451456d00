/**
 * The no-parse prefilter `mightContainCall` matches call recognition exactly in the direction
 * that matters: every text extractCalls finds a call in passes it (the CLI skips the others
 * before parsing). Checked on every source file of the repository (examples/, notebooks'
 * cells, the editor fixtures, our own sources and tests), every rule doc example, and a few
 * thousand generated calls that vary the receiver, the resource path, wrappers and what
 * stands between the segments (spaces, newlines, comments, line continuations, `?.`, `!`).
 * It also still rejects ordinary code that has a `.create(...)` of its own.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { extractCalls, mightContainCall } from '../../server/src/analysis/extract';
import { initParsers, parseText } from '../../server/src/parse/parser';
import type { LanguageName } from '../../server/src/parse/parser';
import type { Rule } from '../../server/src/rules/define';
import { RULES } from '../../server/src/rules/registry';
import { repositorySources } from '../helpers/sources';

before(async () => {
  await initParsers();
});

function callCount(text: string, lang: LanguageName): number {
  const tree = parseText(text, lang);
  try {
    return extractCalls(tree, text, lang).length;
  } finally {
    tree.delete();
  }
}

test('every repository source file and notebook cell with a call passes the prefilter', () => {
  const files = repositorySources(['examples', 'test/editor/fixtures', 'server/src', 'client/src', 'test/unit', 'test/helpers', 'bench']);
  let withCalls = 0;
  for (const [name, text, lang] of files) {
    if (callCount(text, lang) === 0) continue;
    withCalls++;
    assert.equal(mightContainCall(text), true, name);
  }
  // examples/ alone has more than ten files and cells with calls: the check is not vacuous
  assert.ok(withCalls >= 10, `only ${withCalls} files with calls`);
});

test('every rule doc example with a call passes the prefilter', () => {
  let withCalls = 0;
  for (const rule of Object.values(RULES) as Rule[]) {
    for (const e of [rule.meta.docs.example, rule.meta.docs.useInstead]) {
      if (callCount(e.code, e.language) === 0) continue;
      withCalls++;
      assert.equal(mightContainCall(e.code), true, `${rule.meta.code}: ${e.code}`);
    }
  }
  assert.ok(withCalls >= 30, `only ${withCalls} examples with calls`);
});

/** Deterministic generator (mulberry32), so a failure names a reproducible case. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PATHS = [
  'chat.completions.create', 'chat.completions.parse', 'chat.completions.stream', 'beta.chat.completions.parse', 'beta.chat.completions.stream',
  'completions.create', 'embeddings.create', 'images.generate', 'images.edit', 'moderations.create', 'responses.create', 'responses.parse',
  'responses.stream', 'audio.transcriptions.create', 'audio.translations.create', 'audio.speech.create',
];
const PY_PATHS = [...PATHS, 'images.create_variation', 'ChatCompletion.create', 'Completion.create', 'Embedding.create'];
const JS_PATHS = [...PATHS, 'images.createVariation'];
const PY_WRAPPERS = ['with_raw_response', 'with_streaming_response'];
const JS_WRAPPERS = ['withRawResponse', 'withStreamingResponse'];

const PY_HEADERS = [
  '', 'from openai import OpenAI\nclient = OpenAI()\n', 'import openai\n', 'from app.llm import client, get_client\n', 'from .clients import client\n',
  'from groq import Groq\nclient = Groq()\n', 'from app.llm import get_client\nclient = get_client()\n', 'import app.llm as llm\n',
];
const PY_RECEIVERS = ['client', 'openai', 'get_client()', 'llm.client', '(client)', 'client.with_options(timeout=5)', 'self.client', 'clients["a"]'];
const JS_HEADERS = [
  '', 'import OpenAI from "openai";\nconst client = new OpenAI();\n', 'import { client, getClient } from "./openai";\n', 'const { client } = require("./llm");\n',
  'import Groq from "groq-sdk";\nconst client = new Groq();\n', 'import * as llm from "./llm";\n',
];
const JS_RECEIVERS = ['client', 'getClient()', 'llm.client', '(client)', 'client.withOptions({ timeout: 5 })', 'this.client', 'client!', '(await getClient())'];

/** One generated call: receiver, path segments joined by varied separators, optional wrapper, arguments. */
function generated(rand: () => number, lang: 'python' | 'typescript'): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const py = lang === 'python';
  const segments = pick(py ? PY_PATHS : JS_PATHS).split('.');
  if (rand() < 0.25) segments.splice(segments.length - 1, 0, pick(py ? PY_WRAPPERS : JS_WRAPPERS));
  // inside a call's parentheses Python allows newlines and comments between the segments
  const separators = py
    ? ['.', ' .', '. ', '\n    .', '  # why\n    .', ' \\\n    .', '.\n    ']
    : ['.', ' .', '\n  .', ' /* c */ .', '\n  // c\n  .', '?.', '.\n  '];
  let callee = pick(py ? PY_RECEIVERS : JS_RECEIVERS);
  for (const s of segments) callee += (rand() < 0.6 ? '.' : pick(separators)) + s;
  const model = pick(['model="gpt-4o"', 'model=MODEL', '', 'data={"x": 1}']);
  const args = py ? model : model ? `{ ${model.replace('=', ': ').replace('{"x": 1}', '{ x: 1 }')} }` : '';
  const call = `${callee}(${args})`;
  const header = pick(py ? PY_HEADERS : JS_HEADERS);
  if (py) return `${header}MODEL = "o1"\n${rand() < 0.5 ? `print(${call})` : `class Bot:\n    def ask(self):\n        return log(${call})`}\n`;
  return `${header}const MODEL = "o1";\n${rand() < 0.5 ? `void (${call});` : `class Bot {\n  ask() {\n    return log(${call});\n  }\n}`}\n`;
}

test('generated calls: whenever one is extracted, the text passes the prefilter', () => {
  const rand = random(0x0a11ca11);
  let extracted = 0;
  let total = 0;
  for (const lang of ['python', 'typescript'] as const) {
    for (let i = 0; i < 1500; i++) {
      const text = generated(rand, lang);
      total++;
      if (callCount(text, lang) === 0) continue;
      extracted++;
      assert.equal(mightContainCall(text), true, text);
    }
  }
  // most generated texts hold a call (the rest: no model through an imported client, a
  // compatible SDK's odd path, ...): the property is exercised thousands of times
  assert.ok(extracted > total / 3, `${extracted} of ${total}`);
});

test('broken code: a call extracted from a text with typos passes the prefilter too', () => {
  // tree-sitter repairs broken code; a callee it had to repair is not taken as a call, so
  // `client.chat.completions.@create(...)` or Python's `create$(...)` cannot slip past the scan
  const rand = random(0xb40c3);
  const junk = ['@', '#', '(', ')', '.', ' ', '\n', '"', "'", '/', '*', '!', '?', ',', ';', '{', '}', '\\', 'x', '$', '`', ':'];
  let extracted = 0;
  for (let i = 0; i < 2000; i++) {
    const lang = i % 2 ? 'python' : 'typescript';
    let text = generated(rand, lang);
    for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) {
      const at = Math.floor(rand() * text.length);
      const op = rand();
      const ch = junk[Math.floor(rand() * junk.length)]!;
      text = op < 0.33 ? text.slice(0, at) + text.slice(at + 1) : op < 0.66 ? text.slice(0, at) + ch + text.slice(at) : text.slice(0, at) + ch + text.slice(at + 1);
    }
    if (callCount(text, lang) === 0) continue;
    extracted++;
    assert.equal(mightContainCall(text), true, JSON.stringify(text));
  }
  assert.ok(extracted > 500, `${extracted} of 2000`);
});

test('mightContainCall rejects ordinary code with create / generate / parse calls of its own', () => {
  const ordinary = [
    'import os\nprint("hello")\n',
    'Model.objects.create(name="x")\nstripe.Customer.create()\n',
    'const completions = 3; // no sdk here\n',
    'from app.models import Image\nImage.objects.create(url=u)\nimages = [1, 2]\n',
    'responses = requests.get(url).json()\nfor r in responses:\n    r.create()\n',
    'await prisma.user.create({ data: { model: "gpt-4o" } });\nconst images = await db.images.findMany();\n',
    'stripe.customers.create({ email });\ntwilio.messages.create({ body });\n',
    'const speech = new SpeechSynthesisUtterance(text);\nspeechSynthesis.speak(speech);\n',
    'import openai\n# openai is imported but never called\n',
    'mycompletions.create(model="x")\nself.completions_cache.create()\n',
    'text = "Upload your images. Then press create."\n',
  ];
  for (const text of ordinary) assert.equal(mightContainCall(text), false, text);
});

test('mightContainCall accepts every spelling between the resource and the method', () => {
  const spellings = [
    'client.chat.completions.create(model="x")',
    'client.chat.completions.with_raw_response.create(model="x")',
    'client.chat.completions.with_options(timeout=1).create(model="x")',
    '(client.chat.completions).create({ model: "x" })',
    'client.chat.completions!.create({ model: "x" })',
    'client.chat.completions?.create({ model: "x" })',
    'f(client.chat.completions  # why\n    .create(model="x"))',
    'client.chat.completions \\\n    .create(model="x")',
    'client.chat.completions /* c */ . /* d */ create({ model: "x" })',
    'client.chat.completions\n  // c\n  .create({ model: "x" })',
    'client.images.createVariation({ model: "x" })',
    'client.images.create_variation(model="x")',
    'openai.ChatCompletion.create(model="x")',
    'client.audio.speech.create(model="x")',
    'client.chat.completions\u00a0.create({ model: "x" })',
  ];
  for (const text of spellings) assert.equal(mightContainCall(text), true, text);
});
