/**
 * Settings per document: `workspace/configuration` (section `openaiModelLint`, scoped to the
 * document) merged with the nearest `.openai-model-lint.json` (the file overrides). Cached by
 * URI until the configuration or the project file changes. Invalid keys are reported once
 * (window/showMessage naming the key); their defaults apply and the server keeps serving.
 */
import { dirname, isAbsolute } from 'node:path';
import { MessageType } from 'vscode-languageserver';
import type { Connection } from 'vscode-languageserver';
import { createContext } from '../engine';
import type { EngineContext } from '../engine';
import { findProjectConfig, firstProblems, formatProblem, gitRoot, isWithin, loadProjectConfig, mergeSettings, validateSettings, withCatalogFileFrom } from '../config/load';
import type { ConfigProblem } from '../config/load';
import { DEFAULT_SETTINGS } from '../config/schema';
import type { Settings } from '../config/schema';
import { cachedFileSize } from '../fileSize';
import type { FileSizeLookup } from '../fileSize';
import { documentPath } from './convert';

export const SECTION = 'openaiModelLint';
/** How long a `workspace/configuration` request may go unanswered before defaults are used. */
export const CONFIGURATION_TIMEOUT_MS = 3000;
/** Problems named in the pop-up message; the rest are counted. */
const PROBLEMS_IN_MESSAGE = 10;
const TIMED_OUT = Symbol('timed out');

export class SettingsCache {
  private readonly byUri = new Map<string, Promise<EngineContext>>();
  private readonly contexts = new Map<string, EngineContext>();
  private readonly reported = new Set<string>();
  /** false in untrusted workspaces: the project file and `catalog.file` (which point at files) are ignored */
  trusted = true;
  /** the workspace folders' paths: a project file is looked up no higher than the folder holding the document, and a relative `catalog.file` of the settings is resolved against that folder */
  workspaceFolders: readonly string[] = [];
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

  /** bumped by clear(): an answer to an older configuration request is dropped */
  private generation = 0;
  private unansweredLogged = false;
  /** a configuration answer came after the timeout: documents are to be checked again */
  onLateSettings: () => void = () => {};

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
    this.generation++;
    this.byUri.clear();
    this.reported.clear();
  }

  private async resolve(uri: string): Promise<EngineContext> {
    return this.build(uri, this.canPull() ? await this.pull(uri) : this.pushed);
  }

  /**
   * The client's settings for a document; undefined (defaults) when it does not answer
   * within CONFIGURATION_TIMEOUT_MS, so that document still gets diagnostics and hovers.
   * An answer that comes later replaces the defaults, and `onLateSettings` re-checks.
   */
  private async pull(uri: string): Promise<unknown> {
    const request = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SECTION });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), CONFIGURATION_TIMEOUT_MS)));
    const answer = await Promise.race([request, timeout]).finally(() => clearTimeout(timer));
    if (answer !== TIMED_OUT) return answer;
    if (!this.unansweredLogged) {
      this.unansweredLogged = true;
      this.connection.console.warn(`openai-model-lint: the client did not answer workspace/configuration for ${uri} within ${CONFIGURATION_TIMEOUT_MS} ms; default settings are used until it does`);
    }
    const generation = this.generation;
    request.then(
      (late: unknown) => {
        if (this.generation !== generation) return; // the settings were re-read since
        this.byUri.set(uri, Promise.resolve(this.build(uri, late)));
        this.onLateSettings();
      },
      () => undefined,
    );
    return undefined;
  }

  /** The context for a document from the client's settings (`raw`) and its project file. */
  private build(uri: string, raw: unknown): EngineContext {
    let settings: Settings = DEFAULT_SETTINGS;
    const problems: string[] = [];
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
    const file = this.trusted ? projectFileFor(uri, this.workspaceFolders, (m) => this.connection.console.warn(`openai-model-lint: ${m}`)) : null;
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

  /** One message for the new problems: the first few, then how many more (all of the first MAX_PROBLEMS_SHOWN in the log). */
  private report(problems: string[]): void {
    const fresh = problems.filter((p) => !this.reported.has(p));
    if (!fresh.length) return;
    for (const p of fresh) this.reported.add(p);
    const { shown, more } = firstProblems(fresh, PROBLEMS_IN_MESSAGE);
    if (more) {
      const logged = firstProblems(fresh);
      this.connection.console.error(`openai-model-lint: ${fresh.length} invalid settings:\n${logged.shown.join('\n')}${logged.more ? `\n… and ${logged.more} more` : ''}`);
    }
    void this.connection.sendNotification('window/showMessage', {
      type: MessageType.Error,
      message: `OpenAI Model Lint: invalid ${shown.join('; ')}${more ? `; and ${more} more (see the output)` : ''} — defaults are used for ${fresh.length === 1 ? 'this key' : 'these keys'}.`,
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
  const path = documentPath(uri);
  const containing = path === null ? [] : folders.filter((f) => isWithin(path, f));
  return containing.sort((a, b) => b.length - a.length)[0] ?? (folders.length === 1 ? folders[0]! : null);
}

/**
 * The project file for a document: the nearest one up to its project root, which is the
 * nearest directory holding `.git` or being a workspace folder (only the document's own
 * directory when neither is above it).
 */
function projectFileFor(uri: string, workspaceFolders: readonly string[], note: (message: string) => void): string | null {
  // notebook cells carry the notebook's path
  const path = documentPath(uri);
  if (path === null) return null;
  try {
    const dir = dirname(path);
    const roots = [gitRoot(dir), ...workspaceFolders.filter((f) => isWithin(dir, f))].filter((r): r is string => r !== null);
    // the nearest root is the longest path among those above the document
    const root = roots.length ? roots.reduce((a, b) => (b.length > a.length ? b : a)) : dir;
    return findProjectConfig(dir, root, note);
  } catch {
    return null;
  }
}
