/**
 * Notebooks fixed as text (issue 14, row 7): fixing one cell changes only the bytes of that
 * cell's source strings. A notebook from another tool keeps its big integers, `1.0`, CRLF
 * line ends, escapes, key order and indentation; the expected output is the input with one
 * string replaced, compared byte for byte.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { run as checkRun } from '../../server/src/cli/check';
import { editNotebookText, locateSources } from '../../server/src/cli/notebookEdit';
import { scratchDir } from '../helpers/scratch';


/** A notebook as another tool writes it: CRLF, two-space indent, metadata first, escapes, numbers JavaScript would rewrite. */
const FOREIGN = [
  '{',
  '  "metadata": {"kernelspec": {"language": "python", "name": "python3"}, "ratio": 1.0, "seed": 12345678901234567890, "tiny": 1e-7},',
  '  "nbformat": 4, "nbformat_minor": 5,',
  '  "cells": [',
  '    {"cell_type": "markdown", "source": ["caf\\u00e9 \\/ \\"quoted\\"\\n", "ok"], "metadata": {}},',
  '    {',
  '      "source": [',
  '        "from openai import OpenAI\\n",',
  '        "client = OpenAI()  # caf\\u00e9\\n",',
  '        "client.chat.completions.create(model=\\"o1\\", temperature=0.5, messages=[])\\n",',
  '        "x = 1.0"',
  '      ],',
  '      "cell_type": "code", "execution_count": 98765432109876543210, "metadata": {"scrolled": 1.50}, "outputs": []',
  '    },',
  '    {"cell_type": "code", "source": "y = \\"\\\\t\\u00e9\\"", "execution_count": null, "metadata": {}, "outputs": []}',
  '  ]',
  '}',
  '',
].join('\r\n');

describe('notebooks edited as text', () => {
  test('locates each code cell source: the array elements and the string', () => {
    const located = locateSources(FOREIGN)!;
    assert.deepEqual([...located.keys()], [0, 1, 2]);
    const cell1 = located.get(1)!;
    assert.equal(cell1.kind, 'array');
    assert.deepEqual(cell1.kind === 'array' && cell1.elements.map((e) => e.value), ['from openai import OpenAI\n', 'client = OpenAI()  # café\n', 'client.chat.completions.create(model="o1", temperature=0.5, messages=[])\n', 'x = 1.0']);
    const cell2 = located.get(2)!;
    assert.equal(cell2.kind === 'string' && FOREIGN.slice(cell2.span.start, cell2.span.end), '"y = \\"\\\\t\\u00e9\\""');
  });

  test('row 7: --fix changes only the bytes of the fixed line of that cell; everything else byte for byte', async () => {
    const root = scratchDir('oml-nb-');
    writeFileSync(join(root, 'foreign.ipynb'), FOREIGN);
    const out = { stdout: '', stderr: '' };
    const status = await checkRun(['foreign.ipynb', '--fix', '--format', 'json', '--as-of', '2025-09-01'], { stdout: (s) => void (out.stdout += s), stderr: (s) => void (out.stderr += s) }, root);
    assert.equal(out.stderr, 'openai-model-lint: applied 1 fix in 1 file\n');
    assert.equal(status, 0);
    const expected = FOREIGN.replace('"client.chat.completions.create(model=\\"o1\\", temperature=0.5, messages=[])\\n"', '"client.chat.completions.create(model=\\"o1\\", messages=[])\\n"');
    assert.notEqual(expected, FOREIGN);
    assert.ok(readFileSync(join(root, 'foreign.ipynb')).equals(Buffer.from(expected, 'utf8')));
  });

  test('lines added, removed and changed: unchanged lines keep their escapes, separators are the array’s own', () => {
    const text = '{"cells": [{"cell_type": "code", "source": [\r\n  "a\\u00e9\\n",\r\n  "b\\n",\r\n  "c\\n",\r\n  "d"\r\n ]}]}';
    const edit = (value: string): string => editNotebookText(text, new Map([[0, value]]))!;
    // a middle line changed
    assert.equal(edit('aé\nB\nc\nd'), text.replace('"b\\n"', '"B\\n"'));
    // a middle line removed, with its separator
    assert.equal(edit('aé\nc\nd'), text.replace('\r\n  "b\\n",', ''));
    // a line added after the first: the array's separator
    assert.equal(edit('aé\nnew\nb\nc\nd'), text.replace('"a\\u00e9\\n",', '"a\\u00e9\\n",\r\n  "new\\n",'));
    // the last line removed
    assert.equal(edit('aé\nb\nc\n'), text.replace(',\r\n  "d"', ''));
    // everything removed
    assert.equal(edit(''), '{"cells": [{"cell_type": "code", "source": []}]}');
    // new non-ASCII text in an ASCII-only file is escaped like the rest
    assert.equal(edit('aé\nb\nc\nd\u00fc'), text.replace('"d"', '"d\\u00fc"'));
  });

  test('a one-string source is replaced as one string; the other cells and keys stay', () => {
    const text = '{\n "cells": [\n  {"source": "a = 1\\nb = 2", "cell_type": "code"},\n  {"source": "keep\\u0021", "cell_type": "code"}\n ],\n "n": 1.0\n}\n';
    assert.equal(editNotebookText(text, new Map([[0, 'a = 1\nb = 3']])), text.replace('"a = 1\\nb = 2"', '"a = 1\\nb = 3"'));
  });

  test('the last "cells" and the last "source" win, as in JSON.parse', () => {
    const text = '{"cells": [{"source": "old"}], "cells": [{"source": "x", "source": ["y"]}]}';
    const located = locateSources(text)!;
    assert.deepEqual([...located.keys()], [0]);
    assert.equal(editNotebookText(text, new Map([[0, 'z']])), '{"cells": [{"source": "old"}], "cells": [{"source": "x", "source": ["z"]}]}');
  });

  test('deep nesting elsewhere in the notebook is skipped without recursion', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const text = `{"metadata": {"deep": ${deep}}, "cells": [{"source": "a"}]}`;
    assert.equal(editNotebookText(text, new Map([[0, 'b']])), text.replace('"source": "a"', '"source": "b"'));
  });
});
