/**
 * Hovers through `vscode.executeHoverProvider`: the model card on a model string, and the
 * live token count of the request (which may arrive a little after start-up: the tokenizer
 * loads in the background, so the count is polled for).
 */
import * as assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { expectedChatTokensO200k } from './tokens';
import { activateExtension, hasCodes, hoverAt, openFixture, poll, positionIn, waitForDiagnostics } from './util';

/** "1,234 tokens" / "1234 tokens" → 1234 (the first count in the text). */
function tokenCount(text: string): number | undefined {
  const m = /(\d[\d,]*)\s+tokens?\b/i.exec(text);
  return m ? Number(m[1]!.replace(/,/g, '')) : undefined;
}

describe('hover', () => {
  before(activateExtension);

  it('on the model string: the card with the context window and max output of o1-mini', async () => {
    const { document: doc } = await openFixture('app.py');
    await waitForDiagnostics(doc.uri, 'OAI201', hasCodes('OAI201'));
    const text = await hoverAt(doc.uri, positionIn(doc, '"o1-mini"', 3));
    assert.match(text, /o1-mini/);
    assert.match(text, /context window/i);
    assert.match(text, /128,000|128k\b/i, `context window of o1-mini (128,000) missing from:\n${text}`);
    assert.match(text, /65,536|64k\b/i, `max output of o1-mini (65,536) missing from:\n${text}`);
    assert.match(text, /o200k_base/);
  });

  it('on messages: the live token count, equal to the documented chat formula with o200k_base', async () => {
    const { document: doc } = await openFixture('app.py');
    const expected = expectedChatTokensO200k([{ role: 'user', content: 'Summarise the plot of Hamlet in three sentences.' }]);
    const pos = positionIn(doc, 'messages=[', 2);
    const count = await poll('a token count in the hover on messages', async () => tokenCount(await hoverAt(doc.uri, pos)));
    assert.equal(count, expected);
  });

  it('on the Azure model argument: the card of o1-preview', async () => {
    const { document: doc } = await openFixture('azure.ts');
    await waitForDiagnostics(doc.uri, 'OAI402', hasCodes('OAI402'));
    const text = await hoverAt(doc.uri, positionIn(doc, "'o1-preview'", 3));
    assert.match(text, /o1-preview/);
    assert.match(text, /context window/i);
    assert.match(text, /128,000|128k\b/i);
  });

  it('hover counts follow edits: a longer message gives a larger count', async () => {
    const editor = await openFixture('app.py');
    const doc = editor.document;
    const pos = positionIn(doc, 'messages=[', 2);
    const before = await poll('a token count', async () => tokenCount(await hoverAt(doc.uri, pos)));
    const extra = ' Then list the five main characters and what happens to each of them.';
    const content = 'Summarise the plot of Hamlet in three sentences.';
    const at = positionIn(doc, content, content.length);
    try {
      assert.ok(await editor.edit((b) => b.insert(at, extra)));
      const expected = expectedChatTokensO200k([{ role: 'user', content: content + extra }]);
      assert.ok(expected > before);
      const after = await poll(`the count to become ${expected}`, async () => {
        const n = tokenCount(await hoverAt(doc.uri, pos));
        return n === expected ? n : undefined;
      });
      assert.equal(after, expected);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
