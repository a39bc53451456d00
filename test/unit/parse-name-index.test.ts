/**
 * The name index (server/src/analysis/nameIndex.ts) answers "where is this name bound, is it
 * reassigned, what is assigned to obj.attr" by finding the name in the text and querying only
 * there. Its claim is that the answers are exactly those of the names query run over the whole
 * tree. This test runs that whole-tree query as the reference and compares, for every name
 * written in the file, on: the repository's own sources (TypeScript with classes, fields,
 * destructuring, loops), examples/ and its notebook cells, every rule doc example, hand-written
 * corner cases, and deterministic mutations of the smaller ones (broken code, where
 * tree-sitter's error recovery makes odd trees).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import { attributeParts, TextNameIndex } from '../../server/src/analysis/nameIndex';
import { initParsers, namesQuery, parseText } from '../../server/src/parse/parser';
import type { LanguageName } from '../../server/src/parse/parser';
import type { Rule } from '../../server/src/rules/define';
import { RULES } from '../../server/src/rules/registry';
import { mulberry32 } from '../helpers/fuzz';
import { repositorySources } from '../helpers/sources';

before(async () => {
  await initParsers();
});

/** attribute keys compared over the whole run (the corner cases have six: self.client, this.#secret, …) */
let attributesCompared = 0;

interface Reference {
  bindings: Map<string, string[]>;
  reassigned: Set<string>;
  attributes: Map<string, string[]>;
}

const where = (n: Node) => `${n.startIndex}-${n.endIndex}`;

/** What the whole-tree names query says, in the form compared. */
function reference(tree: Tree, lang: LanguageName): Reference {
  const ref: Reference = { bindings: new Map(), reassigned: new Set(), attributes: new Map() };
  const bind = (n: Node, assigned: boolean) => {
    const list = ref.bindings.get(n.text) ?? [];
    list.push(`${where(n)}${assigned ? '=' : ''}`);
    ref.bindings.set(n.text, list);
  };
  const attr = (key: string, value: Node) => {
    const list = ref.attributes.get(key) ?? [];
    list.push(where(value));
    ref.attributes.set(key, list);
  };
  for (const m of namesQuery(lang).matches(tree.rootNode)) {
    const cap = (name: string) => m.captures.find((c) => c.name === name)?.node ?? null;
    const name = cap('def.name');
    const other = cap('def.other');
    const pattern = cap('def.pattern');
    const assigned = cap('def.assigned');
    const body = cap('class.body');
    const target = cap('attr.target');
    const parts = target && attributeParts(target);
    if (name) bind(name, true);
    else if (other) bind(other, false);
    else if (pattern) {
      if (pattern.type === 'identifier') bind(pattern, false);
      else for (const id of pattern.descendantsOfType(['identifier', 'shorthand_property_identifier_pattern'])) if (id) bind(id, false);
    } else if (assigned) ref.reassigned.add(assigned.text);
    else if (body) {
      // instance fields with an initialiser are read as `this.<name>`
      for (const member of body.namedChildren) {
        if (!member || (member.type !== 'field_definition' && member.type !== 'public_field_definition')) continue;
        if (member.children.some((c) => c?.type === 'static')) continue;
        const n = member.childForFieldName('name') ?? member.childForFieldName('property');
        const v = member.childForFieldName('value');
        if (n && v) attr(`this.${n.text}`, v);
      }
    } else if (parts) attr(`${parts.object.text}.${parts.name.text}`, cap('attr.value')!);
  }
  return ref;
}

function compare(label: string, text: string, lang: LanguageName): number {
  const tree = parseText(text, lang);
  try {
    const ref = reference(tree, lang);
    const index = new TextNameIndex(tree, text, namesQuery(lang), new Set());
    const names = new Set([...ref.bindings.keys(), ...ref.reassigned, ...(text.match(/[A-Za-z_$][\w$]*/g) ?? []).slice(0, 400)]);
    // the one intended difference: a name tree-sitter inserted to repair broken code (MISSING,
    // zero width, text "") is bound nowhere, so a repaired use never takes a repaired binding's value
    names.delete('');
    assert.deepEqual(index.bindings(''), []);
    for (const name of names) {
      const got = index.bindings(name).map((b) => `${where(b.name)}${b.assigned ? '=' : ''}`).sort();
      assert.deepEqual(got, [...(ref.bindings.get(name) ?? [])].sort(), `${label}: bindings of ${name}`);
      assert.equal(index.reassigned(name), ref.reassigned.has(name), `${label}: ${name} reassigned`);
    }
    for (const [key, values] of ref.attributes) {
      assert.deepEqual(index.attributes(key).map(where), values, `${label}: ${key}`);
      attributesCompared++;
    }
    // a key nothing assigns has no values
    assert.deepEqual(index.attributes('this.__never_assigned__'), []);
    return names.size;
  } finally {
    tree.delete();
  }
}

const CORNER_CASES: [string, string, LanguageName][] = [
  [
    'python bindings',
    `import openai
from openai import AzureOpenAI as Az
client = Az(api_version="2024-10-21")
a = b = "gpt-4o"
x, (y, *rest) = 1, (2, 3)
for self.x, d[k] in items: pass
for i in range(3): total += i
if (n := len(items)) > 3: pass
with Az() as c, open("f") as fh: pass
class Bot:
    client = openai.OpenAI()
    def __init__(self):
        self.client = Az()
        self.model: str = "gpt-4o"
    def ask(self, q, *args, model="x", **kw):
        msgs = [q]
        return self.client.chat.completions.create(model=model, messages=msgs)
openai.api_type = "azure"
openai.api_version = "2024-02-01"
def f(): global client; client = None
`,
    'python',
  ],
  [
    'typescript bindings',
    `import OpenAI, { AzureOpenAI as Az } from "openai";
const { client, other: [first, ...more] = [], deep: { x = fallback } } = require("./llm");
let counter = 0; counter++; counter += 2;
var late; late = new OpenAI();
for (const [k, v] of Object.entries(opts)) {}
for (key in obj) {}
class Base { client = new OpenAI(); }
class Bot extends Base {
  static shared = new Az();
  #secret = new Az({ apiVersion: "2024-10-21" });
  private readonly client = new Az();
  constructor(private model = "gpt-4o") { super(); this.client = new OpenAI(); this.#secret = null; }
  ask(q: string) { const messages = [{ role: "user", content: q }]; return this.client.chat.completions.create({ model: this.model, messages }); }
}
this.client = new OpenAI();
class Late { constructor() { this.client = new OpenAI(); } client = new Az(); }
`,
    'typescript',
  ],
];

test('the name index gives the whole-tree query\'s answers on repository sources and notebook cells', () => {
  let names = 0;
  const files = repositorySources(['examples', 'test/editor/fixtures', 'server/src', 'client/src', 'bench']);
  for (const [label, text, lang] of files) names += compare(label, text, lang);
  assert.ok(files.length > 50 && names > 5000, `${files.length} files, ${names} names`);
});

test('the name index gives the whole-tree query\'s answers on corner cases and rule doc examples', () => {
  const before = attributesCompared;
  for (const [label, text, lang] of CORNER_CASES) compare(label, text, lang);
  assert.ok(attributesCompared - before >= 6, `${attributesCompared - before} attribute keys compared`);
  for (const rule of Object.values(RULES) as Rule[]) {
    for (const e of [rule.meta.docs.example, rule.meta.docs.useInstead]) compare(`${rule.meta.code} doc`, e.code, e.language);
  }
});

test('the name index gives the whole-tree query\'s answers on broken code (mutations of the examples)', () => {
  const rnd = mulberry32(0x6e616d65);
  const pieces = ['(', ')', '{', '}', '"', "'", '\n', ',', ':', '=', '.', ' = ', 'const ', 'for ', ' in ', 'as ', '...', '#', '//', '++', 'self.', 'this.'];
  const inputs = [...CORNER_CASES, ...repositorySources(['examples'])];
  let checked = 0;
  for (const [label, text, lang] of inputs) {
    for (let k = 0; k < 12; k++) {
      let t = text;
      for (let e = 0; e <= k % 3; e++) {
        const i = Math.floor(rnd() * (t.length + 1));
        const r = rnd();
        if (r < 0.4) t = t.slice(0, i) + t.slice(i + 1 + Math.floor(rnd() * 12));
        else if (r < 0.8) t = t.slice(0, i) + pieces[Math.floor(rnd() * pieces.length)] + t.slice(i);
        else {
          const j = Math.floor(rnd() * t.length);
          t = t.slice(0, i) + t.slice(j, j + 40) + t.slice(i);
        }
      }
      compare(`${label} mutation ${k}: ${JSON.stringify(t)}`, t, lang);
      checked++;
    }
  }
  assert.ok(checked > 100);
});
