/**
 * Position conversion for reports: the engine's spans are UTF-16 code-unit offsets; people
 * (and the CLI's JSON/SARIF) count lines and columns from 1, columns in characters
 * (Unicode code points), so an emoji or a CJK character before a finding counts as one.
 *
 * Line breaks are `\n`, `\r\n` and a lone `\r` (the same three LSP recognises).
 */

export interface LineColumn {
  /** 1-based line */
  line: number;
  /** 1-based column in code points */
  column: number;
}

/**
 * Offsets where each line starts and where each surrogate pair starts; built once per text
 * (one pass), then every lookup is two binary searches. A column is the distance from the
 * line start less the pairs in between, so a thousand findings on one 2 MB line cost a
 * thousand searches, not a thousand walks along the line.
 */
export class LineIndex {
  readonly starts: number[];
  /** offsets of the high surrogates that start a pair, ascending */
  private readonly pairs: number[];

  constructor(readonly text: string) {
    const starts = [0];
    const pairs: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c >= 0xd800 && c <= 0xdbff) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) pairs.push(i++);
      }
    }
    this.starts = starts;
    this.pairs = pairs;
  }

  /** 0-based index of the line holding `offset` (clamped to the text). */
  lineOf(offset: number): number {
    return lastAtOrBefore(this.starts, clamp(offset, this.text.length));
  }

  /** UTF-16 offset → 1-based line and code-point column. */
  position(offset: number): LineColumn {
    const o = clamp(offset, this.text.length);
    const line = this.lineOf(o);
    const start = this.starts[line]!;
    // a pair counts once when both its units are before `o`: pairs starting in [start, o - 2]
    const whole = this.pairs.length ? countBelow(this.pairs, o - 1) - countBelow(this.pairs, start) : 0;
    return { line: line + 1, column: o - start - whole + 1 };
  }
}

/** Index of the last element <= value (0 when none is; `sorted[0]` is the smallest). */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** How many elements of `sorted` are < value. */
function countBelow(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One-shot conversion (build a LineIndex when converting many offsets of one text). */
export function offsetToPosition(text: string, offset: number): LineColumn {
  return new LineIndex(text).position(offset);
}

function clamp(offset: number, length: number): number {
  return offset < 0 ? 0 : offset > length ? length : offset;
}
