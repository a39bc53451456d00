/**
 * Settings: one zod schema, the single source of keys and defaults for VS Code settings
 * (`openaiModelLint.*`, see package.json contributes.configuration — a test checks they
 * match key for key) and for the project file `.openai-model-lint.json`.
 */
import { z } from 'zod';
import { DeploymentType, IsoDate, ModelEntry } from '../catalog/schema';

export const RuleSeverity = z.enum(['off', 'hint', 'info', 'warning', 'error']);

export const AzureDeployment = z.object({
  model: z.string().min(1),
  version: z.string().optional(),
  region: z.string().optional(),
  deploymentType: DeploymentType.optional(),
});
export type AzureDeployment = z.infer<typeof AzureDeployment>;

/** Whether YYYY-MM-DD names a day of the calendar (2025-13-45 and 2025-02-29 do not). */
export function isCalendarDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export const Settings = z.object({
  /** per-rule severity overrides: { "OAI106": "warning" } */
  rules: z.record(z.string().regex(/^OAI\d{3}$/, 'rule codes look like OAI201'), RuleSeverity).default({}),
  azure: z
    .object({
      deployments: z.record(z.string(), AzureDeployment).default({}),
    })
    .default({ deployments: {} }),
  catalog: z
    .object({
      /** extra catalog entries; each is validated on its own and skipped when invalid */
      extraModels: z.array(z.unknown()).default([]),
      /**
       * a catalog data file (the built-in files' schema) that replaces or extends the built-in
       * catalog; relative to the project file (or, in VS Code settings, to the workspace folder)
       */
      file: z.string().min(1).nullable().default(null),
    })
    .default({ extraModels: [], file: null }),
  /** pins "today" for lifecycle checks */
  // zod runs the refinement after a failed pattern too: a malformed value is the pattern's to report
  asOf: IsoDate.refine((v) => !/^\d{4}-\d{2}-\d{2}$/.test(v) || isCalendarDate(v), { error: (issue) => `'${String(issue.input)}' is not a calendar date` }).nullable().default(null),
  tokenCounts: z
    .object({
      inlay: z.boolean().default(true),
      codeLens: z.boolean().default(false),
    })
    .default({ inlay: true, codeLens: false }),
  /** files larger than this many bytes are skipped with a message */
  maxFileSize: z.number().int().positive().default(2_000_000),
});
export type Settings = z.infer<typeof Settings>;
export type SettingsInput = z.input<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = Settings.parse({});

/** Validates one extraModels element; the loader reports issues with their key path. */
export const ExtraModel = ModelEntry;
