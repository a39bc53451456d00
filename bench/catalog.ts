/**
 * Catalog load benchmark, each figure from fresh Node processes so nothing is warm: zod's
 * module load (shared with the settings schema), the inlined data module, `Catalog.builtIn()`
 * (load + index; entries are validated on first use), and the cost of validating every entry;
 * then warm lookups. Target (issue 2): catalog load and index under 20 ms and under 10 MB.
 *
 *   node esbuild.mjs && node bench/out/catalog.js [--runs N]
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Catalog as CatalogClass } from '../server/src/catalog/catalog';

interface Sample {
  requireMs: number;
  buildMs: number;
  totalMs: number;
  heapMB: number;
  rssMB: number;
  models: number;
  azureModels: number;
}

const MB = 1024 * 1024;
const lib = (name: string) => join(__dirname, name);

/** One fresh process: load one library (a runtime path keeps esbuild from inlining it). */
function child(what: string): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const m0 = process.memoryUsage();
  const t0 = performance.now();
  let t1 = t0;
  let models = 0;
  let azureModels = 0;
  if (what === 'full') {
    const { Catalog } = require(lib('catalog-lib.js')) as { Catalog: typeof CatalogClass };
    t1 = performance.now();
    const catalog = Catalog.builtIn();
    models = catalog.all().length;
    azureModels = catalog.azureModels().length;
  } else {
    require(lib(what === 'zod' ? 'zod-lib.js' : 'catalog-data.js'));
    t1 = performance.now();
  }
  const t2 = performance.now();
  gc?.();
  const m1 = process.memoryUsage();
  const sample: Sample = {
    requireMs: t1 - t0,
    buildMs: t2 - t1,
    totalMs: t2 - t0,
    heapMB: (m1.heapUsed - m0.heapUsed) / MB,
    rssMB: (m1.rss - m0.rss) / MB,
    models,
    azureModels,
  };
  process.stdout.write(JSON.stringify(sample));
}

/** Load and index only, as the server does at start (Catalog.builtIn(), nothing validated beyond the keys). */
function childIndexOnly(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  const { Catalog } = require(lib('catalog-lib.js')) as { Catalog: typeof CatalogClass };
  gc?.();
  const m0 = process.memoryUsage();
  const t0 = performance.now();
  Catalog.builtIn();
  const t1 = performance.now();
  gc?.();
  const m1 = process.memoryUsage();
  const sample: Sample = { requireMs: 0, buildMs: t1 - t0, totalMs: t1 - t0, heapMB: (m1.heapUsed - m0.heapUsed) / MB, rssMB: (m1.rss - m0.rss) / MB, models: 0, azureModels: 0 };
  process.stdout.write(JSON.stringify(sample));
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]!;
}

function warm(): { resolveUs: number; suggestUs: number; extraMs: number } {
  const { Catalog } = require(lib('catalog-lib.js')) as { Catalog: typeof CatalogClass };
  const catalog = Catalog.builtIn();
  const ids = catalog.all().map((m) => m.id);
  const N = 20_000;
  let t = performance.now();
  for (let i = 0; i < N; i++) catalog.resolve(ids[i % ids.length]!) ?? catalog.resolveAzure(ids[i % ids.length]!);
  const resolveUs = ((performance.now() - t) * 1000) / N;
  const typos = ['gpt4o', 'gpt-4o-mni', 'gpt-35-turbo', 'text-embeding-3-small', 'my-private-model', 'o1-previw', 'GPT_4', 'claude-3-opus'];
  catalog.suggest('warm-up');
  t = performance.now();
  for (let i = 0; i < 2_000; i++) catalog.suggest(typos[i % typos.length]!);
  const suggestUs = ((performance.now() - t) * 1000) / 2_000;
  const extra = catalog.all().slice(0, 20).map((m) => ({ ...m, id: `${m.id}-extra` }));
  t = performance.now();
  catalog.withExtraModels(extra);
  const extraMs = performance.now() - t;
  return { resolveUs, suggestUs, extraMs };
}

function main(): void {
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
  const sample = (mode: string): Sample[] =>
    Array.from({ length: runs }, () => {
      const r = spawnSync(process.execPath, ['--expose-gc', __filename, '--child', mode], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`child ${mode} failed: ${r.stderr}`);
      return JSON.parse(r.stdout) as Sample;
    });
  const zod = sample('zod');
  const data = sample('data');
  const index = sample('index');
  const full = sample('full');
  const median = (v: number[]) => percentile(v, 0.5);
  const row = (label: string, v: number[], unit: string) =>
    `${label.padEnd(44)} median ${median(v).toFixed(2).padStart(7)} ${unit}  p90 ${percentile(v, 0.9).toFixed(2).padStart(7)} ${unit}  max ${Math.max(...v).toFixed(2).padStart(7)} ${unit}`;
  const w = warm();
  console.log(`catalog: ${full[0]!.models} models, ${full[0]!.azureModels} Azure models; ${runs} fresh processes per row (node ${process.version})`);
  console.log(row('zod module load (shared with settings)', zod.map((s) => s.totalMs), 'ms'));
  console.log(row('catalog data module eval (inlined JSON)', data.map((s) => s.totalMs), 'ms'));
  console.log(row('Catalog.builtIn(): load + index', index.map((s) => s.totalMs), 'ms'));
  console.log(row('catalog module require (zod + data + code)', full.map((s) => s.requireMs), 'ms'));
  console.log(row('then builtIn() + validate every entry', full.map((s) => s.buildMs), 'ms'));
  console.log(row('heap: catalog data module', data.map((s) => s.heapMB), 'MB'));
  console.log(row('heap: Catalog.builtIn()', index.map((s) => s.heapMB), 'MB'));
  console.log(row('heap: everything validated (full, with zod)', full.map((s) => s.heapMB), 'MB'));
  console.log(row('RSS growth: full', full.map((s) => s.rssMB), 'MB'));
  console.log(`warm: resolve ${w.resolveUs.toFixed(2)} µs/lookup · suggest ${w.suggestUs.toFixed(1)} µs/call · withExtraModels(20) ${w.extraMs.toFixed(2)} ms`);
  const catalogMs = median(data.map((s) => s.totalMs)) + median(index.map((s) => s.totalMs));
  const catalogMB = median(data.map((s) => s.heapMB)) + median(index.map((s) => s.heapMB));
  console.log(
    `target (issue 2): catalog load + index < 20 ms: ${catalogMs < 20 ? 'met' : 'NOT met'} (${catalogMs.toFixed(1)} ms = data module + builtIn); ` +
      `< 10 MB: ${catalogMB < 10 ? 'met' : 'NOT met'} (${catalogMB.toFixed(1)} MB heap)`,
  );
}

const mode = process.argv[process.argv.indexOf('--child') + 1];
if (!process.argv.includes('--child')) main();
else if (mode === 'index') childIndexOnly();
else child(mode ?? 'full');
