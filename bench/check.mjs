#!/usr/bin/env node
// `check` throughput: generates bench/corpus/ (2,000 files, Python and TypeScript, 5% with
// OpenAI calls, sizes of ordinary source files), runs the built CLI over it and compares
// with `grep -rl openai` over the same tree. Targets (issue 3): >= 10 MB/s, <= 10x grep.
//
//   npm run build && node bench/check.mjs [--files N] [--runs N] [--keep]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'server/out/cli.js');
const corpus = join(root, 'bench/corpus');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? dflt : Number(process.argv[i + 1]);
};
const FILES = arg('files', 2000);
const RUNS = arg('runs', 3);

if (!existsSync(cli)) {
  console.error('bench/check.mjs: server/out/cli.js is missing; run `npm run build` first');
  process.exit(2);
}

// Deterministic generator (mulberry32) so every run measures the same corpus.
let seed = 0x5eed;
function rand() {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const between = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const WORDS = ['order', 'invoice', 'customer', 'ticket', 'payment', 'report', 'session', 'account', 'item', 'queue', 'cache', 'user', 'token', 'record', 'batch'];
const name = () => `${pick(WORDS)}_${pick(WORDS)}`;
const camel = () => pick(WORDS) + pick(WORDS).replace(/^./, (c) => c.toUpperCase());

function pyFunction() {
  const n = name();
  return `def ${n}(repo, ${pick(WORDS)}_id: int, *, limit: int = ${between(10, 500)}) -> list[dict]:
    """Loads ${pick(WORDS)} rows for the ${pick(WORDS)} view."""
    rows = repo.query("SELECT * FROM ${pick(WORDS)} WHERE id = %s LIMIT %s", (${pick(WORDS)}_id, limit))
    result = []
    for row in rows:
        if row.get("status") == "${pick(['open', 'closed', 'pending'])}":
            result.append({"id": row["id"], "total": round(row["amount"] * ${rand().toFixed(2)}, 2)})
        else:
            log.debug("skipping %s", row["id"])
    return result

`;
}
function pyClass() {
  const c = camel().replace(/^./, (x) => x.toUpperCase());
  return `class ${c}Service:
    def __init__(self, db, cache):
        self.db = db
        self.cache = cache

    def get(self, key: str):
        if key in self.cache:
            return self.cache[key]
        value = self.db.objects.create(name=key, size=${between(1, 99)})
        self.cache[key] = value
        return value

${pyFunction().replace(/^/gm, '    ').replace(/\(repo,/, '(self, repo,')}
`;
}
function tsFunction() {
  const n = camel();
  return `export async function ${n}(db: Db, id: number, limit = ${between(10, 500)}): Promise<Row[]> {
  const rows = await db.query<Row>("select * from ${pick(WORDS)} where id = $1 limit $2", [id, limit]);
  return rows
    .filter((row) => row.status === "${pick(['open', 'closed', 'pending'])}")
    .map((row) => ({ ...row, total: Math.round(row.amount * ${rand().toFixed(2)} * 100) / 100 }));
}

`;
}
function tsClass() {
  const c = camel().replace(/^./, (x) => x.toUpperCase());
  return `export class ${c}Store {
  private readonly cache = new Map<string, Row>();
  constructor(private readonly db: Db) {}

  async get(key: string): Promise<Row> {
    const hit = this.cache.get(key);
    if (hit) return hit;
    const row = await this.db.rows.create({ name: key, size: ${between(1, 99)} });
    this.cache.set(key, row);
    return row;
  }
}

${tsFunction()}`;
}
const PY_CALL = (i) => `def ask_${i}(question: str) -> str:
    response = client.chat.completions.create(
        model="${pick(['gpt-4o', 'o1-mini', 'gpt-4o-mini', 'gpt-3.5-turbo'])}",
        messages=[{"role": "system", "content": "Be brief."}, {"role": "user", "content": question}],
        temperature=${pick(['0', '0.2', '0.7'])},
        max_tokens=${between(100, 2000)},
    )
    return response.choices[0].message.content

`;
const TS_CALL = (i) => `export async function ask${i}(question: string): Promise<string> {
  const completion = await openai.chat.completions.create({
    model: "${pick(['gpt-4o', 'o1', 'gpt-4o-mini', 'gpt-3.5-turbo'])}",
    messages: [{ role: "user", content: question }],
    temperature: ${pick(['0', '0.2', '0.7'])},
    max_tokens: ${between(100, 2000)},
  });
  return completion.choices[0].message.content ?? "";
}

`;

function generate() {
  rmSync(corpus, { recursive: true, force: true });
  let bytes = 0;
  for (let i = 0; i < FILES; i++) {
    const python = rand() < 0.5;
    const withCalls = i % 20 === 7; // 5%
    // ordinary source sizes: mostly 2-12 KB, some up to 40 KB
    const target = rand() < 0.9 ? between(2_000, 12_000) : between(12_000, 40_000);
    let text = python
      ? `import logging\nfrom dataclasses import dataclass\n${withCalls ? 'from openai import OpenAI\n\nclient = OpenAI()\n' : ''}\nlog = logging.getLogger(__name__)\n\n`
      : `import type { Db, Row } from "../db";\n${withCalls ? 'import OpenAI from "openai";\n\nconst openai = new OpenAI();\n' : ''}\n`;
    let calls = 0;
    while (text.length < target) {
      if (withCalls && calls < 5 && rand() < 0.3) text += python ? PY_CALL(calls++) : TS_CALL(calls++);
      else text += python ? (rand() < 0.5 ? pyFunction() : pyClass()) : rand() < 0.5 ? tsFunction() : tsClass();
    }
    const dir = join(corpus, `pkg${String(Math.floor(i / 100)).padStart(2, '0')}`);
    mkdirSync(dir, { recursive: true });
    // TypeScript files are .mts so that test/tsconfig.json (which includes bench/**/*.ts) never type-checks the corpus
    const file = join(dir, `mod${i}.${python ? 'py' : 'mts'}`);
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

function corpusBytes() {
  let bytes = 0;
  let files = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        bytes += statSync(p).size;
        files++;
      }
    }
  };
  walk(corpus);
  return { bytes, files };
}

/** CPU time (user + system, ms) of this process's finished children, from /proc (Linux); null elsewhere. */
function childrenCpuMs() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100; // cutime + cstime, in clock ticks of 1/100 s
  } catch {
    return null;
  }
}

function time(cmd, args) {
  const cpu0 = childrenCpuMs();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu1 = childrenCpuMs();
  return { ms, cpuMs: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0, status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

generate();
const { bytes, files } = corpusBytes();
const checkRuns = [];
const checkCpu = [];
const grepRuns = [];
let last;
for (let i = 0; i < RUNS; i++) {
  last = time(process.execPath, [cli, 'check', 'bench/corpus', '--format', 'json']);
  if (last.status !== 0 && last.status !== 1) {
    console.error(`check failed (exit ${last.status}):\n${last.stderr}`);
    process.exit(2);
  }
  checkRuns.push(last.ms);
  if (last.cpuMs !== null) checkCpu.push(last.cpuMs);
  grepRuns.push(time('grep', ['-rl', 'openai', 'bench/corpus']).ms);
}
const findings = JSON.parse(last.stdout).length;
const filesWithFindings = new Set(JSON.parse(last.stdout).map((f) => f.file)).size;
const checkMs = median(checkRuns);
const grepMs = median(grepRuns);
const mbps = bytes / 1e6 / (checkMs / 1000);
const ratio = checkMs / grepMs;
console.log(`corpus: ${files} files, ${(bytes / 1e6).toFixed(1)} MB (bench/corpus)`);
console.log(`check: ${checkMs.toFixed(0)} ms median of ${RUNS} (whole process: start-up, grammar and encoding loads included), ${findings} findings in ${filesWithFindings} files`);
if (checkCpu.length) {
  // on a shared machine the wall time also counts waiting for a CPU; the CPU time does not
  const cpuMs = median(checkCpu);
  console.log(`check CPU time (user + system, all threads): ${cpuMs.toFixed(0)} ms median = ${(bytes / 1e6 / (cpuMs / 1000)).toFixed(1)} MB per CPU-second; load average at the end: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
}
console.log(`grep -rl openai: ${grepMs.toFixed(0)} ms median`);
console.log(`throughput: ${mbps.toFixed(1)} MB/s (target >= 10)   ratio to grep: ${ratio.toFixed(1)}x (target <= 10)`);
console.log(`node ${process.version}, ${execFileSync('nproc', { encoding: 'utf8' }).trim()} CPUs`);
if (!process.argv.includes('--keep')) rmSync(corpus, { recursive: true, force: true });
process.exitCode = mbps >= 10 && ratio <= 10 ? 0 : 1;
