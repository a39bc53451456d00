/**
 * `.gitignore` matching (issue 14, rows 10 and 11): git's wildmatch semantics on bytes, in
 * time linear in the path (no backtracking), an invalid pattern dropping only itself, a
 * UTF-8 byte-order mark not hiding the first pattern. The walk of a tree is compared with
 * what git itself leaves untracked (`git ls-files --others --exclude-standard`) over many
 * patterns and paths, when git is installed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Glob } from '../../server/src/cli/glob';
import { collectFiles, IgnoreFile } from '../../server/src/cli/walk';
import { scratchDir } from '../helpers/scratch';

/** Only catches hangs: the backtracking regexes took minutes on these inputs; the matcher takes microseconds. */
const BOUND_MS = 10_000;

const tmp = (): string => scratchDir('oml-ignore-');
function write(root: string, rel: string, text = 'x'): void {
  const p = join(root, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
}

const glob = (pattern: string, path: string): boolean => Glob.compile(pattern).test(Buffer.from(path, 'utf8'));
const ignored = (gitignore: string, path: string, isDir = false): boolean | undefined => new IgnoreFile('/', gitignore).match(path, isDir);

describe('glob: git wildmatch semantics', () => {
  test('*, ? and classes never cross a slash; ** between slashes does', () => {
    assert.equal(glob('a*c', 'abbc'), true);
    assert.equal(glob('a*c', 'ab/c'), false);
    assert.equal(glob('a?c', 'a/c'), false);
    assert.equal(glob('a[/]c', 'a/c'), false);
    assert.equal(glob('a[!x]c', 'a/c'), false);
    assert.equal(glob('**/c', 'c'), true);
    assert.equal(glob('**/c', 'a/b/c'), true);
    assert.equal(glob('a/**/c', 'a/c'), true);
    assert.equal(glob('a/**/c', 'a/x/y/c'), true);
    assert.equal(glob('a/**/c', 'a/xc'), false);
    assert.equal(glob('a/**', 'a/x/y'), true);
    assert.equal(glob('a/**', 'a'), false);
    assert.equal(glob('a**c', 'ab/c'), false, '** inside a name is *');
    assert.equal(glob('a/**\\/c', 'a/c'), false, 'an escaped slash after ** leaves out the zero-directory case, as in git');
    assert.equal(glob('a/**\\/c', 'a/x/c'), true);
  });

  test('classes: negation with ! or ^, ranges, a leading ], escapes, POSIX names', () => {
    assert.equal(glob('[!a]x', 'bx'), true);
    assert.equal(glob('[^a]x', 'ax'), false);
    assert.equal(glob('[a-c]x', 'bx'), true);
    assert.equal(glob('[]a]x', ']x'), true);
    assert.equal(glob('[a-]x', '-x'), true);
    assert.equal(glob('[\\]]x', ']x'), true);
    assert.equal(glob('[[:digit:]]x', '7x'), true);
    assert.equal(glob('[[:digit:][:upper:]]x', 'Qx'), true);
    assert.equal(glob('[[:digit:]]x', 'ax'), false);
    assert.equal(glob('[[:x]x', ':x'), true, 'no ":]": the [ is an ordinary member');
  });

  test('patterns git can never match compile to "matches nothing"; a reversed range is empty', () => {
    assert.equal(glob('[z-a]x', 'ax'), false);
    assert.equal(glob('[z-a]x', 'mx'), false);
    // git reads the z as a member before it sees the range
    assert.equal(glob('[z-a]x', 'zx'), true);
    assert.equal(glob('[z-ab]x', 'bx'), true, 'the rest of the class still counts');
    assert.equal(glob('[abc', '[abc'), false, 'unterminated class');
    assert.equal(glob('[[:nope:]]x', 'nx'), false, 'unknown class name');
    assert.equal(glob('abc\\', 'abc\\'), false, 'trailing backslash');
  });

  test('bytes, as git: ? is one byte, so it does not match a two-byte é', () => {
    assert.equal(glob('?.py', 'é.py'), false);
    assert.equal(glob('??.py', 'é.py'), true);
    assert.equal(glob('*.py', 'é.py'), true);
  });

  test('row 10: *a*a*a*a*a*a*a*a*a*a*a*a*b on 60 and 6,000 letters: no, in linear time (a regex backtracked for minutes)', () => {
    const t = performance.now();
    const g = Glob.compile('*a*a*a*a*a*a*a*a*a*a*a*a*b');
    assert.equal(g.test(Buffer.from('a'.repeat(60))), false);
    assert.equal(g.test(Buffer.from('a'.repeat(6000))), false);
    assert.equal(g.test(Buffer.from(`${'a'.repeat(6000)}b`)), true);
    assert.equal(ignored('*a*a*a*a*a*a*a*a*a*a*a*a*b\n', `dir/${'a'.repeat(60)}.py`), undefined);
    assert.ok(performance.now() - t < BOUND_MS);
  });
});

describe('ignore files: lines as git reads them', () => {
  test('row 11: an invalid pattern drops only itself; the other rules of the file still apply', () => {
    const text = '*.log\n[z-a]x\nbuild/\n[unterminated\n!keep.log\n';
    assert.equal(ignored(text, 'a.log'), true);
    assert.equal(ignored(text, 'build', true), true);
    assert.equal(ignored(text, 'keep.log'), false);
    assert.equal(ignored(text, 'ax'), undefined);
    assert.equal(new IgnoreFile('/', text).rules.length, 5, 'every line is a rule; two of them match nothing');
  });

  test('row 11: a UTF-8 byte-order mark does not hide the first pattern', () => {
    assert.equal(ignored('\uFEFF*.log\nbuild/\n', 'a.log'), true);
    assert.equal(ignored('\uFEFF#comment\n*.tmp\n', '#comment'), undefined, 'a comment after the mark is still a comment');
  });

  test('trailing spaces: dropped unless escaped; CRLF line ends; a long run of spaces is linear', () => {
    assert.equal(ignored('a.py   \r\n', 'a.py'), true);
    assert.equal(ignored('a\\ \n', 'a '), true);
    assert.equal(ignored('a\\ \n', 'a'), undefined);
    const t = performance.now();
    assert.equal(ignored(`a${' '.repeat(200_000)}b\n`, 'a'), undefined);
    assert.ok(performance.now() - t < BOUND_MS);
  });
});

/** git's own answer: the untracked files it does not ignore, as paths relative to the root. */
function gitUntracked(root: string): string[] | null {
  const init = spawnSync('git', ['init', '-q', root], { encoding: 'utf8' });
  if (init.status !== 0) return null;
  const r = spawnSync('git', ['-c', 'core.quotepath=false', '-C', root, 'ls-files', '-z', '--others', '--exclude-standard'], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  return r.stdout.split('\0').filter((f) => f.endsWith('.py')).sort();
}

const hasGit = spawnSync('git', ['--version']).status === 0;

describe('the walk leaves what git leaves (git ls-files --others --exclude-standard)', () => {
  const ROOT_IGNORE = [
    '\uFEFF*.gen.py', // a byte-order mark before the first pattern
    '!keep.gen.py',
    '[z-a]x.py', // an invalid range: matches nothing, the rest still applies
    '[unterminated',
    '/top.py',
    'build/',
    'logs/**',
    '**/deep/*.py',
    'a/**/b.py',
    '[!a]x.py',
    '[^c]y.py',
    '[[:digit:]]*.py',
    '\\#hash.py',
    '?.py',
    'sp.py   ',
    '*a*a*a*a*a*a*a*a*a*a*a*a*b.py',
    'mid/*/z.py',
    '',
    '# a comment',
  ].join('\r\n');
  const PATHS = [
    'x.gen.py', 'keep.gen.py', 'sub/y.gen.py', 'ax.py', 'zx.py', 'top.py', 'sub/top.py', 'build/b.py', 'sub/build/b.py',
    'logs/l.py', 'logs/deeper/l.py', 'deep/d.py', 'q/deep/d.py', 'q/deep/r/d.py', 'a/b.py', 'a/x/y/b.py', 'ab.py',
    'bx.py', 'ay.py', 'cy.py', '1st.py', 'first.py', '#hash.py', 'hash.py', 'e.py', 'é.py', 'ee.py', 'sp.py',
    `${'a'.repeat(40)}.py`, `${'a'.repeat(12)}b.py`, 'mid/m/z.py', 'mid/m/n/z.py', 'nested/n.py', 'nested/skip.py', 'nested/inner/skip.py',
  ];

  test('35 paths, 19 root patterns and a nested ignore file: the same files', { skip: hasGit ? false : 'git is not installed' }, () => {
    const root = tmp();
    writeFileSync(join(root, '.gitignore'), ROOT_IGNORE);
    write(root, 'nested/.gitignore', 'skip.py\n!/inner/skip.py\n');
    for (const p of PATHS) write(root, p);
    const git = gitUntracked(root);
    assert.ok(git, 'git ran');
    const notes: string[] = [];
    const ours = collectFiles(['.'], root, (n) => notes.push(n)).files.filter((f) => f.endsWith('.py')).sort();
    assert.deepEqual(notes, []);
    assert.deepEqual(ours, git);
    // the corpus exercises both answers
    assert.ok(git.length > 8 && git.length < PATHS.length - 8, `${git.length} of ${PATHS.length} untracked`);
  });
});
