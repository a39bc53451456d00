/**
 * `openai-model-lint models [--format text|json] [--endpoint NAME] [--as-of YYYY-MM-DD] [--config FILE]`:
 * the catalog (with the project file's `catalog.extraModels`) as a table or as a JSON array
 * (SPEC §5; `null` where the sources give no value).
 */
import { Catalog, catalogAgeNote, type LifecycleStatus } from '../catalog/catalog';
import { ENDPOINTS, type Endpoint, type ModelEntry } from '../catalog/schema';
import { EXIT_OK, EXIT_USAGE, parseArgs, today, usageError, validateIsoDate, type CommandIo } from './args';
import { DEFAULT_OVERLAY_FILE, modelsFromApi, type Provider } from './fromApi';
import { projectCatalog } from './projectCatalog';

export const USAGE = `usage: openai-model-lint models [--format text|json] [--endpoint NAME] [--as-of YYYY-MM-DD] [--config FILE]
       openai-model-lint models --from-api [--provider openai|azure] [--output FILE] [--config FILE]

Lists the model catalog, with the catalog.extraModels of the project file (--config, else
the nearest .openai-model-lint.json). --endpoint keeps the models served by one endpoint
(${ENDPOINTS.join(', ')}).
Lifecycle is computed as of --as-of, else the project file's asOf, else today.

--from-api asks the API which models your key can use (GET /v1/models with OPENAI_API_KEY,
at OPENAI_BASE_URL if set; or the Azure OpenAI models list with AZURE_OPENAI_ENDPOINT and
AZURE_OPENAI_API_KEY) and writes the ones the catalog lacks to a catalog file (--output,
default ${DEFAULT_OVERLAY_FILE}) for the catalog.file setting. It is the only
command that makes a network request.`;

export interface ModelJson {
  id: string;
  aliasOf: string | null;
  otherIds: string[];
  family: string;
  description: string;
  contextWindow: number | null;
  maxOutputTokens: number | null;
  knowledgeCutoff: string | null;
  endpoints: string[];
  lifecycle: LifecycleStatus;
  deprecationDate: string | null;
  shutdownDate: string | null;
  replacement: string | null;
  limitedAccess: boolean;
  encoding: string | null;
  sources: string[];
}

export function modelJson(entry: ModelEntry, catalog: Catalog, asOf: string): ModelJson {
  const { lifecycle } = entry;
  return {
    id: entry.id,
    aliasOf: entry.aliasOf,
    otherIds: entry.otherIds,
    family: entry.family,
    description: entry.description,
    contextWindow: entry.contextWindow,
    maxOutputTokens: entry.maxOutputTokens,
    knowledgeCutoff: entry.knowledgeCutoff,
    endpoints: entry.endpoints,
    lifecycle: catalog.status(entry, asOf),
    deprecationDate: lifecycle.deprecationDate,
    shutdownDate: lifecycle.shutdownDate,
    replacement: lifecycle.replacement,
    limitedAccess: entry.limitedAccess,
    encoding: entry.encoding,
    sources: catalog.sourceDocs(entry),
  };
}

export async function run(args: string[], io: CommandIo, builtIn: Catalog = Catalog.builtIn(), cwd: string = process.cwd(), env: Record<string, string | undefined> = process.env): Promise<number> {
  const parsed = parseArgs(args, {
    format: { type: 'string', choices: ['text', 'json'] },
    endpoint: { type: 'string', choices: ENDPOINTS },
    'as-of': { type: 'string', validate: validateIsoDate },
    config: { type: 'string' },
    help: { type: 'boolean' },
    'from-api': { type: 'boolean' },
    provider: { type: 'string', choices: ['openai', 'azure'] },
    output: { type: 'string' },
  });
  if (!parsed.ok) return usageError(io, parsed.error, USAGE);
  const { options, positionals } = parsed.value;
  if (options.help) {
    io.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (positionals.length) return usageError(io, `unexpected argument '${positionals[0]}'`, USAGE);
  const apiOnly = ['provider', 'output'].find((o) => options[o] !== undefined && !options['from-api']);
  if (apiOnly) return usageError(io, `--${apiOnly} goes with --from-api`, USAGE);
  const project = projectCatalog(builtIn, options.config as string | undefined, cwd, io);
  if (!project) return EXIT_USAGE;
  const catalog = project.catalog;
  if (options['from-api']) {
    return modelsFromApi(catalog, io, { provider: options.provider as Provider | undefined, output: options.output as string | undefined, env, cwd, date: today() });
  }
  const asOf = (options['as-of'] as string | undefined) ?? project.asOf ?? today();
  const endpoint = options.endpoint as Endpoint | undefined;
  const models = catalog
    .all()
    .filter((m) => endpoint === undefined || m.endpoints.includes(endpoint))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((m) => modelJson(m, catalog, asOf));

  const age = catalogAgeNote(catalog.asOf, asOf);
  if (options.format === 'json') {
    io.stdout(`${JSON.stringify(models, null, 2)}\n`);
    if (age) io.stderr(`openai-model-lint: ${age}\n`);
  } else io.stdout(modelsTable(models, catalog.asOf, asOf, endpoint));
  return EXIT_OK;
}

/** An aligned table; the last column (endpoints) is not padded. */
export function modelsTable(models: ModelJson[], catalogAsOf: string, asOf: string, endpoint?: string): string {
  const header = ['ID', 'ALIAS OF', 'CONTEXT', 'MAX OUT', 'CUTOFF', 'ENCODING', 'LIFECYCLE', 'ENDPOINTS'];
  const rows = models.map((m) => [
    m.id,
    m.aliasOf ?? '-',
    m.contextWindow === null ? '-' : m.contextWindow.toLocaleString('en-US'),
    m.maxOutputTokens === null ? '-' : m.maxOutputTokens.toLocaleString('en-US'),
    m.knowledgeCutoff ?? '-',
    m.encoding ?? '-',
    lifecycleCell(m),
    m.endpoints.join(','),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const numeric = new Set([2, 3]);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const title = `${models.length} model${models.length === 1 ? '' : 's'}${endpoint ? ` served by ${endpoint}` : ''} · catalog dated ${catalogAsOf} · lifecycle as of ${asOf}`;
  const age = catalogAgeNote(catalogAsOf, asOf);
  return [title, ...(age ? [`Note: ${age}.`] : []), '', line(header), ...rows.map(line)].join('\n') + '\n';
}

function lifecycleCell(m: ModelJson): string {
  if (m.lifecycle === 'retired') return `retired ${m.shutdownDate}`;
  if (m.lifecycle === 'deprecated') return m.shutdownDate ? `deprecated→${m.shutdownDate}` : 'deprecated';
  return m.lifecycle === 'ga' ? 'GA' : 'preview';
}
