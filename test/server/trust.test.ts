/**
 * Workspace trust, at the server: with `initializationOptions: { untrusted: true }` (what the
 * VS Code client sends in Restricted Mode) the project file `.openai-model-lint.json` is not
 * read — its rule overrides and its `catalog.extraModels` do not apply and a broken one is
 * not even reported; trusted (the default, or `untrusted: false`) it applies; and
 * `openaiModelLint/trustGranted` (sent by the client on onDidGrantWorkspaceTrust) makes a
 * running server read it and re-check open documents, in the push and the pull model.
 * The manifest half (VS Code ignores the workspace value of extraModels) is checked on
 * package.json here; VS Code itself applies it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LspClient } from '../helpers/lsp-client';

// asOf pinned (as the VS Code fixture workspace does) so o1-mini is not yet retired
const CONFIG = { asOf: '2025-01-15' };

const APP = [
  'from openai import OpenAI',
  '',
  'client = OpenAI()',
  'a = client.chat.completions.create(',
  '    model="o1-mini",',
  '    temperature=0.2,',
  '    max_tokens=500,',
  '    messages=[{"role": "user", "content": "hi"}],',
  ')',
  'b = client.chat.completions.create(model="acme-private-1", messages=[{"role": "user", "content": "hi"}])',
  '',
].join('\n');

/** A private model known only through the project file's catalog.extraModels. */
const ACME = {
  id: 'acme-private-1',
  description: 'A proxied private model',
  family: 'private',
  contextWindow: 32000,
  maxOutputTokens: 4000,
  knowledgeCutoff: null,
  encoding: 'cl100k_base',
  endpoints: ['chat.completions'],
  lifecycle: { stage: 'ga' },
  sources: { '*': [{ doc: 'our wiki' }] },
};

/** What the project file changes: OAI201 off, and acme-private-1 known (no OAI101). */
const TRUSTED = ['OAI202 6:4-6:18'];
/** The project file ignored: OAI201 on temperature, OAI101 on the unknown model. */
const UNTRUSTED = ['OAI201 5:4-5:19', 'OAI202 6:4-6:18', 'OAI101 9:41-9:57'];

function brief(ds: Diagnostic[]): string[] {
  return ds.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);
}

/**
 * Waits until the published diagnostics of `uri` are `expected` (a publication from before a
 * notification may still arrive after it: same document version, so wait for the content).
 */
async function publishedAs(c: LspClient, uri: string, expected: string[]): Promise<void> {
  let last: string[] | undefined;
  try {
    await c.waitFor(() => {
      const p = c.published.get(uri);
      last = p && brief(p.diagnostics);
      return last && JSON.stringify(last) === JSON.stringify(expected);
    }, `diagnostics ${JSON.stringify(expected)} on ${uri}`);
  } catch (err) {
    assert.deepEqual(last, expected, (err as Error).message);
  }
}

let root: string;
let projectUri: string; // app.py under a valid project file
let brokenUri: string; // app.py under a project file that is not JSON

before(() => {
  root = mkdtempSync(join(tmpdir(), 'oaml-trust-'));
  const project = join(root, 'project');
  mkdirSync(project);
  writeFileSync(join(project, '.openai-model-lint.json'), JSON.stringify({ rules: { OAI201: 'off' }, catalog: { extraModels: [ACME] } }, null, 2));
  writeFileSync(join(project, 'app.py'), APP);
  projectUri = pathToFileURL(join(project, 'app.py')).href;
  const broken = join(root, 'broken');
  mkdirSync(broken);
  writeFileSync(join(broken, '.openai-model-lint.json'), '{ "rules": { "OAI201": "off" ');
  writeFileSync(join(broken, 'app.py'), APP);
  brokenUri = pathToFileURL(join(broken, 'app.py')).href;
});
after(() => rmSync(root, { recursive: true, force: true }));

describe('trusted workspace (default): the project file applies', () => {
  let c: LspClient;
  before(async () => {
    c = await LspClient.start({ config: CONFIG, rootUri: pathToFileURL(root).href });
  });
  after(() => c.stop());

  it('its rule override and its extra model change the findings', async () => {
    c.open(projectUri, 'python', APP);
    assert.deepEqual(brief(await c.pushed(projectUri)), TRUSTED);
  });

  it('a project file that is not JSON is reported (so the untrusted case below shows it is not read)', async () => {
    c.open(brokenUri, 'python', APP);
    await c.pushed(brokenUri);
    const m = await c.waitFor(() => c.messages.find((x) => x.message.includes('is not valid JSON')), 'the invalid project file message');
    assert.equal(m.type, 1);
    assert.ok(m.message.includes(join(root, 'broken', '.openai-model-lint.json')), m.message);
  });

  it('{ untrusted: false } is the same as no option', async () => {
    const t = await LspClient.start({ config: CONFIG, initializationOptions: { untrusted: false } });
    try {
      t.open(projectUri, 'python', APP);
      assert.deepEqual(brief(await t.pushed(projectUri)), TRUSTED);
    } finally {
      await t.stop();
    }
  });
});

describe('untrusted workspace: the project file is ignored until trust is granted', () => {
  let c: LspClient;
  before(async () => {
    c = await LspClient.start({ config: CONFIG, initializationOptions: { untrusted: true } });
  });
  after(() => c.stop());

  it('neither its rule override nor its extra model apply', async () => {
    c.open(projectUri, 'python', APP);
    assert.deepEqual(brief(await c.pushed(projectUri)), UNTRUSTED);
    const unknown = (await c.pushed(projectUri)).find((d) => d.code === 'OAI101')!;
    assert.match(String(unknown.message), /acme-private-1/);
  });

  it('a broken project file is not even read: no message about it', async () => {
    c.open(brokenUri, 'python', APP);
    assert.deepEqual(brief(await c.pushed(brokenUri)), UNTRUSTED);
    // the server answers a request after the analysis, so any message would be in by now
    await c.request('textDocument/hover', { textDocument: { uri: brokenUri }, position: { line: 4, character: 12 } });
    assert.deepEqual(c.messages, []);
  });

  it('openaiModelLint/trustGranted: the project file is read and open documents are re-checked', async () => {
    c.notify('openaiModelLint/trustGranted', null);
    await publishedAs(c, projectUri, TRUSTED);
    // the broken file is now read and reported; its document is re-checked with the defaults
    const m = await c.waitFor(() => c.messages.find((x) => x.message.includes('is not valid JSON')), 'the invalid project file message after trust');
    assert.equal(m.type, 1);
    assert.deepEqual(brief(await c.pushed(brokenUri)), UNTRUSTED);
  });

  it('edits after trust keep the project file applied', async () => {
    // "max_tokens" → "max_completion_tokens": OAI202 goes, OAI201 stays off (project file)
    const v = c.change(projectUri, [{ range: { start: { line: 6, character: 4 }, end: { line: 6, character: 14 } }, text: 'max_completion_tokens' }]);
    assert.deepEqual(brief(await c.pushed(projectUri, v)), []);
  });
});

describe('untrusted workspace, pull diagnostics (VS Code)', () => {
  let c: LspClient;
  before(async () => {
    c = await LspClient.start({ config: CONFIG, pullDiagnostics: true, initializationOptions: { untrusted: true } });
  });
  after(() => c.stop());

  it('pulled diagnostics ignore the project file; trustGranted asks for a refresh and the next pull applies it', async () => {
    c.open(projectUri, 'python', APP);
    assert.deepEqual(brief(await c.pulled(projectUri)), UNTRUSTED);
    const before = c.refreshes.filter((m) => m === 'workspace/diagnostic/refresh').length;
    c.notify('openaiModelLint/trustGranted', null);
    await c.waitFor(() => c.refreshes.filter((m) => m === 'workspace/diagnostic/refresh').length > before, 'workspace/diagnostic/refresh');
    assert.deepEqual(brief(await c.pulled(projectUri)), TRUSTED);
  });
});

describe('package.json: untrusted-workspace support', () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
    capabilities: { untrustedWorkspaces: { supported: string | boolean; description: string; restrictedConfigurations: string[] } };
  };
  const u = pkg.capabilities.untrustedWorkspaces;

  it('is limited, and VS Code ignores the workspace value of catalog.extraModels (it pulls catalog data into the checks)', () => {
    assert.equal(u.supported, 'limited');
    assert.deepEqual(u.restrictedConfigurations, ['openaiModelLint.catalog.extraModels', 'openaiModelLint.catalog.file']);
  });

  it('the description names both restrictions', () => {
    assert.match(u.description, /\.openai-model-lint\.json/);
    assert.match(u.description, /openaiModelLint\.catalog\.extraModels/);
  });
});
