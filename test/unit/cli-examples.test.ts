/**
 * The built CLI end to end on examples/: `node server/out/cli.js check examples --format
 * json` from the repository root must print exactly test/fixtures/examples.expected.json,
 * and the examples must show every rule of the SPEC table.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../helpers/repoRoot';

const root = repoRoot();
const cli = join(root, 'server', 'out', 'cli.js');

function check(args: string[]) {
  const r = spawnSync(process.execPath, [cli, 'check', ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ALL_CODES = ['OAI001', 'OAI101', 'OAI102', 'OAI103', 'OAI104', 'OAI105', 'OAI106', 'OAI107', 'OAI201', 'OAI202', 'OAI203', 'OAI204', 'OAI205', 'OAI301', 'OAI302', 'OAI303', 'OAI401', 'OAI402', 'OAI403', 'OAI501'];

test('check examples --format json prints the checked-in expected output', () => {
  const r = check(['examples', '--format', 'json']);
  assert.equal(r.stderr, '');
  assert.equal(r.status, 1); // the examples hold error findings
  const expected = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'examples.expected.json'), 'utf8'));
  assert.deepEqual(JSON.parse(r.stdout), expected);
});

test('the examples show every rule', () => {
  const expected: { code: string }[] = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'examples.expected.json'), 'utf8'));
  const codes = new Set(expected.map((f) => f.code));
  assert.deepEqual(ALL_CODES.filter((c) => !codes.has(c)), []);
});

test('text and SARIF outputs of the same run agree with the JSON', () => {
  const json: { file: string; line: number; column: number; code: string; severity: string; cell?: number }[] = JSON.parse(check(['examples', '--format', 'json']).stdout);
  const text = check(['examples']);
  assert.equal(text.status, 1);
  const located = text.stdout
    .split('\n')
    .map((l) => /^(.+?):(?:cell (\d+):)?(\d+):(\d+): (error|warning|info|hint) (OAI\d{3}) /.exec(l))
    .filter((m) => m !== null)
    .map((m) => `${m[1]}|${m[2] ?? ''}|${m[3]}|${m[4]}|${m[5]}|${m[6]}`);
  assert.deepEqual(
    located,
    json.map((f) => `${f.file}|${f.cell ?? ''}|${f.line}|${f.column}|${f.severity}|${f.code}`),
  );
  const sarif = JSON.parse(check(['examples', '--format', 'sarif']).stdout);
  const results = sarif.runs[0].results;
  assert.equal(results.length, json.length);
  results.forEach((res: { ruleId: string; locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }, i: number) => {
    assert.equal(res.ruleId, json[i]!.code);
    assert.deepEqual(res.locations[0]!.physicalLocation.region.startLine, json[i]!.line);
    assert.deepEqual(res.locations[0]!.physicalLocation.region.startColumn, json[i]!.column);
  });
});
