import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { asOfDate, findProjectConfig, formatProblem, loadProjectConfig, mergeSettings, validateSettings } from '../../server/src/config/load';
import { DEFAULT_SETTINGS } from '../../server/src/config/schema';

function project(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'oml-config-'));
  writeFileSync(join(dir, '.openai-model-lint.json'), content);
  return dir;
}

test('a valid project file', () => {
  const dir = project(JSON.stringify({ rules: { OAI106: 'warning' }, azure: { deployments: { chat: { model: 'gpt-4o', region: 'eastus2' } } }, asOf: '2025-01-01' }));
  const r = loadProjectConfig(join(dir, '.openai-model-lint.json'));
  assert.deepEqual(r.problems, []);
  assert.equal(r.settings.rules.OAI106, 'warning');
  assert.equal(r.settings.azure.deployments.chat!.model, 'gpt-4o');
  assert.equal(asOfDate(r.settings), '2025-01-01');
});

test('bad keys are reported with their key path; the rest is kept', () => {
  const dir = project(JSON.stringify({ rules: { OAI9: 'error', OAI105: 'off' }, tokenCounts: { inlay: 'yes' }, asOf: '01/02/2025', azure: { deployments: { 'prod-chat': { model: 'gpt-4o', deploymentType: 'turbo' } } } }));
  const r = loadProjectConfig(join(dir, '.openai-model-lint.json'));
  assert.deepEqual(r.problems.map(formatProblem).sort(), [
    'asOf: expected a date YYYY-MM-DD',
    'azure.deployments.prod-chat.deploymentType: Invalid option: expected one of "standard"|"globalStandard"|"globalBatch"|"dataZoneStandard"|"provisioned"|"globalProvisioned"|"dataZoneProvisioned"',
    'rules.OAI9: rule codes look like OAI201',
    'tokenCounts.inlay: Invalid input: expected boolean, received string',
  ]);
  assert.equal(r.settings.rules.OAI105, 'off');
  assert.equal(r.settings.rules.OAI9, undefined);
  assert.equal(r.settings.tokenCounts.inlay, true);
  assert.equal(r.settings.asOf, null);
  assert.equal(r.settings.azure.deployments['prod-chat']?.model, 'gpt-4o');
});

test('a file that is not JSON: one problem, defaults', () => {
  const dir = project('{ "rules": ');
  const r = loadProjectConfig(join(dir, '.openai-model-lint.json'));
  assert.equal(r.problems.length, 1);
  assert.match(r.problems[0]!.message, /is not valid JSON/);
  assert.deepEqual(r.settings, DEFAULT_SETTINGS);
});

test('not an object', () => {
  assert.deepEqual(validateSettings([1, 2]).problems, [{ path: '', message: 'settings must be a JSON object' }]);
});

test('findProjectConfig walks up to the root it is given', () => {
  const dir = project('{}');
  const sub = join(dir, 'a', 'b');
  mkdirSync(sub, { recursive: true });
  assert.equal(findProjectConfig(sub, dir), join(dir, '.openai-model-lint.json'));
  assert.equal(findProjectConfig(sub, join(dir, 'a')), null);
});

test('mergeSettings: the override wins key by key', () => {
  const base = validateSettings({ rules: { OAI105: 'off', OAI106: 'hint' }, azure: { deployments: { a: { model: 'gpt-4o' } } }, asOf: '2024-01-01' }).settings;
  const merged = mergeSettings(base, { rules: { OAI106: 'error' }, azure: { deployments: { b: { model: 'o1' } } } });
  assert.deepEqual(merged.rules, { OAI105: 'off', OAI106: 'error' });
  assert.deepEqual(Object.keys(merged.azure.deployments), ['a', 'b']);
  assert.equal(merged.asOf, '2024-01-01');
});

test('as-of defaults to today in UTC', () => {
  assert.equal(asOfDate(DEFAULT_SETTINGS, new Date('2025-03-04T23:59:00Z')), '2025-03-04');
});
