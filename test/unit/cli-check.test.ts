/**
 * `check` internals over a small fake engine (regex "rules" with exact spans), so walking,
 * skipping, notebooks, positions, fixes and the three output formats are pinned down
 * independently of the catalog. The end-to-end run on examples/ is cli-examples.test.ts.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { checkFiles, type CheckEngine, type SourceLanguage } from '../../server/src/cli/checkFiles';
import { exitStatus, parseCheckArgs } from '../../server/src/cli/checkOptions';
import { applyEdits, overlaps, selectFixEdits } from '../../server/src/cli/fix';
import { formatJson, formatSarif, formatText } from '../../server/src/cli/format';
import { blankMagics, parseNotebook, updateNotebook } from '../../server/src/cli/notebook';
import { layoutCells } from '../../server/src/notebook';
import { collectFiles, IgnoreFile, parseIgnoreLine } from '../../server/src/cli/walk';
import { LineIndex, offsetToPosition } from '../../server/src/positions';
import type { Finding } from '../../server/src/rules/types';

const roots: string[] = [];
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'oml-check-'));
  roots.push(d);
  return d;
}
after(() => {
  for (const d of roots) rmSync(d, { recursive: true, force: true });
});

function write(root: string, rel: string, text: string | Buffer): void {
  const p = join(root, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
}

/**
 * Fake rules, each a regex over the text:
 * - `temperature=N, ` → OAI201 error, safe fix removing it
 * - `"gpt4o"` → OAI101 warning, unsafe fix to "gpt-4o"
 * - `max_tokens` (name only) → OAI202 error, safe rename
 * - `max_…tokens=NNN` (3+ digits) → OAI301 error, safe clamp of the whole argument, which
 *   overlaps the rename, so it must wait for the next pass
 */
function fakeFindings(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(/temperature=\d+, /g)) {
    const span = { start: m.index, end: m.index + m[0].length - 2 };
    out.push({ code: 'OAI201', severity: 'error', message: "Model 'o1' does not support 'temperature'", span, fix: { title: "Remove 'temperature'", safe: true, edits: [{ start: m.index, end: m.index + m[0].length, newText: '' }] } });
  }
  for (const m of text.matchAll(/"gpt4o"/g)) {
    const span = { start: m.index, end: m.index + m[0].length };
    out.push({ code: 'OAI101', severity: 'warning', message: "Unknown model 'gpt4o'; did you mean 'gpt-4o'?", span, fix: { title: "Replace with 'gpt-4o'", safe: false, edits: [{ start: m.index + 1, end: m.index + 6, newText: 'gpt-4o' }] } });
  }
  for (const m of text.matchAll(/\bmax_tokens\b/g)) {
    const span = { start: m.index, end: m.index + m[0].length };
    out.push({ code: 'OAI202', severity: 'error', message: "'max_tokens' is replaced by 'max_completion_tokens'", span, fix: { title: "Rename to 'max_completion_tokens'", safe: true, edits: [{ ...span, newText: 'max_completion_tokens' }] } });
  }
  for (const m of text.matchAll(/\bmax_(?:completion_)?tokens=(\d{3,})/g)) {
    if (Number(m[1]) <= 100) continue;
    const span = { start: m.index, end: m.index + m[0].length };
    const name = m[0].slice(0, m[0].indexOf('='));
    out.push({ code: 'OAI301', severity: 'error', message: 'over the maximum of 100', span, fix: { title: 'Clamp to 100', safe: true, edits: [{ ...span, newText: `${name}=100` }] } });
  }
  for (const m of text.matchAll(/"sk-[A-Za-z0-9]+"/g)) {
    out.push({ code: 'OAI501', severity: 'warning', message: 'Hard-coded API key', span: { start: m.index, end: m.index + m[0].length }, fix: null });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

const analysed: string[] = [];
const fakeEngine: CheckEngine = {
  languageForPath: (p: string): SourceLanguage | null => (p.endsWith('.py') ? 'python' : p.endsWith('.tsx') ? 'tsx' : /\.[mc]?ts$/.test(p) ? 'typescript' : /\.[mc]?jsx?$/.test(p) ? 'javascript' : null),
  mightContainCall: (t: string) => /create|sk-/.test(t),
  analyse: async (text: string) => {
    analysed.push(text);
    return fakeFindings(text);
  },
  analyseNotebook: async (cells: readonly string[]) => {
    const { text } = layoutCells(cells);
    analysed.push(text);
    return fakeFindings(text);
  },
};

async function check(root: string, files: string[], fix = false, maxFileSize = 1_000_000) {
  const notes: string[] = [];
  const result = await checkFiles(files, fakeEngine, { cwd: root, fix, maxFileSize, note: (m) => notes.push(m) });
  return { ...result, notes };
}

describe('positions', () => {
  test('1-based lines and code-point columns, with LF, CRLF and lone CR', () => {
    const text = 'ab\r\ncd\ref\ngh';
    const idx = new LineIndex(text);
    assert.deepEqual(idx.position(0), { line: 1, column: 1 });
    assert.deepEqual(idx.position(2), { line: 1, column: 3 }); // the \r of CRLF ends line 1
    assert.deepEqual(idx.position(4), { line: 2, column: 1 });
    assert.deepEqual(idx.position(7), { line: 3, column: 1 });
    assert.deepEqual(idx.position(10), { line: 4, column: 1 });
    assert.deepEqual(idx.position(12), { line: 4, column: 3 }); // end of text
    assert.deepEqual(idx.position(99), { line: 4, column: 3 }); // clamped
  });
  test('an astral character (two UTF-16 units) and CJK count one column each', () => {
    const text = 'x = "😀日本" + "gpt"';
    const gpt = text.indexOf('"gpt"');
    assert.equal(gpt, 13); // UTF-16: 😀 is two units
    assert.deepEqual(offsetToPosition(text, gpt), { line: 1, column: 13 });
  });
});

describe('gitignore patterns', () => {
  const m = (pattern: string, path: string, isDir = false): boolean => new IgnoreFile('/', pattern).match(path, isDir) === true;
  test('unanchored names match at any depth; anchored ones only at the base', () => {
    assert.ok(m('*.py', 'a/b/c.py'));
    assert.ok(m('build', 'x/build', true));
    assert.ok(m('/build', 'build', true));
    assert.ok(!m('/build', 'x/build', true));
    assert.ok(m('docs/gen', 'docs/gen', true));
    assert.ok(!m('docs/gen', 'x/docs/gen', true));
  });
  test('dir-only, **, ?, classes, comments and escapes', () => {
    assert.ok(m('out/', 'out', true));
    assert.ok(!m('out/', 'out', false));
    assert.ok(m('**/gen/*.ts', 'gen/a.ts'));
    assert.ok(m('**/gen/*.ts', 'x/y/gen/a.ts'));
    assert.ok(m('a/**/b.py', 'a/b.py'));
    assert.ok(m('a/**/b.py', 'a/x/y/b.py'));
    assert.ok(m('logs/**', 'logs/x/y.py'));
    assert.ok(!m('logs/**', 'logs'));
    assert.ok(m('file?.py', 'file1.py'));
    assert.ok(m('[!a]x.py', 'bx.py'));
    assert.ok(!m('[!a]x.py', 'ax.py'));
    assert.ok(!m('*.py', 'a.pyc'));
    assert.equal(parseIgnoreLine('# comment'), null);
    assert.equal(parseIgnoreLine('   '), null);
    assert.ok(m('\\#hash.py', '#hash.py'));
    assert.equal(parseIgnoreLine('!keep.py')!.negate, true);
  });
});

describe('walking', () => {
  test('respects nested .gitignore files, negation and dir-only; skips .git and node_modules; explicit files always', () => {
    const root = tmp();
    write(root, '.git/HEAD', 'ref: refs/heads/main\n');
    write(root, '.gitignore', '# generated\nbuild/\n*.gen.py\n!keep.gen.py\n/top.py\n');
    write(root, 'top.py', 'x');
    write(root, 'a.py', 'x');
    write(root, 'README.md', 'x');
    write(root, 'types.d.ts', 'x');
    write(root, 'build/b.py', 'x');
    write(root, 'src/x.gen.py', 'x');
    write(root, 'src/keep.gen.py', 'x');
    write(root, 'src/top.py', 'x');
    write(root, 'src/app.tsx', 'x');
    write(root, 'src/nb.ipynb', '{}');
    write(root, 'src/.gitignore', 'secret/\n!*.gen.py\nlocal.ts\n');
    write(root, 'src/secret/s.py', 'x');
    write(root, 'src/sub/y.gen.py', 'x');
    write(root, 'src/sub/local.ts', 'x');
    write(root, 'node_modules/pkg/index.js', 'x');
    write(root, 'lib/m.mjs', 'x');
    write(root, 'lib/c.cjs', 'x');
    write(root, 'lib/t.mts', 'x');
    write(root, 'lib/u.cts', 'x');
    write(root, 'lib/j.jsx', 'x');
    const notes: string[] = [];
    const r = collectFiles(['.', 'build/b.py', 'missing.py'], root, (n) => notes.push(n));
    assert.deepEqual(r.files, [
      'a.py',
      'lib/c.cjs',
      'lib/j.jsx',
      'lib/m.mjs',
      'lib/t.mts',
      'lib/u.cts',
      'src/app.tsx',
      'src/keep.gen.py',
      'src/nb.ipynb',
      'src/sub/y.gen.py',
      'src/top.py',
      'src/x.gen.py',
      'build/b.py',
    ]);
    assert.deepEqual(r.missing, ['missing.py']);
    assert.deepEqual(notes, []);
  });
  test('ignore files above the walked directory (up to the repository root) apply too', () => {
    const root = tmp();
    write(root, '.git/HEAD', 'x');
    write(root, '.gitignore', 'vendor/\n');
    write(root, 'app/vendor/v.py', 'x');
    write(root, 'app/main.py', 'x');
    const r = collectFiles(['app'], root, () => {});
    assert.deepEqual(r.files, ['app/main.py']);
  });
});

describe('checkFiles', () => {
  test('binary, huge and unreadable files are noted and skipped; files without a call are not analysed', async () => {
    const root = tmp();
    write(root, 'bin.py', Buffer.from([0x63, 0x72, 0x65, 0x61, 0x74, 0x65, 0x00, 0x01]));
    write(root, 'huge.py', `create(${'x'.repeat(2000)})`);
    write(root, 'locked.py', 'create()');
    write(root, 'plain.py', 'print("hello")\n');
    write(root, 'ok.py', 'client.create(temperature=0, model="o1")\n');
    chmodSync(join(root, 'locked.py'), 0o000);
    const canReadLocked = (() => {
      try {
        readFileSync(join(root, 'locked.py'));
        return true;
      } catch {
        return false;
      }
    })();
    analysed.length = 0;
    const r = await check(root, ['bin.py', 'huge.py', 'locked.py', 'plain.py', 'ok.py'], false, 1000);
    chmodSync(join(root, 'locked.py'), 0o644);
    const expectedNotes = ['bin.py: binary file (NUL byte); skipped', 'huge.py: skipped, 2008 bytes is over the 1000-byte limit (maxFileSize)'];
    if (!canReadLocked) expectedNotes.push('locked.py: cannot read (EACCES); skipped');
    assert.deepEqual(r.notes, expectedNotes);
    assert.deepEqual(analysed, canReadLocked ? ['create()', 'client.create(temperature=0, model="o1")\n'] : ['client.create(temperature=0, model="o1")\n']);
    assert.equal(r.reported.length, 1);
    assert.deepEqual(r.reported[0]!.start, { line: 1, column: 15 });
  });

  test('JSON output: the exact SPEC shape, 1-based, code-point columns after non-ASCII text', async () => {
    const root = tmp();
    write(root, 'app.py', '# café ☕ 😀\nr = client.create(model="gpt4o", temperature=0, x=1)\n');
    const r = await check(root, ['app.py']);
    const json = JSON.parse(formatJson(r.reported));
    assert.deepEqual(json, [
      { file: 'app.py', line: 2, column: 25, endLine: 2, endColumn: 32, severity: 'warning', code: 'OAI101', message: "Unknown model 'gpt4o'; did you mean 'gpt-4o'?", fix: { safe: false, title: "Replace with 'gpt-4o'" } },
      { file: 'app.py', line: 2, column: 34, endLine: 2, endColumn: 47, severity: 'error', code: 'OAI201', message: "Model 'o1' does not support 'temperature'", fix: { safe: true, title: "Remove 'temperature'" } },
    ]);
    assert.deepEqual(Object.keys(json[0]), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message', 'fix']);
    const nonAscii = await check(root, ['app.py']);
    write(root, 'emoji.py', 'x = "😀"; client.create(model="gpt4o")\n');
    const e = await check(root, ['emoji.py']);
    assert.deepEqual([e.reported[0]!.start, e.reported[0]!.end], [{ line: 1, column: 30 }, { line: 1, column: 37 }]);
    assert.equal(nonAscii.reported.length, 2);
  });

  test('text output: location, severity, code, message, fix hint and summary', async () => {
    const root = tmp();
    write(root, 'a.py', 'client.create(model="gpt4o", temperature=0, max_tokens=5)\n');
    write(root, 'clean.py', 'client.create(model="o1")\n');
    const r = await check(root, ['a.py', 'clean.py']);
    assert.equal(
      formatText(r.reported, { filesChecked: r.filesChecked, fixesApplied: null, filesFixed: 0 }),
      [
        "a.py:1:21: warning OAI101 Unknown model 'gpt4o'; did you mean 'gpt-4o'?",
        "  fix (unsafe): Replace with 'gpt-4o'",
        "a.py:1:30: error OAI201 Model 'o1' does not support 'temperature'",
        "  fix (safe): Remove 'temperature'",
        "a.py:1:45: error OAI202 'max_tokens' is replaced by 'max_completion_tokens'",
        "  fix (safe): Rename to 'max_completion_tokens'",
        '',
        '3 problems (2 errors, 1 warning, 0 info, 0 hints) in 2 files; 2 fixable with --fix (1 more with --unsafe-fixes).',
        '',
      ].join('\n'),
    );
    assert.equal(formatText([], { filesChecked: 2, fixesApplied: 0, filesFixed: 0 }), 'Applied 0 fixes in 0 files. No problems found in 2 files.\n');
  });

  test('SARIF 2.1.0: driver rules with docs, results with levels, code-point regions and fixes', async () => {
    const root = tmp();
    write(root, 'src/my app.py', 'é = client.create(model="gpt4o", temperature=0, x=1)\n');
    const r = await check(root, ['src/my app.py']);
    const sarif = JSON.parse(formatSarif(r.reported));
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'openai-model-lint');
    assert.equal(run.columnKind, 'unicodeCodePoints');
    const ids = run.tool.driver.rules.map((x: { id: string }) => x.id);
    assert.deepEqual(ids, ['OAI001', 'OAI101', 'OAI102', 'OAI103', 'OAI104', 'OAI105', 'OAI106', 'OAI107', 'OAI108', 'OAI201', 'OAI202', 'OAI203', 'OAI204', 'OAI205', 'OAI301', 'OAI302', 'OAI303', 'OAI401', 'OAI402', 'OAI403', 'OAI501']);
    for (const rule of run.tool.driver.rules) {
      assert.match(rule.name, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(rule.shortDescription.text.length > 10, rule.id);
      assert.ok(rule.fullDescription.text.length >= rule.shortDescription.text.length, rule.id);
      assert.match(rule.helpUri, new RegExp(`/docs/rules/${rule.id}-${rule.name}\\.md$`));
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level), rule.id);
    }
    const oai106 = run.tool.driver.rules.find((x: { id: string }) => x.id === 'OAI106');
    assert.deepEqual(oai106.defaultConfiguration, { level: 'note', enabled: false });
    assert.equal(run.tool.driver.rules.find((x: { id: string }) => x.id === 'OAI201').defaultConfiguration.level, 'error');
    assert.deepEqual(run.results[0], {
      ruleId: 'OAI101',
      ruleIndex: 1,
      level: 'warning',
      message: { text: "Unknown model 'gpt4o'; did you mean 'gpt-4o'?" },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'src/my%20app.py' }, region: { startLine: 1, startColumn: 25, endLine: 1, endColumn: 32 } } }],
      fixes: [
        {
          description: { text: "Replace with 'gpt-4o' (unsafe)" },
          artifactChanges: [{ artifactLocation: { uri: 'src/my%20app.py' }, replacements: [{ deletedRegion: { startLine: 1, startColumn: 26, endLine: 1, endColumn: 31 }, insertedContent: { text: 'gpt-4o' } }] }],
        },
      ],
    });
    assert.equal(run.results[1].level, 'error');
    assert.equal(run.results[1].ruleIndex, 9);
  });

  test('notebooks: Python code cells as one module, 0-based cell index, lines within the cell, magics blanked', async () => {
    const root = tmp();
    const nb = {
      cells: [
        { cell_type: 'markdown', source: ['client.create(temperature=1, x)'] },
        { cell_type: 'code', source: ['%pip install openai\n', '!ls\n', 'r = client.create(temperature=0, model="o1")\n'] },
        { cell_type: 'code', source: 'import os' },
        { cell_type: 'code', source: 'x = 1\n\ny = client.create(model="gpt4o")' },
      ],
      metadata: { kernelspec: { language: 'python' } },
      nbformat: 4,
      nbformat_minor: 5,
    };
    write(root, 'nb.ipynb', JSON.stringify(nb, null, 1));
    write(root, 'broken.ipynb', '{"cells": [');
    analysed.length = 0;
    const r = await check(root, ['nb.ipynb', 'broken.ipynb']);
    assert.deepEqual(analysed, [`${' '.repeat(19)}\n   \nr = client.create(temperature=0, model="o1")\n\nimport os\n\nx = 1\n\ny = client.create(model="gpt4o")\n\n`]);
    assert.deepEqual(
      JSON.parse(formatJson(r.reported)).map((f: { cell: number; line: number; column: number; code: string }) => [f.cell, f.line, f.column, f.code]),
      [
        [1, 3, 19, 'OAI201'],
        [3, 3, 25, 'OAI101'],
      ],
    );
    assert.deepEqual(Object.keys(JSON.parse(formatJson(r.reported))[0]).slice(0, 3), ['file', 'cell', 'line']);
    assert.match(formatText(r.reported, { filesChecked: 2, fixesApplied: null, filesFixed: 0 }), /^nb\.ipynb:cell 1:3:19: error OAI201 /);
    assert.equal(r.notes.length, 1);
    assert.match(r.notes[0]!, /^broken\.ipynb: not valid notebook JSON \(.+\); skipped$/);
  });

  test('blankMagics keeps offsets; updateNotebook keeps layout and source form', () => {
    assert.equal(blankMagics('a\n  %time x\n!pip\nb'), 'a\n         \n    \nb');
    const text = `${JSON.stringify({ cells: [{ cell_type: 'code', source: ['a\n', 'b'] }, { cell_type: 'code', source: 'c' }] }, null, 1)}\n`;
    const parsed = parseNotebook(text);
    assert.ok(parsed.ok);
    const out = updateNotebook(text, new Map([[0, 'a\nB\n'], [1, 'C']]));
    assert.equal(out, `${JSON.stringify({ cells: [{ cell_type: 'code', source: ['a\n', 'B\n'] }, { cell_type: 'code', source: 'C' }] }, null, 1)}\n`);
    assert.deepEqual(parseNotebook('[1]'), { ok: false, error: 'not a notebook (no "cells" array)' });
  });
});

describe('--fix', () => {
  test('overlap: the later of two overlapping safe fixes waits; unsafe fixes never apply', () => {
    const text = 'f(model="gpt4o", temperature=1, max_tokens=500)';
    const { edits, fixes } = selectFixEdits(fakeFindings(text), false);
    assert.equal(fixes, 2); // temperature removal + max_tokens rename; the clamp overlaps the rename
    assert.equal(applyEdits(text, edits), 'f(model="gpt4o", max_completion_tokens=500)');
    assert.equal(overlaps({ start: 3, end: 3, newText: 'a' }, { start: 3, end: 3, newText: 'b' }), true);
    assert.equal(overlaps({ start: 3, end: 5, newText: '' }, { start: 5, end: 7, newText: '' }), false);
    assert.equal(overlaps({ start: 4, end: 4, newText: 'x' }, { start: 3, end: 5, newText: '' }), true);
  });

  test('rewrites only changed files, re-runs analysis for waiting fixes, keeps BOM, reports what remains', async () => {
    const root = tmp();
    const fixable = '\uFEFFr = client.create(model="gpt4o", temperature=1, max_tokens=500)\n';
    const unfixable = 'r = client.create(model="gpt4o")\n';
    write(root, 'fixable.py', fixable);
    write(root, 'unfixable.py', unfixable);
    const before = statSync(join(root, 'unfixable.py'));
    const r = await check(root, ['fixable.py', 'unfixable.py'], true);
    assert.equal(readFileSync(join(root, 'fixable.py'), 'utf8'), '\uFEFFr = client.create(model="gpt4o", max_completion_tokens=100)\n');
    const afterStat = statSync(join(root, 'unfixable.py'));
    assert.equal(afterStat.mtimeMs, before.mtimeMs);
    assert.equal(afterStat.ino, before.ino);
    assert.equal(r.fixesApplied, 3);
    assert.equal(r.filesFixed, 1);
    assert.deepEqual(
      r.reported.map((x) => [x.file, x.finding.code, x.start.column]),
      [
        ['fixable.py', 'OAI101', 25],
        ['unfixable.py', 'OAI101', 25],
      ],
    );
    assert.equal(formatText(r.reported, { filesChecked: 2, fixesApplied: r.fixesApplied, filesFixed: r.filesFixed }).split('\n').at(-2), 'Applied 3 fixes in 1 file. 2 problems (0 errors, 2 warnings, 0 info, 0 hints) in 2 files; 2 fixable with --fix --unsafe-fixes.');
  });

  test('notebook cells are fixed in place, magics kept, other cells untouched', async () => {
    const root = tmp();
    const nb = { cells: [{ cell_type: 'code', source: ['%pip install openai\n', 'r = client.create(temperature=0, model="o1")'] }, { cell_type: 'code', source: 'other = 1' }], metadata: {}, nbformat: 4, nbformat_minor: 5 };
    write(root, 'nb.ipynb', `${JSON.stringify(nb, null, 1)}\n`);
    const r = await check(root, ['nb.ipynb'], true);
    nb.cells[0]!.source = ['%pip install openai\n', 'r = client.create(model="o1")'];
    assert.equal(readFileSync(join(root, 'nb.ipynb'), 'utf8'), `${JSON.stringify(nb, null, 1)}\n`);
    assert.equal(r.fixesApplied, 1);
    assert.deepEqual(r.reported, []);
  });
});

describe('options and exit status', () => {
  test('parses options, validates --as-of and --max-warnings', () => {
    assert.deepEqual(parseCheckArgs(['src', '--format=json', '--as-of', '2026-11-01', '--fix', '--max-warnings', '3']), {
      ok: true,
      options: { paths: ['src'], format: 'json', config: null, asOf: '2026-11-01', fix: true, unsafeFixes: false, diff: false, maxWarnings: 3 },
    });
    assert.deepEqual(parseCheckArgs([]), { ok: true, options: { paths: ['.'], format: 'text', config: null, asOf: null, fix: false, unsafeFixes: false, diff: false, maxWarnings: null } });
    assert.deepEqual(parseCheckArgs(['--as-of', '2026-02-30']), { ok: false, error: "option '--as-of': '2026-02-30' is not a calendar date" });
    assert.deepEqual(parseCheckArgs(['--as-of', 'tomorrow']), { ok: false, error: "option '--as-of': expected a date YYYY-MM-DD (got 'tomorrow')" });
    assert.deepEqual(parseCheckArgs(['--max-warnings', '-1']), { ok: false, error: "option '--max-warnings': expected a whole number >= 0 (got '-1')" });
    assert.deepEqual(parseCheckArgs(['--max-warnings', 'x']), { ok: false, error: "option '--max-warnings': expected a whole number >= 0 (got 'x')" });
    assert.deepEqual(parseCheckArgs(['--format', 'xml']), { ok: false, error: "option '--format' must be one of text, json, sarif (got 'xml')" });
  });
  test('0 without errors, 1 with an error or too many warnings', () => {
    assert.equal(exitStatus([], null), 0);
    assert.equal(exitStatus(['warning', 'info', 'hint'], null), 0);
    assert.equal(exitStatus(['warning', 'error'], null), 1);
    assert.equal(exitStatus(['warning', 'warning'], 2), 0);
    assert.equal(exitStatus(['warning', 'warning', 'warning'], 2), 1);
    assert.equal(exitStatus(['warning'], 0), 1);
    assert.equal(exitStatus(['info', 'hint'], 0), 0);
  });
});
