import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, Settings } from '../../server/src/config/schema';

test('settings defaults come from the schema', () => {
  assert.equal(DEFAULT_SETTINGS.tokenCounts.inlay, true);
  assert.equal(DEFAULT_SETTINGS.asOf, null);
  assert.deepEqual(DEFAULT_SETTINGS.rules, {});
});

test('a bad rule code is reported with its key path', () => {
  const r = Settings.safeParse({ rules: { OAI9: 'error' } });
  assert.equal(r.success, false);
  assert.deepEqual(r.error!.issues[0]!.path, ['rules', 'OAI9']);
});
