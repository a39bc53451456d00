/**
 * The catalog's file-level tables and a newer catalog file over the built-in one (SPEC §4
 * `catalog.file`), the catalog age note (SPEC §2), Azure targets without Azure dates (audit
 * A6), and the CLI reading `catalog.file` from the project file (relative to it) or --config.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Catalog, catalogAgeNote, noticeStatus } from '../../server/src/catalog/catalog';
import { modelCard, sourceLinks } from '../../server/src/catalog/card';
import { MAX_CATALOG_FILE_BYTES, readBounded, withCatalogFile } from '../../server/src/config/catalogFile';
import { loadProjectConfig } from '../../server/src/config/load';
import * as check from '../../server/src/cli/check';
import * as models from '../../server/src/cli/models';
import { RETIRED_TEAM_FILE, TEAM_SOURCES, teamEntry } from '../helpers/teamCatalog';
import fixtureOpenai from '../fixtures/catalog/openai.json';
import fixtureAzure from '../fixtures/catalog/azure.json';
import { scratchDir } from '../helpers/scratch';

const fixture = () => Catalog.fromFiles([fixtureOpenai, fixtureAzure], ['fixture openai', 'fixture azure']);
const tempDir = (): string => scratchDir('oml-catalog-file-');
function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s) } };
}

const SRC = TEAM_SOURCES;
const entry = teamEntry;
const TEAM_FILE = {
  asOf: '2026-12-01',
  models: [entry('team-chat'), entry('gpt-4o', { description: 'gpt-4o as the team file says', contextWindow: 99000 })],
  retiredApis: [{ name: 'Team API', methodPrefixes: ['beta.team'], shutdownDate: '2026-01-01', replacement: 'the new API', sources: SRC['*'] }],
  documents: { '004_f3fee25f6d6d4027.txt': { title: 'OpenAI models page (as the team names it)', url: 'https://platform.openai.com/docs/models' } },
};

// ---------------------------------------------------------------- Catalog.withFile

test('a catalog file replaces entries with the same ID, adds new ones and tables, and its newer date counts', () => {
  const base = fixture();
  const { catalog, problems } = base.withFile(TEAM_FILE, 'team.json');
  assert.deepEqual(problems, []);
  assert.equal(catalog.asOf, '2026-12-01');
  assert.equal(catalog.get('team-chat')!.description, 'team-chat (team file)');
  assert.equal(catalog.get('gpt-4o')!.contextWindow, 99000);
  // entries the file does not name are the built-in ones
  assert.equal(catalog.get('gpt-4o-2024-08-06')!.contextWindow, base.get('gpt-4o-2024-08-06')!.contextWindow);
  assert.deepEqual(catalog.retiredApis().map((a) => a.name), ['Team API']);
  assert.equal(catalog.document('004_f3fee25f6d6d4027.txt')!.title, 'OpenAI models page (as the team names it)');
  // the base catalog is unchanged
  assert.equal(base.get('team-chat'), undefined);
  assert.equal(base.get('gpt-4o')!.contextWindow, 128000);
});

test('a catalog file table entry with the key of a built-in one replaces it; others stay', () => {
  const base = Catalog.builtIn();
  const assistants = base.retiredApis().find((a) => a.name === 'Assistants API' && a.platforms.includes('openai'))!;
  const later = { ...assistants, shutdownDate: '2027-01-01' };
  const { catalog } = base.withFile({ asOf: '2026-12-01', retiredApis: [later] }, 'team.json');
  const apis = catalog.retiredApis();
  assert.equal(apis.length, base.retiredApis().length);
  assert.equal(apis.find((a) => a.name === 'Assistants API' && a.platforms.includes('openai'))!.shutdownDate, '2027-01-01');
  assert.equal(catalog.endpointDefault('images.generate')!.model, 'dall-e-2');
});

test('an invalid catalog file changes nothing; every problem names the file and the key path', () => {
  const base = fixture();
  const bad = { asOf: '2026-12-01', models: [entry('ok'), entry('broken', { contextWindow: 'big' })], retiredApis: [{ name: 'x', sources: SRC['*'], replacement: null }] };
  const { catalog, problems } = base.withFile(bad, '/team/catalog.json');
  assert.equal(catalog, base);
  assert.deepEqual(
    problems.map((p) => `${p.path}: ${p.message}`),
    ['catalog.file: /team/catalog.json: models[1].contextWindow: Invalid input: expected number, received string', 'catalog.file: /team/catalog.json: retiredApis[0]: give methodPrefixes or requestParameters'],
  );
  assert.deepEqual(
    base.withFile([], 'list.json').problems.map((p) => p.message),
    ['list.json: (top level): Invalid input: expected object, received array'],
  );
});

// ---------------------------------------------------------------- catalog.file on disk

test('readBounded: regular files only, at most the cap; a missing file is a message, never a throw', () => {
  const dir = tempDir();
  const file = join(dir, 'c.json');
  writeFileSync(file, '{"asOf": "2026-12-01"}');
  assert.deepEqual(readBounded(file, 100), { text: '{"asOf": "2026-12-01"}' });
  assert.deepEqual(readBounded(file, 10), { problem: `${file} is 22 bytes; a catalog file may be at most 10` });
  assert.deepEqual(readBounded(dir, 100), { problem: `${dir} is not a regular file` });
  assert.deepEqual(readBounded(join(dir, 'none.json'), 100), { problem: `cannot read ${join(dir, 'none.json')}: ENOENT` });
  assert.ok(MAX_CATALOG_FILE_BYTES >= 1_000_000);
});

test('a FIFO as catalog.file is refused at once (opening it must not wait for a writer)', { skip: process.platform === 'win32' ? 'no FIFOs' : false }, () => {
  const root = project({ catalog: { file: 'pipe' } });
  execFileSync('mkfifo', [join(root, 'pipe')]);
  const cli = join(__dirname, '..', '..', '..', 'server', 'out', 'cli.js');
  const r = spawnSync(process.execPath, [cli, 'check', '--as-of', '2026-12-05', 'app.py'], { cwd: root, encoding: 'utf8', timeout: 20_000 });
  assert.equal(r.signal, null, 'the CLI did not hang');
  assert.equal(r.status, 2);
  assert.equal(r.stderr, `openai-model-lint: .openai-model-lint.json: catalog.file: ${join(root, 'pipe')} is not a regular file; the file is ignored, the built-in catalog is used\n`);
});

test('withCatalogFile: not JSON, huge, missing → the base catalog and one message; valid → the file over the base', () => {
  const dir = tempDir();
  const base = fixture();
  const notJson = join(dir, 'bad.json');
  writeFileSync(notJson, '{ "asOf": ');
  const r1 = withCatalogFile(base, notJson);
  assert.equal(r1.catalog, base);
  assert.equal(r1.problems.length, 1);
  assert.match(r1.problems[0]!.message, new RegExp(`^${notJson.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not valid JSON: .*; the file is ignored, the built-in catalog is used$`));
  const huge = join(dir, 'huge.json');
  writeFileSync(huge, Buffer.alloc(MAX_CATALOG_FILE_BYTES + 1, 0x20));
  assert.deepEqual(withCatalogFile(base, huge).problems.map((p) => p.message), [
    `${huge} is ${(MAX_CATALOG_FILE_BYTES + 1).toLocaleString('en-US')} bytes; a catalog file may be at most ${MAX_CATALOG_FILE_BYTES.toLocaleString('en-US')}; the file is ignored, the built-in catalog is used`,
  ]);
  assert.deepEqual(withCatalogFile(base, join(dir, 'missing.json')).problems.map((p) => p.message), [`cannot read ${join(dir, 'missing.json')}: ENOENT; the file is ignored, the built-in catalog is used`]);
  const good = join(dir, 'team.json');
  writeFileSync(good, `\uFEFF${JSON.stringify(TEAM_FILE)}`);
  const r2 = withCatalogFile(base, good);
  assert.deepEqual(r2.problems, []);
  assert.equal(r2.catalog.get('team-chat')!.contextWindow, 64000);
});

test('the project file’s catalog.file is relative to the project file', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'conf'));
  writeFileSync(join(dir, 'conf', '.openai-model-lint.json'), JSON.stringify({ catalog: { file: '../data/team.json' } }));
  const loaded = loadProjectConfig(join(dir, 'conf', '.openai-model-lint.json'));
  assert.deepEqual(loaded.problems, []);
  assert.equal(loaded.settings.catalog.file, join(dir, 'data', 'team.json'));
  assert.equal(loaded.overrides.catalog?.file, join(dir, 'data', 'team.json'));
});

// ---------------------------------------------------------------- the CLI

function project(config: Record<string, unknown>, catalogFile?: unknown): string {
  const root = tempDir();
  writeFileSync(join(root, '.openai-model-lint.json'), JSON.stringify(config));
  if (catalogFile !== undefined) {
    mkdirSync(join(root, 'catalog'));
    writeFileSync(join(root, 'catalog', 'team.json'), typeof catalogFile === 'string' ? catalogFile : JSON.stringify(catalogFile));
  }
  writeFileSync(join(root, 'app.py'), 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="team-old", messages=[])\n');
  return root;
}
const RETIRED = RETIRED_TEAM_FILE;

test('check: the project file’s catalog.file adds the team’s models', async () => {
  const root = project({ catalog: { file: 'catalog/team.json' } }, RETIRED);
  const { out, io } = capture();
  assert.equal(await check.run(['--as-of', '2026-12-05', '--format', 'json'], io, root), 1);
  assert.equal(out.stderr, '');
  const found = JSON.parse(out.stdout) as { code: string; message: string }[];
  assert.deepEqual(found.map((f) => `${f.code} ${f.message}`), ["OAI102 team-old was retired on 2026-06-01: requests to it fail; use 'team-new' instead"]);
});

test('check: --config names the project file; its catalog.file is relative to it', async () => {
  const root = project({}, RETIRED);
  writeFileSync(join(root, 'other.json'), JSON.stringify({ catalog: { file: 'catalog/team.json' } }));
  const { out, io } = capture();
  assert.equal(await check.run(['--as-of', '2026-12-05', '--config', 'other.json', 'app.py'], io, root), 1);
  assert.match(out.stdout, /app\.py:4:\d+: error OAI102 team-old was retired on 2026-06-01/);
});

test('check: an unusable catalog file is reported with the file and key path and exits 2', async () => {
  const broken = { asOf: '2026-12-01', models: [entry('team-old', { endpoints: ['chat'] })] };
  const root = project({ catalog: { file: 'catalog/team.json' } }, broken);
  const { out, io } = capture();
  assert.equal(await check.run(['--as-of', '2026-12-05'], io, root), 2);
  assert.equal(out.stdout, '');
  assert.match(out.stderr, /^openai-model-lint: \.openai-model-lint\.json: catalog\.file: .*team\.json: models\[0\]\.endpoints\[0\]: Invalid option: .*; the file is ignored, the built-in catalog is used\n$/);
  const missing = project({ catalog: { file: 'catalog/nowhere.json' } });
  const m = capture();
  assert.equal(await check.run(['--as-of', '2026-12-05'], m.io, missing), 2);
  assert.match(m.out.stderr, /^openai-model-lint: \.openai-model-lint\.json: catalog\.file: cannot read .*nowhere\.json: ENOENT; the file is ignored, the built-in catalog is used\n$/);
});

test('models and explain list and explain the catalog file’s models', async () => {
  const root = project({ catalog: { file: 'catalog/team.json' } }, RETIRED);
  const { out, io } = capture();
  assert.equal(await models.run(['--format', 'json', '--as-of', '2026-12-05'], io, undefined, root), 0);
  assert.equal(out.stderr, '');
  const row = (JSON.parse(out.stdout) as { id: string; lifecycle: string }[]).find((r) => r.id === 'team-old');
  assert.equal(row?.lifecycle, 'retired');
});

// ---------------------------------------------------------------- catalog age (SPEC §2)

test('catalog age: a note only when the as-of date is more than 90 days past the catalog date', () => {
  // 2026-08-31 is 90 days after 2026-06-02, 2026-09-01 is 91
  assert.equal(catalogAgeNote('2026-06-02', '2026-08-31'), null);
  assert.equal(catalogAgeNote('2026-06-02', '2026-09-01'), 'catalog dated 2026-06-02: lifecycle facts may be out of date');
  assert.equal(catalogAgeNote('2026-06-02', '2025-01-01'), null);
});

test('catalog age in the check summary (once), beside JSON on stderr, and in models', async () => {
  const root = project({});
  const builtIn = Catalog.builtIn().asOf;
  const note = `catalog dated ${builtIn}: lifecycle facts may be out of date`;
  writeFileSync(join(root, 'b.py'), 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[])\n');
  const late = '2099-01-01';
  const t = capture();
  await check.run(['--as-of', late], t.io, root);
  assert.equal(t.out.stdout.split('\n').filter((l) => l === `Note: ${note}.`).length, 1, t.out.stdout);
  assert.ok(t.out.stdout.trimEnd().endsWith(`Note: ${note}.`));
  const j = capture();
  await check.run(['--as-of', late, '--format', 'json'], j.io, root);
  JSON.parse(j.out.stdout);
  assert.equal(j.out.stderr, `openai-model-lint: ${note}\n`);
  const fresh = capture();
  await check.run(['--as-of', builtIn], fresh.io, root);
  assert.ok(!fresh.out.stdout.includes('Note:'), fresh.out.stdout);

  const m = capture();
  assert.equal(await models.run(['--as-of', late], m.io, undefined, root), 0);
  assert.deepEqual(m.out.stdout.split('\n').slice(0, 2), [`${Catalog.builtIn().all().length} models · catalog dated ${builtIn} · lifecycle as of ${late}`, `Note: ${note}.`]);
  const mj = capture();
  assert.equal(await models.run(['--as-of', late, '--format', 'json'], mj.io, undefined, root), 0);
  assert.equal(mj.out.stderr, `openai-model-lint: ${note}\n`);
});

test('catalog age in the model card (hover and explain): the footer says it instead of the plain date', () => {
  const c = fixture();
  const card = (asOf: string, markdown: boolean) => modelCard(c.resolve('gpt-4o')!, c, { asOf, markdown }).split('\n').at(-1);
  assert.equal(card('2025-01-01', false), 'catalog dated 2024-12-17');
  assert.equal(card('2025-06-01', false), 'catalog dated 2024-12-17: lifecycle facts may be out of date');
  assert.equal(card('2025-06-01', true), '_catalog dated 2024-12-17: lifecycle facts may be out of date_');
});

test('sources by title and URL: seed file names never show', () => {
  const card = modelCard(Catalog.builtIn().resolve('gpt-4o')!, Catalog.builtIn(), { asOf: '2025-01-01', markdown: true });
  assert.ok(!/\d{3}_[0-9a-f]{16}\.txt/.test(card), card);
  assert.ok(card.includes('[OpenAI platform: Models \\(December 2024 version\\)](https://platform.openai.com/docs/models)'), card);
  const seeds = ['000_f096329f552c1838.txt', '001_f3294c2118468729.txt', '002_194bbe6d6bdd0811.txt', '003_19121e1eff88d3b7.txt', '004_f3fee25f6d6d4027.txt'];
  for (const s of seeds) assert.match(Catalog.builtIn().document(s)?.url ?? '', /^https:\/\/(learn\.microsoft\.com|platform\.openai\.com)\//, s);
});

// ---------------------------------------------------------------- lifecycle of notices, Azure dates

test('noticeStatus: retired on the shutdown date, deprecated once announced, nothing before', () => {
  const n = { deprecationDate: '2026-01-01', shutdownDate: '2026-08-26' };
  assert.equal(noticeStatus(n, '2025-12-31'), null);
  assert.equal(noticeStatus(n, '2026-01-01'), 'deprecated');
  assert.equal(noticeStatus(n, '2026-08-26'), 'retired');
  assert.equal(noticeStatus({ deprecationDate: null, shutdownDate: '2026-08-26' }, '2026-01-01'), 'deprecated');
  assert.equal(noticeStatus({ deprecationDate: null, shutdownDate: null }, '2026-01-01'), null);
});

test('an OpenAI ID used as an Azure deployment of a model Azure does not list carries no OpenAI dates (audit A6)', () => {
  const c = fixture();
  const openai = c.resolve('gpt-4-32k')!.entry.lifecycle;
  assert.equal(openai.shutdownDate, '2025-06-06');
  assert.equal(c.azureModels().some((a) => a.openaiId === 'gpt-4-32k' || a.versions.some((v) => v.modelId === 'gpt-4-32k')), false);
  const azure = c.resolveAzure('gpt-4-32k')!;
  assert.deepEqual(azure.entry.lifecycle, { stage: openai.stage, deprecationDate: null, shutdownDate: null, replacement: null });
  assert.equal(c.status(azure.entry, '2026-01-01'), 'ga');
});

test('the built-in catalog states the SDK’s images.generate default with its source', () => {
  const d = Catalog.builtIn().endpointDefault('images.generate')!;
  assert.equal(d.model, 'dall-e-2');
  assert.ok(d.unlessParameters.includes('output_format'));
  assert.ok(d.sources[0]!.url!.startsWith('https://github.com/openai/openai-python/blob/'));
});

test('sources by title and URL: a page address repeated in the name is left out, one page read in two places is listed once', () => {
  const page = 'https://developers.openai.com/api/docs/deprecations';
  const links = sourceLinks(
    [
      { doc: `OpenAI API docs "Deprecations" (${page})`, url: page },
      { doc: `OpenAI API docs "Deprecations" (${page})`, url: `${page}?translationFallback=zh-Hans` },
      { doc: 'openai/openai-python src/openai/types/shared/reasoning.py', url: 'https://github.com/openai/openai-python/blob/a/src/openai/types/shared/reasoning.py' },
      { doc: 'openai/openai-python src/openai/types/shared/reasoning.py', url: 'https://github.com/openai/openai-python/blob/b/src/openai/types/shared/reasoning.py' },
      { doc: '004_f3fee25f6d6d4027.txt', section: 'GPT-4o' },
    ],
    Catalog.builtIn(),
  );
  assert.deepEqual(links.slice(0, 3), [
    { title: 'OpenAI API docs "Deprecations"', url: page },
    { title: 'openai/openai-python src/openai/types/shared/reasoning.py', url: 'https://github.com/openai/openai-python/blob/a/src/openai/types/shared/reasoning.py' },
    // another commit of the file is another document
    { title: 'openai/openai-python src/openai/types/shared/reasoning.py', url: 'https://github.com/openai/openai-python/blob/b/src/openai/types/shared/reasoning.py' },
  ]);
  // a seed is shown by its title and public page, never its file name
  assert.equal(links.length, 4);
  assert.doesNotMatch(links[3]!.title, /\.txt/);
  assert.match(links[3]!.url ?? '', /^https:\/\//);
});
