// One build script: bundles the client (vscode external), the server and the CLI (all
// dependencies inlined), and the tests; copies the tree-sitter grammars and tokenizer
// ranks next to the server bundle. Flags: --production (minify, no source maps), --watch.
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, existsSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const pkg = require('./package.json');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // `openai-model-lint --version` (server/src/cli/version.ts)
  define: { OPENAI_MODEL_LINT_VERSION: JSON.stringify(pkg.version) },
  // tree-sitter queries (server/src/parse/queries/*.scm) are inlined as text
  loader: { '.scm': 'text' },
};

/** Test files: every *.test.ts under test/, bundled one by one (node_modules stay external). */
function testEntries() {
  const out = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory() && !['out', 'fixtures', 'e2e'].includes(e.name)) walk(p);
      else if (e.isFile() && e.name.endsWith('.test.ts')) out.push(p);
    }
  };
  walk(join(root, 'test'));
  return out;
}

/** Grammars (runtime and languages from one @vscode/tree-sitter-wasm, pinned together). */
function copyGrammars() {
  const src = dirname(require.resolve('@vscode/tree-sitter-wasm/wasm/tree-sitter.wasm'));
  const dest = join(root, 'server/out/wasm');
  mkdirSync(dest, { recursive: true });
  for (const f of ['tree-sitter.wasm', 'tree-sitter-python.wasm', 'tree-sitter-javascript.wasm', 'tree-sitter-typescript.wasm', 'tree-sitter-tsx.wasm']) {
    copyFileSync(join(src, f), join(dest, f));
  }
}

/** Tokenizer ranks as JSON files loaded lazily at run time (they are megabytes each). */
function writeRanks() {
  const dest = join(root, 'server/out/ranks');
  mkdirSync(dest, { recursive: true });
  for (const name of ['o200k_base', 'cl100k_base', 'p50k_base', 'r50k_base']) {
    const file = join(dest, `${name}.json`);
    if (existsSync(file)) continue;
    const ranks = require(`js-tiktoken/ranks/${name}`);
    writeFileSync(file, JSON.stringify(ranks.default ?? ranks));
  }
}

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  // the two bins of package.json: run by name once installed, so each starts with a shebang
  { entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['bench/parse.ts'], outdir: 'bench/out' },
  { entryPoints: ['bench/scaling.ts'], outdir: 'bench/out' },
  { entryPoints: ['bench/catalog.ts', 'bench/catalog-lib.ts', 'bench/zod-lib.ts', 'bench/catalog-data.ts'], outdir: 'bench/out' },
].filter((b) => existsSync(join(root, b.entryPoints[0])));

const tests = testEntries();
if (tests.length && !production) {
  pruneStaleTests(tests);
  builds.push({ entryPoints: tests, outdir: 'test/out', outbase: 'test', packages: 'external' });
}

/**
 * Removes bundles in test/out whose source test was deleted or renamed (so `node --test
 * test/out/` never runs a stale test), without wiping the folder: a build running at the same
 * time keeps its outputs.
 */
function pruneStaleTests(sources) {
  const want = new Set(sources.map((s) => s.slice(join(root, 'test').length + 1).replace(/\.ts$/, '.js')));
  const walk = (dir, rel) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(join(dir, e.name), r);
      else if (/\.test\.js(\.map)?$/.test(e.name) && !want.has(r.replace(/\.map$/, ''))) rmSync(join(dir, e.name), { force: true });
    }
  };
  walk(join(root, 'test/out'), '');
}

/**
 * JSON Schema of `.openai-model-lint.json` (extraModels items = catalog entries), generated
 * from the zod schemas by server/src/config/jsonSchema.ts and shipped next to the server.
 */
async function writeProjectFileSchema() {
  const entry = join(root, 'server/src/config/jsonSchema.ts');
  if (!existsSync(entry)) return;
  const result = await esbuild.build({ ...common, sourcemap: false, minify: false, entryPoints: [entry], write: false });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', result.outputFiles[0].text)(mod, mod.exports, require);
  mkdirSync(join(root, 'server/out'), { recursive: true });
  writeFileSync(join(root, 'server/out/openai-model-lint.schema.json'), `${JSON.stringify(mod.exports.projectFileJsonSchema(), null, 2)}\n`);
}

copyGrammars();
writeRanks();
await writeProjectFileSchema();

if (watch) {
  for (const b of builds) {
    const ctx = await esbuild.context({ ...common, ...b });
    await ctx.watch();
  }
  console.log('[esbuild] watching');
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
  // executable from a checkout too (`./server/out/cli.js`); npm sets the bits when it installs
  for (const bin of Object.values(pkg.bin)) chmodSync(join(root, bin), 0o755);
}
