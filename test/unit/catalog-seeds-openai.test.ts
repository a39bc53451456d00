// The OpenAI catalog (server/src/catalog/data/openai.json) checked against the seed documents
// themselves, read at test time: every model row of the OpenAI "Models" page (seed 004) and every
// row of the Azure "models" pages (seeds 000, 001, 002) that names an OpenAI model ID must be in
// the catalog with the same numbers (context window, max output, knowledge cutoff, limits) and
// the same alias → snapshot links; the file must validate against CatalogFile, and every alias
// target and replacement must exist. The seeds are read from ../shared/seeds beside the repository, or from the copy in test/fixtures/seeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getEncodingNameForModel } from 'js-tiktoken';
import { CatalogFile, type Endpoint } from '../../server/src/catalog/schema';
import azureJson from '../../server/src/catalog/data/azure.json';
import { copiedSeedsDir, readSeed } from '../helpers/seeds';
import { openaiById as byId, openaiCatalog as catalog, openaiEntry as entry } from '../helpers/openaiCatalog';

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
  openaiModels: '004_f3fee25f6d6d4027.txt',
  azure2024: '000_f096329f552c1838.txt',
  azure2023: '001_f3294c2118468729.txt',
  azure2023early: '002_194bbe6d6bdd0811.txt',
} as const;

function seed(file: string): string {
  return readSeed(repoRoot, file);
}

// ---------------------------------------------------------------- the catalog


// ---------------------------------------------------------------- small readers

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "Oct 2023" / "September 2021" / "October, 2023" → "2023-10"; anything else → null. */
function monthYear(text: string): string | null {
  const m = /^([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const i = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase());
  if (i < 0) throw new Error(`not a month: ${text}`);
  return `${m[2]}-${String(i + 1).padStart(2, '0')}`;
}

/** "128,000 tokens" / "8,192" → 128000 / 8192; "" → null. */
function tokens(cell: string): number | null {
  const m = /^([\d,]+)(?:\s+tokens)?$/.exec(cell.trim());
  return m ? Number(m[1]!.replace(/,/g, '')) : null;
}

const stripTags = (s: string): string => s.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
const MODEL_ID = /^[a-z][a-z0-9.-]*[a-z0-9]$/;

// ---------------------------------------------------------------- seed 004 (OpenAI "Models" page)

interface Row004 {
  section: string;
  id: string;
  /** the alias target the row names (↳ X / "Currently points to X"), if any */
  pointsTo: string | null;
  cells: string[];
  /** header names, upper-case */
  header: string[];
}

/** Reads every tab-separated table of seed 004 whose first header cell is MODEL. */
function read004(text: string): { rows: Row004[]; cutoffs: Map<string, string> } {
  const lines = text.split('\n');
  const rows: Row004[] = [];
  const cutoffs = new Map<string, string>();
  let section = '';
  let header: string[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^#{1,3}\s+(.+)$/.exec(line);
    if (heading) {
      section = heading[1]!.trim();
      header = null;
      continue;
    }
    const cut = /knowledge cutoff for .* is \*\*([A-Za-z]+,? \d{4})\*\*/.exec(line);
    if (cut) cutoffs.set(section, monthYear(cut[1]!)!);
    if (/^MODEL\t/.test(line) && section !== 'Models overview') {
      // (the overview table lists model families, not IDs)
      header = line.split('\t').map((h) => h.trim().toUpperCase());
      continue;
    }
    if (!header || !line.includes('\t') || /^-+\t/.test(line) || /^\s*$/.test(line)) continue;
    const cells = line.split('\t');
    const first = cells[0]!;
    // "Currently points to X ." on its own row belongs to the row above
    const orphan = /^Currently points to\s*(.+)$/.exec(stripTags(first));
    if (orphan && rows.length > 0) {
      rows[rows.length - 1]!.pointsTo = orphan[1]!.replace(/\s*\.$/, '').trim();
      continue;
    }
    // "↳ X" on its own row (o1-preview) belongs to the row above
    if (stripTags(first).startsWith('↳') && rows.length > 0) {
      rows[rows.length - 1]!.pointsTo = stripTags(first).slice(1).trim();
      continue;
    }
    // a description line under the row above (Embeddings table)
    if (cells.slice(1).every((c) => c.trim() === '')) continue;
    const [idPart, arrowPart] = first.split('↳');
    const boldOrCode = /<(?:b|code)>([^<]+)<\/(?:b|code)>/.exec(idPart!);
    const id = (boldOrCode ? boldOrCode[1]! : stripTags(idPart!).split(' ')[0]!).trim();
    if (!MODEL_ID.test(id)) throw new Error(`seed 004 ${section}: cannot read a model ID from "${first}"`);
    let pointsTo: string | null = arrowPart !== undefined ? stripTags(arrowPart) : null;
    const currently = /Currently points to\s*(?:<code>)?([a-z0-9.-]+)/.exec(first);
    if (currently) pointsTo = currently[1]!.replace(/\.$/, '');
    if (pointsTo !== null && !MODEL_ID.test(pointsTo)) pointsTo = null; // "GPT-4o used in ChatGPT"
    rows.push({ section, id, pointsTo, cells: cells.slice(1).map((c) => c.trim()), header });
  }
  return { rows, cutoffs };
}

const { rows: rows004, cutoffs: cutoffs004 } = read004(seed(SEED.openaiModels));
const col = (r: Row004, name: string): string | null => {
  const i = r.header.indexOf(name);
  return i > 0 ? (r.cells[i - 1] ?? null) : null;
};

test('seed 004: the reader found every model table row (counted by hand: 47)', () => {
  const perSection = new Map<string, number>();
  for (const r of rows004) perSection.set(r.section, (perSection.get(r.section) ?? 0) + 1);
  assert.deepEqual(Object.fromEntries(perSection), {
    'GPT-4o': 5,
    'GPT-4o mini': 2,
    'o1 and o1-mini': 6,
    'GPT-4o and GPT-4o-mini Realtime Beta': 5,
    'GPT-4o Audio Beta': 3,
    'GPT-4 Turbo and GPT-4': 8,
    'GPT-3.5 Turbo': 4,
    'DALL·E': 2,
    TTS: 2,
    Embeddings: 3,
    Moderation: 5,
    'GPT base': 2,
  });
  assert.equal(rows004.length, 47);
});

test('seed 004: every model row is in the catalog with its context window, max output and cutoff', () => {
  for (const r of rows004) {
    const e = entry(r.id);
    const where = `${r.id} (seed 004 ${r.section})`;
    const ctx = col(r, 'CONTEXT WINDOW');
    if (ctx !== null) assert.equal(e.contextWindow, tokens(ctx), `${where}: context window`);
    const out = col(r, 'MAX OUTPUT TOKENS');
    if (out !== null) assert.equal(e.maxOutputTokens, tokens(out), `${where}: max output tokens`);
    const max = col(r, 'MAX TOKENS'); // moderation and GPT base tables: the model's token limit
    if (max !== null) assert.equal(e.contextWindow, tokens(max), `${where}: max tokens`);
    const cutoffCell = col(r, 'KNOWLEDGE CUTOFF');
    if (cutoffCell !== null) assert.equal(e.knowledgeCutoff, monthYear(cutoffCell), `${where}: knowledge cutoff`);
    const dims = col(r, 'OUTPUT DIMENSION');
    if (dims !== null) assert.equal(e.limits.outputDimensions, tokens(dims), `${where}: output dimensions`);
    const sectionCutoff = cutoffs004.get(r.section);
    if (sectionCutoff && r.section !== 'GPT-4 Turbo and GPT-4') assert.equal(e.knowledgeCutoff, sectionCutoff, `${where}: section knowledge cutoff`);
    if (r.pointsTo) assert.equal(e.aliasOf, r.pointsTo, `${where}: alias`);
    assert.ok(e.sources['*'] ?? e.sources['contextWindow'], `${where}: sources`);
  }
});

test('seed 004: the latest GPT-4 Turbo version (and its alias) carries the section cutoff December 2023', () => {
  assert.equal(cutoffs004.get('GPT-4 Turbo and GPT-4'), '2023-12');
  assert.equal(entry('gpt-4-turbo-2024-04-09').knowledgeCutoff, '2023-12');
  assert.equal(entry('gpt-4-turbo').knowledgeCutoff, '2023-12');
});

test('seed 004: the current-alias table matches aliasOf', () => {
  const text = seed(SEED.openaiModels);
  const table = text.slice(text.indexOf('ALIAS\tPOINTS TO'), text.indexOf('In production applications'));
  const pairs = table
    .split('\n')
    .slice(1)
    .filter((l) => l.includes('\t'))
    .map((l) => l.split('\t').map((c) => c.trim()) as [string, string]);
  assert.equal(pairs.length, 9);
  for (const [alias, target] of pairs) {
    const e = entry(alias);
    if (MODEL_ID.test(target)) assert.equal(e.aliasOf, target, `alias ${alias}`);
    else assert.equal(e.aliasOf, null, `${alias} points to "${target}", not a dated snapshot`);
  }
});

const ENDPOINT_BY_PATH: Record<string, Endpoint> = {
  '/v1/audio/transcriptions': 'audio.transcriptions',
  '/v1/audio/translations': 'audio.translations',
  '/v1/audio/speech': 'audio.speech',
  '/v1/completions (Legacy)': 'completions',
  '/v1/embeddings': 'embeddings',
  '/v1/fine_tuning/jobs': 'fine_tuning',
  '/v1/moderations': 'moderations',
  '/v1/images/generations': 'images.generate',
  '/v1/realtime (beta)': 'realtime',
};

test('seed 004: the endpoint compatibility rows that list model IDs are in each entry\'s endpoints (9 rows)', () => {
  const text = seed(SEED.openaiModels);
  const table = text.slice(text.indexOf('## Model endpoint compatibility'));
  let checked = 0;
  for (const line of table.split('\n')) {
    const [pathCell, modelsCell] = line.split('\t').map((c) => stripTags(c ?? ''));
    if (!pathCell || !modelsCell) continue;
    const endpoint = ENDPOINT_BY_PATH[pathCell];
    if (!endpoint) continue;
    const ids = modelsCell.split(',').map((s) => s.trim());
    assert.ok(ids.every((id) => MODEL_ID.test(id)), `row ${pathCell} lists IDs only: ${modelsCell}`);
    for (const id of ids) assert.ok(entry(id).endpoints.includes(endpoint), `${id} serves ${endpoint}`);
    checked++;
  }
  assert.equal(checked, 9);
  // the prose rows: chat completions names chatgpt-4o-latest; the assistants row excludes it
  assert.ok(entry('chatgpt-4o-latest').endpoints.includes('chat.completions'));
  assert.ok(!entry('chatgpt-4o-latest').endpoints.includes('assistants'));
  // realtime models are not served on chat completions ("All GPT-4o (except for Realtime preview)")
  for (const r of rows004.filter((x) => x.section.includes('Realtime'))) assert.deepEqual(entry(r.id).endpoints, ['realtime']);
  // gpt-3.5-turbo-instruct: "Compatible with legacy Completions endpoint and not Chat Completions"
  assert.deepEqual(entry('gpt-3.5-turbo-instruct').endpoints, ['completions']);
});

// ---------------------------------------------------------------- seed 002 (Azure, early 2023: GPT-3, Codex, embeddings v1)

interface PipeRow {
  table: string;
  cells: string[];
}

/** Reads the "| Model ID | ... |" tables of a markdown-ish seed, joining rows split over lines. */
function readPipeTables(text: string, firstHeader: RegExp): PipeRow[] {
  const lines = text.split('\n');
  const rows: PipeRow[] = [];
  let table = '';
  for (let i = 0; i < lines.length; i++) {
    if (!firstHeader.test(lines[i]!)) continue;
    const headerCells = lines[i]!.split('|').map((c) => c.trim()).filter(Boolean);
    // table name: the nearest non-table line above
    for (let j = i - 1; j >= 0; j--) {
      const l = lines[j]!.trim();
      if (l && !l.startsWith('|') && !/^(These|Note|1 |2 )/.test(l)) {
        table = l.replace(/^#+\s*/, '');
        break;
      }
    }
    let k = i + 2; // skip the |---| separator
    let buffer = '';
    for (; k < lines.length; k++) {
      const l = lines[k]!;
      if (!l.includes('|')) break;
      buffer += (buffer ? ' ' : '') + l.trim();
      const cells = buffer.replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
      if (cells.length >= headerCells.length) {
        rows.push({ table, cells: cells.slice(0, headerCells.length) });
        buffer = '';
      }
    }
    i = k;
  }
  return rows;
}

const rows002 = readPipeTables(seed(SEED.azure2023early), /^\| Model ID \| Base model Regions/);

/** Seed 002 model names → OpenAI IDs; null: Azure-only, not an OpenAI model ID. */
const ID_002: Record<string, string | null> = {
  'gpt-35-turbo1 (ChatGPT)': 'gpt-3.5-turbo-0301', // footnote 1: "only version 0301 of this model is available"
  'gpt-4 1,2': 'gpt-4-0314', // footnote 2: "only version 0314 of this model is available"
  'gpt-4-32k 1,2': 'gpt-4-32k-0314',
  'code-cushman-0011': 'code-cushman-001', // footnote mark 1
  dalle2: 'dall-e-2',
  'text-embedding-ada-002 (version 2)': 'text-embedding-ada-002',
  'text-embedding-ada-002 (version 1)': null, // Azure's version 1; OpenAI's ID is version 2
  'text-davinci-fine-tune-002': null, // Azure-only (data/azure.json)
};

test('seed 002: every model row naming an OpenAI ID matches the catalog (35 rows, 33 OpenAI IDs)', () => {
  assert.equal(rows002.length, 35);
  let covered = 0;
  for (const { table, cells } of rows002) {
    const name = cells[0]!;
    const id = name in ID_002 ? ID_002[name]! : name;
    if (id === null) continue;
    const e = entry(id);
    const where = `${id} (seed 002 ${table}: "${name}")`;
    const max = tokens(cells[3]!);
    if (/Dall-E/i.test(table)) assert.equal(e.limits.maxPromptChars, max, `${where}: max request (characters)`);
    else assert.equal(e.contextWindow, max, `${where}: max request (tokens)`);
    const cutoff = monthYear(cells[4]!);
    if (!/Dall-E/i.test(table)) assert.equal(e.knowledgeCutoff, cutoff, `${where}: training data`);
    covered++;
  }
  assert.equal(covered, 33);
  // the GPT-4 32K alias row of the same table
  assert.equal(entry('gpt-4-32k').contextWindow, 32768);
});

test('seed 002: the first-generation embedding models have the dimensions of their base model', () => {
  const dims: Record<string, number> = { ada: 1024, babbage: 2048, curie: 4096, davinci: 12288 };
  const text = seed(SEED.azure2023early);
  for (const [base, d] of Object.entries(dims)) {
    assert.match(text, new RegExp(`\\| ${base[0]!.toUpperCase()}${base.slice(1)} \\|[^\\n]*${d}`));
  }
  const firstGen = catalog.models.filter((m) => m.family === 'embeddings-v1');
  assert.equal(firstGen.length, 16); // "replacing 16 first generation models" (seed 004)
  for (const m of firstGen) {
    const base = Object.keys(dims).find((b) => m.id.includes(`-${b}-`))!;
    assert.equal(m.limits.outputDimensions, dims[base], m.id);
    assert.equal(m.lifecycle.replacement, 'text-embedding-3-small', m.id); // the deprecations page's replacement
    assert.equal(m.lifecycle.shutdownDate, '2024-01-04', m.id);
  }
});

// ---------------------------------------------------------------- seed 000 (Azure, Dec 2024)

const rows000 = readPipeTables(seed(SEED.azure2024), /^\|\s*Model ID\s*\|/);

/** "`gpt-35-turbo` (0125) **NEW**" → "gpt-3.5-turbo-0125"; null when the row has no OpenAI ID. */
function id000(cell: string): string | null {
  const m = /`?([a-z0-9.-]+)`?\s*(?:\*\*<sup>\d<\/sup>\*\*)?\s*(?:\(([^)]+)\))?/.exec(cell.trim());
  if (!m) return null;
  let name = m[1]!.replace(/^gpt-35/, 'gpt-3.5');
  const version = m[2]?.trim() ?? null;
  if (name === 'dalle2') return 'dall-e-2';
  if (name === 'whisper') return 'whisper-1';
  if (name === 'tts' || name === 'tts-hd') return null; // Azure names with no numbers
  if (version === null) return name;
  if (version === 'version 1') return null; // Azure's text-embedding-ada-002 version 1
  if (version === 'version 2') return name;
  if (version === 'preview') return name;
  if (name === 'gpt-4' && version.startsWith('turbo-')) return `gpt-4-${version}`;
  if (name === 'gpt-3.5-turbo-instruct') return name; // (0914): OpenAI's ID carries no version
  name = `${name}-${version.toLowerCase().replace(/-preview$/, version.includes('Preview') || version === 'vision-preview' ? '-preview' : '')}`;
  return name;
}

/** Facts where seed 000 (Azure) and seed 004 (OpenAI, the provider's own page) differ: the catalog keeps 004's. */
const KNOWN_000_DIFFERENCES: Record<string, { seed000: number; catalog: number }> = {
  'gpt-3.5-turbo-instruct': { seed000: 4097, catalog: 4096 }, // 004 GPT-3.5 Turbo table: 4,096 tokens
  'text-embedding-ada-002': { seed000: 8192, catalog: 8191 }, // seeds 001/002 (version 2, parity with OpenAI): 8,191
};

test('seed 000: every model row naming an OpenAI ID matches the catalog (29 rows, 26 OpenAI IDs)', () => {
  assert.equal(rows000.length, 29);
  let covered = 0;
  for (const { table, cells } of rows000) {
    const id = id000(cells[0]!);
    if (id === null) continue;
    const e = entry(id);
    const where = `${id} (seed 000 ${table}: "${cells[0]}")`;
    const row = cells.join(' | ');
    const io = /Input:\s*([\d,]+)\s*<br>\s*Output:\s*([\d,]+)/.exec(row);
    const chars = /Max Request \(characters\)/.test(table) || /dall/i.test(id);
    if (io) {
      assert.equal(e.contextWindow, tokens(io[1]!), `${where}: input`);
      assert.equal(e.maxOutputTokens, tokens(io[2]!), `${where}: output`);
    } else if (id === 'whisper-1') {
      const mb = /(\d+)\s*MB/.exec(row);
      assert.ok(mb, `${where}: file size`);
      assert.equal(e.limits.maxFileBytes, Number(mb[1]) * 1024 * 1024, `${where}: 25 MB`);
    } else if (chars) {
      assert.equal(e.limits.maxPromptChars, tokens(cells[1]!), `${where}: max request (characters)`);
    } else {
      const single = cells.map((c) => tokens(c)).find((n) => n !== null) ?? null;
      const known = KNOWN_000_DIFFERENCES[id];
      if (known) {
        assert.equal(single, known.seed000, `${where}: seed value changed; revisit KNOWN_000_DIFFERENCES`);
        assert.equal(e.contextWindow, known.catalog, `${where}: catalog keeps the provider's figure`);
      } else {
        assert.equal(e.contextWindow, single, `${where}: max request`);
      }
    }
    const cutoffCell = cells.map((c) => monthYear(c)).find((x) => x !== null);
    if (cutoffCell) assert.equal(e.knowledgeCutoff, cutoffCell, `${where}: training data`);
    const dims = /Output Dimensions/.test(table) ? tokens(cells[2]!) : null;
    if (dims !== null) assert.equal(e.limits.outputDimensions, dims, `${where}: output dimensions`);
    covered++;
  }
  assert.equal(covered, 26);
});

test('seed 000: embeddings accept at most 2048 inputs per request', () => {
  assert.match(seed(SEED.azure2024), /max number of input items in the array per call to the embedding endpoint is 2048/);
  for (const id of ['text-embedding-3-large', 'text-embedding-3-small', 'text-embedding-ada-002']) {
    assert.equal(entry(id).limits.maxInputsPerRequest, 2048, id);
  }
});

// ---------------------------------------------------------------- seed 001 (Azure, mid 2023; rendered one cell per line)

interface LineRow {
  id: string;
  max: number;
  cutoff: string | null;
}

function read001(text: string): LineRow[] {
  const lines = text.split('\n').map((l) => l.trim());
  const out: LineRow[] = [];
  for (let i = 0; i < lines.length; i++) {
    const name = lines[i]!;
    let id: string | null = null;
    let j = i + 1;
    if (/^(gpt-4|gpt-4-32k|gpt-35-turbo|gpt-35-turbo-16k)$/.test(name)) {
      while (j < lines.length && /^\d$/.test(lines[j]!)) j++; // footnote marks
      const v = /^\((\d{4})\)$/.exec(lines[j] ?? '');
      if (!v) continue;
      id = `${name.replace(/^gpt-35/, 'gpt-3.5')}-${v[1]}`;
      j++;
    } else if (name === 'text-embedding-ada-002 (version 2)' || name === 'text-embedding-ada-002 (version 1)') {
      id = name.endsWith('(version 2)') ? 'text-embedding-ada-002' : '';
    } else continue;
    // regions, then Max Request, then Training Data
    while (j < lines.length && !/^[\d,]+$/.test(lines[j]!)) j++;
    if (j >= lines.length) continue;
    out.push({ id, max: tokens(lines[j]!)!, cutoff: monthYear(lines[j + 1] ?? '') });
  }
  return out;
}

test('seed 001: every model row naming an OpenAI ID matches the catalog (6 rows, 5 OpenAI IDs)', () => {
  const rows = read001(seed(SEED.azure2023));
  assert.equal(rows.length, 6);
  const covered = rows.filter((r) => r.id !== ''); // '' = Azure's text-embedding-ada-002 version 1
  assert.equal(covered.length, 5);
  for (const r of covered) {
    const e = entry(r.id);
    assert.equal(e.contextWindow, r.max, `${r.id} (seed 001): max request`);
    assert.equal(e.knowledgeCutoff, r.cutoff, `${r.id} (seed 001): training data`);
  }
});

// ---------------------------------------------------------------- file-level checks

test('openai.json validates, IDs are unique, alias targets and replacements exist', () => {
  const ids = catalog.models.map((m) => m.id);
  assert.equal(new Set(ids).size, ids.length, 'duplicate IDs');
  const azureIds = new Set(CatalogFile.parse(azureJson).models.map((m) => m.id));
  for (const m of catalog.models) {
    if (m.aliasOf !== null) {
      const target = byId.get(m.aliasOf);
      assert.ok(target, `${m.id}: alias target ${m.aliasOf} missing`);
      assert.equal(target.aliasOf, null, `${m.id}: alias target ${m.aliasOf} is itself an alias`);
    }
    const r = m.lifecycle.replacement;
    if (r !== null) assert.ok(byId.has(r) || azureIds.has(r), `${m.id}: replacement ${r} missing`);
    if (m.lifecycle.shutdownDate !== null && m.lifecycle.deprecationDate !== null) {
      assert.ok(m.lifecycle.deprecationDate <= m.lifecycle.shutdownDate, `${m.id}: deprecated after shutdown`);
    }
    assert.ok(Object.keys(m.sources).length > 0, `${m.id}: no sources`);
    for (const refs of Object.values(m.sources)) {
      for (const ref of refs) {
        if (/^\d{3}_[0-9a-f]{16}\.txt$/.test(ref.doc)) assert.ok(existsSync(path.join(copiedSeedsDir(repoRoot), ref.doc)), `${m.id}: source ${ref.doc} is not a seed`);
        else assert.ok(ref.url, `${m.id}: public source "${ref.doc}" needs a url`);
      }
    }
  }
  assert.match(catalog.asOf, /^\d{4}-\d{2}-\d{2}$/);
  for (const m of catalog.models) {
    for (const d of [m.lifecycle.deprecationDate]) if (d) assert.ok(d <= catalog.asOf, `${m.id}: announcement ${d} after asOf`);
  }
});

/** The pinned copy of OpenAI's "Deprecations" page (newest announcement 2026-06-02) that dates the 2025-2026 notices it holds (see docs/catalog-sources.md). */
const DEPRECATIONS_COPY = 'https://github.com/llms-txt-archive/openai-platform/blob/b54ef937bb6413b7089a93e3e9a6aa72084b9e0a/api/docs/deprecations.md';
/** The 2024 copy of the same page in openai/openai-cookbook, for the announcements of 2023-2024. */
const DEPRECATIONS_2024 = 'https://github.com/openai/openai-cookbook/blob/d2bb606c4eb7a3042ef39bd66971d5ccc2763ce3/examples/data/oai_docs/deprecations.txt';
/** The live page, read in a later stored copy of its Markdown version (newest section 2026-09-11): the notices after 2026-06-02 and the current replacements. */
const DEPRECATIONS_PAGE = 'https://developers.openai.com/api/docs/deprecations';

test('lifecycle facts from OpenAI\'s deprecations page', () => {
  // [announced, shutdown, replacement, the copy that states it]
  const expected: Record<string, [deprecation: string | null, shutdown: string | null, replacement: string | null, source: string]> = {
    'text-davinci-003': ['2023-07-06', '2024-01-04', 'gpt-5.6-terra', DEPRECATIONS_2024], // gpt-3.5-turbo-instruct shut down 2026-09-28 → its successor
    'text-ada-001': ['2023-07-06', '2024-01-04', 'gpt-5.6-terra', DEPRECATIONS_2024],
    ada: ['2023-07-06', '2024-01-04', 'gpt-5.6-terra', DEPRECATIONS_2024], // babbage-002 shut down 2026-09-28
    curie: ['2023-07-06', '2024-01-04', 'gpt-5.6-terra', DEPRECATIONS_2024], // davinci-002 shut down 2026-09-28
    'code-davinci-002': ['2023-03-20', '2023-03-23', 'gpt-4o', DEPRECATIONS_2024],
    'code-cushman-001': ['2023-03-20', '2023-03-23', 'gpt-4o', DEPRECATIONS_2024],
    'gpt-3.5-turbo-0301': ['2023-06-13', '2024-09-13', 'gpt-5.6-terra', DEPRECATIONS_2024], // gpt-3.5-turbo shut down 2026-10-23
    'gpt-3.5-turbo-0613': ['2023-11-06', '2024-09-13', 'gpt-5.6-terra', DEPRECATIONS_2024],
    'gpt-3.5-turbo-16k-0613': ['2023-11-06', '2024-09-13', 'gpt-5.6-terra', DEPRECATIONS_2024],
    'gpt-4-vision-preview': ['2024-06-06', '2024-12-06', 'gpt-4o', DEPRECATIONS_2024],
    'gpt-4-32k': ['2024-06-06', '2025-06-06', 'gpt-4o', DEPRECATIONS_2024],
    'gpt-4-32k-0613': ['2024-06-06', '2025-06-06', 'gpt-4o', DEPRECATIONS_2024],
    'gpt-4-32k-0314': ['2024-06-06', '2025-06-06', 'gpt-4o', DEPRECATIONS_2024],
    'gpt-4.5-preview': ['2025-04-14', '2025-07-14', 'gpt-4.1', DEPRECATIONS_COPY],
    'gpt-4.5-preview-2025-02-27': ['2025-04-14', '2025-07-14', 'gpt-4.1', DEPRECATIONS_COPY],
    'o1-preview': ['2025-04-28', '2025-07-28', 'gpt-5.6-sol', DEPRECATIONS_COPY], // the page's o3 shuts down 2026-12-11
    'o1-mini': ['2025-04-28', '2025-10-27', 'gpt-5.6-terra', DEPRECATIONS_COPY], // the page's o4-mini shut down 2026-10-23
    'text-moderation-007': ['2025-04-28', '2025-10-27', 'omni-moderation-latest', DEPRECATIONS_COPY], // the page: "omni-moderation"
    'gpt-4o-realtime-preview-2024-10-01': ['2025-06-10', '2025-10-10', 'gpt-realtime-1.5', DEPRECATIONS_COPY],
    'gpt-4o-audio-preview': ['2025-09-15', '2026-05-07', 'gpt-audio-1.5', DEPRECATIONS_COPY],
    'gpt-4o-mini-realtime-preview': ['2025-09-15', '2026-05-07', 'gpt-realtime-2.1-mini', DEPRECATIONS_COPY], // the page's gpt-realtime-mini shuts down 2027-01-20
    'gpt-4o-mini-audio-preview': ['2025-09-15', '2026-05-07', 'gpt-audio-1.5', DEPRECATIONS_COPY],
    'gpt-4-0314': ['2025-09-26', '2026-03-26', 'gpt-4.1', DEPRECATIONS_COPY], // "gpt-5 or gpt-4.1*": gpt-5 shuts down 2026-12-11
    'gpt-4-turbo-preview': ['2025-09-26', '2026-03-26', 'gpt-4.1', DEPRECATIONS_COPY],
    'gpt-3.5-turbo-instruct': ['2025-09-26', '2026-09-28', 'gpt-5.6-terra', DEPRECATIONS_PAGE],
    'gpt-4-1106-preview': ['2025-09-26', '2026-10-23', 'gpt-5.6-sol', DEPRECATIONS_PAGE], // listed twice; the later shutdown is kept
    'dall-e-3': ['2025-11-14', '2026-05-12', 'gpt-image-2', DEPRECATIONS_COPY],
    'codex-mini-latest': ['2025-11-17', '2026-02-12', 'gpt-5.6-terra', DEPRECATIONS_COPY], // gpt-5-codex-mini is in no SDK type
    'chatgpt-4o-latest': ['2025-11-18', '2026-02-17', 'gpt-5.6-sol', DEPRECATIONS_COPY], // the page's gpt-5.1-chat-latest shut down 2026-07-23
    'sora-2': ['2026-03-24', '2026-09-24', null, DEPRECATIONS_PAGE],
    'gpt-3.5-turbo': ['2026-04-22', '2026-10-23', 'gpt-5.6-terra', DEPRECATIONS_PAGE],
    'gpt-4': ['2026-04-22', '2026-10-23', 'gpt-5.6-sol', DEPRECATIONS_PAGE],
    'gpt-5.1-codex': ['2026-04-22', '2026-07-23', 'gpt-5.6-sol', DEPRECATIONS_PAGE],
    'gpt-5.1-codex-mini': ['2026-04-22', '2026-07-23', 'gpt-5.6-terra', DEPRECATIONS_PAGE],
    'gpt-5.2-codex': ['2026-04-22', '2026-07-23', 'gpt-5.6-sol', DEPRECATIONS_PAGE],
    'gpt-4o-mini-tts-2025-03-20': ['2026-04-22', '2026-07-23', 'gpt-4o-mini-tts-2025-12-15', DEPRECATIONS_COPY], // only the pinned copy lists it
    'o3-deep-research': ['2026-04-22', '2026-07-23', 'gpt-5.6-sol', DEPRECATIONS_PAGE],
    o1: ['2026-04-22', '2026-10-23', 'gpt-5.6-sol', DEPRECATIONS_PAGE],
    'o1-2024-12-17': ['2026-04-22', '2026-10-23', 'gpt-5.6-sol', DEPRECATIONS_PAGE],
    'o4-mini': ['2026-04-22', '2026-10-23', 'gpt-5.6-terra', DEPRECATIONS_PAGE],
    'gpt-image-1': ['2026-04-22', '2026-10-23', 'gpt-image-2', DEPRECATIONS_COPY],
    'gpt-5.2-chat-latest': ['2026-05-08', '2026-08-10', 'gpt-5.6-sol', DEPRECATIONS_PAGE],
    'gpt-image-1-mini': ['2026-06-02', '2026-12-01', 'gpt-image-2', DEPRECATIONS_COPY],
    'gpt-image-1.5': ['2026-06-02', '2026-12-01', 'gpt-image-2', DEPRECATIONS_COPY],
    'chatgpt-image-latest': ['2026-06-02', '2026-12-01', 'gpt-image-2', DEPRECATIONS_COPY],
    'gpt-5': ['2026-06-11', '2026-12-11', 'gpt-5.6-sol', DEPRECATIONS_PAGE],
    'gpt-5-2025-08-07': ['2026-06-11', '2026-12-11', 'gpt-5.6-sol', DEPRECATIONS_PAGE],
    'gpt-5-mini': ['2026-06-11', '2026-12-11', 'gpt-5.6-terra', DEPRECATIONS_PAGE],
    'gpt-5-nano-2025-08-07': ['2026-06-11', '2026-12-11', 'gpt-5.6-luna', DEPRECATIONS_PAGE],
    'gpt-5-pro': ['2026-06-11', '2026-12-11', 'gpt-5.6-sol', DEPRECATIONS_PAGE],
    o3: ['2026-06-11', '2026-12-11', 'gpt-5.6-sol', DEPRECATIONS_PAGE],
    'o3-pro-2025-06-10': ['2026-06-11', '2026-12-11', 'gpt-5.6-sol', DEPRECATIONS_PAGE],
    'gpt-realtime': ['2026-07-20', '2027-01-20', 'gpt-realtime-2.1', DEPRECATIONS_PAGE],
    'gpt-realtime-mini': ['2026-07-20', '2027-01-20', 'gpt-realtime-2.1-mini', DEPRECATIONS_PAGE],
    'gpt-audio-mini': ['2026-07-20', '2027-01-20', 'gpt-audio-1.5', DEPRECATIONS_PAGE],
    'gpt-4o-audio-preview-2024-12-17': ['2026-07-20', '2027-01-20', 'gpt-audio-1.5', DEPRECATIONS_PAGE], // family row gpt-4o-audio
    'gpt-4o-mini-transcribe-2025-03-20': ['2026-07-20', '2027-01-20', 'gpt-transcribe', DEPRECATIONS_PAGE], // the named 2025-12-15 snapshot shuts down 2027-02-26
    'whisper-1': ['2026-08-26', '2027-02-26', 'gpt-transcribe', DEPRECATIONS_PAGE], // "gpt-live-transcribe or gpt-transcribe": the one audio.transcriptions serves
    'gpt-4o-transcribe': ['2026-08-26', '2027-02-26', 'gpt-transcribe', DEPRECATIONS_PAGE],
    'gpt-4o-transcribe-diarize': ['2026-08-26', '2027-02-26', 'gpt-transcribe', DEPRECATIONS_PAGE],
    'gpt-5.4-cyber': ['2026-09-11', '2026-10-01', null, DEPRECATIONS_PAGE], // "the most capable cyber model available to you"
  };
  for (const [id, [deprecation, shutdown, replacement, source]] of Object.entries(expected)) {
    const l = entry(id).lifecycle;
    assert.deepEqual([l.deprecationDate, l.shutdownDate, l.replacement], [deprecation, shutdown, replacement], id);
    assert.ok(entry(id).sources['lifecycle']?.some((s) => s.url === source), `${id}: lifecycle read from ${source}`);
  }
  // models the seeds list as current and no OpenAI-hosted copy retires: no dates (third-party posts that do are in docs/catalog-sources.md)
  for (const id of ['gpt-4o-2024-08-06', 'gpt-4o-mini-2024-07-18', 'gpt-4o-2024-11-20', 'text-embedding-3-small', 'tts-1']) {
    assert.deepEqual(entry(id).lifecycle, { stage: 'ga', deprecationDate: null, shutdownDate: null, replacement: null }, id);
  }
  // the 2024-12-17 audio/realtime snapshots: no row of their own; the 2026-07-20 notice retires their families
  for (const [id, replacement] of [['gpt-4o-mini-realtime-preview-2024-12-17', 'gpt-realtime-2.1-mini'], ['gpt-4o-audio-preview-2024-12-17', 'gpt-audio-1.5'], ['gpt-4o-mini-audio-preview-2024-12-17', 'gpt-audio-1.5']] as const) {
    assert.deepEqual(entry(id).lifecycle, { stage: 'preview', deprecationDate: '2026-07-20', shutdownDate: '2027-01-20', replacement }, id);
  }
});

test('every public source is pinned and none is a weak copy', () => {
  const weak = /spybara\.com|cnblogs\.com|aliyun\.com|endoflife|archive\.li|creativeainews|platform\.openai\.com\/docs\/deprecations/;
  for (const m of catalog.models) {
    for (const [key, refs] of Object.entries(m.sources)) {
      for (const ref of refs) {
        const url = ref.url ?? '';
        assert.doesNotMatch(url, weak, `${m.id} sources.${key}: ${url}`);
        if (url.startsWith('https://github.com/')) assert.match(url, /\/blob\/[0-9a-f]{40}\//, `${m.id} sources.${key}: ${url} is not pinned to a commit`);
      }
    }
    // a non-empty fact needs a source of its own or the entry's default
    if (m.encoding !== null) assert.ok(m.sources['encoding']?.length, `${m.id}: encoding ${m.encoding} without a source`);
    if (m.lifecycle.shutdownDate !== null) {
      const refs = m.sources['lifecycle'] ?? m.sources['*'] ?? [];
      assert.ok(refs.some((s) => s.url === DEPRECATIONS_COPY || s.url === DEPRECATIONS_2024 || s.url === DEPRECATIONS_PAGE), `${m.id}: shutdown date not read from the deprecations page`);
    }
  }
});

test('o-series parameter rules are recorded per snapshot', () => {
  const oCommon = ['temperature', 'top_p', 'presence_penalty', 'frequency_penalty', 'logprobs', 'top_logprobs', 'logit_bias', 'parallel_tool_calls'];
  for (const id of ['o1', 'o1-2024-12-17', 'o1-mini', 'o1-mini-2024-09-12', 'o1-preview', 'o1-preview-2024-09-12', 'o3-mini', 'o3-mini-2025-01-31']) {
    const e = entry(id);
    const names = e.parameters.unsupported.map((p) => p.name);
    for (const p of oCommon) assert.ok(names.includes(p), `${id} rejects ${p}`);
    assert.deepEqual(e.parameters.unsupported.find((p) => p.name === 'temperature')?.allowedValues, [1]);
    assert.deepEqual(e.parameters.replaced, [{ name: 'max_tokens', by: 'max_completion_tokens' }]);
    assert.equal(e.capabilities.reasoning, true);
  }
  for (const id of ['o1-mini', 'o1-mini-2024-09-12', 'o1-preview', 'o1-preview-2024-09-12']) {
    const e = entry(id);
    const names = e.parameters.unsupported.map((p) => p.name);
    for (const p of ['tools', 'functions', 'tool_choice', 'response_format', 'stream']) assert.ok(names.includes(p), `${id} rejects ${p}`);
    assert.equal(e.capabilities.systemRole, false);
    assert.equal(e.capabilities.developerRole, false);
    assert.equal(e.capabilities.vision, false);
  }
  for (const id of ['o1', 'o1-2024-12-17']) {
    assert.equal(entry(id).capabilities.developerRole, true);
    assert.equal(entry(id).capabilities.structuredOutputs, true);
    assert.equal(entry(id).capabilities.vision, true);
  }
  for (const id of ['o3', 'o4-mini']) assert.deepEqual(entry(id).parameters.replaced, [{ name: 'max_tokens', by: 'max_completion_tokens' }]);
  assert.deepEqual(entry('text-embedding-ada-002').parameters.unsupported.map((p) => p.name), ['dimensions']);
  assert.deepEqual(entry('text-embedding-3-small').parameters.unsupported, []);
});

test('structured outputs: gpt-4o-2024-08-06 and later, gpt-4o-mini, o1 yes; gpt-4o-2024-05-13, gpt-4-turbo, gpt-3.5 no', () => {
  for (const id of ['gpt-4o', 'gpt-4o-2024-08-06', 'gpt-4o-2024-11-20', 'gpt-4o-mini', 'gpt-4o-mini-2024-07-18', 'o1', 'o1-2024-12-17']) {
    assert.equal(entry(id).capabilities.structuredOutputs, true, id);
  }
  for (const id of ['gpt-4o-2024-05-13', 'gpt-4-turbo', 'gpt-4-turbo-2024-04-09', 'gpt-3.5-turbo', 'gpt-3.5-turbo-0125', 'gpt-3.5-turbo-1106']) {
    assert.equal(entry(id).capabilities.structuredOutputs, false, id);
  }
  for (const id of ['gpt-3.5-turbo', 'gpt-4-0613', 'o1-mini', 'o1-preview']) assert.equal(entry(id).capabilities.vision, false, id);
});

test('encodings follow OpenAI\'s tiktoken table (pinned commit) or, for IDs it predates, js-tiktoken\'s model map', () => {
  const expect: Record<string, string> = {
    'gpt-4o': 'o200k_base', 'gpt-4o-mini-2024-07-18': 'o200k_base', 'o1-preview': 'o200k_base', 'chatgpt-4o-latest': 'o200k_base',
    'gpt-4': 'cl100k_base', 'gpt-4-turbo': 'cl100k_base', 'gpt-3.5-turbo-0125': 'cl100k_base', 'text-embedding-ada-002': 'cl100k_base', 'text-embedding-3-large': 'cl100k_base',
    'text-davinci-003': 'p50k_base', 'text-davinci-002': 'p50k_base', 'code-davinci-002': 'p50k_base', 'code-cushman-001': 'p50k_base',
    davinci: 'r50k_base', ada: 'r50k_base', 'text-ada-001': 'r50k_base', 'text-davinci-001': 'r50k_base', 'text-similarity-ada-001': 'r50k_base',
    'babbage-002': 'cl100k_base', 'davinci-002': 'cl100k_base',
  };
  for (const [id, enc] of Object.entries(expect)) assert.equal(entry(id).encoding, enc, id);
  // OpenAI's own table where it has the ID; js-tiktoken (the tokenizer this repository ships) elsewhere; no source, no encoding
  const openaiTable = new Set(['babbage-002', 'davinci-002']); // js-tiktoken 1.0.21 maps these to r50k_base / p50k_base
  for (const m of catalog.models) {
    const refs = m.sources['encoding'] ?? [];
    let js: string | null = null;
    try { js = getEncodingNameForModel(m.id as Parameters<typeof getEncodingNameForModel>[0]); } catch { js = null; }
    if (m.encoding === null) {
      assert.equal(refs.length, 0, `${m.id}: no encoding but an encoding source`);
      assert.equal(js, null, `${m.id}: js-tiktoken maps it to ${js}`);
      continue;
    }
    const fromOpenai = refs.some((s) => s.doc === 'openai/tiktoken tiktoken/model.py');
    const fromJs = refs.some((s) => s.doc.startsWith('js-tiktoken 1.0.21'));
    assert.ok(fromOpenai || fromJs, `${m.id}: encoding source`);
    if (fromJs || (js !== null && !openaiTable.has(m.id))) assert.equal(m.encoding, js, `${m.id}: js-tiktoken maps it to ${js}`);
  }
});
