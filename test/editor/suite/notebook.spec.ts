/**
 * A Jupyter notebook in a real VS Code (issue 12): the cells are one program. `replies.ipynb`
 * builds the client and `MODEL = "gpt4o"` in its first code cell and uses them two cells
 * later; `import openai` there makes the last cell's pre-1.0 call a call. The diagnostics are
 * on the later cells' own documents, an edit to the first cell re-checks the later ones, and
 * the quick fix of the later cell edits the first.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { activateExtension, codeOf, fmt, ours, poll, waitForDiagnostics, workspaceUri } from './util';

function brief(ds: vscode.Diagnostic[]): string[] {
  return ds.map((d) => `${codeOf(d)} ${fmt(d.range)}`);
}

/** Replaces the first `find` in a cell's text with `replace`, as a user's edit. */
async function editCell(cell: vscode.NotebookCell, find: string, replace: string): Promise<void> {
  const doc = cell.document;
  const at = doc.getText().indexOf(find);
  assert.notEqual(at, -1, `cell ${cell.index} has no ${JSON.stringify(find)}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + find.length)), replace);
  assert.ok(await vscode.workspace.applyEdit(edit), `edit of cell ${cell.index} refused`);
}

describe('notebooks: one program', () => {
  let nb: vscode.NotebookDocument;
  before(async () => {
    await activateExtension();
    nb = await vscode.workspace.openNotebookDocument(workspaceUri('replies.ipynb'));
    await vscode.window.showNotebookDocument(nb);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('a later cell uses the client and the constant of an earlier cell: OAI101 on its model argument', async () => {
    const reply = nb.cellAt(3);
    assert.equal(reply.kind, vscode.NotebookCellKind.Code);
    const ds = await waitForDiagnostics(reply.document.uri, 'OAI101 in the reply cell', (x) => x.some((d) => codeOf(d) === 'OAI101'));
    assert.deepEqual(brief(ds), ['OAI101 0:45-0:50']);
    assert.match(ds[0]!.message, /gpt4o/);
    // `import openai` in the first code cell: the pre-1.0 call in the last one is checked
    // (gpt-4-32k is announced for shutdown at the workspace's asOf, 2025-01-15)
    const legacy = await waitForDiagnostics(nb.cellAt(4).document.uri, 'OAI103 in the legacy cell', (x) => x.some((d) => codeOf(d) === 'OAI103'));
    assert.deepEqual(brief(legacy), ['OAI103 0:41-0:52']);
    assert.deepEqual(ours(nb.cellAt(1).document.uri), []);
  });

  it('editing the earlier cell re-checks the later one', async () => {
    const setup = nb.cellAt(1);
    const reply = nb.cellAt(3);
    await waitForDiagnostics(reply.document.uri, 'OAI101 before the edit', (x) => x.some((d) => codeOf(d) === 'OAI101'));
    await editCell(setup, '"gpt4o"', '"gpt-4o"');
    await waitForDiagnostics(reply.document.uri, 'the reply cell clean after MODEL is fixed', (x) => x.length === 0);
    await editCell(setup, '"gpt-4o"', '"gpt4o"');
    await waitForDiagnostics(reply.document.uri, 'OAI101 back', (x) => x.some((d) => codeOf(d) === 'OAI101'));
  });

  it("the later cell's quick fix edits the earlier cell, where MODEL is written", async () => {
    const setup = nb.cellAt(1);
    const reply = nb.cellAt(3);
    const ds = await waitForDiagnostics(reply.document.uri, 'OAI101', (x) => x.some((d) => codeOf(d) === 'OAI101'));
    const actions = await poll('the OAI101 quick fix', async () => {
      const all = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', reply.document.uri, ds[0]!.range, vscode.CodeActionKind.QuickFix.value);
      const fix = (all ?? []).find((a) => a.title === "OpenAI Model Lint (OAI101): Replace with 'gpt-4o'");
      return fix ? fix : undefined;
    });
    const entries = actions.edit!.entries();
    assert.deepEqual(entries.map(([uri]) => uri.toString()), [setup.document.uri.toString()]);
    assert.ok(await vscode.workspace.applyEdit(actions.edit!));
    assert.equal(setup.document.getText().split('\n')[4], 'MODEL = "gpt-4o"');
    await waitForDiagnostics(reply.document.uri, 'the reply cell clean after the fix', (x) => x.length === 0);
  });
});
