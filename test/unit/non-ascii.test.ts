/**
 * Positions after non-ASCII text on the finding's line, in the CLI (issue 6). SPEC §5 counts
 * columns "as characters": here that is Unicode code points, what ruff and most linters
 * report and SARIF's `columnKind: "unicodeCodePoints"` names. An astral emoji (a surrogate
 * pair, two UTF-16 units) is one column; a CJK character is one; a ZWJ family emoji
 * (👨‍👩‍👧: three emoji joined by two U+200D) is five, since columns count code points, not
 * what a font draws as one glyph. Text, JSON and SARIF agree. The language server's UTF-16
 * ranges for the same texts are in test/server/non-ascii.test.ts.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { run as checkRun } from '../../server/src/cli/check';
import { CELL, PY, TS } from '../helpers/nonAscii';

const AS_OF = '2025-09-01';
let root: string;
before(() => {
  root = mkdtempSync(join(tmpdir(), 'oml-nonascii-'));
  writeFileSync(join(root, 'a.py'), PY);
  writeFileSync(join(root, 'a.ts'), TS);
  const nb = {
    cells: [
      { cell_type: 'markdown', metadata: {}, source: ['# 日本語 😀 notes'] },
      { cell_type: 'code', metadata: {}, outputs: [], execution_count: null, source: CELL.split(/(?<=\n)/) },
    ],
    metadata: { language_info: { name: 'python' } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  writeFileSync(join(root, 'nb.ipynb'), JSON.stringify(nb, null, 1));
});
after(() => rmSync(root, { recursive: true, force: true }));

async function check(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const status = await checkRun([...args, '--as-of', AS_OF], { stdout: (s) => void (out.stdout += s), stderr: (s) => void (out.stderr += s) }, root);
  return { status, ...out };
}

/** file, cell, line, column, endLine, endColumn, code */
const EXPECTED = [
  'a.py - 3:60-3:67 OAI101',
  'a.py - 4:93-4:108 OAI201',
  'a.ts - 3:69-3:76 OAI101',
  'a.ts - 4:95-4:111 OAI201',
  'nb.ipynb 1 3:60-3:67 OAI101',
];

describe('CLI columns are code points after emoji and CJK', () => {
  test('JSON: Python, TypeScript and a notebook cell', async () => {
    const r = await check(['a.py', 'a.ts', 'nb.ipynb', '--format', 'json']);
    assert.equal(r.stderr, '');
    const found = (JSON.parse(r.stdout) as { file: string; cell?: number; line: number; column: number; endLine: number; endColumn: number; code: string }[]).map(
      (f) => `${f.file} ${f.cell ?? '-'} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.code}`,
    );
    assert.deepEqual(found, EXPECTED);
  });

  test('text: the same line:column', async () => {
    const r = await check(['a.py', 'a.ts', 'nb.ipynb']);
    const located = r.stdout
      .split('\n')
      .map((l) => /^(\S+?):(?:cell (\d+):)?(\d+):(\d+): \w+ (OAI\d{3}) /.exec(l))
      .filter((m) => m !== null)
      .map((m) => `${m[1]} ${m[2] ?? '-'} ${m[3]}:${m[4]} ${m[5]}`);
    assert.deepEqual(
      located,
      EXPECTED.map((e) => e.replace(/-\d+:\d+ /, ' ')),
    );
  });

  test('SARIF: regions in code points, and the run says so', async () => {
    const r = await check(['a.py', 'a.ts', 'nb.ipynb', '--format', 'sarif']);
    const run = JSON.parse(r.stdout).runs[0];
    assert.equal(run.columnKind, 'unicodeCodePoints');
    const found = run.results.map((x: { ruleId: string; properties?: { cell: number }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[] }) => {
      const { artifactLocation, region } = x.locations[0]!.physicalLocation;
      return `${artifactLocation.uri} ${x.properties?.cell ?? '-'} ${region.startLine}:${region.startColumn}-${region.endLine}:${region.endColumn} ${x.ruleId}`;
    });
    assert.deepEqual(found, EXPECTED);
    // the fix of the o1 line deletes exactly `, temperature=0.5` (code points 91-108 on line 4)
    const fix = run.results.find((x: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.ruleId === 'OAI201' && x.locations[0]!.physicalLocation.artifactLocation.uri === 'a.py').fixes[0];
    assert.deepEqual(fix.artifactChanges[0].replacements[0].deletedRegion, { startLine: 4, startColumn: 91, endLine: 4, endColumn: 108 });
  });

  test('--fix edits at those positions: the emoji and CJK around them are kept', async () => {
    const r = await check(['a.py', 'a.ts', '--fix', '--format', 'json']);
    assert.equal(r.status, 0);
    assert.equal(readFileSync(join(root, 'a.py'), 'utf8'), PY.replace(', temperature=0.5', ''));
    assert.equal(readFileSync(join(root, 'a.ts'), 'utf8'), TS.replace(', temperature: 0.5', ''));
  });
});
