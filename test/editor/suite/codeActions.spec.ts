/**
 * Quick fixes through `vscode.executeCodeActionProvider`: the fix carried by the
 * diagnostic, applied as a workspace edit, changes the text exactly as the rule says.
 */
import * as assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { activateExtension, codeOf, hasCodes, openFixture, revert, waitForDiagnostics } from './util';

async function actionsFor(doc: vscode.TextDocument, code: string): Promise<vscode.CodeAction[]> {
  const ds = await waitForDiagnostics(doc.uri, code, hasCodes(code));
  const d = ds.find((x) => codeOf(x) === code)!;
  const all = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>(
    'vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
  return (all ?? []).filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a)
    .filter((a) => a.title.startsWith(`OpenAI Model Lint (${code})`) || a.title.includes(code));
}

async function apply(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `${action.title} carries no edit`);
  assert.ok(await vscode.workspace.applyEdit(action.edit));
}

describe('code actions', () => {
  before(activateExtension);

  it('OAI202: "rename to max_completion_tokens" renames the argument and the diagnostic goes away', async () => {
    const editor = await openFixture('app.py');
    const doc = editor.document;
    const original = doc.getText();
    try {
      const actions = await actionsFor(doc, 'OAI202');
      const rename = actions.find((a) => /max_completion_tokens/.test(a.title));
      assert.ok(rename, `no rename among: ${actions.map((a) => a.title).join(' | ')}`);
      assert.match(rename.title, /^OpenAI Model Lint \(OAI202\): /);
      assert.equal(rename.kind?.value, vscode.CodeActionKind.QuickFix.value);
      await apply(rename);
      assert.equal(doc.getText(), original.replace('max_tokens=500', 'max_completion_tokens=500'));
      await waitForDiagnostics(doc.uri, 'OAI202 to go away', (ds) => !hasCodes('OAI202')(ds) && hasCodes('OAI201')(ds));
    } finally {
      await revert(editor);
    }
  });

  it('OAI201: "Remove \'temperature\'" deletes the argument line', async () => {
    const editor = await openFixture('app.py');
    const doc = editor.document;
    const original = doc.getText();
    try {
      const actions = await actionsFor(doc, 'OAI201');
      const remove = actions.find((a) => /Remove 'temperature'/.test(a.title));
      assert.ok(remove, `no removal among: ${actions.map((a) => a.title).join(' | ')}`);
      await apply(remove);
      assert.equal(doc.getText(), original.replace('    temperature=0.2,\n', ''));
    } finally {
      await revert(editor);
    }
  });

  it('"Disable OAI201 for this line" is offered next to the fix and silences the finding', async () => {
    const editor = await openFixture('app.py');
    const doc = editor.document;
    try {
      const actions = await actionsFor(doc, 'OAI201');
      const disable = actions.find((a) => /Disable OAI201 for this line/i.test(a.title));
      assert.ok(disable, `no disable action among: ${actions.map((a) => a.title).join(' | ')}`);
      await apply(disable);
      assert.match(doc.lineAt(6).text, /temperature=0\.2,\s*# openai-model-lint: disable-line OAI201|# noqa: OAI201/);
      await waitForDiagnostics(doc.uri, 'OAI201 to go away', (ds) => !hasCodes('OAI201')(ds) && hasCodes('OAI202')(ds));
    } finally {
      await revert(editor);
    }
  });
});
