#!/usr/bin/env node
// The package as a user installs it. `npm run test:install` (called by .ci/run).
//
// 1. `npm pack` (its prepack script builds the production bundles) into a scratch folder,
//    then `npm install -g --prefix <scratch>/prefix <tarball>`: the tarball has no
//    dependencies (everything is bundled), so the install needs no registry (--offline).
// 2. The installed bins run by name from <prefix>/bin: `openai-model-lint --version`,
//    `check` on a sample project, `openai-model-lint-server --help` / `--version`, and an
//    LSP round trip over `openai-model-lint-server --stdio` (initialize → didOpen →
//    publishDiagnostics → shutdown → exit).
// 3. `npm install -g .` from the checkout (the README's way, a link) puts working bins on PATH.
//
// Leaves production bundles in server/out (as `npm run package` does); `npm run build`
// brings back the development ones. Every child process is bounded.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const scratch = mkdtempSync(join(tmpdir(), 'oaml-install-'));
const prefix = join(scratch, 'prefix');
const bin = join(prefix, 'bin');
// the bins start with `#!/usr/bin/env node`: the node running this suite comes first on PATH
const env = { ...process.env, PATH: [bin, dirname(process.execPath), process.env.PATH].join(delimiter), npm_config_update_notifier: 'false' };

function run(cmd, args, { cwd = root, timeout = 300_000, input } = {}) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout, input, maxBuffer: 1 << 26 });
  if (r.error) throw new Error(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function mustRun(cmd, args, opts) {
  const r = run(cmd, args, opts);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r;
}

const SAMPLE = 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="o1", temperature=0.5, max_tokens=100, messages=[{"role": "user", "content": "Hi"}])\n';

/** Content-Length framed JSON-RPC over a child's stdio: the least an LSP client needs. */
function lspSession(child) {
  let buffer = Buffer.alloc(0);
  const waiting = [];
  const received = [];
  child.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      buffer = buffer.subarray(headerEnd + 4 + length);
      received.push(message);
      // the server's own requests (registrations, refreshes) get an empty answer
      if (message.method && message.id !== undefined) send({ jsonrpc: '2.0', id: message.id, result: null });
      for (const w of [...waiting]) if (w.match(message)) waiting.splice(waiting.indexOf(w), 1) && w.resolve(message);
    }
  });
  const send = (message) => {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
  };
  const next = (what, match, timeoutMs = 30_000) =>
    new Promise((resolve, reject) => {
      const earlier = received.find(match);
      if (earlier) return resolve(earlier);
      const timer = setTimeout(() => reject(new Error(`no ${what} within ${timeoutMs} ms; received ${JSON.stringify(received).slice(0, 2000)}`)), timeoutMs);
      waiting.push({ match, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  let id = 0;
  const request = (method, params) => {
    const n = ++id;
    send({ jsonrpc: '2.0', id: n, method, params });
    return next(`answer to ${method}`, (m) => m.id === n && m.method === undefined);
  };
  const notify = (method, params) => send({ jsonrpc: '2.0', method, params });
  return { request, notify, next };
}

let tarball;

describe('npm pack + npm install -g --prefix <tmp> <tarball>', () => {
  before(() => {
    const packed = mustRun('npm', ['pack', '--pack-destination', scratch, '--json'], { timeout: 600_000 });
    const info = JSON.parse(packed.stdout)[0];
    tarball = { path: join(scratch, info.filename), files: info.files.map((f) => f.path).sort() };
    mustRun('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball.path]);
  });

  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('the tarball holds the two bins, grammars, tokenizer ranks, the settings schema and the docs; no sources, maps or tests', () => {
    assert.deepEqual(tarball.files, [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'package.json',
      'server/out/cli.js',
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
    ]);
    // everything is bundled: installing needs nothing from a registry
    assert.equal(pkg.dependencies, undefined);
  });

  it('both bins are installed executable and start with #!/usr/bin/env node', () => {
    for (const name of Object.keys(pkg.bin)) {
      const file = join(bin, name);
      assert.ok(statSync(file).mode & 0o111, `${file} is not executable`);
      assert.equal(readFileSync(file, 'utf8').split('\n')[0], '#!/usr/bin/env node');
    }
  });

  it('openai-model-lint --version and openai-model-lint-server --version print the package version', () => {
    assert.deepEqual(run('openai-model-lint', ['--version']), { status: 0, stdout: `${pkg.version}\n`, stderr: '' });
    assert.deepEqual(run('openai-model-lint-server', ['--version']), { status: 0, stdout: `${pkg.version}\n`, stderr: '' });
    const help = run('openai-model-lint-server', ['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^usage: openai-model-lint-server --stdio\n/);
  });

  it('openai-model-lint check on a sample project: two errors, exit 1', () => {
    const project = join(scratch, 'project');
    mustRun('mkdir', ['-p', project]);
    writeFileSync(join(project, 'app.py'), SAMPLE);
    const r = run('openai-model-lint', ['check', '--as-of', '2025-09-01'], { cwd: project });
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, [
      "app.py:4:44: error OAI201 'temperature' is not supported by o1 (reasoning models accept only the default 1); remove it",
      "  fix (safe): Remove 'temperature'",
      "app.py:4:61: error OAI202 'max_tokens' is not supported by o1; use 'max_completion_tokens'",
      "  fix (safe): Rename to 'max_completion_tokens'",
      '',
      '2 problems (2 errors, 0 warnings, 0 info, 0 hints) in 1 file; 2 fixable with --fix.',
      '',
    ].join('\n'));
    assert.equal(r.status, 1);
  });

  it('openai-model-lint-server --stdio: initialize → didOpen → publishDiagnostics → shutdown → exit 0', async () => {
    const child = spawn('openai-model-lint-server', ['--stdio'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    try {
      const lsp = lspSession(child);
      const init = await lsp.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      assert.equal(init.result.serverInfo.name, 'openai-model-lint');
      assert.equal(init.result.serverInfo.version, pkg.version);
      lsp.notify('initialized', {});
      lsp.notify('workspace/didChangeConfiguration', { settings: { openaiModelLint: { asOf: '2025-09-01' } } });
      const uri = pathToFileURL(join(scratch, 'lsp-app.py')).href;
      lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: SAMPLE } });
      const published = await lsp.next('publishDiagnostics', (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
      assert.deepEqual(
        published.params.diagnostics.map((d) => [d.code, d.severity, d.source, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]),
        [
          ['OAI201', 1, 'openai-model-lint', 3, 43, 3, 58],
          ['OAI202', 1, 'openai-model-lint', 3, 60, 3, 74],
        ],
      );
      await lsp.request('shutdown', null);
      lsp.notify('exit', null);
      assert.deepEqual(await exited, { code: 0, signal: null }, stderr);
    } finally {
      clearTimeout(killer);
      child.kill('SIGKILL');
    }
  });
});

describe('npm install -g . from the checkout (README: puts the bins on PATH)', () => {
  const linkPrefix = mkdtempSync(join(tmpdir(), 'oaml-link-'));
  after(() => rmSync(linkPrefix, { recursive: true, force: true }));

  it('links the checkout; both bins run by name', () => {
    mustRun('npm', ['install', '-g', '--prefix', linkPrefix, '--offline', '--no-audit', '--no-fund', '.']);
    const pathWithLink = [join(linkPrefix, 'bin'), dirname(process.execPath), process.env.PATH].join(delimiter);
    for (const name of Object.keys(pkg.bin)) {
      const r = spawnSync(name, ['--version'], { env: { ...process.env, PATH: pathWithLink }, encoding: 'utf8', timeout: 30_000 });
      assert.deepEqual([r.status, r.stdout, r.stderr], [0, `${pkg.version}\n`, ''], name);
    }
  });
});
