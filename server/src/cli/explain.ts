/**
 * `openai-model-lint explain MODEL_ID [--azure-version VERSION] [--as-of YYYY-MM-DD] [--config FILE]`:
 * prints the model card the editor hover shows. OpenAI IDs, other IDs, fine-tuned IDs, Azure
 * model names and the project file's `catalog.extraModels` are accepted; an unknown name
 * exits 2 with the closest suggestions.
 */
import { Catalog, type ResolvedModel } from '../catalog/catalog';
import { modelCard } from '../catalog/card';
import { EXIT_OK, EXIT_USAGE, parseArgs, today, usageError, validateIsoDate, type CommandIo } from './args';
import { projectCatalog } from './projectCatalog';

export const USAGE = `usage: openai-model-lint explain MODEL_ID [--azure-version VERSION] [--as-of YYYY-MM-DD] [--config FILE]

Prints the catalog's model card for an OpenAI model ID or an Azure model name
(with --azure-version, one Azure version: explain gpt-4 --azure-version turbo-2024-04-09).
Models of the project file's catalog.extraModels (--config, else the nearest
.openai-model-lint.json) are explained too.`;

export async function run(args: string[], io: CommandIo, builtIn: Catalog = Catalog.builtIn(), cwd: string = process.cwd()): Promise<number> {
  const parsed = parseArgs(args, {
    'azure-version': { type: 'string' },
    'as-of': { type: 'string', validate: validateIsoDate },
    config: { type: 'string' },
    help: { type: 'boolean' },
  });
  if (!parsed.ok) return usageError(io, parsed.error, USAGE);
  const { options, positionals } = parsed.value;
  if (options.help) {
    io.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (positionals.length !== 1) return usageError(io, positionals.length ? `expected one MODEL_ID, got ${positionals.length}` : 'missing MODEL_ID', USAGE);
  const project = projectCatalog(builtIn, options.config as string | undefined, cwd, io);
  if (!project) return EXIT_USAGE;
  const catalog = project.catalog;
  const id = positionals[0]!;
  const azureVersion = options['azure-version'] as string | undefined;
  const resolved = lookup(catalog, id, azureVersion);
  if (!resolved) {
    io.stderr(`${unknownModelMessage(catalog, id)}\n`);
    return EXIT_USAGE;
  }
  if (azureVersion !== undefined && !resolved.azure?.version) {
    const known = resolved.azure?.model.versions.map((v) => v.version) ?? [];
    io.stderr(
      `openai-model-lint: unknown Azure version '${azureVersion}' of '${id}'${known.length ? `; known versions: ${known.join(', ')}` : ''}\n`,
    );
    return EXIT_USAGE;
  }
  const asOf = (options['as-of'] as string | undefined) ?? project.asOf ?? today();
  io.stdout(`${modelCard(resolved, catalog, { asOf, markdown: false })}\n`);
  return EXIT_OK;
}

/** OpenAI ID first (`gpt-4` is both), then Azure name; an Azure version forces the Azure reading. */
function lookup(catalog: Catalog, id: string, azureVersion: string | undefined): ResolvedModel | undefined {
  if (azureVersion !== undefined) return catalog.resolveAzure(id, azureVersion);
  return catalog.resolve(id) ?? catalog.resolveAzure(id);
}

export function unknownModelMessage(catalog: Catalog, id: string): string {
  const suggestions = catalog.suggest(id);
  return suggestions.length
    ? `unknown model '${id}'; did you mean: ${suggestions.join(', ')}`
    : `unknown model '${id}'; not in the catalog dated ${catalog.asOf} and close to no known ID`;
}
