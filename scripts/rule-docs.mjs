// Writes docs/rules/<code>-<name>.md from the rule meta (server/src/rules/*.ts), the same
// text the hover on a suppression code shows. A unit test fails when the committed pages
// are out of date: run `npm run docs:rules` after changing a rule's docs.
import * as esbuild from 'esbuild';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
// inside the project, so that node_modules resolve from the bundle
const out = join(root, 'node_modules', `.oml-rule-docs-${process.pid}.cjs`);
await esbuild.build({
  entryPoints: [join(root, 'server/src/rules/docs.ts')],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
});
const { allRuleDocs } = createRequire(import.meta.url)(out);
rmSync(out);
const dir = join(root, 'docs/rules');
mkdirSync(dir, { recursive: true });
const pages = allRuleDocs();
for (const f of readdirSync(dir)) if (f.endsWith('.md') && f !== 'README.md' && !pages.has(f)) rmSync(join(dir, f));
for (const [file, text] of pages) writeFileSync(join(dir, file), text);
console.log(`wrote ${pages.size} rule pages to docs/rules/`);
