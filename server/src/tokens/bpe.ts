/**
 * Token counting with js-tiktoken's rank files, kept small in memory.
 *
 * js-tiktoken's `Tiktoken` keeps two maps per encoding (comma-joined byte strings → rank,
 * rank → Uint8Array) and builds them through a plain object of 200,000 properties: loading
 * o200k_base took ~1.3 s and left the process ~165 MB larger (RSS), most of it garbage from
 * construction that V8 does not hand back. We only ever count tokens, so this class keeps
 * the tokens' bytes in one Uint8Array and an open-addressing hash table over them in typed
 * arrays (~5 MB for o200k_base, outside the JavaScript heap, nearly no garbage while
 * building), filled straight from the rank text.
 *
 * The algorithm is js-tiktoken's `encode(text, [], [])` step for step, so counts are
 * identical (test/unit/tokens-bpe.test.ts compares them with js-tiktoken itself):
 *  - special-token strings are ordinary text (nothing is allowed or disallowed);
 *  - the text is split by the encoding's pattern (`pat_str`, flags `ug`);
 *  - each piece is UTF-8 encoded (lone surrogates become U+FFFD, as TextEncoder does); a
 *    piece that is a token counts 1; otherwise adjacent parts are merged, lowest rank first
 *    and leftmost on ties, while some adjacent pair forms a token; each resulting part that
 *    is a token counts 1 (js-tiktoken drops parts without a rank; single bytes always have one);
 *  - a token listed twice keeps its last rank (js-tiktoken builds its map through an object).
 */

/** The rank file written by the build (`server/out/ranks/<enc>.json`, js-tiktoken's format). */
export interface RankFile {
  pat_str: string;
  bpe_ranks: string;
}

const BASE64 = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) BASE64['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;

/** True when every UTF-16 unit of `s` is ASCII: its UTF-8 bytes are then its characters. */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const NONE = -1;

/**
 * Byte strings → ranks. Keys live back to back in `bytes`; entry i is `bytes[start[i],
 * start[i] + length[i])` with rank `rank[i]`; `slots` (a power of two, at most half full)
 * holds entry indexes + 1, probed linearly from the key's FNV-1a hash. Lookups take a
 * "byte string" (each UTF-16 unit one byte, 0-255) and a range of it, so no substring is made.
 */
class RankTable {
  private bytes: Uint8Array;
  private used = 0;
  private start: Int32Array;
  private length: Uint16Array;
  private rank: Int32Array;
  private entries = 0;
  private slots: Int32Array;
  private mask: number;

  constructor(expectedEntries: number, expectedBytes: number) {
    this.bytes = new Uint8Array(Math.max(16, expectedBytes));
    this.start = new Int32Array(Math.max(16, expectedEntries));
    this.length = new Uint16Array(this.start.length);
    this.rank = new Int32Array(this.start.length);
    let size = 16;
    while (size < expectedEntries * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
  }

  /** Rank of `key[from, to)`, or -1. */
  get(key: string, from: number, to: number): number {
    let h = FNV_OFFSET;
    for (let i = from; i < to; i++) h = Math.imul(h ^ key.charCodeAt(i), FNV_PRIME);
    const n = to - from;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const e = this.slots[slot]! - 1;
      if (e === NONE) return NONE;
      if (this.length[e] !== n) continue;
      const s = this.start[e]!;
      let i = 0;
      while (i < n && this.bytes[s + i] === key.charCodeAt(from + i)) i++;
      if (i === n) return this.rank[e]!;
    }
  }

  /** Adds the token whose bytes are the base64 `text[from, to)` (padding ignored); a key already present takes the new rank. */
  addBase64(text: string, from: number, to: number, rank: number): void {
    if (this.used + to - from > this.bytes.length) this.bytes = grow(this.bytes, this.used + to - from);
    const s = this.used;
    let acc = 0;
    let bits = 0;
    let n = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      const v = c < 128 ? BASE64[c]! : -1;
      if (v < 0) continue; // '=' padding
      acc = ((acc << 6) | v) & 0xffffff;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        this.bytes[s + n++] = (acc >> bits) & 0xff;
      }
    }
    let h = FNV_OFFSET;
    for (let i = 0; i < n; i++) h = Math.imul(h ^ this.bytes[s + i]!, FNV_PRIME);
    let slot = h & this.mask;
    for (; ; slot = (slot + 1) & this.mask) {
      const e = this.slots[slot]! - 1;
      if (e === NONE) break;
      if (this.length[e] !== n) continue;
      const es = this.start[e]!;
      let i = 0;
      while (i < n && this.bytes[es + i] === this.bytes[s + i]) i++;
      if (i === n) {
        this.rank[e] = rank; // listed again: the last rank wins, as in js-tiktoken
        return;
      }
    }
    if (this.entries === this.start.length) {
      this.start = grow(this.start, this.entries + 1);
      this.length = grow(this.length, this.entries + 1);
      this.rank = grow(this.rank, this.entries + 1);
    }
    const e = this.entries++;
    this.start[e] = s;
    this.length[e] = n;
    this.rank[e] = rank;
    this.used += n;
    this.slots[slot] = e + 1;
    if (this.entries * 2 > this.slots.length) this.rehash();
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let e = 0; e < this.entries; e++) {
      const s = this.start[e]!;
      let h = FNV_OFFSET;
      for (let i = 0; i < this.length[e]!; i++) h = Math.imul(h ^ this.bytes[s + i]!, FNV_PRIME);
      let slot = h & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = e + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }

  /** Drops the spare capacity once every token is in. */
  trim(): void {
    this.bytes = this.bytes.slice(0, this.used);
    this.start = this.start.slice(0, this.entries);
    this.length = this.length.slice(0, this.entries);
    this.rank = this.rank.slice(0, this.entries);
  }
}

function grow<T extends Uint8Array | Uint16Array | Int32Array>(a: T, atLeast: number): T {
  const b = new (a.constructor as new (n: number) => T)(Math.max(atLeast, a.length * 2));
  b.set(a);
  return b;
}

export class BpeCounter {
  private readonly ranks: RankTable;
  private readonly pattern: RegExp;

  private constructor(file: RankFile) {
    this.pattern = new RegExp(file.pat_str, 'ug');
    // base64 is 4 characters per 3 bytes, and each token costs at least a separator
    this.ranks = new RankTable(Math.ceil(file.bpe_ranks.length / 9), Math.ceil((file.bpe_ranks.length * 3) / 4));
  }

  /** Builds the counter in one go: for the command line and tests. */
  static fromRanks(file: RankFile): BpeCounter {
    const counter = new BpeCounter(file);
    for (const _ of counter.fill(file.bpe_ranks));
    return counter;
  }

  /**
   * Builds the counter in slices of about `sliceMs`, awaiting `pause()` between them: a
   * server loading an encoding in the background keeps answering requests meanwhile.
   */
  static async fromRanksInSlices(file: RankFile, pause: () => Promise<void>, sliceMs = 4): Promise<BpeCounter> {
    const counter = new BpeCounter(file);
    let sliceStart = performance.now();
    for (const _ of counter.fill(file.bpe_ranks)) {
      if (performance.now() - sliceStart < sliceMs) continue;
      await pause();
      sliceStart = performance.now();
    }
    return counter;
  }

  /** Reads the rank text into the table, yielding after every 1,000 tokens. */
  private *fill(text: string): Generator<void, void, undefined> {
    let added = 0;
    // lines: "<marker> <first rank> <base64 token> <base64 token> …"; rank = first rank + index
    let lineStart = 0;
    while (lineStart < text.length) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd === -1) lineEnd = text.length;
      let field = 0;
      let rank = 0;
      let i = lineStart;
      while (i < lineEnd) {
        let j = text.indexOf(' ', i);
        if (j === -1 || j > lineEnd) j = lineEnd;
        if (j > i) {
          if (field === 1) rank = Number.parseInt(text.slice(i, j), 10);
          else if (field >= 2) {
            this.ranks.addBase64(text, i, j, rank + field - 2);
            if (++added % 1000 === 0) yield;
          }
          field++;
        }
        i = j + 1;
      }
      lineStart = lineEnd + 1;
    }
    this.ranks.trim();
  }

  /** Number of tokens of `text`. */
  count(text: string): number {
    let n = 0;
    this.pattern.lastIndex = 0;
    for (const m of text.matchAll(this.pattern)) {
      const piece = m[0];
      // the piece's UTF-8 bytes, one per character
      const bytes = isAscii(piece) ? piece : Buffer.from(piece, 'utf8').toString('latin1');
      n += this.ranks.get(bytes, 0, bytes.length) !== NONE ? 1 : this.mergedParts(bytes);
    }
    return n;
  }

  /** Tokens of a piece that is not itself a token (js-tiktoken's bytePairMerge, ranks of adjacent pairs cached). */
  private mergedParts(piece: string): number {
    const len = piece.length;
    if (len === 1) return 1;
    const rankOf = (from: number, to: number): number => {
      const r = this.ranks.get(piece, from, to);
      return r === NONE ? Infinity : r;
    };
    if (len > LONG_PIECE) return this.mergedPartsByHeap(piece, rankOf);
    // parts are [starts[k], starts[k + 1]); pair[k] = rank of parts k and k+1 joined
    const starts: number[] = [];
    for (let i = 0; i <= len; i++) starts.push(i);
    const pair: number[] = [];
    for (let k = 0; k < len - 1; k++) pair.push(rankOf(k, k + 2));
    while (pair.length > 0) {
      let best = 0;
      for (let k = 1; k < pair.length; k++) if (pair[k]! < pair[best]!) best = k;
      if (pair[best] === Infinity) break;
      // merge parts best and best+1
      starts.splice(best + 1, 1);
      pair.splice(best, 1);
      const parts = starts.length - 1;
      if (best > 0) pair[best - 1] = rankOf(starts[best - 1]!, starts[best + 1]!);
      if (best < parts - 1) pair[best] = rankOf(starts[best]!, starts[best + 2]!);
    }
    let n = 0;
    for (let k = 0; k + 1 < starts.length; k++) if (this.ranks.get(piece, starts[k]!, starts[k + 1]!) !== NONE) n++;
    return n;
  }

  /**
   * The same merges as `mergedParts` for long pieces, in O(n log n): the scan for the lowest
   * pair and the splices make each merge O(n), so one piece of a million bytes (a pasted run
   * of one letter, spaces or `=` is one piece of the pattern) took minutes. Parts form a
   * linked list; pair ranks sit in a binary heap keyed by (rank, start of the left part), so
   * the lowest rank and then the leftmost pair comes first, as in the scan. An entry is stale
   * when the pair at its start no longer has its rank (merged away or changed); ranks name
   * one byte string each, so an equal rank at the same start is the same pair.
   */
  private mergedPartsByHeap(piece: string, rankOf: (from: number, to: number) => number): number {
    const len = piece.length;
    const next = new Int32Array(len + 1); // next[i]: end of the part starting at i
    const prev = new Int32Array(len + 1);
    const pairRank = new Float64Array(len).fill(Infinity); // rank of part i joined with the next part
    for (let i = 0; i <= len; i++) {
      next[i] = i + 1;
      prev[i] = i - 1;
    }
    const heap: number[] = [];
    const KEY = 2 ** 32; // ranks < 2^21, so rank * KEY + start < 2^53
    const push = (key: number): void => {
      let k = heap.push(key) - 1;
      while (k > 0) {
        const up = (k - 1) >> 1;
        if (heap[up]! <= key) break;
        heap[k] = heap[up]!;
        k = up;
      }
      heap[k] = key;
    };
    const pop = (): number => {
      const top = heap[0]!;
      const last = heap.pop()!;
      if (heap.length) {
        let k = 0;
        for (;;) {
          let child = 2 * k + 1;
          if (child >= heap.length) break;
          if (child + 1 < heap.length && heap[child + 1]! < heap[child]!) child++;
          if (heap[child]! >= last) break;
          heap[k] = heap[child]!;
          k = child;
        }
        heap[k] = last;
      }
      return top;
    };
    const update = (i: number): void => {
      const j = next[i]!;
      pairRank[i] = j < len ? rankOf(i, next[j]!) : Infinity;
      if (pairRank[i] !== Infinity) push(pairRank[i]! * KEY + i);
    };
    for (let i = 0; i < len - 1; i++) update(i);
    while (heap.length) {
      const key = pop();
      const i = key % KEY;
      if (pairRank[i] !== (key - i) / KEY) continue;
      // merge part i with the next one
      const j = next[i]!;
      const k = next[j]!;
      next[i] = k;
      if (k <= len) prev[k] = i;
      pairRank[j] = Infinity;
      update(i);
      if (i > 0) update(prev[i]!);
    }
    let n = 0;
    for (let i = 0; i < len; i = next[i]!) if (this.ranks.get(piece, i, next[i]!) !== NONE) n++;
    return n;
  }
}

/** Pieces longer than this many bytes are merged with a heap (see mergedPartsByHeap). */
const LONG_PIECE = 256;
