/**
 * The work of `check` once options and settings are known: read each file (skipping
 * unreadable, binary and huge ones with a note), analyse it (a notebook's cells as one module),
 * apply safe fixes with --fix, and place findings in 1-based code-point positions.
 * The engine is passed in, so this module is tested with small fake analysers too.
 */
import { resolve } from 'node:path';
import { LineIndex } from '../positions';
import type { Finding } from '../rules/types';
import { readBounded, tooLarge } from '../safeRead';
import { fixText } from './fix';
import type { Reported } from './format';
import { blankMagics, layoutCells } from '../notebook';
import { parseNotebook, updateNotebook } from './notebook';
import { checkCells } from './notebookCells';
import { writeInPlace, type ReadSnapshot } from './writeInPlace';

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
  /** --fix writes files inside this directory only (a link is not followed out of it); default: cwd */
  root?: string;
}

export interface CheckFilesResult {
  reported: Reported[];
  filesChecked: number;
  fixesApplied: number;
  filesFixed: number;
  /** files whose fixes were not written, or whose check failed (each noted): the run ends with exit status 2 */
  failures: number;
}

/** Bytes looked at for a NUL byte when deciding a file is binary (as git and grep do). */
const BINARY_SNIFF_BYTES = 8192;

export async function checkFiles(files: readonly string[], engine: CheckEngine, opts: CheckFilesOptions): Promise<CheckFilesResult> {
  const result: CheckFilesResult = { reported: [], filesChecked: 0, fixesApplied: 0, filesFixed: 0, failures: 0 };
  for (const file of files) {
    // one file that cannot be checked or written never stops the others
    try {
      await checkOne(file, engine, opts, result);
    } catch (e) {
      opts.note(`${file}: internal error while checking (${e instanceof Error ? e.message : String(e)}); skipped`);
      result.failures++;
    }
  }
  return result;
}

async function checkOne(file: string, engine: CheckEngine, opts: CheckFilesOptions, result: CheckFilesResult): Promise<void> {
  const abs = resolve(opts.cwd, file);
  const source = readSource(file, abs, opts);
  if (source === null) return;
  result.filesChecked++;
  // --fix writes the decoded text back, so bytes that are not UTF-8 would come back as
  // U+FFFD: such a file is reported but never rewritten
  const fileOpts = opts.fix && !source.utf8 ? { ...opts, fix: false } : opts;
  const findings = file.endsWith('.ipynb')
    ? await checkNotebook(file, abs, source, engine, fileOpts, result)
    : await checkSource(file, abs, source, engine, fileOpts, result);
  if (opts.fix && !source.utf8 && findings.some((f) => f.fix?.safe)) opts.note(`${file}: not valid UTF-8; safe fixes not applied (rewriting it would turn its invalid bytes into U+FFFD)`);
}

interface Source {
  text: string;
  /** whether the bytes are UTF-8 (the text then spells them exactly) */
  utf8: boolean;
  /** what was read, compared with the file before --fix writes it */
  snapshot: ReadSnapshot;
}

/** The file's text, or null (after a note) when it is unreadable, not a regular file, too big or binary. */
function readSource(file: string, abs: string, opts: CheckFilesOptions): Source | null {
  const read = readBounded(abs, { maxBytes: opts.maxFileSize });
  if (!read.ok) {
    if (read.reason === 'too-large') opts.note(`${file}: skipped, ${tooLarge(read.size, opts.maxFileSize)} (maxFileSize)`);
    else if (read.reason === 'missing' || read.reason === 'unreadable') opts.note(`${file}: cannot read (${read.code}); skipped`);
    else opts.note(`${file}: not a regular file; skipped`);
    return null;
  }
  const bytes = read.bytes;
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    opts.note(`${file}: binary file (NUL byte); skipped`);
    return null;
  }
  const text = bytes.toString('utf8');
  // the decoder turns every invalid sequence into U+FFFD; one in the text may also be written as such
  const utf8 = !text.includes('\uFFFD') || Buffer.from(text, 'utf8').equals(bytes);
  return { text, utf8, snapshot: { bytes, stat: read.stat } };
}

/**
 * Writes fixed text over the file when it is still as read; otherwise notes why (the file
 * counts as a failure) and returns false.
 */
function writeFixed(file: string, abs: string, text: string, source: Source, opts: CheckFilesOptions, out: CheckFilesResult): boolean {
  // --diff: what would be written is shown instead
  if (opts.preview) {
    opts.preview(file, source.text, text);
    return true;
  }
  const r = writeInPlace(abs, Buffer.from(text, 'utf8'), source.snapshot, opts.root ?? opts.cwd);
  if (r.ok) return true;
  opts.note(`${file}: ${r.message}; fixes not written`);
  out.failures++;
  return false;
}

const BOM = '\uFEFF';

/** Checks (and with opts.fix fixes) one source file; returns its findings. */
async function checkSource(file: string, abs: string, source: Source, engine: CheckEngine, opts: CheckFilesOptions, out: CheckFilesResult): Promise<Finding[]> {
  // a byte-order mark is not part of line 1's columns; it is written back on --fix
  const raw = source.text;
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
      if (writeFixed(file, abs, (bom ? BOM : '') + fixed.text, source, opts, out)) {
        out.fixesApplied += fixed.applied;
        out.filesFixed++;
        finalText = fixed.text;
      } else findings = await analyse(text); // the file keeps its text: report what is in it
    }
  } else findings = await analyse(text);
  place(out.reported, file, null, finalText, findings);
  return findings;
}

/** Checks (and with opts.fix fixes) a notebook's Python cells, as one module; returns their findings. */
async function checkNotebook(file: string, abs: string, source: Source, engine: CheckEngine, opts: CheckFilesOptions, out: CheckFilesResult): Promise<Finding[]> {
  const text = source.text;
  const parsed = parseNotebook(text);
  if (!parsed.ok) {
    opts.note(`${file}: ${parsed.error}; skipped`);
    return [];
  }
  const nb = parsed.notebook;
  if (!nb.python) return []; // R, Julia, … notebooks hold no Python calls
  if (!nb.cells.length || !engine.mightContainCall(layoutCells(nb.cells.map((c) => c.analysed)).text)) return [];
  const labels = nb.cells.map((c) => c.index);
  const sources = nb.cells.map((c) => c.source);
  // the engine sees the cells with magics blanked; blanking keeps every offset, so fixes
  // computed on them apply to the sources as written
  const analyseCells = (cells: readonly string[]) => engine.analyseNotebook(cells.map(blankMagics), abs, labels);
  let checked = await checkCells(sources, analyseCells, opts.fix, opts.unsafeFixes);
  const changed = new Map<number, string>();
  nb.cells.forEach((cell, i) => {
    if (checked.sources[i] !== cell.source) changed.set(cell.index, checked.sources[i]!);
  });
  if (changed.size) {
    const updated = updateNotebook(text, changed);
    if (updated !== null && writeFixed(file, abs, updated, source, opts, out)) {
      out.fixesApplied += checked.applied;
      out.filesFixed++;
    } else {
      if (updated === null) {
        opts.note(`${file}: the cells' sources could not be located in the text; fixes not written`);
        out.failures++;
      }
      // the notebook keeps its text: report what is in its cells
      checked = await checkCells(sources, analyseCells, false);
    }
  }
  nb.cells.forEach((cell, i) => {
    const findings = checked.findings.filter((f) => f.cell === i).map((f) => f.finding);
    if (findings.length) place(out.reported, file, cell.index, checked.sources[i]!, findings);
  });
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
