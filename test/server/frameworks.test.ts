/**
 * Framework model strings in the editor, through the real server over stdio: diagnostics on
 * the ID after a provider prefix, the model card on hover (an Azure class's deployment with its
 * mapping), and model-ID completion that replaces only the ID and offers the models of the
 * framework call's endpoint.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionList, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-types';
import { LspClient } from '../helpers/lsp-client';

const CONFIG = { asOf: '2025-09-01', azure: { deployments: { reasoning: { model: 'o1-mini', version: '2024-09-12', region: 'eastus2', deploymentType: 'standard' } } } };

const PY = [
  'from langchain.chat_models import init_chat_model',
  'from langchain_openai import AzureChatOpenAI',
  '',
  'llm = init_chat_model("openai:gpt-4-32k")',
  'reviewer = AzureChatOpenAI(azure_deployment="reasoning", api_version="2024-12-01-preview")',
  '',
].join('\n');

const TS = ['import { openai } from "@ai-sdk/openai";', '', 'const embedder = openai.embedding("");', ''].join('\n');

const LITELLM = ['import litellm', '', 'r = litellm.completion(model="claude-3-5-sonnet-latest", messages=[])', ''].join('\n');

const brief = (d: Diagnostic[]) => d.map((x) => `${x.code} ${x.range.start.line}:${x.range.start.character}-${x.range.end.line}:${x.range.end.character}`);
const text = (h: Hover | null) => (h ? (h.contents as MarkupContent).value : '');

describe('framework model strings in the editor', () => {
  let c: LspClient;
  const py = 'file:///virtual/kb.py';
  const ts = 'file:///virtual/assistant.ts';
  before(async () => {
    c = await LspClient.start({ config: CONFIG });
    c.open(py, 'python', PY);
    c.open(ts, 'typescript', TS);
  });
  after(() => c.stop());

  it('reports on the ID after the prefix, tagged deprecated', async () => {
    const d = await c.pushed(py);
    assert.deepEqual(brief(d), ['OAI102 3:30-3:39', 'OAI107 4:44-4:55']);
    assert.equal(d[0]!.message, "gpt-4-32k was retired on 2025-06-06: requests to it fail; use 'gpt-4o' instead");
    assert.deepEqual(d[0]!.tags, [2]);
  });

  it('hovers the model ID with its card, the range the ID only', async () => {
    const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri: py }, position: c.positionOf(py, 'gpt-4-32k', 2) });
    assert.match(text(h), /^\*\*`gpt-4-32k`\*\*/);
    assert.deepEqual(h.range, { start: { line: 3, character: 30 }, end: { line: 3, character: 39 } });
  });

  it('hovers an Azure class deployment with the mapped model and the deployment', async () => {
    const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri: py }, position: c.positionOf(py, '"reasoning"', 2) });
    assert.match(text(h), /^\*\*`o1-mini/);
    assert.match(text(h), /\*\*Deployment:\*\* `reasoning`/);
  });

  it('completes inside the prefixed string, replacing the ID only', async () => {
    const list = await c.request<CompletionList>('textDocument/completion', { textDocument: { uri: py }, position: c.positionOf(py, 'gpt-4-32k', 3) });
    const labels = list.items.map((i) => i.label);
    assert.ok(labels.includes('gpt-4o'));
    assert.ok(!labels.includes('text-embedding-3-small'), 'not an embedding model on a chat model call');
    const gpt4o = list.items.find((i) => i.label === 'gpt-4o')!;
    assert.deepEqual(gpt4o.textEdit, { range: { start: { line: 3, character: 30 }, end: { line: 3, character: 39 } }, newText: 'gpt-4o' });
  });

  it('says why a bare ID outside the catalog is not checked where the framework picks the provider by name', async () => {
    const uri = 'file:///virtual/router.py';
    c.open(uri, 'python', LITELLM);
    assert.deepEqual(await c.pushed(uri), []);
    const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: c.positionOf(uri, 'claude', 2) });
    assert.match(text(h), /^`claude-3-5-sonnet-latest` is not in the catalog dated \d{4}-\d{2}-\d{2}: LiteLLM may send it to another provider, so it is not checked\.$/);
    c.close(uri);
  });

  it('completes embedding models in the AI SDK embedding factory', async () => {
    const list = await c.request<CompletionList>('textDocument/completion', { textDocument: { uri: ts }, position: c.positionOf(ts, '("")', 2) });
    const labels = list.items.map((i) => i.label);
    assert.ok(labels.includes('text-embedding-3-small'));
    assert.ok(!labels.includes('gpt-4o'), 'a chat model does not serve embeddings');
  });
});
