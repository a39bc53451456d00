/**
 * A small LSP client for tests and fuzzing: spawns the real server (`node server/out/server.js
 * --stdio`) and talks JSON-RPC over its stdio as an editor does. It answers the server's own
 * requests (workspace/configuration from `config`, registrations, refreshes), records
 * published diagnostics and shown messages, and bounds every wait.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver-types';

export const SERVER_JS = join(__dirname, '..', '..', '..', 'server', 'out', 'server.js');

export interface StartOptions {
  /** advertise textDocument.diagnostic (pull model) */
  pullDiagnostics?: boolean;
  /** the `openaiModelLint` section answered to workspace/configuration; undefined = no configuration capability */
  config?: Record<string, unknown>;
  rootUri?: string;
  /** sent as initialize's initializationOptions (e.g. `{ untrusted: true }`) */
  initializationOptions?: unknown;
  /** advertise notebookDocument.synchronization (LSP 3.17 notebook sync, as VS Code does) */
  notebooks?: boolean;
  serverPath?: string;
  /** bound for each request / wait, ms */
  timeout?: number;
  /** never answer workspace/configuration (a client that hangs); `answerConfiguration()` answers the held requests */
  holdConfiguration?: boolean;
  /** options for node before the server script (e.g. `-r` a preload) */
  nodeArgs?: string[];
}

export interface NotebookCellText {
  uri: string;
  /** 1 markdown, 2 code (LSP NotebookCellKind) */
  kind: 1 | 2;
  languageId: string;
  text: string;
}

export interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

export class LspClient {
  readonly published = new Map<string, Published>();
  readonly messages: { type: number; message: string }[] = [];
  readonly logs: string[] = [];
  readonly refreshes: string[] = [];
  config: Record<string, unknown> | undefined;
  /** what the server answered to initialize */
  serverCapabilities: { notebookDocumentSync?: unknown } & Record<string, unknown> = {};
  private readonly texts = new Map<string, TextDocument>();
  /** workspace/configuration requests not answered yet (holdConfiguration) */
  readonly held: (() => void)[] = [];
  private waiters: Array<() => void> = [];
  readonly timeout: number;

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: MessageConnection,
    opts: StartOptions,
  ) {
    this.config = opts.config;
    this.timeout = opts.timeout ?? 10_000;
  }

  static async start(opts: StartOptions = {}): Promise<LspClient> {
    const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), opts.serverPath ?? SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new LspClient(proc, conn, opts);
    proc.stderr!.on('data', (d: Buffer) => client.logs.push(d.toString()));
    conn.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      client.published.set(p.uri, p);
      client.wake();
    });
    conn.onNotification('window/showMessage', (p: { type: number; message: string }) => {
      client.messages.push(p);
      client.wake();
    });
    conn.onNotification('window/logMessage', (p: { message: string }) => {
      client.logs.push(p.message);
      client.wake();
    });
    conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => {
      const answer = (): (Record<string, unknown> | null)[] => p.items.map(() => client.config ?? null);
      if (!opts.holdConfiguration) return answer();
      return new Promise((resolve) => client.held.push(() => resolve(answer())));
    });
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('window/workDoneProgress/create', () => null);
    for (const m of ['workspace/diagnostic/refresh', 'workspace/inlayHint/refresh', 'workspace/codeLens/refresh']) {
      conn.onRequest(m, () => {
        client.refreshes.push(m);
        client.wake();
        return null;
      });
    }
    conn.listen();
    const init = await client.request<{ capabilities: LspClient['serverCapabilities'] }>('initialize', {
      processId: process.pid,
      rootUri: opts.rootUri ?? null,
      ...(opts.initializationOptions !== undefined ? { initializationOptions: opts.initializationOptions } : {}),
      capabilities: {
        ...(opts.notebooks ? { notebookDocument: { synchronization: { dynamicRegistration: false, executionSummarySupport: false } } } : {}),
        workspace: {
          configuration: opts.config !== undefined,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          diagnostics: { refreshSupport: true },
          inlayHint: { refreshSupport: true },
          codeLens: { refreshSupport: true },
        },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { tagSupport: { valueSet: [1] } } },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
          publishDiagnostics: { tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true, versionSupport: true },
          ...(opts.pullDiagnostics ? { diagnostic: { dynamicRegistration: false } } : {}),
          inlayHint: {},
        },
      },
    });
    client.serverCapabilities = init.capabilities;
    client.notify('initialized', {});
    return client;
  }

  /** Answers the workspace/configuration requests held so far (holdConfiguration). */
  answerConfiguration(): void {
    for (const answer of this.held.splice(0)) answer();
  }

  request<R = unknown>(method: string, params: unknown, timeout = this.timeout): Promise<R> {
    return bounded(this.conn.sendRequest(method, params) as Promise<R>, timeout, method);
  }

  notify(method: string, params: unknown): void {
    void this.conn.sendNotification(method, params);
  }

  open(uri: string, languageId: string, text: string, version = 1): void {
    this.texts.set(uri, TextDocument.create(uri, languageId, version, text));
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Sends incremental changes and keeps the client-side copy in step. */
  change(uri: string, changes: { range: Range; text: string }[]): number {
    const doc = this.texts.get(uri);
    if (!doc) throw new Error(`not open: ${uri}`);
    const next = TextDocument.update(doc, changes, doc.version + 1);
    this.texts.set(uri, next);
    this.notify('textDocument/didChange', { textDocument: { uri, version: next.version }, contentChanges: changes });
    return next.version;
  }

  close(uri: string): void {
    this.texts.delete(uri);
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  private readonly notebookVersions = new Map<string, number>();

  /** Opens a notebook as VS Code does with notebook sync: its cells (kind 1 markdown, 2 code) and their texts. */
  openNotebook(uri: string, cells: NotebookCellText[]): void {
    this.notebookVersions.set(uri, 1);
    for (const c of cells) this.texts.set(c.uri, TextDocument.create(c.uri, c.languageId, 1, c.text));
    this.notify('notebookDocument/didOpen', {
      notebookDocument: { uri, notebookType: 'jupyter-notebook', version: 1, cells: cells.map((c) => ({ kind: c.kind, document: c.uri })) },
      cellTextDocuments: cells.map((c) => ({ uri: c.uri, languageId: c.languageId, version: 1, text: c.text })),
    });
  }

  /** Edits one cell's text (incremental changes) through notebookDocument/didChange; returns the cell's new version. */
  changeCell(notebook: string, cell: string, changes: { range: Range; text: string }[]): number {
    const doc = this.texts.get(cell);
    if (!doc) throw new Error(`not open: ${cell}`);
    const next = TextDocument.update(doc, changes, doc.version + 1);
    this.texts.set(cell, next);
    const version = (this.notebookVersions.get(notebook) ?? 1) + 1;
    this.notebookVersions.set(notebook, version);
    this.notify('notebookDocument/didChange', {
      notebookDocument: { uri: notebook, version },
      change: { cells: { textContent: [{ document: { uri: cell, version: next.version }, changes }] } },
    });
    return next.version;
  }

  /** Replaces `deleteCount` cells at `start` with `cells` (their texts opened, removed ones closed). */
  spliceCells(notebook: string, start: number, deleteCount: number, cells: NotebookCellText[], removed: string[] = []): void {
    for (const c of cells) this.texts.set(c.uri, TextDocument.create(c.uri, c.languageId, 1, c.text));
    for (const r of removed) this.texts.delete(r);
    const version = (this.notebookVersions.get(notebook) ?? 1) + 1;
    this.notebookVersions.set(notebook, version);
    this.notify('notebookDocument/didChange', {
      notebookDocument: { uri: notebook, version },
      change: {
        cells: {
          structure: {
            array: { start, deleteCount, cells: cells.map((c) => ({ kind: c.kind, document: c.uri })) },
            didOpen: cells.map((c) => ({ uri: c.uri, languageId: c.languageId, version: 1, text: c.text })),
            didClose: removed.map((r) => ({ uri: r })),
          },
        },
      },
    });
  }

  closeNotebook(uri: string, cells: string[]): void {
    for (const c of cells) this.texts.delete(c);
    this.notify('notebookDocument/didClose', { notebookDocument: { uri }, cellTextDocuments: cells.map((c) => ({ uri: c })) });
  }

  text(uri: string): string {
    return this.texts.get(uri)?.getText() ?? '';
  }

  /** Position of the n-th (0-based) occurrence of `needle` in the client's copy, plus `delta` characters. */
  positionOf(uri: string, needle: string, delta = 0, nth = 0): Position {
    const doc = this.texts.get(uri)!;
    const text = doc.getText();
    let i = -1;
    for (let k = 0; k <= nth; k++) {
      i = text.indexOf(needle, i + 1);
      if (i < 0) throw new Error(`${JSON.stringify(needle)} not found`);
    }
    return doc.positionAt(i + delta);
  }

  /** Waits until `check` returns a value (re-checked on every notification and every 20 ms). */
  async waitFor<T>(check: () => T | undefined | null | false, what: string, timeout = this.timeout): Promise<T> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const v = check();
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 20);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Push model: the diagnostics published for the document's current version. */
  pushed(uri: string, version?: number, timeout?: number): Promise<Diagnostic[]> {
    const want = version ?? this.texts.get(uri)?.version;
    return this.waitFor(() => {
      const p = this.published.get(uri);
      return p && (want === undefined || p.version === want) ? p.diagnostics : undefined;
    }, `diagnostics of ${uri} v${want}`, timeout);
  }

  /** Pull model: textDocument/diagnostic. */
  async pulled(uri: string): Promise<Diagnostic[]> {
    const r = await this.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    return r.items;
  }

  /** Applies edits to the client's copy and tells the server (as an editor applying a code action). */
  applyEdits(uri: string, edits: TextEdit[]): string {
    const doc = this.texts.get(uri)!;
    const sorted = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
    this.change(uri, sorted.map((e) => ({ range: e.range, text: e.newText })));
    return this.text(uri);
  }

  async stop(): Promise<void> {
    try {
      await this.request('shutdown', null, 2000);
      this.notify('exit', null);
    } catch {
      // the process is killed below
    }
    await new Promise<void>((resolve) => {
      if (this.proc.exitCode !== null) return resolve();
      const t = setTimeout(() => {
        this.proc.kill('SIGKILL');
        resolve();
      }, 2000);
      this.proc.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
    this.conn.dispose();
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}

export function bounded<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let t: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(t)),
    new Promise<T>((_, reject) => {
      t = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    }),
  ]);
}

/** Applies LSP edits to a string (for asserting code-action output without a server round trip). */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x:', 'x', 0, text), edits);
}
