/**
 * Time against input size for the three inputs that were quadratic or worse (issue 14):
 *   8. `check` over a minified bundle: N calls with a finding each on one line
 *   9. the hover's suppression scan on a line of N `//` (minified URLs)
 *  10. a `.gitignore` glob `*a*a*a*a*a*a*a*a*a*a*a*a*b` on a name of N letters
 * Each size is run a few times and the best time is printed with the time per unit of input:
 * a flat last column is linear growth (a quadratic one doubles as the size doubles).
 *
 *   npm run build && node bench/out/scaling.js [--runs N]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { run as checkRun } from '../server/src/cli/check';
import { Glob } from '../server/src/cli/glob';
import { IgnoreFile } from '../server/src/cli/walk';
import { suppressionCodeAt } from '../server/src/features/hover';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;

async function best(f: () => unknown | Promise<unknown>): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await f();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

function table(title: string, unit: string, rows: { size: number; label: string; ms: number }[]): void {
  console.log(`\n${title}`);
  console.log(`${'input'.padEnd(28)}${'best ms'.padStart(10)}${`µs per ${unit}`.padStart(18)}`);
  for (const r of rows) console.log(`${r.label.padEnd(28)}${r.ms.toFixed(1).padStart(10)}${((r.ms * 1000) / r.size).toFixed(3).padStart(18)}`);
}

const BUNDLE_HEAD = 'import OpenAI from "openai";const client=new OpenAI();';
const BUNDLE_CALL = 'client.chat.completions.create({model:"gpt4o",messages:[]});';

async function bundles(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'oml-bench-scaling-'));
  const io = { stdout: () => undefined, stderr: () => undefined };
  const rows: { size: number; label: string; ms: number }[] = [];
  try {
    // warm the parser and the catalog once
    writeFileSync(join(dir, 'warm.js'), `${BUNDLE_HEAD}${BUNDLE_CALL}\n`);
    await checkRun(['warm.js', '--format', 'json'], io, dir);
    for (const calls of [1_000, 2_000, 4_000, 8_000, 16_000, 31_000]) {
      const text = `${BUNDLE_HEAD}${BUNDLE_CALL.repeat(calls)}\n`;
      writeFileSync(join(dir, 'bundle.js'), text);
      const kb = Buffer.byteLength(text) / 1024;
      const ms = await best(() => checkRun(['bundle.js', '--format', 'json'], io, dir));
      rows.push({ size: kb, label: `${calls} findings, ${Math.round(kb)} KB`, ms });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  table('row 8: check --format json on a one-line bundle (the old position mapping: 10 s at 400 KB, 151 s at 1.9 MB)', 'KB', rows);
}

async function hovers(): Promise<void> {
  const rows: { size: number; label: string; ms: number }[] = [];
  for (const urls of [5_000, 10_000, 20_000, 40_000, 80_000]) {
    const line = `f()  // see ${'https://cdn.example.com//v1/a.js '.repeat(urls)}`;
    const ms = await best(() => suppressionCodeAt(line, line.length - 1));
    rows.push({ size: urls * 2, label: `${urls * 2} '//', ${Math.round(line.length / 1024)} KB`, ms });
  }
  table("row 9: the hover's suppression scan on one line (the old one: 6.7 s per hover at thousands of //)", "'//'", rows);
}

async function globs(): Promise<void> {
  const g = Glob.compile('*a*a*a*a*a*a*a*a*a*a*a*a*b');
  const rows: { size: number; label: string; ms: number }[] = [];
  for (const n of [1_000, 2_000, 4_000, 8_000, 16_000, 32_000]) {
    const name = Buffer.from('a'.repeat(n));
    const ms = await best(() => g.test(name));
    rows.push({ size: n, label: `a name of ${n} letters`, ms });
  }
  table('row 10: *a*a*a*a*a*a*a*a*a*a*a*a*b against a name that does not match (the old regex: 7 s at 30 letters)', 'letter', rows);

  const big: { size: number; label: string; ms: number }[] = [];
  for (const patterns of [1_000, 2_000, 4_000, 8_000]) {
    const file = new IgnoreFile('/', Array.from({ length: patterns }, (_, i) => `dir${i}/**/*.gen${i}.py`).join('\n'));
    const paths = Array.from({ length: 200 }, (_, i) => `src/module${i}/sub/file${i}.py`);
    const ms = await best(() => paths.forEach((p) => file.match(p, false)));
    big.push({ size: patterns, label: `${patterns} patterns × 200 paths`, ms });
  }
  table('row 10: a big .gitignore, every pattern tried on every path', 'pattern', big);
}

async function main(): Promise<void> {
  console.log(`runs per size: ${RUNS} (best kept)`);
  await bundles();
  await hovers();
  await globs();
}

void main();
