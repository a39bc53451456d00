/**
 * The package as the Marketplace and npm see it: a declared repository that the rule-doc
 * links (codeDescription, SARIF) point into, gallery metadata, a changelog, no runtime
 * dependencies (everything is bundled), a VSIX of what VS Code runs only (`vsce ls`, no
 * bypass flags), and a README whose pictures, links, snippets, example output and set-up
 * commands are true.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { validateSettings } from '../../server/src/config/load';
import { formatSarif } from '../../server/src/cli/format';
import { DOCS_BASE_URL, docsUrl } from '../../server/src/rules/docs';
import { RULE_CODES } from '../../server/src/rules/registry';
import { repoRoot } from '../helpers/repoRoot';

const ROOT = repoRoot();
const requireHere = createRequire(__filename);
const yaml = requireHere('js-yaml') as { load(text: string): unknown };
const read = (rel: string): string => readFileSync(join(ROOT, rel), 'utf8');

interface Manifest {
  name: string;
  version: string;
  repository: { type: string; url: string };
  homepage: string;
  bugs: { url: string };
  keywords: string[];
  categories: string[];
  galleryBanner: { color: string; theme: string };
  icon: string;
  dependencies?: Record<string, string>;
  scripts: Record<string, string>;
  bin: Record<string, string>;
}
const pkg = JSON.parse(read('package.json')) as Manifest;
const REPO = pkg.repository.url.replace(/\.git$/, '');
const README = read('README.md');

/** The fenced blocks of a markdown text with their info string. */
function blocks(markdown: string): { lang: string; body: string }[] {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, body: m[2]! }));
}

describe('package.json for the Marketplace and npm', () => {
  test('one declared GitHub repository; homepage and bugs on it', () => {
    assert.equal(pkg.repository.type, 'git');
    assert.match(REPO, /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/);
    assert.equal(pkg.homepage, `${REPO}#readme`);
    assert.equal(pkg.bugs.url, `${REPO}/issues`);
  });

  test('rule-doc links (diagnostics codeDescription, SARIF helpUri) open docs/rules pages of that repository', () => {
    assert.equal(DOCS_BASE_URL, `${REPO}/blob/main/docs/rules/`);
    for (const code of RULE_CODES) {
      const url = docsUrl(code)!;
      assert.ok(url.startsWith(DOCS_BASE_URL), url);
      assert.ok(existsSync(join(ROOT, 'docs/rules', url.slice(DOCS_BASE_URL.length))), `${code}: ${url} has no page in docs/rules`);
    }
    const driver = (JSON.parse(formatSarif([])) as { runs: { tool: { driver: { informationUri: string; rules: { helpUri?: string }[] } } }[] }).runs[0]!.tool.driver;
    assert.equal(driver.informationUri, REPO);
    for (const r of driver.rules) if (r.helpUri) assert.ok(r.helpUri.startsWith(DOCS_BASE_URL), r.helpUri);
  });

  test('gallery metadata: keywords (at most 30, as the Marketplace allows), banner, icon, category', () => {
    assert.ok(pkg.keywords.length > 0 && pkg.keywords.length <= 30);
    assert.equal(new Set(pkg.keywords).size, pkg.keywords.length);
    assert.match(pkg.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(pkg.galleryBanner.theme));
    assert.ok(existsSync(join(ROOT, pkg.icon)));
    assert.ok(pkg.categories.includes('Linters'));
  });

  test('CHANGELOG.md has a section for this version', () => {
    assert.match(read('CHANGELOG.md'), new RegExp(`^## \\[${pkg.version.replace(/\./g, '\\.')}\\]`, 'm'));
  });

  test('no runtime dependencies: the bundles carry everything, so installing the package needs no registry', () => {
    assert.equal(pkg.dependencies, undefined);
    assert.equal(pkg.scripts.prepack, 'node esbuild.mjs --production');
    assert.deepEqual(Object.keys(pkg.bin).sort(), ['openai-model-lint', 'openai-model-lint-server']);
  });

  test('vsce package runs without bypass flags', () => {
    assert.match(pkg.scripts.package!, /\bvsce package\b/);
    assert.doesNotMatch(pkg.scripts.package!, /--allow-|--no-rewrite|--skip-license|--no-verify/);
  });

  test('the VSIX holds what VS Code runs, not the command-line bundle (vsce ls)', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'ls'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n').sort(), [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'client/out/extension.js',
      'icon.png',
      'package.json',
      'server/out/openai-model-lint.schema.json',
      'server/out/ranks/cl100k_base.json',
      'server/out/ranks/o200k_base.json',
      'server/out/ranks/p50k_base.json',
      'server/out/ranks/r50k_base.json',
      'server/out/server.js',
      'server/out/wasm/tree-sitter-javascript.wasm',
      'server/out/wasm/tree-sitter-python.wasm',
      'server/out/wasm/tree-sitter-tsx.wasm',
      'server/out/wasm/tree-sitter-typescript.wasm',
      'server/out/wasm/tree-sitter.wasm',
      'syntaxes/openai-model-lint.injection.json',
    ]);
  });
});

describe('README.md, the Marketplace page', () => {
  test('its pictures are small PNGs in the repository; its relative links resolve', () => {
    const images = [...README.matchAll(/!\[[^\]]+\]\(([^)]+)\)/g)].map((m) => m[1]!);
    assert.ok(images.length >= 4, images.join(', '));
    for (const img of images) {
      assert.match(img, /^images\/[\w-]+\.png$/);
      const bytes = readFileSync(join(ROOT, img));
      assert.ok(bytes.subarray(1, 4).toString('ascii') === 'PNG', `${img} is not a PNG`);
      assert.ok(statSync(join(ROOT, img)).size < 100_000, `${img} is ${statSync(join(ROOT, img)).size} bytes`);
    }
    const links = [...README.matchAll(/(?<!!)\[[^\]]+\]\(([^)#]+)(#[^)]*)?\)/g)].map((m) => m[1]!).filter((l) => !/^https?:/.test(l));
    for (const l of links) assert.ok(existsSync(join(ROOT, l)), `README links ${l}, which does not exist`);
  });

  test('the two set-up commands are there, and .ci/run runs the test command', () => {
    const sh = blocks(README).find((b) => b.lang === 'sh' && b.body.includes('npm test'));
    assert.ok(sh, 'no sh block with the test command');
    const commands = sh.body.split('\n').filter((l) => l && !l.startsWith('#'));
    assert.deepEqual(commands, ['npm ci && npm run build && npm run check-examples', 'npm ci && npm test']);
    assert.match(read('.ci/run'), /^run fast bash -c 'npm ci && npm test'$/m);
  });

  test('the check excerpt is what `check examples` prints now', () => {
    const excerpt = blocks(README).find((b) => b.body.startsWith('examples/python/app.py:'))!.body.trimEnd().split('\n');
    const r = spawnSync(process.execPath, [join(ROOT, 'server/out/cli.js'), 'check', 'examples'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 1);
    const actual = r.stdout.trimEnd().split('\n');
    assert.equal(excerpt.at(-1), actual.at(-1), 'the summary line');
    for (const line of excerpt.filter(Boolean)) assert.ok(actual.includes(line), `not printed: ${line}`);
  });

  test('the project file example is a valid project file', () => {
    const json = blocks(README).find((b) => b.lang === 'json')!;
    assert.deepEqual(validateSettings(JSON.parse(json.body)).problems, []);
  });

  test("the GitHub Action and pre-commit snippets use this repository and what action.yml and .pre-commit-hooks.yaml declare", () => {
    const action = yaml.load(read('action.yml')) as { inputs: Record<string, unknown> };
    const [workflow, preCommit] = blocks(README)
      .filter((b) => b.lang === 'yaml')
      .map((b) => yaml.load(b.body));
    const step = (workflow as { steps: { uses?: string; with?: Record<string, unknown> }[] }).steps.find((s) => s.uses?.startsWith(REPO.replace('https://github.com/', '')));
    assert.ok(step, 'no step uses this repository');
    assert.match(step.uses!, new RegExp(`@v${pkg.version.replace(/\./g, '\\.')}$`));
    for (const input of Object.keys(step.with ?? {})) assert.ok(input in action.inputs, `README passes ${input}, which action.yml does not declare`);
    const hookIds = (yaml.load(read('.pre-commit-hooks.yaml')) as { id: string }[]).map((h) => h.id);
    const repo = (preCommit as { repos: { repo: string; rev: string; hooks: { id: string }[] }[] }).repos[0]!;
    assert.equal(repo.repo, REPO);
    assert.equal(repo.rev, `v${pkg.version}`);
    for (const h of repo.hooks) assert.ok(hookIds.includes(h.id), h.id);
  });

  test('the first Neovim config is the one the Neovim suite runs (test/nvim/run.mjs reads it from here)', () => {
    const lua = blocks(README).find((b) => b.lang === 'lua')!;
    assert.match(lua.body, /vim\.lsp\.start_client\(/);
    assert.match(read('test/nvim/run.mjs'), /firstLuaBlock\(readFileSync\(join\(root, 'README\.md'\)/);
    assert.ok(existsSync(join(dirname(join(ROOT, 'README.md')), 'docs/editors.md')));
  });
});
