/**
 * The work of `check` once options and settings are known: read each file (skipping
 * unreadable, binary and huge ones with a note), analyse it (a notebook's cells as one module),
 * apply safe fixes with --fix, and place findings in 1-based code-point positions.
 * The engine is passed in, so this module is tested with small fake analysers too.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { LineIndex } from '../positions';
import type { Finding } from '../rules/types';
import { fixText, writeFileAtomic } from './fix';
import type { Reported } from './format';
import { blankMagics, layoutCells } from '../notebook';
import { parseNotebook, updateNotebook } from './notebook';
import { checkCells } from './notebookCells';

export type SourceLanguage = 'python' | 'javascript' | 'typescript' | 'tsx';

export interface CheckEngine {
  languageForPath(path: string): SourceLanguage | null;
  /** cheap pre-filter: false when the text cannot hold an API call or a key */
  mightContainCall(text: string): boolean;
  /** `file`: the file's absolute path (a notebook's for its cells), for paths the code names */
  analyse(text: string, language: SourceLanguage, file?: string): Promise<Finding[]>;
  /**
   * A notebook's Python cells (magics blanked) as one module: findings with positions in
   * `layoutCells(cells).text`; `labels` name the cells in messages (their notebook index)
   */
  analyseNotebook(cells: readonly string[], file: string, labels: readonly number[]): Promise<Finding[]>;
}

export interface CheckFilesOptions {
  cwd: string;
  fix: boolean;
  /** with `fix`: unsafe fixes too (`--unsafe-fixes`) */
  unsafeFixes?: boolean;
  /** with `fix`: a fixed file's old and new text go here instead of to disk (`--diff`) */
  preview?: (file: string, before: string, after: string) => void;
  /** files over this many bytes are skipped */
  maxFileSize: number;
  /** one-line notes about skipped files (stderr) */
  note(message: string): void;
}

export interface CheckFilesResult {
  reported: Reported[];
  filesChecked: number;
  fixesApplied: number;
  filesFixed: number;
}

/** Bytes looked at for a NUL byte when deciding a file is binary (as git and grep do). */
const BINARY_SNIFF_BYTES = 8192;

export async function checkFiles(files: readonly string[], engine: CheckEngine, opts: CheckFilesOptions): Promise<CheckFilesResult> {
  const result: CheckFilesResult = { reported: [], filesChecked: 0, fixesApplied: 0, filesFixed: 0 };
  for (const file of files) {
    const abs = resolve(opts.cwd, file);
    const source = readSource(file, abs, opts);
    if (source === null) continue;
    result.filesChecked++;
    // --fix writes the decoded text back, so bytes that are not UTF-8 would come back as
    // U+FFFD: such a file is reported but never rewritten
    const fileOpts = opts.fix && !source.utf8 ? { ...opts, fix: false } : opts;
    const findings = file.endsWith('.ipynb')
      ? await checkNotebook(file, abs, source.text, engine, fileOpts, result)
      : await checkSource(file, abs, source.text, engine, fileOpts, result);
    if (opts.fix && !source.utf8 && findings.some((f) => f.fix?.safe)) opts.note(`${file}: not valid UTF-8; safe fixes not applied (rewriting it would turn its invalid bytes into U+FFFD)`);
  }
  return result;
}

/**
 * The file's text and whether its bytes are UTF-8 (the text then spells them exactly), or
 * null (after a note) when it is unreadable, too big or binary.
 */
function readSource(file: string, abs: string, opts: CheckFilesOptions): { text: string; utf8: boolean } | null {
  let bytes: Buffer;
  try {
    const st = statSync(abs);
    if (!st.isFile()) {
      opts.note(`${file}: not a regular file; skipped`);
      return null;
    }
    if (st.size > opts.maxFileSize) {
      opts.note(`${file}: skipped, ${st.size} bytes is over the ${opts.maxFileSize}-byte limit (maxFileSize)`);
      return null;
    }
    bytes = readFileSync(abs);
  } catch (e) {
    opts.note(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); skipped`);
    return null;
  }
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    opts.note(`${file}: binary file (NUL byte); skipped`);
    return null;
  }
  const text = bytes.toString('utf8');
  // the decoder turns every invalid sequence into U+FFFD; one in the text may also be written as such
  return { text, utf8: !text.includes('\uFFFD') || Buffer.from(text, 'utf8').equals(bytes) };
}

const BOM = '\uFEFF';

/** Checks (and with opts.fix fixes) one source file; returns its findings. */
async function checkSource(file: string, abs: string, raw: string, engine: CheckEngine, opts: CheckFilesOptions, out: CheckFilesResult): Promise<Finding[]> {
  // a byte-order mark is not part of line 1's columns; it is written back on --fix
  const bom = raw.startsWith(BOM);
  const text = bom ? raw.slice(1) : raw;
  if (!engine.mightContainCall(text)) return [];
  const language = engine.languageForPath(file) ?? 'python';
  const analyse = (t: string): Promise<Finding[]> => engine.analyse(t, language, abs);
  let findings: Finding[];
  let finalText = text;
  if (opts.fix) {
    const fixed = await fixText(text, analyse, opts.unsafeFixes);
    findings = fixed.findings;
    if (fixed.text !== text) {
      if (opts.preview) opts.preview(file, raw, (bom ? BOM : '') + fixed.text);
      else writeFileAtomic(abs, (bom ? BOM : '') + fixed.text);
      out.fixesApplied += fixed.applied;
      out.filesFixed++;
      finalText = fixed.text;
    }
  } else findings = await analyse(text);
  place(out.reported, file, null, finalText, findings);
  return findings;
}

/** Checks (and with opts.fix fixes) a notebook's Python cells, as one module; returns their findings. */
async function checkNotebook(file: string, abs: string, text: string, engine: CheckEngine, opts: CheckFilesOptions, out: CheckFilesResult): Promise<Finding[]> {
  const parsed = parseNotebook(text);
  if (!parsed.ok) {
    opts.note(`${file}: ${parsed.error}; skipped`);
    return [];
  }
  const nb = parsed.notebook;
  if (!nb.python) return []; // R, Julia, … notebooks hold no Python calls
  if (!nb.cells.length || !engine.mightContainCall(layoutCells(nb.cells.map((c) => c.analysed)).text)) return [];
  const labels = nb.cells.map((c) => c.index);
  // the engine sees the cells with magics blanked; blanking keeps every offset, so fixes
  // computed on them apply to the sources as written
  const checked = await checkCells(nb.cells.map((c) => c.source), (sources) => engine.analyseNotebook(sources.map(blankMagics), abs, labels), opts.fix, opts.unsafeFixes);
  const changed = new Map<number, string>();
  nb.cells.forEach((cell, i) => {
    if (checked.sources[i] !== cell.source) changed.set(cell.index, checked.sources[i]!);
  });
  nb.cells.forEach((cell, i) => {
    const findings = checked.findings.filter((f) => f.cell === i).map((f) => f.finding);
    if (findings.length) place(out.reported, file, cell.index, checked.sources[i]!, findings);
  });
  if (changed.size) {
    if (opts.preview) opts.preview(file, text, updateNotebook(text, nb, changed));
    else writeFileAtomic(abs, updateNotebook(text, nb, changed));
    out.fixesApplied += checked.applied;
    out.filesFixed++;
  }
  return checked.findings.map((f) => f.finding);
}

function place(out: Reported[], file: string, cell: number | null, text: string, findings: readonly Finding[]): void {
  const index = new LineIndex(text);
  for (const f of findings) {
    out.push({
      file,
      cell,
      finding: f,
      start: index.position(f.span.start),
      end: index.position(f.span.end),
      edits: f.fix ? f.fix.edits.map((e) => ({ start: index.position(e.start), end: index.position(e.end), newText: e.newText })) : null,
    });
  }
}
