import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Catalog } from '../../server/src/catalog/catalog';
import { parseArgs, validateIsoDate } from '../../server/src/cli/args';
import * as explain from '../../server/src/cli/explain';
import { run } from '../../server/src/cli/main';
import * as models from '../../server/src/cli/models';
import fixtureOpenai from '../fixtures/catalog/openai.json';
import fixtureAzure from '../fixtures/catalog/azure.json';

const fixture = Catalog.fromFiles([fixtureOpenai, fixtureAzure]);

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s) } };
}

/** The repository root: test bundles run from test/out/unit. */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'esbuild.mjs'))) {
    const up = join(dir, '..');
    if (up === dir) throw new Error('repository root not found');
    dir = up;
  }
  return dir;
}

// ---------------------------------------------------------------- option parser

test('args: --name value, --name=value, booleans, --, positionals', () => {
  const spec = { format: { type: 'string', choices: ['text', 'json'] }, fix: { type: 'boolean' }, config: { type: 'string', multiple: true } } as const;
  const r = parseArgs(['a', '--format', 'json', '--fix', '--config=x.json', '--config', 'y.json', '--', '--not-an-option'], spec);
  assert.deepEqual(r, { ok: true, value: { options: { format: 'json', fix: true, config: ['x.json', 'y.json'] }, positionals: ['a', '--not-an-option'] } });
  assert.deepEqual(parseArgs(['--nope'], spec), { ok: false, error: "unknown option '--nope'" });
  assert.deepEqual(parseArgs(['-x'], spec), { ok: false, error: "unknown option '-x'" });
  assert.deepEqual(parseArgs(['--format'], spec), { ok: false, error: "option '--format' needs a value" });
  assert.deepEqual(parseArgs(['--format', '--fix'], spec), { ok: false, error: "option '--format' needs a value" });
  assert.deepEqual(parseArgs(['--format=xml'], spec), { ok: false, error: "option '--format' must be one of text, json (got 'xml')" });
  assert.deepEqual(parseArgs(['--fix=yes'], spec), { ok: false, error: "option '--fix' takes no value" });
  assert.deepEqual(parseArgs(['--toString'], spec), { ok: false, error: "unknown option '--toString'" });
  assert.equal(validateIsoDate('2025-02-29'), "'2025-02-29' is not a calendar date");
  assert.equal(validateIsoDate('2024-02-29'), undefined);
  assert.equal(validateIsoDate('20240229'), "expected a date YYYY-MM-DD (got '20240229')");
});

// ---------------------------------------------------------------- models (fixture catalog, exact output)

test('models --format json: one object per model with the SPEC fields, null where no value', async () => {
  const { out, io } = capture();
  assert.equal(await models.run(['--format', 'json', '--as-of', '2025-01-01'], io, fixture), 0);
  assert.equal(out.stderr, '');
  const rows = JSON.parse(out.stdout) as Record<string, unknown>[];
  assert.equal(rows.length, 13);
  assert.deepEqual(
    rows.map((r) => r.id),
    [...fixture.all().map((m) => m.id)].sort(),
  );
  assert.deepEqual(rows.find((r) => r.id === 'gpt-4-32k'), {
    id: 'gpt-4-32k',
    aliasOf: null,
    otherIds: ['gpt-4-32k-0613'],
    family: 'gpt-4',
    description: 'Fixture entry for gpt-4-32k.',
    contextWindow: 32768,
    maxOutputTokens: null,
    knowledgeCutoff: '2021-09',
    endpoints: ['chat.completions'],
    lifecycle: 'deprecated',
    deprecationDate: '2024-06-06',
    shutdownDate: '2025-06-06',
    replacement: 'gpt-4o',
    limitedAccess: false,
    encoding: 'cl100k_base',
    sources: ['004_f3fee25f6d6d4027.txt', 'OpenAI Deprecations'],
  });
  assert.equal(rows.find((r) => r.id === 'gpt-4o')!.aliasOf, 'gpt-4o-2024-08-06');
  assert.equal(rows.find((r) => r.id === 'gpt-3.5-turbo-0613')!.lifecycle, 'retired');
});

test('models --endpoint filters; text output is an aligned table with the catalog date', async () => {
  const { out, io } = capture();
  assert.equal(await models.run(['--endpoint', 'embeddings', '--as-of', '2025-01-01'], io, fixture), 0);
  assert.equal(
    out.stdout,
    [
      '1 model served by embeddings · catalog dated 2024-12-17 · lifecycle as of 2025-01-01',
      '',
      'ID                      ALIAS OF  CONTEXT  MAX OUT  CUTOFF  ENCODING     LIFECYCLE  ENDPOINTS',
      'text-embedding-ada-002  -           8,191        -  -       cl100k_base  GA         embeddings',
      '',
    ].join('\n'),
  );
  const t2 = capture();
  assert.equal(await models.run(['--as-of', '2025-01-01'], t2.io, fixture), 0);
  const lines = t2.out.stdout.split('\n');
  assert.equal(lines[0], '13 models · catalog dated 2024-12-17 · lifecycle as of 2025-01-01');
  assert.equal(lines[5], 'gpt-3.5-turbo-0613      -                         4,096    4,096  2021-09  cl100k_base  retired 2024-09-13     chat.completions');
  assert.equal(lines[6], 'gpt-4-32k               -                        32,768        -  2021-09  cl100k_base  deprecated→2025-06-06  chat.completions');
});

test('models: bad usage exits 2 with the usage on stderr', async () => {
  for (const [args, error] of [
    [['--format', 'xml'], "option '--format' must be one of text, json (got 'xml')"],
    [['--endpoint', 'chat'], "option '--endpoint' must be one of"],
    [['--bogus'], "unknown option '--bogus'"],
    [['extra'], "unexpected argument 'extra'"],
    [['--as-of', '2024-13-01'], "option '--as-of': '2024-13-01' is not a calendar date"],
  ] as const) {
    const { out, io } = capture();
    assert.equal(await models.run([...args], io, fixture), 2, args.join(' '));
    assert.equal(out.stdout, '');
    assert.ok(out.stderr.startsWith(`openai-model-lint: ${error}`), out.stderr);
    assert.ok(out.stderr.includes('usage: openai-model-lint models'));
  }
});

// ---------------------------------------------------------------- explain (fixture catalog)

test('explain prints the text card; Azure names and versions work', async () => {
  const a = capture();
  assert.equal(await explain.run(['gpt-4o', '--as-of', '2025-01-01'], a.io, fixture), 0);
  assert.equal(a.out.stdout.split('\n')[0], 'gpt-4o — alias of snapshot gpt-4o-2024-08-06');
  assert.ok(a.out.stdout.includes('  Context window    128,000 tokens\n'));
  assert.ok(a.out.stdout.endsWith('Sources:\n  - OpenAI platform: Models (December 2024 version): https://platform.openai.com/docs/models\ncatalog dated 2024-12-17\n'));

  const b = capture();
  assert.equal(await explain.run(['gpt-35-turbo', '--as-of', '2025-01-01'], b.io, fixture), 0);
  assert.equal(b.out.stdout.split('\n')[0], 'gpt-35-turbo — Azure model version 0125 → gpt-3.5-turbo-0125');

  const c = capture();
  assert.equal(await explain.run(['gpt-4', '--azure-version', 'turbo-2024-04-09'], c.io, fixture), 0);
  assert.equal(c.out.stdout.split('\n')[0], 'gpt-4 — Azure model version turbo-2024-04-09 → gpt-4-turbo-2024-04-09');

  const d = capture();
  assert.equal(await explain.run(['gpt-35-turbo', '--azure-version', '9999'], d.io, fixture), 2);
  assert.equal(d.out.stderr, "openai-model-lint: unknown Azure version '9999' of 'gpt-35-turbo'; known versions: 0125, 0613\n");
});

test('explain: unknown model exits 2 with suggestions, or says it is close to none', async () => {
  const a = capture();
  assert.equal(await explain.run(['gpt4o'], a.io, fixture), 2);
  assert.equal(a.out.stdout, '');
  assert.equal(a.out.stderr, "unknown model 'gpt4o'; did you mean: gpt-4o\n");
  const b = capture();
  assert.equal(await explain.run(['claude-3-opus'], b.io, fixture), 2);
  assert.equal(b.out.stderr, "unknown model 'claude-3-opus'; not in the catalog dated 2024-12-17 and close to no known ID\n");
  const c = capture();
  assert.equal(await explain.run([], c.io, fixture), 2);
  assert.ok(c.out.stderr.startsWith('openai-model-lint: missing MODEL_ID\nusage: openai-model-lint explain'));
});

// ---------------------------------------------------------------- the project file's catalog.extraModels

const ACME = {
  id: 'acme-chat-large',
  description: 'Our proxied chat model',
  family: 'acme',
  contextWindow: 32000,
  maxOutputTokens: 4000,
  knowledgeCutoff: null,
  encoding: 'cl100k_base',
  endpoints: ['chat.completions'],
  lifecycle: { stage: 'ga' },
  sources: { '*': [{ doc: 'ACME model registry' }] },
};

const scratch: string[] = [];
after(() => {
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
});

/** A project (a git repository: the project file is looked up no higher) with its file at the root and the command run two directories down. */
function projectWith(config: unknown, raw?: string): { root: string; cwd: string } {
  const root = mkdtempSync(join(tmpdir(), 'oml-models-'));
  scratch.push(root);
  const cwd = join(root, 'src', 'app');
  mkdirSync(cwd, { recursive: true });
  mkdirSync(join(root, '.git'));
  writeFileSync(join(root, '.openai-model-lint.json'), raw ?? JSON.stringify(config, null, 2));
  return { root, cwd };
}

const PROJECT = {
  asOf: '2024-01-01',
  rules: { OAI9: 'warning' },
  catalog: {
    extraModels: [
      ACME,
      { ...ACME, id: 'broken', contextWindow: -5 },
      'nope',
      { ...ACME, id: 'gpt-4-32k', description: 'Our gpt-4-32k proxy', contextWindow: 16000 },
    ],
  },
};
const FILE = join('..', '..', '.openai-model-lint.json');

/** stderr lines of the project's problems: the key path exactly, the bad entries said to be skipped. */
function assertProblems(stderr: string, file: string): void {
  const lines = stderr.trimEnd().split('\n');
  assert.equal(lines.length, 3, stderr);
  assert.equal(lines[0], `openai-model-lint: ${file}: rules.OAI9: rule codes look like OAI201`);
  assert.ok(lines[1]!.startsWith(`openai-model-lint: ${file}: catalog.extraModels[1].contextWindow: `) && lines[1]!.endsWith('; entry skipped'), lines[1]);
  assert.ok(lines[2]!.startsWith(`openai-model-lint: ${file}: catalog.extraModels[2]: `) && lines[2]!.endsWith('; entry skipped'), lines[2]);
}

test('models: the nearest project file adds its extraModels (over built-ins with the same ID); its asOf dates the lifecycle; bad entries reported and skipped', async () => {
  const { cwd } = projectWith(PROJECT);
  const { out, io } = capture();
  assert.equal(await models.run(['--format', 'json'], io, fixture, cwd), 0);
  assertProblems(out.stderr, FILE);
  const rows = JSON.parse(out.stdout) as Record<string, unknown>[];
  assert.equal(rows.length, 14);
  assert.deepEqual(rows.find((r) => r.id === 'acme-chat-large'), {
    id: 'acme-chat-large',
    aliasOf: null,
    otherIds: [],
    family: 'acme',
    description: 'Our proxied chat model',
    contextWindow: 32000,
    maxOutputTokens: 4000,
    knowledgeCutoff: null,
    endpoints: ['chat.completions'],
    lifecycle: 'ga',
    deprecationDate: null,
    shutdownDate: null,
    replacement: null,
    limitedAccess: false,
    encoding: 'cl100k_base',
    sources: ['ACME model registry'],
  });
  assert.equal(rows.find((r) => r.id === 'gpt-4-32k')!.contextWindow, 16000);
  assert.equal(rows.some((r) => r.id === 'broken'), false);
  // as of the project's 2024-01-01, gpt-3.5-turbo-0613 is announced for shutdown on 2024-09-13 (today it is retired)
  assert.equal(rows.find((r) => r.id === 'gpt-3.5-turbo-0613')!.lifecycle, 'deprecated');

  const text = capture();
  assert.equal(await models.run(['--endpoint', 'chat.completions', '--as-of', '2023-01-01'], text.io, fixture, cwd), 0);
  const lines = text.out.stdout.split('\n');
  assert.match(lines[0]!, / · lifecycle as of 2023-01-01$/, '--as-of wins over the project asOf');
  assert.ok(lines.includes('acme-chat-large         -                        32,000    4,000  -        cl100k_base  GA                     chat.completions'), text.out.stdout);
  assert.equal(lines.find((l) => l.startsWith('gpt-3.5-turbo-0613 '))?.includes('GA'), true);
});

test('explain: extra models, their fine-tunes and the project asOf; a skipped entry is unknown', async () => {
  const { cwd } = projectWith(PROJECT);
  const a = capture();
  assert.equal(await explain.run(['acme-chat-large'], a.io, fixture, cwd), 0);
  assertProblems(a.out.stderr, FILE);
  assert.equal(
    a.out.stdout,
    [
      'acme-chat-large — from catalog.extraModels',
      'Our proxied chat model',
      '',
      '  Context window    32,000 tokens',
      '  Max output        4,000 tokens',
      '  Knowledge cutoff  not stated',
      '  Tokenizer         cl100k_base',
      '  Endpoints         chat.completions',
      '  Lifecycle         GA',
      '',
      'Sources:',
      '  - ACME model registry',
      'catalog dated 2024-12-17',
      '',
    ].join('\n'),
  );
  const ft = capture();
  assert.equal(await explain.run(['ft:acme-chat-large:acme::abc123'], ft.io, fixture, cwd), 0);
  assert.equal(ft.out.stdout.split('\n')[0], 'ft:acme-chat-large:acme::abc123 — fine-tune of acme-chat-large');

  const dated = capture();
  assert.equal(await explain.run(['gpt-3.5-turbo-0613'], dated.io, fixture, cwd), 0);
  assert.match(dated.out.stdout, /\n {2}Lifecycle {9}deprecated on 2023-11-06; shutdown on 2024-09-13 → gpt-3.5-turbo\n/, 'lifecycle as of the project asOf 2024-01-01');

  const broken = capture();
  assert.equal(await explain.run(['broken'], broken.io, fixture, cwd), 2);
  assert.ok(broken.out.stderr.endsWith("unknown model 'broken'; not in the catalog dated 2024-12-17 and close to no known ID\n"), broken.out.stderr);
  const typo = capture();
  assert.equal(await explain.run(['acme-chat-larg'], typo.io, fixture, cwd), 2);
  assert.ok(typo.out.stderr.endsWith("unknown model 'acme-chat-larg'; did you mean: acme-chat-large\n"), typo.out.stderr);
});

test('--config FILE is used instead of the nearest project file; an unreadable one exits 2', async () => {
  const { root, cwd } = projectWith({ catalog: { extraModels: [{ ...ACME, id: 'from-discovered' }] } });
  writeFileSync(join(root, 'other.json'), JSON.stringify({ catalog: { extraModels: [{ ...ACME, id: 'from-config' }] } }));
  const m = capture();
  assert.equal(await models.run(['--format', 'json', '--config', '../../other.json', '--as-of', '2025-01-01'], m.io, fixture, cwd), 0);
  assert.equal(m.out.stderr, '');
  const ids = (JSON.parse(m.out.stdout) as { id: string }[]).map((r) => r.id);
  assert.ok(ids.includes('from-config') && !ids.includes('from-discovered'), ids.join(' '));
  const e = capture();
  assert.equal(await explain.run(['from-config', '--config=../../other.json'], e.io, fixture, cwd), 0);
  assert.equal(e.out.stdout.split('\n')[0], 'from-config — from catalog.extraModels');

  for (const [name, content, problem] of [
    ['missing.json', null, /^openai-model-lint: missing\.json: cannot read .*missing\.json: ENOENT/],
    ['bad.json', '{ "catalog": ', /^openai-model-lint: bad\.json: .*bad\.json is not valid JSON: /],
    ['array.json', '[]', /^openai-model-lint: array\.json: settings must be a JSON object\n$/],
  ] as const) {
    if (content !== null) writeFileSync(join(cwd, name), content);
    for (const command of [models, explain]) {
      const r = capture();
      assert.equal(await command.run([...(command === explain ? ['gpt-4o'] : []), '--config', name], r.io, fixture, cwd), 2, name);
      assert.equal(r.out.stdout, '');
      assert.match(r.out.stderr, problem);
    }
  }
});

test('a discovered project file that is not JSON is reported; the built-in catalog is still listed and explained', async () => {
  const { cwd } = projectWith(null, '{ "catalog": { "extraModels": [ }');
  const m = capture();
  assert.equal(await models.run(['--format', 'json', '--as-of', '2025-01-01'], m.io, fixture, cwd), 0);
  assert.match(m.out.stderr, /^openai-model-lint: \.\.\/\.\.\/\.openai-model-lint\.json: .*is not valid JSON: .*\n$/);
  assert.equal((JSON.parse(m.out.stdout) as unknown[]).length, 13);
  const e = capture();
  assert.equal(await explain.run(['gpt-4o', '--as-of', '2025-01-01'], e.io, fixture, cwd), 0);
  assert.equal(e.out.stdout.split('\n')[0], 'gpt-4o — alias of snapshot gpt-4o-2024-08-06');
  const wrongType = projectWith({ catalog: { extraModels: { id: 'x' } } });
  const w = capture();
  assert.equal(await models.run(['--format', 'json', '--as-of', '2025-01-01'], w.io, fixture, wrongType.cwd), 0);
  assert.match(w.out.stderr, /^openai-model-lint: \.\.\/\.\.\/\.openai-model-lint\.json: catalog\.extraModels: .*\n$/);
  assert.equal((JSON.parse(w.out.stdout) as unknown[]).length, 13);
});

test('bin: models and explain read the project file from the working directory', () => {
  const { cwd } = projectWith(PROJECT);
  const bin = join(repoRoot(), 'server/out/cli.js');
  const node = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd, timeout: 20_000 });
  const m = node('models', '--format', 'json');
  assert.equal(m.status, 0, m.stderr);
  assertProblems(m.stderr, FILE);
  const rows = JSON.parse(m.stdout) as { id: string; contextWindow: number }[];
  assert.equal(rows.length, Catalog.builtIn().all().length + 1);
  assert.equal(rows.find((r) => r.id === 'acme-chat-large')?.contextWindow, 32000);
  const e = node('explain', 'acme-chat-large');
  assert.equal(e.status, 0, e.stderr);
  assert.equal(e.stdout.split('\n')[0], 'acme-chat-large — from catalog.extraModels');
});

// ---------------------------------------------------------------- dispatcher (built-in catalog, in process)

test('dispatcher: --help, --version, unknown command, commands', async () => {
  const h = capture();
  assert.equal(await run(['--help'], h.io), 0);
  assert.ok(h.out.stdout.startsWith('usage: openai-model-lint <command> [options]\n'));
  assert.match(h.out.stdout, /\n {2}models {3}list the model catalog/);
  assert.match(h.out.stdout, /\n {2}check {4}lint files and folders/);
  assert.match(h.out.stdout, /\n {2}explain {2}print the model card/);

  const v = capture();
  assert.equal(await run(['--version'], v.io), 0);
  assert.match(v.out.stdout, /^\d+\.\d+\.\d+(-[\w.]+)?\n$/);

  const u = capture();
  assert.equal(await run(['lint'], u.io), 2);
  assert.ok(u.out.stderr.startsWith("openai-model-lint: unknown command 'lint'\nusage:"));

  const none = capture();
  assert.equal(await run([], none.io), 2);

  const m = capture();
  assert.equal(await run(['models', '--format', 'json'], m.io), 0);
  const rows = JSON.parse(m.out.stdout) as { id: string }[];
  assert.equal(rows.length, Catalog.builtIn().all().length);

  const sub = capture();
  assert.equal(await run(['explain', '--help'], sub.io), 0);
  assert.ok(sub.out.stdout.startsWith('usage: openai-model-lint explain MODEL_ID'));
});

// ---------------------------------------------------------------- the built bin, spawned

test('bin: models --format json, explain gpt-4o, explain nope (exit 2)', () => {
  const root = repoRoot();
  const bin = join(root, 'server/out/cli.js');
  assert.ok(existsSync(bin), 'server/out/cli.js is built by node esbuild.mjs');
  const node = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, timeout: 20_000 });

  const m = node('models', '--format', 'json');
  assert.equal(m.status, 0, m.stderr);
  const rows = JSON.parse(m.stdout) as Record<string, unknown>[];
  const builtIn = Catalog.builtIn();
  assert.equal(rows.length, builtIn.all().length);
  for (const key of ['id', 'aliasOf', 'contextWindow', 'maxOutputTokens', 'endpoints', 'lifecycle', 'shutdownDate', 'replacement', 'encoding', 'sources']) {
    assert.ok(rows.every((r) => key in r), `every row has ${key}`);
  }
  const gpt4o = rows.find((r) => r.id === 'gpt-4o')!;
  assert.equal(gpt4o.contextWindow, 128000);
  assert.equal(gpt4o.aliasOf, builtIn.get('gpt-4o')!.aliasOf);
  assert.equal(gpt4o.encoding, 'o200k_base');

  const e = node('explain', 'gpt-4o');
  assert.equal(e.status, 0, e.stderr);
  assert.ok(e.stdout.startsWith(`gpt-4o — alias of snapshot ${builtIn.get('gpt-4o')!.aliasOf}\n`), e.stdout);
  assert.ok(e.stdout.includes('  Context window    128,000 tokens\n'));
  assert.ok(e.stdout.includes(`\ncatalog dated ${builtIn.asOf}`));

  const az = node('explain', 'gpt-35-turbo');
  assert.equal(az.status, 0, az.stderr);
  assert.ok(az.stdout.startsWith('gpt-35-turbo — Azure model version 0125 → gpt-3.5-turbo-0125\n'), az.stdout);

  const n = node('explain', 'nope');
  assert.equal(n.status, 2);
  assert.equal(n.stdout, '');
  assert.match(n.stderr, /^unknown model 'nope'; /);

  const g = node('explain', 'gpt4o');
  assert.equal(g.status, 2);
  assert.match(g.stderr, /^unknown model 'gpt4o'; did you mean: gpt-4o(, |\n)/);

  const bad = node('models', '--format', 'yaml');
  assert.equal(bad.status, 2);
});
