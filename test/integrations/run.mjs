#!/usr/bin/env node
// The CI integrations run for real on this machine. `npm run test:integrations` (in .ci/run).
//
// GitHub Action (action.yml): the action's checkout is a copy of this repository's files (as
// GitHub downloads an action: the sources, nothing built). Its composite steps are read from
// action.yml and their `run` scripts executed in order as the runner does (`bash --noprofile
// --norc -eo pipefail`, `${{ github.action_path }}`, `${{ inputs.* }}` and
// `${{ steps.<id>.outputs.* }}` substituted, $GITHUB_OUTPUT read back), against a sample
// repository. Only the `uses:` step (upload-sarif, which needs GitHub) is skipped; the SARIF
// file it would upload is asserted instead.
//
// pre-commit (.pre-commit-hooks.yaml): Debian's `pre-commit` (installed when missing, as
// root) runs the hook from a git repository holding this repository's files, in a scratch
// git project, with its own PRE_COMMIT_HOME. pre-commit installs the hook as it does for
// any node hook (`npm install`, `npm pack`, `npm install -g`); npm prefers its cache, which
// `npm ci` of this repository filled.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml');
const scratch = mkdtempSync(join(tmpdir(), 'oaml-integrations-'));
const AS_OF = '2025-09-01';
const GIT = ['-c', 'user.name=oaml test', '-c', 'user.email=oaml@example.invalid', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false'];

after(() => rmSync(scratch, { recursive: true, force: true }));

function sh(cmd, args, { cwd, env = process.env, timeout = 600_000 } = {}) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout, maxBuffer: 1 << 26 });
  if (r.error) throw new Error(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function mustSh(cmd, args, opts) {
  const r = sh(cmd, args, opts);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** This repository's files as a fresh checkout has them (tracked and new, nothing ignored or built). */
function copyRepository(dest) {
  const files = mustSh('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root }).stdout.split('\0').filter(Boolean);
  for (const f of files) {
    if (!existsSync(join(root, f))) continue; // deleted in the work tree, not yet committed
    mkdirSync(dirname(join(dest, f)), { recursive: true });
    cpSync(join(root, f), join(dest, f));
  }
  return dest;
}

function writeFiles(dir, files) {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
}

const O1_TEMPERATURE = 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="o1", temperature=0.5, messages=[{"role": "user", "content": "Hi"}])\n';
const UNKNOWN_MODEL = 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt4o", messages=[{"role": "user", "content": "Hi"}])\n';
const CLEAN = 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}])\n';

// ------------------------------------------------------------------ GitHub Action

const action = yaml.load(readFileSync(join(root, 'action.yml'), 'utf8'));

/** `${{ expr }}` for the three contexts the action uses; anything else is an error here. */
function substitute(text, ctx) {
  return String(text).replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr) => {
    let m;
    if (expr === 'github.action_path') return ctx.actionPath;
    if ((m = /^inputs\.([\w-]+)$/.exec(expr))) {
      if (!(m[1] in action.inputs)) throw new Error(`action.yml uses undeclared input ${m[1]}`);
      return ctx.inputs[m[1]] ?? action.inputs[m[1]].default ?? '';
    }
    if ((m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr))) return ctx.outputs[m[1]]?.[m[2]] ?? '';
    throw new Error(`expression not handled by this test: ${expr}`);
  });
}

function readOutputs(file) {
  const out = {};
  for (const line of existsSync(file) ? readFileSync(file, 'utf8').split('\n') : []) {
    const eq = line.indexOf('=');
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

/**
 * Runs the composite steps as the runner would; returns each step's record and the step
 * outputs. `skipBuild`: the action path is already built by an earlier run of this suite.
 */
function runAction(workspace, actionPath, inputs, { skipBuild = false } = {}) {
  const ctx = { actionPath, inputs, outputs: {} };
  const steps = [];
  for (const [i, step] of action.runs.steps.entries()) {
    if (step.uses) {
      steps.push({ name: step.name, skipped: 'uses' });
      continue;
    }
    if (skipBuild && i === 0) {
      steps.push({ name: step.name, skipped: 'built' });
      continue;
    }
    const outputFile = join(scratch, `github-output-${Date.now()}-${i}`);
    writeFileSync(outputFile, '');
    const script = join(scratch, `step-${i}.sh`);
    writeFileSync(script, substitute(step.run, ctx));
    const env = { ...process.env, GITHUB_OUTPUT: outputFile, GITHUB_WORKSPACE: workspace, GITHUB_ACTION_PATH: actionPath, npm_config_prefer_offline: 'true' };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = substitute(v, ctx);
    const cwd = step['working-directory'] ? substitute(step['working-directory'], ctx) : workspace;
    const r = sh('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env });
    if (step.id) ctx.outputs[step.id] = readOutputs(outputFile);
    steps.push({ name: step.name, status: r.status, stdout: r.stdout, stderr: r.stderr });
    if (r.status !== 0) break; // later steps without `if: always()` do not run
  }
  return { steps, outputs: ctx.outputs };
}

describe('GitHub Action (action.yml), its steps run here', () => {
  let actionPath;
  let workspace;
  let first;

  before(() => {
    actionPath = copyRepository(join(scratch, 'action'));
    workspace = join(scratch, 'workspace');
    writeFiles(workspace, {
      'app/chat.py': O1_TEMPERATURE,
      'app/clean.py': CLEAN,
      'lib/unknown.py': UNKNOWN_MODEL,
      'vendor/ignored.py': O1_TEMPERATURE,
      '.gitignore': 'vendor/\n',
    });
    mustSh('git', [...GIT, 'init', '-q'], { cwd: workspace });
    first = runAction(workspace, actionPath, { 'as-of': AS_OF });
  });

  it('is a composite action whose only `uses:` step uploads the SARIF file for code scanning', () => {
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(action.runs.steps.filter((s) => s.uses).map((s) => [s.uses, s.with.sarif_file]), [['github/codeql-action/upload-sarif@v3', '${{ steps.check.outputs.sarif-file }}']]);
    assert.deepEqual(Object.keys(action.inputs).sort(), ['as-of', 'config', 'fail-level', 'paths', 'sarif-file', 'upload']);
    for (const s of action.runs.steps.filter((x) => x.run)) assert.equal(s.shell, 'bash', s.name);
  });

  it('builds from its own sources, checks the workspace (respecting .gitignore), writes SARIF, fails on the error', () => {
    const [build, check, upload, fail] = first.steps;
    assert.equal(build.status, 0, build.stderr);
    assert.equal(upload.skipped, 'uses');
    assert.deepEqual(first.outputs.check, { 'sarif-file': 'openai-model-lint.sarif', 'exit-code': '1' });
    assert.equal(check.status, 0, check.stderr);
    assert.equal(check.stdout, [
      "app/chat.py:4:44: error OAI201 'temperature' is not supported by o1 (reasoning models accept only the default 1); remove it",
      "lib/unknown.py:4:38: warning OAI101 'gpt4o' is not a known model ID; did you mean one of 'gpt-4o', 'gpt-4.1', 'gpt-4'?",
      '2 problems (1 errors, 1 warnings, 0 notes)',
      '',
    ].join('\n'));
    const sarif = JSON.parse(readFileSync(join(workspace, 'openai-model-lint.sarif'), 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0].tool.driver.name, 'openai-model-lint');
    assert.deepEqual(sarif.runs[0].results.map((r) => [r.ruleId, r.level, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine]), [
      ['OAI201', 'error', 'app/chat.py', 4],
      ['OAI101', 'warning', 'lib/unknown.py', 4],
    ]);
    assert.equal(fail.status, 1);
  });

  it('paths limits the check; fail-level never reports without failing', () => {
    const r = runAction(workspace, actionPath, { 'as-of': AS_OF, paths: 'lib\napp/clean.py', 'fail-level': 'never', 'sarif-file': 'out.sarif' }, { skipBuild: true });
    assert.deepEqual(r.outputs.check, { 'sarif-file': 'out.sarif', 'exit-code': '0' });
    const sarif = JSON.parse(readFileSync(join(workspace, 'out.sarif'), 'utf8'));
    assert.deepEqual(sarif.runs[0].results.map((x) => [x.ruleId, x.locations[0].physicalLocation.artifactLocation.uri]), [['OAI101', 'lib/unknown.py']]);
    assert.equal(r.steps.at(-1).status, 0);
  });

  it('fail-level warning fails on a warning alone; error does not', () => {
    const warning = runAction(workspace, actionPath, { 'as-of': AS_OF, paths: 'lib', 'fail-level': 'warning' }, { skipBuild: true });
    assert.equal(warning.outputs.check['exit-code'], '1');
    assert.equal(warning.steps.at(-1).status, 1);
    const error = runAction(workspace, actionPath, { 'as-of': AS_OF, paths: 'lib' }, { skipBuild: true });
    assert.equal(error.outputs.check['exit-code'], '0');
    assert.equal(error.steps.at(-1).status, 0);
  });

  it('a bad input fails the job with its reason and no SARIF to upload', () => {
    const badDate = runAction(workspace, actionPath, { 'as-of': '2025-13-01', 'sarif-file': 'bad.sarif' }, { skipBuild: true });
    assert.deepEqual(badDate.outputs.check, { 'exit-code': '2' });
    assert.match(badDate.steps[1].stderr, /^openai-model-lint: option '--as-of': '2025-13-01' is not a calendar date\n/);
    assert.equal(existsSync(join(workspace, 'bad.sarif')), false);
    assert.equal(badDate.steps.at(-1).status, 2);
    const badLevel = runAction(workspace, actionPath, { 'fail-level': 'sometimes' }, { skipBuild: true });
    assert.deepEqual(badLevel.outputs.check, { 'exit-code': '2' });
    assert.equal(badLevel.steps[1].stdout, "::error::openai-model-lint: fail-level must be error, warning or never (got 'sometimes')\n");
  });
});

// ------------------------------------------------------------------ pre-commit

function ensurePreCommit() {
  if (sh('pre-commit', ['--version']).status === 0) return;
  if (process.getuid?.() !== 0) throw new Error('pre-commit is missing; install it as root: apt-get install -y pre-commit');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  mustSh('apt-get', ['update'], { env });
  mustSh('apt-get', ['install', '-y', '--no-install-recommends', 'pre-commit'], { env });
}

describe('pre-commit hook (.pre-commit-hooks.yaml), run by pre-commit', () => {
  let project;
  let env;
  const preCommit = (...args) => sh('pre-commit', args, { cwd: project, env });

  before(() => {
    ensurePreCommit();
    // the hook repository: a git repository of this repository's files, as pre-commit clones it
    const hookRepo = copyRepository(join(scratch, 'hook-repo'));
    mustSh('git', [...GIT, 'init', '-q'], { cwd: hookRepo });
    mustSh('git', [...GIT, 'add', '-A'], { cwd: hookRepo });
    mustSh('git', [...GIT, 'commit', '-q', '-m', 'hook'], { cwd: hookRepo });
    const rev = mustSh('git', ['rev-parse', 'HEAD'], { cwd: hookRepo }).stdout.trim();

    project = join(scratch, 'project');
    writeFiles(project, {
      'app.py': O1_TEMPERATURE,
      'clean.py': CLEAN,
      'README.md': 'client.chat.completions.create(model="o1", temperature=0.5)\n',
      '.pre-commit-config.yaml': yaml.dump({ repos: [{ repo: hookRepo, rev, hooks: [{ id: 'openai-model-lint', args: ['--as-of', AS_OF] }] }] }),
    });
    mustSh('git', [...GIT, 'init', '-q'], { cwd: project });
    mustSh('git', [...GIT, 'add', '-A'], { cwd: project });
    env = { ...process.env, PRE_COMMIT_HOME: join(scratch, 'pre-commit-home'), npm_config_prefer_offline: 'true', npm_config_update_notifier: 'false', NO_COLOR: '1' };
  });

  it('the hook file declares one node hook running `openai-model-lint check` on the checked extensions', () => {
    const hooks = yaml.load(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8'));
    assert.deepEqual(hooks.map((h) => [h.id, h.entry, h.language]), [['openai-model-lint', 'openai-model-lint check', 'node']]);
    const files = new RegExp(hooks[0].files);
    for (const f of ['a.py', 'a.js', 'a.mjs', 'a.cjs', 'a.jsx', 'a.ts', 'a.mts', 'a.cts', 'a.tsx', 'nb.ipynb']) assert.ok(files.test(f), f);
    for (const f of ['README.md', 'a.json', 'a.pyc']) assert.ok(!files.test(f), f);
  });

  it('pre-commit run on the staged files: the hook installs, fails with the finding in app.py', () => {
    const r = preCommit('run', '--color', 'never');
    const out = r.stdout + r.stderr;
    assert.equal(r.status, 1, out);
    assert.match(out, /^OpenAI Model Lint\.+Failed$/m);
    assert.match(out, /^- exit code: 1$/m);
    assert.match(out, /^app\.py:4:44: error OAI201 'temperature' is not supported by o1 \(reasoning models accept only the default 1\); remove it$/m);
    assert.match(out, /^1 problem \(1 error, 0 warnings, 0 info, 0 hints\) in 2 files; 1 fixable with --fix\.$/m);
    assert.doesNotMatch(out, /README\.md/);
  });

  it('pre-commit run --files clean.py passes; a file of no checked type is skipped', () => {
    const clean = preCommit('run', '--color', 'never', '--files', 'clean.py');
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    assert.match(clean.stdout, /^OpenAI Model Lint\.+Passed$/m);
    const other = preCommit('run', '--color', 'never', '--files', 'README.md');
    assert.equal(other.status, 0, other.stdout + other.stderr);
    assert.match(other.stdout, /^OpenAI Model Lint\.+\(no files to check\)Skipped$/m);
  });
});
