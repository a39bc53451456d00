/**
 * The rules' fixture catalog (test/fixtures/rules/catalog.json) behind the CatalogLike
 * interface, plus a context builder. Swapped to Catalog.fromFiles once the built-in data
 * file exists in every checkout.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AzureModel, CatalogFile, ModelEntry } from '../../server/src/catalog/schema';
import type { AzureVersion } from '../../server/src/catalog/schema';
import { Settings } from '../../server/src/config/schema';
import type { SettingsInput } from '../../server/src/config/schema';
import type { CatalogLike, ResolvedModel } from '../../server/src/rules/catalogApi';
import type { RunContext } from '../../server/src/rules/run';

const root = join(__dirname, '..', '..', '..');

export function fixtureFile(): CatalogFile {
  return CatalogFile.parse(JSON.parse(readFileSync(join(root, 'test/fixtures/rules/catalog.json'), 'utf8')));
}

function withOverrides(entry: ModelEntry, v: AzureVersion): ModelEntry {
  const e = { ...entry };
  if (v.contextWindow !== undefined) e.contextWindow = v.contextWindow;
  if (v.maxOutputTokens !== undefined) e.maxOutputTokens = v.maxOutputTokens;
  if (v.lifecycle) e.lifecycle = v.lifecycle;
  if (v.limitedAccess !== undefined) e.limitedAccess = v.limitedAccess;
  return e;
}

export class FixtureCatalog implements CatalogLike {
  readonly asOf: string;
  private models = new Map<string, ModelEntry>();
  private azure = new Map<string, AzureModel>();
  constructor(private file: CatalogFile = fixtureFile()) {
    this.asOf = file.asOf;
    for (const m of file.models) this.models.set(m.id, ModelEntry.parse(m));
    for (const a of file.azure) this.azure.set(a.name, AzureModel.parse(a));
  }
  get(id: string) {
    return this.models.get(id);
  }
  resolve(id: string): ResolvedModel | undefined {
    const entry = this.models.get(id);
    return entry && { requested: id, entry, canonicalId: entry.aliasOf ?? entry.id, via: 'id' };
  }
  resolveAzure(name: string, version?: string): ResolvedModel | undefined {
    const model = this.azure.get(name);
    if (!model) return undefined;
    const v = model.versions.find((x) => x.version === (version ?? model.defaultVersion)) ?? null;
    const entry = this.models.get(v?.modelId ?? model.openaiId ?? '');
    if (!entry) return undefined;
    return { requested: name, entry: v ? withOverrides(entry, v) : entry, canonicalId: entry.aliasOf ?? entry.id, via: 'azureName', azure: { model, version: v } };
  }
  suggest(id: string, max = 3): string[] {
    const norm = (s: string) => s.replace(/[^a-z0-9]/gi, '').toLowerCase();
    return [...this.models.keys()].filter((k) => norm(k) === norm(id)).slice(0, max);
  }
  imageTokens() {
    return this.file.imageTokens;
  }
  apiVersionRequirement(param: string) {
    const r = this.file.azureApiVersionRequirements.find((x) => x.parameter === param);
    return r && { minApiVersion: r.minApiVersion, sources: r.sources };
  }
  status(entry: ModelEntry, asOf: string) {
    const { shutdownDate, deprecationDate, stage } = entry.lifecycle;
    if (shutdownDate !== null && shutdownDate <= asOf) return 'retired' as const;
    if (deprecationDate !== null) return deprecationDate <= asOf ? ('deprecated' as const) : stage;
    return shutdownDate !== null ? ('deprecated' as const) : stage;
  }
}

let shared: FixtureCatalog | undefined;

export function fixtureContext(settings: SettingsInput = {}, asOf = '2024-12-17', tokens: 'sync' | 'if-loaded' = 'sync'): RunContext {
  shared ??= new FixtureCatalog();
  return { catalog: shared, settings: Settings.parse(settings), asOf, tokens };
}
