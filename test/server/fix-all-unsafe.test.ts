/**
 * The language server's fix-all actions: `source.fixAll.openai-model-lint` stays safe-only
 * (what `editor.codeActionsOnSave` applies), and "Fix all OpenAI Model Lint problems
 * (including unsafe)" is a kind of its own outside `source.fixAll`
 * (`source.fixAllUnsafe.openai-model-lint`), with the edits `check --fix --unsafe-fixes` makes.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-types';
import { FIX_ALL_KIND, FIX_ALL_UNSAFE_KIND, FIX_ALL_UNSAFE_TITLE } from '../../server/src/features/codeActions';
import { LspClient } from '../helpers/lsp-client';
import { MIGRATION_APP, MIGRATION_APP_FIXED } from '../helpers/migration';
import { repoRoot } from '../helpers/repoRoot';

const URI = 'file:///fix-all-unsafe/app.py';
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 12, character: 0 } };

describe('fix-all code actions: safe on save, unsafe on request', () => {
  let c: LspClient;
  before(async () => {
    c = await LspClient.start({ pullDiagnostics: true, config: { asOf: '2025-09-01' } });
    c.open(URI, 'python', MIGRATION_APP);
  });
  after(() => c.stop());

  const actions = (only?: string[]) =>
    c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: WHOLE, context: { diagnostics: [], ...(only ? { only } : {}) } });

  it('the client asks for the kind the server offers', () => {
    // the client module imports vscode, so its constant is read from the source
    const client = readFileSync(join(repoRoot(), 'client', 'src', 'fixAllUnsafe.ts'), 'utf8');
    assert.equal(/export const FIX_ALL_UNSAFE_KIND = '([^']+)'/.exec(client)?.[1], FIX_ALL_UNSAFE_KIND);
    assert.equal(FIX_ALL_UNSAFE_KIND, 'source.fixAllUnsafe.openai-model-lint');
    assert.ok(!FIX_ALL_UNSAFE_KIND.startsWith(`${FIX_ALL_KIND.split('.').slice(0, 2).join('.')}.`), 'not a source.fixAll kind');
  });

  it('codeActionsOnSave (only: source.fixAll) gets the safe fix-all alone; the lightbulb (no only) gets neither', async () => {
    assert.deepEqual(await c.pulled(URI).then((ds) => ds.map((d) => d.code)), ['OAI102', 'OAI103', 'OAI201', 'OAI202', 'OAI301', 'OAI203']);
    assert.deepEqual((await actions(['source.fixAll'])).map((a) => a.kind), [FIX_ALL_KIND]);
    assert.deepEqual((await actions()).filter((a) => a.kind?.startsWith('source')), []);
    assert.deepEqual((await actions(['source'])).map((a) => a.kind), [FIX_ALL_KIND, FIX_ALL_UNSAFE_KIND]);
  });

  it('the unsafe fix-all replaces the models and applies the safe fixes; the next pass has nothing left', async () => {
    const [action] = await actions([FIX_ALL_UNSAFE_KIND]);
    assert.equal(action?.title, FIX_ALL_UNSAFE_TITLE);
    const text = c.applyEdits(URI, action!.edit!.changes![URI]!);
    assert.equal(text, MIGRATION_APP_FIXED);
    assert.deepEqual(await c.pulled(URI), []);
    assert.deepEqual(await actions([FIX_ALL_UNSAFE_KIND]), []);
  });
});
