/**
 * The project file `.openai-model-lint.json`: validated with the settings schema; each bad
 * key is reported with its key path ("rules.OAI9: rule codes look like OAI201") and left
 * out, so the defaults (or the other source's values) apply to it and the rest still counts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { Settings } from './schema';
import type { SettingsInput } from './schema';

export const PROJECT_FILE = '.openai-model-lint.json';

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

/** Walks up from `startDir` to the nearest project file. */
export function findProjectConfig(startDir: string): string | null {
  let dir = resolve(startDir);
  for (;;) {
    const file = join(dir, PROJECT_FILE);
    if (existsSync(file)) return file;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export function loadProjectConfig(file: string): LoadedSettings {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return defaults([{ path: '', message: `cannot read ${file}: ${(e as Error).message}` }]);
  }
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

/** "rules.OAI9: rule codes look like OAI201" */
export function formatProblem(p: ConfigProblem): string {
  return p.path ? `${p.path}: ${p.message}` : p.message;
}
