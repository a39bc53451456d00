/**
 * `catalog.file` in the language server (SPEC §4): from the VS Code settings (a relative path
 * against the workspace folder) and from the project file (against that file); an unusable
 * file is reported once with the file and key path while the built-in catalog keeps serving;
 * an untrusted workspace reads no catalog file. And the catalog age (SPEC §2) in the status
 * bar request and the model hover.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Hover } from 'vscode-languageserver-types';
import { LspClient } from '../helpers/lsp-client';
import { RETIRED_TEAM_FILE } from '../helpers/teamCatalog';

const TEAM = RETIRED_TEAM_FILE;
const APP = 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="team-old", messages=[])\n';
const codes = (d: Diagnostic[]) => d.map((x) => `${x.code} ${x.message}`);
const RETIRED = "OAI102 team-old was retired on 2026-06-01: requests to it fail; use 'team-new' instead";
const UNKNOWN = /^OAI101 'team-old' is not in the catalog dated /;

describe('catalog.file in the language server', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'oaml-catalog-file-'));
    writeFileSync(join(root, 'team.json'), JSON.stringify(TEAM));
    writeFileSync(join(root, 'broken.json'), JSON.stringify({ ...TEAM, models: [{ ...TEAM.models[0], endpoints: ['chat'] }] }));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('a VS Code setting, relative to the workspace folder, adds the team’s models', async () => {
    const c = await LspClient.start({ config: { asOf: '2026-12-05', catalog: { file: 'team.json' } }, rootUri: pathToFileURL(root).href });
    try {
      const uri = pathToFileURL(join(root, 'app.py')).href;
      c.open(uri, 'python', APP);
      assert.deepEqual(codes(await c.pushed(uri)), [RETIRED]);
      assert.deepEqual(c.messages, []);
    } finally {
      await c.stop();
    }
  });

  it('a relative setting outside every workspace folder is reported, not read from the server’s working directory', async () => {
    const c = await LspClient.start({ config: { asOf: '2026-12-05', catalog: { file: 'team.json' } } });
    try {
      const uri = pathToFileURL(join(root, 'app.py')).href;
      c.open(uri, 'python', APP);
      assert.match(codes(await c.pushed(uri))[0]!, UNKNOWN);
      const msgs = await c.waitFor(() => (c.messages.length ? c.messages : undefined), 'showMessage');
      assert.match(msgs[0]!.message, /settings: openaiModelLint\.catalog\.file: 'team\.json' is relative and the document is in no workspace folder; give an absolute path/);
    } finally {
      await c.stop();
    }
  });

  it('an unusable file: one message naming the setting, the file and the key path; the built-in catalog keeps serving', async () => {
    const broken = join(root, 'broken.json');
    const c = await LspClient.start({ config: { asOf: '2026-12-05', catalog: { file: broken } } });
    try {
      const uri = pathToFileURL(join(root, 'app.py')).href;
      c.open(uri, 'python', `${APP}client.chat.completions.create(model="gpt-4o", temperature=0.2, messages=[])\n`);
      const d = await c.pushed(uri);
      assert.match(codes(d)[0]!, UNKNOWN);
      const msgs = await c.waitFor(() => (c.messages.length ? c.messages : undefined), 'showMessage');
      assert.equal(msgs.length, 1);
      assert.equal(msgs[0]!.type, 1);
      assert.match(msgs[0]!.message, new RegExp(`settings: openaiModelLint\\.catalog\\.file: ${broken.replace(/[\\/.]/g, '\\$&')}: models\\[0\\]\\.endpoints\\[0\\]: Invalid option: .*; the file is ignored, the built-in catalog is used`));
    } finally {
      await c.stop();
    }
  });

  it('the project file’s catalog.file (relative to it); an untrusted workspace reads none', async () => {
    const project = mkdtempSync(join(tmpdir(), 'oaml-catalog-project-'));
    try {
      writeFileSync(join(project, '.openai-model-lint.json'), JSON.stringify({ catalog: { file: '../' + root.split(/[\\/]/).pop() + '/team.json' } }));
      const uri = pathToFileURL(join(project, 'app.py')).href;
      const trusted = await LspClient.start({ config: { asOf: '2026-12-05' } });
      try {
        trusted.open(uri, 'python', APP);
        assert.deepEqual(codes(await trusted.pushed(uri)), [RETIRED]);
      } finally {
        await trusted.stop();
      }
      // untrusted: neither the project file nor a catalog.file of the settings is read
      const untrusted = await LspClient.start({ config: { asOf: '2026-12-05', catalog: { file: join(root, 'team.json') } }, initializationOptions: { untrusted: true } });
      try {
        untrusted.open(uri, 'python', APP);
        const d = await untrusted.pushed(uri);
        assert.equal(d.length, 1);
        assert.match(codes(d)[0]!, UNKNOWN);
        assert.deepEqual(untrusted.messages, []);
      } finally {
        await untrusted.stop();
      }
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});

describe('catalog age in the editor (SPEC §2)', () => {
  const uri = 'file:///virtual/age.py';
  const text = 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[])\n';
  type CallInfo = { catalogDate: string; catalogNote: string | null; model: string | null };

  for (const [asOf, old] of [
    ['2099-01-01', true],
    ['2020-01-01', false],
  ] as const) {
    it(`the status bar request and the model hover ${old ? 'say' : 'do not say'} the catalog is old (as of ${asOf})`, async () => {
      const c = await LspClient.start({ config: { asOf } });
      try {
        c.open(uri, 'python', text);
        await c.pushed(uri);
        const info = await c.request<CallInfo>('openaiModelLint/callInfo', { textDocument: { uri }, position: c.positionOf(uri, 'create') });
        const note = `catalog dated ${info.catalogDate}: lifecycle facts may be out of date`;
        assert.equal(info.model, 'gpt-4o');
        assert.equal(info.catalogNote, old ? note : null);
        const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: c.positionOf(uri, '"gpt-4o"', 2) });
        const value = (h.contents as { value: string }).value;
        const footer = value.split('\n---\n')[0]!.trimEnd().split('\n').at(-1);
        assert.equal(footer, old ? `_${note}_` : `_catalog dated ${info.catalogDate}_`);
        assert.equal(value.split(note).length - 1, old ? 1 : 0, 'said once');
      } finally {
        await c.stop();
      }
    });
  }
});
