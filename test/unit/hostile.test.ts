/**
 * The hostile input corpus through `check` (issue 6; test/fixtures/hostile/README.md lists
 * every case). Each case runs through check's own `run` in-process (one tree-sitter load for
 * all) with its exact stderr, exit status and findings, and a time bound that only catches
 * hangs (10 s; real speed is measured in bench/). One spawned run of the bin over the whole
 * corpus shows that skipped and broken files leave the others checked.
 *
 * The bugs this corpus found stay covered here: Python comment blocks parsed in quadratic
 * time (server/src/parse/commentBlocks.ts), one long tokenizer piece merged in quadratic time
 * (server/src/tokens/bpe.ts), and --fix turning bytes that are not UTF-8 into U+FFFD.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Tiktoken } from 'js-tiktoken/lite';
import { extractCalls } from '../../server/src/analysis/extract';
import { assetPath } from '../../server/src/assets';
import { run as checkRun } from '../../server/src/cli/check';
import { initParsers, parseText } from '../../server/src/parse/parser';
import { BLANK_BLOCK_COST, blankBlocks, longCommentBlocks } from '../../server/src/parse/commentBlocks';
import { BpeCounter } from '../../server/src/tokens/bpe';
import { fileUri } from '../../server/src/cli/format';
import { suppressionCodeAt } from '../../server/src/features/hover';
import { LineIndex } from '../../server/src/positions';
import { BUNDLE_CALL, BUNDLE_CALLS, BUNDLE_HEAD, ensureGenerated, GENERATED_DIR, HOSTILE_DIR, repoRoot } from '../helpers/hostile';

const CLI = join(repoRoot(), 'server', 'out', 'cli.js');
const AS_OF = '2025-09-01';
/** Only catches hangs: every case takes well under a second or two here. */
const BOUND_MS = 10_000;

const scratch: string[] = [];
after(() => {
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'oml-hostile-'));
  scratch.push(d);
  return d;
}

interface JsonFinding {
  cell?: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  code: string;
  message: string;
}

function brief(stdout: string): string[] {
  return (JSON.parse(stdout) as JsonFinding[]).map((f) => `${f.cell !== undefined ? `cell ${f.cell} ` : ''}${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.code}`);
}

async function check(cwd: string, args: string[]): Promise<{ status: number; stdout: string; stderr: string; ms: number }> {
  const out = { stdout: '', stderr: '' };
  const t = performance.now();
  const status = await checkRun(args, { stdout: (s) => void (out.stdout += s), stderr: (s) => void (out.stderr += s) }, cwd);
  return { status, ...out, ms: performance.now() - t };
}

interface Case {
  file: string;
  status: number;
  stderr: string | RegExp;
  findings: string[];
}

const note = (s: string): string => `openai-model-lint: ${s}\n`;

const CASES: Case[] = [
  { file: 'binary.py', status: 0, stderr: note('binary.py: binary file (NUL byte); skipped'), findings: [] },
  // U+FFFD (one per invalid sequence) counts one column, as the editor shows it
  { file: 'invalid-utf8.py', status: 0, stderr: '', findings: ['5:48-5:55 OAI101', '7:38-7:45 OAI101'] },
  { file: 'crlf.py', status: 1, stderr: '', findings: ['5:38-5:45 OAI101', '6:57-6:72 OAI201'] },
  { file: 'mixed-eol.py', status: 1, stderr: '', findings: ['7:38-7:45 OAI101', '8:57-8:72 OAI201'] },
  { file: 'mixed-eol.ts', status: 1, stderr: '', findings: ['5:41-5:48 OAI101', '6:61-6:77 OAI201'] },
  { file: 'broken.ipynb', status: 0, stderr: /^openai-model-lint: broken\.ipynb: not valid notebook JSON \(.+\); skipped\n$/, findings: [] },
  { file: 'odd-cells.ipynb', status: 0, stderr: '', findings: ['cell 3 3:38-3:45 OAI101'] },
  { file: 'out/big-10mb.py', status: 0, stderr: note('out/big-10mb.py: skipped, 10000000 bytes is over the 2000000-byte limit (maxFileSize)'), findings: [] },
  { file: 'out/lines-50k.py', status: 0, stderr: '', findings: ['4:38-4:45 OAI101', '50000:38-50000:45 OAI101'] },
  { file: 'out/nested-10k.py', status: 0, stderr: '', findings: ['5:38-5:45 OAI101', '6:38-6:45 OAI101'] },
  { file: 'out/nested-10k.ts', status: 0, stderr: '', findings: ['5:41-5:48 OAI101', '6:41-6:48 OAI101'] },
  // the suppression right after the 3,000 comment lines still applies (line 3006)
  { file: 'out/comment-block.py', status: 0, stderr: '', findings: ['4:38-4:45 OAI101', '3007:38-3007:45 OAI101'] },
  // 1,000,000 × "a" is 125,000 o200k tokens: with 16,384 out, over gpt-4o's 128,000 window
  // (OAI302 spans the messages argument; OAI202 is the max_tokens hint on chat models)
  { file: 'out/literal-1mb.py', status: 1, stderr: '', findings: ['4:48-4:64 OAI202', '4:66-4:1000108 OAI302', '5:38-5:45 OAI101'] },
  {
    file: 'config/not-json/app.py',
    status: 2,
    stderr: /^openai-model-lint: config\/not-json\/\.openai-model-lint\.json: \S+not-json\/\.openai-model-lint\.json is not valid JSON: .+\n$/,
    findings: [],
  },
  {
    file: 'config/wrong-types/app.py',
    status: 2,
    stderr: [
      'rules.OAI101: Invalid option: expected one of "off"|"hint"|"info"|"warning"|"error"',
      'rules.OAI9: rule codes look like OAI201',
      'azure.deployments: Invalid input: expected record, received array',
      'asOf: Invalid input: expected string, received number',
      'tokenCounts.inlay: Invalid input: expected boolean, received string',
      'maxFileSize: Invalid input: expected number, received string',
    ]
      .map((l) => note(`config/wrong-types/.openai-model-lint.json: ${l}`))
      .join(''),
    findings: [],
  },
  {
    file: 'config/bad-extra-model/app.py',
    status: 2,
    stderr: note('config/bad-extra-model/.openai-model-lint.json: catalog.extraModels[0].contextWindow: Invalid input: expected number, received string'),
    findings: [],
  },
];

describe('hostile corpus: check, case by case', () => {
  before(() => {
    ensureGenerated();
  });

  for (const c of CASES) {
    test(`${c.file}: ${c.findings.length ? c.findings.join(', ') : 'no findings'}, exit ${c.status}`, async () => {
      const r = await check(HOSTILE_DIR, [c.file, '--format', 'json', '--as-of', AS_OF]);
      if (typeof c.stderr === 'string') assert.equal(r.stderr, c.stderr);
      else assert.match(r.stderr, c.stderr);
      assert.equal(r.status, c.status, r.stderr);
      if (c.status === 2) assert.equal(r.stdout, '', 'an unusable project file stops the run before any output');
      else assert.deepEqual(brief(r.stdout), c.findings);
      assert.ok(r.ms < BOUND_MS, `${c.file}: ${Math.round(r.ms)} ms`);
    });
  }

  test('the 1 MB message is counted exactly (no lower bound in the CLI)', async () => {
    const r = await check(HOSTILE_DIR, ['out/literal-1mb.py', '--format', 'json', '--as-of', AS_OF]);
    const f = (JSON.parse(r.stdout) as JsonFinding[]).find((x) => x.code === 'OAI302');
    assert.match(f?.message ?? '', /^the prompt is 125,007 tokens\b.* 16,384 .*: 141,391 > the 128,000-token context window of gpt-4o; /);
  });
});

describe('hostile corpus: one run over everything', () => {
  test('the bin checks every other file when some are binary, broken or too big (exit 1 for the error findings)', () => {
    ensureGenerated();
    const t = performance.now();
    // the walk of "." skips out/ (git-ignored); generated files are named explicitly
    const r = spawnSync(process.execPath, [CLI, 'check', '.', 'out/big-10mb.py', 'out/nested-10k.py', 'out/nested-10k.ts', '--format', 'json', '--as-of', AS_OF], { cwd: HOSTILE_DIR, encoding: 'utf8' });
    const ms = performance.now() - t;
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stderr.split('\n').filter((l) => !/not valid notebook JSON/.test(l)).join('\n'), [note('binary.py: binary file (NUL byte); skipped'), note('out/big-10mb.py: skipped, 10000000 bytes is over the 2000000-byte limit (maxFileSize)')].join(''));
    assert.match(r.stderr, /broken\.ipynb: not valid notebook JSON/);
    const byFile = new Map<string, number>();
    for (const f of JSON.parse(r.stdout) as { file: string }[]) byFile.set(f.file, (byFile.get(f.file) ?? 0) + 1);
    // a directory's walk uses the project file above it (none here): the config/ files get defaults
    assert.deepEqual(Object.fromEntries(byFile), {
      'config/bad-extra-model/app.py': 1,
      'config/not-json/app.py': 1,
      'config/wrong-types/app.py': 1,
      'crlf.py': 2,
      'invalid-utf8.py': 2,
      'mixed-eol.py': 2,
      'mixed-eol.ts': 2,
      'odd-cells.ipynb': 1,
      'out/nested-10k.py': 2,
      'out/nested-10k.ts': 2,
    });
    assert.ok(ms < BOUND_MS, `${Math.round(ms)} ms`);
  });
});

describe('maxFileSize is the project setting, and skipping is not fatal', () => {
  test('a file over the project file limit is skipped with its size, the limit and the setting; the others are checked', () => {
    const root = tempDir();
    const call = 'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt4o", messages=[])\n';
    writeFileSync(join(root, '.openai-model-lint.json'), JSON.stringify({ maxFileSize: 200 }));
    writeFileSync(join(root, 'small.py'), call);
    // over 200 bytes in under 200 characters: the limit counts bytes, as the editor does
    const wide = `${call}#${'é'.repeat(50)}\n`;
    assert.ok(wide.length < 200 && Buffer.byteLength(wide) > 200);
    writeFileSync(join(root, 'wide.py'), wide);
    const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '--as-of', '2025-01-01'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0);
    assert.equal(r.stderr, note(`wide.py: skipped, ${Buffer.byteLength(wide)} bytes is over the 200-byte limit (maxFileSize)`));
    assert.deepEqual(JSON.parse(r.stdout).map((f: { file: string; code: string }) => `${f.file} ${f.code}`), ['small.py OAI101']);
  });
});

describe('--fix and bytes that are not UTF-8', () => {
  const O1 = 'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="o1", messages=[], temperature=0.5)\n';

  test('a file with invalid UTF-8 is reported but not rewritten (its bytes would become U+FFFD)', async () => {
    const root = tempDir();
    const bytes = Buffer.concat([Buffer.from('# caf\xe9 in Latin-1\n', 'latin1'), Buffer.from(O1)]);
    writeFileSync(join(root, 'latin1.py'), bytes);
    const r = await check(root, ['latin1.py', '--fix', '--format', 'json', '--as-of', AS_OF]);
    assert.equal(r.status, 1);
    assert.deepEqual(brief(r.stdout), ['4:57-4:72 OAI201']);
    assert.equal(r.stderr, note('latin1.py: not valid UTF-8; safe fixes not applied (rewriting it would turn its invalid bytes into U+FFFD)') + note('applied 0 fixes in 0 files'));
    assert.ok(readFileSync(join(root, 'latin1.py')).equals(bytes), 'file unchanged, byte for byte');
  });

  test('a real U+FFFD in valid UTF-8 does not stop --fix', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'fffd.py'), `# \uFFFD\n${O1}`);
    const r = await check(root, ['fffd.py', '--fix', '--format', 'json', '--as-of', AS_OF]);
    assert.equal(r.status, 0);
    assert.equal(r.stderr, note('applied 1 fix in 1 file'));
    assert.equal(readFileSync(join(root, 'fffd.py'), 'utf8'), `# \uFFFD\n${O1.replace(', temperature=0.5', '')}`);
  });

  test('the committed invalid-UTF-8 fixture is left alone by --fix (its fixes are unsafe only)', async () => {
    const root = tempDir();
    copyFileSync(join(HOSTILE_DIR, 'invalid-utf8.py'), join(root, 'invalid-utf8.py'));
    const r = await check(root, ['invalid-utf8.py', '--fix', '--format', 'json']);
    assert.equal(r.status, 0);
    assert.ok(readFileSync(join(root, 'invalid-utf8.py')).equals(readFileSync(join(HOSTILE_DIR, 'invalid-utf8.py'))));
  });
});

describe('long Python comment blocks are parsed in linear time, with the same results', () => {
  before(() => initParsers(['python']));

  const HEAD = 'from openai import OpenAI\n\nclient = OpenAI()\n';
  const comments = (n: number, indent = ''): string => Array.from({ length: n }, (_, i) => `${indent}# note ${String(i).padStart(5, '0')} ${'-'.repeat(50)}\n`).join('');

  test('which blocks are blanked: long ones, indentation and blank lines inside kept; suppressions never', () => {
    const text = `x = 1\n${comments(3)}y = 2\n    ${comments(2)}\n${comments(2)}# openai-model-lint: disable-file\nz = 3\n`;
    // a low cost limit makes the small blocks count as long
    const blocks = longCommentBlocks(text, 10);
    assert.deepEqual(
      blocks.map((b) => text.slice(b.start, b.end).split('\n').length),
      [3, 5], // the 3 lines; then 2 + the blank line + 2 (the disable-file line ends the block)
    );
    const blank = blankBlocks(text, blocks);
    assert.equal(blank.length, text.length);
    assert.deepEqual(blank.split('\n').map((l) => l.trim()), ['x = 1', '', '', '', 'y = 2', '', '', '', '', '', '# openai-model-lint: disable-file', 'z = 3', '']);
    assert.deepEqual(longCommentBlocks(`x = 1\n${comments(3)}`), [], 'short blocks cost nothing and stay');
    assert.ok(longCommentBlocks(`x = 1\n${comments(200)}`).length === 1 && 200 * 200 * 64 > BLANK_BLOCK_COST);
  });

  test('4,000 comment lines in a function body, then code: bounded, and the call after them is found', () => {
    const text = `${HEAD}def f():\n    x = 1\n${comments(4000, '    ')}    client.chat.completions.create(model="gpt4o", messages=[])\n`;
    const t = performance.now();
    const tree = parseText(text, 'python');
    const ms = performance.now() - t;
    try {
      assert.ok(ms < BOUND_MS, `${Math.round(ms)} ms`);
      assert.equal(tree.rootNode.hasError, false);
      const calls = extractCalls(tree, text, 'python');
      assert.equal(calls.length, 1);
      assert.equal(text.slice(calls[0]!.model!.value.span.start, calls[0]!.model!.value.span.end), '"gpt4o"');
    } finally {
      tree.delete();
    }
  });

  test('lines starting with # inside a triple-quoted prompt are string, not comment: the message keeps them', () => {
    const prompt = Array.from({ length: 300 }, (_, i) => `# Heading ${i} ${'='.repeat(60)}`).join('\n');
    const text = `${HEAD}PROMPT = """\n${prompt}\n"""\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": PROMPT}])\n`;
    assert.equal(longCommentBlocks(text).length, 1, 'the prompt looks like a long comment block');
    const tree = parseText(text, 'python');
    try {
      const [call] = extractCalls(tree, text, 'python');
      const content = call!.messages![0]!.content!.value;
      assert.deepEqual(content, { kind: 'string', value: `\n${prompt}\n` });
    } finally {
      tree.delete();
    }
  });

  test('suppression comments between blanked blocks are still read', async () => {
    const root = tempDir();
    const block = comments(400);
    const text = `${HEAD}client.chat.completions.create(model="gpt4o", messages=[])\n${block}# noqa: OAI101\nclient.chat.completions.create(model="gpt4o", messages=[])  # openai-model-lint: disable-line OAI201\n${block}`;
    assert.equal(longCommentBlocks(text).length, 2);
    writeFileSync(join(root, 'a.py'), text);
    const r = await check(root, ['a.py', '--format', 'json', '--as-of', AS_OF]);
    // line 405: a `# noqa` on a line of its own suppresses nothing (OAI001 on its code); line 406's
    // disable-line names a rule that does not fire there (OAI001 too)
    assert.deepEqual(brief(r.stdout), ['4:38-4:45 OAI101', '405:9-405:15 OAI001', '406:38-406:45 OAI101', '406:95-406:101 OAI001']);
  });
});

describe('token counting of one long piece is not quadratic', () => {
  test('pieces of hundreds of bytes count as js-tiktoken counts them; a million in seconds', () => {
    const file = JSON.parse(readFileSync(assetPath('ranks', 'o200k_base.json'), 'utf8'));
    const reference = new Tiktoken(file);
    const counter = BpeCounter.fromRanks(file);
    let seed = 11;
    const rand = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    // pieces over 256 bytes take the heap path; js-tiktoken itself is quadratic, so they stay short
    const samples = ['a'.repeat(700), `${' '.repeat(600)}x`, '='.repeat(700), '日'.repeat(200), 'ab'.repeat(300), '\u0301'.repeat(200)];
    for (let i = 0; i < 8; i++) {
      const alphabet = i % 2 ? [...'aeiouxyzAE'] : [...'!@#$%^&*()=+-_日本🙂é'];
      samples.push(Array.from({ length: 300 + Math.floor(rand() * 400) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join(''));
    }
    for (const s of samples) assert.equal(counter.count(s), reference.encode(s, [], []).length, `${JSON.stringify(s.slice(0, 20))}… (${s.length})`);
    const t = performance.now();
    assert.equal(counter.count('a'.repeat(1_000_000)), 125_000);
    assert.ok(performance.now() - t < BOUND_MS);
  });
});

// ---- second round (issue 14) ------------------------------------------------------------

describe('row 1: project and ignore files that are devices, FIFOs or links to them', () => {
  const APP = 'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt4o", messages=[])\n';
  const mkfifo = (path: string): boolean => spawnSync('mkfifo', [path]).status === 0;

  test('a project file linked to /dev/zero: one line saying what it is, exit 2, no hang', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'app.py'), APP);
    symlinkSync('/dev/zero', join(root, '.openai-model-lint.json'));
    const r = await check(root, ['app.py', '--format', 'json']);
    assert.deepEqual([r.status, r.stdout, r.stderr], [2, '', note(`.openai-model-lint.json: cannot read ${join(root, '.openai-model-lint.json')}: a character device, not a regular file`)]);
    assert.ok(r.ms < BOUND_MS);
  });

  test('a project file that is a FIFO: not opened for reading, exit 2', { skip: process.platform === 'win32' ? 'no FIFOs' : false }, async () => {
    const root = tempDir();
    writeFileSync(join(root, 'app.py'), APP);
    assert.ok(mkfifo(join(root, '.openai-model-lint.json')));
    const r = await check(root, ['app.py', '--format', 'json']);
    assert.deepEqual([r.status, r.stderr], [2, note(`.openai-model-lint.json: cannot read ${join(root, '.openai-model-lint.json')}: a FIFO, not a regular file`)]);
  });

  test('a .gitignore linked to /dev/zero or a FIFO: its patterns are not used (said once), the walk goes on', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'app.py'), APP);
    mkdirSync(join(root, 'sub'));
    writeFileSync(join(root, 'sub', 'b.py'), APP);
    symlinkSync('/dev/zero', join(root, '.gitignore'));
    assert.ok(mkfifo(join(root, 'sub', '.gitignore')));
    const r = await check(root, ['.', '--format', 'json', '--as-of', AS_OF]);
    assert.equal(r.stderr, note(`${join(root, '.gitignore')}: a symbolic link; not followed; its patterns are not used`) + note(`${join(root, 'sub', '.gitignore')}: a FIFO, not a regular file; its patterns are not used`));
    assert.deepEqual(brief(r.stdout), ['3:38-3:45 OAI101', '3:38-3:45 OAI101']);
    assert.ok(r.ms < BOUND_MS);
  });

  test('a source file named on the command line that links to /dev/zero is skipped as not regular', async () => {
    const root = tempDir();
    symlinkSync('/dev/zero', join(root, 'zero.py'));
    const r = await check(root, ['zero.py', '--format', 'json']);
    assert.deepEqual([r.status, r.stdout, r.stderr], [0, '[]\n', note('zero.py: not a regular file; skipped')]);
  });
});

describe('row 2: the project file is looked up no higher than the project root', () => {
  const KEYED = 'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt4o", messages=[])\n';
  /** base/shared is writable by everyone and holds a project file turning OAI101 off. */
  function sharedParent(): { shared: string; project: string } {
    const shared = join(tempDir(), 'shared');
    const project = join(shared, 'project');
    mkdirSync(project, { recursive: true });
    chmodSync(shared, 0o777);
    writeFileSync(join(shared, '.openai-model-lint.json'), JSON.stringify({ rules: { OAI101: 'off' } }));
    writeFileSync(join(project, 'app.py'), KEYED);
    return { shared, project };
  }

  test('a repository below a world-writable directory: that directory’s file is never read', async () => {
    const { project } = sharedParent();
    mkdirSync(join(project, '.git'));
    const r = await check(project, ['app.py', '--format', 'json', '--as-of', AS_OF]);
    assert.deepEqual([r.stderr, brief(r.stdout)], ['', ['3:38-3:45 OAI101']]);
  });

  test('no repository: the lookup stops at the working directory', async () => {
    const { project } = sharedParent();
    const r = await check(project, ['app.py', '--format', 'json', '--as-of', AS_OF]);
    assert.deepEqual([r.stderr, brief(r.stdout)], ['', ['3:38-3:45 OAI101']]);
  });

  test('a .git planted in the world-writable directory: its project file is not used, and the note says why', async () => {
    const { shared, project } = sharedParent();
    mkdirSync(join(shared, '.git'));
    const r = await check(project, ['app.py', '--format', 'json', '--as-of', AS_OF]);
    assert.equal(r.stderr, note(`${join(shared, '.openai-model-lint.json')}: not used, ${shared} is writable by every user`));
    assert.deepEqual(brief(r.stdout), ['3:38-3:45 OAI101']);
  });

  test('inside the project, the nearest file above the path is still found', async () => {
    const root = tempDir();
    mkdirSync(join(root, '.git'));
    mkdirSync(join(root, 'src', 'deep'), { recursive: true });
    writeFileSync(join(root, '.openai-model-lint.json'), JSON.stringify({ rules: { OAI101: 'off' } }));
    writeFileSync(join(root, 'src', 'deep', 'app.py'), KEYED);
    const r = await check(join(root, 'src'), ['deep', '--format', 'json', '--as-of', AS_OF]);
    assert.deepEqual([r.status, r.stdout, r.stderr], [0, '[]\n', '']);
  });
});

describe('row 8: many findings on one long line are placed in linear time', () => {
  test('the 370 KB one-line bundle: 6,000 findings, each at its exact column', async () => {
    ensureGenerated();
    const r = await check(HOSTILE_DIR, ['out/one-line-bundle.js', '--format', 'json', '--as-of', AS_OF]);
    const found = JSON.parse(r.stdout) as JsonFinding[];
    assert.equal(found.length, BUNDLE_CALLS);
    const first = BUNDLE_HEAD.length + BUNDLE_CALL.indexOf('"gpt4o"') + 1;
    found.forEach((f, i) => {
      const column = first + i * BUNDLE_CALL.length;
      assert.deepEqual([f.line, f.column, f.endLine, f.endColumn, f.code], [1, column, 1, column + 7, 'OAI101']);
    });
    assert.ok(r.ms < BOUND_MS, `${Math.round(r.ms)} ms`);
  });

  test('LineIndex: code-point columns equal a walk along the line, with pairs, lone surrogates and CR/LF', () => {
    let seed = 7;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const alphabet = ['a', 'é', '😀', '\ud800', '\udc00', '\r', '\n', '\r\n', '日'];
    const walk = (text: string, offset: number): { line: number; column: number } => {
      let line = 1;
      let column = 1;
      for (let i = 0; i < offset; i++) {
        const c = text[i]!;
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
          line++;
          column = 1;
        } else if (c === '\r') continue;
        else if (/[\ud800-\udbff]/.test(c) && i + 1 < offset && /[\udc00-\udfff]/.test(text[i + 1]!)) {
          i++;
          column++;
        } else column++;
      }
      return { line, column };
    };
    for (let k = 0; k < 200; k++) {
      const text = Array.from({ length: 40 }, () => alphabet[rand(alphabet.length)]).join('');
      const index = new LineIndex(text);
      for (let o = 0; o <= text.length; o++) {
        // an offset between a CR and its LF is on the CR's line, as LSP has it
        if (text[o - 1] === '\r' && text[o] === '\n') continue;
        assert.deepEqual(index.position(o), walk(text, o), `${JSON.stringify(text)} @${o}`);
      }
    }
  });

  test('LineIndex: 200,000 positions on one 2 MB line with emoji (a walk per position took hours)', () => {
    const text = `x = "${'ab😀'.repeat(500_000)}"`;
    const index = new LineIndex(text);
    const t = performance.now();
    let last = { line: 0, column: 0 };
    for (let i = 0; i < 200_000; i++) last = index.position(text.length - 1 - i);
    // the last offset asked is 1,800,001 units into the string: 450,000 × 'ab😀' (3 columns for 4 units) and an 'a'
    assert.deepEqual(last, { line: 1, column: 5 + 450_000 * 3 + 1 + 1 });
    assert.deepEqual(index.position(text.length), { line: 1, column: 5 + 3 * 500_000 + 2 });
    assert.ok(performance.now() - t < BOUND_MS);
  });
});

describe('row 9: the suppression scan of a hover is linear in the line', () => {
  test('a line with 20,000 `//` and no directive: null at once; directives after URLs are still found', () => {
    ensureGenerated();
    const text = readFileSync(join(GENERATED_DIR, 'comment-urls.ts'), 'utf8');
    const t = performance.now();
    assert.equal(suppressionCodeAt(text, text.length - 2), null);
    const py = `x = 1  # ${'see http://a.example//b#c '.repeat(20_000)}`;
    assert.equal(suppressionCodeAt(py, py.length - 1), null);
    assert.ok(performance.now() - t < BOUND_MS);
    const directive = `f()  // ${'https://a//b '.repeat(3)} openai-model-lint: disable-line OAI101, OAI201`;
    assert.deepEqual(suppressionCodeAt(directive, directive.length - 2), { code: 'OAI201', span: { start: directive.length - 6, end: directive.length } });
    assert.deepEqual(suppressionCodeAt('x = 1  # NOQA : OAI101', 19), { code: 'OAI101', span: { start: 16, end: 22 } });
  });
});

describe('row 13: a project file nested 5,000 levels deep', () => {
  test('one clear line, exit 2, no RangeError', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'app.py'), 'print(1)\n');
    writeFileSync(join(root, '.openai-model-lint.json'), `{"rules": ${'['.repeat(5000)}${']'.repeat(5000)}}`);
    const r = await check(root, ['app.py']);
    assert.deepEqual([r.status, r.stdout, r.stderr], [2, '', note('.openai-model-lint.json: settings are nested deeper than 64 levels; not read')]);
  });
});

describe('row 14: the small ones', () => {
  const APP = 'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt4o", messages=[])\n';

  test('asOf "2025-13-45" in the project file is not a date', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'app.py'), APP);
    writeFileSync(join(root, '.openai-model-lint.json'), '{"asOf": "2025-13-45"}');
    const r = await check(root, ['app.py']);
    assert.deepEqual([r.status, r.stderr], [2, note(".openai-model-lint.json: asOf: '2025-13-45' is not a calendar date")]);
  });

  test('a file name that is not UTF-8: named with its bytes escaped, skipped; the others checked', { skip: process.platform === 'linux' ? false : 'only Linux file systems take any bytes as a name' }, async () => {
    const root = tempDir();
    writeFileSync(join(root, 'app.py'), APP);
    writeFileSync(Buffer.concat([Buffer.from(`${root}/caf`), Buffer.from([0xe9]), Buffer.from('.py')]), APP);
    const r = await check(root, ['.', '--format', 'json', '--as-of', AS_OF]);
    assert.equal(r.stderr, note('caf\\xe9.py: the name is not valid UTF-8; skipped'));
    assert.deepEqual(brief(r.stdout), ['3:38-3:45 OAI101']);
  });

  test('escape sequences from file names and contents are shown, not run, in text output', async () => {
    const root = tempDir();
    const name = 'evil\u001b]0;pwned\u0007.py';
    writeFileSync(join(root, name), APP.replace('"gpt4o"', '"gpt4o\u001b[2J\u009b1m"'));
    const r = await check(root, ['.', '--as-of', AS_OF]);
    assert.doesNotMatch(r.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    assert.match(r.stdout, /^evil\\x1b\]0;pwned\\x07\.py:3:38: info OAI101 'gpt4o\\x1b\[2J\\x9b1m' is not in the catalog /);
  });

  test('SARIF: a backslash in a POSIX file name is part of the name (%5C), not a separator', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'back\\slash.py'), APP);
    const r = await check(root, ['back\\slash.py', '--format', 'sarif', '--as-of', AS_OF]);
    const sarif = JSON.parse(r.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    assert.equal(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri, 'back%5Cslash.py');
    assert.equal(fileUri('a\\b/c.py', true), 'a/b/c.py');
    assert.equal(fileUri('C:\\x\\y.py', true), 'C:/x/y.py');
    assert.equal(fileUri('c:d.py', false), 'c%3Ad.py', 'a colon in a POSIX name is no scheme');
  });

  test('`check -- -h` checks a path named -h', async () => {
    const root = tempDir();
    writeFileSync(join(root, '-h'), APP);
    const r = await check(root, ['--format', 'json', '--as-of', AS_OF, '--', '-h']);
    assert.equal(r.status, 0);
    assert.deepEqual(brief(r.stdout), ['3:38-3:45 OAI101']);
    const missing = await check(root, ['--', '--help']);
    assert.deepEqual([missing.status, missing.stderr], [2, note('--help: no such file or directory') + note('1 path could not be checked or fixed (see above)')]);
  });

  test('5,000 bad extraModels entries: the first 20 problems and a count, not megabytes', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'app.py'), APP);
    const extraModels = Array.from({ length: 5000 }, (_, i) => ({ id: `m${i}`, contextWindow: 'big' }));
    writeFileSync(join(root, '.openai-model-lint.json'), JSON.stringify({ catalog: { extraModels } }));
    const r = await check(root, ['app.py']);
    assert.equal(r.status, 2);
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 21);
    assert.match(lines[0]!, /^openai-model-lint: \.openai-model-lint\.json: catalog\.extraModels\[0\]\.\w+: /);
    assert.match(lines[20]!, /^openai-model-lint: \.openai-model-lint\.json: … and \d+ more problems$/);
    assert.ok(r.stderr.length < 4000, `${r.stderr.length} characters`);
  });
});
