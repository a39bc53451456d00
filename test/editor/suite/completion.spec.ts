/**
 * Completion through `vscode.executeCompletionItemProvider` inside `model=""`: chat models
 * of the catalog, not models of other endpoints.
 */
import * as assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { activateExtension, labelOf, openFixture, poll, positionIn } from './util';

describe('completion', () => {
  before(activateExtension);

  it('inside model="" lists chat models with their limits, and no embedding models', async () => {
    const { document: doc } = await openFixture('complete.py');
    const pos = positionIn(doc, 'model=""', 'model="'.length);
    const items = await poll('model completions', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
      const models = (list?.items ?? []).filter((i) => /^(gpt-|o\d|chatgpt-)/.test(labelOf(i)));
      return models.length > 0 ? list.items : undefined;
    });
    const labels = items.map(labelOf);
    for (const id of ['gpt-4o', 'gpt-4o-mini', 'o1-mini', 'gpt-3.5-turbo']) assert.ok(labels.includes(id), `${id} missing from ${labels.join(', ')}`);
    for (const id of ['text-embedding-3-small', 'whisper-1', 'dall-e-3']) assert.ok(!labels.includes(id), `${id} offered for chat.completions`);
    const gpt4o = items.find((i) => labelOf(i) === 'gpt-4o')!;
    const detail = `${gpt4o.detail ?? ''} ${typeof gpt4o.label === 'string' ? '' : gpt4o.label.description ?? ''}`;
    assert.match(detail, /128k ctx/);
  });
});
