/**
 * Diagnostics in a real VS Code: published by our server for the fixture files, with the
 * rule code, source, severity and the exact range the SPEC puts them on.
 */
import * as assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { activateExtension, codeOf, fmt, hasCodes, openFixture, rangeOf, waitForDiagnostics } from './util';

function find(ds: vscode.Diagnostic[], code: string): vscode.Diagnostic {
  const d = ds.find((x) => codeOf(x) === code);
  assert.ok(d, `no ${code} among ${ds.map((x) => `${codeOf(x)}@${fmt(x.range)}`).join(', ')}`);
  return d;
}

describe('diagnostics', () => {
  before(activateExtension);

  it('app.py: o1-mini rejects temperature (OAI201) and max_tokens (OAI202), on the arguments', async () => {
    const { document: doc } = await openFixture('app.py');
    const ds = await waitForDiagnostics(doc.uri, 'OAI201 and OAI202', hasCodes('OAI201', 'OAI202'));
    // Exactly these two: the workspace pins openaiModelLint.asOf to 2025-01-15, before
    // o1-mini's retirement (no OAI102), so this also shows the setting reached the server.
    assert.deepEqual(ds.map(codeOf).sort(), ['OAI201', 'OAI202']);

    const temperature = find(ds, 'OAI201');
    assert.equal(fmt(temperature.range), fmt(rangeOf(doc, 'temperature=0.2')));
    assert.equal(temperature.severity, vscode.DiagnosticSeverity.Error);
    assert.match(temperature.message, /temperature/);
    assert.match(temperature.message, /o1-mini/);

    const maxTokens = find(ds, 'OAI202');
    assert.equal(fmt(maxTokens.range), fmt(rangeOf(doc, 'max_tokens=500')));
    assert.equal(maxTokens.severity, vscode.DiagnosticSeverity.Error, 'OAI202 is an error on o-series models');
    assert.match(maxTokens.message, /max_completion_tokens/);
  });

  it('every diagnostic links its rule doc (codeDescription)', async () => {
    const { document: doc } = await openFixture('app.py');
    const ds = await waitForDiagnostics(doc.uri, 'OAI201', hasCodes('OAI201'));
    for (const d of ds) {
      assert.equal(typeof d.code, 'object', `${codeOf(d)} has no codeDescription`);
      const target = (d.code as { value: string | number; target: vscode.Uri }).target;
      assert.ok(target.toString().toLowerCase().includes(codeOf(d).toLowerCase()), `${codeOf(d)} links ${target.toString()}`);
    }
  });

  it('azure.ts: o1-preview needs api_version 2024-09-01-preview (OAI402) on the model argument', async () => {
    const { document: doc } = await openFixture('azure.ts');
    const ds = await waitForDiagnostics(doc.uri, 'OAI402', hasCodes('OAI402'));
    const d = find(ds, 'OAI402');
    assert.equal(fmt(d.range), fmt(rangeOf(doc, "'o1-preview'")));
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /2024-09-01-preview/);
    assert.match(d.message, /2024-06-01/);
  });

  it('diagnostics follow edits: fixing the argument in the buffer clears OAI202', async () => {
    const editor = await openFixture('app.py');
    const doc = editor.document;
    await waitForDiagnostics(doc.uri, 'OAI202', hasCodes('OAI202'));
    const name = rangeOf(doc, 'max_tokens');
    try {
      assert.ok(await editor.edit((b) => b.replace(name, 'max_completion_tokens')));
      const after = await waitForDiagnostics(doc.uri, 'OAI202 to go away', (ds) => hasCodes('OAI201')(ds) && !hasCodes('OAI202')(ds));
      assert.equal(after.filter((d) => codeOf(d) === 'OAI201').length, 1);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await waitForDiagnostics(doc.uri, 'OAI202 back after revert', hasCodes('OAI202'));
  });
});
