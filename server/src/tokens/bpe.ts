/**
 * Token counting with js-tiktoken's rank files, kept small in memory.
 *
 * js-tiktoken's `Tiktoken` keeps two maps per encoding (comma-joined byte strings → rank,
 * rank → Uint8Array) and builds them through a plain object of 200,000 properties: loading
 * o200k_base took ~1.3 s and left the process ~165 MB larger (RSS), most of it garbage from
 * construction that V8 does not hand back. We only ever count tokens, so this class keeps one
 * map, keyed by the token's bytes as a Latin-1 string (one character per byte, stored one
 * byte per character by V8), and builds it straight from the rank text: ~15 MB and a tenth
 * of the load time for o200k_base.
 *
 * The algorithm is js-tiktoken's `encode(text, [], [])` step for step, so counts are
 * identical (test/unit/tokens.test.ts compares them with js-tiktoken itself):
 *  - special-token strings are ordinary text (nothing is allowed or disallowed);
 *  - the text is split by the encoding's pattern (`pat_str`, flags `ug`);
 *  - each piece is UTF-8 encoded (lone surrogates become U+FFFD, as TextEncoder does); a
 *    piece that is a token counts 1; otherwise adjacent parts are merged, lowest rank first
 *    and leftmost on ties, while some adjacent pair forms a token; each resulting part that
 *    is a token counts 1 (js-tiktoken drops parts without a rank; single bytes always have one).
 */

/** The rank file written by the build (`server/out/ranks/<enc>.json`, js-tiktoken's format). */
export interface RankFile {
  pat_str: string;
  bpe_ranks: string;
}

const BASE64 = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) BASE64['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;

/** Base64 (standard alphabet, `=` padding) of `s` from `start` to `end` → Latin-1 string of the bytes. */
function base64Latin1(s: string, start: number, end: number, codes: number[]): string {
  codes.length = 0;
  let acc = 0;
  let bits = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? BASE64[c]! : -1;
    if (v < 0) continue; // '=' padding
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      codes.push((acc >> bits) & 0xff);
    }
  }
  return String.fromCharCode(...codes);
}

/** True when every UTF-16 unit of `s` is ASCII: its UTF-8 bytes are then its characters. */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

export class BpeCounter {
  private readonly ranks = new Map<string, number>();
  private readonly pattern: RegExp;

  private constructor(patStr: string) {
    this.pattern = new RegExp(patStr, 'ug');
  }

  /** Builds the counter in one go (~130-170 ms for o200k_base): for the command line and tests. */
  static fromRanks(file: RankFile): BpeCounter {
    const counter = new BpeCounter(file.pat_str);
    for (const _ of counter.fill(file.bpe_ranks));
    return counter;
  }

  /**
   * Builds the counter in slices of about `sliceMs`, awaiting `pause()` between them: a
   * server loading an encoding in the background keeps answering requests meanwhile.
   */
  static async fromRanksInSlices(file: RankFile, pause: () => Promise<void>, sliceMs = 4): Promise<BpeCounter> {
    const counter = new BpeCounter(file.pat_str);
    let sliceStart = performance.now();
    for (const _ of counter.fill(file.bpe_ranks)) {
      if (performance.now() - sliceStart < sliceMs) continue;
      await pause();
      sliceStart = performance.now();
    }
    return counter;
  }

  /** Reads the rank text into the map, yielding after every 1,000 tokens. */
  private *fill(text: string): Generator<void, void, undefined> {
    const codes: number[] = [];
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
            this.ranks.set(base64Latin1(text, i, j, codes), rank + field - 2);
            if (++added % 1000 === 0) yield;
          }
          field++;
        }
        i = j + 1;
      }
      lineStart = lineEnd + 1;
    }
  }

  /** Number of tokens of `text`. */
  count(text: string): number {
    let n = 0;
    this.pattern.lastIndex = 0;
    for (const m of text.matchAll(this.pattern)) {
      const piece = m[0];
      const bytes = isAscii(piece) ? piece : Buffer.from(piece, 'utf8').toString('latin1');
      n += this.ranks.has(bytes) ? 1 : this.mergedParts(bytes);
    }
    return n;
  }

  /** Tokens of a piece that is not itself a token (js-tiktoken's bytePairMerge, ranks of adjacent pairs cached). */
  private mergedParts(piece: string): number {
    const len = piece.length;
    if (len === 1) return 1;
    // parts are [starts[k], starts[k + 1]); pair[k] = rank of parts k and k+1 joined
    const starts: number[] = [];
    for (let i = 0; i <= len; i++) starts.push(i);
    const pair: number[] = [];
    for (let k = 0; k < len - 1; k++) pair.push(this.ranks.get(piece.slice(k, k + 2)) ?? Infinity);
    while (pair.length > 0) {
      let best = 0;
      for (let k = 1; k < pair.length; k++) if (pair[k]! < pair[best]!) best = k;
      if (pair[best] === Infinity) break;
      // merge parts best and best+1
      starts.splice(best + 1, 1);
      pair.splice(best, 1);
      const parts = starts.length - 1;
      if (best > 0) pair[best - 1] = this.ranks.get(piece.slice(starts[best - 1]!, starts[best + 1]!)) ?? Infinity;
      if (best < parts - 1) pair[best] = this.ranks.get(piece.slice(starts[best]!, starts[best + 2]!)) ?? Infinity;
    }
    let n = 0;
    for (let k = 0; k + 1 < starts.length; k++) if (this.ranks.has(piece.slice(starts[k]!, starts[k + 1]!))) n++;
    return n;
  }
}
