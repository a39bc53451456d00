/**
 * A notebook's code cells as one Python module, in cell order (SPEC §1): an `import openai`, a
 * client, an Azure setting or a constant of an earlier cell is known in later cells, and every
 * finding is reported in the cell and line where it is. The CLI (cli/checkFiles.ts) and the
 * language server (features/notebooks.ts) lay cells out here and analyse the module with
 * engineNotebook.ts; positions map back to cells through the layout.
 *
 * Layout: each cell's text, then a line break when it does not end with one, then one empty
 * line. The empty line keeps a cell's last line from running into the next cell's first (a
 * `disable-next-line` on a cell's last line suppresses nothing in the next cell) and every
 * offset inside a cell is the cell's offset plus where the cell starts.
 */
import type { Span } from './analysis/apiCall';
import type { PlaceLabel } from './rules/shared';

export interface CellLayout {
  /** the module text */
  text: string;
  /** each cell's extent in `text` (its own text, the separator after it excluded) */
  cells: Span[];
}

export function layoutCells(sources: readonly string[]): CellLayout {
  const cells: Span[] = [];
  let text = '';
  for (const source of sources) {
    cells.push({ start: text.length, end: text.length + source.length });
    text += source + (/[\r\n]$/.test(source) ? '\n' : '\n\n');
  }
  return { text, cells };
}

/** The cell whose extent holds `offset` (its end included), or -1 (a separator, or outside). */
export function cellAt(layout: CellLayout, offset: number): number {
  let lo = 0;
  let hi = layout.cells.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = layout.cells[mid]!;
    if (offset < c.start) hi = mid - 1;
    else if (offset > c.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The cell that holds the whole span, or -1. */
export function cellOfSpan(layout: CellLayout, span: Span): number {
  const i = cellAt(layout, span.start);
  return i >= 0 && span.end <= layout.cells[i]!.end ? i : -1;
}

/**
 * How messages name a place in the module: "cell N, line M", N from `labels` (the CLI's 0-based
 * index into the notebook's `cells`, markdown cells counted), M 1-based within the cell.
 */
export function cellPlaceLabel(layout: CellLayout, labels: readonly (string | number)[]): PlaceLabel {
  return (offset) => {
    const i = cellAt(layout, offset);
    if (i < 0) return 'a separator between cells';
    const start = layout.cells[i]!.start;
    let line = 1;
    for (let k = layout.text.indexOf('\n', start); k >= 0 && k < offset; k = layout.text.indexOf('\n', k + 1)) line++;
    return `cell ${labels[i] ?? i}, line ${line}`;
  };
}

/**
 * The one range where `text` differs from `old` (their common start and end kept), never
 * splitting a surrogate pair or a CRLF: [start, oldEnd) of `old` became [start, newEnd) of `text`.
 */
export function changedRange(old: string, text: string): { start: number; oldEnd: number; newEnd: number } {
  let start = 0;
  const max = Math.min(old.length, text.length);
  while (start < max && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && old.charCodeAt(old.length - 1 - end) === text.charCodeAt(text.length - 1 - end)) end++;
  while (start > 0 && isTrailing(old.charCodeAt(start))) start--;
  while (end > 0 && isTrailing(old.charCodeAt(old.length - end))) end--;
  return { start, oldEnd: old.length - end, newEnd: text.length - end };
}

/** A low surrogate, or the `\n` of a CRLF: not the first unit of a character. */
function isTrailing(c: number): boolean {
  return (c >= 0xdc00 && c <= 0xdfff) || c === 10;
}

/** Lines starting with `%` or `!` (after indentation) become spaces; offsets do not move. */
export function blankMagics(source: string): string {
  return source.replace(/^[ \t]*[%!][^\r\n]*/gm, (line) => ' '.repeat(line.length));
}
