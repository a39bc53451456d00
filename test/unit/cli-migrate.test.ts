/**
 * Migration in one command: `check --fix --unsafe-fixes` applies unsafe fixes too (model
 * replacements first, then what depends on the model, recomputed for the new one), and
 * `check --diff` prints what `--fix` would write as a unified diff without writing (exit 1
 * when there is something to fix). The diff printer is checked against GNU `diff -u` and, on
 * random edits, by `patch` turning the old text into the new one.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { run as checkRun } from '../../server/src/cli/check';
import { unifiedDiff } from '../../server/src/cli/diff';
import { selectFixEdits } from '../../server/src/cli/fix';
import type { Finding } from '../../server/src/rules/types';
import { MIGRATION_APP, MIGRATION_APP_FIXED } from '../helpers/migration';
import { scratchDir } from '../helpers/scratch';

const AS_OF = '2025-09-01';
const tempDir = (): string => scratchDir('oml-migrate-');

async function check(cwd: string, args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const status = await checkRun(args, { stdout: (s) => void (out.stdout += s), stderr: (s) => void (out.stderr += s) }, cwd);
  return { status, ...out };
}

const APP = MIGRATION_APP;
const APP_MIGRATED = MIGRATION_APP_FIXED;

const APP_SAFE_FIXED = APP.replace('    temperature=0.5,\n', '').replace('max_tokens=100000', 'max_completion_tokens=100000');

const DIFF_UNSAFE = [
  '--- app.py',
  '+++ app.py',
  '@@ -2,10 +2,9 @@',
  ' ',
  ' client = OpenAI()',
  ' ',
  '-client.chat.completions.create(model="gpt-4-32k", messages=[{"role": "user", "content": "Hi"}])',
  '+client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}])',
  ' client.chat.completions.create(',
  '-    model="o1-mini",',
  '-    temperature=0.5,',
  '-    max_tokens=100000,',
  '+    model="gpt-5.6-terra",',
  '+    max_completion_tokens=100000,',
  '     messages=[{"role": "system", "content": "Be brief"}],',
  ' )',
  '',
].join('\n');

const DIFF_SAFE = [
  '--- app.py',
  '+++ app.py',
  '@@ -5,7 +5,6 @@',
  ' client.chat.completions.create(model="gpt-4-32k", messages=[{"role": "user", "content": "Hi"}])',
  ' client.chat.completions.create(',
  '     model="o1-mini",',
  '-    temperature=0.5,',
  '-    max_tokens=100000,',
  '+    max_completion_tokens=100000,',
  '     messages=[{"role": "system", "content": "Be brief"}],',
  ' )',
  '',
].join('\n');

describe('check --fix --unsafe-fixes', () => {
  test('without --unsafe-fixes: safe fixes only; the summary counts the unsafe ones apart', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'app.py'), APP);
    const before = await check(root, ['app.py', '--as-of', AS_OF]);
    assert.equal(before.status, 1);
    assert.match(before.stdout, /\n6 problems \(5 errors, 1 warning, 0 info, 0 hints\) in 1 file; 2 fixable with --fix \(4 more with --unsafe-fixes\)\.\n$/);
    const fixed = await check(root, ['app.py', '--as-of', AS_OF, '--fix']);
    assert.equal(readFileSync(join(root, 'app.py'), 'utf8'), APP_SAFE_FIXED);
    assert.equal(fixed.status, 1, 'the retired model and the system role are left');
    assert.match(fixed.stdout, /^Applied 2 fixes in 1 file\. 4 problems \(3 errors, 1 warning, 0 info, 0 hints\) in 1 file; 4 fixable with --fix --unsafe-fixes\.\n$/m);
  });

  test('replaces the models first; the clamp and the role change computed for o1-mini are not applied to gpt-5.6-terra', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'app.py'), APP);
    const r = await check(root, ['app.py', '--as-of', AS_OF, '--fix', '--unsafe-fixes']);
    assert.deepEqual(r, { status: 0, stdout: 'Applied 4 fixes in 1 file. No problems found in 1 file.\n', stderr: '' });
    assert.equal(readFileSync(join(root, 'app.py'), 'utf8'), APP_MIGRATED);
  });

  test('an unsafe fix that does not depend on a model change is applied in the same run (role, clamp)', async () => {
    const root = tempDir();
    const text = 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="o1-mini-2024-09-12", max_completion_tokens=100000, messages=[{"role": "system", "content": "Hi"}])\n';
    writeFileSync(join(root, 'app.py'), text);
    const r = await check(root, ['app.py', '--as-of', '2025-01-15', '--fix', '--unsafe-fixes', '--format', 'json']);
    assert.equal(r.stdout, '[]\n');
    assert.equal(r.stderr, 'openai-model-lint: applied 2 fixes in 1 file\n');
    assert.equal(
      readFileSync(join(root, 'app.py'), 'utf8'),
      'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="o1-mini-2024-09-12", max_completion_tokens=65536, messages=[{"role": "user", "content": "Hi"}])\n',
    );
  });

  test('selectFixEdits: a pass with a model replacement defers the other unsafe fixes, never the safe ones', () => {
    const finding = (code: string, safe: boolean, start: number): Finding =>
      ({ code, severity: 'error', message: code, span: { start, end: start + 1 }, fix: { safe, title: code, edits: [{ start, end: start + 1, newText: 'x' }] } }) as Finding;
    const findings = [finding('OAI301', false, 0), finding('OAI102', false, 10), finding('OAI201', true, 20), finding('OAI203', false, 30)];
    assert.deepEqual(selectFixEdits(findings, true).edits.map((e) => e.start), [10, 20]);
    assert.deepEqual(selectFixEdits(findings.filter((f) => f.code !== 'OAI102'), true).edits.map((e) => e.start), [0, 20, 30]);
    assert.deepEqual(selectFixEdits(findings, false).edits.map((e) => e.start), [20]);
  });
});

describe('check --diff', () => {
  test('prints the unified diff of what --fix would write, writes nothing, exits 1', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'app.py'), APP);
    const r = await check(root, ['--as-of', AS_OF, '--diff']);
    assert.deepEqual(r, { status: 1, stdout: DIFF_SAFE, stderr: 'openai-model-lint: would apply 2 fixes in 1 file\n' });
    assert.equal(readFileSync(join(root, 'app.py'), 'utf8'), APP, 'nothing written');
  });

  test('--diff --unsafe-fixes: the migration as a diff; `patch -p0` applies it', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'app.py'), APP);
    const r = await check(root, ['app.py', '--as-of', AS_OF, '--diff', '--unsafe-fixes']);
    assert.deepEqual(r, { status: 1, stdout: DIFF_UNSAFE, stderr: 'openai-model-lint: would apply 4 fixes in 1 file\n' });
    const p = spawnSync('patch', ['-p0', '-s'], { cwd: root, input: r.stdout, encoding: 'utf8' });
    assert.equal(p.status, 0, p.stderr);
    assert.equal(readFileSync(join(root, 'app.py'), 'utf8'), APP_MIGRATED);
  });

  test('nothing to fix: no diff, exit 0 even with findings left', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'app.py'), 'from openai import OpenAI\nOpenAI().embeddings.create(model="gpt-4o", input="x")\n');
    const r = await check(root, ['app.py', '--as-of', AS_OF, '--diff']);
    assert.deepEqual(r, { status: 0, stdout: '', stderr: 'openai-model-lint: would apply 0 fixes in 0 files\n' });
  });

  test('a notebook: the diff of the notebook file as --fix would rewrite it', async () => {
    const root = tempDir();
    const nb = {
      cells: [{ cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: ['from openai import OpenAI\n', 'OpenAI().chat.completions.create(model="o1", temperature=0.5, messages=[])'] }],
      metadata: { kernelspec: { language: 'python', name: 'python3', display_name: 'Python 3' } },
      nbformat: 4,
      nbformat_minor: 5,
    };
    const text = `${JSON.stringify(nb, null, 1)}\n`;
    writeFileSync(join(root, 'nb.ipynb'), text);
    const r = await check(root, ['nb.ipynb', '--as-of', AS_OF, '--diff']);
    assert.equal(r.status, 1);
    assert.equal(
      r.stdout,
      [
        '--- nb.ipynb',
        '+++ nb.ipynb',
        '@@ -7,7 +7,7 @@',
        '    "outputs": [],',
        '    "source": [',
        '     "from openai import OpenAI\\n",',
        '-    "OpenAI().chat.completions.create(model=\\"o1\\", temperature=0.5, messages=[])"',
        '+    "OpenAI().chat.completions.create(model=\\"o1\\", messages=[])"',
        '    ]',
        '   }',
        '  ],',
        '',
      ].join('\n'),
    );
    assert.equal(readFileSync(join(root, 'nb.ipynb'), 'utf8'), text);
  });

  test('--diff with --format json or sarif is a usage error', async () => {
    const r = await check(tempDir(), ['--diff', '--format', 'json']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^openai-model-lint: --diff prints a diff; it does not combine with --format json\n/);
  });
});

describe('unifiedDiff', () => {
  function gnuDiff(before: string, after: string): string {
    const dir = tempDir();
    writeFileSync(join(dir, 'a'), before);
    writeFileSync(join(dir, 'b'), after);
    return spawnSync('diff', ['-u', '--label', 'f.py', '--label', 'f.py', 'a', 'b'], { cwd: dir, encoding: 'utf8' }).stdout;
  }

  const lines = (n: number, from = 1): string => Array.from({ length: n }, (_, i) => `line ${i + from}\n`).join('');
  const cases: [string, string, string][] = [
    ['one line replaced in the middle', lines(20), lines(20).replace('line 10\n', 'LINE TEN\n')],
    ['a line added at the top', lines(5), `new\n${lines(5)}`],
    ['the last lines removed', lines(8), lines(6)],
    ['two changes far apart: two hunks', lines(30), lines(30).replace('line 3\n', 'x\n').replace('line 27\n', 'y\n')],
    ['two changes six lines apart: one hunk', lines(30), lines(30).replace('line 10\n', 'x\n').replace('line 17\n', 'y\n')],
    ['two changes seven lines apart: two hunks', lines(30), lines(30).replace('line 10\n', 'x\n').replace('line 18\n', 'y\n')],
    ['no newline at the end, before and after', 'a\nb\nc', 'a\nB\nc'],
    ['a newline added at the end', 'a\nb', 'a\nb\n'],
    ['CRLF lines', 'a\r\nb\r\nc\r\n', 'a\r\nB\r\nc\r\n'],
    ['everything replaced', 'a\nb\n', 'c\nd\n'],
    ['from empty', '', 'a\n'],
  ];
  for (const [name, before, after] of cases) {
    test(`as diff -u: ${name}`, () => {
      assert.equal(unifiedDiff('f.py', before, after), gnuDiff(before, after));
    });
  }

  test('equal texts: no diff', () => {
    assert.equal(unifiedDiff('f.py', lines(3), lines(3)), '');
  });

  test('random edits: patch turns the old text into the new one with our diff', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const dir = tempDir();
    for (let round = 0; round < 40; round++) {
      const a = Array.from({ length: 1 + random(60) }, () => `w${random(12)}\n`);
      const b = [...a];
      for (let e = random(6); e >= 0; e--) {
        const at = random(b.length + 1);
        const kind = random(3);
        if (kind === 0) b.splice(at, 0, `n${random(50)}\n`);
        else if (kind === 1 && b.length) b.splice(at % b.length, 1);
        else if (b.length) b[at % b.length] = `c${random(50)}\n`;
      }
      const before = a.join('');
      const after = b.join('');
      const diff = unifiedDiff('f.txt', before, after);
      writeFileSync(join(dir, 'f.txt'), before);
      const p = spawnSync('patch', ['-p0', '-s', '--no-backup-if-mismatch'], { cwd: dir, input: diff, encoding: 'utf8' });
      assert.equal(p.status, 0, `round ${round}: ${p.stderr}\n${diff}`);
      assert.equal(readFileSync(join(dir, 'f.txt'), 'utf8'), after, `round ${round}`);
    }
  });
});
