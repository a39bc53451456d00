/**
 * Analysis of open documents, cached per document version and engine context: every feature
 * (diagnostics, hover, code actions, completion, hints) asks here and none re-parses.
 * Encodings the calls need are loaded in the background; `onEncodingLoaded` fires after.
 */
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection, Range } from 'vscode-languageserver';
import type { Span } from '../analysis/apiCall';
import { analyzeTree, attempt, neededEncodings } from '../engine';
import { analyzeNotebookTree } from '../engineNotebook';
import { reuseExtraction } from '../analysis/reuse';
import type { Extraction } from '../analysis/extract';
import type { Tree } from '../parse/parser';
import type { Analysis, EngineContext } from '../engine';
import { initParsers, languageReady } from '../parse/parser';
import type { LanguageName } from '../parse/parser';
import { isEncodingLoaded, loadEncoding } from '../tokens';
import type { Encoding } from '../catalog/schema';
import type { DocumentLocation } from '../fileSize';
import { documentPath } from './convert';
import type { DocState, Documents } from './documents';
import type { ModuleInfo } from './notebooks';
import { cellState } from './notebooks';
import type { Notebooks, NotebookState } from './notebooks';
import type { SettingsCache } from './settings';

export interface DocAnalysis extends Analysis {
  state: DocState;
  text: string;
  ctx: EngineContext;
  /** true when the file is over settings.maxFileSize bytes (no findings) */
  skipped: boolean;
  /**
   * A notebook cell's view: where a span of the module is (the cell's URI and range), for a fix
   * that edits another cell; null when the span is in no cell. Absent for other documents.
   */
  placeEdit?: (span: Span) => { uri: string; range: Range } | null;
}

const EMPTY: Analysis = { calls: [], findings: [] };

/**
 * The previous analysis's calls moved past the one edit made since, when that edit cannot
 * have changed them (analysis/reuse.ts); null otherwise.
 */
function reusable(prev: { version: number; result: DocAnalysis }, state: DocState, tree: Tree, text: string): Extraction | null {
  const { result } = prev;
  const words = result.words;
  if (result.skipped || !words) return null;
  const since = state.edits.filter((e) => e.toVersion > prev.version);
  const only = since.length === 1 ? since[0]! : null;
  if (!only?.edit || only.fromVersion !== prev.version || only.toVersion !== state.version) return null;
  // an optimisation: whatever goes wrong, the calls are extracted again
  const { edit } = only;
  return attempt(() => reuseExtraction({ calls: result.calls, words }, result.text, edit, tree, text), null);
}

interface CacheEntry {
  version: number;
  ctx: EngineContext;
  result: DocAnalysis;
  /** findings out of date (an encoding loaded, settings changed); the calls still hold for this version */
  stale?: boolean;
}

export class Analyzer {
  private readonly cache = new WeakMap<DocState, CacheEntry>();
  private readonly tooLargeLogged = new Set<string>();
  private readonly loading = new Set<Encoding>();
  /** the workspace folders' paths (from initialize): roots for relative paths the code names */
  workspaceFolders: string[] = [];
  /** notebooks synced as notebooks (LSP notebook sync): their cells are answered from the module */
  notebooks: Notebooks | null = null;
  onEncodingLoaded: () => void = () => {};

  constructor(
    private readonly connection: Connection,
    private readonly documents: Documents,
    private readonly settings: SettingsCache,
  ) {}

  /**
   * The tree-sitter runtime, and `lang`'s grammar when given: grammars load on demand, so
   * the first diagnostics of a Python file wait only for Python's.
   */
  ready(lang?: LanguageName | null): Promise<void> {
    return initParsers(lang ? [lang] : []);
  }

  async analyze(uri: string): Promise<DocAnalysis | null> {
    const nb = this.notebooks?.ofCell(uri);
    if (nb) return this.analyzeCell(nb, uri);
    const state = this.documents.get(uri);
    if (!state) return null;
    const ctx = await this.settings.forDocument(state.module?.notebook ?? uri);
    await this.ready(state.lang);
    // the document may have changed, closed or been reopened as another language while waiting
    for (;;) {
      const current = this.documents.get(uri);
      if (!current) return null;
      if (!current.lang || languageReady(current.lang)) return this.analyzeNow(current, ctx);
      await this.ready(current.lang);
    }
  }

  /**
   * A notebook cell's view of its module's analysis: the cell's findings and calls, its positions
   * (./notebooks.ts CellDocument); null for a cell outside the module (markdown, another language).
   */
  private async analyzeCell(nb: NotebookState, uri: string): Promise<DocAnalysis | null> {
    const a = await this.analyze(nb.key);
    return a ? this.cellView(a, nb, uri) : null;
  }

  /** Every cell's view of the module, analysed once; cells outside the module map to null. */
  async analyzeCells(nb: NotebookState): Promise<Map<string, DocAnalysis | null>> {
    const a = await this.analyze(nb.key);
    const out = new Map<string, DocAnalysis | null>();
    for (const c of nb.cells) out.set(c.uri, a ? this.cellView(a, nb, c.uri) : null);
    return out;
  }

  private cellView(a: DocAnalysis, nb: NotebookState, uri: string): DocAnalysis | null {
    const notebooks = this.notebooks;
    const cell = notebooks?.cell(nb, uri);
    if (!cell || !notebooks) return null;
    const { extent } = cell;
    const inCell = (s: Span) => s.start >= extent.start && s.end <= extent.end;
    return {
      ...a,
      state: cellState(a.state, cell.doc, extent.start),
      calls: a.calls.filter((c) => inCell(c.span)),
      findings: a.findings.filter((f) => inCell(f.span)),
      placeEdit: (span) => notebooks.locate(nb, span),
    };
  }

  /** Synchronous once parsers and settings are known. */
  analyzeNow(state: DocState, ctx: EngineContext): DocAnalysis {
    const hit = this.cache.get(state);
    if (hit && hit.version === state.version && hit.ctx === ctx && !hit.stale) return hit.result;
    const text = state.doc.getText();
    let result: DocAnalysis;
    if (overByteLimit(text, ctx.settings.maxFileSize)) {
      this.documents.dropTree(state);
      if (!this.tooLargeLogged.has(state.uri)) {
        this.tooLargeLogged.add(state.uri);
        const size = Buffer.byteLength(text, 'utf8');
        this.connection.console.info(
          `openai-model-lint: ${state.uri} is larger than maxFileSize: ${size} bytes is over the ${ctx.settings.maxFileSize}-byte limit (setting openaiModelLint.maxFileSize, or maxFileSize in .openai-model-lint.json); not checked`,
        );
      }
      result = { ...EMPTY, state, text, ctx, skipped: true };
    } else {
      const tree = this.documents.tree(state);
      // the calls depend on the text alone: the same version's are kept when only the findings
      // are out of date (settings, an encoding that loaded), or moved past one harmless edit
      const same = hit && hit.version === state.version && !hit.result.skipped && hit.result.words ? { calls: hit.result.calls, words: hit.result.words } : null;
      const reused = same ?? (tree && hit ? reusable(hit, state, tree, text) : null);
      const location = documentLocation(state.uri, this.workspaceFolders);
      const module = state.module;
      const a = !tree || !state.lang
        ? EMPTY
        : module && module.layout.text === text
          ? this.analyzeModule(state, tree, module, ctx, location, reused)
          : analyzeTree(tree, text, state.lang, ctx, location, reused ?? undefined);
      result = { calls: a.calls, findings: a.findings, ...(a.words ? { words: a.words } : {}), state, text, ctx, skipped: false };
      this.warm(neededEncodings(a.calls, ctx, text));
    }
    this.cache.set(state, { version: state.version, ctx, result });
    return result;
  }

  /**
   * A notebook's module: its unparsable cells' blanked parse is kept on the state for the next
   * keystroke (engineNotebook.ts), the one it replaces deleted.
   */
  private analyzeModule(state: DocState, tree: Tree, module: ModuleInfo, ctx: EngineContext, location: DocumentLocation | undefined, reused: Extraction | null): Analysis {
    const previous = state.blanked;
    const { blanked, ...a } = analyzeNotebookTree(tree, module.layout, ctx, {
      ...(location ? { document: location } : {}),
      ...(reused ? { extraction: reused } : {}),
      ...(previous ? { previous } : {}),
      labels: module.labels,
    });
    if (previous && blanked !== previous) previous.tree.delete();
    if (blanked) state.blanked = blanked;
    else delete state.blanked;
    return a;
  }

  /** Starts loading encodings off the request path; one refresh when each finishes. */
  warm(encodings: Encoding[]): void {
    for (const enc of encodings) {
      if (isEncodingLoaded(enc) || this.loading.has(enc)) continue;
      this.loading.add(enc);
      setImmediate(() => {
        loadEncoding(enc).then(
          () => {
            this.loading.delete(enc);
            // cached analyses counted without this encoding
            this.invalidate();
            this.onEncodingLoaded();
          },
          (err: unknown) => {
            this.loading.delete(enc);
            this.connection.console.error(`openai-model-lint: loading tokenizer ${enc} failed: ${String(err)}`);
          },
        );
      });
    }
  }

  isLoading(enc: Encoding): boolean {
    return this.loading.has(enc);
  }

  /** Findings must be worked out again (settings changed, an encoding loaded); the calls are kept. */
  invalidate(): void {
    for (const s of this.documents.all()) {
      const hit = this.cache.get(s);
      if (hit) hit.stale = true;
    }
  }
}

/**
 * True when `text` is more than `limit` bytes in UTF-8, the unit the command line reads
 * from disk, so a file is skipped in the editor exactly when `check` skips it. A UTF-16
 * unit is 1 to 3 bytes (a surrogate pair 4), so only texts between limit / 3 and limit
 * units are measured.
 */
export function overByteLimit(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return Buffer.byteLength(text, 'utf8') > limit;
}

/**
 * Where a document lives on disk, with the workspace folders that contain it as roots;
 * undefined for untitled and other non-file documents. Notebook cells carry the notebook's path.
 */
export function documentLocation(uri: string, workspaceFolders: readonly string[]): DocumentLocation | undefined {
  const path = documentPath(uri);
  if (path === null) return undefined;
  const roots = workspaceFolders.filter((folder) => {
    const rel = relative(folder, path);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  });
  return { path, roots };
}

/** Paths of the `file:` workspace folders an initialize request names (`workspaceFolders`, else `rootUri`). */
export function workspaceFolderPaths(params: { workspaceFolders?: { uri: string }[] | null; rootUri?: string | null }): string[] {
  const uris = params.workspaceFolders?.length ? params.workspaceFolders.map((f) => f.uri) : params.rootUri ? [params.rootUri] : [];
  const out: string[] = [];
  for (const uri of uris) {
    if (!uri.startsWith('file:')) continue;
    try {
      out.push(fileURLToPath(uri));
    } catch {
      // a malformed folder URI is no root
    }
  }
  return out;
}
