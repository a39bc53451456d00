/**
 * Jupyter notebooks in the CLI: the Python code cells, analysed as one module in cell order
 * (../notebook.ts, ./notebookCells.ts). IPython magics (`%pip …`, `%%time`) and shell escapes
 * (`!ls`) are not Python; their lines are blanked with spaces of the same length so that offsets
 * in the analysed text are offsets in the cell's source.
 *
 * Cells are identified by their 0-based index in the notebook's `cells` array.
 */
import { editNotebookText } from './notebookEdit';

import { blankMagics } from '../notebook';

export { blankMagics };

export interface NotebookCell {
  /** 0-based index in the notebook's `cells` array */
  index: number;
  /** the cell's source as written (what fixes edit) */
  source: string;
  /** the source with magic and shell lines blanked (what the engine analyses) */
  analysed: string;
}

export interface ParsedNotebook {
  /** the parsed JSON, kept to write fixes back */
  json: { cells: Array<Record<string, unknown>> } & Record<string, unknown>;
  cells: NotebookCell[];
  /** false when the notebook declares a kernel language other than Python */
  python: boolean;
}

export type NotebookResult = { ok: true; notebook: ParsedNotebook } | { ok: false; error: string };

export function parseNotebook(text: string): NotebookResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, error: `not valid notebook JSON (${(e as Error).message})` };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json) || !Array.isArray((json as { cells?: unknown }).cells)) {
    return { ok: false, error: 'not a notebook (no "cells" array)' };
  }
  const nb = json as ParsedNotebook['json'];
  const python = notebookLanguage(nb) === 'python';
  const cells: NotebookCell[] = [];
  nb.cells.forEach((cell, index) => {
    if (cell === null || typeof cell !== 'object' || cell.cell_type !== 'code') return;
    const source = sourceText(cell.source);
    if (source === null) return;
    cells.push({ index, source, analysed: blankMagics(source) });
  });
  return { ok: true, notebook: { json: nb, cells, python } };
}

function notebookLanguage(nb: Record<string, unknown>): string {
  const meta = nb.metadata as { kernelspec?: { language?: unknown }; language_info?: { name?: unknown } } | undefined;
  const lang = meta?.language_info?.name ?? meta?.kernelspec?.language;
  return typeof lang === 'string' ? lang.toLowerCase() : 'python';
}

/** nbformat stores source as one string or as an array of lines (each keeping its "\n"). */
function sourceText(source: unknown): string | null {
  if (typeof source === 'string') return source;
  if (Array.isArray(source) && source.every((s) => typeof s === 'string')) return source.join('');
  return null;
}

/**
 * The notebook text with some cells' sources replaced, edited as text: every byte outside
 * those cells' source strings stays as written (cli/notebookEdit.ts). Null when the text
 * has no such cells (never for text parseNotebook accepted).
 */
export function updateNotebook(originalText: string, sources: ReadonlyMap<number, string>): string | null {
  return editNotebookText(originalText, sources);
}
