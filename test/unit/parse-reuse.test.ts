/**
 * Reusing calls across an edit (server/src/analysis/reuse.ts): whenever reuseExtraction says
 * the previous calls still hold, they must equal an extraction from scratch of the edited
 * text, field for field and position for position, with the sharing rules rely on kept. The
 * edits go through the server's Documents (incremental sync, tree edit, incremental parse), as
 * in the editor. Also: the edits that must not reuse (a new binding of a name a call uses, an
 * import, a statement that merges with the next, an edit inside a call) do not, and ordinary
 * typing in code that is not a call does (so the test is not vacuous).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { extractCallsAndWords } from '../../server/src/analysis/extract';
import { reuseExtraction } from '../../server/src/analysis/reuse';
import type { Extraction } from '../../server/src/analysis/extract';
import { Documents } from '../../server/src/features/documents';
import { initParsers } from '../../server/src/parse/parser';
import type { LanguageName } from '../../server/src/parse/parser';
import { mulberry32 } from '../helpers/fuzz';
import { repositorySources } from '../helpers/sources';

before(async () => {
  await initParsers();
});

const LANGUAGE_IDS: Record<LanguageName, string> = { python: 'python', javascript: 'javascript', typescript: 'typescript', tsx: 'typescriptreact' };

/** Opens `text`, applies one edit, and returns the reused extraction (or null) and one from scratch. */
function editOnce(text: string, lang: LanguageName, start: number, end: number, insert: string): { reused: Extraction | null; fresh: Extraction } {
  const docs = new Documents();
  const s = docs.open('file:///t', LANGUAGE_IDS[lang], 1, text);
  const prev = extractCallsAndWords(docs.tree(s)!, text, lang);
  const range = { start: s.doc.positionAt(start), end: s.doc.positionAt(end) };
  docs.change(s.uri, 2, [{ range, text: insert }]);
  const tree = docs.tree(s)!;
  const edited = s.doc.getText();
  const record = s.edits.at(-1)?.edit;
  const reused = record ? reuseExtraction(prev, text, record, tree, edited) : null;
  const fresh = extractCallsAndWords(tree, edited, lang);
  docs.close(s.uri);
  return { reused, fresh };
}

function assertSharing(x: Extraction): void {
  for (const c of x.calls) if (c.model) assert.ok(c.args.includes(c.model), 'call.model is one of call.args');
}

test('a reused extraction always equals one from scratch (random edits to the examples)', () => {
  const rnd = mulberry32(0x72657573);
  const pieces = ['x', ' ', '\n', '(', ')', '"', '#', '//', 'client', ' = ', 'import os\n', 'def ', '    ', '1'];
  let reusedCount = 0;
  let total = 0;
  for (const [name, text, lang] of repositorySources(['examples'])) {
    for (let k = 0; k < 60; k++) {
      const start = Math.floor(rnd() * text.length);
      const end = rnd() < 0.5 ? start : Math.min(text.length, start + 1 + Math.floor(rnd() * 4));
      const insert = rnd() < 0.3 ? '' : pieces[Math.floor(rnd() * pieces.length)]!;
      const { reused, fresh } = editOnce(text, lang, start, end, insert);
      total++;
      if (!reused) continue;
      reusedCount++;
      assert.deepEqual(reused.calls, fresh.calls, `${name}: replace [${start}, ${end}) with ${JSON.stringify(insert)}`);
      assertSharing(reused);
    }
  }
  // typing lands outside calls often enough for the comparison to mean something
  assert.ok(reusedCount >= total / 10, `${reusedCount} of ${total} edits reused`);
});

const PY = `from openai import OpenAI

client = OpenAI()
MODEL = "gpt-4o"


def helper(x):
    return x * 2  # filler


r = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": "hi"}])


def other(y):
    return y + 1
`;

test('typing in a function without calls reuses, and positions after it move', () => {
  const at = PY.indexOf('x * 2') + 1;
  const { reused, fresh } = editOnce(PY, 'python', at, at, ' + 40');
  assert.ok(reused, 'reused');
  assert.deepEqual(reused.calls, fresh.calls);
  assert.equal(PY.indexOf('r = client') + 4 + 5, fresh.calls[0]!.span.start);
});

test('typing at the end of a function\'s last line reuses too', () => {
  // `other` ends with the file: the change is at the very end of its node
  const at = PY.indexOf('y + 1') + 'y + 1'.length;
  const { reused, fresh } = editOnce(PY, 'python', at, at, '0');
  assert.ok(reused, 'reused');
  assert.deepEqual(reused.calls, fresh.calls);
});

test('edits that can change the calls are not reused', () => {
  const cases: [string, number, number, string][] = [
    // a new binding of a name the call resolves, in another function
    ['rebinds MODEL', PY.indexOf('return x * 2'), PY.indexOf('return x * 2'), 'MODEL = "o1"\n    '],
    // rebinding the client
    ['rebinds client', PY.indexOf('return y + 1'), PY.indexOf('return y + 1'), 'client = 1\n    '],
    // an import inside a function
    ['adds an import', PY.indexOf('return y + 1'), PY.indexOf('return y + 1'), 'import openai\n    '],
    // removing the indentation makes the body a top-level statement of its own
    ['splits a statement', PY.indexOf('    return x * 2'), PY.indexOf('    return x * 2') + 4, ''],
    // inside the call
    ['edits the call', PY.indexOf('"hi"') + 1, PY.indexOf('"hi"') + 1, 'x'],
    // a new call in a function that had none
    ['adds a call', PY.indexOf('return y + 1'), PY.indexOf('return y + 1'), 'client.embeddings.create(model="text-embedding-3-small", input="a")\n    '],
  ];
  for (const [label, start, end, insert] of cases) {
    const { reused } = editOnce(PY, 'python', start, end, insert);
    assert.equal(reused, null, label);
  }
});

test('TypeScript: typing in a function without calls reuses; rebinding the client in it does not', () => {
  const ts = `import OpenAI from "openai";
const client = new OpenAI();

export function helper(items: number[]): number {
  return items.length * 2;
}

export const answer = client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] });
`;
  const at = ts.indexOf('* 2') + 3;
  const ok = editOnce(ts, 'typescript', at, at, '0');
  assert.ok(ok.reused, 'reused');
  assert.deepEqual(ok.reused.calls, ok.fresh.calls);
  const body = ts.indexOf('return items');
  assert.equal(editOnce(ts, 'typescript', body, body, 'let client = null;\n  ').reused, null);
});
