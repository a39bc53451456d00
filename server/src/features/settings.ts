/**
 * Settings per document: `workspace/configuration` (section `openaiModelLint`, scoped to the
 * document) merged with the nearest `.openai-model-lint.json` (the file overrides). Cached by
 * URI until the configuration or the project file changes. Invalid keys are reported once
 * (window/showMessage naming the key); their defaults apply and the server keeps serving.
 */
import { dirname, isAbsolute, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageType } from 'vscode-languageserver';
import type { Connection } from 'vscode-languageserver';
import { createContext } from '../engine';
import type { EngineContext } from '../engine';
import { findProjectConfig, formatProblem, loadProjectConfig, mergeSettings, validateSettings, withCatalogFileFrom } from '../config/load';
import type { ConfigProblem } from '../config/load';
import { DEFAULT_SETTINGS } from '../config/schema';
import type { Settings } from '../config/schema';
import { cachedFileSize } from '../fileSize';
import type { FileSizeLookup } from '../fileSize';

export const SECTION = 'openaiModelLint';

export class SettingsCache {
  private readonly byUri = new Map<string, Promise<EngineContext>>();
  private readonly contexts = new Map<string, EngineContext>();
  private readonly reported = new Set<string>();
  /** false in untrusted workspaces: the project file and `catalog.file` (which point at files) are ignored */
  trusted = true;
  /** the workspace folders' paths: a relative `catalog.file` of the settings is resolved against the document's */
  workspaceFolders: string[] = [];
  /**
   * Settings a client pushed with `workspace/didChangeConfiguration` (clients without
   * `workspace/configuration`, e.g. Neovim 0.7, send them that way): used when we cannot pull.
   */
  private pushed: unknown = undefined;
  private readonly sizes = cachedFileSize();
  /**
   * Sizes of local files the code names (OAI303 on audio uploads), cached: re-analysis on
   * each keystroke stats a path at most once per few seconds. None in untrusted workspaces:
   * a stat reads no content, but a path from untrusted code may name a network share.
   */
  private readonly fileSize: FileSizeLookup = (absPath) => (this.trusted ? this.sizes(absPath) : undefined);

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
  ) {}

  /** The engine context (catalog, settings, as-of) for a document. */
  forDocument(uri: string): Promise<EngineContext> {
    let p = this.byUri.get(uri);
    if (!p) {
      p = this.resolve(uri).catch((err: unknown) => {
        this.connection.console.error(`openai-model-lint: settings for ${uri}: ${String(err)}`);
        return this.context(DEFAULT_SETTINGS);
      });
      this.byUri.set(uri, p);
    }
    return p;
  }

  /**
   * `workspace/didChangeConfiguration` params: `{ settings: { openaiModelLint: {...} } }`,
   * or the section's contents directly. Ignored when the client can be asked (pull).
   */
  push(params: unknown): void {
    const s = (params as { settings?: unknown } | null | undefined)?.settings;
    if (s === null || typeof s !== 'object' || Array.isArray(s)) return;
    const section = (s as Record<string, unknown>)[SECTION];
    this.pushed = section !== undefined ? section : s;
  }

  /** After a configuration or project-file change: re-read, and report problems again (once). */
  clear(): void {
    this.byUri.clear();
    this.reported.clear();
  }

  private async resolve(uri: string): Promise<EngineContext> {
    let settings: Settings = DEFAULT_SETTINGS;
    const problems: string[] = [];
    const raw: unknown = this.canPull() ? await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SECTION }) : this.pushed;
    if (raw !== null && raw !== undefined) {
      const folder = folderOf(uri, this.workspaceFolders);
      const v = folder ? withCatalogFileFrom(folder, validateSettings(stripTrace(raw))) : validateSettings(stripTrace(raw));
      settings = v.settings;
      problems.push(...v.problems.map((p) => `settings: openaiModelLint.${formatProblem(p)}`));
      const relative = settings.catalog.file !== null && !isAbsolute(settings.catalog.file) ? settings.catalog.file : null;
      if (relative !== null) {
        // relative to nothing: not to the server's working directory
        problems.push(`settings: openaiModelLint.catalog.file: '${relative}' is relative and the document is in no workspace folder; give an absolute path`);
        settings = { ...settings, catalog: { ...settings.catalog, file: null } };
      }
    }
    const file = this.trusted ? projectFileFor(uri) : null;
    // the merged list of extra models is the settings' then the project file's: a problem in
    // entry i is reported where that entry is written
    const fromSettings = settings.catalog.extraModels.length;
    let catalogFileInProject = false;
    if (file) {
      const loaded = loadProjectConfig(file);
      settings = mergeSettings(settings, loaded.overrides);
      catalogFileInProject = loaded.overrides.catalog?.file !== undefined;
      problems.push(...loaded.problems.map((p: ConfigProblem) => `${file}: ${formatProblem(p)}`));
    }
    // SPEC §4: no catalog file in an untrusted workspace, wherever it is set
    if (!this.trusted && settings.catalog.file !== null) settings = { ...settings, catalog: { ...settings.catalog, file: null } };
    const ctx = this.context(settings, (p) => {
      if (p.path === 'catalog.file' && file && catalogFileInProject) return `${file}: ${formatProblem(p)}`;
      const m = /^catalog\.extraModels\[(\d+)\](.*)$/.exec(p.path);
      return file && m && Number(m[1]) >= fromSettings ? `${file}: ${formatProblem({ ...p, path: `catalog.extraModels[${Number(m[1]) - fromSettings}]${m[2]}` })}` : `settings: openaiModelLint.${formatProblem(p)}`;
    });
    this.report(problems);
    return ctx;
  }

  /**
   * One context per distinct settings value, so the catalog with extra models is built once;
   * `where` says where a problem with an extra model is written (settings or the project file).
   */
  private context(settings: Settings, where: (p: ConfigProblem) => string = (p) => `settings: openaiModelLint.${formatProblem(p)}`): EngineContext {
    const key = JSON.stringify(settings);
    let ctx = this.contexts.get(key);
    if (!ctx) {
      const { ctx: c, problems } = createContext(settings, { tokens: 'if-loaded', fileSize: this.fileSize });
      ctx = c;
      this.report(problems.map(where));
      if (this.contexts.size > 20) this.contexts.clear();
      this.contexts.set(key, ctx);
    }
    return ctx;
  }

  private report(problems: string[]): void {
    const fresh = problems.filter((p) => !this.reported.has(p));
    if (!fresh.length) return;
    for (const p of fresh) this.reported.add(p);
    void this.connection.sendNotification('window/showMessage', {
      type: MessageType.Error,
      message: `OpenAI Model Lint: invalid ${fresh.join('; ')} — defaults are used for ${fresh.length === 1 ? 'this key' : 'these keys'}.`,
    });
  }
}

/** VS Code returns its own keys too (`trace.server`); they are the client's, not ours. */
function stripTrace(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const rest: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  delete rest.trace;
  return rest;
}

/** The workspace folder that contains the document (the innermost), else the only one; null when none fits. */
function folderOf(uri: string, folders: readonly string[]): string | null {
  let path: string;
  try {
    path = fileURLToPath(uri.replace(/^vscode-notebook-cell:/, 'file:').replace(/#.*$/, ''));
  } catch {
    return folders.length === 1 ? folders[0]! : null;
  }
  const containing = folders.filter((f) => path === f || path.startsWith(f.endsWith(sep) ? f : f + sep));
  return containing.sort((a, b) => b.length - a.length)[0] ?? (folders.length === 1 ? folders[0]! : null);
}

function projectFileFor(uri: string): string | null {
  try {
    // notebook cells carry the notebook's path
    const file = uri.replace(/^vscode-notebook-cell:/, 'file:').replace(/#.*$/, '');
    if (!file.startsWith('file:')) return null;
    return findProjectConfig(dirname(fileURLToPath(file)));
  } catch {
    return null;
  }
}
