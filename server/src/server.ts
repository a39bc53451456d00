/**
 * The language server entry: wiring only (features live in ./features). Transport from argv
 * (`--stdio`, `--node-ipc`, `--socket=`), so it runs standalone for any LSP editor and under
 * the VS Code client over IPC. Every handler is guarded: an exception is logged and the
 * request answered empty, never fatal.
 */
import { createConnection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, ProposedFeatures, TextDocumentSyncKind } from 'vscode-languageserver/node';
import type { DocumentDiagnosticReport, InitializeParams, InitializeResult } from 'vscode-languageserver/node';
import { Catalog } from './catalog/catalog';
import { modelCard } from './catalog/card';
import { callModel } from './engine';
import { VERSION } from './cli/version';
import { PROJECT_FILE } from './config/load';
import { Analyzer, workspaceFolderPaths } from './features/analysis';
import type { DocAnalysis } from './features/analysis';
import { codeActions, FIX_ALL_KIND } from './features/codeActions';
import { completion } from './features/completion';
import { contains } from './features/convert';
import { toDiagnostic } from './features/diagnostics';
import { Documents } from './features/documents';
import { FrameWatch } from './frameWatch';
import { hover } from './features/hover';
import { SECTION, SettingsCache } from './features/settings';
import { callAt, callTokenInfo, LOADING_TEXT, summary } from './features/tokenInfo';
import { codeLenses, inlayHints } from './features/tokenHints';

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
const caps = { configuration: false, pullDiagnostics: false, diagnosticRefresh: false, inlayRefresh: false, lensRefresh: false, watchedFiles: false };
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
  const init = params.initializationOptions as { untrusted?: boolean } | undefined;
  if (init?.untrusted) settings.trusted = false;
  analyzer.workspaceFolders = workspaceFolderPaths(params);
  settings.workspaceFolders = analyzer.workspaceFolders;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['"', "'", '`', '-'] },
      codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: false },
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
  } else for (const s of documents.all()) schedulePush(s.uri);
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
      await connection.sendDiagnostics({ uri, version: a.state.version, diagnostics: a.findings.map((f) => toDiagnostic(f, a.state.doc)) });
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

const EMPTY_REPORT: DocumentDiagnosticReport = { kind: 'full', items: [] };
connection.languages.diagnostics.on(
  guard('diagnostics', EMPTY_REPORT, async (p): Promise<DocumentDiagnosticReport> => {
    const a = await analyzer.analyze(p.textDocument.uri);
    if (a) primeLater(p.textDocument.uri);
    return a ? { kind: 'full', items: a.findings.map((f) => toDiagnostic(f, a.state.doc)) } : EMPTY_REPORT;
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
    const catalogDate = Catalog.builtIn().asOf;
    const r = await at(p.textDocument.uri, p.position);
    const call = r ? callAt(r.a.calls, r.offset) : undefined;
    if (!r || !call) return { catalogDate, model: null, tokens: null };
    const t = callModel(call, r.a.ctx, r.a.text);
    const info = callTokenInfo(call, r.a, analyzer);
    return {
      catalogDate: r.a.ctx.catalog.asOf,
      model: t.kind === 'resolved' ? t.entry.id : t.kind === 'none' ? null : t.id,
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
    return { id: t.entry.id, markdown: modelCard(t.resolved, catalog, { asOf: r.a.ctx.asOf, markdown: true }) };
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
