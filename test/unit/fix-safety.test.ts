/**
 * `--fix` never corrupts a file (issue 6). Every fixture source (examples/**, test/fixtures/**,
 * notebooks included) is copied to a scratch directory and fixed with `check --fix`; the
 * result is re-parsed with the product's tree-sitter parser (no new ERROR / MISSING nodes,
 * the same number of API calls), nothing safe-fixable is left, and a second `--fix` changes
 * nothing. Crafted files put overlapping fixes (shared commas, the same edit from two calls
 * sharing a `**params` dict, a rename inside a removal) through one pass, the whole loop, the
 * spawned CLI and the language server's `source.fixAll.openai-model-lint`, with exact texts.
 *
 * The fixture runs are in-process (`check`'s own `run`, one tree-sitter load); one crafted
 * case is spawned to cover the bin end to end.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { extractCalls } from '../../server/src/analysis/extract';
import { run as checkRun } from '../../server/src/cli/check';
import { applyEdits, fixText, overlaps, selectFixEdits } from '../../server/src/cli/fix';
import { blankMagics, parseNotebook } from '../../server/src/cli/notebook';
import { DEFAULT_SETTINGS } from '../../server/src/config/schema';
import { analyzeText, createContext } from '../../server/src/engine';
import { initParsers, languageForPath, parseText } from '../../server/src/parse/parser';
import type { LanguageName } from '../../server/src/parse/parser';
import type { Finding, TextEdit } from '../../server/src/rules/types';
import { LspClient } from '../helpers/lsp-client';
import { repoRoot } from '../helpers/repoRoot';

const ROOT = repoRoot();
const CLI = join(ROOT, 'server', 'out', 'cli.js');
const AS_OF = '2025-09-01';
const SOURCE = /\.(?:py|js|mjs|cjs|ts|mts|cts|jsx|tsx|ipynb)$/;
/** Fixture trees whose sources are fixed; a new fixture file is covered without touching this test. */
const FIXTURE_DIRS = ['examples', 'test/fixtures'];

const scratch: string[] = [];
after(() => {
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'oml-fixsafety-'));
  scratch.push(d);
  return d;
}

function sourcesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name === 'node_modules' || e.name === 'out' || e.name === '.git') continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && SOURCE.test(e.name)) out.push(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

interface JsonFinding {
  file: string;
  cell?: number;
  line: number;
  code: string;
  fix: { safe: boolean; title: string } | null;
}

/** `check` in-process (the command's own `run`), cwd = the scratch copy. */
async function check(cwd: string, args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const status = await checkRun(args, { stdout: (s) => void (out.stdout += s), stderr: (s) => void (out.stderr += s) }, cwd);
  return { status, ...out };
}

function jsonFindings(stdout: string): JsonFinding[] {
  return stdout.trim() ? (JSON.parse(stdout) as JsonFinding[]) : [];
}

/** ERROR and MISSING nodes of a parse (iterative: hostile files nest 10,000 levels deep). */
function parseProblems(text: string, lang: LanguageName): number {
  const tree = parseText(text, lang);
  try {
    let n = 0;
    const cursor = tree.walk();
    for (;;) {
      const node = cursor.currentNode;
      if (node.type === 'ERROR' || node.isMissing) n++;
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return n;
      }
    }
  } finally {
    tree.delete();
  }
}

function callCount(text: string, lang: LanguageName): number {
  const tree = parseText(text, lang);
  try {
    return extractCalls(tree, text, lang).length;
  } finally {
    tree.delete();
  }
}

/** The Python units of a file as the engine sees them: the file, or each code cell of a notebook. */
function units(path: string, text: string): { name: string; text: string; lang: LanguageName }[] {
  if (!path.endsWith('.ipynb')) return [{ name: path, text, lang: languageForPath(path) ?? 'python' }];
  const parsed = parseNotebook(text);
  assert.ok(parsed.ok, `${path}: ${parsed.ok ? '' : parsed.error}`);
  return parsed.notebook.cells.map((c) => ({ name: `${path} cell ${c.index}`, text: blankMagics(c.source), lang: 'python' as const }));
}

/** A notebook with every code cell's source blanked: what --fix must leave exactly as it was. */
function notebookFrame(text: string): unknown {
  const json = JSON.parse(text.replace(/^\uFEFF/, '')) as { cells: Record<string, unknown>[] };
  for (const c of json.cells) if (c.cell_type === 'code') c.source = null;
  return json;
}

function assertNoOverlap(edits: readonly TextEdit[], what: string): void {
  edits.forEach((a, i) => edits.forEach((b, j) => assert.ok(i === j || !overlaps(a, b), `${what}: edits ${i} and ${j} overlap`)));
}

describe('every fixture file: check --fix leaves parseable code and is idempotent', () => {
  let work: string;
  const files: string[] = [];
  before(async () => {
    await initParsers();
    work = tempDir();
    for (const dir of FIXTURE_DIRS) {
      if (existsSync(join(ROOT, dir))) cpSync(join(ROOT, dir), join(work, dir), { recursive: true, filter: (src) => !/[\\/](?:node_modules|out)$/.test(src) });
      for (const f of sourcesUnder(join(work, dir))) files.push(relative(work, f));
    }
  });

  test('the fixtures hold files with safe fixes in Python, TypeScript and a notebook', async () => {
    const fixable: string[] = [];
    for (const file of files) {
      const r = await check(work, ['--format', 'json', '--as-of', AS_OF, file]);
      if (jsonFindings(r.stdout).some((f) => f.fix?.safe)) fixable.push(file);
    }
    for (const ext of ['.py', '.ts', '.ipynb']) assert.ok(fixable.some((f) => f.endsWith(ext)), `no ${ext} fixture with a safe fix among ${fixable.join(', ')}`);
  });

  test('each file: fixed text parses as before, keeps its calls, has nothing safe left; a second --fix changes nothing', async () => {
    const fixed: string[] = [];
    for (const file of files) {
      const abs = join(work, file);
      const original = readFileSync(abs, 'utf8');
      const mode = statSync(abs).mode;
      const before = await check(work, ['--format', 'json', '--as-of', AS_OF, file]);
      const safeBefore = before.status === 2 ? [] : jsonFindings(before.stdout).filter((f) => f.fix?.safe);

      const first = await check(work, ['--fix', '--format', 'json', '--as-of', AS_OF, file]);
      const text = readFileSync(abs, 'utf8');
      assert.equal(statSync(abs).mode, mode, `${file}: mode kept`);
      assert.deepEqual(
        readdirSync(dirname(abs)).filter((n) => n.endsWith('.oml-tmp')),
        [],
        `${file}: no temporary file left`,
      );
      if (safeBefore.length === 0) {
        assert.equal(text, original, `${file}: nothing safe to fix, so not rewritten`);
        continue;
      }
      fixed.push(file);
      assert.equal(first.status === 2, false, `${file}: --fix failed: ${first.stderr}`);
      assert.notEqual(text, original, `${file}: ${safeBefore.length} safe fixes, none applied`);
      assert.deepEqual(
        jsonFindings(first.stdout).filter((f) => f.fix?.safe).map((f) => `${f.line} ${f.code} ${f.fix!.title}`),
        [],
        `${file}: safe fixes left after --fix`,
      );

      if (file.endsWith('.ipynb')) assert.deepEqual(notebookFrame(text), notebookFrame(original), `${file}: only code cell sources change`);
      const beforeUnits = units(file, original);
      const afterUnits = units(file, text);
      assert.equal(afterUnits.length, beforeUnits.length);
      beforeUnits.forEach((b, i) => {
        const a = afterUnits[i]!;
        assert.ok(parseProblems(a.text, a.lang) <= parseProblems(b.text, b.lang), `${a.name}: the fix added parse errors:\n${a.text}`);
        assert.equal(callCount(a.text, a.lang), callCount(b.text, b.lang), `${a.name}: API calls lost or gained`);
      });

      const recheck = await check(work, ['--format', 'json', '--as-of', AS_OF, file]);
      assert.equal(recheck.stdout, first.stdout, `${file}: check after --fix reports what --fix reported`);
      const second = await check(work, ['--fix', '--format', 'json', '--as-of', AS_OF, file]);
      assert.equal(readFileSync(abs, 'utf8'), text, `${file}: a second --fix changed the file`);
      assert.equal(second.stderr, 'openai-model-lint: applied 0 fixes in 0 files\n');
    }
    assert.ok(fixed.length >= 3, `fixed only ${fixed.join(', ')}`);
  });
});

// ---------------------------------------------------------------------------------------
// Crafted overlaps

/**
 * Python, with every way two safe fixes meet: a rename next to a removal, two removals
 * sharing a comma, the same dict edit from two calls (`**params`), a trailing-comma layout,
 * and comments next to removed arguments.
 */
const PY = `from openai import OpenAI

client = OpenAI()
messages = [{"role": "user", "content": "Hi"}]
client.chat.completions.create(model="o1", max_tokens=100, messages=messages, temperature=0.2, top_p=0.9)
params = {"temperature": 0.2, "top_p": 0.9}
client.chat.completions.create(model="o1", messages=messages, **params)
client.chat.completions.create(model="o3-mini", messages=messages, **params)
client.chat.completions.create(
    model="o1",
    messages=messages,
    presence_penalty=0.5,  # keep replies varied
    frequency_penalty=0.5,
)
client.chat.completions.create(model="o1", messages=messages,
    logprobs=True  # debugging
)
`;

/** After one pass: every fix that overlaps none taken before it (earliest first). */
const PY_PASS_1 = `from openai import OpenAI

client = OpenAI()
messages = [{"role": "user", "content": "Hi"}]
client.chat.completions.create(model="o1", max_completion_tokens=100, messages=messages, top_p=0.9)
params = {"top_p": 0.9}
client.chat.completions.create(model="o1", messages=messages, **params)
client.chat.completions.create(model="o3-mini", messages=messages, **params)
client.chat.completions.create(
    model="o1",
    messages=messages,
    # keep replies varied
    
)
client.chat.completions.create(model="o1", messages=messages  # debugging
)
`;

/**
 * Nothing safe left. Removing the last argument (trailing comma) after a comment line keeps
 * that line's indentation on a line of its own: valid code, only cosmetic.
 */
const PY_FIXED = `from openai import OpenAI

client = OpenAI()
messages = [{"role": "user", "content": "Hi"}]
client.chat.completions.create(model="o1", max_completion_tokens=100, messages=messages)
params = {}
client.chat.completions.create(model="o1", messages=messages, **params)
client.chat.completions.create(model="o3-mini", messages=messages, **params)
client.chat.completions.create(
    model="o1",
    messages=messages,
    # keep replies varied
    
)
client.chat.completions.create(model="o1", messages=messages  # debugging
)
`;

const TS = `import OpenAI from 'openai';

const openai = new OpenAI();
const messages = [{ role: 'user' as const, content: 'Hi' }];
await openai.chat.completions.create({ model: 'o1', messages, max_tokens: 10, temperature: 0.2, top_p: 0.9 });
await openai.chat.completions.create({
  model: 'o3-mini',
  messages,
  presence_penalty: 0.5, // varied
  logit_bias: {},
});
`;

/** top_p's removal shares the comma after temperature's, so it waits. */
const TS_PASS_1 = `import OpenAI from 'openai';

const openai = new OpenAI();
const messages = [{ role: 'user' as const, content: 'Hi' }];
await openai.chat.completions.create({ model: 'o1', messages, max_completion_tokens: 10, top_p: 0.9 });
await openai.chat.completions.create({
  model: 'o3-mini',
  messages,
  // varied
  
});
`;

const TS_FIXED = `import OpenAI from 'openai';

const openai = new OpenAI();
const messages = [{ role: 'user' as const, content: 'Hi' }];
await openai.chat.completions.create({ model: 'o1', messages, max_completion_tokens: 10 });
await openai.chat.completions.create({
  model: 'o3-mini',
  messages,
  // varied
  
});
`;

const crlf = (s: string): string => s.replace(/\n/g, '\r\n');

describe('crafted overlapping fixes', () => {
  const ctx = createContext(DEFAULT_SETTINGS, { asOf: AS_OF, tokens: 'sync' }).ctx;
  const analyse = (lang: LanguageName) => async (text: string): Promise<Finding[]> => (await analyzeText(text, lang, ctx)).findings;

  test('one pass takes only fixes that overlap nothing taken; the shared comma and the shared dict wait', async () => {
    const findings = await analyse('python')(PY);
    const safe = findings.filter((f) => f.fix?.safe);
    // the dict's temperature and top_p are one finding each for the two calls that share the
    // dict (both calls want them removed: the fixes stay safe)
    assert.equal(safe.length, 8);
    const { edits, fixes } = selectFixEdits(findings, false);
    assertNoOverlap(edits, 'pass 1');
    // max_tokens rename + temperature (line 5), dict temperature (once for two calls), presence_penalty and
    // frequency_penalty (the comment between them keeps their edits apart), logprobs
    assert.equal(fixes, 6);
    assert.equal(applyEdits(PY, edits), PY_PASS_1);
  });

  test('the loop re-analyses until nothing safe is left: exact Python and TypeScript results, LF and CRLF', async () => {
    const py = await fixText(PY, analyse('python'));
    assert.equal(py.text, PY_FIXED);
    assert.equal(py.applied, 8);
    assert.deepEqual(py.findings.filter((f) => f.fix?.safe), []);
    const pyCrlf = await fixText(crlf(PY), analyse('python'));
    assert.equal(pyCrlf.text, crlf(PY_FIXED));
    const ts = await fixText(TS, analyse('typescript'));
    assert.equal(ts.text, TS_FIXED);
    assert.equal(ts.applied, 5);
    for (const [text, lang] of [[PY_FIXED, 'python'], [TS_FIXED, 'typescript']] as const) {
      assert.equal(parseProblems(text, lang), 0);
    }
    assert.equal(callCount(PY_FIXED, 'python'), callCount(PY, 'python'));
    assert.equal(callCount(TS_FIXED, 'typescript'), callCount(TS, 'typescript'));
  });

  test('a fix whose own edits overlap is never applied; touching edits of two fixes both are', () => {
    const text = 'abcdef';
    const finding = (edits: TextEdit[]): Finding => ({ code: 'OAI201', severity: 'error', message: '', span: { start: edits[0]!.start, end: edits[0]!.end }, fix: { title: 't', safe: true, edits } });
    const selfOverlap = finding([
      { start: 1, end: 3, newText: 'X' },
      { start: 2, end: 4, newText: 'Y' },
    ]);
    const left = finding([{ start: 0, end: 2, newText: 'L' }]);
    const right = finding([{ start: 2, end: 4, newText: 'R' }]);
    const sameInsert = [finding([{ start: 5, end: 5, newText: '1' }]), finding([{ start: 5, end: 5, newText: '2' }])];
    const r = selectFixEdits([selfOverlap, left, right, ...sameInsert], false);
    assert.equal(r.fixes, 3);
    assert.equal(applyEdits(text, r.edits), 'LRe1f');
  });

  test('a symbolic link is written through: the link stays a link, its target holds the fixed text', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'overlap.py'), PY);
    symlinkSync(join('real', 'overlap.py'), join(dir, 'link.py'));
    const r = await check(dir, ['--fix', '--format', 'json', '--as-of', AS_OF, 'link.py']);
    assert.deepEqual([r.status, r.stdout, r.stderr], [0, '[]\n', 'openai-model-lint: applied 8 fixes in 1 file\n']);
    assert.ok(lstatSync(join(dir, 'link.py')).isSymbolicLink());
    assert.equal(readFileSync(join(dir, 'real', 'overlap.py'), 'utf8'), PY_FIXED);
    assert.deepEqual(readdirSync(dir).sort(), ['link.py', 'real']);
    assert.deepEqual(readdirSync(join(dir, 'real')), ['overlap.py']);
  });

  test('the spawned CLI writes the same texts, CRLF kept, and a second run changes nothing', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'overlap.py'), PY);
    writeFileSync(join(dir, 'overlap_crlf.py'), crlf(PY));
    writeFileSync(join(dir, 'overlap.ts'), TS);
    const run = () => spawnSync(process.execPath, [CLI, 'check', '--fix', '--as-of', AS_OF, '.'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    const first = run();
    assert.equal(first.stderr, '');
    assert.equal(first.stdout, 'Applied 21 fixes in 3 files. No problems found in 3 files.\n');
    assert.equal(first.status, 0);
    assert.equal(readFileSync(join(dir, 'overlap.py'), 'utf8'), PY_FIXED);
    assert.equal(readFileSync(join(dir, 'overlap_crlf.py'), 'utf8'), crlf(PY_FIXED));
    assert.equal(readFileSync(join(dir, 'overlap.ts'), 'utf8'), TS_FIXED);
    const second = run();
    assert.equal(second.stdout, 'Applied 0 fixes in 0 files. No problems found in 3 files.\n');
  });
});

describe('language server: source.fixAll.openai-model-lint follows the same overlap rule', () => {
  let c: LspClient;
  before(async () => {
    c = await LspClient.start({ config: { asOf: AS_OF } });
  });
  after(async () => {
    await c.stop();
  });

  async function fixAll(uri: string): Promise<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[] | null> {
    await c.pushed(uri);
    const actions = await c.request<{ kind: string; edit?: { changes: Record<string, []> } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.openai-model-lint'] },
    });
    assert.ok(actions.length <= 1);
    return actions[0]?.edit?.changes[uri] ?? null;
  }

  for (const [name, lang, text, pass1, fixed] of [
    ['python', 'python', PY, PY_PASS_1, PY_FIXED],
    ['python, CRLF', 'python', crlf(PY), crlf(PY_PASS_1), crlf(PY_FIXED)],
    ['typescript', 'typescript', TS, TS_PASS_1, TS_FIXED],
  ] as const) {
    test(`${name}: each fix-all applies non-overlapping edits; repeated, it reaches the CLI's text`, async () => {
      const uri = `file:///virtual/fixall/${name.replace(/\W+/g, '_')}.${lang === 'python' ? 'py' : 'ts'}`;
      c.open(uri, lang, text);
      let rounds = 0;
      for (;;) {
        const edits = await fixAll(uri);
        if (!edits) break;
        rounds++;
        assert.ok(rounds <= 3, 'fix-all did not converge');
        const offsets = edits.map((e) => ({ start: offsetAt(c.text(uri), e.range.start), end: offsetAt(c.text(uri), e.range.end), newText: e.newText }));
        assertNoOverlap(offsets, `fix-all round ${rounds}`);
        const after = c.applyEdits(uri, edits as never);
        if (rounds === 1) assert.equal(after, pass1);
      }
      assert.equal(c.text(uri), fixed);
      assert.equal(rounds, 2);
      c.close(uri);
    });
  }
});

function offsetAt(text: string, p: { line: number; character: number }): number {
  let offset = 0;
  for (let line = 0; line < p.line; line++) {
    const nl = text.indexOf('\n', offset);
    offset = nl + 1;
  }
  return offset + p.character;
}
