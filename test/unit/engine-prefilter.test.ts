/**
 * The engine's prefilter (`mightHaveFindings`, used by `analyzeText` and the CLI to skip
 * files without parsing) never drops a finding the editor reports on the same text: a file
 * with a key-shaped literal or a suppression of ours but no OpenAI call still gets OAI501 /
 * OAI001, in the engine, the language server path (`analyzeTree`) and `check`.
 * Found by the differential fuzzer (seed 2, TypeScript): deleting `import OpenAI from "openai"`
 * left `apiKey: "sk-…"` reported by the server and dropped by the engine.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { analyzeText, analyzeTree, createContext, mightHaveFindings } from '../../server/src/engine';
import type { EngineContext } from '../../server/src/engine';
import { DEFAULT_SETTINGS } from '../../server/src/config/schema';
import { initParsers, parseText } from '../../server/src/parse/parser';
import type { LanguageName } from '../../server/src/parse/parser';
import { ALNUM, B64URL, keyGenerator } from '../helpers/fakeKeys';

const CLI = join(__dirname, '..', '..', '..', 'server', 'out', 'cli.js');
const gen = keyGenerator(7);
const KEY_PY = `KEY = "sk-proj-${gen(B64URL, 48)}"\n`;
const KEY_TS = `const settings = {\n  apiKey: "sk-${gen(ALNUM, 48)}",\n};\n`;
const NOQA_PY = 'x = 1  # noqa: OAI201\n';
const DIRECTIVE_TS = 'let x = 1; // openai-model-lint: disable-line OAI102\n';

let ctx: EngineContext;
const dirs: string[] = [];
before(async () => {
  await initParsers();
  ctx = createContext(DEFAULT_SETTINGS, { asOf: '2025-09-01', tokens: 'sync' }).ctx;
});
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function viaTree(text: string, lang: LanguageName) {
  const tree = parseText(text, lang);
  try {
    return analyzeTree(tree, text, lang, ctx).findings;
  } finally {
    tree.delete();
  }
}

test('texts without a call but with a key or one of our suppressions pass the prefilter', () => {
  for (const t of [KEY_PY, KEY_TS, NOQA_PY, DIRECTIVE_TS]) assert.equal(mightHaveFindings(t), true, t);
  assert.equal(mightHaveFindings('x = 1  # noqa: E501\nkey = "sk-"\n'), false);
  assert.equal(mightHaveFindings('const api_key = process.env.KEY;\n'), false);
});

test('analyzeText reports what the language server reports on the same text', async () => {
  const cases: [string, LanguageName, string[]][] = [
    [KEY_PY, 'python', [`OAI501 6-${KEY_PY.length - 1}`]],
    [KEY_TS, 'typescript', [`OAI501 29-${KEY_TS.indexOf('",') + 1}`]],
    [NOQA_PY, 'python', ['OAI001 15-21']],
    [DIRECTIVE_TS, 'typescript', ['OAI001 46-52']],
  ];
  for (const [text, lang, expected] of cases) {
    const engine = (await analyzeText(text, lang, ctx)).findings;
    assert.deepEqual(engine, viaTree(text, lang), text);
    assert.deepEqual(engine.map((f) => `${f.code} ${f.span.start}-${f.span.end}`), expected, text);
  }
});

test('check reports the key in a file that never mentions openai', () => {
  const dir = mkdtempSync(join(tmpdir(), 'oml-prefilter-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'keys.py'), KEY_PY);
  const r = spawnSync(process.execPath, [CLI, 'check', 'keys.py', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
  const found = JSON.parse(r.stdout) as { file: string; line: number; column: number; code: string }[];
  assert.deepEqual(found.map((f) => `${f.file}:${f.line}:${f.column} ${f.code}`), ['keys.py:1:7 OAI501']);
});
