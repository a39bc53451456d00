/**
 * A notebook's Python cells checked as one module (SPEC §1), and with --fix fixed: safe fixes
 * (every fix with --unsafe-fixes, as `check --fix` chooses them for a file) are chosen over the whole module (a fix of a cell may edit a constant of an earlier one), each
 * edit applied to its cell's source, and the module analysed again, as `fixText` does for a
 * file. Findings come back per cell, in the cell's own positions.
 */
import { cellOfSpan, layoutCells } from '../notebook';
import type { CellLayout } from '../notebook';
import type { Finding, TextEdit } from '../rules/types';
import { applyEdits, MAX_FIX_PASSES, selectFixEdits } from './fix';

/** The engine's notebook entry: findings with positions in `layoutCells(sources).text`. */
export type AnalyseCells = (sources: readonly string[]) => Promise<Finding[]>;

export interface CellFindings {
  /** index into the sources given */
  cell: number;
  /** the finding with its span (and its edits in the same cell) in the cell's positions */
  finding: Finding;
}

export interface CheckedCells {
  /** the sources after fixes (the same array when nothing was fixed) */
  sources: readonly string[];
  findings: CellFindings[];
  /** fixes applied over all passes */
  applied: number;
}

export async function checkCells(sources: readonly string[], analyse: AnalyseCells, fix: boolean, unsafeFixes = false): Promise<CheckedCells> {
  let current = sources;
  let findings = await analyse(current);
  let applied = 0;
  for (let pass = 0; fix && pass < MAX_FIX_PASSES; pass++) {
    const layout = layoutCells(current);
    // a fix whose edits leave the cells (a separator between them) is never applied
    const { edits, fixes } = selectFixEdits(findings.filter((f) => f.fix?.edits.every((e) => cellOfSpan(layout, e) >= 0)), unsafeFixes);
    if (fixes === 0) break;
    const next = applyToCells(current, layout, edits);
    if (next.every((s, i) => s === current[i])) break;
    current = next;
    applied += fixes;
    findings = await analyse(current);
  }
  return { sources: current, findings: inCells(layoutCells(current), findings), applied };
}

function applyToCells(sources: readonly string[], layout: CellLayout, edits: readonly TextEdit[]): string[] {
  return sources.map((source, i) => {
    const { start, end } = layout.cells[i]!;
    const own = edits.filter((e) => e.start >= start && e.end <= end && cellOfSpan(layout, e) === i);
    return own.length ? applyEdits(source, own.map((e) => ({ ...e, start: e.start - start, end: e.end - start }))) : source;
  });
}

/** Each finding in its cell's positions; an edit of another cell is left out of the cell's copy. */
function inCells(layout: CellLayout, findings: readonly Finding[]): CellFindings[] {
  const out: CellFindings[] = [];
  for (const f of findings) {
    const cell = cellOfSpan(layout, f.span);
    if (cell < 0) continue;
    const { start, end } = layout.cells[cell]!;
    const moved: Finding = { ...f, span: { start: f.span.start - start, end: f.span.end - start } };
    if (f.fix) moved.fix = { ...f.fix, edits: f.fix.edits.filter((e) => e.start >= start && e.end <= end).map((e) => ({ ...e, start: e.start - start, end: e.end - start })) };
    out.push({ cell, finding: moved });
  }
  return out;
}
