// The Azure catalog (server/src/catalog/data/azure.json) checked against the seed documents
// themselves, read at test time: every model row of the Azure "models" pages (seeds 000, 001,
// 002) must be in the catalog with the same token limit and training cutoff, the regions the
// seeds list must be offered, and the image-token formula must reproduce seed 003's worked
// examples. The seeds are read from ../shared/seeds beside the repository, or from the copy in test/fixtures/seeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CatalogFile, type AzureModel, type AzureVersion, type DeploymentType } from '../../server/src/catalog/schema';
import azureJson from '../../server/src/catalog/data/azure.json';
import { readSeed } from '../helpers/seeds';

// ---------------------------------------------------------------- locating the seeds

function findRepoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'openai-model-lint') return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no openai-model-lint package.json above ${__dirname}`);
    dir = up;
  }
}

const repoRoot = findRepoRoot();
const SEED = {
  models2024: '000_f096329f552c1838.txt',
  models2023: '001_f3294c2118468729.txt',
  models2023early: '002_194bbe6d6bdd0811.txt',
  overview: '003_19121e1eff88d3b7.txt',
} as const;

function seed(file: string): string {
  return readSeed(repoRoot, file);
}

// ---------------------------------------------------------------- a small table reader

interface SeedRow {
  seed: string;
  /** model name as written, footnote marks removed */
  name: string;
  /** version in parentheses, if the row gives one */
  version: string | null;
  /** Max Request (tokens): the input (or only) number and the output number */
  input: number | null;
  output: number | null;
  /** Training Data (up to), as YYYY-MM */
  cutoff: string | null;
  /** Base model Regions, lower-case without spaces ([] for N/A; null when the table has none) */
  regions: string[] | null;
  raw: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "Oct 2023" / "September 2021" → "2023-10"; "" / "N/A" → null. */
function monthYear(text: string): string | null {
  const m = /^([A-Za-z]+)\.?\s+(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const i = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase());
  if (i < 0) throw new Error(`not a month: ${text}`);
  return `${m[2]}-${String(i + 1).padStart(2, '0')}`;
}

const num = (s: string): number => Number(s.replace(/,/g, ''));

/** "Input: 128,000 <br> Output: 32,768" → {input, output}; "8,192" → {input}; "" → nulls. */
function maxRequest(cell: string): { input: number | null; output: number | null } {
  const io = /Input:\s*([\d,]+)\s*(?:<br>)?\s*Output:\s*([\d,]+)/i.exec(cell);
  if (io) return { input: num(io[1]!), output: num(io[2]!) };
  const one = /^\s*([\d,]+)\s*$/.exec(cell);
  return { input: one ? num(one[1]!) : null, output: null };
}

const regionList = (cell: string): string[] =>
  /^\s*N\/A\s*$/i.test(cell) || cell.trim() === ''
    ? []
    : cell.split(',').map((r) => r.trim().toLowerCase().replace(/\s+/g, '')).filter(Boolean);

/**
 * Rendered footnote marks glued to names in seed 002 ("gpt-35-turbo1", "code-cushman-0011",
 * "gpt-4 1,2"): the names they stand for.
 */
const FOOTNOTED: Record<string, string> = { 'gpt-35-turbo1': 'gpt-35-turbo', 'code-cushman-0011': 'code-cushman-001' };

/** Name and version out of a Model ID cell: "`gpt-35-turbo`**<sup>1</sup>** (0301)", "gpt-4 1,2", "dalle2 (preview)". */
function modelCell(cell: string): { name: string; version: string | null } {
  const first = cell.split(/<br>/i)[0]!.replace(/<sup>.*?<\/sup>/gi, '').replace(/\*\*/g, '').replace(/`/g, '').trim();
  const m = /^([a-z][a-z0-9.-]*)(?:\s+[\d,]+)?\s*(?:\(([^)]+)\))?/i.exec(first);
  if (!m) throw new Error(`unreadable model cell: ${cell}`);
  let version: string | null = m[2]?.trim() ?? null;
  if (version !== null && /^(ChatGPT|preview)$/i.test(version)) version = null;
  if (version !== null) version = version.replace(/^version\s+/i, '');
  const name = FOOTNOTED[m[1]!] ?? m[1]!;
  return { name, version };
}

/**
 * Markdown pipe tables whose header has a "Model ID" column. Seed 002's rendering breaks some
 * rows over two lines ("gpt-4 1,2 |" + "East US, France Central | N/A | ..."): such pieces are
 * joined until the row has as many cells as the header.
 */
function pipeTableRows(text: string, seedName: string): SeedRow[] {
  const lines = text.split(/\r?\n/);
  const cells = (line: string) => line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
  const rows: SeedRow[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim().startsWith('|') || !/^\s*\|?\s*:?-{2,}/.test(lines[i + 1] ?? '')) continue;
    const header = cells(line);
    if (!/^Model ID$/i.test(header[0]!)) continue;
    const col = (re: RegExp) => header.findIndex((h) => re.test(h));
    const maxCol = col(/^Max Request \(tokens\)$/i);
    const cutCol = col(/^Training Data/i);
    const regCol = col(/^Base model Regions$/i);
    let j = i + 2;
    for (; j < lines.length; j++) {
      let row = lines[j]!.trim();
      if (!row.includes('|')) break;
      while (cells(row).length < header.length && j + 1 < lines.length && lines[j + 1]!.includes('|') && !lines[j + 1]!.trim().startsWith('|')) {
        row = `${row} ${lines[++j]!.trim()}`;
      }
      const c = cells(row);
      if (c[0] === '' && c.every((x) => x === '')) continue; // a stray "|" line
      const { name, version } = modelCell(c[0]!);
      const mr = maxCol >= 0 ? maxRequest(c[maxCol] ?? '') : { input: null, output: null };
      rows.push({
        seed: seedName,
        name,
        version,
        input: mr.input,
        output: mr.output,
        cutoff: cutCol >= 0 ? monthYear(c[cutCol] ?? '') : null,
        regions: regCol >= 0 ? regionList(c[regCol] ?? '') : null,
        raw: row,
      });
    }
    i = j - 1;
  }
  return rows;
}

/**
 * Seed 001 is rendered text, one table cell per line ("gpt-4", footnote marks "1" / "3",
 * "(0613)", regions, "8,192", "September 2021"; the Fine-Tuning Regions cell is empty and absent).
 */
function renderedRows(text: string, seedName: string): SeedRow[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const rows: SeedRow[] = [];
  for (let i = 0; i < lines.length; i++) {
    const nm = /^(gpt-[\w.-]+|text-embedding-ada-002)(?:\s+\(version (\d+)\))?$/.exec(lines[i]!);
    if (!nm) continue;
    let j = i + 1;
    while (/^\d$/.test(lines[j] ?? '')) j++;
    let version = nm[2] ?? null;
    const v = /^\((\w+)\)$/.exec(lines[j] ?? '');
    if (v) (version = v[1]!), j++;
    const [reg, max, cut] = [lines[j] ?? '', lines[j + 1] ?? '', lines[j + 2] ?? ''];
    if (!/^[A-Z][A-Za-z ]+(, [A-Z][A-Za-z0-9 ]+)*$/.test(reg) || !/^[\d,]+$/.test(max) || monthYear(cut) === null) continue;
    rows.push({ seed: seedName, name: nm[1]!, version, input: num(max), output: null, cutoff: monthYear(cut), regions: regionList(reg), raw: lines.slice(i, j + 3).join(' / ') });
    i = j + 2;
  }
  return rows;
}

// ---------------------------------------------------------------- the catalog side

const catalog = CatalogFile.parse(azureJson);
const byName = new Map(catalog.azure.map((m) => [m.name, m]));

/** Seed names that differ from the catalog's Azure name (the seeds call DALL-E 2 "dalle2"). */
const NAME_ALIASES: Record<string, string> = { dalle2: 'dall-e-2' };
/** Seed versions written differently from Azure's retirement tables. */
const VERSION_ALIASES: Record<string, string> = { 'gpt-4o-realtime-preview 2024-10-01-preview': '2024-10-01' };

function lookup(row: SeedRow, implicitVersions: Record<string, string>): { model: AzureModel; version: AzureVersion } {
  const name = NAME_ALIASES[row.name] ?? row.name;
  const model = byName.get(name);
  assert.ok(model, `${row.seed}: "${row.name}" is not an Azure model in azure.json (row: ${row.raw})`);
  let v = row.version;
  if (v !== null) v = VERSION_ALIASES[`${name} ${v}`] ?? v;
  if (v === null) v = implicitVersions[name] ?? null;
  if (v === null) {
    assert.equal(model.versions.length, 1, `${row.seed}: "${row.name}" names no version and azure.json has ${model.versions.length}`);
    return { model, version: model.versions[0]! };
  }
  const version = model.versions.find((x) => x.version.toLowerCase() === v!.toLowerCase());
  assert.ok(version, `${row.seed}: ${name} version ${v} is not in azure.json (has ${model.versions.map((x) => x.version).join(', ')})`);
  return { model, version };
}

/**
 * The version's field must equal the seed's number, or the seed must be listed among the field's
 * sources after the first one (the source whose value is kept) with a note "states <number>": a
 * documented disagreement between seeds, where the newest is kept.
 */
function assertFact(row: SeedRow, v: AzureVersion, field: 'contextWindow' | 'maxOutputTokens' | 'knowledgeCutoff', expected: number | string) {
  const actual = v[field];
  assert.notEqual(actual, undefined, `${row.seed} ${row.name} ${v.version}: azure.json does not state ${field} (seed says ${expected}); the seed's Azure value must be in azure.json`);
  if (actual === expected) return;
  const shown = typeof expected === 'number' ? expected.toLocaleString('en-US') : expected;
  const documented = (v.sources[field] ?? []).slice(1).some((s) => s.doc === row.seed && (s.note ?? '').includes(`states ${shown}`));
  assert.ok(documented, `${row.seed} ${row.name} ${v.version}: ${field} is ${String(actual)} in azure.json, the seed says ${expected}, and no source note records the difference`);
}

function checkRows(rows: SeedRow[], implicitVersions: Record<string, string> = {}): { facts: number } {
  let facts = 0;
  for (const row of rows) {
    const { version } = lookup(row, implicitVersions);
    if (row.input !== null) assertFact(row, version, 'contextWindow', row.input), facts++;
    if (row.output !== null) assertFact(row, version, 'maxOutputTokens', row.output), facts++;
    if (row.cutoff !== null) assertFact(row, version, 'knowledgeCutoff', row.cutoff), facts++;
    if (row.regions !== null && row.regions.length) {
      const offered = new Set(version.regions.standard ?? []);
      const missing = row.regions.filter((r) => !offered.has(r));
      assert.deepEqual(missing, [], `${row.seed} ${row.name} ${version.version}: standard regions missing from azure.json`);
      facts++;
    }
  }
  return { facts };
}

// ---------------------------------------------------------------- tests

test('azure.json validates against CatalogFile and every source is named', () => {
  const r = CatalogFile.safeParse(azureJson);
  assert.ok(r.success, r.success ? '' : JSON.stringify(r.error.issues.slice(0, 3)));
  for (const m of catalog.azure) {
    for (const v of m.versions) {
      assert.ok(Object.keys(v.sources).length > 0, `${m.name} ${v.version} has no sources`);
      for (const [t, list] of Object.entries(v.regions)) {
        for (const region of list) assert.match(region, /^[a-z0-9]+$/, `${m.name} ${v.version} ${t}: region "${region}"`);
        assert.ok(v.sources.regions?.length, `${m.name} ${v.version}: regions without a source`);
      }
      if (v.lifecycle) assert.ok(v.sources.lifecycle?.length || v.sources['*']?.length, `${m.name} ${v.version}: lifecycle without a source`);
    }
  }
  assert.ok(catalog.azureApiVersionRequirements.every((x) => x.sources.length > 0));
});

test('seed 000 (Dec 2024 models page): every model row is in azure.json with its limits and cutoff', () => {
  const rows = pipeTableRows(seed(SEED.models2024), SEED.models2024);
  // counted by hand: o1 2, realtime 1, GPT-4 11, GPT-3.5 6, embeddings 4, DALL-E 2, Whisper 1, TTS 2
  assert.equal(rows.length, 29, rows.map((r) => `${r.name} ${r.version ?? ''}`).join('; '));
  assert.deepEqual(
    rows.filter((r) => r.input !== null).map((r) => `${r.name} ${r.version ?? ''}`.trim()),
    [
      'o1-preview 2024-09-12', 'o1-mini 2024-09-12', 'gpt-4o-realtime-preview 2024-10-01-preview',
      'gpt-4o 2024-08-06', 'gpt-4o-mini 2024-07-18', 'gpt-4o 2024-05-13', 'gpt-4 turbo-2024-04-09',
      'gpt-4 0125-Preview', 'gpt-4 vision-preview', 'gpt-4 1106-Preview', 'gpt-4-32k 0613', 'gpt-4 0613',
      'gpt-4-32k 0314', 'gpt-4 0314', 'gpt-35-turbo 0125', 'gpt-35-turbo 1106', 'gpt-35-turbo-instruct 0914',
      'gpt-35-turbo-16k 0613', 'gpt-35-turbo 0613', 'gpt-35-turbo 0301', 'text-embedding-ada-002 2',
      'text-embedding-ada-002 1', 'text-embedding-3-large', 'text-embedding-3-small',
    ],
  );
  const { facts } = checkRows(rows);
  // 24 rows with a token limit: 24 limits + 12 outputs (the Input/Output rows) + 24 cutoffs
  assert.equal(facts, 24 + 12 + 24);
});

test('seed 001 (mid 2023): GPT-4 / GPT-3.5 0613 and embeddings rows, limits, cutoffs and regions', () => {
  const rows = renderedRows(seed(SEED.models2023), SEED.models2023);
  assert.deepEqual(
    rows.map((r) => `${r.name} ${r.version}`),
    ['gpt-4 0613', 'gpt-4-32k 0613', 'gpt-35-turbo 0613', 'gpt-35-turbo-16k 0613', 'text-embedding-ada-002 2', 'text-embedding-ada-002 1'],
  );
  assert.deepEqual(rows[0]!.regions, ['australiaeast', 'canadaeast', 'eastus', 'eastus2', 'francecentral', 'japaneast', 'swedencentral', 'switzerlandnorth', 'uksouth']);
  const { facts } = checkRows(rows);
  assert.equal(facts, 6 * 3);
});

test('seed 002 (early 2023): GPT-3, GPT-4, DALL-E, Codex and first-generation embeddings rows', () => {
  const text = seed(SEED.models2023early);
  const rows = pipeTableRows(text, SEED.models2023early);
  // counted by hand: GPT-3 12 (incl. gpt-35-turbo), GPT-4 2, Dall-E 1, Codex 2, Embeddings 18
  assert.equal(rows.length, 35, rows.map((r) => r.name).join('; '));
  // the versions the seed's footnotes name for rows without one
  assert.match(text, /only version 0301 of this model is available/);
  assert.match(text, /only version 0314 of this model is available/);
  const { facts } = checkRows(rows, { 'gpt-35-turbo': '0301', 'gpt-4': '0314', 'gpt-4-32k': '0314' });
  // limits: 9 GPT-3 + 3 (gpt-35-turbo, gpt-4, gpt-4-32k) + 2 Codex + 18 embeddings = 32;
  // cutoffs: 32 - code-cushman-001 = 31;
  // regions: 6 text-* + gpt-35-turbo + 2 GPT-4 + 1 Dall-E + 2 Codex + 18 embeddings = 30
  assert.equal(facts, 32 + 31 + 30);
  const ada = rows.find((r) => r.name === 'ada')!;
  assert.deepEqual([ada.input, ada.cutoff, ada.regions], [2049, '2019-10', []]);
  const cushman = rows.find((r) => r.name === 'code-cushman-001')!;
  assert.deepEqual([cushman.input, cushman.cutoff, cushman.regions], [2048, null, ['southcentralus', 'westeurope']]);
});

test('seed 000: o1 series limited access, api version, regions; realtime regions; select-customer GPT-4 regions', () => {
  const text = seed(SEED.models2024);
  assert.match(text, /\*\*Registration is required/);
  const api = /Support for the \*\*o1 series\*\* models was added in API version `([^`]+)`/.exec(text);
  assert.ok(api);
  const avail = /Available for standard and global standard deployment in (.+?) for approved customers\./.exec(text);
  assert.ok(avail);
  const o1Regions = avail[1]!.split(/, and |, | and /).map((r) => r.toLowerCase().replace(/\s+/g, ''));
  assert.deepEqual(o1Regions, ['eastus', 'eastus2', 'northcentralus', 'southcentralus', 'swedencentral', 'westus', 'westus3']);
  for (const name of ['o1-preview', 'o1-mini']) {
    const v = byName.get(name)!.versions.find((x) => x.version === '2024-09-12')!;
    assert.equal(v.limitedAccess, true, name);
    assert.equal(v.minApiVersion, api[1]);
    for (const t of ['standard', 'globalStandard'] as DeploymentType[]) {
      for (const r of o1Regions) assert.ok(v.regions[t]?.includes(r), `${name} ${t} ${r}`);
    }
  }
  const req = catalog.azureApiVersionRequirements.find((x) => x.parameter === 'max_completion_tokens');
  assert.equal(req?.minApiVersion, api[1]);
  assert.match(text, /o1 series\*\* models will only work with the `max_completion_tokens` parameter/);

  const rt = /GPT-4o audio is available in the East US 2 \(`(\w+)`\) and Sweden Central \(`(\w+)`\) regions/.exec(text);
  assert.ok(rt);
  const rtv = byName.get('gpt-4o-realtime-preview')!.versions.find((x) => x.version === '2024-10-01')!;
  for (const r of [rt[1]!, rt[2]!]) assert.ok(rtv.regions.globalStandard?.includes(r) && rtv.regions.standard?.includes(r), r);

  // "Select customer access": extra standard regions for GPT-4 0314 / 0613
  const select = /\| `gpt-4` \(0314\) <br> `gpt-4-32k` \(0314\) \| (.+?) \|/.exec(text);
  assert.ok(select);
  for (const r of select[1]!.split('<br>').map((x) => x.trim().toLowerCase().replace(/\s+/g, ''))) {
    for (const name of ['gpt-4', 'gpt-4-32k']) {
      assert.ok(byName.get(name)!.versions.find((x) => x.version === '0314')!.regions.standard?.includes(r), `${name} 0314 ${r}`);
    }
  }
});

test('every GitHub source is pinned to a commit; the retirement-table facts name the commit they were read at', () => {
  const refs: { where: string; url: string; note: string }[] = [];
  const visit = (o: unknown, where: string): void => {
    if (Array.isArray(o)) o.forEach((x, i) => visit(x, `${where}[${i}]`));
    else if (o && typeof o === 'object') {
      const r = o as { doc?: unknown; url?: unknown; note?: unknown };
      if (typeof r.doc === 'string' && typeof r.url === 'string') refs.push({ where, url: r.url, note: typeof r.note === 'string' ? r.note : '' });
      for (const [k, v] of Object.entries(o)) visit(v, `${where}.${k}`);
    }
  };
  visit(azureJson, 'azure.json');
  assert.ok(refs.length > 50);
  for (const r of refs) {
    if (r.url.startsWith('https://github.com/')) assert.match(r.url, /\/blob\/[0-9a-f]{40}\//, `${r.where}: ${r.url}`);
    const commit = /\/blob\/([0-9a-f]{8})/.exec(r.url)?.[1];
    if (commit && r.url.includes('/includes/retirement/models.md')) assert.ok(r.note.includes(`commit ${commit}`), `${r.where}: note names the commit`);
  }
  // Azure's dall-e-3 retirement: two stored versions of the 12/16/2025 table disagree (2026-02-18 / 2026-03-04); the later edit is kept
  const dalle3 = byName.get('dall-e-3')!.versions[0]!;
  assert.equal(dalle3.lifecycle?.shutdownDate, '2026-03-04');
  assert.match(dalle3.sources.lifecycle!.at(-1)!.note!, /commit 31c50ba1 \(linked\) says 2026-02-18/);
});

test('lifecycle facts that the brief names are as Azure states them', () => {
  const v = (name: string, version: string) => byName.get(name)!.versions.find((x) => x.version === version)!;
  // the replacements Microsoft names (o1; gpt-4o 2024-11-20) are themselves gone on Azure now: the
  // catalog records the first live model along Microsoft's replacements (catalog-azure-current.test.ts)
  assert.deepEqual(v('o1-preview', '2024-09-12').lifecycle, { stage: 'preview', deprecationDate: null, shutdownDate: '2025-07-28', replacement: 'gpt-5.6-sol' });
  for (const ver of ['0301', '0613']) assert.equal(v('gpt-35-turbo', ver).lifecycle?.shutdownDate, '2025-02-13');
  for (const name of ['gpt-4', 'gpt-4-32k']) {
    for (const ver of ['0314', '0613']) {
      assert.equal(v(name, ver).lifecycle?.shutdownDate, '2025-06-06');
      assert.equal(v(name, ver).lifecycle?.replacement, 'gpt-5.1');
    }
  }
  // every preview version in seed 000 is marked preview
  for (const [name, ver] of [['gpt-4', '1106-Preview'], ['gpt-4', '0125-Preview'], ['gpt-4', 'vision-preview'], ['gpt-4o-realtime-preview', '2024-10-01'], ['dall-e-2', '2']] as const) {
    assert.equal(v(name, ver).lifecycle?.stage, 'preview', `${name} ${ver}`);
  }
});

// ---------------------------------------------------------------- image tokens (seed 003)

interface ImageConstants { tileSize: number; lowDetailTokens: number; baseTokens: number; tokensPerTile: number; maxSide: number; shortSide: number }

/** The seed's procedure: fit within maxSide², shorten the short side to shortSide, count tiles. */
function imageTokens(width: number, height: number, detail: 'low' | 'high', c: ImageConstants): number {
  if (detail === 'low') return c.lowDetailTokens;
  let w = width;
  let h = height;
  const fit = Math.min(1, c.maxSide / Math.max(w, h));
  w *= fit;
  h *= fit;
  if (Math.min(w, h) > c.shortSide) {
    const s = c.shortSide / Math.min(w, h);
    w *= s;
    h *= s;
  }
  return c.baseTokens + Math.ceil(w / c.tileSize) * Math.ceil(h / c.tileSize) * c.tokensPerTile;
}

test('image-token formula: each constant as seed 003 states it, and the worked examples reproduce', () => {
  const text = seed(SEED.overview);
  const it = catalog.imageTokens!;
  assert.ok(it, 'imageTokens missing');
  const fit = /resized to fit within a (\d+) x (\d+) pixel square/.exec(text)!;
  assert.equal(it.maxSide, Number(fit[1]));
  assert.equal(it.maxSide, Number(fit[2]));
  assert.equal(it.shortSide, Number(/shortest side is (\d+) pixels long/.exec(text)![1]));
  assert.equal(it.tileSize, Number(/divided into (\d+) x \d+ pixel tiles/.exec(text)![1]));
  const low = [...text.matchAll(/Flat rate of \*\*(\d+) tokens per image\*\*/g)].map((m) => Number(m[1]));
  const tiles = [...text.matchAll(/Each 512 x 512 pixel tile costs \*\*(\d+) tokens\*\*\. An extra \*\*(\d+) base tokens\*\*/g)].map((m) => [Number(m[1]), Number(m[2])]);
  assert.deepEqual(low.length, 2);
  assert.deepEqual(tiles.length, 2);
  // first GPT-4o / GPT-4 Turbo with Vision, then GPT-4o mini
  assert.deepEqual([it.lowDetailTokens, it.tokensPerTile, it.baseTokens], [low[0], tiles[0]![0], tiles[0]![1]]);
  const mini = it.modelOverrides.find((o) => o.models.includes('gpt-4o-mini'))!;
  assert.ok(mini, 'no GPT-4o mini constants');
  assert.deepEqual([mini.lowDetailTokens, mini.tokensPerTile, mini.baseTokens], [low[1], tiles[1]![0], tiles[1]![1]]);
  const miniConstants = { ...it, ...mini };

  // worked examples of the seed
  const lowEx = /Example: (\d+) x (\d+) image \(low detail\)\*\*: The cost is a fixed (\d+) tokens/.exec(text)!;
  assert.equal(imageTokens(Number(lowEx[1]), Number(lowEx[2]), 'low', it), Number(lowEx[3]));
  const highEx = /Example: (\d+) x (\d+) image \(high detail\)/.exec(text)!;
  const totals = [...text.matchAll(/= (\d+) tokens\./g)].map((m) => Number(m[1]));
  assert.deepEqual(totals, [1105, 36835]);
  assert.equal(imageTokens(Number(highEx[1]), Number(highEx[2]), 'high', it), totals[0]);
  assert.equal(imageTokens(Number(highEx[1]), Number(highEx[2]), 'high', miniConstants), totals[1]);
  assert.equal(imageTokens(4096, 8192, 'low', miniConstants), 2833);
  // the intermediate steps the seed spells out: 1024 x 2048, then 768 x 1536, 2 x 3 tiles
  assert.match(text, /resized to 1024 x 2048 pixels/);
  assert.match(text, /resized to 768 x 1536 pixels/);
  assert.match(text, /divided into 2 x 3 tiles/);
});
