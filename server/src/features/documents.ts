/**
 * Open documents: the text (incremental sync) and the tree-sitter tree of each, edited with
 * `tree.edit(...)` for every change and re-parsed with the old tree (never rebuilt on edit).
 *
 * Except with syntax errors: tree-sitter's error recovery, re-run from an old tree, can settle
 * on another tree than a parse of the same text from scratch (the differential fuzzer,
 * test/server/fuzz.test.ts, found a call seen or missed depending on the edit history), and
 * findings must depend on the text alone. So a document with errors, up to
 * SCRATCH_PARSE_LIMIT characters, is parsed from scratch; an error-free tree from an
 * incremental parse is kept (it equalled the parse from scratch in every fuzzed step).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { languageForId, parseText, primeTree } from '../parse/parser';
import type { LanguageName, Tree } from '../parse/parser';
import { topStatementAt } from '../analysis/reuse';
import type { EditRecord } from '../analysis/reuse';
import { attempt } from '../engine';
import type { BlankedParse } from '../engineNotebook';
import type { ModuleInfo } from './notebooks';

/**
 * Above this size a document with syntax errors is still re-parsed incrementally: a parse
 * from scratch would cost tens of milliseconds per keystroke (tree-sitter runs at ~2 MB/s,
 * slower inside errors), and the typing path matters more there than an edit-history-free
 * error recovery.
 */
export const SCRATCH_PARSE_LIMIT = 50_000;

export interface DocState {
  uri: string;
  languageId: string;
  lang: LanguageName | null;
  doc: TextDocument;
  /** null until parsers are ready, for unsupported languages, or for files over maxFileSize */
  tree: Tree | null;
  /** bumped on each change; analysis caches key on it */
  version: number;
  /** the version `tree` was parsed from */
  parsedVersion: number;
  /** `tree` comes from a parse from scratch and has not been primed (primeTree) */
  fromScratch?: boolean;
  /** the last few changes, for reusing an analysis across one (analysis/reuse.ts); null: not reusable */
  edits: { fromVersion: number; toVersion: number; edit: EditRecord | null }[];
  /** set on a notebook's module document (./notebooks.ts): the cells it is laid out from */
  module?: ModuleInfo;
  /** a notebook module's last parse with its unparsable cells blanked (engineNotebook.ts), kept for the next one */
  blanked?: BlankedParse;
}

const KEPT_EDITS = 4;

export class Documents {
  private readonly docs = new Map<string, DocState>();

  get(uri: string): DocState | undefined {
    return this.docs.get(uri);
  }

  all(): DocState[] {
    return [...this.docs.values()];
  }

  open(uri: string, languageId: string, version: number, text: string): DocState {
    this.close(uri);
    const state: DocState = { uri, languageId, lang: languageForId(languageId), doc: TextDocument.create(uri, languageId, version, text), tree: null, version, parsedVersion: -1, edits: [] };
    this.docs.set(uri, state);
    return state;
  }

  close(uri: string): void {
    const s = this.docs.get(uri);
    if (s) {
      s.tree?.delete();
      s.tree = null;
      s.blanked?.tree.delete();
      delete s.blanked;
      this.docs.delete(uri);
    }
  }

  /** Applies LSP changes in order, editing the tree alongside so the next parse is incremental. */
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): DocState | undefined {
    const s = this.docs.get(uri);
    if (!s) return undefined;
    for (const change of changes) {
      if ('range' in change && change.range) {
        const doc = s.doc;
        const startIndex = doc.offsetAt(change.range.start);
        const oldEndIndex = doc.offsetAt(change.range.end);
        const start = doc.positionAt(startIndex);
        const oldEnd = doc.positionAt(oldEndIndex);
        // where the change falls in the tree of the text just before it (only a tree parsed from
        // that text says); an optimisation, so a failure only loses the record
        const around = s.tree && s.parsedVersion === s.version && changes.length === 1 ? attempt(() => topStatementAt(s.tree!, startIndex, oldEndIndex), null) : null;
        this.logEdit(s, version, around && { start: startIndex, oldEnd: oldEndIndex, newEnd: startIndex + change.text.length, ...around });
        if (s.tree) {
          // Python: a change that ends right before a line break is described to tree-sitter as
          // taking the line break with it (the same text change, a wider range). Typing at the
          // end of a line in a 5,000-line file then re-parses in ~1.3 ms instead of ~14 ms:
          // ending exactly at the break, the grammar's newline token was not re-scanned and the
          // rest of the file was not reused (measured; the trees are identical either way)
          const lineBreak = s.lang === 'python' ? lineBreakAt(doc.getText(), oldEndIndex) : '';
          const oldEndWide = lineBreak ? doc.positionAt(oldEndIndex + lineBreak.length) : oldEnd;
          s.tree.edit({
            startIndex,
            oldEndIndex: oldEndIndex + lineBreak.length,
            newEndIndex: startIndex + change.text.length + lineBreak.length,
            startPosition: { row: start.line, column: start.character },
            oldEndPosition: { row: oldEndWide.line, column: oldEndWide.character },
            newEndPosition: endPoint(start.line, start.character, change.text + lineBreak),
          });
        }
        s.doc = TextDocument.update(doc, [change], version);
      } else {
        this.logEdit(s, version, null);
        s.tree?.delete();
        s.tree = null;
        s.doc = TextDocument.update(s.doc, [change], version);
      }
    }
    s.version = version;
    return s;
  }

  private logEdit(s: DocState, version: number, edit: EditRecord | null): void {
    s.edits.push({ fromVersion: s.version, toVersion: version, edit });
    if (s.edits.length > KEPT_EDITS) s.edits.shift();
  }

  /**
   * Parses: incrementally from the old tree, or from scratch when there is none or when it or
   * the result has syntax errors (up to SCRATCH_PARSE_LIMIT); null when the language is not ours.
   */
  tree(s: DocState): Tree | null {
    if (!s.lang) return null;
    if (s.tree && s.parsedVersion === s.version) return s.tree;
    const text = s.doc.getText();
    const scratchIfErrors = text.length <= SCRATCH_PARSE_LIMIT;
    const old = s.tree && !(scratchIfErrors && s.tree.rootNode.hasError) ? s.tree : null;
    let tree = parseText(text, s.lang, old ?? undefined);
    let fromScratch = !old;
    if (old && scratchIfErrors && tree.rootNode.hasError) {
      tree.delete();
      tree = parseText(text, s.lang);
      fromScratch = true;
    }
    if (s.tree && s.tree !== tree) s.tree.delete();
    s.tree = tree;
    s.parsedVersion = s.version;
    s.fromScratch = fromScratch;
    return tree;
  }

  /**
   * After a parse from scratch, while idle: re-parses the unchanged text incrementally once
   * (parse/parser.ts: primeTree), so the next change is parsed as fast as the ones after it. Not
   * for a small document with errors, whose next change is parsed from scratch anyway.
   */
  prime(uri: string): void {
    const s = this.docs.get(uri);
    if (!s?.tree || !s.lang || !s.fromScratch || s.parsedVersion !== s.version) return;
    s.fromScratch = false;
    const text = s.doc.getText();
    if (text.length <= SCRATCH_PARSE_LIMIT && s.tree.rootNode.hasError) return;
    const primed = primeTree(s.tree, text, s.lang);
    if (!primed) return;
    s.tree.delete();
    s.tree = primed;
  }

  /** Drops a document's tree (file over the size limit). */
  dropTree(s: DocState): void {
    s.tree?.delete();
    s.tree = null;
    s.blanked?.tree.delete();
    delete s.blanked;
  }
}

/** The line break (`\r\n`, `\n` or `\r`) that starts at `i`, or ''. */
function lineBreakAt(text: string, i: number): string {
  const c = text.charCodeAt(i);
  if (c === 10) return '\n';
  if (c === 13) return text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r';
  return '';
}

/** Where inserted text ends, as a tree-sitter point (rows and UTF-16 columns). */
export function endPoint(row: number, column: number, text: string): { row: number; column: number } {
  let r = row;
  let lastBreak = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      r++;
      lastBreak = i;
    }
  }
  return lastBreak < 0 ? { row, column: column + text.length } : { row: r, column: text.length - lastBreak - 1 };
}
