/**
 * Notebooks as one program in the language server (issue 12), over LSP 3.17 notebook sync as
 * VS Code sends it: the cells are one module, a later cell depends on an earlier one, an edit
 * to the earlier cell re-checks the later one (push: its diagnostics are published again; pull:
 * a refresh is asked for), findings, hovers, code actions and the status bar stay in their
 * cell, a fix that edits another cell says which, and a cell that cannot be parsed alone does
 * not take the later cells down.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-types';
import { LspClient } from '../helpers/lsp-client';
import type { NotebookCellText } from '../helpers/lsp-client';

const CONFIG = { asOf: '2025-09-01', azure: { deployments: { 'chat-prod': { model: 'gpt-4o', version: '2024-08-06' } } } };
const NB = 'file:///virtual/nb/analysis.ipynb';
const cellUri = (n: number) => `vscode-notebook-cell:/virtual/nb/analysis.ipynb#W${n}sZmlsZQ%3D%3D`;

const code = (n: number, text: string): NotebookCellText => ({ uri: cellUri(n), kind: 2, languageId: 'python', text });
const markdown = (n: number, text: string): NotebookCellText => ({ uri: cellUri(n), kind: 1, languageId: 'markdown', text });

const CELLS = [
  markdown(0, '# Legacy Azure calls'),
  code(1, 'import openai'),
  code(2, 'openai.api_type = "azure"\nopenai.api_version = "2023-05-15"'),
  code(3, 'MODEL = "gpt4o"\nfrom openai import OpenAI\nclient = OpenAI()'),
  code(4, 'resp = openai.ChatCompletion.create(engine="chat-prod", max_tokens=99999, messages=[])'),
  code(5, 'reply = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": "Hi"}])'),
];

function brief(d: Diagnostic[] | undefined): string[] {
  return (d ?? []).map((x) => `${x.code} ${x.range.start.line}:${x.range.start.character}-${x.range.end.line}:${x.range.end.character}`);
}

describe('notebook sync, push diagnostics', () => {
  let c: LspClient;
  before(async () => {
    c = await LspClient.start({ config: CONFIG, notebooks: true });
    c.openNotebook(NB, CELLS);
  });
  after(() => c.stop());

  test('the server takes Jupyter notebooks as notebooks, every cell', () => {
    assert.deepEqual(c.serverCapabilities?.notebookDocumentSync, { notebookSelector: [{ notebook: { notebookType: 'jupyter-notebook' } }] });
  });

  /** Waits until the cell's published diagnostics read as `expected`. */
  const until = (cell: number, expected: string[]) =>
    c.waitFor(() => {
      const got = brief(c.published.get(cellUri(cell))?.diagnostics);
      return JSON.stringify(got) === JSON.stringify(expected) ? got : undefined;
    }, `cell ${cell}: ${expected.join(', ') || 'no diagnostics'} (has ${JSON.stringify(brief(c.published.get(cellUri(cell))?.diagnostics))})`);

  test('later cells know the earlier ones: the pre-1.0 Azure call and the client with its constant', async () => {
    // cell 4: engine= is the Azure deployment chat-prod (gpt-4o 2024-08-06, deprecated then), max_tokens over its 16,384
    await until(4, ['OAI103 0:43-0:54', 'OAI301 0:56-0:72']);
    // cell 5: MODEL from cell 3 on the client from cell 3
    await until(5, ['OAI101 0:45-0:50']);
    assert.equal(c.published.has(cellUri(0)), false, 'nothing for the markdown cell');
    assert.deepEqual(c.published.get(cellUri(1))?.diagnostics ?? [], []);
  });

  test('an edit to an earlier cell re-checks the later cells that depend on it', async () => {
    // no longer Azure: engine= names an OpenAI model, and `chat-prod` is none
    const start = c.positionOf(cellUri(2), 'azure');
    c.changeCell(NB, cellUri(2), [{ range: { start, end: { line: start.line, character: start.character + 5 } }, text: 'open_ai' }]);
    await until(4, ['OAI101 0:43-0:54']);
    // the constant of cell 3 fixed: cell 5's finding goes
    const at = c.positionOf(cellUri(3), 'gpt4o');
    c.changeCell(NB, cellUri(3), [{ range: { start: at, end: { line: at.line, character: at.character + 5 } }, text: 'gpt-4o' }]);
    await until(5, []);
    // and back
    const again = c.positionOf(cellUri(2), 'open_ai');
    c.changeCell(NB, cellUri(2), [{ range: { start: again, end: { line: again.line, character: again.character + 7 } }, text: 'azure' }]);
    await until(4, ['OAI103 0:43-0:54', 'OAI301 0:56-0:72']);
  });

  test('hover and the status bar answer for a cell, through the module', async () => {
    const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri: cellUri(4) }, position: c.positionOf(cellUri(4), 'chat-prod', 2) });
    const card = (h.contents as MarkupContent).value;
    assert.match(card, /^\*\*`gpt-4o`\*\* — Azure model version `2024-08-06`/);
    // the deployment's api_version is the one cell 2 sets
    assert.match(card, /\n- \*\*Deployment:\*\* `chat-prod` · api_version 2023-05-15\n/);
    assert.deepEqual(h.range, { start: { line: 0, character: 43 }, end: { line: 0, character: 54 } });
    const info = await c.request<{ model: string | null }>('openaiModelLint/callInfo', { textDocument: { uri: cellUri(5) }, position: c.positionOf(cellUri(5), 'MODEL', 1) });
    assert.equal(info.model, 'gpt-4o');
  });

  test('a fix chosen in a later cell that edits an earlier one names that cell', async () => {
    const at = c.positionOf(cellUri(3), 'gpt-4o');
    c.changeCell(NB, cellUri(3), [{ range: { start: at, end: { line: at.line, character: at.character + 6 } }, text: 'gpt4o' }]);
    await until(5, ['OAI101 0:45-0:50']);
    const d = c.published.get(cellUri(5))!.diagnostics[0]!;
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: cellUri(5) }, range: d.range, context: { diagnostics: [d] } });
    const fix = actions.find((a) => a.title === "OpenAI Model Lint (OAI101): Replace with 'gpt-4o'")!;
    assert.deepEqual(fix.edit, { changes: { [cellUri(3)]: [{ range: { start: { line: 0, character: 9 }, end: { line: 0, character: 14 } }, newText: 'gpt-4o' }] } });
  });

  test('a cell left unparsable while typing is checked alone; the cells after it stay checked', async () => {
    assert.deepEqual(brief(c.published.get(cellUri(5))?.diagnostics), ['OAI101 0:45-0:50']);
    const end = c.positionOf(cellUri(3), 'OpenAI()', 8);
    c.changeCell(NB, cellUri(3), [{ range: { start: end, end }, text: '\nx = dict(' }]);
    // cell 3 is out of the module while it cannot be parsed: cell 5 no longer sees MODEL (no
    // finding on what cannot be seen), cell 4 keeps its findings (cells 1 and 2 are intact)
    await until(5, []);
    assert.deepEqual(brief(c.published.get(cellUri(4))?.diagnostics), ['OAI103 0:43-0:54', 'OAI301 0:56-0:72']);
    const tail = c.positionOf(cellUri(3), 'dict(', 5);
    c.changeCell(NB, cellUri(3), [{ range: { start: tail, end: tail }, text: ')' }]);
    await until(5, ['OAI101 0:45-0:50']);
  });

  test('cells added and removed: a removed import takes the later call with it, its diagnostics cleared', async () => {
    c.spliceCells(NB, 1, 1, [], [cellUri(1)]);
    await until(4, []);
    c.spliceCells(NB, 1, 0, [code(9, 'import openai as openai')]);
    await until(4, ['OAI103 0:43-0:54', 'OAI301 0:56-0:72']);
  });

  test('closing the notebook clears its cells', async () => {
    c.closeNotebook(NB, [cellUri(0), cellUri(9), cellUri(2), cellUri(3), cellUri(4), cellUri(5)]);
    await until(4, []);
    await until(5, []);
  });
});

describe('notebook sync, pull diagnostics', () => {
  let c: LspClient;
  before(async () => {
    c = await LspClient.start({ config: CONFIG, notebooks: true, pullDiagnostics: true });
    c.openNotebook(NB, CELLS);
  });
  after(() => c.stop());

  test('an edit to an earlier cell asks for a refresh; the later cell then pulls its new diagnostics', async () => {
    assert.deepEqual(brief(await c.pulled(cellUri(4))), ['OAI103 0:43-0:54', 'OAI301 0:56-0:72']);
    assert.deepEqual(brief(await c.pulled(cellUri(5))), ['OAI101 0:45-0:50']);
    const before = c.refreshes.filter((r) => r === 'workspace/diagnostic/refresh').length;
    const start = c.positionOf(cellUri(2), 'azure');
    c.changeCell(NB, cellUri(2), [{ range: { start, end: { line: start.line, character: start.character + 5 } }, text: 'open_ai' }]);
    await c.waitFor(() => c.refreshes.filter((r) => r === 'workspace/diagnostic/refresh').length > before || undefined, 'a diagnostics refresh');
    assert.deepEqual(brief(await c.pulled(cellUri(4))), ['OAI101 0:43-0:54']);
    assert.deepEqual(brief(await c.pulled(cellUri(5))), ['OAI101 0:45-0:50']);
    assert.deepEqual(await c.pulled(cellUri(0)), []);
  });
});

describe('a client without notebook sync', () => {
  test('gets no notebookDocumentSync, and a cell sent as a document of its own is checked alone', async () => {
    const c = await LspClient.start({ config: CONFIG });
    try {
      assert.equal(c.serverCapabilities?.notebookDocumentSync, undefined);
      c.open(cellUri(4), 'python', CELLS[4]!.text);
      // alone, `openai` is no import: the pre-1.0 call is not recognised
      assert.deepEqual(await c.pushed(cellUri(4)), []);
    } finally {
      await c.stop();
    }
  });
});
