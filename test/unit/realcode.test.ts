/**
 * The real-code regression suite (issue 12): `test/fixtures/realcode/` holds small files shaped
 * like the code that made the checker wrong on real repositories (notebooks as one program,
 * wrappers, helper methods, client-level Azure deployments, shared request literals, test
 * dummy keys, keys written to dodge a search). The built CLI must print exactly
 * `expected.json` there; a file with no entry in it is a no-finding case.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { repoRoot } from '../helpers/repoRoot';

const CLI = join(repoRoot(), 'server', 'out', 'cli.js');
const DIR = join(repoRoot(), 'test', 'fixtures', 'realcode');

interface Reported {
  file: string;
  cell?: number;
  line: number;
  column: number;
  code: string;
  severity: string;
  message: string;
  fix: { safe: boolean; title: string } | null;
}

function check(cwd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'check', ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

test('check prints exactly the expected findings on the real-code shapes', () => {
  const r = check(DIR, ['.', '--format', 'json']);
  assert.equal(r.stderr, '');
  assert.equal(r.status, 1);
  assert.deepEqual(JSON.parse(r.stdout), JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')));
});

test('the no-finding cases: dummy keys, wrapped local and Bedrock clients, an unknown client deployment', () => {
  const found = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Reported[];
  const files = new Set(found.map((f) => f.file));
  for (const quiet of ['dummy_keys.py', 'dummy_keys.ts']) assert.ok(!files.has(quiet), quiet);
  assert.ok(readdirSync(DIR).includes('dummy_keys.py'));
  // wrappers.py: only the two OpenAI clients (lines 28 and 32), not the local, rebound-local or Bedrock ones
  assert.deepEqual(found.filter((f) => f.file === 'wrappers.py').map((f) => `${f.line} ${f.code}`), ['28 OAI102', '32 OAI102']);
  assert.deepEqual(found.filter((f) => f.file === 'wrappers.ts').map((f) => `${f.line} ${f.code}`), ['19 OAI102', '21 OAI102']);
  // azure_deployment.py: the call on the client built from the environment (line 18) has nothing
  assert.ok(!found.some((f) => f.file === 'azure_deployment.py' && f.line === 18));
});

test('the six causes of issue 12, each where the code is', () => {
  const found = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Reported[];
  const at = (file: string, cell?: number) => found.filter((f) => f.file === file && f.cell === cell).map((f) => `${f.line}:${f.column} ${f.code}`);
  // notebooks as one program: the pre-1.0 call in cell 5 after `import openai` in cell 1
  assert.deepEqual(at('notebook_legacy.ipynb', 5), ['2:12 OAI102']);
  // `openai.api_type = "azure"` in cell 1: engine= is a (mapped) deployment in cell 2; cell 3's client is Azure in cell 5
  assert.deepEqual(at('notebook_azure.ipynb', 2), ['3:12 OAI102']);
  assert.deepEqual(at('notebook_azure.ipynb', 5), ['2:11 OAI401']);
  // helper methods: runTools, beta runTools, acreate
  assert.deepEqual(at('run_tools.ts'), ['7:58 OAI102', '9:62 OAI102']);
  assert.deepEqual(at('legacy_async.py'), ['6:54 OAI102']);
  // client-level deployment: checked as `prod` (o1), the unmapped client deployment named
  assert.deepEqual(at('azure_deployment.py'), ['10:36 OAI102', '10:46 OAI201', '14:34 OAI401']);
  assert.match(found.find((f) => f.file === 'azure_deployment.py' && f.code === 'OAI401')!.message, /^Azure deployment 'eu-chat' is not mapped/);
  // one request literal, two calls: one finding
  assert.deepEqual(at('shared_params.ts'), ['5:25 OAI102']);
  // keys written to dodge a search: found and masked
  assert.deepEqual(at('leaked_keys.py'), ['4:26 OAI501', '5:24 OAI501']);
  for (const f of found) assert.ok(!f.message.includes('2LzWsnGq7Ina02dSLt28TowSdkbE9yAbr0fY87SbX1R5PvQr'), f.message);
});

test('issue 14 row 3: a safe fix never edits a dict another call shares unless both calls want it', () => {
  const found = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Reported[];
  const shared = found.filter((f) => f.file === 'shared_common.py');
  assert.deepEqual(
    shared.map((f) => [f.line, f.column, f.code, f.severity, f.fix?.safe ?? null]),
    [
      [5, 11, 'OAI201', 'error', false],
      [5, 31, 'OAI202', 'error', true],
      [7, 45, 'OAI102', 'error', false],
    ],
  );
  assert.equal(
    shared[0]!.message,
    "'temperature' is not supported by o1 (reasoning models accept only the default 1); remove it; the fix edits a literal that the call at line 8 also uses, so it is not applied automatically",
  );
  const dir = mkdtempSync(join(tmpdir(), 'oml-realcode-'));
  dirs.push(dir);
  copyFileSync(join(DIR, 'shared_common.py'), join(dir, 'shared_common.py'));
  copyFileSync(join(DIR, '.openai-model-lint.json'), join(dir, '.openai-model-lint.json'));
  check(dir, ['--fix', 'shared_common.py']);
  const fixed = readFileSync(join(dir, 'shared_common.py'), 'utf8');
  assert.equal(fixed, readFileSync(join(DIR, 'shared_common.py'), 'utf8').replace('"max_tokens": 300', '"max_completion_tokens": 300'));
});
