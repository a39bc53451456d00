#!/usr/bin/env node
// The standalone language server under a second LSP client, set up as the README says:
// `npm install -g .` (here into a scratch prefix whose bin/ is put first on PATH) and the
// README's Neovim config, copied from README.md as the init file (`nvim -u`). Headless Neovim
// (Debian's 0.7.2; `vim.lsp.start_client`, `vim.diagnostic`) then runs test/nvim/check.lua,
// which opens Python and TypeScript fixtures (the config's FileType autocmd attaches them),
// waits for diagnostics, asks for hovers and a completion, and writes what Neovim received to
// JSON. This script asserts on that JSON with node:test. `npm run test:nvim`.
//
// Installs Debian's neovim when missing (as root). Builds the bundles first unless
// --no-build. Every wait is bounded; nvim runs in its own process group, killed at the end.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const require = createRequire(import.meta.url);
const NVIM_TIMEOUT_MS = 120_000;

function ensureNeovim() {
  const has = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (has.status === 0) return has.stdout.split('\n')[0];
  if (process.getuid?.() !== 0) throw new Error('neovim is missing; install it as root: apt-get install -y neovim');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'neovim']]) {
    const r = spawnSync('apt-get', args, { env, encoding: 'utf8', timeout: 600_000 });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  }
  return spawnSync('nvim', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
}

/** The first ```lua block of a markdown file: the Neovim config the README shows first. */
export function firstLuaBlock(markdown) {
  const m = /^```lua\n([\s\S]*?)^```$/m.exec(markdown);
  if (!m) throw new Error('no ```lua block');
  return m[1];
}

/** `npm install -g .` of the checkout into `prefix` (a link; offline); returns prefix/bin. */
function installGlobally(prefix) {
  const r = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', root], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`npm install -g . failed:\n${r.stdout}\n${r.stderr}`);
  return join(prefix, 'bin');
}

/** Runs headless nvim with the init file and check.lua in its own process group; bounded. */
function runNeovim(init, env) {
  return new Promise((resolve, reject) => {
    const child = spawn('nvim', ['--headless', '-u', init, '--noplugin', '-n', '-i', 'NONE', '-c', `luafile ${join(here, 'check.lua')}`],
      { cwd: env.OAML_WORKSPACE, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    const timer = setTimeout(() => {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
      reject(new Error(`nvim did not finish within ${NVIM_TIMEOUT_MS} ms\n${output}`));
    }, NVIM_TIMEOUT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      // The server is nvim's child; make sure nothing of the group outlives the run.
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
      resolve({ code, signal, output });
    });
  });
}

/** Expected chat token count: js-tiktoken o200k_base and OpenAI's documented overhead. */
function chatTokensO200k(messages) {
  const { Tiktoken } = require('js-tiktoken/lite');
  const ranks = require('js-tiktoken/ranks/o200k_base');
  const enc = new Tiktoken(ranks.default ?? ranks);
  return 3 + messages.reduce((n, m) => n + 3 + enc.encode(m.role).length + enc.encode(m.content).length, 0);
}

const SEVERITY_ERROR = 1; // vim.diagnostic.severity.ERROR

let received;
let readmeConfig;
let scratch;
let nvimVersion;
let elapsedMs;

function diag(file, code) {
  const d = received.files[file]?.diagnostics.find((x) => x.code === code);
  assert.ok(d, `${file}: no ${code} among ${JSON.stringify(received.files[file]?.diagnostics.map((x) => `${x.code}@${x.lnum}:${x.col}`))}`);
  return d;
}

function hover(file, label) {
  const h = received.files[file]?.hovers.find((x) => x.label === label);
  assert.ok(h, `${file}: no ${label} hover recorded`);
  assert.equal(h.error, null, `${file} ${label} hover failed: ${h.error}`);
  assert.equal(typeof h.text, 'string', `${file}: empty ${label} hover`);
  return h.text;
}

describe('standalone server under Neovim', () => {
  before(async () => {
    nvimVersion = ensureNeovim();
    if (!process.argv.includes('--no-build')) {
      const b = spawnSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root, encoding: 'utf8', timeout: 300_000 });
      if (b.status !== 0) throw new Error(`node esbuild.mjs failed:\n${b.stdout}\n${b.stderr}`);
    }
    if (!existsSync(join(root, 'server/out/server.js'))) throw new Error('server/out/server.js does not exist: build first (npm run build)');
    scratch = mkdtempSync(join(tmpdir(), 'oaml-nvim-'));
    const bin = installGlobally(join(scratch, 'prefix'));
    readmeConfig = firstLuaBlock(readFileSync(join(root, 'README.md'), 'utf8'));
    const init = join(scratch, 'init.lua');
    writeFileSync(init, readmeConfig);
    const workspace = join(scratch, 'workspace');
    cpSync(join(root, 'test/editor/fixtures/workspace'), workspace, { recursive: true });
    const outFile = join(scratch, 'received.json');
    const t0 = Date.now();
    // the bin's `#!/usr/bin/env node` finds the node running this suite
    const PATH = [bin, dirname(process.execPath), process.env.PATH].join(delimiter);
    const r = await runNeovim(init, { PATH, OAML_WORKSPACE: workspace, OAML_NVIM_OUT: outFile });
    elapsedMs = Date.now() - t0;
    if (!existsSync(outFile)) throw new Error(`nvim wrote no results (exit ${r.code ?? r.signal}):\n${r.output}`);
    received = JSON.parse(readFileSync(outFile, 'utf8'));
  });

  after(() => {
    if (received) {
      const t = received.timings ?? {};
      console.log(`# ${nvimVersion}; nvim run ${elapsedMs} ms; initialize ${Math.round(t.initialize_ms)} ms; first diagnostics app.py ${Math.round(received.files['app.py']?.diagnostics_ms)} ms`);
    }
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it("the README's first Neovim config starts openai-model-lint-server from PATH; docs/editors.md shows the same config first", () => {
    assert.match(readmeConfig, /cmd = \{ 'openai-model-lint-server', '--stdio' \}/);
    assert.equal(firstLuaBlock(readFileSync(join(root, 'docs/editors.md'), 'utf8')), readmeConfig);
  });

  it('ran without errors in check.lua; the config attached every file; the server exited when Neovim stopped it', () => {
    assert.deepEqual(received.errors, []);
    assert.equal(received.server_stopped, true);
    assert.equal(received.files['app.py'].filetype, 'python');
    assert.equal(received.files['azure.ts'].filetype, 'typescript');
    for (const f of ['app.py', 'azure.ts', 'complete.py']) assert.equal(received.files[f].attached, true, `${f} not attached by the FileType autocmd`);
  });

  it("the config's settings reach the server (rules: OAI106 warning), with the test's asOf 2025-01-15 (o1-mini not yet retired)", () => {
    assert.deepEqual(received.settings_from_config, { openaiModelLint: { rules: { OAI106: 'warning' } } });
    const codes = (f) => received.files[f].diagnostics.map((d) => d.code).sort();
    assert.deepEqual(codes('app.py'), ['OAI106', 'OAI201', 'OAI202']);
    const alias = diag('app.py', 'OAI106');
    assert.deepEqual([alias.lnum, alias.col, alias.end_lnum, alias.end_col, alias.severity], [5, 10, 5, 19, 2]);
    // (OAI107 limited-access may join these for Azure o1-preview; OAI102 must not.)
    assert.ok(!codes('azure.ts').includes('OAI102'), `azure.ts: ${codes('azure.ts').join(', ')}`);
    for (const c of ['OAI105', 'OAI402']) assert.ok(codes('azure.ts').includes(c), `azure.ts lacks ${c}: ${codes('azure.ts').join(', ')}`);
  });

  it('app.py: OAI201 on temperature=0.2 and OAI202 on max_tokens=500, errors from openai-model-lint', () => {
    const t = diag('app.py', 'OAI201');
    assert.deepEqual([t.lnum, t.col, t.end_lnum, t.end_col], [6, 4, 6, 19]);
    assert.equal(t.severity, SEVERITY_ERROR);
    assert.equal(t.source, 'openai-model-lint');
    assert.match(t.message, /temperature/);
    const m = diag('app.py', 'OAI202');
    assert.deepEqual([m.lnum, m.col, m.end_lnum, m.end_col], [7, 4, 7, 18]);
    assert.equal(m.severity, SEVERITY_ERROR);
    assert.match(m.message, /max_completion_tokens/);
    for (const d of received.files['app.py'].diagnostics) {
      assert.equal(typeof d.href, 'string', `${d.code} carries no codeDescription.href`);
      assert.ok(d.href.toLowerCase().includes(d.code.toLowerCase()), `${d.code} links ${d.href}`);
    }
  });

  it("azure.ts: OAI402 on 'o1-preview' (api_version 2024-06-01 is older than 2024-09-01-preview)", () => {
    const d = diag('azure.ts', 'OAI402');
    assert.deepEqual([d.lnum, d.col, d.end_lnum, d.end_col], [9, 11, 9, 23]);
    assert.equal(d.severity, SEVERITY_ERROR);
    assert.match(d.message, /2024-09-01-preview/);
  });

  it('hover on "o1-mini": card with the context window (128,000) and max output (65,536)', () => {
    const text = hover('app.py', 'model');
    assert.match(text, /o1-mini/);
    assert.match(text, /context window/i);
    assert.match(text, /128,000|128k\b/i);
    assert.match(text, /65,536|64k\b/i);
  });

  it('hover on messages: the token count equals js-tiktoken o200k_base with the chat overhead', () => {
    const text = hover('app.py', 'messages');
    const m = /(\d[\d,]*)\s+tokens?\b/i.exec(text);
    assert.ok(m, `no token count in:\n${text}`);
    assert.equal(Number(m[1].replace(/,/g, '')), chatTokensO200k([{ role: 'user', content: 'Summarise the plot of Hamlet in three sentences.' }]));
  });

  it("hover on 'o1-preview' in TypeScript: the model card", () => {
    const text = hover('azure.ts', 'model');
    assert.match(text, /o1-preview/);
    assert.match(text, /context window/i);
  });

  it('completion inside model="" lists chat models and no embedding models', () => {
    const c = received.files['complete.py'].completion;
    assert.equal(c.error, null);
    for (const id of ['gpt-4o', 'o1-mini']) assert.ok(c.labels.includes(id), `${id} missing from ${c.labels.join(', ')}`);
    assert.ok(!c.labels.includes('text-embedding-3-small'), 'embedding model offered for chat.completions');
  });
});
