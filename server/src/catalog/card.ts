/**
 * The model card (SPEC §3): what the editor hover shows on a model string and what
 * `openai-model-lint explain` prints. One list of labelled facts, rendered as Markdown for
 * hovers or as aligned plain text for the terminal.
 */
import { catalogAgeNote, type Catalog, type ResolvedModel } from './catalog';
import type { AzureModel, AzureVersion, DeploymentType, ModelEntry, SourceRef } from './schema';

export interface CardOptions {
  asOf: string;
  markdown: boolean;
  deployment?: { name: string; region?: string; deploymentType?: string; apiVersion?: string };
}

/** Regions listed by name per deployment type when there are this many or fewer, else counted. */
const MAX_REGIONS_LISTED = 3;
/** Azure versions listed in full before the rest are counted. */
const MAX_AZURE_VERSIONS = 6;

const DEPLOYMENT_TYPE_LABELS: Record<DeploymentType, string> = {
  standard: 'Standard',
  globalStandard: 'Global Standard',
  globalBatch: 'Global Batch',
  dataZoneStandard: 'Data Zone Standard',
  provisioned: 'Provisioned',
  globalProvisioned: 'Global Provisioned',
  dataZoneProvisioned: 'Data Zone Provisioned',
};

/** A labelled fact; `sub` lines are shown under it (one per Azure version). */
type Fact = [label: string, value: string, sub?: string[]];

export function modelCard(r: ResolvedModel, catalog: Catalog, opts: CardOptions): string {
  const { entry } = r;
  const md = opts.markdown;
  const code = (s: string) => (md ? inlineCode(s) : s);

  const facts: Fact[] = [];
  if (opts.deployment) facts.push(['Deployment', deploymentLine(opts.deployment, code)]);
  facts.push(
    ['Context window', tokens(entry.contextWindow)],
    ['Max output', tokens(entry.maxOutputTokens)],
    ['Knowledge cutoff', entry.knowledgeCutoff ?? 'not stated'],
    ['Tokenizer', entry.encoding ?? 'not stated'],
    ['Endpoints', entry.endpoints.length ? entry.endpoints.join(', ') : 'none listed'],
    ['Lifecycle', lifecycleLine(entry, catalog, opts.asOf, code)],
  );
  if (entry.limitedAccess) facts.push(['Access', 'limited (registration required)']);
  for (const group of azureFacts(r, catalog, code, opts.deployment?.region)) facts.push(['Azure', group.title, group.lines]);

  const title = titleLine(r, code);
  const sources = sourceLinks(Object.values(entry.sources).flat().concat(r.azure?.version ? Object.values(r.azure.version.sources).flat() : []), catalog);
  const dated = catalogAgeNote(catalog.asOf, opts.asOf) ?? `catalog dated ${catalog.asOf}`;

  if (md) {
    const lines = [`**${inlineCode(r.requested)}**${title.suffix ? ` — ${title.suffix}` : ''}`, ''];
    if (entry.description) lines.push(escapeMarkdown(entry.description), '');
    for (const [label, value, sub] of facts) {
      lines.push(`- **${label}:** ${value}`);
      for (const line of sub ?? []) lines.push(`  - ${line}`);
    }
    const links = sources.map((l) => (l.url ? `[${escapeMarkdown(l.title)}](${l.url.replace(/[()\s]/g, encodeURIComponent)})` : escapeMarkdown(l.title)));
    lines.push('', `_Sources:_ ${links.join(' · ') || 'none'}`, '', `_${escapeMarkdown(dated)}_`);
    return lines.join('\n');
  }
  const width = Math.max(...facts.map(([l]) => l.length));
  const lines = [`${r.requested}${title.suffix ? ` — ${title.suffix}` : ''}`];
  if (entry.description) lines.push(entry.description);
  lines.push('');
  for (const [label, value, sub] of facts) {
    lines.push(`  ${label.padEnd(width)}  ${value}`);
    for (const line of sub ?? []) lines.push(`  ${''.padEnd(width)}    ${line}`);
  }
  lines.push('', `Sources:${sources.length ? '' : ' none'}`, ...sources.map((l) => `  - ${l.title}${l.url ? `: ${l.url}` : ''}`), dated);
  return lines.join('\n');
}

/**
 * The documents behind the facts as a user can open them: a seed file's title and public page
 * (the catalog's `documents` table), else the reference's own name and URL; one line each. A
 * name that ends in its page's address in parentheses (`OpenAI API docs "Deprecations"
 * (https://…)`) is shown without it, beside the URL, and the same page read in several places
 * (a translation fallback, an anchor) is listed once.
 */
export function sourceLinks(refs: SourceRef[], catalog: Catalog): { title: string; url: string | null }[] {
  const out = new Map<string, { title: string; url: string | null }>();
  for (const ref of refs) {
    const known = catalog.document(ref.doc);
    const link = known ? { title: known.title, url: known.url } : { title: ref.doc.replace(/\s*\(https?:\/\/[^()\s]*\)$/, ''), url: ref.url ?? null };
    const key = `${link.title}\n${link.url?.replace(/[?#].*$/, '') ?? null}`;
    if (!out.has(key)) out.set(key, link);
  }
  return [...out.values()];
}

/** How the requested name maps to the catalog entry: alias, other ID, fine-tune, Azure name. */
function titleLine(r: ResolvedModel, code: (s: string) => string): { suffix: string } {
  const parts: string[] = [];
  const { entry } = r;
  if (r.via === 'fineTune') parts.push(`fine-tune of ${code(r.fineTuneBase ?? entry.id)}`);
  if (r.via === 'azureName' && r.azure) {
    const v = r.azure.version;
    parts.push(`Azure model${v ? ` version ${code(v.version)}` : ''} → ${code(entry.id)}`);
  } else if (r.requested !== entry.id && r.via !== 'fineTune') parts.push(`another name of ${code(entry.id)}`);
  if (entry.aliasOf !== null) parts.push(`alias of snapshot ${code(entry.aliasOf)}`);
  if (r.via === 'extra') parts.push('from catalog.extraModels');
  return { suffix: parts.join(' · ') };
}

function deploymentLine(d: NonNullable<CardOptions['deployment']>, code: (s: string) => string): string {
  const parts = [code(d.name)];
  if (d.region) parts.push(`region ${d.region}`);
  if (d.deploymentType) parts.push(DEPLOYMENT_TYPE_LABELS[d.deploymentType as DeploymentType] ?? d.deploymentType);
  if (d.apiVersion) parts.push(`api_version ${d.apiVersion}`);
  return parts.join(' · ');
}

function lifecycleLine(entry: ModelEntry, catalog: Catalog, asOf: string, code: (s: string) => string): string {
  const { deprecationDate, shutdownDate, replacement } = entry.lifecycle;
  const status = catalog.status(entry, asOf);
  const stage = entry.lifecycle.stage === 'preview' ? 'preview' : 'GA';
  const then = replacement ? ` → ${code(replacement)}` : '';
  switch (status) {
    case 'retired':
      return `retired: shut down on ${shutdownDate}${then}`;
    case 'deprecated': {
      const parts = [`deprecated${deprecationDate ? ` on ${deprecationDate}` : ''}`];
      parts.push(shutdownDate ? `shutdown on ${shutdownDate}${then}` : replacement ? `replacement${then}` : 'no shutdown date announced');
      return parts.join('; ');
    }
    default:
      return shutdownDate ? `${stage}; shutdown on ${shutdownDate}${then}` : stage;
  }
}

/**
 * One group per Azure model: a line per version with its regions per deployment type, compact
 * (region names when there are few, else a count); with a deployment region, whether each
 * version is offered there.
 */
function azureFacts(r: ResolvedModel, catalog: Catalog, code: (s: string) => string, region?: string): { title: string; lines: string[] }[] {
  const groups: { model: AzureModel; versions: AzureVersion[] }[] =
    r.azure?.version != null ? [{ model: r.azure.model, versions: [r.azure.version] }] : catalog.azureVersionsFor(baseEntry(r, catalog));
  return groups.map(({ model, versions }) => {
    const lines = versions.slice(0, MAX_AZURE_VERSIONS).map((v) => {
      const parts = [regionSummary(v, region)];
      if (v.minApiVersion) parts.push(`api_version ≥ ${v.minApiVersion}`);
      return `${code(v.version)}: ${parts.filter(Boolean).join(' · ') || 'no regions listed'}`;
    });
    if (versions.length > MAX_AZURE_VERSIONS) lines.push(`+${versions.length - MAX_AZURE_VERSIONS} more versions`);
    const title = `${code(model.name)} (${versions.length === 1 ? '1 version' : `${versions.length} versions`})`;
    return { title, lines };
  });
}

/** For an Azure name without a known version the card still lists its versions. */
function baseEntry(r: ResolvedModel, catalog: Catalog): ModelEntry {
  if (r.via === 'azureName' && r.azure) {
    const byOpenAi = r.azure.model.openaiId ? catalog.get(r.azure.model.openaiId) : undefined;
    if (byOpenAi) return byOpenAi;
  }
  return catalog.get(r.entry.id) ?? r.entry;
}

function regionSummary(v: AzureVersion, region?: string): string {
  const parts: string[] = [];
  const offeredIn: string[] = [];
  for (const [type, regions] of Object.entries(v.regions) as [DeploymentType, string[] | undefined][]) {
    if (!regions?.length) continue;
    const label = DEPLOYMENT_TYPE_LABELS[type] ?? type;
    const listed = regions.length <= MAX_REGIONS_LISTED ? regions.join(', ') : `${regions.length} regions`;
    parts.push(`${label}: ${listed}`);
    if (region && regions.includes(region.toLowerCase())) offeredIn.push(label);
  }
  if (region) parts.push(offeredIn.length ? `offered in ${region} as ${offeredIn.join(', ')}` : `not offered in ${region}`);
  return parts.join(' · ');
}

function tokens(n: number | null): string {
  return n === null ? 'not stated' : `${n.toLocaleString('en-US')} tokens`;
}

function inlineCode(s: string): string {
  const ticks = s.includes('`') ? '``' : '`';
  return `${ticks}${s.replace(/\n/g, ' ')}${ticks}`;
}

/** Descriptions may come from user extraModels: show them as text, not markup. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`);
}
