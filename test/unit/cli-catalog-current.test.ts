/**
 * Issue 11's acceptance snippet through the built CLI: the findings the catalog's sources
 * support as of 2026-12-20 — the gpt-5 family and o3 shut down on OpenAI on 2026-12-11, o3
 * offers no `minimal` effort, gpt-4.1 writes at most 32,768 tokens, gpt-5.4 and gpt-image-2 are
 * current models (no finding), the Assistants API was shut down on 2026-08-26, and an Azure
 * gpt-5 deployment keeps Azure's own date (2027-02-09, inside Microsoft's 60 days' notice).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../helpers/repoRoot';

const dir = join(repoRoot(), 'test', 'fixtures', 'catalog-2026-12');

test('the issue-11 snippet as of 2026-12-20 gives exactly the findings the sources support', () => {
  const r = spawnSync(process.execPath, [join(repoRoot(), 'server', 'out', 'cli.js'), 'check', 'snippet.py', '--as-of', '2026-12-20'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.stderr, '');
  assert.equal(r.status, 1);
  assert.equal(r.stdout, readFileSync(join(dir, 'snippet.expected.txt'), 'utf8'));
});

test('the same snippet as of 2026-12-05: gpt-5-mini and o3 are deprecated, not yet retired; the Azure gpt-5 deployment is not yet in its notice period', () => {
  const r = spawnSync(process.execPath, [join(repoRoot(), 'server', 'out', 'cli.js'), 'check', 'snippet.py', '--as-of', '2026-12-05', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
  const found = (JSON.parse(r.stdout) as { line: number; code: string; severity: string; message: string }[]).map((f) => `${f.line} ${f.severity} ${f.code} ${f.message}`);
  assert.deepEqual(found, [
    "6 warning OAI103 gpt-5-mini is deprecated: it shuts down on 2026-12-11; move to 'gpt-5.6-terra'",
    "7 error OAI201 'temperature' is not supported by gpt-5-mini (reasoning models accept only the default 1); remove it",
    "8 error OAI202 'max_tokens' is not supported by gpt-5-mini; use 'max_completion_tokens'",
    "11 warning OAI103 o3 is deprecated: it shuts down on 2026-12-11; move to 'gpt-5.6-sol'",
    "11 error OAI201 reasoning_effort 'minimal' is not offered by o3 (it offers 'low', 'medium' and 'high'); use 'low'",
    "12 hint OAI202 'max_tokens' is deprecated in favour of 'max_completion_tokens'",
    '12 error OAI301 max_tokens=40000 is above the maximum output of gpt-4.1 (32,768 tokens); use at most 32768',
    '15 error OAI108 Assistants API was shut down on 2026-08-26 and requests to it fail; use the Responses API and the Conversations API',
  ]);
});
