/**
 * `openai-model-lint models --from-api`: the models an account can use, from the API's own
 * model list, written as a catalog overlay (a catalog file in the built-in schema, for the
 * `catalog.file` setting) holding the IDs the catalog lacks, so OAI101 stops flagging them.
 *
 * Explicit and opt-in: the only command that makes a request, and it makes exactly one, a GET
 * of the model list at the configured address (no redirects followed):
 * - OpenAI: `$OPENAI_BASE_URL/models` (default https://api.openai.com/v1), `OPENAI_API_KEY`
 *   as a bearer token, `OPENAI_ORG_ID` / `OPENAI_PROJECT_ID` as the SDK sends them;
 * - Azure OpenAI: `$AZURE_OPENAI_ENDPOINT/openai/models?api-version=2024-10-21` (Microsoft
 *   Learn, Azure OpenAI REST "Models - List"), `AZURE_OPENAI_API_KEY` in the `api-key` header.
 * The key is never printed: messages from the server are shown with it (and anything shaped
 * like a key) masked.
 *
 * What an entry holds: for a fine-tune whose base the catalog knows (Azure lists the base in
 * `model`; `<base>.ft-<job>` and `ft:<base>:…` name it), the base's facts; otherwise only what
 * the API returns (Azure: release stage, inference end date, the endpoints its capabilities
 * name), every other fact null (unknown: no finding depends on it).
 */
import { writeFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { z } from 'zod';
import type { Catalog, ResolvedModel } from '../catalog/catalog';
import { fineTuneBase } from '../catalog/catalog';
import { CatalogFile, type Endpoint, type Lifecycle, type ModelEntryInput, type SourceRef } from '../catalog/schema';

export const AZURE_MODELS_API_VERSION = '2024-10-21';
const OPENAI_DEFAULT_BASE = 'https://api.openai.com/v1';
const TIMEOUT_MS = 30_000;

export type Provider = 'openai' | 'azure';

export interface ApiRequest {
  provider: Provider;
  url: string;
  headers: Record<string, string>;
  /** the key, only to mask it in messages */
  secret: string;
  /** how sources and messages name the list */
  doc: string;
}

type Env = Record<string, string | undefined>;

function set(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

/** The request to make, from the environment; a message when it cannot be made. */
export function apiRequest(env: Env, provider?: Provider): ApiRequest | { error: string } {
  const openaiKey = set(env, 'OPENAI_API_KEY');
  const azureEndpoint = set(env, 'AZURE_OPENAI_ENDPOINT');
  const chosen = provider ?? (azureEndpoint && !openaiKey ? 'azure' : openaiKey && !azureEndpoint ? 'openai' : undefined);
  if (!chosen) {
    return openaiKey
      ? { error: 'both OPENAI_API_KEY and AZURE_OPENAI_ENDPOINT are set; choose one with --provider openai|azure' }
      : { error: 'set OPENAI_API_KEY (and OPENAI_BASE_URL for another address), or AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_API_KEY' };
  }
  if (chosen === 'openai') {
    if (!openaiKey) return { error: 'OPENAI_API_KEY is not set' };
    const base = (set(env, 'OPENAI_BASE_URL') ?? OPENAI_DEFAULT_BASE).replace(/\/+$/, '');
    const headers: Record<string, string> = { authorization: `Bearer ${openaiKey}`, accept: 'application/json' };
    const org = set(env, 'OPENAI_ORG_ID');
    const project = set(env, 'OPENAI_PROJECT_ID');
    if (org) headers['openai-organization'] = org;
    if (project) headers['openai-project'] = project;
    return { provider: 'openai', url: `${base}/models`, headers, secret: openaiKey, doc: 'OpenAI API: GET /v1/models (List models)' };
  }
  const key = set(env, 'AZURE_OPENAI_API_KEY');
  if (!azureEndpoint || !key) return { error: 'set AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_API_KEY' };
  return {
    provider: 'azure',
    url: `${azureEndpoint.replace(/\/+$/, '')}/openai/models?api-version=${AZURE_MODELS_API_VERSION}`,
    headers: { 'api-key': key, accept: 'application/json' },
    secret: key,
    doc: `Azure OpenAI REST API: Models - List (api-version ${AZURE_MODELS_API_VERSION})`,
  };
}

/** The URL as it may be shown: no user info, no query. */
export function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

/** Masks the key and anything shaped like an OpenAI key in a message from the server. */
export function mask(text: string, secret: string): string {
  const masked = secret ? text.split(secret).join('***') : text;
  return masked.replace(/\bsk-[A-Za-z0-9_*.-]{3,}/g, 'sk-***');
}

/** One entry of either list; only the fields read are described, anything else is ignored. */
const ListedModel = z.object({
  id: z.string().min(1),
  created: z.number().optional(),
  owned_by: z.string().optional(),
  // Azure
  model: z.string().optional(),
  fine_tune: z.string().optional(),
  lifecycle_status: z.string().optional(),
  deprecation: z.object({ inference: z.number().optional() }).partial().optional(),
  capabilities: z.object({ chat_completion: z.boolean(), completion: z.boolean(), embeddings: z.boolean() }).partial().optional(),
});
export type ListedModel = z.infer<typeof ListedModel>;
const ModelList = z.object({ data: z.array(ListedModel) });

/** GETs the list (one request, bounded, no redirects); the models or a message. */
export async function fetchModelList(req: ApiRequest, fetchImpl: typeof fetch = fetch): Promise<{ models: ListedModel[] } | { error: string }> {
  const where = `GET ${shownUrl(req.url)}`;
  let res: Response;
  try {
    res = await fetchImpl(req.url, { method: 'GET', headers: req.headers, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
    return { error: mask(`${where} failed: ${why}`, req.secret) };
  }
  const body = await res.text().catch(() => '');
  if (!res.ok) {
    let detail = '';
    try {
      const e = (JSON.parse(body) as { error?: { message?: unknown } }).error?.message;
      if (typeof e === 'string') detail = `: ${e}`;
    } catch {
      /* not JSON: the status says enough */
    }
    return { error: mask(`${where} answered ${res.status} ${res.statusText}${detail}`, req.secret) };
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { error: `${where}: the answer is not JSON` };
  }
  const list = ModelList.safeParse(json);
  if (!list.success) return { error: `${where}: the answer is not a model list (${list.error.issues[0]?.message ?? 'unexpected shape'})` };
  return { models: list.data.data };
}

/** A model the catalog knows, by OpenAI ID, Azure name, or Azure's `<name>-<version>` ("gpt-35-turbo-0613"). */
export function known(catalog: Catalog, id: string): ResolvedModel | undefined {
  const direct = catalog.resolve(id) ?? catalog.resolveAzure(id);
  if (direct) return direct;
  for (let i = id.indexOf('-'); i !== -1; i = id.indexOf('-', i + 1)) {
    const r = catalog.resolveAzure(id.slice(0, i), id.slice(i + 1));
    if (r?.azure?.version) return r;
  }
  return undefined;
}

/** The base a listed fine-tune names: Azure's `model`, `<base>.ft-<job>`, or `ft:<base>:…`. */
export function fineTuneBaseOf(m: ListedModel): string | undefined {
  if (m.model && (m.fine_tune || m.id.includes('.ft-'))) return m.model;
  const dotted = /^(.+)\.ft-[^.]+$/.exec(m.id);
  return dotted ? dotted[1] : fineTuneBase(m.id);
}

function isoDay(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().slice(0, 10);
}

/** The lifecycle fields the API returned; null when it returned none. */
function listedLifecycle(m: ListedModel): Lifecycle | null {
  if (m.lifecycle_status === undefined && m.deprecation?.inference === undefined) return null;
  return {
    stage: m.lifecycle_status === 'preview' ? 'preview' : 'ga',
    deprecationDate: null,
    shutdownDate: m.deprecation?.inference !== undefined ? isoDay(m.deprecation.inference) : null,
    replacement: null,
  };
}

const CAPABILITY_ENDPOINTS: [keyof NonNullable<ListedModel['capabilities']>, Endpoint][] = [
  ['chat_completion', 'chat.completions'],
  ['completion', 'completions'],
  ['embeddings', 'embeddings'],
];

export interface Overlay {
  file: CatalogFile;
  /** per added ID: the base it copies, or null */
  added: { id: string; base: string | null }[];
  listed: number;
}

/** The overlay for the listed models the catalog lacks; validated with the catalog file schema. */
export function buildOverlay(listed: readonly ListedModel[], catalog: Catalog, req: Pick<ApiRequest, 'doc' | 'url'>, date: string): Overlay {
  const ref: SourceRef = { doc: req.doc, url: shownUrl(req.url), note: `listed on ${date}` };
  const models: ModelEntryInput[] = [];
  const added: Overlay['added'] = [];
  const seen = new Set<string>();
  for (const m of listed) {
    if (seen.has(m.id) || known(catalog, m.id)) continue;
    seen.add(m.id);
    const baseId = fineTuneBaseOf(m);
    const base = baseId !== undefined ? known(catalog, baseId) : undefined;
    const lifecycle = listedLifecycle(m);
    if (base) {
      models.push({
        ...base.entry,
        id: m.id,
        aliasOf: null,
        otherIds: [],
        description: `Fine-tune of ${base.entry.id}, listed by the API on ${date}`,
        lifecycle: lifecycle ?? base.entry.lifecycle,
        sources: { ...base.entry.sources, id: [ref], description: [ref], ...(lifecycle ? { lifecycle: [ref] } : {}) },
      });
      added.push({ id: m.id, base: base.entry.id });
      continue;
    }
    const endpoints = CAPABILITY_ENDPOINTS.filter(([cap]) => m.capabilities?.[cap] === true).map(([, e]) => e);
    models.push({
      id: m.id,
      description: `Listed by the API on ${date}${baseId ? ` (a fine-tune of ${baseId}, which the catalog does not know)` : ''}; no other facts known, so the checks that need them are skipped`,
      family: 'unknown',
      contextWindow: null,
      maxOutputTokens: null,
      knowledgeCutoff: null,
      encoding: null,
      endpoints,
      // the OpenAI list gives no release stage: none is claimed beyond "not a preview"
      lifecycle: lifecycle ?? { stage: 'ga' },
      sources: { '*': [ref] },
    });
    added.push({ id: m.id, base: null });
  }
  models.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  added.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // the file's date is the catalog's it extends: the listing adds IDs but checks none of the
  // catalog's lifecycle facts, so loading it as `catalog.file` must not hide the catalog's age
  // (each entry's source says when it was listed)
  const file = CatalogFile.parse({ asOf: catalog.asOf, models });
  return { file, added, listed: listed.length };
}

/** Writes the overlay as JSON (2-space indent, trailing newline); returns the absolute path. */
export function writeOverlay(path: string, cwd: string, file: CatalogFile): string {
  const abs = resolvePath(cwd, path);
  writeFileSync(abs, `${JSON.stringify(file, null, 2)}\n`);
  return abs;
}

export const DEFAULT_OVERLAY_FILE = 'openai-model-lint.catalog.json';

export interface FromApiOptions {
  provider?: Provider;
  output?: string;
  env: Env;
  cwd: string;
  date: string;
  fetchImpl?: typeof fetch;
}

/** `models --from-api`: exit 0 when the list was read (and the overlay written if anything is missing), 2 otherwise. */
export async function modelsFromApi(catalog: Catalog, io: { stdout(s: string): void; stderr(s: string): void }, o: FromApiOptions): Promise<number> {
  const req = apiRequest(o.env, o.provider);
  if ('error' in req) {
    io.stderr(`openai-model-lint: models --from-api: ${req.error}\n`);
    return 2;
  }
  const list = await fetchModelList(req, o.fetchImpl);
  if ('error' in list) {
    io.stderr(`openai-model-lint: models --from-api: ${list.error}\n`);
    return 2;
  }
  const overlay = buildOverlay(list.models, catalog, req, o.date);
  const n = overlay.added.length;
  const lines = [`GET ${shownUrl(req.url)}: ${list.models.length} model${list.models.length === 1 ? '' : 's'}, ${n} not in the catalog dated ${catalog.asOf}${n ? ':' : '.'}`];
  const width = Math.max(0, ...overlay.added.map((a) => a.id.length));
  for (const a of overlay.added) lines.push(`  ${a.id.padEnd(width)}  ${a.base ? `fine-tune of ${a.base}: its facts` : 'no facts known: model checks skipped'}`);
  if (n) {
    const output = o.output ?? DEFAULT_OVERLAY_FILE;
    writeOverlay(output, o.cwd, overlay.file);
    lines.push(`Wrote ${output} (${n} model${n === 1 ? '' : 's'}). Use it with "catalog": { "file": "${output}" } in .openai-model-lint.json.`);
  } else lines.push('Nothing to add; no file written.');
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}
