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

/** Offsets where each line starts; built once per text, then every lookup is a binary search. */
export class LineIndex {
  readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  /** 0-based index of the line holding `offset` (clamped to the text). */
  lineOf(offset: number): number {
    const o = clamp(offset, this.text.length);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** UTF-16 offset → 1-based line and code-point column. */
  position(offset: number): LineColumn {
    const o = clamp(offset, this.text.length);
    const line = this.lineOf(o);
    return { line: line + 1, column: codePointsBetween(this.text, this.starts[line]!, o) + 1 };
  }
}

/** Number of code points in text[from, to); a surrogate pair counts once. */
export function codePointsBetween(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // a high surrogate followed by a low one is one character
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** One-shot conversion (build a LineIndex when converting many offsets of one text). */
export function offsetToPosition(text: string, offset: number): LineColumn {
  return new LineIndex(text).position(offset);
}

function clamp(offset: number, length: number): number {
  return offset < 0 ? 0 : offset > length ? length : offset;
}
