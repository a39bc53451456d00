/**
 * `openai-model-lint check` as a user runs it (the built bin, spawned in a scratch
 * directory): exit statuses, config discovery and errors, --max-warnings, --fix on disk.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { repoRoot } from '../helpers/repoRoot';

const cli = join(repoRoot(), 'server', 'out', 'cli.js');
const roots: string[] = [];
after(() => {
  for (const d of roots) rmSync(d, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'oml-run-'));
  roots.push(root);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

function check(cwd: string, args: string[]) {
  const r = spawnSync(process.execPath, [cli, 'check', ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const O1_TEMPERATURE = 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="o1", temperature=0.5, messages=[{"role": "user", "content": "Hi"}])\n';
const UNKNOWN_MODEL = 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt4o", messages=[{"role": "user", "content": "Hi"}])\n';
const CLEAN = 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}])\n';

test('exit 0 with no findings, 1 with an error finding', () => {
  const root = project({ 'clean.py': CLEAN, 'bad/o1.py': O1_TEMPERATURE });
  // dates pinned: o1 itself shuts down on 2026-10-23
  const clean = check(root, ['clean.py', '--format', 'json', '--as-of', '2025-09-01']);
  assert.deepEqual([clean.status, clean.stdout, clean.stderr], [0, '[]\n', '']);
  const bad = check(root, ['--format', 'json', '--as-of', '2025-09-01']);
  assert.equal(bad.status, 1);
  assert.deepEqual(JSON.parse(bad.stdout), [
    {
      file: 'bad/o1.py',
      line: 4,
      column: 44,
      endLine: 4,
      endColumn: 59,
      severity: 'error',
      code: 'OAI201',
      message: "'temperature' is not supported by o1 (reasoning models accept only the default 1); remove it",
      fix: { safe: true, title: "Remove 'temperature'" },
    },
  ]);
});

test('--max-warnings: warnings alone exit 0 unless there are more than N', () => {
  const root = project({ 'a.py': UNKNOWN_MODEL });
  assert.equal(check(root, ['a.py']).status, 0);
  assert.equal(check(root, ['a.py', '--max-warnings', '1']).status, 0);
  assert.equal(check(root, ['a.py', '--max-warnings', '0']).status, 1);
});

test('bad usage, a missing path and an invalid project file exit 2 with one clear line', () => {
  const root = project({ 'a.py': CLEAN, '.openai-model-lint.json': '{"rules": {"OAI201": "loud"}}' });
  const badDate = check(root, ['--as-of', '2025-02-30']);
  assert.equal(badDate.status, 2);
  assert.match(badDate.stderr, /^openai-model-lint: option '--as-of': '2025-02-30' is not a calendar date\n/);
  const missing = check(root, ['nope.py', '--config', 'none.json']);
  assert.equal(missing.status, 2);
  const badConfig = check(root, ['a.py']);
  assert.equal(badConfig.status, 2);
  assert.equal(badConfig.stdout, '');
  assert.match(badConfig.stderr, /^openai-model-lint: \.openai-model-lint\.json: rules\.OAI201: /);
  const unreadable = check(root, ['a.py', '--config', 'missing.json']);
  assert.equal(unreadable.status, 2);
  assert.match(unreadable.stderr, /^openai-model-lint: missing\.json: cannot read /);
});

test('the nearest project file applies (here: it turns OAI201 off and pins the date)', () => {
  const root = project({ 'svc/.openai-model-lint.json': '{"rules": {"OAI201": "off"}, "asOf": "2025-01-01"}', 'svc/o1.py': O1_TEMPERATURE });
  const r = check(root, ['svc', '--format', 'json']);
  assert.deepEqual([r.status, JSON.parse(r.stdout), r.stderr], [0, [], '']);
});

test('--fix rewrites the file with the safe fix and touches nothing else', () => {
  const root = project({ 'o1.py': O1_TEMPERATURE, 'other.py': UNKNOWN_MODEL });
  const before = statSync(join(root, 'other.py'));
  const r = check(root, ['--fix', '--as-of', '2025-09-01']);
  assert.equal(r.status, 0);
  assert.equal(readFileSync(join(root, 'o1.py'), 'utf8'), O1_TEMPERATURE.replace('temperature=0.5, ', ''));
  assert.equal(readFileSync(join(root, 'other.py'), 'utf8'), UNKNOWN_MODEL);
  assert.equal(statSync(join(root, 'other.py')).mtimeMs, before.mtimeMs);
  assert.match(r.stdout, /\nApplied 1 fix in 1 file\. 1 problem \(0 errors, 1 warning, 0 info, 0 hints\) in 2 files; 1 fixable with --fix --unsafe-fixes\.\n$/);
});
