/**
 * What the rules need from the catalog. The catalog lane's `Catalog` class satisfies this
 * structurally; rules depend on this shape only, so they can be tested with small fixture
 * catalogs.
 */
import type { z } from 'zod';
import type { ApiVersionRequirement, AzureApiVersions, AzureModel, AzureVersion, Endpoint, EndpointDefault, ImageTokenFormula, ModelEntry, RetiredApi, SourceRef } from '../catalog/schema';

export type ImageFormula = z.infer<typeof ImageTokenFormula>;
export type ModelStatus = 'ga' | 'preview' | 'deprecated' | 'retired';

export interface ResolvedModel {
  requested: string;
  /** the entry with Azure version overrides applied */
  entry: ModelEntry;
  canonicalId: string;
  via: 'id' | 'otherId' | 'azureName' | 'fineTune' | 'extra';
  azure?: { model: AzureModel; version: AzureVersion | null };
  fineTuneBase?: string;
}

export interface CatalogLike {
  /** date of the newest fact in the catalog */
  readonly asOf: string;
  get(id: string): ModelEntry | undefined;
  resolve(id: string): ResolvedModel | undefined;
  resolveAzure(name: string, version?: string): ResolvedModel | undefined;
  /** closest known IDs; [] when nothing is close */
  suggest(id: string, max?: number): string[];
  imageTokens(): ImageFormula | undefined;
  apiVersionRequirement(param: string): { minApiVersion: string; sources: SourceRef[] } | undefined;
  /** every Azure api_version requirement: per parameter, endpoint and feature */
  apiVersionRequirements(): ApiVersionRequirement[];
  /** the dated api_versions Microsoft lists, and the v1 API */
  azureApiVersions(): AzureApiVersions | undefined;
  /** APIs shut down or announced for shutdown */
  retiredApis(): RetiredApi[];
  /** the model an endpoint uses when the request names none */
  endpointDefault(endpoint: Endpoint): EndpointDefault | undefined;
  status(entry: ModelEntry, asOf: string): ModelStatus;
}
