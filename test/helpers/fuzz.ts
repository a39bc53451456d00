/**
 * Building blocks for differential fuzzing of the language server: a seeded PRNG, a corpus of
 * real snippets (the examples and the rule docs' code blocks), and a generator of random edits
 * as an editor sends them (typing, deleting, pasting, unbalanced brackets and quotes, line
 * endings, non-ASCII). Everything depends only on the seed, so a failure replays exactly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..', '..');

/** mulberry32: a tiny, fast 32-bit PRNG with a good enough spread for picking edits. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(readonly seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** integer in [0, n) */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** integer in [lo, hi] */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  /** picks a key of `weights` with probability proportional to its weight */
  weighted<K extends string>(weights: Record<K, number>): K {
    const entries = Object.entries(weights) as [K, number][];
    let r = this.float() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [k, w] of entries) {
      r -= w;
      if (r < 0) return k;
    }
    return entries[entries.length - 1]![0];
  }
}

/** A seed from a string (env var): decimal, 0x-hex, or any text hashed (FNV-1a). */
export function parseSeed(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const s = raw.trim();
  if (/^\d+$/.test(s)) return Number(s) >>> 0;
  if (/^0x[0-9a-f]+$/i.test(s)) return Number.parseInt(s.slice(2), 16) >>> 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export type FuzzLanguage = 'python' | 'typescript';

export interface Corpus {
  /** whole source files to start from (and reset to) */
  documents: Record<FuzzLanguage, { name: string; text: string }[]>;
  /** lines of real code to paste */
  lines: Record<FuzzLanguage, string[]>;
}

/** The examples and the fenced code blocks of docs/rules/*.md, by language. */
export function loadCorpus(root = REPO_ROOT): Corpus {
  const documents: Corpus['documents'] = { python: [], typescript: [] };
  const add = (lang: FuzzLanguage, name: string, text: string): void => {
    documents[lang].push({ name, text });
  };
  for (const f of ['app.py', 'azure_support.py']) add('python', `examples/python/${f}`, readFileSync(join(root, 'examples/python', f), 'utf8'));
  for (const f of ['chat.ts', 'azure.ts', 'search.ts', 'voice.ts']) add('typescript', `examples/ts/src/${f}`, readFileSync(join(root, 'examples/ts/src', f), 'utf8'));
  for (const [lang, name, text] of longLineDocuments()) add(lang, name, text);
  const lines: Corpus['lines'] = { python: [], typescript: [] };
  for (const lang of ['python', 'typescript'] as const) for (const d of documents[lang]) lines[lang].push(...d.text.split('\n'));
  const docs = join(root, 'docs/rules');
  for (const f of readdirSync(docs).filter((n) => n.endsWith('.md')).sort()) {
    const md = readFileSync(join(docs, f), 'utf8');
    for (const m of md.matchAll(/```(\w+)\n([\s\S]*?)```/g)) {
      const lang: FuzzLanguage | null = m[1] === 'python' ? 'python' : ['ts', 'typescript', 'js', 'javascript'].includes(m[1]!) ? 'typescript' : null;
      if (lang) lines[lang].push(...m[2]!.split('\n'));
    }
  }
  for (const lang of ['python', 'typescript'] as const) lines[lang] = lines[lang].filter((l) => l.trim() !== '');
  return { documents, lines };
}

/**
 * Documents with long lines (issue 14): a minified line of 100 calls with a finding each,
 * and a call followed by a comment of URLs (hundreds of `//` or `#`), so edits, diagnostics
 * and hovers also run on lines where per-finding or per-marker work along the line shows.
 */
export function longLineDocuments(): [FuzzLanguage, string, string][] {
  const urls = (n: number): string => 'see https://cdn.example.com//v1/a.js#x '.repeat(n);
  return [
    ['typescript', 'generated/minified.ts', `import OpenAI from "openai";const client=new OpenAI();${'client.chat.completions.create({model:"gpt4o",messages:[],temperature:1});'.repeat(100)} // ${urls(200)}\n`],
    ['python', 'generated/one-line-calls.py', `from openai import OpenAI\nclient = OpenAI()\n${'client.chat.completions.create(model="o1", temperature=0.5, messages=[]); '.repeat(100)}  # ${urls(200)}\n`],
  ];
}

/** One change of a didChange notification, as offsets into the text it applies to. */
export interface FuzzEdit {
  kind: string;
  start: number;
  end: number;
  text: string;
}

const TYPING = 'abcdefghijklmnopqrstuvwxyz_ABCXYZ0123456789    ..,,::==()[]{}"\'`#/*\\-+\n';
const HOSTILE = [
  '"', "'", '"""', "'''", '`', '${', '}', '(', ')', '[', ']', '{', '/*', '*/', '#', '//', '\\', '\\\n', 'f"', 'r"', 'b\'', '<', '>', '=>', ':', ',',
  'lambda', 'def ', 'async ', 'await ', 'class ', 'const ', 'import ', 'from ', '@', '...', 'None', 'null', 'undefined',
  '\r\n', '\r', '\n', '\n\n\n', '\t', '    ', '\r\n\r\n', ' \\\r\n',
  // control characters and lone surrogates: legal in an LSP string, never in well-formed code
  '\0', '\u001b[31m', '\ufeff', '\ud83d', '\udca9',
];
const NON_ASCII = ['📦', '👩‍💻', '🇪🇸', '中文字符', '日本語', '한국어', 'é', 'e\u0301', '𝔘𝔫𝔦', 'ß', 'Ω', '\u200b', '\u00a0', '¿Dónde?', '«»', 'ﬁ', '\u2028'];
const MODEL_IDS = [
  'gpt-4o', 'gpt-4o-mini', 'o1', 'o1-mini', 'o1-preview', 'o3-mini', 'gpt-4', 'gpt-4-32k', 'gpt-4-turbo', 'gpt-3.5-turbo', 'gpt-35-turbo',
  'text-davinci-003', 'davinci', 'dall-e-2', 'dall-e-3', 'whisper-1', 'tts-1', 'text-embedding-3-small', 'gpt4o', 'gpt-5', 'chat-prod', '',
];
/** parameters and keys that rules look at, to paste next to calls */
const ARGUMENTS = [
  'temperature=0.5, ', 'max_tokens=100000, ', 'max_completion_tokens=10, ', 'top_p=0.1, ', 'presence_penalty=1, ', 'stream=True, ',
  'temperature: 0.2, ', 'max_tokens: 99999, ', 'reasoning_effort: "high", ', 'response_format: { type: "json_object" }, ',
  'api_key="sk-proj-FAKEKEYFAKEKEYFAKEKEYFAKEKEY0000", ', 'apiKey: "sk-FAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKE1234", ',
  '  # noqa: OAI201', '  # openai-model-lint: disable-line OAI102', ' // openai-model-lint: disable-line OAI201',
  '// openai-model-lint: disable-next-line\n', '# openai-model-lint: disable-file\n',
  '{"role": "system", "content": "Be brief."}, ', '{ role: "developer", content: "Be brief." }, ',
];

export interface GeneratorState {
  /** offset of the previous edit, for typing-like locality */
  cursor: number;
}

/** Moves an offset off the middle of a surrogate pair and of a CRLF (editors never address those). */
export function snap(text: string, offset: number): number {
  let o = Math.max(0, Math.min(offset, text.length));
  if (o > 0 && o < text.length) {
    const prev = text.charCodeAt(o - 1);
    const cur = text.charCodeAt(o);
    if (prev >= 0xd800 && prev <= 0xdbff && cur >= 0xdc00 && cur <= 0xdfff) o--;
    else if (prev === 13 && cur === 10) o--;
  }
  return o;
}

function randomOffset(rng: Rng, text: string, g: GeneratorState): number {
  if (text.length === 0) return 0;
  const r = rng.float();
  if (r < 0.4) return snap(text, g.cursor + rng.between(-30, 30));
  if (r < 0.7) {
    // next to something the parser and the rules care about
    const anchors = ['"', "'", '(', ')', '[', '{', '}', ',', 'model', 'messages', 'create', '\n', 'openai', 'OpenAI', ':', '='];
    const needle = rng.pick(anchors);
    const from = rng.int(text.length);
    const i = text.indexOf(needle, from);
    const at = i >= 0 ? i : text.lastIndexOf(needle, from);
    if (at >= 0) return snap(text, at + (rng.chance(0.5) ? 0 : needle.length));
  }
  return snap(text, rng.int(text.length + 1));
}

function snippetOf(rng: Rng, corpus: Corpus, lang: FuzzLanguage): string {
  const pool = corpus.lines[rng.chance(0.85) ? lang : lang === 'python' ? 'typescript' : 'python'];
  const first = rng.int(pool.length);
  const count = rng.chance(0.6) ? 1 : rng.between(2, 6);
  const block = pool.slice(first, first + count).join('\n');
  if (rng.chance(0.3)) {
    // part of a line, as when a selection is copied
    const a = rng.int(block.length + 1);
    return block.slice(a, a + rng.between(1, 40));
  }
  return block + (rng.chance(0.7) ? '\n' : '');
}

/** A random string literal's contents (between double quotes on one line), or null. */
function stringContents(rng: Rng, text: string): { start: number; end: number } | null {
  const spans: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/"([^"\n\r]{0,40})"/g)) spans.push({ start: m.index! + 1, end: m.index! + 1 + m[1]!.length });
  return spans.length ? rng.pick(spans) : null;
}

function lineBounds(text: string, offset: number): { start: number; end: number; eolEnd: number } {
  const start = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  let end = start;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  let eolEnd = end;
  if (text[eolEnd] === '\r') eolEnd++;
  if (text[eolEnd] === '\n' && eolEnd === end + (text[end] === '\r' ? 1 : 0)) eolEnd++;
  return { start, end, eolEnd };
}

/** One random edit of `text`. */
export function randomEdit(rng: Rng, text: string, lang: FuzzLanguage, corpus: Corpus, g: GeneratorState): FuzzEdit {
  const kind = rng.weighted({ type: 24, delete: 18, paste: 15, replace: 9, hostile: 11, unicode: 7, model: 7, argument: 4, line: 5 });
  const at = randomOffset(rng, text, g);
  let e: FuzzEdit;
  switch (kind) {
    case 'type': {
      let s = '';
      for (let n = rng.between(1, 6); n > 0; n--) s += TYPING[rng.int(TYPING.length)];
      e = { kind, start: at, end: at, text: s };
      break;
    }
    case 'delete': {
      const len = rng.chance(0.8) ? rng.between(1, 8) : rng.between(9, 240);
      e = { kind, start: at, end: snap(text, at + len), text: '' };
      break;
    }
    case 'paste':
      e = { kind, start: at, end: at, text: snippetOf(rng, corpus, lang) };
      break;
    case 'replace':
      e = { kind, start: at, end: snap(text, at + rng.between(1, 60)), text: snippetOf(rng, corpus, lang) };
      break;
    case 'hostile':
      e = { kind, start: at, end: at, text: rng.pick(HOSTILE) };
      break;
    case 'unicode':
      e = { kind, start: at, end: rng.chance(0.2) ? snap(text, at + 1) : at, text: rng.pick(NON_ASCII) };
      break;
    case 'model': {
      const s = stringContents(rng, text);
      e = s ? { kind, start: s.start, end: s.end, text: rng.pick(MODEL_IDS) } : { kind, start: at, end: at, text: `"${rng.pick(MODEL_IDS)}"` };
      break;
    }
    case 'argument':
      e = { kind, start: at, end: at, text: rng.pick(ARGUMENTS) };
      break;
    default: {
      // whole-line operations: delete, duplicate, change the line ending, join with the next
      const l = lineBounds(text, at);
      const op = rng.int(4);
      if (op === 0) e = { kind: 'line-delete', start: l.start, end: l.eolEnd, text: '' };
      else if (op === 1) e = { kind: 'line-duplicate', start: l.start, end: l.start, text: text.slice(l.start, l.eolEnd) || '\n' };
      else if (op === 2) e = { kind: 'line-ending', start: l.end, end: l.eolEnd, text: rng.pick(['\n', '\r\n', '\r', '']) };
      else e = { kind: 'line-join', start: l.end, end: l.eolEnd, text: ' ' };
      break;
    }
  }
  g.cursor = e.start + e.text.length;
  return e;
}

/** Whether every edit's ends can be written as LSP positions (none inside a CRLF or a surrogate pair). */
export function addressable(text: string, edits: FuzzEdit[]): boolean {
  let t = text;
  for (const e of edits) {
    if (snap(t, e.start) !== e.start || snap(t, e.end) !== e.end) return false;
    t = applyFuzzEdits(t, [e]);
  }
  return true;
}

/** Applies edits in order (each against the result of the previous), as LSP does. */
export function applyFuzzEdits(text: string, edits: FuzzEdit[]): string {
  let t = text;
  for (const e of edits) t = t.slice(0, e.start) + e.text + t.slice(e.end);
  return t;
}

/** Converts a document to CRLF, or to a mix of LF, CRLF and CR. */
export function withLineEndings(rng: Rng, text: string, style: 'lf' | 'crlf' | 'mixed'): string {
  if (style === 'lf') return text;
  if (style === 'crlf') return text.replace(/\r?\n/g, '\r\n');
  return text.replace(/\r?\n/g, () => rng.pick(['\n', '\r\n', '\n', '\r\n', '\r']));
}

/** A short, readable form of an edit for failure messages. */
export function describeEdit(e: FuzzEdit): string {
  return `${e.kind} [${e.start},${e.end}) ${JSON.stringify(e.text.length > 80 ? e.text.slice(0, 80) + '…' : e.text)}`;
}

/**
 * The edits of one fuzz run: a starting document, then for each step one or a few changes
 * (sent in one didChange), an undo of the previous step now and then (so the document swings
 * between broken and well-formed, as when a user types and undoes), and now and then the
 * whole document replaced by another. Depends only on the seed and the texts it is given, so
 * any consumer replays the same run.
 */
export class EditScript {
  readonly rng: Rng;
  readonly initialText: string;
  private readonly g: GeneratorState = { cursor: 0 };
  private nextReset: number;
  /** the inverse of each recent step, newest last; valid while steps are undone newest first */
  private readonly undo: FuzzEdit[][] = [];

  constructor(
    seed: number,
    readonly lang: FuzzLanguage,
    private readonly corpus: Corpus,
    /** the name of the corpus document to start from (else one picked by the seed) */
    startFrom?: string,
  ) {
    this.rng = new Rng(seed);
    const picked = this.rng.pick(corpus.documents[lang]);
    const start = corpus.documents[lang].find((d) => d.name === startFrom) ?? picked;
    this.initialText = withLineEndings(this.rng, start.text, this.rng.pick(['lf', 'lf', 'crlf', 'mixed'] as const));
    this.nextReset = this.rng.between(60, 200);
  }

  /** The changes of step `step` applied to `text` (offsets against the text each one meets). */
  next(text: string, step: number): FuzzEdit[] {
    const rng = this.rng;
    if (step === this.nextReset || text.length > 4 * this.initialText.length) {
      // the whole document replaced by one ranged change (select all + paste)
      const doc = rng.pick(this.corpus.documents[this.lang]);
      this.nextReset = step + rng.between(60, 200);
      this.undo.length = 0;
      return [{ kind: `reset to ${doc.name}`, start: 0, end: text.length, text: withLineEndings(rng, doc.text, rng.pick(['lf', 'crlf', 'mixed'] as const)) }];
    }
    if (this.undo.length && rng.chance(0.15)) {
      const inverse = this.undo.pop()!;
      if (addressable(text, inverse)) return inverse;
      // an edit that joined a CR and an LF cannot be undone through LSP positions (nor can
      // anything before it)
      this.undo.length = 0;
    }
    const edits: FuzzEdit[] = [];
    const inverse: FuzzEdit[] = [];
    let t = text;
    for (let n = rng.chance(0.25) ? rng.between(2, 4) : 1; n > 0; n--) {
      const e = randomEdit(rng, t, this.lang, this.corpus, this.g);
      edits.push(e);
      inverse.unshift({ kind: `undo ${e.kind}`, start: e.start, end: e.start + e.text.length, text: t.slice(e.start, e.end) });
      t = applyFuzzEdits(t, [e]);
    }
    this.undo.push(inverse);
    if (this.undo.length > 20) this.undo.shift();
    return edits;
  }
}
