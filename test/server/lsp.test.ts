/**
 * The real server process over stdio, driven as an editor drives it: initialize (push and
 * pull diagnostics), open, incremental edits, diagnostics, hovers, code actions applied to
 * the text, completion, configuration changes.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionList, Diagnostic, Hover, InlayHint, MarkupContent } from 'vscode-languageserver-types';
import { LspClient } from '../helpers/lsp-client';

const AS_OF = { asOf: '2025-09-01' };

const PY = [
  'from openai import OpenAI',
  '',
  'client = OpenAI()',
  'resp = client.chat.completions.create(',
  '    model="o1",',
  '    messages=[{"role": "user", "content": "Hello there, how are you?"}],',
  '    temperature=0.2,',
  '    max_tokens=500,',
  ')',
  'old = client.chat.completions.create(model="gpt-4-32k", messages=[{"role": "user", "content": "hi"}])',
  '',
].join('\n');

function brief(d: Diagnostic[]): string[] {
  return d.map((x) => `${x.code} ${x.range.start.line}:${x.range.start.character}-${x.range.end.line}:${x.range.end.character}`);
}

function hoverText(h: Hover | null): string {
  return h ? (h.contents as MarkupContent).value : '';
}

describe('language server over stdio (push diagnostics)', () => {
  let c: LspClient;
  const uri = 'file:///virtual/app.py';
  before(async () => {
    c = await LspClient.start({ config: { ...AS_OF } });
    c.open(uri, 'python', PY);
  });
  after(() => c.stop());

  it('publishes diagnostics with exact ranges, codes, tags and rule links', async () => {
    const d = await c.pushed(uri);
    assert.deepEqual(brief(d), ['OAI201 6:4-6:19', 'OAI202 7:4-7:18', 'OAI102 9:43-9:54']);
    assert.equal(d[0]!.source, 'openai-model-lint');
    assert.equal(d[0]!.severity, 1);
    assert.equal(d[0]!.message, "'temperature' is not supported by o1 (reasoning models accept only the default 1); remove it");
    assert.match(d[0]!.codeDescription!.href, /docs\/rules\/OAI201[^/]*\.md$/);
    assert.deepEqual(d[2]!.tags, [2]); // DiagnosticTag.Deprecated
    assert.equal(d[0]!.tags, undefined);
  });

  it('applies incremental edits and re-checks', async () => {
    // "temperature=0.2" → "temperature=1" (o-series accept the default 1)
    const start = c.positionOf(uri, '0.2');
    c.change(uri, [{ range: { start, end: { line: start.line, character: start.character + 3 } }, text: '1' }]);
    const d = await c.pushed(uri);
    assert.deepEqual(brief(d), ['OAI202 7:4-7:18', 'OAI102 9:43-9:54']);
    // insert two lines at the top: everything shifts down by two
    c.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# one\n# two\n' }]);
    assert.deepEqual(brief(await c.pushed(uri)), ['OAI202 9:4-9:18', 'OAI102 11:43-11:54']);
    // several changes in one notification, then back to the original text
    const v = c.change(uri, [
      { range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, text: '' },
      { range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' },
    ]);
    assert.equal(c.text(uri), PY.replace('temperature=0.2', 'temperature=1'));
    assert.deepEqual(brief(await c.pushed(uri, v)), ['OAI202 7:4-7:18', 'OAI102 9:43-9:54']);
  });

  it('offers each fix and "Disable for this line"; applying the fix fixes the text', async () => {
    const d = await c.pushed(uri);
    const oai202 = d.find((x) => x.code === 'OAI202')!;
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: oai202.range,
      context: { diagnostics: [oai202] },
    });
    assert.deepEqual(
      actions.map((a) => a.title),
      ["OpenAI Model Lint (OAI202): Rename to 'max_completion_tokens'", 'OpenAI Model Lint (OAI202): Disable OAI202 for this line'],
    );
    const text = c.applyEdits(uri, actions[0]!.edit!.changes![uri]!);
    assert.match(text, /\n {4}max_completion_tokens=500,\n/);
    assert.deepEqual(brief(await c.pushed(uri)), ['OAI102 9:43-9:54']);

    const retired = (await c.pushed(uri))[0]!;
    const [, disable] = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: retired.range, context: { diagnostics: [retired] } });
    assert.equal(disable!.title, 'OpenAI Model Lint (OAI102): Disable OAI102 for this line');
    const after = c.applyEdits(uri, disable!.edit!.changes![uri]!);
    assert.ok(after.includes('"content": "hi"}])  # openai-model-lint: disable-line OAI102\n'));
    assert.deepEqual(await c.pushed(uri), []);
  });

  it('rejects malformed fix data sent back by a client', async () => {
    const bogus: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', code: 'OAI201', source: 'openai-model-lint', data: { fix: { title: 1 } } };
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: bogus.range, context: { diagnostics: [bogus] } });
    assert.deepEqual(actions.map((a) => a.title), ['OpenAI Model Lint (OAI201): Disable OAI201 for this line']);
  });

  it('survives malformed requests and notifications (answers empty, keeps serving)', async () => {
    c.notify('textDocument/didChange', { textDocument: { uri: 'file:///never-opened.py', version: 2 }, contentChanges: [{ range: null, text: 'x' }] });
    c.notify('textDocument/didOpen', { textDocument: null });
    assert.equal(await c.request('textDocument/hover', { textDocument: { uri }, position: null }), null);
    assert.deepEqual(await c.request('textDocument/codeAction', { textDocument: { uri }, range: null, context: null }), []);
    assert.equal(await c.request('textDocument/hover', { textDocument: { uri: 'file:///never-opened.py' }, position: { line: 0, character: 0 } }), null);
    const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: c.positionOf(uri, '"o1"', 2) });
    assert.match(hoverText(h), /^\*\*`o1`\*\*/);
    assert.ok(c.logs.some((l) => l.includes('openai-model-lint: hover failed')));
  });

  it('hovers a rule code in a suppression comment with the rule doc', async () => {
    const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: c.positionOf(uri, 'disable-line OAI102', 'disable-line '.length + 2) });
    assert.match(hoverText(h), /^# OAI102 retired-model\n/);
  });

  it('hovers a model string with its card', async () => {
    const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: c.positionOf(uri, '"o1"', 2) });
    const text = hoverText(h);
    assert.match(text, /^\*\*`o1`\*\*/);
    assert.match(text, /- \*\*Context window:\*\* 200,000 tokens/);
    assert.deepEqual(h.range, { start: { line: 4, character: 10 }, end: { line: 4, character: 14 } });
  });

  it('flags a pre-1.0 SDK call in its hover, with the call that replaces it', async () => {
    const legacy = 'file:///virtual/legacy.py';
    c.open(legacy, 'python', 'import openai\nopenai.api_type = "azure"\nopenai.api_version = "2024-02-01"\nopenai.Embedding.create(engine="embed-prod", input="hi")\n');
    await c.pushed(legacy);
    const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri: legacy }, position: c.positionOf(legacy, 'Embedding', 2) });
    const text = hoverText(h);
    assert.match(text, /^`Embedding\.create`/);
    assert.match(text, /\*\*Pre-1\.0 SDK call\.\*\* `openai\.Embedding\.create` was removed in version 1\.0 of the `openai` package; the same request is `client\.embeddings\.create\(\.\.\.\)`/);
    assert.match(text, /on Azure, `model=` names the deployment that `engine=` names here/);
    // a current call's hover says nothing of the kind
    const now = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: c.positionOf(uri, 'completions.create', 3) });
    assert.doesNotMatch(hoverText(now), /Pre-1\.0/);
    c.close(legacy);
  });

  it('hovers a parameter with whether the model accepts it', async () => {
    const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: c.positionOf(uri, 'temperature', 3) });
    assert.equal(hoverText(h), '`temperature`: accepted by `o1` only with `1`.');
  });

  it('shows the live token count on messages once the tokenizer has loaded', async () => {
    const pos = c.positionOf(uri, 'messages=', 2);
    const first = hoverText(await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: pos }));
    assert.ok(first === 'token count: loading tokenizer…' || first.startsWith('**'), first);
    const counted = await c.waitFor(() => c.refreshes.length > 0 || undefined, 'a refresh after the tokenizer loaded', 15_000).then(async () =>
      hoverText(await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: pos })),
    );
    // 3 per message + "user" (1) + the content (7) = 11, plus 3 to prime the reply
    assert.equal(
      counted,
      ['**14 tokens in · ≤ 500 out · 200k window**', '', '- message 1 (user): 11 tokens', '', '_Counted with the model’s encoding, including the per-message overhead._'].join('\n'),
    );
    const hints = await c.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } } });
    assert.deepEqual(hints.map((h) => [h.position, h.label]), [
      [{ line: 8, character: 1 }, '14 tokens in · ≤ 500 out · 200k window'],
      [{ line: 9, character: 101 }, '8 tokens in · 32k window'],
    ]);
  });

  it('ends the model card with the call\'s token count', async () => {
    await c.waitFor(() => c.refreshes.length > 0 || undefined, 'the tokenizer loaded', 15_000);
    const text = hoverText(await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: c.positionOf(uri, '"o1"', 2) }));
    assert.match(text, /- \*\*Context window:\*\* 200,000 tokens/);
    assert.ok(text.endsWith('\n\n---\n\n**This call:** 14 tokens in · ≤ 500 out · 200k window'), text.slice(-120));
  });

  it('completes model IDs inside the model string: GA first, deprecated tagged', async () => {
    const pos = c.positionOf(uri, '"o1"', 1);
    const list = await c.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: pos });
    const labels = list.items.map((i) => i.label);
    assert.ok(labels.includes('gpt-4o'));
    assert.ok(!labels.includes('text-embedding-3-small'), 'embedding models do not serve chat');
    assert.ok(!labels.includes('gpt-4-32k'), 'retired models are not offered');
    const gpt4o = list.items.find((i) => i.label === 'gpt-4o')!;
    assert.equal(gpt4o.detail, '128k ctx · 16k out · alias of gpt-4o-2024-08-06');
    assert.deepEqual(gpt4o.textEdit, { range: { start: { line: 4, character: 11 }, end: { line: 4, character: 13 } }, newText: 'gpt-4o' });
    const sorted = [...list.items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
    const firstDeprecated = sorted.findIndex((i) => i.tags?.includes(1));
    assert.ok(firstDeprecated > 0);
    assert.ok(sorted.slice(firstDeprecated).every((i) => i.tags?.includes(1)), 'deprecated ones sort last');
  });

  it('re-checks every document when the configuration changes', async () => {
    c.config = { ...AS_OF, rules: { OAI001: 'off' } };
    const other = 'file:///virtual/other.py';
    c.open(other, 'python', 'from openai import OpenAI\nOpenAI().chat.completions.create(model="o1", messages=[], top_p=0.5)\n');
    assert.deepEqual(brief(await c.pushed(other)), ['OAI201 1:58-1:67']);
    c.config = { ...AS_OF, rules: { OAI201: 'off' } };
    const before = c.published.get(other);
    c.notify('workspace/didChangeConfiguration', { settings: null });
    await c.waitFor(() => c.published.get(other) !== before || undefined, 'diagnostics after the configuration change');
    assert.deepEqual(c.published.get(other)!.diagnostics, []);
  });

  it('reports an invalid setting once by name and keeps serving', async () => {
    c.config = { ...AS_OF, rules: { OAI9: 'error' }, tokenCounts: { inlay: 'yes' } };
    const n = c.messages.length;
    c.notify('workspace/didChangeConfiguration', { settings: null });
    const msgs = await c.waitFor(() => (c.messages.length > n ? c.messages.slice(n) : undefined), 'showMessage');
    assert.equal(msgs.length, 1);
    assert.equal(msgs[0]!.type, 1);
    assert.match(msgs[0]!.message, /openaiModelLint\.rules\.OAI9: rule codes look like OAI201/);
    assert.match(msgs[0]!.message, /openaiModelLint\.tokenCounts\.inlay/);
    const other = 'file:///virtual/other.py';
    const before = c.published.get(other);
    c.change(other, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '\n' }]);
    await c.waitFor(() => c.published.get(other) !== before || undefined, 'diagnostics with the default for the bad keys');
    assert.deepEqual(brief(c.published.get(other)!.diagnostics), ['OAI201 1:58-1:67']);
  });
  it('says where a bad extra model is written: the setting, or the project file with its own index', async () => {
    const model = (id: string, contextWindow: unknown) => ({ id, description: 'private', family: 'acme', contextWindow, maxOutputTokens: 4000, knowledgeCutoff: null, encoding: 'cl100k_base', endpoints: ['chat.completions'], lifecycle: { stage: 'ga' }, sources: {} });
    const project = mkdtempSync(join(tmpdir(), 'oaml-extra-'));
    try {
      // settings: one good and one bad model; the project file: a good one, then a bad one
      writeFileSync(join(project, '.openai-model-lint.json'), JSON.stringify({ catalog: { extraModels: [model('acme-c', 8000), model('acme-d', 'lots')] } }));
      c.config = { ...AS_OF, catalog: { extraModels: [model('acme-a', 8000), model('acme-b', -1)] } };
      const n = c.messages.length;
      c.notify('workspace/didChangeConfiguration', { settings: null });
      const uri = pathToFileURL(join(project, 'app.py')).href;
      c.open(uri, 'python', 'from openai import OpenAI\nOpenAI().chat.completions.create(model="acme-a", messages=[])\n');
      await c.pushed(uri);
      const text = (await c.waitFor(() => (c.messages.length > n ? c.messages.slice(n) : undefined), 'showMessage')).map((m) => m.message).join('\n');
      assert.match(text, /settings: openaiModelLint\.catalog\.extraModels\[1\]\.contextWindow: /);
      assert.match(text, new RegExp(`${join(project, '.openai-model-lint.json').replace(/[\\/.]/g, '\\$&')}: catalog\\.extraModels\\[1\\]\\.contextWindow: `));
      assert.doesNotMatch(text, /extraModels\[3\]/);
      c.close(uri);
    } finally {
      c.config = AS_OF;
      c.notify('workspace/didChangeConfiguration', { settings: null });
      rmSync(project, { recursive: true, force: true });
    }
  });
});

describe('language server over stdio (pull diagnostics)', () => {
  let c: LspClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'oaml-lsp-'));
    writeFileSync(join(dir, '.openai-model-lint.json'), JSON.stringify({ asOf: '2025-09-01' }));
    c = await LspClient.start({ pullDiagnostics: true, config: {} });
  });
  after(async () => {
    await c.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers textDocument/diagnostic and honours the project file', async () => {
    const uri = pathToFileURL(join(dir, 'app.ts')).href;
    c.open(uri, 'typescript', 'import OpenAI from "openai";\nconst client = new OpenAI();\nawait client.chat.completions.create({ model: "o1", messages: [], temperature: 0.7 });\n');
    const d = await c.pulled(uri);
    assert.deepEqual(brief(d), ['OAI201 2:66-2:82']);
    assert.equal(c.published.size, 0, 'nothing is pushed to a pull client');

    const fixAll = await c.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(fixAll.map((a) => a.kind), ['source.fixAll.openai-model-lint']);
    const text = c.applyEdits(uri, fixAll[0]!.edit!.changes![uri]!);
    assert.equal(text.split('\n')[2], 'await client.chat.completions.create({ model: "o1", messages: [] });');
    assert.deepEqual(await c.pulled(uri), []);
  });

  it('asks for a refresh when the project file changes', async () => {
    const uri = pathToFileURL(join(dir, 'old.py')).href;
    c.open(uri, 'python', 'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4-32k", messages=[])\n');
    assert.deepEqual(brief(await c.pulled(uri)), ['OAI102 1:39-1:50']);
    writeFileSync(join(dir, '.openai-model-lint.json'), JSON.stringify({ asOf: '2025-01-01' }));
    const n = c.refreshes.length;
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, '.openai-model-lint.json')).href, type: 2 }] });
    await c.waitFor(() => c.refreshes.slice(n).includes('workspace/diagnostic/refresh') || undefined, 'diagnostic refresh');
    assert.deepEqual(brief(await c.pulled(uri)), ['OAI103 1:39-1:50']);
  });

  it('returns no findings for a file over maxFileSize and logs it once', async () => {
    writeFileSync(join(dir, '.openai-model-lint.json'), JSON.stringify({ asOf: '2025-09-01', maxFileSize: 100 }));
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, '.openai-model-lint.json')).href, type: 2 }] });
    const uri = pathToFileURL(join(dir, 'big.py')).href;
    c.open(uri, 'python', `from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4-32k", messages=[])\n${'#\n'.repeat(100)}`);
    assert.deepEqual(await c.pulled(uri), []);
    await c.pulled(uri);
    await c.waitFor(() => c.logs.some((l) => l.includes('big.py is larger than maxFileSize')) || undefined, 'log');
    assert.equal(c.logs.filter((l) => l.includes('big.py is larger than maxFileSize')).length, 1);
  });
});

describe('language server over stdio (Azure)', () => {
  let c: LspClient;
  const uri = 'file:///virtual/azure.py';
  const AZ = [
    'from openai import AzureOpenAI',
    '',
    'client = AzureOpenAI(api_version="2024-10-21", azure_endpoint="https://x.openai.azure.com")',
    'client.chat.completions.create(model="prod-chat", messages=[{"role": "user", "content": "hi"}])',
    'client.chat.completions.create(model="mystery", messages=[])',
    '',
  ].join('\n');
  before(async () => {
    c = await LspClient.start({
      config: {
        asOf: '2025-09-01',
        tokenCounts: { inlay: false, codeLens: true },
        azure: { deployments: { 'prod-chat': { model: 'gpt-4o', version: '2024-08-06', region: 'eastus2', deploymentType: 'standard' } } },
      },
    });
    c.open(uri, 'python', AZ);
  });
  after(() => c.stop());

  it('offers "Map Azure deployment…" on an unmapped deployment', async () => {
    const d = await c.pushed(uri);
    assert.deepEqual(brief(d), ['OAI103 3:37-3:48', 'OAI401 4:37-4:46']);
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d[1]!.range, context: { diagnostics: [d[1]!] } });
    assert.equal(actions[0]!.title, 'OpenAI Model Lint (OAI401): Map Azure deployment…');
    assert.deepEqual(actions[0]!.command, { title: 'Map Azure deployment…', command: 'openaiModelLint.mapDeployment', arguments: ['mystery'] });
  });

  it('hovers a deployment name with the mapped model card and the deployment', async () => {
    const text = hoverText(await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: c.positionOf(uri, 'prod-chat', 3) }));
    assert.match(text, /- \*\*Deployment:\*\* `prod-chat`/);
    assert.match(text, /eastus2/);
    assert.match(text, /2024-10-21/);
    assert.match(text, /- \*\*Context window:\*\* 128,000 tokens/);
  });

  it('completes mapped deployment names first on Azure clients', async () => {
    const list = await c.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: c.positionOf(uri, 'mystery', 2) });
    const first = [...list.items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1))[0]!;
    assert.equal(first.label, 'prod-chat');
    assert.equal(first.detail, 'deployment → gpt-4o 2024-08-06 · eastus2');
  });

  it('shows token counts as code lenses when configured, not as inlay hints', async () => {
    const hints = await c.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } } });
    assert.deepEqual(hints, []);
    type Lens = { range: unknown; command: { title: string } };
    let list = await c.request<Lens[]>('textDocument/codeLens', { textDocument: { uri } });
    const deadline = Date.now() + 15_000;
    while (!list.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      list = await c.request<Lens[]>('textDocument/codeLens', { textDocument: { uri } });
    }
    assert.deepEqual(list.map((l) => [l.range, l.command.title]), [[{ start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, '8 tokens in · ≤ 16,384 out · 128k window']]);
  });
});

describe('language server over stdio (client without workspace/configuration)', () => {
  let c: LspClient;
  const uri = 'file:///virtual/pushed.py';
  before(async () => {
    c = await LspClient.start(); // no configuration capability: settings arrive pushed, as from Neovim 0.7
  });
  after(() => c.stop());

  it('uses the settings pushed with workspace/didChangeConfiguration', async () => {
    const src = 'from openai import OpenAI\nOpenAI().chat.completions.create(model="o1-mini", messages=[], top_p=0.5)\n';
    c.notify('workspace/didChangeConfiguration', { settings: { openaiModelLint: { asOf: '2025-01-15' } } });
    c.open(uri, 'python', src);
    // before o1-mini's shutdown: only the parameter finding, no OAI102
    assert.deepEqual(brief(await c.pushed(uri)), ['OAI201 1:63-1:72']);
    const before = c.published.get(uri);
    c.notify('workspace/didChangeConfiguration', { settings: { openaiModelLint: { asOf: '2025-01-15', rules: { OAI201: 'off' } } } });
    await c.waitFor(() => c.published.get(uri) !== before || undefined, 'diagnostics after the pushed change');
    assert.deepEqual(brief(c.published.get(uri)!.diagnostics), []);
  });
});
