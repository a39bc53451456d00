// The Azure catalog (server/src/catalog/data/azure.json) against Microsoft's current pages: every
// lifecycle fact agrees with the retirement-schedule row its source quotes, replacements are
// alive on Azure on the catalog date, Azure keeps its own dates (the gpt-5 family outlives
// OpenAI's shutdown), and the api-version tables are well formed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Catalog, lifecycleStatus, type LifecycleStatus } from '../../server/src/catalog/catalog';
import { CatalogFile, type AzureVersion, type ModelEntry } from '../../server/src/catalog/schema';
import azureJson from '../../server/src/catalog/data/azure.json';

const azure = CatalogFile.parse(azureJson);
const byName = new Map(azure.azure.map((m) => [m.name, m]));
const version = (name: string, v: string): AzureVersion => {
  const found = byName.get(name)?.versions.find((x) => x.version === v);
  assert.ok(found, `${name} ${v} is not in azure.json`);
  return found;
};

/** A version's status on Azure from its own lifecycle; without one Azure states no dates. */
function azureStatus(v: AzureVersion, asOf: string): LifecycleStatus {
  return v.lifecycle ? lifecycleStatus({ lifecycle: v.lifecycle } as ModelEntry, asOf) : 'ga';
}

const SCHEDULE_DOC = 'Microsoft Learn: Model retirement schedule (Microsoft Foundry)';

/** The schedule row a version's kept lifecycle source quotes: "model | version | Lifecycle | date | replacement". */
function scheduleRow(v: AzureVersion): string[] | null {
  const src = v.sources.lifecycle?.[0];
  if (src?.doc !== SCHEDULE_DOC) return null;
  const row = /row "([^"]+)"/.exec(src.note ?? '');
  assert.ok(row, `schedule source without a quoted row: ${src.note}`);
  return row[1]!.split('|').map((c) => c.trim());
}

test('scheduledShutdown: a date set at release keeps the release stage until its notice period begins', () => {
  const entry = (lifecycle: Partial<ModelEntry['lifecycle']>) =>
    ({ lifecycle: { stage: 'ga', deprecationDate: null, shutdownDate: null, replacement: null, ...lifecycle } }) as ModelEntry;
  const scheduled = entry({ shutdownDate: '2027-02-09', scheduledShutdown: { noticeDays: 60 } });
  assert.equal(lifecycleStatus(scheduled, '2026-12-10'), 'ga');
  // 60 days before 2027-02-09 is 2026-12-11: Microsoft's GA retirement notice is due from then
  assert.equal(lifecycleStatus(scheduled, '2026-12-11'), 'deprecated');
  assert.equal(lifecycleStatus(scheduled, '2027-02-08'), 'deprecated');
  assert.equal(lifecycleStatus(scheduled, '2027-02-09'), 'retired');
  const preview = entry({ stage: 'preview', shutdownDate: '2027-02-09', scheduledShutdown: { noticeDays: 30 } });
  assert.equal(lifecycleStatus(preview, '2027-01-09'), 'preview');
  assert.equal(lifecycleStatus(preview, '2027-01-10'), 'deprecated');
  // an announced shutdown (no schedule) is a deprecation from the start, as before
  assert.equal(lifecycleStatus(entry({ shutdownDate: '2027-02-09' }), '2026-06-20'), 'deprecated');
  // a deprecation date still counts when given
  assert.equal(lifecycleStatus(entry({ shutdownDate: '2027-02-09', deprecationDate: '2026-10-01', scheduledShutdown: { noticeDays: 60 } }), '2026-10-20'), 'deprecated');
});

test('every lifecycle read from the retirement schedule agrees with the row its source quotes', () => {
  const stageOf: Record<string, string> = { GA: 'ga', Preview: 'preview' };
  let rows = 0;
  const covered: string[] = [];
  for (const m of azure.azure) {
    for (const v of m.versions) {
      const row = scheduleRow(v);
      if (!row) continue;
      rows++;
      covered.push(`${m.name} ${v.version}`);
      const [model, ver, lifecycle, date, replacement] = row as [string, string, string, string, string];
      const where = `${m.name} ${v.version}`;
      assert.deepEqual([model, ver], [m.name, v.version], `${where}: the quoted row is another version's`);
      const lc = v.lifecycle!;
      assert.equal(lc.shutdownDate, date, `${where}: shutdown date`);
      // GA and preview rows carry the end of life set at release; Legacy, Deprecated and Retired ones are announced
      const notice = lifecycle === 'GA' ? 60 : lifecycle === 'Preview' ? 30 : undefined;
      assert.deepEqual(lc.scheduledShutdown, notice === undefined ? undefined : { noticeDays: notice }, `${where}: scheduledShutdown for "${lifecycle}"`);
      if (stageOf[lifecycle]) assert.equal(lc.stage, stageOf[lifecycle], `${where}: stage`);
      if (replacement === '—') assert.equal(lc.replacement, null, `${where}: the row names no replacement`);
      else if (lc.replacement !== replacement) {
        // only when the named one is itself gone: the note says so and names what is recorded
        assert.match(v.sources.lifecycle![0]!.note!, new RegExp(`replacement: Microsoft names ${replacement.replace(/[().]/g, '\\$&')};`), where);
      }
      // GA / preview dates are explained by the lifecycle policy, listed next
      if (lc.scheduledShutdown) assert.match(v.sources.lifecycle![1]!.note!, /set programmatically at launch.*GA model retirement notice \| At least 60 days before retirement/, where);
    }
  }
  // 75 distinct Azure OpenAI rows on the 2026-09-02 page (gpt-realtime-mini is listed twice); not in
  // the data, for want of a catalog model ID: gpt-5.3-codex, gpt-5.4-pro and the four gpt-chat-latest versions
  assert.equal(rows, 75 - 6, covered.join(', '));
  for (const absent of ['gpt-5.3-codex', 'gpt-5.4-pro', 'gpt-chat-latest']) assert.equal(byName.has(absent), false, absent);
});

test('Azure keeps its own dates: the gpt-5 family retires 2027-02-09 on Azure, after OpenAI shuts it down', () => {
  for (const name of ['gpt-5', 'gpt-5-mini', 'gpt-5-nano']) {
    const v = version(name, '2025-08-07');
    assert.deepEqual(v.lifecycle, { stage: 'ga', deprecationDate: null, shutdownDate: '2027-02-09', replacement: null, scheduledShutdown: { noticeDays: 60 } }, name);
    // kept from the newest revision; the 07/07/2026 one (2027-02-06) is recorded after it
    assert.match(v.sources.lifecycle![0]!.note!, new RegExp(`ms\\.date 2026-09-02 .*row "${name} \\| 2025-08-07 \\| GA \\| 2027-02-09 \\| —"`));
    assert.match(v.sources.lifecycle![2]!.note!, new RegExp(`ms\\.date 07/07/2026, commit 00bb5540; row "${name} \\| 2025-08-07 \\| GA \\| 2027-02-06 \\| —"`));
    assert.equal(azureStatus(v, '2026-12-10'), 'ga', `${name} is GA on Azure on 2026-12-10`);
    // within the 60 days' notice Microsoft gives before a GA retirement: deprecated, still served
    assert.equal(azureStatus(v, '2026-12-20'), 'deprecated', `${name} is in its retirement notice on 2026-12-20`);
    assert.equal(azureStatus(v, '2027-02-09'), 'retired');
  }
  // the catalog applies the Azure version's lifecycle to a deployment, whatever OpenAI's entry says
  const c = Catalog.builtIn();
  const resolved = c.resolveAzure('gpt-5', '2025-08-07');
  assert.ok(resolved);
  assert.equal(resolved.entry.lifecycle.shutdownDate, '2027-02-09');
  assert.equal(c.status(resolved.entry, '2026-12-10'), 'ga');
  assert.equal(c.status(resolved.entry, '2026-12-20'), 'deprecated');
  // OpenAI's own entry keeps OpenAI's date
  assert.equal(c.get('gpt-5-2025-08-07')!.lifecycle.shutdownDate, '2026-12-11');
});

test('no Azure replacement is itself retired or deprecated on Azure on the catalog date', () => {
  const asOf = azure.asOf;
  const problems: string[] = [];
  let replacements = 0;
  for (const m of azure.azure) {
    for (const v of m.versions) {
      const r = v.lifecycle?.replacement;
      if (!r) continue;
      replacements++;
      // a replacement is an Azure model name; alive when its default version (or any version) is
      const target = byName.get(r);
      if (!target) {
        problems.push(`${m.name} ${v.version}: replacement ${r} is not an Azure model in azure.json`);
        continue;
      }
      const candidates = target.defaultVersion ? target.versions.filter((x) => x.version === target.defaultVersion) : target.versions;
      const statuses = candidates.map((x) => azureStatus(x, asOf));
      if (!statuses.some((s) => s === 'ga' || s === 'preview')) problems.push(`${m.name} ${v.version}: replacement ${r} is ${statuses.join('/')} on ${asOf}`);
    }
  }
  assert.deepEqual(problems, []);
  assert.ok(replacements >= 40, `${replacements} replacements checked`);
  // the ones the sources name through a chain: o1-preview → o1 → gpt-5.6-sol; gpt-4 0613 → gpt-4o 2024-11-20 → gpt-5.1
  assert.equal(version('o1-preview', '2024-09-12').lifecycle?.replacement, 'gpt-5.6-sol');
  assert.equal(version('gpt-4', '0613').lifecycle?.replacement, 'gpt-5.1');
  // o3-mini → o4-mini, which retired on 2026-10-16 with no replacement named: none recorded
  assert.equal(version('o3-mini', '2025-01-31').lifecycle?.replacement, null);
  assert.match(version('o3-mini', '2025-01-31').sources.lifecycle![0]!.note!, /Microsoft names o4-mini; o4-mini is retired on Azure on 2026-12-05; the schedule names no replacement for o4-mini; none recorded/);
});

test('limits Microsoft publishes per Azure version', () => {
  const limits = (name: string, v: string) => {
    const x = version(name, v);
    return [x.contextWindow, x.maxOutputTokens, x.knowledgeCutoff];
  };
  assert.deepEqual(limits('gpt-5.5', '2026-04-24'), [1050000, 128000, '2025-12']);
  assert.deepEqual(limits('gpt-5', '2025-08-07'), [400000, 128000, '2024-09-30']);
  assert.deepEqual(limits('gpt-5-mini', '2025-08-07'), [400000, 128000, '2024-05-31']);
  assert.deepEqual(limits('gpt-5.1-chat', '2025-11-13'), [128000, 16384, '2024-09-30']);
  assert.deepEqual(limits('gpt-4.1', '2025-04-14'), [1047576, 32768, '2024-05-31']);
  assert.deepEqual(limits('o3', '2025-04-16'), [200000, 100000, '2024-05-31']);
  assert.deepEqual(limits('gpt-realtime', '2025-08-28'), [32000, 4096, '2023-10']);
  // "Input: 128,00" on the models page: only the output is recorded
  assert.deepEqual(limits('gpt-audio', '2025-08-28'), [undefined, 16384, '2023-10']);
  for (const m of azure.azure) {
    for (const v of m.versions) {
      for (const fact of ['contextWindow', 'maxOutputTokens', 'knowledgeCutoff'] as const) {
        if (v[fact] !== undefined) assert.ok(v.sources[fact]?.length, `${m.name} ${v.version}: ${fact} without a source`);
      }
    }
  }
});

test('regions of the versions added: the current model-matrix tables, per deployment type', () => {
  const gpt5 = version('gpt-5', '2025-08-07');
  // Global standard, Americas: "| gpt-5 | 2025-08-07 | ✅ | - | ✅ | ✅ | ✅ | ✅ | ✅ | ✅ | ✅ | ✅ |" (canadacentral is "-")
  assert.ok(gpt5.regions.globalStandard?.includes('eastus2'));
  assert.equal(gpt5.regions.globalStandard?.includes('canadacentral'), false);
  // Regional provisioned, Europe: only uksouth
  assert.deepEqual(gpt5.regions.provisioned?.filter((r) => ['uksouth', 'swedencentral', 'francecentral'].includes(r)), ['uksouth']);
  // no Standard (regional) row for gpt-5: not offered as standard
  assert.equal(gpt5.regions.standard, undefined);
  assert.deepEqual(version('gpt-4o-mini-tts', '2025-12-15').regions, { globalStandard: ['eastus2'] });
  // gpt-5.6 is in no stored matrix: no availability facts, so no region finding
  assert.deepEqual(version('gpt-5.6-sol', '2026-07-09').regions, {});
  for (const m of azure.azure) {
    for (const v of m.versions) {
      if (Object.keys(v.regions).length === 0) continue;
      assert.ok(v.sources.regions?.every((s) => /model matrix/.test(s.doc) || s.doc.endsWith('.txt')), `${m.name} ${v.version}: regions from ${v.sources.regions?.map((s) => s.doc).join(', ')}`);
    }
  }
});

test('api-version tables: the versions Microsoft lists, the v1 API, and what each feature needs', () => {
  const t = azure.azureApiVersions!;
  assert.ok(t, 'azureApiVersions missing');
  const newestFirst = (xs: string[]) => [...xs].sort().reverse();
  assert.deepEqual(t.ga, newestFirst(t.ga));
  assert.deepEqual(t.preview, newestFirst(t.preview));
  assert.equal(t.ga[0], '2024-10-21');
  assert.equal(t.preview[0], '2025-04-01-preview');
  assert.deepEqual(t.retired, []);
  assert.deepEqual(t.v1, { basePath: '/openai/v1', acceptedApiVersions: ['preview'] });
  const listed = new Set([...t.ga, ...t.preview]);
  const needs = Object.fromEntries(azure.azureApiVersionRequirements.map((r) => [r.parameter ?? r.endpoint ?? r.feature, r.minApiVersion]));
  assert.deepEqual(needs, {
    max_completion_tokens: '2024-09-01-preview',
    reasoning_effort: '2024-12-01-preview',
    prediction: '2025-01-01-preview',
    responses: '2025-03-01-preview',
    structuredOutputs: '2024-08-01-preview',
  });
  for (const r of azure.azureApiVersionRequirements) {
    assert.ok(listed.has(r.minApiVersion), `${r.minApiVersion} is not a listed api-version`);
    // each with Microsoft's words for it
    assert.ok(r.sources.some((s) => /ms\.date .*: ".+"/.test(s.note ?? '')), JSON.stringify(r.sources));
  }
  for (const m of azure.azure) for (const v of m.versions) if (v.minApiVersion) assert.ok(listed.has(v.minApiVersion), `${m.name} ${v.version}: ${v.minApiVersion}`);
});

test('the catalog date is the day the sources were checked', () => {
  assert.equal(azure.asOf, '2026-12-05');
});
