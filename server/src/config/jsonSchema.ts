/**
 * JSON Schema for `.openai-model-lint.json` (and so for one `catalog.extraModels` entry),
 * generated from the zod schemas so that editors validate and complete user overrides with
 * exactly the rules the loader applies. esbuild.mjs writes it to
 * server/out/openai-model-lint.schema.json; package.json `jsonValidation` points there.
 */
import { z } from 'zod';
import { ModelEntry } from '../catalog/schema';
import { Settings } from './schema';

export const PROJECT_FILE_SCHEMA_ID = 'https://openai-model-lint.dev/schema/openai-model-lint.schema.json';

/** The settings schema with `catalog.extraModels` items typed as catalog entries. */
const ProjectFile = Settings.extend({
  $schema: z.string().optional().describe('JSON Schema reference (ignored by the linter)'),
  catalog: z
    .object({
      extraModels: z
        .array(ModelEntry)
        .default([])
        .describe('Extra catalog entries (same schema as the built-in catalog) for fine-tuned, private or proxied models; an entry with a built-in ID replaces it'),
      file: z
        .string()
        .min(1)
        .nullable()
        .default(null)
        .describe('Path of a catalog data file (the schema of the built-in data files) that replaces or extends the built-in catalog, relative to this file; ignored in an untrusted workspace'),
    })
    .default({ extraModels: [], file: null }),
});

export function projectFileJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ProjectFile, { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: PROJECT_FILE_SCHEMA_ID,
    title: 'OpenAI Model Lint project file (.openai-model-lint.json)',
  };
}

/** The schema of one extra model entry, for tools that validate entries on their own. */
export function modelEntryJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ModelEntry, { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as Record<string, unknown>;
}
