/**
 * Notebooks in the editor, as one program (SPEC §1), over LSP 3.17 notebook document sync: the
 * client sends the notebook's cells and their text (`notebookDocument/didOpen|didChange|
 * didClose`), and this keeps, per notebook, one Python document in `Documents` whose text is
 * the code cells laid out as one module (../notebook.ts), magics blanked. A change to a cell is
 * one change to that document (the module text before and after, their common start and end
 * kept), so the module's tree is re-parsed incrementally, not cell by cell, and the cells after
 * the changed one are re-checked with it.
 *
 * Requests about a cell (diagnostics, hover, code actions, …) are answered from the module's
 * analysis through a view of the cell: `CellDocument` maps the cell's positions to the
 * module's offsets and back, and only the cell's findings and calls are in it. A fix that edits
 * another cell (a constant defined there) names that cell's URI.
 */
import type { Range } from 'vscode-languageserver';
import type { DidChangeNotebookDocumentParams, DidCloseNotebookDocumentParams, DidOpenNotebookDocumentParams, NotebookCell, TextDocumentItem } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-textdocument';
import type { Span } from '../analysis/apiCall';
import { blankMagics, cellOfSpan, changedRange, layoutCells } from '../notebook';
import type { CellLayout } from '../notebook';
import type { DocState, Documents } from './documents';

/** LSP NotebookCellKind.Code */
const CODE_CELL = 2;
/** The module document's URI: the notebook's, with a fragment no cell URI has (a notebook opened as JSON keeps its own). */
const MODULE_FRAGMENT = '#openai-model-lint-module';

interface Cell {
  uri: string;
  kind: number;
}

export interface NotebookState {
  uri: string;
  /** the module document's key in Documents */
  key: string;
  /** every cell of the notebook, in order (markdown ones too: a cell's label is its index here) */
  cells: Cell[];
  /** the cells' texts, by cell URI */
  texts: Map<string, TextDocument>;
  /** the Python code cells laid out in the module, in order: their URIs and indices in `cells` */
  moduleCells: { uri: string; index: number }[];
  /** cell URI → its position in `moduleCells` */
  moduleIndex: Map<string, number>;
  layout: CellLayout;
  /** the module document's version, bumped on every change */
  version: number;
}

/** What a module analysis needs to know of its notebook (set on the module's DocState). */
export interface ModuleInfo {
  notebook: string;
  layout: CellLayout;
  /** each module cell's label in messages: its index in the notebook */
  labels: number[];
}

export class Notebooks {
  private readonly notebooks = new Map<string, NotebookState>();
  private readonly cellToNotebook = new Map<string, string>();

  constructor(private readonly documents: Documents) {}

  get(uri: string): NotebookState | undefined {
    return this.notebooks.get(uri);
  }

  all(): NotebookState[] {
    return [...this.notebooks.values()];
  }

  /** The notebook a cell URI belongs to (any cell kind), or undefined. */
  ofCell(cellUri: string): NotebookState | undefined {
    const nb = this.cellToNotebook.get(cellUri);
    return nb === undefined ? undefined : this.notebooks.get(nb);
  }

  open(p: DidOpenNotebookDocumentParams): NotebookState {
    const uri = p.notebookDocument.uri;
    this.close(uri);
    const nb: NotebookState = { uri, key: uri + MODULE_FRAGMENT, cells: [], texts: new Map(), moduleCells: [], moduleIndex: new Map(), layout: layoutCells([]), version: 0 };
    this.notebooks.set(uri, nb);
    this.setCells(nb, p.notebookDocument.cells);
    for (const item of p.cellTextDocuments) this.openText(nb, item);
    const text = this.relayout(nb);
    const state = this.documents.open(nb.key, 'python', nb.version, text);
    state.module = this.info(nb);
    return nb;
  }

  /**
   * Applies a change (structure, cell kinds, cell text) and the one module change it makes.
   * Returns the notebook and the cells whose text changed.
   */
  change(p: DidChangeNotebookDocumentParams): { notebook: NotebookState; edited: string[] } | undefined {
    const nb = this.notebooks.get(p.notebookDocument.uri);
    if (!nb) return undefined;
    const cells = p.change.cells;
    const edited: string[] = [];
    if (cells?.structure) {
      const { start, deleteCount, cells: added } = cells.structure.array;
      const removed = nb.cells.splice(start, deleteCount, ...(added ?? []).map(toCell));
      for (const c of removed) if (!nb.cells.some((k) => k.uri === c.uri)) this.cellToNotebook.delete(c.uri);
      for (const c of added ?? []) this.cellToNotebook.set(c.document, nb.uri);
      for (const closed of cells.structure.didClose ?? []) nb.texts.delete(closed.uri);
      for (const item of cells.structure.didOpen ?? []) this.openText(nb, item);
    }
    for (const data of cells?.data ?? []) {
      const c = nb.cells.find((k) => k.uri === data.document);
      if (c) c.kind = data.kind;
    }
    for (const t of cells?.textContent ?? []) {
      const doc = nb.texts.get(t.document.uri);
      if (!doc) continue;
      nb.texts.set(t.document.uri, TextDocument.update(doc, t.changes, t.document.version));
      edited.push(t.document.uri);
    }
    this.sync(nb);
    return { notebook: nb, edited };
  }

  close(p: DidCloseNotebookDocumentParams | string): NotebookState | undefined {
    const uri = typeof p === 'string' ? p : p.notebookDocument.uri;
    const nb = this.notebooks.get(uri);
    if (!nb) return undefined;
    for (const c of nb.cells) this.cellToNotebook.delete(c.uri);
    this.documents.close(nb.key);
    this.notebooks.delete(uri);
    return nb;
  }

  /** A module cell's text document and extent, or undefined for other cells (markdown, other languages). */
  cell(nb: NotebookState, cellUri: string): { doc: TextDocument; extent: Span; index: number } | undefined {
    const i = nb.moduleIndex.get(cellUri);
    const doc = nb.texts.get(cellUri);
    if (i === undefined || !doc) return undefined;
    return { doc, extent: nb.layout.cells[i]!, index: i };
  }

  /** Where a module span is: the cell URI and the range in it, or null (across cells, a separator). */
  locate(nb: NotebookState, span: Span): { uri: string; range: Range } | null {
    const i = cellOfSpan(nb.layout, span);
    const cell = i >= 0 ? nb.moduleCells[i] : undefined;
    const doc = cell && nb.texts.get(cell.uri);
    if (!cell || !doc) return null;
    const start = nb.layout.cells[i]!.start;
    return { uri: cell.uri, range: { start: doc.positionAt(span.start - start), end: doc.positionAt(span.end - start) } };
  }

  private setCells(nb: NotebookState, cells: NotebookCell[]): void {
    nb.cells = cells.map(toCell);
    for (const c of nb.cells) this.cellToNotebook.set(c.uri, nb.uri);
  }

  private openText(nb: NotebookState, item: TextDocumentItem): void {
    nb.texts.set(item.uri, TextDocument.create(item.uri, item.languageId, item.version, item.text));
  }

  /** The module of the notebook's current cells, and its change from the module document's text as one edit. */
  private sync(nb: NotebookState): void {
    const state = this.documents.get(nb.key);
    const text = this.relayout(nb);
    if (!state) return;
    const old = state.doc.getText();
    nb.version++;
    if (old !== text) {
      const { start, oldEnd, newEnd } = changedRange(old, text);
      const range = { start: state.doc.positionAt(start), end: state.doc.positionAt(oldEnd) };
      this.documents.change(nb.key, nb.version, [{ range, text: text.slice(start, newEnd) }]);
    } else this.documents.change(nb.key, nb.version, []);
    state.module = this.info(nb);
  }

  /** Lays the notebook's Python code cells out again (magics blanked); returns the module text. */
  private relayout(nb: NotebookState): string {
    const moduleCells: { uri: string; index: number }[] = [];
    const sources: string[] = [];
    nb.cells.forEach((c, index) => {
      const doc = nb.texts.get(c.uri);
      if (c.kind !== CODE_CELL || !doc || doc.languageId !== 'python') return;
      moduleCells.push({ uri: c.uri, index });
      sources.push(blankMagics(doc.getText()));
    });
    nb.layout = layoutCells(sources);
    nb.moduleCells = moduleCells;
    nb.moduleIndex = new Map(moduleCells.map((c, i) => [c.uri, i]));
    return nb.layout.text;
  }

  private info(nb: NotebookState): ModuleInfo {
    return { notebook: nb.uri, layout: nb.layout, labels: nb.moduleCells.map((c) => c.index) };
  }
}

function toCell(c: NotebookCell): Cell {
  return { uri: c.document, kind: c.kind };
}

/**
 * A cell seen through the module: positions in the cell, offsets in the module text. What
 * features need of a TextDocument (`positionAt`, `offsetAt`, `getText`, …) for a cell's view.
 */
export class CellDocument implements TextDocument {
  constructor(
    private readonly cell: TextDocument,
    private readonly start: number,
  ) {}

  get uri(): string {
    return this.cell.uri;
  }

  get languageId(): string {
    return this.cell.languageId;
  }

  get version(): number {
    return this.cell.version;
  }

  get lineCount(): number {
    return this.cell.lineCount;
  }

  getText(range?: Range): string {
    return this.cell.getText(range);
  }

  getLineRange(line: number): Range {
    return this.cell.getLineRange(line);
  }

  getEOLCharacters(line: number): string {
    return this.cell.getEOLCharacters(line);
  }

  positionAt(offset: number): Position {
    return this.cell.positionAt(offset - this.start);
  }

  offsetAt(position: Position): number {
    return this.start + this.cell.offsetAt(position);
  }
}

/** The DocState of a cell's view: the module's tree (current when the module's is), the cell's URI, document and version. */
export function cellState(module: DocState, cell: TextDocument, start: number): DocState {
  const parsedVersion = module.tree && module.parsedVersion === module.version ? cell.version : -1;
  return { ...module, uri: cell.uri, languageId: cell.languageId, doc: new CellDocument(cell, start), version: cell.version, parsedVersion };
}
