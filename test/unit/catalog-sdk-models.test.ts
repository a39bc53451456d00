// The model IDs the official SDKs list in their `model` types (checked-in snapshot in
// test/fixtures/sdk-models/, written by scripts/sdk-models.mjs from local checkouts of
// openai/openai-python and openai/openai-node) against the built-in catalog: every listed ID
// is a catalog ID (id or otherIds) or excluded in test/fixtures/sdk-models/excluded.json with
// a reason. A new SDK release is taken in by regenerating the snapshot and running this test
// (CONTRIBUTING, recipe "Update the catalog").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Catalog } from '../../server/src/catalog/catalog';
import type { Endpoint } from '../../server/src/catalog/schema';
import { repoRoot } from '../helpers/repoRoot';

interface SdkType {
  file: string;
  url: string;
  ids: string[];
}

interface SdkSnapshot {
  repository: string;
  commit: string;
  date: string;
  generatedBy: string;
  types: Record<string, SdkType>;
}

const dir = join(repoRoot(), 'test/fixtures/sdk-models');
const readJson = <T>(name: string): T => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;
const snapshots: SdkSnapshot[] = [readJson<SdkSnapshot>('openai-python.json'), readJson<SdkSnapshot>('openai-node.json')];
const excluded = readJson<Record<string, string>>('excluded.json');
const catalog = Catalog.builtIn();

/** IDs a snapshot lists that are neither catalog IDs nor excluded, as "Type: id". */
function missing(snapshot: SdkSnapshot, known: (id: string) => boolean, exclusions: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [type, t] of Object.entries(snapshot.types)) {
    for (const id of t.ids) if (!known(id) && !(id in exclusions)) out.push(`${type}: ${id}`);
  }
  return out;
}

const inCatalog = (id: string): boolean => {
  const r = catalog.resolve(id);
  return r !== undefined && (r.via === 'id' || r.via === 'otherId');
};

test('the SDK snapshots name their repository, commit and date, and list IDs per type', () => {
  assert.deepEqual(
    snapshots.map((s) => s.repository),
    ['openai/openai-python', 'openai/openai-node'],
  );
  for (const s of snapshots) {
    assert.match(s.commit, /^[0-9a-f]{40}$/, s.repository);
    assert.match(s.date, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)$/, s.repository);
    assert.equal(s.generatedBy, 'scripts/sdk-models.mjs');
    for (const type of ['ChatModel', 'ResponsesModel', 'ImageModel', 'AudioModel', 'SpeechModel', 'EmbeddingModel', 'ModerationModel', 'VideoModel', 'RealtimeSessionModel', 'RealtimeTranscriptionModel']) {
      const t = s.types[type];
      assert.ok(t && t.ids.length > 0, `${s.repository}: ${type}`);
      assert.equal(t.url, `https://github.com/${s.repository}/blob/${s.commit}/${t.file}`);
      assert.equal(new Set(t.ids).size, t.ids.length, `${s.repository} ${type}: duplicate IDs`);
    }
  }
});

test('every model ID of the SDK snapshots is a catalog ID or excluded with a reason', () => {
  for (const s of snapshots) assert.deepEqual(missing(s, inCatalog, excluded), [], `${s.repository} @ ${s.commit.slice(0, 8)}`);
});

test('the check reports an ID the catalog lacks, and an exclusion covers it', () => {
  const extra: SdkSnapshot = { ...snapshots[0]!, types: { ChatModel: { file: 'f', url: 'u', ids: ['gpt-4o', 'gpt-9-imaginary'] } } };
  assert.deepEqual(missing(extra, inCatalog, excluded), ['ChatModel: gpt-9-imaginary']);
  assert.deepEqual(missing(extra, inCatalog, { 'gpt-9-imaginary': 'a reason' }), []);
});

test('exclusions are listed by an SDK, give a reason and are not catalog IDs', () => {
  const listed = new Set(snapshots.flatMap((s) => Object.values(s.types).flatMap((t) => t.ids)));
  for (const [id, reason] of Object.entries(excluded)) {
    assert.ok(listed.has(id), `${id}: no SDK snapshot lists it; drop the exclusion`);
    assert.ok(reason.length > 20, `${id}: give the reason`);
    assert.equal(inCatalog(id), false, `${id} is excluded but is a catalog ID`);
  }
});

test('IDs of an endpoint\'s model type are served by that endpoint in the catalog', () => {
  // the SDK types that belong to one endpoint (ChatModel is shared by chat.completions and responses; Realtime is not an extracted endpoint)
  const ENDPOINTS: Record<string, Endpoint[]> = {
    ResponsesModel: ['responses'],
    ImageModel: ['images.generate', 'images.edit'],
    AudioModel: ['audio.transcriptions'],
    SpeechModel: ['audio.speech'],
    EmbeddingModel: ['embeddings'],
    ModerationModel: ['moderations'],
    VideoModel: ['videos'],
    CompletionModel: ['completions'],
  };
  for (const s of snapshots) {
    for (const [type, endpoints] of Object.entries(ENDPOINTS)) {
      for (const id of s.types[type]?.ids ?? []) {
        if (id in excluded) continue;
        const served = catalog.get(id)?.endpoints ?? [];
        assert.ok(endpoints.some((e) => served.includes(e)), `${type} lists ${id}; the catalog has it on ${served.join(', ') || 'no endpoint'}`);
      }
    }
  }
});
