/**
 * OAI501 never echoes a key (issue 6): the built CLI in every output format and the real
 * language server (diagnostics with their data, hover, code actions, its logs) show keys
 * only masked: kind prefix, first 2 and last 4 characters of the secret (`sk-proj-Ab…wxyz`).
 *
 * The fake keys are generated from a fixed seed, so no key-shaped literal sits in this file
 * (secret scanners stay quiet) and every run uses the same keys.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Catalog } from '../../server/src/catalog/catalog';
import { maskKey } from '../../server/src/rules/hardcoded-api-key';
import { ALNUM, B64URL, HEX, keyGenerator } from '../helpers/fakeKeys';
import { LspClient } from '../helpers/lsp-client';
import { repoRoot } from '../helpers/repoRoot';

const CLI = join(repoRoot(), 'server', 'out', 'cli.js');

const gen = keyGenerator(20250901);

/**
 * Key shapes as they are issued (rules/keyShape.ts): project and service-account keys (156, 124
 * and 140 characters around the `T3BlbkFJ` marker, or 48 in the first project keys), legacy
 * user keys (20 + marker + 20), Azure's 32 hex digits.
 */
const KEYS = {
  project: `sk-proj-${gen(B64URL, 74)}T3BlbkFJ${gen(B64URL, 74)}`,
  legacy: `sk-${gen(ALNUM, 20)}T3BlbkFJ${gen(ALNUM, 20)}`,
  service: `sk-svcacct-${gen(B64URL, 58)}T3BlbkFJ${gen(B64URL, 58)}`,
  tsProject: `sk-proj-${gen(B64URL, 48)}`,
  azure: gen(HEX, 32),
  azureHeader: gen(HEX, 32),
  notebookProject: `sk-proj-${gen(B64URL, 74)}T3BlbkFJ${gen(B64URL, 58)}`,
  asModel: `sk-proj-${gen(B64URL, 48)}`,
};
const ALL_KEYS = Object.values(KEYS);

/** Every 12-character piece of each key's secret part: catches truncated echoes too, not only the whole key. */
function secretPieces(key: string): string[] {
  const secret = key.replace(/^sk-(?:proj-|svcacct-|admin-)?/, '');
  const out: string[] = [];
  for (let i = 0; i + 12 <= secret.length; i++) out.push(secret.slice(i, i + 12));
  return out;
}

function assertNoKey(where: string, text: string): void {
  for (const key of ALL_KEYS) {
    assert.ok(!text.includes(key), `${where} contains the key ${maskKey(key)}`);
    const piece = secretPieces(key).find((p) => text.includes(p));
    assert.equal(piece, undefined, `${where} contains 12 characters of the key ${maskKey(key)}`);
  }
}

const PY = `import openai
from openai import AzureOpenAI, OpenAI

client = OpenAI(api_key="${KEYS.project}")
openai.api_key = "${KEYS.legacy}"
azure = AzureOpenAI(api_key="${KEYS.azure}", api_version="2024-10-21", azure_endpoint="https://contoso.openai.azure.com")
client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}])
`;

const TS = `import OpenAI, { AzureOpenAI } from 'openai';

const openai = new OpenAI({ apiKey: '${KEYS.tsProject}' });
const azure = new AzureOpenAI({
  endpoint: 'https://contoso.openai.azure.com',
  apiVersion: '2024-10-21',
  defaultHeaders: { 'api-key': "${KEYS.azureHeader}" },
});
await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] });
`;

/** A key pasted where the model goes: OAI101 and the hover echo the value they report, so they mask it too. */
const MISPLACED = `from openai import OpenAI

client = OpenAI()
client.chat.completions.create(model="${KEYS.asModel}", messages=[{"role": "user", "content": "Hi"}])
`;
const CATALOG_DATE = Catalog.builtIn().asOf;

const NOTEBOOK_CELL = [
  'import os\n',
  `os.environ["OPENAI_API_KEY"] = "${KEYS.service}"\n`,
  'from openai import OpenAI\n',
  `client = OpenAI(api_key="${KEYS.notebookProject}")\n`,
  'client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}])',
];
const NOTEBOOK = `${JSON.stringify(
  {
    cells: [
      { cell_type: 'markdown', metadata: {}, source: ['# keys'] },
      { cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: NOTEBOOK_CELL },
    ],
    metadata: { kernelspec: { name: 'python3', language: 'python', display_name: 'Python 3' } },
    nbformat: 4,
    nbformat_minor: 5,
  },
  null,
  1,
)}\n`;

/** file → (key, 1-based line, replacement the fix writes) in the order the CLI reports them. */
const EXPECTED = [
  { file: 'app.py', key: KEYS.project, line: 4, variable: 'OPENAI_API_KEY', read: 'os.environ["OPENAI_API_KEY"]', kind: 'OpenAI' },
  { file: 'app.py', key: KEYS.legacy, line: 5, variable: 'OPENAI_API_KEY', read: 'os.environ["OPENAI_API_KEY"]', kind: 'OpenAI' },
  { file: 'app.py', key: KEYS.azure, line: 6, variable: 'AZURE_OPENAI_API_KEY', read: 'os.environ["AZURE_OPENAI_API_KEY"]', kind: 'Azure OpenAI' },
  { file: 'client.ts', key: KEYS.tsProject, line: 3, variable: 'OPENAI_API_KEY', read: 'process.env.OPENAI_API_KEY', kind: 'OpenAI' },
  { file: 'client.ts', key: KEYS.azureHeader, line: 7, variable: 'AZURE_OPENAI_API_KEY', read: 'process.env.AZURE_OPENAI_API_KEY', kind: 'Azure OpenAI' },
  { file: 'keys.ipynb', key: KEYS.service, line: 2, variable: 'OPENAI_API_KEY', read: 'os.environ["OPENAI_API_KEY"]', kind: 'OpenAI' },
  { file: 'keys.ipynb', key: KEYS.notebookProject, line: 4, variable: 'OPENAI_API_KEY', read: 'os.environ["OPENAI_API_KEY"]', kind: 'OpenAI' },
  { file: 'misplaced.py', key: KEYS.asModel, line: 4, variable: 'OPENAI_API_KEY', read: 'os.environ["OPENAI_API_KEY"]', kind: 'OpenAI' },
];
const MISPLACED_OAI101 = `'${maskKey(KEYS.asModel)}' is not in the catalog dated ${CATALOG_DATE}; model checks skipped`;

function message(e: (typeof EXPECTED)[number]): string {
  return `hard-coded ${e.kind} API key '${maskKey(e.key)}'; read it from the ${e.variable} environment variable and revoke this key`;
}

const roots: string[] = [];
after(() => {
  for (const d of roots) rmSync(d, { recursive: true, force: true });
});

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'oml-secrets-'));
  roots.push(root);
  for (const [rel, text] of Object.entries({ 'app.py': PY, 'client.ts': TS, 'keys.ipynb': NOTEBOOK, 'misplaced.py': MISPLACED })) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

function check(cwd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'check', ...args], { cwd, encoding: 'utf8', timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('the mask: kind prefix, first 2 and last 4 characters of the secret, at most a quarter of it', () => {
  assert.equal(maskKey('sk-proj-abcdefghijklmnopqrstuvwxyz012345'), 'sk-proj-ab…2345');
  assert.equal(maskKey('sk-abcdefghijklmnopqrstuvwxyz'), 'sk-ab…wxyz');
  assert.equal(maskKey('sk-svcacct-ABCDEFGHIJKLMNOPQRSTUVWXYZ'), 'sk-svcacct-AB…WXYZ');
  assert.equal(maskKey('0123456789abcdef0123456789abcdef'), '01…cdef');
  // the shortest key the rule matches (20 secret characters) shows 5 of them
  assert.equal(maskKey('sk-ABCDEFGHIJKLMNOPQRST'), 'sk-AB…RST');
  assert.equal(maskKey('sk-abc'), 'sk-…');
  // astral characters are never cut in half
  assert.equal(maskKey('sk-😀😀abcdefghijklmnopqrstuv😀'), 'sk-😀😀…tuv😀');
  for (const key of ALL_KEYS) {
    const shown = maskKey(key).replace(/^sk-(?:proj-|svcacct-|admin-)?/, '').replace('…', '');
    assert.equal(shown.length, 6, maskKey(key));
  }
});

describe('CLI: no output format carries a key', () => {
  let root: string;
  before(() => {
    root = project();
  });

  test('json: masked keys in the messages, nothing else of them anywhere', () => {
    const r = check(root, ['--format', 'json', '--as-of', '2025-09-01']);
    assertNoKey('json stdout', r.stdout);
    assertNoKey('json stderr', r.stderr);
    assert.equal(r.stderr, '');
    const all = JSON.parse(r.stdout) as { file: string; line: number; code: string; message: string; fix: unknown }[];
    assert.deepEqual(
      all.filter((f) => f.file === 'misplaced.py').map((f) => [f.code, f.message]),
      [
        ['OAI101', MISPLACED_OAI101],
        ['OAI501', message(EXPECTED.at(-1)!)],
      ],
    );
    const rows = all.filter((f) => f.code === 'OAI501');
    assert.deepEqual(
      rows.map((f) => ({ file: f.file, line: f.line, message: f.message, fix: f.fix })),
      EXPECTED.map((e) => ({ file: e.file, line: e.line, message: message(e), fix: { safe: false, title: `Read ${e.variable} from the environment` } })),
    );
  });

  test('text: masked keys, nothing else of them', () => {
    const r = check(root, ['--as-of', '2025-09-01']);
    assertNoKey('text stdout', r.stdout);
    assertNoKey('text stderr', r.stderr);
    for (const e of EXPECTED) assert.ok(r.stdout.includes(`warning OAI501 ${message(e)}`), `${e.file}:${e.line}: ${maskKey(e.key)} missing from\n${r.stdout}`);
  });

  test('sarif: no key in messages, regions, fixes or fingerprints; fixes insert the environment read', () => {
    const r = check(root, ['--format', 'sarif', '--as-of', '2025-09-01']);
    assertNoKey('sarif stdout', r.stdout);
    assertNoKey('sarif stderr', r.stderr);
    const sarif = JSON.parse(r.stdout) as { runs: { results: Record<string, any>[] }[] };
    const results = sarif.runs[0]!.results.filter((x) => x.ruleId === 'OAI501');
    assert.equal(results.length, EXPECTED.length);
    results.forEach((res, i) => {
      const e = EXPECTED[i]!;
      assert.equal(res.message.text, message(e));
      const region = res.locations[0].physicalLocation.region;
      assert.deepEqual(Object.keys(region).sort(), ['endColumn', 'endLine', 'startColumn', 'startLine'], 'no snippet in the region');
      assert.equal(res.partialFingerprints, undefined);
      assert.equal(res.codeFlows, undefined);
      if (e.file.endsWith('.ipynb')) {
        // notebook regions are within a cell, so SARIF carries no fix for them
        assert.equal(res.fixes, undefined);
        return;
      }
      assert.equal(res.fixes.length, 1);
      const replacements = res.fixes[0].artifactChanges[0].replacements as { insertedContent: { text: string }; deletedRegion: Record<string, number> }[];
      assert.deepEqual(
        replacements.map((x) => x.insertedContent.text),
        [e.read],
      );
      assert.deepEqual(Object.keys(replacements[0]!.deletedRegion).sort(), ['endColumn', 'endLine', 'startColumn', 'startLine']);
      assert.equal(res.fixes[0].description.text, `Read ${e.variable} from the environment (unsafe)`);
    });
  });

  test('--fix leaves keys alone (the fix is unsafe) and says nothing of them', () => {
    const r = check(root, ['--fix', '--format', 'json', '--as-of', '2025-09-01']);
    assertNoKey('--fix stdout', r.stdout);
    assertNoKey('--fix stderr', r.stderr);
    assert.equal((JSON.parse(r.stdout) as { code: string }[]).filter((f) => f.code === 'OAI501').length, EXPECTED.length);
  });
});

describe('language server: no key in diagnostics, data, hover, code actions or logs', () => {
  let c: LspClient;
  const docs = [
    { uri: 'file:///virtual/secrets/app.py', lang: 'python', text: PY, keys: [KEYS.project, KEYS.legacy, KEYS.azure] },
    { uri: 'file:///virtual/secrets/client.ts', lang: 'typescript', text: TS, keys: [KEYS.tsProject, KEYS.azureHeader] },
    // a notebook cell reaches the server as a Python document of its own
    { uri: 'vscode-notebook-cell:/virtual/secrets/keys.ipynb#W1sZmlsZQ%3D%3D', lang: 'python', text: NOTEBOOK_CELL.join(''), keys: [KEYS.service, KEYS.notebookProject] },
    { uri: 'file:///virtual/secrets/misplaced.py', lang: 'python', text: MISPLACED, keys: [KEYS.asModel] },
  ];
  before(async () => {
    c = await LspClient.start({ config: { asOf: '2025-09-01' } });
    for (const d of docs) c.open(d.uri, d.lang, d.text);
  });
  after(async () => {
    await c.stop();
  });

  for (const d of docs) {
    test(`${d.uri.split('/').pop()}: masked messages; data, hover, actions and fix-all carry no key`, async () => {
      const diagnostics = await c.pushed(d.uri);
      assertNoKey('published diagnostics', JSON.stringify(diagnostics));
      const keyDiags = diagnostics.filter((x) => x.code === 'OAI501');
      assert.deepEqual(
        keyDiags.map((x) => x.message),
        d.keys.map((k) => message(EXPECTED.find((e) => e.key === k)!)),
      );
      for (const key of d.keys) {
        const position = c.positionOf(d.uri, key, 5);
        const hover = await c.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: d.uri }, position });
        assertNoKey('hover on the key', JSON.stringify(hover));
        if (key === KEYS.asModel) assert.equal(hover?.contents.value.split('\n')[0], `\`${maskKey(key)}\` is not in the catalog dated ${CATALOG_DATE}; model checks skipped.`);
      }
      if (d.keys.includes(KEYS.asModel)) assert.deepEqual(diagnostics.filter((x) => x.code === 'OAI101').map((x) => x.message), [MISPLACED_OAI101]);
      const range = { start: { line: 0, character: 0 }, end: c.positionOf(d.uri, '\n', 0, d.text.split('\n').length - 2) };
      const quick = await c.request<{ title: string }[]>('textDocument/codeAction', { textDocument: { uri: d.uri }, range, context: { diagnostics: keyDiags } });
      assertNoKey('code actions', JSON.stringify(quick));
      assert.deepEqual(
        quick.map((a) => a.title).filter((t) => t.includes('Read ')),
        keyDiags.map((x) => `OpenAI Model Lint (OAI501): Read ${String(x.message).includes('Azure') ? 'AZURE_OPENAI_API_KEY' : 'OPENAI_API_KEY'} from the environment`),
      );
      const fixAll = await c.request('textDocument/codeAction', { textDocument: { uri: d.uri }, range, context: { diagnostics: [], only: ['source.fixAll.openai-model-lint'] } });
      assertNoKey('fix-all action', JSON.stringify(fixAll));
    });
  }

  test('the status bar call info and the catalog entry of a key passed as model= (issue 14, row 12)', async () => {
    const uri = 'file:///virtual/secrets/misplaced.py';
    const position = c.positionOf(uri, KEYS.asModel, 5);
    const info = await c.request<{ model: string | null }>('openaiModelLint/callInfo', { textDocument: { uri }, position });
    assert.equal(info.model, maskKey(KEYS.asModel));
    assertNoKey('callInfo', JSON.stringify(info));
    const escaped = 'file:///virtual/secrets/escaped.py';
    const written = `s\\x6b-proj-${KEYS.asModel.slice('sk-proj-'.length)}`;
    c.open(escaped, 'python', MISPLACED.replace(KEYS.asModel, written));
    await c.pushed(escaped);
    const escapedInfo = await c.request<{ model: string | null }>('openaiModelLint/callInfo', { textDocument: { uri: escaped }, position: c.positionOf(escaped, written, 5) });
    assert.equal(escapedInfo.model, maskKey(KEYS.asModel));
    assertNoKey('published diagnostics of the escaped key', JSON.stringify(c.published.get(escaped)));
  });

  test('the server logged and showed nothing of the keys', () => {
    assertNoKey('server logs', c.logs.join('\n'));
    assertNoKey('server messages', JSON.stringify(c.messages));
  });
});
