/**
 * Tokenizer encodings, loaded lazily and once. The ranks are megabytes of JSON
 * (`assetPath('ranks', '<enc>.json')`, js-tiktoken's rank files written by the build), read
 * into a `BpeCounter` (./bpe: js-tiktoken's algorithm over a compact table; ~110 ms and
 * ~20 MB of RSS for o200k_base, against ~1.3 s and ~165 MB for js-tiktoken's own). The editor path only counts with encodings already loaded
 * (`isEncodingLoaded`) and warms the others in the background with `loadEncoding`.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { assetPath } from '../assets';
import type { Encoding } from '../catalog/schema';
import { BpeCounter } from './bpe';
import type { RankFile } from './bpe';

const loaded = new Map<Encoding, BpeCounter>();
const pending = new Map<Encoding, Promise<void>>();
let loads = 0;

export function isEncodingLoaded(enc: Encoding): boolean {
  return loaded.has(enc);
}

/** How many encodings have been built since start-up (tests check that a path loads none). */
export function encodingLoadCount(): number {
  return loads;
}

export function getEncoder(enc: Encoding): BpeCounter | undefined {
  return loaded.get(enc);
}

function keep(enc: Encoding, counter: BpeCounter): BpeCounter {
  const t = loaded.get(enc);
  if (t) return t; // a synchronous load finished first
  loaded.set(enc, counter);
  loads++;
  return counter;
}

/**
 * Loads an encoding in the background, once: the file is read off-thread and the counter
 * built in slices of a few milliseconds, so requests are answered while it loads.
 */
export function loadEncoding(enc: Encoding): Promise<void> {
  if (loaded.has(enc)) return Promise.resolve();
  let p = pending.get(enc);
  if (!p) {
    p = (async () => {
      const json = await readFile(assetPath('ranks', `${enc}.json`), 'utf8');
      await nextTurn();
      const file = JSON.parse(json) as RankFile;
      await nextTurn();
      keep(enc, await BpeCounter.fromRanksInSlices(file, nextTurn));
    })();
    p.catch(() => pending.delete(enc)); // a failed load may be retried
    pending.set(enc, p);
  }
  return p;
}

function nextTurn(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}

/** For the CLI, which counts every call of a file before it reports. */
export function loadEncodingSync(enc: Encoding): BpeCounter {
  return loaded.get(enc) ?? keep(enc, BpeCounter.fromRanks(JSON.parse(readFileSync(assetPath('ranks', `${enc}.json`), 'utf8')) as RankFile));
}

/**
 * Counts of long strings are remembered: while the user types elsewhere, a large prompt is
 * counted once, not on every analysis. Bounded; cleared whole when full.
 */
const MEMO_MIN_LENGTH = 64;
const MEMO_MAX_ENTRIES = 2_000;
const memo = new Map<Encoding, Map<string, number>>();

/** Token count with an encoding that is loaded (special-token strings count as text). */
export function countWith(t: BpeCounter, enc: Encoding, text: string): number {
  if (text.length < MEMO_MIN_LENGTH) return t.count(text);
  let m = memo.get(enc);
  if (!m) memo.set(enc, (m = new Map()));
  let n = m.get(text);
  if (n === undefined) {
    n = t.count(text);
    if (m.size >= MEMO_MAX_ENTRIES) m.clear();
    m.set(text, n);
  }
  return n;
}

/** Token count of plain text; loads the encoding synchronously when needed (CLI, tests). */
export function countText(text: string, enc: Encoding): number {
  return countWith(loaded.get(enc) ?? loadEncodingSync(enc), enc, text);
}

/**
 * An upper bound of the token count of `text` in any of the catalog's encodings, without
 * loading one: its UTF-8 byte length. They are all byte-level BPE: every token stands for
 * at least one byte and the tokens of a text spell exactly its UTF-8 bytes (lone surrogates
 * as U+FFFD, 3 bytes, as here), so a text of n bytes is at most n tokens.
 */
export function tokenUpperBound(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
