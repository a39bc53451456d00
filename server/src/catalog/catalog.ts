/**
 * The model catalog at run time: the built-in data files validated once, indexed for lookup
 * by ID, other ID, Azure model name and fine-tune ID, plus user `catalog.extraModels`.
 *
 * Validation happens once per process (`Catalog.builtIn()` is cached); a catalog with extra
 * models reuses the built-in's validated entries and only validates the extras.
 */
import { z } from 'zod';
import {
  AzureModel,
  AzureVersion,
  CatalogFile,
  ImageTokenFormula,
  ModelEntry,
  SourceRef,
} from './schema';
import type { ApiVersionRequirement, AzureApiVersions, DocumentInfo, Endpoint, EndpointDefault, RetiredApi } from './schema';
import { daysBetween, noticeStatus } from './notice';
import { suggestIds, type SuggestionCandidates } from './suggest';
import openaiData from './data/openai.json';
import azureData from './data/azure.json';

export type ResolvedVia = 'id' | 'otherId' | 'azureName' | 'fineTune' | 'extra';

export interface ResolvedModel {
  /** the ID or name as written */
  requested: string;
  /** facts; when an Azure version is known, its overrides are applied */
  entry: ModelEntry;
  /** alias → its snapshot (entry.aliasOf ?? entry.id) */
  canonicalId: string;
  via: ResolvedVia;
  azure?: { model: AzureModel; version: AzureVersion | null };
  /** for `ft:<base>:<org>::<id>`: the base model as written */
  fineTuneBase?: string;
}

export type LifecycleStatus = 'ga' | 'preview' | 'deprecated' | 'retired';

type ImageTokens = z.infer<typeof ImageTokenFormula>;

/** The file-level tables of a catalog file (everything but models, Azure models and image tokens). */
const Tables = CatalogFile.pick({ azureApiVersionRequirements: true, azureApiVersions: true, retiredApis: true, endpointDefaults: true, documents: true });
type Tables = z.infer<typeof Tables>;
const TABLE_KEYS = Object.keys(Tables.shape) as (keyof Tables)[];

export interface CatalogProblem {
  /** key path of the bad value, e.g. "catalog.extraModels[2].contextWindow" */
  path: string;
  message: string;
}

/**
 * One model or Azure model of a data file, validated with zod the first time it is used and
 * then kept. Indexing reads only the keys (`id`, `otherIds`, `name`), so loading the catalog
 * costs a walk over the data, not a full validation of a few hundred entries (bench/catalog.ts).
 */
class Slot<T> {
  private value: T | undefined;
  constructor(
    private readonly raw: unknown,
    private readonly schema: z.ZodType<T>,
    /** "data/openai.json: models[3]", for the error of a broken build */
    private readonly where: string,
    value?: T,
  ) {
    this.value = value;
  }

  get(): T {
    if (this.value === undefined) {
      const r = this.schema.safeParse(this.raw);
      if (!r.success) {
        const issue = r.error.issues[0]!;
        throw new Error(`openai-model-lint: invalid catalog ${formatPath(this.where, issue.path)}: ${issue.message}`);
      }
      this.value = r.data;
    }
    return this.value;
  }
}

interface ModelSlot {
  id: string;
  otherIds: string[];
  /** for ranking suggestions without validating every entry */
  shutdownDate: string | null;
  slot: Slot<ModelEntry>;
  extra: boolean;
}

interface AzureSlot {
  name: string;
  slot: Slot<AzureModel>;
}

/** Catalog content, indexed by key; entries validated on first use. */
interface CatalogData {
  asOf: string;
  models: ModelSlot[];
  azure: AzureSlot[];
  imageTokens: Slot<ImageTokens> | undefined;
  /** each file's tables, in file order: a later file's entry replaces an earlier one with the same key */
  tables: Slot<Tables>[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Thrown by the key checks of `fromFiles`, with the key path inside the file. */
class FileShapeError extends Error {
  constructor(
    readonly path: (string | number)[],
    message: string,
  ) {
    super(message);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function arrayAt(file: Record<string, unknown>, key: string): unknown[] {
  const v = file[key];
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new FileShapeError([key], 'expected an array');
  return v;
}

function stringAt(obj: Record<string, unknown>, path: (string | number)[], key: string): string {
  const v = obj[key];
  if (typeof v !== 'string' || v.length === 0) throw new FileShapeError([...path, key], 'expected a non-empty string');
  return v;
}

let builtIn: Catalog | undefined;

export class Catalog {
  readonly asOf: string;
  private readonly data: CatalogData;
  private readonly byId = new Map<string, ModelSlot>();
  private readonly byOtherId = new Map<string, ModelSlot>();
  private readonly azureByName = new Map<string, AzureSlot>();

  private constructor(data: CatalogData) {
    this.data = data;
    this.asOf = data.asOf;
    for (const m of data.models) this.byId.set(m.id, m);
    for (const m of data.models) {
      for (const other of m.otherIds) if (!this.byId.has(other)) this.byOtherId.set(other, m);
    }
    for (const a of data.azure) this.azureByName.set(a.name, a);
  }

  /** The catalog shipped with the product: loaded and indexed once, cached for the process. */
  static builtIn(): Catalog {
    return (builtIn ??= Catalog.fromFiles([openaiData, azureData], ['data/openai.json', 'data/azure.json']));
  }

  /**
   * Builds a catalog from catalog files (JSON values). The file level and every entry's keys
   * are checked now, each entry in full on first use; an invalid file or entry throws an Error
   * naming the file and the key path. The built-in data is validated in full by a unit test,
   * so this only fires for a broken build or a caller's own files.
   */
  static fromFiles(files: unknown[], names: string[] = []): Catalog {
    const data: CatalogData = { asOf: '0000-00-00', models: [], azure: [], imageTokens: undefined, tables: [] };
    const models = new Map<string, ModelSlot>();
    const azure = new Map<string, AzureSlot>();
    files.forEach((file, i) => {
      const name = names[i] ?? `file #${i}`;
      try {
        // keys only: zod validates each part in full when it is first used (Slot)
        if (!isRecord(file)) throw new FileShapeError([], 'expected an object');
        const asOf = file.asOf;
        if (typeof asOf !== 'string' || !ISO_DATE.test(asOf)) throw new FileShapeError(['asOf'], 'expected a date YYYY-MM-DD');
        if (asOf > data.asOf) data.asOf = asOf;
        arrayAt(file, 'models').forEach((m, j) => {
          if (!isRecord(m)) throw new FileShapeError(['models', j], 'expected an object');
          const id = stringAt(m, ['models', j], 'id');
          const otherIds = Array.isArray(m.otherIds) ? m.otherIds.filter((o): o is string => typeof o === 'string') : [];
          const lifecycle = isRecord(m.lifecycle) ? m.lifecycle : {};
          const shutdownDate = typeof lifecycle.shutdownDate === 'string' ? lifecycle.shutdownDate : null;
          models.set(id, { id, otherIds, shutdownDate, slot: new Slot(m, ModelEntry, `${name}: models[${j}]`), extra: false });
        });
        arrayAt(file, 'azure').forEach((a, j) => {
          if (!isRecord(a)) throw new FileShapeError(['azure', j], 'expected an object');
          const azureName = stringAt(a, ['azure', j], 'name');
          azure.set(azureName, { name: azureName, slot: new Slot(a, AzureModel, `${name}: azure[${j}]`) });
        });
        if (file.imageTokens !== undefined) data.imageTokens ??= new Slot(file.imageTokens, ImageTokenFormula, `${name}: imageTokens`);
        const tables = Object.fromEntries(TABLE_KEYS.filter((k) => file[k] !== undefined).map((k) => [k, file[k]]));
        if (Object.keys(tables).length) data.tables.push(new Slot(tables, Tables, name));
      } catch (err) {
        if (!(err instanceof FileShapeError)) throw err;
        throw new Error(`openai-model-lint: invalid catalog ${name}: ${formatPath('', err.path) || '(top level)'}: ${err.message}`);
      }
    });
    return new Catalog({ ...data, models: [...models.values()], azure: [...azure.values()] });
  }

  /**
   * This catalog plus user entries (`catalog.extraModels`). Each entry is validated now, on its
   * own: an invalid one is reported at its key path and skipped; a valid one replaces a
   * built-in entry with the same ID.
   */
  withExtraModels(extra: unknown[], basePath = 'catalog.extraModels'): { catalog: Catalog; problems: CatalogProblem[] } {
    const problems: CatalogProblem[] = [];
    if (!Array.isArray(extra)) {
      return { catalog: this, problems: [{ path: basePath, message: 'expected an array of model entries' }] };
    }
    const added = new Map<string, ModelSlot>();
    extra.forEach((value, i) => {
      const r = ModelEntry.safeParse(value);
      if (r.success) {
        const m = r.data;
        const slot = new Slot(value, ModelEntry, `${basePath}[${i}]`, m);
        added.set(m.id, { id: m.id, otherIds: m.otherIds, shutdownDate: m.lifecycle.shutdownDate, slot, extra: true });
      } else for (const issue of r.error.issues) problems.push({ path: formatPath(`${basePath}[${i}]`, issue.path), message: issue.message });
    });
    if (added.size === 0) return { catalog: this, problems };
    const models = this.data.models.filter((m) => !added.has(m.id)).concat([...added.values()]);
    return { catalog: new Catalog({ ...this.data, models }), problems };
  }

  /**
   * This catalog with a catalog file over it (`catalog.file`, SPEC §4): the file is validated
   * in full by the schema of the built-in files; when valid, its models and Azure models replace
   * the ones with the same ID / name and add the others, its tables replace entries with the
   * same key and add the rest, and its date counts when newer. An invalid file changes nothing:
   * every problem is reported with the file name and the key path.
   */
  withFile(json: unknown, name: string): { catalog: Catalog; problems: CatalogProblem[] } {
    const r = CatalogFile.safeParse(json);
    if (!r.success) {
      const problems = r.error.issues.map((issue) => ({ path: formatPath('', issue.path) || '(top level)', message: issue.message }));
      return { catalog: this, problems: problems.map((p) => ({ path: 'catalog.file', message: `${name}: ${p.path}: ${p.message}` })) };
    }
    const file = r.data;
    const models = new Map(this.data.models.map((m) => [m.id, m]));
    file.models.forEach((m, j) => {
      const slot = new Slot(m, ModelEntry, `${name}: models[${j}]`, m);
      models.set(m.id, { id: m.id, otherIds: m.otherIds, shutdownDate: m.lifecycle.shutdownDate, slot, extra: false });
    });
    const azure = new Map(this.data.azure.map((a) => [a.name, a]));
    file.azure.forEach((a, j) => azure.set(a.name, { name: a.name, slot: new Slot(a, AzureModel, `${name}: azure[${j}]`, a) }));
    // validated above: the slot holds the parsed tables (empty ones add nothing when merged)
    const tables: Tables = { azureApiVersionRequirements: file.azureApiVersionRequirements, azureApiVersions: file.azureApiVersions, retiredApis: file.retiredApis, endpointDefaults: file.endpointDefaults, documents: file.documents };
    const data: CatalogData = {
      asOf: file.asOf > this.data.asOf ? file.asOf : this.data.asOf,
      models: [...models.values()],
      azure: [...azure.values()],
      imageTokens: file.imageTokens ? new Slot(file.imageTokens, ImageTokenFormula, `${name}: imageTokens`, file.imageTokens) : this.data.imageTokens,
      tables: [...this.data.tables, new Slot(tables, Tables, name, tables)],
    };
    return { catalog: new Catalog(data), problems: [] };
  }

  get(id: string): ModelEntry | undefined {
    return this.byId.get(id)?.slot.get();
  }

  /**
   * An OpenAI model ID as written: exact ID, another ID of an entry, or a fine-tuned ID
   * (`ft:<base>:<org>[:<suffix>]:<id>`, legacy `<base>:ft-<org>-<date>`) resolved to its base.
   * Azure model names are not OpenAI IDs (see resolveAzure).
   */
  resolve(id: string): ResolvedModel | undefined {
    const direct = this.byId.get(id);
    if (direct) return this.resolved(id, direct.slot.get(), direct.extra ? 'extra' : 'id');
    const other = this.byOtherId.get(id);
    if (other) return this.resolved(id, other.slot.get(), other.extra ? 'extra' : 'otherId');
    const base = fineTuneBase(id);
    if (base !== undefined) {
      const entry = this.byId.get(base) ?? this.byOtherId.get(base);
      if (entry) return { ...this.resolved(id, entry.slot.get(), 'fineTune'), fineTuneBase: base };
    }
    return undefined;
  }

  /**
   * An Azure model name with an optional version ("gpt-35-turbo", "gpt-4" + "turbo-2024-04-09"),
   * or an OpenAI ID used as a deployment name. Without a version, the model's default version
   * (when the source names one, or its only version) is used; an unknown version gives `version: null`.
   */
  resolveAzure(name: string, version?: string): ResolvedModel | undefined {
    const azureSlot = this.azureByName.get(name);
    if (azureSlot) {
      const model = azureSlot.slot.get();
      const v =
        version !== undefined
          ? findVersion(model, version)
          : model.defaultVersion !== null
            ? findVersion(model, model.defaultVersion)
            : model.versions.length === 1
              ? model.versions[0]!
              : null;
      const entryId = v?.modelId ?? model.openaiId ?? model.versions[model.versions.length - 1]!.modelId;
      const entry = (this.byId.get(entryId) ?? this.byOtherId.get(entryId))?.slot.get();
      if (!entry) return undefined;
      return this.resolved(name, withAzureOverrides(entry, v), 'azureName', { model, version: v });
    }
    const r = this.resolve(name);
    if (!r) return undefined;
    const match = this.azureMatch(r.entry, version);
    // an OpenAI ID Azure does not list: OpenAI's dates are not Azure's, so none are known
    if (!match) return { ...r, entry: withAzureOverrides(r.entry, null) };
    return { ...r, entry: withAzureOverrides(r.entry, match.version), azure: match };
  }

  /** The Azure model and version that serve an OpenAI entry, when the catalog knows one. */
  private azureMatch(entry: ModelEntry, version?: string): { model: AzureModel; version: AzureVersion | null } | undefined {
    for (const model of this.azureModels()) {
      const v = version !== undefined ? findVersion(model, version) : model.versions.find((x) => x.modelId === entry.id) ?? null;
      if (v && v.modelId === entry.id) return { model, version: v };
      if (model.openaiId === entry.id) return { model, version: v };
    }
    return undefined;
  }

  /**
   * The Azure versions that serve this entry: every version of the Azure model named after it
   * (`gpt-4o` → all gpt-4o versions), else the versions whose snapshot is this entry or the
   * snapshot it is an alias of.
   */
  azureVersionsFor(entry: ModelEntry): { model: AzureModel; versions: AzureVersion[] }[] {
    const out: { model: AzureModel; versions: AzureVersion[] }[] = [];
    for (const model of this.azureModels()) {
      const versions =
        model.openaiId === entry.id
          ? model.versions
          : model.versions.filter((v) => v.modelId === entry.id || (entry.aliasOf !== null && v.modelId === entry.aliasOf));
      if (versions.length) out.push({ model, versions });
    }
    return out;
  }

  /** Closest known IDs to an unknown one, best first; [] when nothing is close. */
  suggest(id: string, max = 3): string[] {
    return suggestIds(id, this.suggestionCandidates(), max);
  }

  private candidates: SuggestionCandidates | undefined;
  private suggestionCandidates(): SuggestionCandidates {
    if (this.candidates) return this.candidates;
    const ids = this.data.models.map((m) => ({ id: m.id, retired: m.shutdownDate !== null && m.shutdownDate <= this.asOf }));
    const aliases = new Map<string, string>();
    for (const m of this.data.models) for (const o of m.otherIds) aliases.set(o, m.id);
    for (const a of this.azureModels()) {
      if (a.openaiId !== null && this.byId.has(a.openaiId)) aliases.set(a.name, a.openaiId);
    }
    return (this.candidates = { ids, aliases });
  }

  /** Every model entry (validates those not used yet). */
  all(): ModelEntry[] {
    return this.data.models.map((m) => m.slot.get());
  }

  /** Every Azure model (validates those not used yet). */
  azureModels(): AzureModel[] {
    return this.data.azure.map((a) => a.slot.get());
  }

  imageTokens(): ImageTokens | undefined {
    return this.data.imageTokens?.get();
  }

  apiVersionRequirement(parameter: string): { minApiVersion: string; sources: SourceRef[] } | undefined {
    const r = this.tables().azureApiVersionRequirements.find((x) => x.parameter === parameter);
    return r && { minApiVersion: r.minApiVersion, sources: r.sources };
  }

  /** The api_version each Azure parameter, endpoint and feature needs. */
  apiVersionRequirements(): ApiVersionRequirement[] {
    return this.tables().azureApiVersionRequirements;
  }

  /** The api_versions Microsoft lists and the v1 API, when the catalog has them. */
  azureApiVersions(): AzureApiVersions | undefined {
    return this.tables().azureApiVersions;
  }

  /** APIs shut down or announced for shutdown (OAI108). */
  retiredApis(): RetiredApi[] {
    return this.tables().retiredApis;
  }

  /** The model an endpoint uses when the request names none (OpenAI's platform). */
  endpointDefault(endpoint: Endpoint): EndpointDefault | undefined {
    return this.tables().endpointDefaults.find((d) => d.endpoint === endpoint);
  }

  /** How a source document is shown to users (a seed file name → its title and public URL). */
  document(doc: string): DocumentInfo | undefined {
    const documents = this.tables().documents;
    return Object.hasOwn(documents, doc) ? documents[doc] : undefined;
  }

  private merged: Tables | undefined;
  /** The files' tables merged once: a later file's entry replaces an earlier one with the same key. */
  private tables(): Tables {
    return (this.merged ??= mergeTables(this.data.tables.map((slot) => slot.get())));
  }

  /** Retired when the shutdown date is on or before `asOf`; deprecated when one is announced; else the release stage. */
  status(entry: ModelEntry, asOf: string): LifecycleStatus {
    return lifecycleStatus(entry, asOf);
  }

  /** Distinct source document names of an entry, in the order they first appear. */
  sourceDocs(entry: ModelEntry): string[] {
    return distinctDocs(Object.values(entry.sources).flat());
  }

  private resolved(requested: string, entry: ModelEntry, via: ResolvedVia, azure?: ResolvedModel['azure']): ResolvedModel {
    const r: ResolvedModel = { requested, entry, canonicalId: entry.aliasOf ?? entry.id, via };
    if (azure) r.azure = azure;
    return r;
  }
}

function mergeTables(files: Tables[]): Tables {
  const byKey = <T>(lists: T[][], key: (x: T) => string): T[] => [...new Map(lists.flat().map((x) => [key(x), x])).values()];
  return {
    azureApiVersionRequirements: byKey(
      files.map((f) => f.azureApiVersionRequirements),
      (r) => (r.parameter !== undefined ? `parameter:${r.parameter}` : r.endpoint !== undefined ? `endpoint:${r.endpoint}` : `feature:${r.feature}`),
    ),
    azureApiVersions: files.reduce<AzureApiVersions | undefined>((last, f) => f.azureApiVersions ?? last, undefined),
    retiredApis: byKey(
      files.map((f) => f.retiredApis),
      (a) => `${a.name}|${[...a.platforms].sort().join(',')}`,
    ),
    endpointDefaults: byKey(
      files.map((f) => f.endpointDefaults),
      (d) => d.endpoint,
    ),
    documents: Object.assign({}, ...files.map((f) => f.documents)) as Tables['documents'],
  };
}

/** How old a catalog may get before its date is shown as a warning (SPEC §2, catalog age). */
export const CATALOG_MAX_AGE_DAYS = 90;

/**
 * SPEC §2: when the as-of date is more than 90 days past the catalog's date, the one line the
 * CLI summary, `models`, the status bar and the model hover show; null otherwise.
 */
export function catalogAgeNote(catalogAsOf: string, asOf: string): string | null {
  const days = daysBetween(catalogAsOf, asOf);
  return Number.isFinite(days) && days > CATALOG_MAX_AGE_DAYS ? `catalog dated ${catalogAsOf}: lifecycle facts may be out of date` : null;
}

export { noticeStatus };

export function lifecycleStatus(entry: ModelEntry, asOf: string): LifecycleStatus {
  return noticeStatus(entry.lifecycle, asOf) ?? entry.lifecycle.stage;
}


export function distinctDocs(refs: SourceRef[]): string[] {
  return [...new Set(refs.map((s) => s.doc))];
}

/** `ft:gpt-4o-mini-2024-07-18:org:suffix:id` → `gpt-4o-mini-2024-07-18`; legacy `davinci:ft-org-2023-01-01` → `davinci`. */
export function fineTuneBase(id: string): string | undefined {
  if (id.startsWith('ft:')) {
    const base = id.slice(3).split(':')[0];
    return base ? base : undefined;
  }
  const legacy = /^([^:]+):ft-/.exec(id);
  return legacy ? legacy[1] : undefined;
}

/** Azure version strings are matched case-insensitively ("1106-Preview" / "1106-preview"). */
function findVersion(model: AzureModel, version: string): AzureVersion | null {
  const v = version.trim().toLowerCase();
  return model.versions.find((x) => x.version.toLowerCase() === v) ?? null;
}

/**
 * The OpenAI entry as Azure serves it. Azure retires models on its own schedule (Microsoft
 * Learn's model retirements page), so OpenAI's deprecation and shutdown dates never apply to
 * an Azure deployment: without an Azure lifecycle for the version, the dates are unknown.
 */
function withAzureOverrides(entry: ModelEntry, v: AzureVersion | null): ModelEntry {
  const out: ModelEntry = { ...entry, lifecycle: { ...entry.lifecycle, deprecationDate: null, shutdownDate: null, replacement: null } };
  if (!v) return out;
  if (v.contextWindow !== undefined) out.contextWindow = v.contextWindow;
  if (v.maxOutputTokens !== undefined) out.maxOutputTokens = v.maxOutputTokens;
  if (v.knowledgeCutoff !== undefined) out.knowledgeCutoff = v.knowledgeCutoff;
  if (v.lifecycle !== undefined) out.lifecycle = v.lifecycle;
  if (v.limitedAccess !== undefined) out.limitedAccess = v.limitedAccess;
  return out;
}

/** ["contextWindow"] under "catalog.extraModels[2]" → "catalog.extraModels[2].contextWindow". */
export function formatPath(base: string, path: ReadonlyArray<PropertyKey>): string {
  let out = base;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}
