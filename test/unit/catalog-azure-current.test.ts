// Lifecycle facts of the Azure catalog: a shutdown date set at release (scheduledShutdown).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lifecycleStatus } from '../../server/src/catalog/catalog';
import type { ModelEntry } from '../../server/src/catalog/schema';

test('scheduledShutdown: a date set at release keeps the release stage until it comes', () => {
  const entry = (lifecycle: Partial<ModelEntry['lifecycle']>) =>
    ({ lifecycle: { stage: 'ga', deprecationDate: null, shutdownDate: null, replacement: null, ...lifecycle } }) as ModelEntry;
  const scheduled = entry({ shutdownDate: '2027-02-09', scheduledShutdown: true });
  assert.equal(lifecycleStatus(scheduled, '2026-12-20'), 'ga');
  assert.equal(lifecycleStatus(scheduled, '2027-02-08'), 'ga');
  assert.equal(lifecycleStatus(scheduled, '2027-02-09'), 'retired');
  assert.equal(lifecycleStatus({ ...scheduled, lifecycle: { ...scheduled.lifecycle, stage: 'preview' } }, '2026-12-20'), 'preview');
  // an announced shutdown (no flag) is a deprecation from the start, as before
  assert.equal(lifecycleStatus(entry({ shutdownDate: '2027-02-09' }), '2026-12-20'), 'deprecated');
  // a deprecation date still counts when given
  assert.equal(lifecycleStatus(entry({ shutdownDate: '2027-02-09', deprecationDate: '2026-12-01', scheduledShutdown: true }), '2026-12-20'), 'deprecated');
});
