/**
 * The hostile input corpus (issue 6; test/fixtures/hostile/README.md lists every case).
 * Small cases are committed under test/fixtures/hostile/; the big ones are generated here,
 * deterministically, into test/fixtures/hostile/out/ (git-ignored; `out` folders are also
 * skipped by the fixture walkers of other tests, so they do not re-check megabytes).
 *
 * Each generated file is built in memory and written only when missing or different, through
 * a temporary file and a rename: test files running in parallel may generate at once.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './repoRoot';

export { repoRoot };
export const HOSTILE_DIR = join(repoRoot(), 'test', 'fixtures', 'hostile');
export const GENERATED_DIR = join(HOSTILE_DIR, 'out');

const PY_HEAD = 'from openai import OpenAI\n\nclient = OpenAI()\n';
/** A call with one finding: OAI101 on `"gpt4o"`, columns 38-45 when the call starts a line. */
const PY_FINDING = 'client.chat.completions.create(model="gpt4o", messages=[])';
const TS_HEAD = 'import OpenAI from "openai";\n\nconst client = new OpenAI();\n';
/** OAI101 on `"gpt4o"`, columns 41-48 when the call starts a line. */
const TS_FINDING = 'client.chat.completions.create({ model: "gpt4o", messages: [] });';

export const BIG_FILE_BYTES = 10_000_000;
export const LINE_COUNT = 50_000;
export const NESTING = 10_000;
export const LITERAL_CHARS = 1_000_000;
export const COMMENT_LINES = 3_000;
/** calls on the one line of the minified bundle, each with a finding */
export const BUNDLE_CALLS = 6_000;
/** the minified bundle's call: OAI101 on `"gpt4o"` (7 columns) */
export const BUNDLE_CALL = 'client.chat.completions.create({model:"gpt4o",messages:[]});';
export const BUNDLE_HEAD = 'import OpenAI from "openai";const client=new OpenAI();';
/** URLs (two `//` each) in the comment after a call on one line */
export const URL_COUNT = 10_000;

/** The generated cases: file name → content. */
export function generatedCases(): Record<string, string> {
  return {
    // 10,000,000 bytes: a finding on line 4, then comment lines of 64 bytes up to the size
    'big-10mb.py': padTo(`${PY_HEAD}${PY_FINDING}\n`, BIG_FILE_BYTES, (i) => `# filler line ${String(i).padStart(8, '0')} ${'.'.repeat(40)}\n`),
    // 50,000 lines: findings on line 4 and on the last line; a clean call every 1,000 lines
    'lines-50k.py': fiftyThousandLines(),
    // 10,000 levels of parentheses in a statement and of brackets inside the call's messages
    'nested-10k.py': [
      PY_HEAD.trimEnd(),
      `deep = ${'('.repeat(NESTING)}1${')'.repeat(NESTING)}`,
      `client.chat.completions.create(model="gpt4o", messages=${'['.repeat(NESTING)}${']'.repeat(NESTING)})`,
      PY_FINDING,
      '',
    ].join('\n'),
    // the same in TypeScript: nested arrays in a statement, nested objects inside the call
    'nested-10k.ts': [
      TS_HEAD.trimEnd(),
      `const deep = ${'['.repeat(NESTING)}1${']'.repeat(NESTING)};`,
      `client.chat.completions.create({ model: "gpt4o", messages: [{ role: "user", content: "x", extra: ${'{ a: '.repeat(NESTING)}1${' }'.repeat(NESTING)} }] });`,
      TS_FINDING,
      '',
    ].join('\n'),
    // 3,000 comment lines after a statement (the Python grammar's scanner is quadratic on
    // such blocks), a suppression after them, and a finding after that
    'comment-block.py': [
      PY_HEAD.trimEnd(),
      PY_FINDING,
      ...Array.from({ length: COMMENT_LINES }, (_, i) => `# commented out ${String(i + 1).padStart(6, '0')}: client.chat.completions.create(model="gpt4o")`),
      '# openai-model-lint: disable-next-line OAI101',
      PY_FINDING,
      PY_FINDING,
      '',
    ].join('\n'),
    // a minified bundle: 6,000 calls with a finding each on one line of ~370 KB (position
    // mapping walked the line once per finding: quadratic)
    'one-line-bundle.js': `${BUNDLE_HEAD}${BUNDLE_CALL.repeat(BUNDLE_CALLS)}\n`,
    // a call, then a comment of 10,000 URLs on the same line (a hover there scanned for a
    // suppression from every `//`: quadratic)
    'comment-urls.ts': `${TS_HEAD}${TS_FINDING} // see ${'https://cdn.example.com//v1/a.js '.repeat(URL_COUNT)}\n`,
    // a 1,000,000-character message in a real call (one run of a letter: the worst case of
    // byte-pair merging, since the tokenizer's pattern makes it one piece), then a finding
    'literal-1mb.py': [
      PY_HEAD.trimEnd(),
      `client.chat.completions.create(model="gpt-4o", max_tokens=16384, messages=[{"role": "user", "content": "${'a'.repeat(LITERAL_CHARS)}"}])`,
      PY_FINDING,
      '',
    ].join('\n'),
  };
}

function padTo(head: string, bytes: number, line: (i: number) => string): string {
  const parts = [head];
  let size = Buffer.byteLength(head);
  for (let i = 1; ; i++) {
    const l = line(i);
    if (size + l.length > bytes) {
      parts.push(`#${'.'.repeat(bytes - size - 2)}\n`);
      break;
    }
    parts.push(l);
    size += l.length;
  }
  return parts.join('');
}

function fiftyThousandLines(): string {
  const lines = PY_HEAD.trimEnd().split('\n'); // lines 1-3
  lines.push(PY_FINDING); // line 4
  while (lines.length < LINE_COUNT - 1) {
    const n = lines.length + 1;
    lines.push(n % 1000 === 0 ? 'client.embeddings.create(model="text-embedding-3-small", input="x")' : `value_${n} = ${n} * 2`);
  }
  lines.push(PY_FINDING); // line 50,000
  return `${lines.join('\n')}\n`;
}

/** Writes the generated cases (when missing or different); returns their absolute paths by name. */
export function ensureGenerated(): Record<string, string> {
  mkdirSync(GENERATED_DIR, { recursive: true });
  const paths: Record<string, string> = {};
  for (const [name, text] of Object.entries(generatedCases())) {
    const path = join(GENERATED_DIR, name);
    paths[name] = path;
    const bytes = Buffer.from(text, 'utf8');
    if (existsSync(path) && readFileSync(path).equals(bytes)) continue;
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  }
  return paths;
}
