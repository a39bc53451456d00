/**
 * The language server entry: wiring only (features live in ./features). Transport from argv
 * (`--stdio`, `--node-ipc`, `--socket=`), so it runs standalone for any LSP editor and under
 * the VS Code client over IPC. Every handler is guarded: an exception is logged and the
 * request answered empty, never fatal.
 */
import { writeSync } from 'node:fs';
import { createConnection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, ProposedFeatures, TextDocumentSyncKind } from 'vscode-languageserver/node';
import type { DocumentDiagnosticReport, InitializeParams, InitializeResult } from 'vscode-languageserver/node';
import { Catalog, catalogAgeNote } from './catalog/catalog';
import { modelCard } from './catalog/card';
import { callModel } from './engine';
import { VERSION } from './cli/version';
import { PROJECT_FILE, todayUtc } from './config/load';
import { Analyzer, workspaceFolderPaths } from './features/analysis';
import type { DocAnalysis } from './features/analysis';
import { codeActions, FIX_ALL_KIND, FIX_ALL_UNSAFE_KIND } from './features/codeActions';
import { completion } from './features/completion';
import { contains } from './features/convert';
import { toDiagnostic } from './features/diagnostics';
import { Documents } from './features/documents';
import { Notebooks } from './features/notebooks';
import { FrameWatch } from './frameWatch';
import { hover } from './features/hover';
import { SECTION, SettingsCache } from './features/settings';
import { callAt, callTokenInfo, LOADING_TEXT, summary } from './features/tokenInfo';
import { codeLenses, inlayHints } from './features/tokenHints';
import { redactKeys } from './rules/hardcoded-api-key';
import { serverCommandLine } from './serverArgs';

// --help, --version or no transport: answer and exit before the connection needs one
const early = serverCommandLine(process.argv.slice(2), VERSION);
if (early) {
  if (early.stdout) writeSync(1, early.stdout);
  if (early.stderr) writeSync(2, early.stderr);
  process.exit(early.status);
}

const connection = createConnection(ProposedFeatures.all);
if (process.argv.includes('--stdio')) {
  // a header the connection cannot read leaves it deaf for good: say so and exit, so the client restarts the server
  const watch = new FrameWatch((reason) => {
    process.stderr.write(`openai-model-lint: the client sent ${reason}; no message after it can be read, exiting\n`);
    process.exit(1);
  });
  process.stdin.prependListener('data', (chunk: Buffer) => watch.feed(chunk));
}
const documents = new Documents();
const notebooks = new Notebooks(documents);
const caps = { configuration: false, pullDiagnostics: false, diagnosticRefresh: false, inlayRefresh: false, lensRefresh: false, watchedFiles: false, notebooks: false };
const settings = new SettingsCache(connection, () => caps.configuration);
const analyzer = new Analyzer(connection, documents, settings);
// tree-sitter and its grammars load from process start, overlapping the initialize handshake
void analyzer.ready().catch((err: unknown) => connection.console.error(`openai-model-lint: loading tree-sitter failed: ${String(err)}`));

/** Runs a handler; on an exception logs it and returns the fallback. */
function guard<A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (err) {
      connection.console.error(`openai-model-lint: ${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return fallback;
    }
  };
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const c = params.capabilities;
  caps.configuration = !!c.workspace?.configuration;
  caps.pullDiagnostics = !!c.textDocument?.diagnostic;
  caps.diagnosticRefresh = !!c.workspace?.diagnostics?.refreshSupport;
  caps.inlayRefresh = !!c.workspace?.inlayHint?.refreshSupport;
  caps.lensRefresh = !!c.workspace?.codeLens?.refreshSupport;
  caps.watchedFiles = !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  caps.notebooks = !!c.notebookDocument?.synchronization;
  // notebooks synced as notebooks are one program; other clients send cells as documents of their own
  analyzer.notebooks = caps.notebooks ? notebooks : null;
  const init = params.initializationOptions as { untrusted?: boolean } | undefined;
  if (init?.untrusted) settings.trusted = false;
  analyzer.workspaceFolders = workspaceFolderPaths(params);
  settings.workspaceFolders = analyzer.workspaceFolders;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      // every cell, so that a cell is named by its index in the notebook (as `check` names it)
      ...(caps.notebooks ? { notebookDocumentSync: { notebookSelector: [{ notebook: { notebookType: 'jupyter-notebook' } }] } } : {}),
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['"', "'", '`', '-'] },
      codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND, FIX_ALL_UNSAFE_KIND], resolveProvider: false },
      inlayHintProvider: true,
      codeLensProvider: { resolveProvider: false },
      ...(caps.pullDiagnostics ? { diagnosticProvider: { identifier: 'openai-model-lint', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'openai-model-lint', version: VERSION },
  };
});

connection.onInitialized(() => {
  if (caps.configuration) void connection.client.register(DidChangeConfigurationNotification.type, { section: SECTION }).catch(() => undefined);
  if (caps.watchedFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${PROJECT_FILE}` }] }).catch(() => undefined);
  }
});

/** Re-checks every open document: a refresh request (pull) or new diagnostics (push). */
function refreshAll(): void {
  if (caps.pullDiagnostics) {
    if (caps.diagnosticRefresh) void connection.languages.diagnostics.refresh().catch(() => undefined);
  } else for (const s of documents.all()) if (!s.module) schedulePush(s.uri);
  for (const nb of notebooks.all()) scheduleNotebook(nb.uri, []);
  if (caps.inlayRefresh) void connection.languages.inlayHint.refresh().catch(() => undefined);
  if (caps.lensRefresh) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
}

function settingsChanged(params?: unknown): void {
  if (params !== undefined) settings.push(params);
  settings.clear();
  analyzer.invalidate();
  refreshAll();
}

connection.onDidChangeConfiguration(guard('didChangeConfiguration', undefined, settingsChanged));
connection.onDidChangeWatchedFiles(
  guard('didChangeWatchedFiles', undefined, (p) => {
    if (p.changes.some((c) => c.uri.endsWith(PROJECT_FILE))) settingsChanged(undefined);
  }),
);
/**
 * The user trusted the workspace (VS Code's onDidGrantWorkspaceTrust): project files are
 * read from now on (trust is never revoked without a restart of the extension host).
 */
connection.onNotification(
  'openaiModelLint/trustGranted',
  guard('trustGranted', undefined, () => {
    if (settings.trusted) return;
    settings.trusted = true;
    settingsChanged(undefined);
  }),
);
analyzer.onEncodingLoaded = refreshAll;
settings.onLateSettings = refreshAll;

// ---- documents and push diagnostics --------------------------------------------------

const pushQueued = new Set<string>();
function schedulePush(uri: string): void {
  if (caps.pullDiagnostics || pushQueued.has(uri)) return;
  pushQueued.add(uri);
  setImmediate(
    guard('publishDiagnostics', undefined, async () => {
      pushQueued.delete(uri);
      const a = await analyzer.analyze(uri);
      if (!a) return;
      await connection.sendDiagnostics({ uri, version: a.state.version, diagnostics: a.findings.map((f) => toDiagnostic(f, a.state.doc, a.placeEdit)) });
      primeLater(uri);
    }),
  );
}

/** Once the diagnostics are out: the document's first incremental parse, done while idle (Documents.prime). */
function primeLater(uri: string): void {
  setImmediate(guard('prime', undefined, () => documents.prime(uri)));
}

connection.onDidOpenTextDocument(
  guard('didOpen', undefined, (p) => {
    const d = p.textDocument;
    documents.open(d.uri, d.languageId, d.version, d.text);
    schedulePush(d.uri);
  }),
);
connection.onDidChangeTextDocument(
  guard('didChange', undefined, (p) => {
    documents.change(p.textDocument.uri, p.textDocument.version, p.contentChanges);
    schedulePush(p.textDocument.uri);
  }),
);
connection.onDidCloseTextDocument(
  guard('didClose', undefined, (p) => {
    documents.close(p.textDocument.uri);
    if (!caps.pullDiagnostics) void connection.sendDiagnostics({ uri: p.textDocument.uri, diagnostics: [] });
  }),
);

// ---- notebooks (LSP notebook sync) ----------------------------------------------------

/** What each notebook's cells were last given, by cell URI: published (push) or answered (pull), as JSON. */
const servedCells = new Map<string, Map<string, string>>();
const notebookQueued = new Map<string, Set<string>>();

function servedTo(notebook: string): Map<string, string> {
  let m = servedCells.get(notebook);
  if (!m) servedCells.set(notebook, (m = new Map()));
  return m;
}

/**
 * After a notebook changed: its module is analysed once and every code cell whose diagnostics
 * changed is told — published (push), or a refresh asked for (pull; the cells just edited are
 * pulled by the client anyway). Cells that left the module are cleared.
 */
function scheduleNotebook(uri: string, edited: readonly string[]): void {
  const queued = notebookQueued.get(uri);
  if (queued) {
    for (const e of edited) queued.add(e);
    return;
  }
  notebookQueued.set(uri, new Set(edited));
  setImmediate(
    guard('notebookDiagnostics', undefined, async () => {
      const justEdited = notebookQueued.get(uri) ?? new Set<string>();
      notebookQueued.delete(uri);
      const nb = notebooks.get(uri);
      if (!nb) return;
      const served = servedTo(uri);
      let refresh = false;
      // cells removed from the notebook: nothing of theirs stays on screen
      for (const cell of [...served.keys()]) {
        if (nb.cells.some((c) => c.uri === cell)) continue;
        served.delete(cell);
        if (!caps.pullDiagnostics) await connection.sendDiagnostics({ uri: cell, diagnostics: [] });
      }
      const views = await analyzer.analyzeCells(nb);
      for (const c of nb.cells) {
        const a = views.get(c.uri) ?? null;
        const items = a ? a.findings.map((f) => toDiagnostic(f, a.state.doc, a.placeEdit)) : [];
        const json = JSON.stringify(items);
        if (served.get(c.uri) === json || (!a && !served.has(c.uri))) continue;
        if (caps.pullDiagnostics) {
          if (!justEdited.has(c.uri) && served.has(c.uri)) refresh = true;
          continue;
        }
        served.set(c.uri, json);
        await connection.sendDiagnostics({ uri: c.uri, ...(a ? { version: a.state.version } : {}), diagnostics: items });
      }
      primeLater(nb.key);
      if (refresh && caps.diagnosticRefresh) void connection.languages.diagnostics.refresh().catch(() => undefined);
      if (refresh && caps.inlayRefresh) void connection.languages.inlayHint.refresh().catch(() => undefined);
    }),
  );
}

connection.notebooks.synchronization.onDidOpenNotebookDocument(
  guard('notebookDidOpen', undefined, (p) => {
    const nb = notebooks.open(p);
    scheduleNotebook(nb.uri, []);
  }),
);
connection.notebooks.synchronization.onDidChangeNotebookDocument(
  guard('notebookDidChange', undefined, (p) => {
    const r = notebooks.change(p);
    if (r) scheduleNotebook(r.notebook.uri, r.edited);
  }),
);
connection.notebooks.synchronization.onDidCloseNotebookDocument(
  guard('notebookDidClose', undefined, (p) => {
    const nb = notebooks.close(p);
    if (!nb) return;
    const served = servedCells.get(nb.uri);
    servedCells.delete(nb.uri);
    if (caps.pullDiagnostics) return;
    for (const cell of served?.keys() ?? []) void connection.sendDiagnostics({ uri: cell, diagnostics: [] });
  }),
);

const EMPTY_REPORT: DocumentDiagnosticReport = { kind: 'full', items: [] };
connection.languages.diagnostics.on(
  guard('diagnostics', EMPTY_REPORT, async (p): Promise<DocumentDiagnosticReport> => {
    const uri = p.textDocument.uri;
    const a = await analyzer.analyze(uri);
    if (!a) return EMPTY_REPORT;
    const nb = notebooks.ofCell(uri);
    primeLater(nb ? nb.key : uri);
    const items = a.findings.map((f) => toDiagnostic(f, a.state.doc, a.placeEdit));
    if (nb) servedTo(nb.uri).set(uri, JSON.stringify(items));
    return { kind: 'full', items };
  }),
);

// ---- requests -------------------------------------------------------------------------

async function at(uri: string, position: { line: number; character: number }): Promise<{ a: DocAnalysis; offset: number } | null> {
  const a = await analyzer.analyze(uri);
  return a ? { a, offset: a.state.doc.offsetAt(position) } : null;
}

connection.onHover(
  guard('hover', null, async (p) => {
    const r = await at(p.textDocument.uri, p.position);
    return r ? hover(r.a, r.offset, analyzer) : null;
  }),
);
connection.onCompletion(
  guard('completion', null, async (p) => {
    const r = await at(p.textDocument.uri, p.position);
    return r ? completion(r.a, r.offset) : null;
  }),
);
connection.onCodeAction(
  guard('codeAction', [], async (p) => {
    const a = await analyzer.analyze(p.textDocument.uri);
    return a ? codeActions(p, a) : [];
  }),
);
connection.languages.inlayHint.on(
  guard('inlayHint', [], async (p) => {
    const a = await analyzer.analyze(p.textDocument.uri);
    return a ? inlayHints(a, p.range, analyzer) : [];
  }),
);
connection.onCodeLens(
  guard('codeLens', [], async (p) => {
    const a = await analyzer.analyze(p.textDocument.uri);
    return a ? codeLenses(a, analyzer) : [];
  }),
);

interface PositionParams {
  textDocument: { uri: string };
  position: { line: number; character: number };
}

/** Status bar: the catalog date, the model and token count of the call under the cursor. */
connection.onRequest(
  'openaiModelLint/callInfo',
  guard('callInfo', null, async (p: PositionParams) => {
    const r = await at(p.textDocument.uri, p.position);
    const catalogDate = r ? r.a.ctx.catalog.asOf : Catalog.builtIn().asOf;
    // SPEC §2 catalog age: the status bar says it while the catalog is over 90 days old
    const catalogNote = catalogAgeNote(catalogDate, r ? r.a.ctx.asOf : todayUtc());
    const call = r ? callAt(r.a.calls, r.offset) : undefined;
    if (!r || !call) return { catalogDate, catalogNote, model: null, tokens: null };
    const t = callModel(call, r.a.ctx, r.a.text);
    const info = callTokenInfo(call, r.a, analyzer);
    const model = t.kind === 'resolved' ? t.entry.id : t.kind === 'none' ? null : t.id;
    return {
      catalogDate,
      catalogNote,
      // the status bar shows the model as written: a key pasted there is masked (OAI501's rule)
      model: model === null ? null : redactKeys(model),
      tokens: info.kind === 'count' ? summary(info.count, info.entry) : info.kind === 'loading' ? LOADING_TEXT : null,
    };
  }),
);

/** "Show catalog entry": the card of the model under the cursor (markdown), or null. */
connection.onRequest(
  'openaiModelLint/modelCard',
  guard('modelCard', null, async (p: PositionParams) => {
    const r = await at(p.textDocument.uri, p.position);
    if (!r) return null;
    const call = callAt(r.a.calls, r.offset);
    if (!call || !(call.model && contains(call.span, r.offset))) return null;
    const t = callModel(call, r.a.ctx, r.a.text);
    if (t.kind !== 'resolved') return null;
    const catalog = r.a.ctx.catalog instanceof Catalog ? r.a.ctx.catalog : Catalog.builtIn();
    return { id: t.entry.id, markdown: redactKeys(modelCard(t.resolved, catalog, { asOf: r.a.ctx.asOf, markdown: true })) };
  }),
);

/** "Map Azure deployment…": the Azure models, their versions and regions to pick from. */
connection.onRequest(
  'openaiModelLint/azureModels',
  guard('azureModels', [], () =>
    Catalog.builtIn()
      .azureModels()
      .map((m) => ({ name: m.name, versions: m.versions.map((v) => ({ version: v.version, regions: v.regions })) })),
  ),
);

connection.listen();
