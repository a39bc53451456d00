/**
 * The model catalog's schema. The catalog is data (JSON under ./data), validated by these
 * schemas at build time (a unit test) and at load. JSON Schema for user overrides is
 * generated from here (see scripts in esbuild.mjs).
 *
 * Every fact carries its source: `sources` maps a fact name (a field of the entry, e.g.
 * "contextWindow", "lifecycle", "parameters") to where it was read. The key "*" is the
 * default for facts not listed.
 */
import { z } from 'zod';

export const ENCODINGS = ['o200k_base', 'cl100k_base', 'p50k_base', 'r50k_base'] as const;
export const Encoding = z.enum(ENCODINGS);
export type Encoding = z.infer<typeof Encoding>;

/** API endpoints, named by the SDK method path that calls them. */
export const ENDPOINTS = [
  'chat.completions',
  'responses',
  'completions',
  'embeddings',
  'images.generate',
  'images.edit',
  'images.variation',
  'audio.transcriptions',
  'audio.translations',
  'audio.speech',
  'moderations',
  'realtime',
  'assistants',
  'batch',
  'fine_tuning',
] as const;
export const Endpoint = z.enum(ENDPOINTS);
export type Endpoint = z.infer<typeof Endpoint>;

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

/** Where a fact was read: a seed file and section, or a named public page. */
export const SourceRef = z.object({
  /** seed file name (e.g. "004_f3fee25f6d6d4027.txt") or the name of a public page */
  doc: z.string().min(1),
  /** section heading or table within the document */
  section: z.string().optional(),
  /** public page or repository path, when not a seed */
  url: z.string().optional(),
  /** e.g. "ms.date 12/10/2024" of the stored version used */
  note: z.string().optional(),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const Capabilities = z
  .object({
    vision: z.boolean(),
    audioInput: z.boolean(),
    audioOutput: z.boolean(),
    tools: z.boolean(),
    parallelToolCalls: z.boolean(),
    jsonMode: z.boolean(),
    structuredOutputs: z.boolean(),
    streaming: z.boolean(),
    systemRole: z.boolean(),
    developerRole: z.boolean(),
    reasoning: z.boolean(),
  })
  .partial(); // a capability not listed is unknown: no finding depends on it
export type Capabilities = z.infer<typeof Capabilities>;

/** A request parameter the model rejects. `allowedValues`: the only values it accepts (o-series `temperature`: [1]). */
export const UnsupportedParameter = z.object({
  name: z.string(),
  allowedValues: z.array(z.union([z.number(), z.string(), z.boolean()])).optional(),
  note: z.string().optional(),
});
/** A parameter the model accepts only under another name (`max_tokens` → `max_completion_tokens`). */
export const ReplacedParameter = z.object({ name: z.string(), by: z.string() });

export const Parameters = z.object({
  unsupported: z.array(UnsupportedParameter).default([]),
  replaced: z.array(ReplacedParameter).default([]),
});

export const Lifecycle = z.object({
  /** release stage of the model itself */
  stage: z.enum(['ga', 'preview']),
  /** the day the deprecation was announced, if any */
  deprecationDate: IsoDate.nullable().default(null),
  /** the day requests stop working; retired when it is on or before the as-of date */
  shutdownDate: IsoDate.nullable().default(null),
  /** recommended replacement model ID */
  replacement: z.string().nullable().default(null),
});
export type Lifecycle = z.infer<typeof Lifecycle>;

/** Other per-request limits the seeds state. */
export const Limits = z
  .object({
    /** embeddings: inputs per request (array length) */
    maxInputsPerRequest: z.number().int().positive(),
    /** embeddings: tokens per input */
    maxInputTokens: z.number().int().positive(),
    /** images: prompt characters */
    maxPromptChars: z.number().int().positive(),
    /** audio: file size in bytes */
    maxFileBytes: z.number().int().positive(),
    /** embeddings: the output dimensions, and whether `dimensions` may be set */
    outputDimensions: z.number().int().positive(),
  })
  .partial();

export const ModelEntry = z.object({
  id: z.string().min(1),
  /** the dated snapshot this alias points to; null for snapshots and models without one */
  aliasOf: z.string().nullable().default(null),
  /** other IDs that name exactly this model (e.g. deprecated spellings) */
  otherIds: z.array(z.string()).default([]),
  description: z.string(),
  family: z.string(),
  contextWindow: z.number().int().positive().nullable(),
  maxOutputTokens: z.number().int().positive().nullable(),
  /** "2023-10" (month) or "2023-10-01"; as the source states it */
  knowledgeCutoff: z.string().nullable(),
  encoding: Encoding.nullable(),
  endpoints: z.array(Endpoint),
  capabilities: Capabilities.default({}),
  parameters: Parameters.default({ unsupported: [], replaced: [] }),
  lifecycle: Lifecycle,
  limitedAccess: z.boolean().default(false),
  limits: Limits.default({}),
  sources: z.record(z.string(), z.array(SourceRef).min(1)),
});
export type ModelEntry = z.infer<typeof ModelEntry>;
export type ModelEntryInput = z.input<typeof ModelEntry>;

/** Azure deployment types, as the model-matrix tables name them. */
export const DEPLOYMENT_TYPES = [
  'standard',
  'globalStandard',
  'globalBatch',
  'dataZoneStandard',
  'provisioned',
  'globalProvisioned',
  'dataZoneProvisioned',
] as const;
export const DeploymentType = z.enum(DEPLOYMENT_TYPES);
export type DeploymentType = z.infer<typeof DeploymentType>;

export const AzureVersion = z.object({
  /** Azure version string, e.g. "2024-08-06", "0613", "1106-Preview" */
  version: z.string().min(1),
  /** the catalog model ID whose facts this version has (OpenAI snapshot ID) */
  modelId: z.string().min(1),
  /** facts where Azure differs from the OpenAI model (limits, lifecycle, stage) */
  contextWindow: z.number().int().positive().nullable().optional(),
  maxOutputTokens: z.number().int().positive().nullable().optional(),
  knowledgeCutoff: z.string().nullable().optional(),
  lifecycle: Lifecycle.optional(),
  limitedAccess: z.boolean().optional(),
  /** the oldest api_version that serves this version */
  minApiVersion: z.string().nullable().default(null),
  /** regions per deployment type (lower-case Azure region names, e.g. "eastus2") */
  regions: z.partialRecord(DeploymentType, z.array(z.string())).default({}),
  sources: z.record(z.string(), z.array(SourceRef).min(1)),
});
export type AzureVersion = z.infer<typeof AzureVersion>;

export const AzureModel = z.object({
  /** Azure model name, e.g. "gpt-35-turbo", "gpt-4", "dall-e-3" */
  name: z.string().min(1),
  /** the OpenAI ID the name corresponds to ("gpt-35-turbo" → "gpt-3.5-turbo"), if any */
  openaiId: z.string().nullable().default(null),
  versions: z.array(AzureVersion).min(1),
  /** the version deployed when none is chosen, when the source names one */
  defaultVersion: z.string().nullable().default(null),
});
export type AzureModel = z.infer<typeof AzureModel>;

/** Request-independent facts (the overview seed's image-token formula, api-version facts). */
export const ImageTokenFormula = z.object({
  tileSize: z.number().int().positive(),
  lowDetailTokens: z.number().int().positive(),
  baseTokens: z.number().int().positive(),
  tokensPerTile: z.number().int().positive(),
  /** the image is first scaled to fit within maxSide × maxSide ... */
  maxSide: z.number().int().positive(),
  /** ... then so that its shortest side is shortSide */
  shortSide: z.number().int().positive(),
  /** models whose image tokens use other constants with the same tiling (the seed's GPT-4o mini: 2833 / 5667) */
  modelOverrides: z
    .array(
      z.object({
        /** catalog model IDs (alias and snapshots) the constants apply to */
        models: z.array(z.string().min(1)).min(1),
        lowDetailTokens: z.number().int().positive(),
        baseTokens: z.number().int().positive(),
        tokensPerTile: z.number().int().positive(),
        sources: z.array(SourceRef).min(1),
      }),
    )
    .default([]),
  sources: z.array(SourceRef).min(1),
});

/** One file of catalog data. `models` and `azure` may each be absent in a file. */
export const CatalogFile = z.object({
  $schema: z.string().optional(),
  /** date of the newest fact in the file */
  asOf: IsoDate,
  models: z.array(ModelEntry).default([]),
  azure: z.array(AzureModel).default([]),
  imageTokens: ImageTokenFormula.optional(),
  /** the api_version an option needs on Azure, e.g. max_completion_tokens → 2024-09-01-preview */
  azureApiVersionRequirements: z
    .array(
      z.object({
        parameter: z.string(),
        minApiVersion: z.string(),
        sources: z.array(SourceRef).min(1),
      }),
    )
    .default([]),
});
export type CatalogFile = z.infer<typeof CatalogFile>;
