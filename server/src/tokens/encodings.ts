/**
 * Tokenizer encodings, loaded lazily and once. The ranks are megabytes of JSON
 * (`assetPath('ranks', '<enc>.json')`, written by the build); loading o200k_base takes
 * over a second, so the editor path only counts with encodings already loaded
 * (`isEncodingLoaded`) and warms the others in the background with `loadEncoding`.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Tiktoken } from 'js-tiktoken/lite';
import { assetPath } from '../assets';
import type { Encoding } from '../catalog/schema';

const loaded = new Map<Encoding, Tiktoken>();
const pending = new Map<Encoding, Promise<void>>();

export function isEncodingLoaded(enc: Encoding): boolean {
  return loaded.has(enc);
}

export function getEncoder(enc: Encoding): Tiktoken | undefined {
  return loaded.get(enc);
}

/** Loads an encoding in the background: file read off-thread, parse on a later tick. Once. */
export function loadEncoding(enc: Encoding): Promise<void> {
  if (loaded.has(enc)) return Promise.resolve();
  let p = pending.get(enc);
  if (!p) {
    p = (async () => {
      const json = await readFile(assetPath('ranks', `${enc}.json`), 'utf8');
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (!loaded.has(enc)) loaded.set(enc, new Tiktoken(JSON.parse(json)));
    })();
    p.catch(() => pending.delete(enc)); // a failed load may be retried
    pending.set(enc, p);
  }
  return p;
}

/** For the CLI, which counts every call of a file before it reports. */
export function loadEncodingSync(enc: Encoding): Tiktoken {
  let t = loaded.get(enc);
  if (!t) {
    t = new Tiktoken(JSON.parse(readFileSync(assetPath('ranks', `${enc}.json`), 'utf8')));
    loaded.set(enc, t);
  }
  return t;
}

/**
 * Counts of long strings are remembered: while the user types elsewhere, a large prompt is
 * counted once, not on every analysis. Bounded; cleared whole when full.
 */
const MEMO_MIN_LENGTH = 64;
const MEMO_MAX_ENTRIES = 2_000;
const memo = new Map<Encoding, Map<string, number>>();

/** Token count with an encoding that is loaded (special-token strings count as text). */
export function countWith(t: Tiktoken, enc: Encoding, text: string): number {
  if (text.length < MEMO_MIN_LENGTH) return t.encode(text, [], []).length;
  let m = memo.get(enc);
  if (!m) memo.set(enc, (m = new Map()));
  let n = m.get(text);
  if (n === undefined) {
    n = t.encode(text, [], []).length;
    if (m.size >= MEMO_MAX_ENTRIES) m.clear();
    m.set(text, n);
  }
  return n;
}

/** Token count of plain text; loads the encoding synchronously when needed (CLI, tests). */
export function countText(text: string, enc: Encoding): number {
  return countWith(loaded.get(enc) ?? loadEncodingSync(enc), enc, text);
}
