/**
 * The project file `.openai-model-lint.json`: validated with the settings schema; each bad
 * key is reported with its key path ("rules.OAI9: rule codes look like OAI201") and left
 * out, so the defaults (or the other source's values) apply to it and the rest still counts.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { readBounded } from '../safeRead';
import { Settings } from './schema';
import type { SettingsInput } from './schema';

export const PROJECT_FILE = '.openai-model-lint.json';
/** A project file is a few kilobytes; a bigger one is refused, not read into memory. */
export const PROJECT_FILE_MAX_BYTES = 4 * 1024 * 1024;
/** Settings nested deeper than this are refused (the schema's deepest key is 4 levels down). */
export const MAX_SETTINGS_DEPTH = 64;

export interface ConfigProblem {
  path: string;
  message: string;
}

export interface LoadedSettings {
  settings: Settings;
  /** the valid part of the input, for merging over another source (`mergeSettings`) */
  overrides: SettingsInput;
  problems: ConfigProblem[];
}

/**
 * The nearest directory at or above `dir` holding `.git` (a directory, or the file a
 * worktree or submodule has); null when there is none.
 */
export function gitRoot(dir: string): string | null {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return null;
  }
}

/** True when `dir` is `root` or inside it. */
export function isWithin(dir: string, root: string): boolean {
  const rel = relative(root, dir);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The command line's project root for a directory: the nearest `.git` at or above it, else
 * the working directory when the directory is inside it, else the directory itself.
 */
export function cliProjectRoot(dir: string, cwd: string): string {
  return gitRoot(dir) ?? (isWithin(resolve(dir), resolve(cwd)) ? resolve(cwd) : resolve(dir));
}

/**
 * Walks up from `startDir` to the nearest project file, never above `root` (the project
 * root: the nearest `.git`, or the workspace folder, as ESLint's flat config and ruff stop
 * at theirs). A file in a directory every user may write (or writable by every user
 * itself) is not used: anyone on the machine could have put it there. `note` hears why.
 */
export function findProjectConfig(startDir: string, root: string, note: (message: string) => void = () => {}): string | null {
  let dir = resolve(startDir);
  const top = resolve(root);
  if (!isWithin(dir, top)) return null;
  for (;;) {
    const file = join(dir, PROJECT_FILE);
    if (existsSync(file)) {
      const unsafe = writableByAll(dir) ? dir : writableByAll(file) ? file : null;
      if (unsafe === null) return file;
      note(`${file}: not used, ${unsafe} is writable by every user`);
    }
    if (dir === top) return null;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * World-writable (POSIX permission bits; Windows reports no such thing): a directory, or a
 * regular file (a device such as /dev/zero is writable by all too; reading it is refused
 * with its own message).
 */
function writableByAll(path: string): boolean {
  if (process.platform === 'win32') return false;
  try {
    const st = statSync(path);
    return (st.isDirectory() || st.isFile()) && (st.mode & 0o002) !== 0;
  } catch {
    return false;
  }
}

/**
 * Reads and validates a project file. Only a regular file of at most PROJECT_FILE_MAX_BYTES
 * is read, unless `named` (the user gave its path: a pipe is fine, still bounded).
 */
export function loadProjectConfig(file: string, named = false): LoadedSettings {
  const read = readBounded(file, { maxBytes: PROJECT_FILE_MAX_BYTES, regularOnly: !named });
  if (!read.ok) return defaults([{ path: '', message: `cannot read ${file}: ${read.message}` }]);
  const text = read.bytes.toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return defaults([{ path: '', message: `${file} is not valid JSON: ${(e as Error).message}` }]);
  }
  return withCatalogFileFrom(dirname(file), validateSettings(json));
}

/** `catalog.file` is written relative to the file that names it: made absolute against `dir`. */
export function withCatalogFileFrom(dir: string, loaded: LoadedSettings): LoadedSettings {
  const written = loaded.settings.catalog.file;
  if (written === null || isAbsolute(written)) return loaded;
  const file = resolve(dir, written);
  const overrides = { ...loaded.overrides, catalog: { ...loaded.overrides.catalog, file } };
  return { ...loaded, settings: { ...loaded.settings, catalog: { ...loaded.settings.catalog, file } }, overrides };
}

function defaults(problems: ConfigProblem[]): LoadedSettings {
  return { settings: Settings.parse({}), overrides: {}, problems };
}

/**
 * Validates settings from any source (project file, VS Code). Bad values are removed one
 * by one (reported with their path) until the rest validates.
 */
export function validateSettings(input: unknown): LoadedSettings {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return defaults([{ path: '', message: 'settings must be a JSON object' }]);
  }
  if (deeperThan(input, MAX_SETTINGS_DEPTH)) {
    return defaults([{ path: '', message: `settings are nested deeper than ${MAX_SETTINGS_DEPTH} levels; not read` }]);
  }
  const problems: ConfigProblem[] = [];
  let value: unknown = structuredClone(input);
  for (let round = 0; round < 50; round++) {
    const r = Settings.safeParse(value);
    if (r.success) return { settings: r.data, overrides: value as SettingsInput, problems };
    for (const issue of r.error.issues) {
      problems.push({ path: keyPath(issue.path), message: issueMessage(issue) });
      value = without(value, issue.path);
    }
  }
  return defaults(problems);
}

/** Whether a JSON value nests objects and arrays more than `limit` levels (iterative: no stack to overflow). */
export function deeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v as object)) stack.push([child, depth + 1]);
  }
  return false;
}

/** zod reports a bad record key as "Invalid key in record" with the key's own issue inside. */
function issueMessage(issue: { code: string; message: string }): string {
  const inner = issue.code === 'invalid_key' ? (issue as { issues?: { message: string }[] }).issues?.[0]?.message : undefined;
  return inner ?? issue.message;
}

/** A copy of `value` with the element at `path` removed (the whole value when path is empty). */
function without(value: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return undefined;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = value.slice();
    const i = Number(head);
    if (rest.length === 0) copy.splice(i, 1);
    else copy[i] = without(copy[i], rest);
    return copy;
  }
  const copy: Record<PropertyKey, unknown> = { ...(value as Record<PropertyKey, unknown>) };
  if (rest.length === 0 || !(head! in copy)) delete copy[head as string];
  else copy[head as string] = without(copy[head as string], rest);
  return copy;
}

/**
 * `override` over `base`: rule severities and deployments merge key by key, extra models
 * are appended (a later entry with the same ID wins), scalars are replaced when given.
 */
export function mergeSettings(base: Settings, override: SettingsInput): Settings {
  const o = override;
  return Settings.parse({
    rules: { ...base.rules, ...(o.rules ?? {}) },
    azure: { deployments: { ...base.azure.deployments, ...(o.azure?.deployments ?? {}) } },
    catalog: {
      extraModels: [...base.catalog.extraModels, ...(o.catalog?.extraModels ?? [])],
      file: o.catalog?.file !== undefined ? o.catalog.file : base.catalog.file,
    },
    asOf: o.asOf !== undefined ? o.asOf : base.asOf,
    tokenCounts: { ...base.tokenCounts, ...(o.tokenCounts ?? {}) },
    maxFileSize: o.maxFileSize ?? base.maxFileSize,
  });
}

/** Today in UTC as YYYY-MM-DD. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The as-of date: pinned in settings, else today (UTC). */
export function asOfDate(settings: Settings, now?: Date): string {
  return settings.asOf ?? todayUtc(now);
}

/** ["catalog", "extraModels", 2, "contextWindow"] → "catalog.extraModels[2].contextWindow" */
export function keyPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(String(key))) out += out ? `.${String(key)}` : String(key);
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** Problems printed before the rest are counted ("… and 4,980 more"): a list of thousands is no message. */
export const MAX_PROBLEMS_SHOWN = 20;

/** The first `max` problems and how many are left out. */
export function firstProblems<T>(problems: readonly T[], max = MAX_PROBLEMS_SHOWN): { shown: readonly T[]; more: number } {
  return { shown: problems.slice(0, max), more: Math.max(0, problems.length - max) };
}

/** "rules.OAI9: rule codes look like OAI201" */
export function formatProblem(p: ConfigProblem): string {
  return p.path ? `${p.path}: ${p.message}` : p.message;
}
