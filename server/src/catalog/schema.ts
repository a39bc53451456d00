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
  'videos',
  'assistants',
  'batch',
  'fine_tuning',
  'evals',
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

export const Scalar = z.union([z.number(), z.string(), z.boolean()]);

/**
 * A condition on another request parameter: it holds when that parameter's value is one of
 * `values`. When the request does not give the parameter, its default is used: for
 * `reasoning_effort` the model's `parameters.reasoningEffort.default`, otherwise `default`
 * here; with no default known the condition is unknown and no finding depends on it.
 * `reasoning_effort` names the chat-completions parameter and the Responses API's
 * `reasoning.effort` alike.
 */
export const ParameterCondition = z.object({
  parameter: z.string().min(1),
  values: z.array(Scalar).min(1),
  default: Scalar.optional(),
});
export type ParameterCondition = z.infer<typeof ParameterCondition>;

/**
 * A request parameter the model rejects. `allowedValues`: the only values it accepts
 * (o-series `temperature`: [1]; gpt-image-1 `quality`: low/medium/high/auto).
 * `acceptedOnlyWhen`: the parameter (any value `allowedValues` permits) is accepted only while
 * the condition holds (gpt-5.1 `temperature` only with reasoning effort `none`).
 * `endpoints`: the fact is about these endpoints only (all the model's endpoints when absent).
 * The name `reasoning_effort` covers the Responses API's `reasoning.effort` too.
 *
 * Each entry is one way the parameter is accepted: an entry with neither `allowedValues` nor
 * `acceptedOnlyWhen` accepts nothing (the parameter is rejected); with several entries for one
 * name (and endpoint), the parameter is accepted when any of them accepts it. So "any value
 * with reasoning effort none, otherwise only 1" is two entries: `{allowedValues: [1]}` and
 * `{acceptedOnlyWhen: {parameter: "reasoning_effort", values: ["none"]}}`.
 */
export const UnsupportedParameter = z.object({
  name: z.string(),
  allowedValues: z.array(Scalar).optional(),
  acceptedOnlyWhen: ParameterCondition.optional(),
  endpoints: z.array(Endpoint).optional(),
  note: z.string().optional(),
});
/** A parameter the model accepts only under another name (`max_tokens` → `max_completion_tokens`). */
export const ReplacedParameter = z.object({ name: z.string(), by: z.string() });

/**
 * The values of `reasoning_effort` (chat completions) / `reasoning.effort` (Responses) a
 * reasoning model offers, and the one it uses when the request gives none (null when no
 * source says). Absent (null) on an entry: unknown, no finding about effort values.
 */
export const ReasoningEffort = z.object({
  values: z.array(z.string().min(1)).min(1),
  default: z.string().nullable().default(null),
});
export type ReasoningEffort = z.infer<typeof ReasoningEffort>;

export const Parameters = z.object({
  unsupported: z.array(UnsupportedParameter).default([]),
  replaced: z.array(ReplacedParameter).default([]),
  reasoningEffort: ReasoningEffort.nullable().default(null),
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
  /**
   * The shutdown date is the end of life the provider set when it released the model, not a
   * deprecation notice (Microsoft's retirement schedule gives every GA and preview Azure version
   * a retirement date "set programmatically at launch"). Such a model keeps its release stage
   * until the provider's notice period before that date begins (`noticeDays`: Microsoft notifies
   * at least 60 days before a GA retirement, 30 before a preview one), or until
   * `deprecationDate` when given; from then it is deprecated, and retired on `shutdownDate`.
   */
  scheduledShutdown: z.object({ noticeDays: z.number().int().nonnegative() }).optional(),
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
    /** embeddings: tokens summed over all inputs of one request */
    maxTokensPerRequest: z.number().int().positive(),
    /** chat / responses: the most input tokens a request may have, where the source gives a cap below the context window (gpt-5: 272,000 of 400,000) */
    maxPromptTokens: z.number().int().positive(),
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
  parameters: Parameters.default({ unsupported: [], replaced: [], reasoningEffort: null }),
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

/**
 * The api_version an Azure request needs for one thing it uses: a request parameter
 * (`max_completion_tokens`, `reasoning_effort`, `prediction`), an endpoint (`responses`) or a
 * feature (`structuredOutputs`: `response_format` of type json_schema or `.parse`). Exactly one
 * of `parameter`, `endpoint`, `feature` is given.
 */
export const ApiVersionRequirement = z
  .object({
    parameter: z.string().min(1).optional(),
    endpoint: Endpoint.optional(),
    feature: z.enum(['structuredOutputs']).optional(),
    minApiVersion: z.string(),
    sources: z.array(SourceRef).min(1),
  })
  .refine((r) => [r.parameter, r.endpoint, r.feature].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of parameter, endpoint, feature',
  });
export type ApiVersionRequirement = z.infer<typeof ApiVersionRequirement>;

/**
 * Azure api_versions. `ga` / `preview`: the dated versions Microsoft lists (newest first).
 * `v1`: the v1 API, reached through a base URL whose path is `basePath` (`/openai/v1`); it
 * needs no api_version, and `acceptedApiVersions` are the values it documents (`preview`).
 */
export const AzureApiVersions = z.object({
  ga: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).min(1),
  preview: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}-preview$/)).default([]),
  /** versions Microsoft lists as retired (requests fail), when it lists them */
  retired: z.array(z.string()).default([]),
  v1: z.object({ basePath: z.string().min(1), acceptedApiVersions: z.array(z.string()).default([]) }).nullable().default(null),
  sources: z.array(SourceRef).min(1),
});
export type AzureApiVersions = z.infer<typeof AzureApiVersions>;

/**
 * An API shut down or announced for shutdown (OpenAI's deprecations page lists features and
 * endpoints as well as models): the Assistants API, the Realtime beta, ... `methodPrefixes` are
 * SDK method paths after the client, as the SDKs spell them (`beta.assistants`, `beta.threads`,
 * `beta.realtime`): a call whose method path starts with one (whole segments) uses the API.
 */
export const RetiredApi = z
  .object({
    name: z.string().min(1),
    methodPrefixes: z.array(z.string().min(1)).default([]),
    /**
     * request parameters that use the API (the Responses API's `prompt`, a reusable prompt
     * object of the prompts API); a call passing one is reported on that argument
     */
    requestParameters: z.array(z.object({ endpoint: Endpoint, name: z.string().min(1) })).default([]),
    /** the platforms the notice is about */
    platforms: z.array(z.enum(['openai', 'azure'])).min(1).default(['openai']),
    deprecationDate: IsoDate.nullable().default(null),
    shutdownDate: IsoDate.nullable().default(null),
    /** what replaces it, as the notice says ("the Responses API"); null when the notice names none */
    replacement: z.string().min(1).nullable(),
    sources: z.array(SourceRef).min(1),
  })
  .refine((r) => r.methodPrefixes.length + r.requestParameters.length > 0, { message: 'give methodPrefixes or requestParameters' });
export type RetiredApi = z.infer<typeof RetiredApi>;

/**
 * The model an endpoint uses when the request names none, on OpenAI's platform (on Azure
 * `model` names a deployment and is always given). `unlessParameters`: the default is another
 * one when the request gives one of these (the SDK: `images.generate` "defaults to `dall-e-2`
 * unless a parameter specific to the GPT image models is used"); the model is then unknown.
 */
export const EndpointDefault = z.object({
  endpoint: Endpoint,
  model: z.string().min(1),
  unlessParameters: z.array(z.string().min(1)).default([]),
  sources: z.array(SourceRef).min(1),
});
export type EndpointDefault = z.infer<typeof EndpointDefault>;

export const DocumentInfo = z.object({
  title: z.string().min(1),
  /** a public page a reader can open; null when none is known */
  url: z.string().nullable(),
  note: z.string().optional(),
});
export type DocumentInfo = z.infer<typeof DocumentInfo>;

/** One file of catalog data. `models` and `azure` may each be absent in a file. */
export const CatalogFile = z.object({
  $schema: z.string().optional(),
  /** date of the newest fact in the file */
  asOf: IsoDate,
  models: z.array(ModelEntry).default([]),
  azure: z.array(AzureModel).default([]),
  imageTokens: ImageTokenFormula.optional(),
  /** the api_version an option needs on Azure, e.g. max_completion_tokens → 2024-09-01-preview */
  azureApiVersionRequirements: z.array(ApiVersionRequirement).default([]),
  /** the dated api_versions Microsoft lists, and the v1 API */
  azureApiVersions: AzureApiVersions.optional(),
  /** APIs shut down or announced for shutdown (OAI108) */
  retiredApis: z.array(RetiredApi).default([]),
  /** the model an endpoint uses when the request names none (`images.generate` → dall-e-2) */
  endpointDefaults: z.array(EndpointDefault).default([]),
  /** how a source document (a seed file name, as `SourceRef.doc` writes it) is shown to users: a title and a URL they can open */
  documents: z.record(z.string(), DocumentInfo).default({}),
});
export type CatalogFile = z.infer<typeof CatalogFile>;
