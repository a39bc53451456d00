/**
 * The repository's copy of the seed documents (test/fixtures/seeds) matches the seeds beside
 * the repository (../shared/seeds) whenever those are present, so the seed tests check the
 * same text on a developer machine and on a clean clone.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { copiedSeedsDir, sharedSeedsDir } from '../helpers/seeds';
import { repoRoot } from '../helpers/repoRoot';


test('test/fixtures/seeds holds every seed the catalog names, equal to ../shared/seeds when present', (t) => {
  const root = repoRoot();
  const copied = readdirSync(copiedSeedsDir(root)).filter((f) => f.endsWith('.txt')).sort();
  assert.deepEqual(copied, ['000_f096329f552c1838.txt', '001_f3294c2118468729.txt', '002_194bbe6d6bdd0811.txt', '003_19121e1eff88d3b7.txt', '004_f3fee25f6d6d4027.txt']);
  const shared = sharedSeedsDir(root);
  if (!existsSync(shared)) {
    t.diagnostic(`${shared} is not here (a clean clone): the seed tests read the copy`);
    return;
  }
  const sharedFiles = readdirSync(shared).filter((f) => f.endsWith('.txt')).sort();
  assert.deepEqual(copied, sharedFiles, 'same seed files');
  for (const f of sharedFiles) {
    assert.ok(readFileSync(path.join(shared, f)).equals(readFileSync(path.join(copiedSeedsDir(root), f))), `${f} differs from ../shared/seeds: refresh the copy`);
  }
});
