/**
 * How `check --fix` writes files (issue 14, rows 4, 5 and 6): in place (inode, owner, mode
 * and hard links kept), never through a link out of the project tree, never over a file
 * without write permission or one that changed since it was read; and one file that
 * cannot be written (or a missing path) never stops the run: every other file is checked
 * and fixed, the findings are printed, and the exit status is 2.
 *
 * The machine these tests were written on runs them as root, the case where a rename made
 * users' files root's and a read-only bit meant nothing: ownership is simulated by chown
 * to another uid (that test needs root and says so when skipped).
 */
import assert from 'node:assert/strict';
import { chmodSync, chownSync, linkSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { run as checkRun } from '../../server/src/cli/check';
import { checkFiles, type CheckEngine } from '../../server/src/cli/checkFiles';
import { writeInPlace } from '../../server/src/cli/writeInPlace';
import type { Finding } from '../../server/src/rules/types';
import { scratchDir } from '../helpers/scratch';

const AS_OF = '2025-09-01';
const O1 = 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="o1", temperature=0.5, messages=[])\n';
const FIXED = O1.replace('temperature=0.5, ', '');
const note = (s: string): string => `openai-model-lint: ${s}\n`;

const tmp = (): string => scratchDir('oml-fixw-');
function write(root: string, rel: string, text: string, mode?: number): string {
  const p = join(root, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
  if (mode !== undefined) chmodSync(p, mode);
  return p;
}

async function check(cwd: string, args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const status = await checkRun(['--fix', '--format', 'json', '--as-of', AS_OF, ...args], { stdout: (s) => void (out.stdout += s), stderr: (s) => void (out.stderr += s) }, cwd);
  return { status, ...out };
}

function codesByFile(stdout: string): string[] {
  return (JSON.parse(stdout) as { file: string; line: number; column: number; code: string }[]).map((f) => `${f.file} ${f.line}:${f.column} ${f.code}`);
}

describe('row 4: one file that cannot be written never stops the run', () => {
  test('a read-only file and a missing path among the arguments: the others are fixed, every finding printed, exit 2', async () => {
    const root = tmp();
    write(root, 'a.py', O1);
    write(root, 'locked.py', O1, 0o444);
    write(root, 'z.py', O1);
    const r = await check(root, ['a.py', 'locked.py', 'missing.py', 'z.py']);
    assert.equal(r.status, 2);
    assert.equal(
      r.stderr,
      note('missing.py: no such file or directory') +
        note('locked.py: read-only (mode 0444); fixes not written') +
        note('applied 2 fixes in 2 files') +
        note('2 paths could not be checked or fixed (see above)'),
    );
    // the read-only file keeps its text and its finding is reported where it still is
    assert.deepEqual(codesByFile(r.stdout), ['locked.py 4:44 OAI201']);
    assert.equal(readFileSync(join(root, 'a.py'), 'utf8'), FIXED);
    assert.equal(readFileSync(join(root, 'locked.py'), 'utf8'), O1);
    assert.equal(readFileSync(join(root, 'z.py'), 'utf8'), FIXED);
    assert.equal(statSync(join(root, 'locked.py')).mode & 0o777, 0o444);
  });

  test('a file in a read-only directory is fixed (written in place: the directory is not touched)', async () => {
    const root = tmp();
    write(root, 'ro/a.py', O1);
    chmodSync(join(root, 'ro'), 0o555);
    const r = await check(root, ['ro']);
    chmodSync(join(root, 'ro'), 0o755);
    assert.deepEqual([r.status, r.stderr], [0, note('applied 1 fix in 1 file')]);
    assert.equal(readFileSync(join(root, 'ro/a.py'), 'utf8'), FIXED);
  });

  test('text output: findings and the summary first, then exit 2', async () => {
    const root = tmp();
    write(root, 'locked.py', O1, 0o444);
    const out = { stdout: '', stderr: '' };
    const status = await checkRun(['--fix', '--as-of', AS_OF, 'locked.py'], { stdout: (s) => void (out.stdout += s), stderr: (s) => void (out.stderr += s) }, root);
    assert.equal(status, 2);
    assert.match(out.stdout, /^locked\.py:4:44: error OAI201 /);
    assert.match(out.stdout, /\nApplied 0 fixes in 0 files\. 1 problem \(1 error, /);
    assert.doesNotMatch(out.stderr, /internal error|\n\s+at /);
  });
});

describe('row 5: in place, inside the tree, never over a read-only file', () => {
  test('the inode, the mode and a hard link are kept', async () => {
    const root = tmp();
    const a = write(root, 'a.py', O1, 0o640);
    linkSync(a, join(root, 'other-name.py.txt'));
    const before = statSync(a);
    const r = await check(root, ['a.py']);
    assert.equal(r.status, 0, r.stderr);
    const after = statSync(a);
    assert.equal(after.ino, before.ino);
    assert.equal(after.mode & 0o7777, 0o640);
    assert.equal(after.nlink, 2);
    assert.equal(readFileSync(join(root, 'other-name.py.txt'), 'utf8'), FIXED, 'the other name of the file sees the fix');
  });

  test("another user's file keeps its owner when root fixes it", { skip: process.getuid?.() === 0 ? false : 'needs root to chown' }, async () => {
    const root = tmp();
    const a = write(root, 'a.py', O1);
    chownSync(a, 4321, 4322);
    const r = await check(root, ['a.py']);
    assert.equal(r.status, 0, r.stderr);
    const st = statSync(a);
    assert.deepEqual([st.uid, st.gid], [4321, 4322]);
    assert.equal(readFileSync(a, 'utf8'), FIXED);
  });

  test('a read-only file owned by root in a writable directory is not rewritten, not even by root', async () => {
    const root = tmp();
    const a = write(root, 'a.py', O1, 0o444);
    const r = await check(root, ['.']);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, note('a.py: read-only (mode 0444); fixes not written') + note('applied 0 fixes in 0 files') + note('1 path could not be checked or fixed (see above)'));
    assert.equal(readFileSync(a, 'utf8'), O1);
  });

  test('a link to a file outside the tree is reported, its target untouched; a link inside is written through and stays a link', async () => {
    const base = tmp();
    const outside = write(base, 'elsewhere/target.py', O1);
    const project = join(base, 'project');
    mkdirSync(join(project, '.git'), { recursive: true });
    write(project, 'lib/real.py', O1);
    symlinkSync(outside, join(project, 'out-link.py'));
    symlinkSync(join('lib', 'real.py'), join(project, 'in-link.py'));
    const r = await check(project, ['out-link.py', 'in-link.py']);
    assert.equal(r.status, 2);
    assert.equal(
      r.stderr,
      note(`out-link.py: a link to ${outside}, outside ${project}; not followed; fixes not written`) + note('applied 1 fix in 1 file') + note('1 path could not be checked or fixed (see above)'),
    );
    assert.equal(readFileSync(outside, 'utf8'), O1);
    assert.equal(readFileSync(join(project, 'lib/real.py'), 'utf8'), FIXED);
    assert.ok(lstatSync(join(project, 'in-link.py')).isSymbolicLink());
    assert.deepEqual(codesByFile(r.stdout), ['out-link.py 4:44 OAI201']);
  });

  test('a walked directory: its links out of the tree are not written either', async () => {
    const base = tmp();
    const outside = write(base, 'elsewhere/target.py', O1);
    const project = join(base, 'project');
    mkdirSync(join(project, 'src'), { recursive: true });
    symlinkSync(outside, join(project, 'src', 'link.py'));
    const r = await check(project, ['src']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^openai-model-lint: src\/link\.py: a link to \S+target\.py, outside \S+src; not followed; fixes not written\n/);
    assert.equal(readFileSync(outside, 'utf8'), O1);
  });
});

describe('row 6: a file changed since it was read is not overwritten', () => {
  const safeFix = (text: string): Finding[] => {
    const i = text.indexOf('temperature=0.5, ');
    return i < 0 ? [] : [{ code: 'OAI201', severity: 'error', message: 'remove it', span: { start: i, end: i + 15 }, fix: { title: 'Remove', safe: true, edits: [{ start: i, end: i + 17, newText: '' }] } }];
  };

  test('an edit made while the fixes are computed is kept; the file is reported and exit status is 2', async () => {
    const root = tmp();
    const file = write(root, 'a.py', O1);
    const edited = `# edited while the fix ran\n${O1}`;
    let analyses = 0;
    const engine: CheckEngine = {
      languageForPath: () => 'python',
      mightContainCall: () => true,
      analyse: async (text) => {
        // the user saves the file in their editor while the linter is between reading and writing
        if (analyses++ === 0) writeFileSync(file, edited);
        return safeFix(text);
      },
      analyseNotebook: async () => [],
    };
    const notes: string[] = [];
    const r = await checkFiles(['a.py'], engine, { cwd: root, fix: true, maxFileSize: 1_000_000, note: (m) => notes.push(m) });
    assert.deepEqual(notes, ['a.py: changed since it was read; fixes not written']);
    assert.equal(readFileSync(file, 'utf8'), edited);
    assert.deepEqual([r.failures, r.fixesApplied, r.filesFixed], [1, 0, 0]);
    assert.deepEqual(
      r.reported.map((x) => `${x.start.line}:${x.start.column} ${x.finding.code}`),
      ['4:44 OAI201'],
      'the findings are those of the text as read',
    );
  });

  test('the same size and modification time do not hide a change: the bytes are compared too', () => {
    const root = tmp();
    const file = write(root, 'a.py', O1);
    const asRead = Buffer.from(O1.replace('o1', 'o3'));
    // a snapshot whose stat is the file's own, as when an edit keeps the size within the clock's tick
    const r = writeInPlace(file, Buffer.from(FIXED), { bytes: asRead, stat: statSync(file) }, root);
    assert.deepEqual(r, { ok: false, reason: 'changed', message: 'changed since it was read' });
    assert.equal(readFileSync(file, 'utf8'), O1);
    assert.deepEqual(writeInPlace(file, Buffer.from(FIXED), { bytes: Buffer.from(O1), stat: statSync(file) }, root), { ok: true });
    assert.equal(readFileSync(file, 'utf8'), FIXED);
  });
});
