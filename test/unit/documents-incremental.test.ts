/**
 * The server's document trees depend on the text alone, not on the edits that led to it:
 * after each change the tree equals a parse of the same text from scratch, also when the
 * edits leave syntax errors (tree-sitter's error recovery, re-run from an old tree, can
 * settle elsewhere). Cases minimised from differential-fuzzer runs (test/server/fuzz.test.ts).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Documents, SCRATCH_PARSE_LIMIT } from '../../server/src/features/documents';
import { initParsers, parseText } from '../../server/src/parse/parser';
import type { LanguageName, Tree } from '../../server/src/parse/parser';

before(() => initParsers());

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Every node's type and offsets, in order: two trees with the same shape but nodes at other offsets differ. */
function shape(tree: Tree): string {
  const out: string[] = [];
  const cursor = tree.walk();
  for (;;) {
    out.push(`${cursor.nodeType}@${cursor.startIndex}-${cursor.endIndex}`);
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        cursor.delete();
        return out.join(' ');
      }
    }
  }
}

/** Opens `text`, then sends each edit as its own didChange and parses after each. */
function replay(lang: LanguageName, text: string, edits: Edit[]): { documents: Documents; uri: string; trees: string[]; fresh: string[] } {
  const documents = new Documents();
  const uri = `file:///replay.${lang === 'python' ? 'py' : 'ts'}`;
  let s = documents.open(uri, lang, 1, text);
  documents.tree(s);
  const trees: string[] = [];
  const fresh: string[] = [];
  for (const [i, e] of edits.entries()) {
    const doc = TextDocument.create(uri, lang, 0, s.doc.getText());
    s = documents.change(uri, i + 2, [{ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, text: e.text }])!;
    trees.push(shape(documents.tree(s)!));
    const scratch = parseText(s.doc.getText(), lang);
    fresh.push(shape(scratch));
    scratch.delete();
  }
  return { documents, uri, trees, fresh };
}

test('a quote typed into broken TypeScript: the tree is the one a parse from scratch gives', () => {
  const text = '    input: articles,\n    dimensions: 256,\n  });\n  return result.data.map((d) => d.embedding);\n}\n';
  const r = replay('typescript', text, [{ start: 16, end: 16, text: '"dall-e-3"' }]);
  assert.deepEqual(r.trees, r.fresh);
});

test('edits that break a Python call one after another: every tree is the one a parse from scratch gives', () => {
  const text = 'client.chat.completions.create(model="gpt-4o-2024-08-06", messages=[{"role": "user", "content": "Hi"}])\nfrom openai import OpenAI\n';
  const r = replay('python', text, [
    { start: 26, end: 29, text: '' },
    { start: 30, end: 30, text: '    ' },
    { start: 23, end: 23, text: '*' },
    // and back to valid code
    { start: 23, end: 24, text: '' },
    { start: 30, end: 34, text: '' },
  ]);
  assert.deepEqual(r.trees, r.fresh);
  assert.equal(r.trees.at(-1)!.includes('ERROR@'), false);
});

test('an incremental parse stays incremental for error-free text and for large documents', () => {
  const documents = new Documents();
  const uri = 'file:///big.py';
  const line = 'x = client.chat.completions.create(model="gpt-4o", messages=[])\n';
  const text = line.repeat(Math.ceil((SCRATCH_PARSE_LIMIT + 1) / line.length));
  let s = documents.open(uri, 'python', 1, text);
  const first = documents.tree(s)!;
  // an unclosed bracket in a document over the limit: the old tree is reused (and replaced)
  s = documents.change(uri, 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'y = (\n' }])!;
  const broken = documents.tree(s)!;
  assert.notEqual(broken, first);
  assert.equal(broken.rootNode.hasError, true);
  assert.equal(documents.tree(s), broken, 'the same version is not parsed twice');
});

test('Python changes that end at a line break (described to tree-sitter with the break): every tree is the one a parse from scratch gives', () => {
  for (const eol of ['\n', '\r\n', '\r']) {
    const text = ['from openai import OpenAI', 'client = OpenAI()', 'def helper(x):', '    return x * 2', '', 'r = client.chat.completions.create(model="gpt-4o", messages=[])', ''].join(eol);
    const endOf = (needle: string) => text.indexOf(needle) + needle.length;
    const r = replay('python', text, [
      // typing at the end of lines, deleting there, replacing the last character
      { start: endOf('x * 2'), end: endOf('x * 2'), text: '0' },
      { start: endOf('x * 20'), end: endOf('x * 20'), text: ' + len(str(x))' },
      { start: endOf('len(str(x))') - 1, end: endOf('len(str(x))'), text: '' },
      // deleting the line break itself, then putting it back
      { start: endOf('OpenAI()'), end: endOf('OpenAI()') + eol.length, text: '' },
      { start: endOf('OpenAI()'), end: endOf('OpenAI()'), text: eol },
      // a new line and a block opened at the end of one
      { start: endOf('def helper(x):'), end: endOf('def helper(x):'), text: `${eol}    y = (` },
      // the last character of the file
      { start: text.length - eol.length, end: text.length - eol.length, text: '  # done' },
    ]);
    assert.deepEqual(r.trees, r.fresh, JSON.stringify(eol));
  }
});

test('priming a tree parsed from scratch keeps it the same, and the edits after it too', () => {
  const documents = new Documents();
  const uri = 'file:///primed.py';
  const text = 'from openai import OpenAI\nclient = OpenAI()\ndef helper(x):\n    return x * 2\n\nr = client.chat.completions.create(model="gpt-4o", messages=[])\n';
  let s = documents.open(uri, 'python', 1, text);
  const first = documents.tree(s)!;
  const before = shape(first);
  documents.prime(uri);
  const primed = documents.tree(s)!;
  assert.notEqual(primed, first, 'a new tree');
  assert.equal(shape(primed), before);
  // once only
  documents.prime(uri);
  assert.equal(documents.tree(s), primed);
  for (const [i, at] of [text.indexOf('* 2') + 3, text.indexOf('"gpt-4o"') + 2].entries()) {
    s = documents.change(uri, i + 2, [{ range: { start: s.doc.positionAt(at), end: s.doc.positionAt(at) }, text: '1' }])!;
    const scratch = parseText(s.doc.getText(), 'python');
    assert.equal(shape(documents.tree(s)!), shape(scratch));
    scratch.delete();
  }
  // a small document with errors is parsed from scratch on its next change: not primed
  const broken = documents.open('file:///broken.py', 'python', 1, 'def f(:\n    return (\n');
  const t = documents.tree(broken)!;
  documents.prime('file:///broken.py');
  assert.equal(documents.tree(broken), t);
});
