import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Catalog, fineTuneBase, formatPath, lifecycleStatus } from '../../server/src/catalog/catalog';
import { modelCard } from '../../server/src/catalog/card';
import { boundedDistance, distanceThreshold } from '../../server/src/catalog/suggest';
import { CatalogFile } from '../../server/src/catalog/schema';
import { projectFileJsonSchema } from '../../server/src/config/jsonSchema';
import openaiData from '../../server/src/catalog/data/openai.json';
import azureData from '../../server/src/catalog/data/azure.json';
import fixtureOpenai from '../fixtures/catalog/openai.json';
import fixtureAzure from '../fixtures/catalog/azure.json';

const fixture = () => Catalog.fromFiles([fixtureOpenai, fixtureAzure], ['fixture openai', 'fixture azure']);

// ---------------------------------------------------------------- built-in catalog

test('built-in data files validate against the schema', () => {
  for (const [name, data] of [['openai.json', openaiData], ['azure.json', azureData]] as const) {
    const r = CatalogFile.safeParse(data);
    assert.ok(r.success, `${name}: ${r.success ? '' : JSON.stringify(r.error.issues.slice(0, 3))}`);
  }
});

test('built-in catalog loads once and is cached', () => {
  const c = Catalog.builtIn();
  assert.equal(Catalog.builtIn(), c);
  assert.ok(c.all().length > 0);
  assert.match(c.asOf, /^\d{4}-\d{2}-\d{2}$/);
});

test('built-in catalog is internally consistent (aliases, replacements, Azure versions point to known IDs)', () => {
  const c = Catalog.builtIn();
  const ids = new Set<string>();
  for (const m of c.all()) {
    assert.ok(!ids.has(m.id), `duplicate id ${m.id}`);
    ids.add(m.id);
  }
  const problems: string[] = [];
  for (const m of c.all()) {
    if (m.aliasOf !== null && !c.get(m.aliasOf)) problems.push(`${m.id}: aliasOf ${m.aliasOf} unknown`);
    const repl = m.lifecycle.replacement;
    if (repl !== null && !c.resolve(repl) && !c.resolveAzure(repl)) problems.push(`${m.id}: replacement ${repl} unknown`);
    if (c.sourceDocs(m).length === 0) problems.push(`${m.id}: no sources`);
  }
  for (const a of c.azureModels()) {
    if (a.openaiId !== null && !c.get(a.openaiId)) problems.push(`azure ${a.name}: openaiId ${a.openaiId} unknown`);
    for (const v of a.versions) if (!c.get(v.modelId)) problems.push(`azure ${a.name} ${v.version}: modelId ${v.modelId} unknown`);
    if (a.defaultVersion !== null && !a.versions.some((v) => v.version === a.defaultVersion)) problems.push(`azure ${a.name}: defaultVersion ${a.defaultVersion} not among versions`);
  }
  assert.deepEqual(problems, []);
});

test('built-in lookups: alias → snapshot, Azure name ↔ OpenAI name, fine-tune, suggestions', () => {
  const c = Catalog.builtIn();
  const gpt4o = c.resolve('gpt-4o')!;
  assert.equal(gpt4o.via, 'id');
  assert.equal(gpt4o.canonicalId, 'gpt-4o-2024-08-06', 'seed 004: gpt-4o → gpt-4o-2024-08-06');
  assert.equal(gpt4o.entry.contextWindow, 128000);
  const azure35 = c.resolveAzure('gpt-35-turbo')!;
  assert.equal(azure35.via, 'azureName');
  assert.equal(azure35.entry.id, 'gpt-3.5-turbo-0125');
  assert.equal(c.resolveAzure('gpt-4', 'turbo-2024-04-09')!.entry.id, 'gpt-4-turbo-2024-04-09');
  assert.equal(c.resolve('gpt-35-turbo'), undefined);
  assert.equal(c.suggest('gpt-35-turbo')[0], 'gpt-3.5-turbo');
  assert.equal(c.suggest('gpt4o')[0], 'gpt-4o');
  assert.deepEqual(c.suggest('my-private-llama-finetune'), []);
  const ft = c.resolve('ft:gpt-4o-mini-2024-07-18:acme::9abc');
  assert.equal(ft?.via, 'fineTune');
  assert.equal(ft?.entry.id, 'gpt-4o-mini-2024-07-18');
});

// ---------------------------------------------------------------- lookups (fixture)

test('resolve: exact ID, alias to its snapshot', () => {
  const c = fixture();
  const r = c.resolve('gpt-4o')!;
  assert.equal(r.requested, 'gpt-4o');
  assert.equal(r.entry.id, 'gpt-4o');
  assert.equal(r.canonicalId, 'gpt-4o-2024-08-06');
  assert.equal(r.via, 'id');
  assert.equal(r.azure, undefined);
  const snap = c.resolve('gpt-4o-2024-05-13')!;
  assert.equal(snap.canonicalId, 'gpt-4o-2024-05-13');
  assert.equal(snap.entry.maxOutputTokens, 4096);
});

test('resolve: otherIds, exact only (no case folding), unknown', () => {
  const c = fixture();
  const r = c.resolve('gpt-4-32k-0613')!;
  assert.equal(r.via, 'otherId');
  assert.equal(r.entry.id, 'gpt-4-32k');
  assert.equal(r.canonicalId, 'gpt-4-32k');
  assert.equal(c.resolve('GPT-4o'), undefined);
  assert.equal(c.resolve(' gpt-4o'), undefined);
  assert.equal(c.resolve('gpt-35-turbo'), undefined, 'an Azure name is not an OpenAI ID');
  assert.equal(c.resolve(''), undefined);
});

test('resolve: fine-tuned IDs to their base', () => {
  const c = fixture();
  const r = c.resolve('ft:gpt-4o-mini-2024-07-18:my-org:custom-suffix:9tLk2aBc')!;
  assert.equal(r.via, 'fineTune');
  assert.equal(r.fineTuneBase, 'gpt-4o-mini-2024-07-18');
  assert.equal(r.entry.id, 'gpt-4o-mini-2024-07-18');
  assert.equal(r.requested, 'ft:gpt-4o-mini-2024-07-18:my-org:custom-suffix:9tLk2aBc');
  assert.equal(c.resolve('ft:gpt-3.5-turbo-0125:org::abc')!.entry.id, 'gpt-3.5-turbo-0125');
  assert.equal(c.resolve('ft:unknown-base:org::abc'), undefined);
  assert.equal(c.resolve('ft:'), undefined);
  assert.equal(fineTuneBase('davinci:ft-acme-2023-01-01-00-00-00'), 'davinci');
  assert.equal(fineTuneBase('gpt-4o'), undefined);
});

test('resolveAzure: Azure name with and without version, overrides applied', () => {
  const c = fixture();
  const def = c.resolveAzure('gpt-35-turbo')!;
  assert.equal(def.via, 'azureName');
  assert.equal(def.azure!.model.name, 'gpt-35-turbo');
  assert.equal(def.azure!.version!.version, '0125', 'default version');
  assert.equal(def.entry.id, 'gpt-3.5-turbo-0125');

  const old = c.resolveAzure('gpt-35-turbo', '0613')!;
  assert.equal(old.entry.id, 'gpt-3.5-turbo-0613');
  assert.equal(old.entry.lifecycle.shutdownDate, '2025-02-13', 'Azure lifecycle overrides OpenAI 2024-09-13');
  assert.equal(old.entry.lifecycle.replacement, 'gpt-35-turbo');
  assert.equal(c.get('gpt-3.5-turbo-0613')!.lifecycle.shutdownDate, '2024-09-13', 'the catalog entry itself is untouched');

  const turbo = c.resolveAzure('gpt-4', 'turbo-2024-04-09')!;
  assert.equal(turbo.entry.id, 'gpt-4-turbo-2024-04-09');
  assert.equal(turbo.canonicalId, 'gpt-4-turbo-2024-04-09');

  const o1 = c.resolveAzure('o1-preview', '2024-09-12')!;
  assert.equal(o1.entry.limitedAccess, true);
  assert.equal(c.get('o1-preview')!.limitedAccess, false);
  const o1Only = c.resolveAzure('o1-preview')!;
  assert.equal(o1Only.azure!.version!.version, '2024-09-12', 'a model with one version and no default resolves to that version');
  assert.equal(o1Only.entry.limitedAccess, true);

  const unknownVersion = c.resolveAzure('gpt-35-turbo', '9999')!;
  assert.equal(unknownVersion.azure!.version, null);
  assert.equal(unknownVersion.entry.id, 'gpt-3.5-turbo');
  assert.equal(c.resolveAzure('gpt-4', 'TURBO-2024-04-09')!.azure!.version!.version, 'turbo-2024-04-09', 'versions match case-insensitively');
});

test('resolveAzure: Azure lifecycles are Azure\'s own, never OpenAI\'s dates', () => {
  const c = fixture();
  // OpenAI shuts o1-preview down on 2025-07-28; the Azure version states no date
  assert.equal(c.get('o1-preview')!.lifecycle.shutdownDate, '2025-07-28');
  const o1 = c.resolveAzure('o1-preview', '2024-09-12')!.entry.lifecycle;
  assert.deepEqual([o1.stage, o1.deprecationDate, o1.shutdownDate, o1.replacement], ['preview', null, null, null]);
  // without a known version too
  assert.equal(c.resolveAzure('gpt-35-turbo', '9999')!.entry.lifecycle.shutdownDate, null);
  // an Azure version's own lifecycle wins (0613: Azure 2025-02-13, OpenAI 2024-09-13)
  assert.equal(c.resolveAzure('gpt-35-turbo', '0613')!.entry.lifecycle.shutdownDate, '2025-02-13');
});

test('resolveAzure: an OpenAI ID used as a deployment name finds its Azure version', () => {
  const c = fixture();
  const r = c.resolveAzure('gpt-4o-2024-08-06')!;
  assert.equal(r.via, 'id');
  assert.equal(r.entry.id, 'gpt-4o-2024-08-06');
  assert.equal(r.azure!.model.name, 'gpt-4o');
  assert.equal(r.azure!.version!.version, '2024-08-06');

  const alias = c.resolveAzure('gpt-4o')!;
  assert.equal(alias.via, 'azureName', 'gpt-4o is an Azure model name too');
  assert.equal(alias.azure!.version, null, 'no default version named');
  assert.equal(alias.entry.id, 'gpt-4o');

  assert.equal(c.resolveAzure('gpt-4o-mini')!.azure, undefined, 'no Azure model in the fixture');
  assert.equal(c.resolveAzure('my-deployment'), undefined);
});

// ---------------------------------------------------------------- suggestions

test('suggest: normalisations first', () => {
  const c = fixture();
  assert.equal(c.suggest('gpt4o')[0], 'gpt-4o');
  assert.equal(c.suggest('GPT-4o')[0], 'gpt-4o');
  assert.equal(c.suggest('gpt_4o_mini')[0], 'gpt-4o-mini');
  assert.equal(c.suggest('gpt 4o mini')[0], 'gpt-4o-mini');
  assert.deepEqual(c.suggest('gpt-35-turbo'), ['gpt-3.5-turbo'], 'the snapshots are more than 3 edits away');
  assert.equal(c.suggest('gpt-35-turbo-0125')[0], 'gpt-3.5-turbo-0125');
  assert.equal(c.suggest('gpt4o', 1).length, 1);
  assert.deepEqual(c.suggest('gpt4o', 0), []);
});

test('suggest: typos within a threshold relative to length; far names give []', () => {
  const c = fixture();
  assert.equal(c.suggest('gpt-4o-mni')[0], 'gpt-4o-mini');
  assert.equal(c.suggest('gtp-4o')[0], 'gpt-4o');
  assert.equal(c.suggest('text-embeding-ada-002')[0], 'text-embedding-ada-002');
  assert.deepEqual(c.suggest('claude-3-opus-20240229'), []);
  assert.deepEqual(c.suggest('my-company-model'), []);
  assert.deepEqual(c.suggest(''), []);
  assert.deepEqual(c.suggest('   '), []);
  assert.deepEqual(c.suggest('x'.repeat(10_000)), []);
  assert.ok(!c.suggest('gpt-4o').includes('gpt-4o'), 'never suggests the ID itself');
});

test('suggest: retired models rank after current ones at the same distance', () => {
  const c = fixture();
  // "gpt-3.5-turbo-0612" is one edit from the retired -0613 and two from nothing else current
  assert.equal(c.suggest('gpt-3.5-turbo-0612')[0], 'gpt-3.5-turbo-0613');
  const s = c.suggest('o1-previex');
  assert.equal(s[0], 'o1-preview');
});

test('edit distance helpers', () => {
  assert.equal(boundedDistance('gpt-4o', 'gpt-4o', 2), 0);
  assert.equal(boundedDistance('gtp-4o', 'gpt-4o', 2), 1, 'transposition counts once');
  assert.equal(boundedDistance('abc', 'xyz', 2), 3, 'exceeding the limit gives limit + 1');
  assert.equal(boundedDistance('a', 'abcdef', 2), 3);
  assert.deepEqual([4, 6, 8, 12, 16, 40].map(distanceThreshold), [1, 1, 2, 3, 4, 4]);
});

// ---------------------------------------------------------------- extraModels

test('withExtraModels: valid entries added and override built-ins; invalid ones reported at their key path and skipped', () => {
  const base = fixture();
  const good = {
    id: 'my-proxy-model',
    description: 'A proxied model',
    family: 'private',
    contextWindow: 32000,
    maxOutputTokens: 4000,
    knowledgeCutoff: null,
    encoding: 'cl100k_base',
    endpoints: ['chat.completions'],
    lifecycle: { stage: 'ga' },
    sources: { '*': [{ doc: 'our wiki' }] },
  };
  const override = { ...good, id: 'gpt-4o', contextWindow: 64000 };
  const bad = { ...good, id: 'broken', contextWindow: -5 };
  const badEndpoint = { ...good, id: 'broken2', endpoints: ['chat.completions', 'chat'] };
  const { catalog, problems } = base.withExtraModels([good, override, bad, 'nope', badEndpoint]);

  assert.deepEqual(
    problems.map((p) => p.path),
    ['catalog.extraModels[2].contextWindow', 'catalog.extraModels[3]', 'catalog.extraModels[4].endpoints[1]'],
  );
  assert.match(problems[0]!.message, />0|positive|too small/i);
  assert.equal(catalog.resolve('my-proxy-model')!.via, 'extra');
  assert.equal(catalog.resolve('my-proxy-model')!.entry.lifecycle.shutdownDate, null, 'defaults applied');
  assert.equal(catalog.resolve('gpt-4o')!.via, 'extra');
  assert.equal(catalog.get('gpt-4o')!.contextWindow, 64000);
  assert.equal(catalog.resolve('broken'), undefined);
  assert.equal(catalog.all().length, base.all().length + 1);
  assert.equal(base.get('gpt-4o')!.contextWindow, 128000, 'the base catalog is unchanged');
  assert.equal(catalog.asOf, base.asOf);
  assert.equal(catalog.resolveAzure('gpt-35-turbo')!.entry.id, 'gpt-3.5-turbo-0125', 'Azure data carried over');
  assert.deepEqual(catalog.suggest('my-proxy-modle'), ['my-proxy-model']);
});

test('withExtraModels: a non-array and an empty list', () => {
  const base = fixture();
  const r = base.withExtraModels({} as unknown as unknown[]);
  assert.equal(r.catalog, base);
  assert.deepEqual(r.problems, [{ path: 'catalog.extraModels', message: 'expected an array of model entries' }]);
  const empty = base.withExtraModels([]);
  assert.equal(empty.catalog, base);
  assert.deepEqual(empty.problems, []);
});

test('an invalid catalog file fails with the file name and key path; an entry when first used', () => {
  const { asOf: _omit, ...noDate } = fixtureOpenai;
  assert.throws(() => Catalog.fromFiles([noDate], ['openai.json']), /^Error: openai-model-lint: invalid catalog openai\.json: asOf: /);
  assert.throws(() => Catalog.fromFiles([{ asOf: '2024-01-01', models: [{ description: 'no id' }] }], ['x.json']), /invalid catalog x\.json: models\[0\]\.id: /);
  assert.throws(() => Catalog.fromFiles([null], ['x.json']), /invalid catalog x\.json: \(top level\): /);
  const broken = { ...fixtureOpenai, models: [fixtureOpenai.models[1], { ...fixtureOpenai.models[0], encoding: 'gpt2' }] };
  const c = Catalog.fromFiles([broken], ['openai.json']);
  assert.equal(c.get('gpt-4o-2024-08-06')!.id, 'gpt-4o-2024-08-06', 'valid entries work');
  assert.throws(() => c.get('gpt-4o'), /invalid catalog openai\.json: models\[1\]\.encoding: /);
  assert.throws(() => c.all(), /invalid catalog openai\.json: models\[1\]\.encoding: /);
  assert.equal(formatPath('x', ['a', 0, 'b-c']), 'x.a[0]["b-c"]');
  assert.equal(formatPath('', ['models', 3]), 'models[3]');
});

// ---------------------------------------------------------------- facts

test('status by as-of date', () => {
  const c = fixture();
  const old = c.get('gpt-3.5-turbo-0613')!; // deprecation announced 2023-11-06, shutdown 2024-09-13
  assert.equal(c.status(old, '2023-06-01'), 'ga', 'before the announcement');
  assert.equal(c.status(old, '2023-11-06'), 'deprecated');
  assert.equal(c.status(old, '2024-09-12'), 'deprecated');
  assert.equal(c.status(old, '2024-09-13'), 'retired', 'retired on the shutdown day');
  const preview = c.get('o1-preview')!; // shutdown 2025-07-28, no announcement date
  assert.equal(c.status(preview, '2024-12-01'), 'deprecated');
  assert.equal(c.status(preview, '2025-07-28'), 'retired');
  assert.equal(lifecycleStatus({ ...preview, lifecycle: { ...preview.lifecycle, shutdownDate: null } }, '2024-01-01'), 'preview');
  assert.equal(c.status(c.get('gpt-4o')!, '2030-01-01'), 'ga');
});

test('catalog-wide facts: asOf, image tokens, api-version requirements, sources', () => {
  const c = fixture();
  assert.equal(c.asOf, '2024-12-17', 'newest of the files');
  assert.equal(c.imageTokens()!.tokensPerTile, 170);
  assert.deepEqual(c.apiVersionRequirement('max_completion_tokens')!.minApiVersion, '2024-09-01-preview');
  assert.equal(c.apiVersionRequirement('temperature'), undefined);
  assert.deepEqual(c.sourceDocs(c.get('gpt-4-32k')!), ['004_f3fee25f6d6d4027.txt', 'OpenAI Deprecations']);
  assert.deepEqual(
    c.azureVersionsFor(c.get('gpt-4o')!).map((g) => [g.model.name, g.versions.map((v) => v.version)]),
    [['gpt-4o', ['2024-05-13', '2024-08-06']]],
  );
  assert.deepEqual(
    c.azureVersionsFor(c.get('gpt-4o-2024-05-13')!).map((g) => [g.model.name, g.versions.map((v) => v.version)]),
    [['gpt-4o', ['2024-05-13']]],
  );
});

// ---------------------------------------------------------------- model card

test('model card, plain text', () => {
  const c = fixture();
  const card = modelCard(c.resolve('gpt-4o')!, c, { asOf: '2025-01-01', markdown: false });
  assert.equal(
    card,
    [
      'gpt-4o — alias of snapshot gpt-4o-2024-08-06',
      'Fixture entry for gpt-4o.',
      '',
      '  Context window    128,000 tokens',
      '  Max output        16,384 tokens',
      '  Knowledge cutoff  2023-10',
      '  Tokenizer         o200k_base',
      '  Endpoints         chat.completions, responses, assistants, batch',
      '  Lifecycle         GA',
      '  Azure             gpt-4o (2 versions)',
      '                      2024-05-13: Standard: 7 regions · Global Standard: eastus, swedencentral · api_version ≥ 2024-05-01-preview',
      '                      2024-08-06: Global Standard: eastus, eastus2',
      '',
      'Sources:',
      '  - OpenAI platform: Models (December 2024 version): https://platform.openai.com/docs/models',
      'catalog dated 2024-12-17',
    ].join('\n'),
  );
});

test('model card: lifecycle lines', () => {
  const c = fixture();
  const line = (id: string, asOf: string) => modelCard(c.resolve(id)!, c, { asOf, markdown: false }).split('\n').find((l) => l.includes('Lifecycle'))!.trim();
  assert.equal(line('gpt-4-32k', '2025-01-01'), 'Lifecycle         deprecated on 2024-06-06; shutdown on 2025-06-06 → gpt-4o');
  assert.equal(line('gpt-4-32k', '2025-06-06'), 'Lifecycle         retired: shut down on 2025-06-06 → gpt-4o');
  assert.equal(line('o1-preview', '2024-12-01'), 'Lifecycle         deprecated; shutdown on 2025-07-28 → o1');
  assert.equal(line('gpt-4-32k', '2024-01-01'), 'Lifecycle         GA; shutdown on 2025-06-06 → gpt-4o');
});

test('model card, Markdown for an Azure deployment', () => {
  const c = fixture();
  const card = modelCard(c.resolveAzure('gpt-35-turbo', '0613')!, c, {
    asOf: '2025-01-01',
    markdown: true,
    deployment: { name: 'chat-prod', region: 'eastus', deploymentType: 'standard', apiVersion: '2024-10-21' },
  });
  assert.equal(
    card,
    [
      '**`gpt-35-turbo`** — Azure model version `0613` → `gpt-3.5-turbo-0613`',
      '',
      'Fixture entry for gpt-3.5-turbo-0613.',
      '',
      '- **Deployment:** `chat-prod` · region eastus · Standard · api_version 2024-10-21',
      '- **Context window:** 4,096 tokens',
      '- **Max output:** 4,096 tokens',
      '- **Knowledge cutoff:** 2021-09',
      '- **Tokenizer:** cl100k_base',
      '- **Endpoints:** chat.completions',
      '- **Lifecycle:** deprecated; shutdown on 2025-02-13 → `gpt-35-turbo`',
      '- **Azure:** `gpt-35-turbo` (1 version)',
      '  - `0613`: Standard: eastus · offered in eastus as Standard',
      '',
      '_Sources:_ [OpenAI platform: Models \\(December 2024 version\\)](https://platform.openai.com/docs/models) · [OpenAI Deprecations](https://platform.openai.com/docs/deprecations) · [Azure OpenAI Service models \\(Microsoft Learn, version of 2024-12-05\\)](https://learn.microsoft.com/azure/ai-services/openai/concepts/models)',
      '',
      '_catalog dated 2024-12-17_',
    ].join('\n'),
  );
});

test('model card: a deployment region where the version is not offered', () => {
  const c = fixture();
  const card = modelCard(c.resolveAzure('gpt-4o', '2024-08-06')!, c, { asOf: '2025-01-01', markdown: false, deployment: { name: 'dep', region: 'westeurope' } });
  assert.ok(card.includes('\n  Deployment        dep · region westeurope\n'), card);
  assert.ok(card.includes('\n                      2024-08-06: Global Standard: eastus, eastus2 · not offered in westeurope\n'), card);
});

test('model card: fine-tune, other ID, extra model, user text escaped in Markdown', () => {
  const c = fixture();
  const ft = modelCard(c.resolve('ft:gpt-4o-mini-2024-07-18:org::x1')!, c, { asOf: '2025-01-01', markdown: false });
  assert.equal(ft.split('\n')[0], 'ft:gpt-4o-mini-2024-07-18:org::x1 — fine-tune of gpt-4o-mini-2024-07-18');
  const other = modelCard(c.resolve('gpt-4-32k-0613')!, c, { asOf: '2025-01-01', markdown: false });
  assert.equal(other.split('\n')[0], 'gpt-4-32k-0613 — another name of gpt-4-32k');
  const { catalog } = c.withExtraModels([
    {
      id: 'evil',
      description: 'click [here](http://x) <img>',
      family: 'x',
      contextWindow: null,
      maxOutputTokens: null,
      knowledgeCutoff: null,
      encoding: null,
      endpoints: [],
      lifecycle: { stage: 'preview' },
      sources: { '*': [{ doc: 'mine' }] },
    },
  ]);
  const md = modelCard(catalog.resolve('evil')!, catalog, { asOf: '2025-01-01', markdown: true });
  assert.equal(md.split('\n')[0], '**`evil`** — from catalog.extraModels');
  assert.equal(md.split('\n')[2], 'click \\[here\\]\\(http://x\\) \\<img\\>');
  assert.ok(md.includes('- **Context window:** not stated'));
  assert.ok(md.includes('- **Endpoints:** none listed'));
  assert.ok(md.includes('- **Lifecycle:** preview'));
});

// ---------------------------------------------------------------- JSON Schema for user overrides

test('project file JSON Schema is generated from the zod schemas', () => {
  const schema = projectFileJsonSchema() as {
    type: string;
    properties: Record<string, { properties?: Record<string, { items?: { required?: string[]; properties?: Record<string, unknown> } }> }>;
  };
  assert.equal(schema.type, 'object');
  assert.deepEqual(Object.keys(schema.properties).sort(), ['$schema', 'asOf', 'azure', 'catalog', 'maxFileSize', 'rules', 'tokenCounts']);
  const item = schema.properties.catalog!.properties!.extraModels!.items!;
  assert.deepEqual(item.required!.sort(), ['contextWindow', 'description', 'encoding', 'endpoints', 'family', 'id', 'knowledgeCutoff', 'lifecycle', 'maxOutputTokens', 'sources']);
  assert.ok(item.properties!.capabilities);
});

test('the build writes that schema to server/out/openai-model-lint.schema.json', () => {
  let root = __dirname;
  for (let i = 0; i < 8 && !existsSync(join(root, 'esbuild.mjs')); i++) root = join(root, '..');
  const file = join(root, 'server/out/openai-model-lint.schema.json');
  assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), projectFileJsonSchema());
});
