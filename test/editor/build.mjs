// Builds the editor suite (test/editor/suite/*.ts, runTest.ts) to test/editor/out/ with
// esbuild, after a type-check with tsc. Separate from the main build: these files need the
// `vscode` module, which exists only inside an editor's extension host.
// Flags: --no-check (skip tsc).
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

if (!process.argv.includes('--no-check')) {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(here, 'tsconfig.json')], { stdio: 'inherit' });
}

const suite = join(here, 'suite');
const entries = readdirSync(suite).filter((f) => f === 'index.ts' || f.endsWith('.spec.ts')).map((f) => join(suite, f));

rmSync(join(here, 'out'), { recursive: true, force: true });
await esbuild.build({
  entryPoints: [...entries, join(here, 'runTest.ts')],
  outdir: join(here, 'out'),
  outbase: here,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  // vscode comes from the extension host; mocha, js-tiktoken and test-electron from the
  // repo's node_modules (the suite always runs from this checkout).
  packages: 'external',
  logLevel: 'warning',
});
console.log(`[editor] built ${entries.length + 1} files to test/editor/out/`);
