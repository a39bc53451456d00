/**
 * LSP ranges after non-ASCII text on the finding's line (issue 6): positions are UTF-16 code
 * units (the LSP default; the server offers no other encoding), so an astral emoji counts
 * two, a CJK character one, the ZWJ family emoji 👨‍👩‍👧 eight. The same texts give code-point
 * columns in the CLI (test/unit/non-ascii.test.ts). Requests at those positions land on the
 * right token too: a hover after the emoji, and the quick fix edit.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-types';
import { applyTextEdits, LspClient } from '../helpers/lsp-client';
import { CELL, PY, TS } from '../helpers/nonAscii';

function brief(d: Diagnostic[]): string[] {
  return d.map((x) => `${x.range.start.line}:${x.range.start.character}-${x.range.end.line}:${x.range.end.character} ${x.code}`);
}

describe('language server: UTF-16 ranges after emoji and CJK', () => {
  let c: LspClient;
  const py = 'file:///virtual/nonascii.py';
  const ts = 'file:///virtual/nonascii.ts';
  // a notebook cell as VS Code names it: the notebook's path, the cell in the fragment
  const cell = 'vscode-notebook-cell:/virtual/nb.ipynb#W1sZmlsZQ%3D%3D';
  before(async () => {
    c = await LspClient.start({ config: { asOf: '2025-09-01' } });
    c.open(py, 'python', PY);
    c.open(ts, 'typescript', TS);
    c.open(cell, 'python', CELL);
  });
  after(() => c.stop());

  it('Python: 4 more units than code points before "gpt4o" (😀 and three of 👨‍👩‍👧 are pairs), 2 more before temperature', async () => {
    // CLI: 3:60-3:67 and 4:93-4:108 (1-based code points)
    assert.deepEqual(brief(await c.pushed(py)), ['2:63-2:70 OAI101', '3:94-3:109 OAI201']);
  });

  it('TypeScript', async () => {
    // CLI: 3:69-3:76 and 4:95-4:111
    assert.deepEqual(brief(await c.pushed(ts)), ['2:72-2:79 OAI101', '3:96-3:112 OAI201']);
  });

  it('a notebook cell', async () => {
    // CLI: nb.ipynb cell 1, 3:60-3:67
    assert.deepEqual(brief(await c.pushed(cell)), ['2:63-2:70 OAI101']);
  });

  it('hover and the quick fix use the same positions', async () => {
    const d = await c.pushed(py);
    const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri: py }, position: { line: 2, character: 65 } });
    assert.match((h.contents as MarkupContent).value, /gpt4o/);
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: py },
      range: d[1]!.range,
      context: { diagnostics: [d[1]], only: ['quickfix'] },
    });
    const remove = actions.find((a) => a.title.includes("Remove 'temperature'"));
    assert.ok(remove?.edit?.changes?.[py], actions.map((a) => a.title).join(', '));
    assert.equal(applyTextEdits(PY, remove.edit.changes[py]), PY.replace(', temperature=0.5', ''));
  });
});
