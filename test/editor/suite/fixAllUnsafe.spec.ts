/**
 * "Fix all OpenAI Model Lint problems (including unsafe)": a command and a code action of its
 * own kind, apart from the safe-only `source.fixAll.openai-model-lint` that on-save fixing
 * applies. On azure.ts the only fix is unsafe (OAI402: a newer api_version).
 */
import * as assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { activateExtension, hasCodes, openFixture, revert, waitForDiagnostics } from './util';

const UNSAFE_KIND = 'source.fixAllUnsafe.openai-model-lint';
const TITLE = 'Fix all OpenAI Model Lint problems (including unsafe)';

async function sourceActions(doc: vscode.TextDocument, kind: string): Promise<vscode.CodeAction[]> {
  const whole = new vscode.Range(0, 0, doc.lineCount, 0);
  const all = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole, kind);
  return (all ?? []).filter((a) => a.kind?.value.endsWith('openai-model-lint'));
}

describe('fix all, including unsafe', () => {
  before(activateExtension);

  it('azure.ts: source.fixAll offers nothing; the unsafe kind offers the api_version bump; the command applies it', async () => {
    const editor = await openFixture('azure.ts');
    const doc = editor.document;
    const original = doc.getText();
    try {
      await waitForDiagnostics(doc.uri, 'OAI402', hasCodes('OAI402'));
      assert.deepEqual((await sourceActions(doc, vscode.CodeActionKind.SourceFixAll.value)).map((a) => a.title), []);
      assert.deepEqual((await sourceActions(doc, UNSAFE_KIND)).map((a) => [a.title, a.kind?.value]), [[TITLE, UNSAFE_KIND]]);
      // the "Source Action…" menu asks for `source`: the action is listed there
      assert.ok((await sourceActions(doc, vscode.CodeActionKind.Source.value)).some((a) => a.title === TITLE));
      await vscode.commands.executeCommand('openaiModelLint.fixAllUnsafe');
      assert.equal(doc.getText(), original.replace("apiVersion: '2024-06-01'", "apiVersion: '2024-09-01-preview'"));
      await waitForDiagnostics(doc.uri, 'OAI402 to go away', (ds) => !hasCodes('OAI402')(ds) && hasCodes('OAI105')(ds));
    } finally {
      await revert(editor);
    }
  });

  it('app.py: the command applies the safe fixes too (temperature removed, max_tokens renamed)', async () => {
    const editor = await openFixture('app.py');
    const doc = editor.document;
    const original = doc.getText();
    try {
      await waitForDiagnostics(doc.uri, 'OAI201 and OAI202', hasCodes('OAI201', 'OAI202'));
      await vscode.commands.executeCommand('openaiModelLint.fixAllUnsafe');
      assert.equal(doc.getText(), original.replace('    temperature=0.2,\n', '').replace('max_tokens=500', 'max_completion_tokens=500'));
      await waitForDiagnostics(doc.uri, 'no findings left', (ds) => ds.length === 0);
    } finally {
      await revert(editor);
    }
  });
});
