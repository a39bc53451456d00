/**
 * A notebook analysed as one module (./notebook.ts lays the cells out): the engine over the
 * module's tree, with one exception. A cell Python cannot parse on its own — an unclosed
 * bracket or string, a block left open — would swallow the cells after it into one syntax
 * error, which Jupyter never does (each cell is compiled alone). Such a cell (found as a
 * top-level statement that starts in it and runs past its end) is blanked out of the module,
 * which is analysed again, and is analysed on its own, as cells were before notebooks were one
 * program. Only a notebook with such a cell pays for the second parse; the editor keeps that
 * parse (`BlankedParse`) so the next keystroke re-parses it incrementally, as long as the
 * result is free of syntax errors (the rule features/documents.ts follows for every document).
 */
import type { Tree } from '@vscode/tree-sitter-wasm';
import type { ApiCall } from './analysis/apiCall';
import type { Extraction } from './analysis/extract';
import { moveCalls } from './analysis/reuse';
import { analyzeTree, mightHaveFindings } from './engine';
import type { Analysis, EngineContext } from './engine';
import type { DocumentLocation } from './fileSize';
import { cellAt, cellPlaceLabel, changedRange, layoutCells } from './notebook';
import type { CellLayout } from './notebook';
import { initParsers, languageReady, parseText } from './parse/parser';
import type { Finding } from './rules/types';

/** Blanking rounds: a cell that only breaks once its neighbour is blanked is found in the next one. */
const MAX_ROUNDS = 3;

/** The module with its unparsable cells blanked, and its tree: owned by the caller, who deletes the tree. */
export interface BlankedParse {
  text: string;
  tree: Tree;
}

/**
 * The module's analysis, positions in `layout.text`. `tree` is the module's tree (the editor
 * keeps it incrementally); `labels` name the cells in messages (default: their index).
 * `words` is absent when a cell was analysed on its own (no reuse of such an analysis).
 */
export function analyzeNotebookTree(
  tree: Tree,
  layout: CellLayout,
  ctx: EngineContext,
  opts: { document?: DocumentLocation; extraction?: Extraction; labels?: readonly (string | number)[]; previous?: BlankedParse } = {},
): Analysis & { blanked?: BlankedParse } {
  const where = cellPlaceLabel(layout, opts.labels ?? layout.cells.map((_, i) => i));
  let broken = brokenCells(tree, layout);
  if (!broken.size) return analyzeTree(tree, layout.text, 'python', ctx, opts.document, opts.extraction, where);

  const alone = new Set<number>();
  let text = layout.text;
  let current: Tree | null = null;
  for (let round = 0; broken.size && round < MAX_ROUNDS; round++) {
    for (const i of broken) alone.add(i);
    text = blankCells(layout, alone);
    const next: Tree = round === 0 && opts.previous ? parseFrom(opts.previous, text) : parseText(text, 'python');
    if (current !== opts.previous?.tree) current?.delete();
    current = next;
    broken = brokenCells(current, layout);
  }
  // still broken after the rounds: every cell on its own
  if (broken.size) layout.cells.forEach((_, i) => alone.add(i));
  try {
    const module = broken.size ? { calls: [], findings: [] } : analyzeTree(current!, text, 'python', ctx, opts.document, undefined, where);
    const calls: ApiCall[] = [...module.calls];
    const findings: Finding[] = [...module.findings];
    for (const i of alone) {
      const cell = layout.cells[i]!;
      const own = analyzeCellAlone(layout.text.slice(cell.start, cell.end), ctx, opts.document);
      calls.push(...moveCalls(own.calls, 0, cell.start));
      findings.push(...own.findings.map((f) => moveFinding(f, cell.start)));
    }
    calls.sort((a, b) => a.argsSpan.start - b.argsSpan.start);
    findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    return { calls, findings, blanked: current === opts.previous?.tree ? opts.previous : { text, tree: current! } };
  } catch (err) {
    if (current !== opts.previous?.tree) current?.delete();
    throw err;
  }
}

/**
 * The blanked module parsed again from the previous one: incrementally over the one changed
 * range when that gives a tree without syntax errors, else from scratch. The previous tree is
 * left as it is (a copy is edited); unchanged text returns it.
 */
function parseFrom(previous: BlankedParse, text: string): Tree {
  if (previous.text === text) return previous.tree;
  const old = previous.text;
  const { start, oldEnd, newEnd } = changedRange(old, text);
  const copy = previous.tree.copy();
  try {
    copy.edit({
      startIndex: start,
      oldEndIndex: oldEnd,
      newEndIndex: newEnd,
      startPosition: pointAt(old, start),
      oldEndPosition: pointAt(old, oldEnd),
      newEndPosition: pointAt(text, newEnd),
    });
    const tree = parseText(text, 'python', copy);
    if (!tree.rootNode.hasError) return tree;
    tree.delete();
  } finally {
    copy.delete();
  }
  return parseText(text, 'python');
}

/** The tree-sitter point (row, UTF-16 column) of an offset. */
function pointAt(text: string, offset: number): { row: number; column: number } {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}

/** The module of `sources` (cells' Python with magics already blanked), parsed and analysed. */
export async function analyzeNotebook(sources: readonly string[], ctx: EngineContext, document?: DocumentLocation, labels?: readonly (string | number)[]): Promise<Analysis & { layout: CellLayout }> {
  const layout = layoutCells(sources);
  if (!mightHaveFindings(layout.text)) return { calls: [], findings: [], layout };
  if (!languageReady('python')) await initParsers(['python']);
  const tree = parseText(layout.text, 'python');
  try {
    const { blanked, ...analysis } = analyzeNotebookTree(tree, layout, ctx, { ...(document ? { document } : {}), ...(labels ? { labels } : {}) });
    blanked?.tree.delete();
    return { ...analysis, layout };
  } finally {
    tree.delete();
  }
}

/** Cells a top-level statement starts in and runs past the end of (the cell cannot be parsed alone). */
export function brokenCells(tree: Tree, layout: CellLayout): Set<number> {
  const out = new Set<number>();
  for (const node of tree.rootNode.children) {
    if (!node) continue;
    const i = cellAt(layout, node.startIndex);
    if (i >= 0 && node.endIndex > layout.cells[i]!.end) out.add(i);
  }
  return out;
}

/** The module text with the given cells' characters, line breaks aside, turned to spaces (offsets kept). */
function blankCells(layout: CellLayout, cells: ReadonlySet<number>): string {
  let text = '';
  let at = 0;
  for (const i of [...cells].sort((a, b) => a - b)) {
    const c = layout.cells[i]!;
    text += layout.text.slice(at, c.start) + layout.text.slice(c.start, c.end).replace(/[^\r\n]/g, ' ');
    at = c.end;
  }
  return text + layout.text.slice(at);
}

function analyzeCellAlone(text: string, ctx: EngineContext, document?: DocumentLocation): Analysis {
  if (!mightHaveFindings(text)) return { calls: [], findings: [] };
  const tree = parseText(text, 'python');
  try {
    return analyzeTree(tree, text, 'python', ctx, document);
  } finally {
    tree.delete();
  }
}

function moveFinding(f: Finding, delta: number): Finding {
  const moved: Finding = { ...f, span: { start: f.span.start + delta, end: f.span.end + delta } };
  if (f.fix) moved.fix = { ...f.fix, edits: f.fix.edits.map((e) => ({ ...e, start: e.start + delta, end: e.end + delta })) };
  return moved;
}
