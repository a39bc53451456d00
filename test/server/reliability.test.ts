/**
 * Two of the README's reliability promises, checked on the real bin and server: no process
 * is started and no network connection is opened. Both run with a preload
 * (test/fixtures/guard/no-spawn-no-net.cjs) that refuses child_process, socket connects and
 * UDP sockets and prints a GUARD line for each attempt; the CLI checks and fixes a copy of
 * examples/, the server serves a session over them (diagnostics, hovers, completion, code
 * actions, hints, call info, a project file and a .gitignore read).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { LspClient } from '../helpers/lsp-client';
import { repoRoot } from '../helpers/repoRoot';
import { scratchDir } from '../helpers/scratch';

const ROOT = repoRoot();
const GUARD = join(ROOT, 'test', 'fixtures', 'guard', 'no-spawn-no-net.cjs');
const CLI = join(ROOT, 'server', 'out', 'cli.js');

describe('no process started, no connection opened', () => {
  it('the guard itself catches a spawn and a connect (the control)', () => {
    const r = spawnSync(process.execPath, ['-r', GUARD, '-e', "try { require('child_process').spawnSync('true') } catch {} try { require('net').connect(9, '127.0.0.1') } catch {}"], { encoding: 'utf8' });
    assert.match(r.stderr, /^GUARD: child_process\.spawnSync "true"\nGUARD: net connect .+\n$/);
  });

  it('check --fix over a copy of examples/ (with a .gitignore and the project file)', () => {
    const dir = scratchDir('oml-guard-');
    cpSync(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
    writeFileSync(join(dir, 'examples', '.gitignore'), 'build/\n*.tmp.py\n');
    const r = spawnSync(process.execPath, ['-r', GUARD, CLI, 'check', 'examples', '--fix', '--format', 'json', '--as-of', '2025-09-01'], { cwd: dir, encoding: 'utf8' });
    assert.doesNotMatch(r.stderr, /GUARD/);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /^openai-model-lint: applied \d+ fixes in \d+ files\n$/);
    assert.ok((JSON.parse(r.stdout) as unknown[]).length > 10);
  });

  it('a language server session over examples/', async () => {
    const c = await LspClient.start({ config: { asOf: '2025-09-01' }, rootUri: pathToFileURL(join(ROOT, 'examples')).href, nodeArgs: ['-r', GUARD], pullDiagnostics: true });
    try {
      const files = [...readdirSync(join(ROOT, 'examples', 'python')).filter((f) => f.endsWith('.py')).map((f) => join('python', f)), ...readdirSync(join(ROOT, 'examples', 'ts', 'src')).map((f) => join('ts', 'src', f))];
      for (const rel of files) {
        const path = join(ROOT, 'examples', rel);
        const uri = pathToFileURL(path).href;
        c.open(uri, rel.endsWith('.py') ? 'python' : 'typescript', readFileSync(path, 'utf8'));
        const diagnostics = await c.pulled(uri);
        const text = c.text(uri);
        const position = text.includes('model') ? c.positionOf(uri, 'model', 8) : { line: 0, character: 0 };
        const whole = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
        await Promise.all([
          c.request('textDocument/hover', { textDocument: { uri }, position }),
          c.request('textDocument/completion', { textDocument: { uri }, position }),
          c.request('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics } }),
          c.request('textDocument/inlayHint', { textDocument: { uri }, range: whole }),
          c.request('openaiModelLint/callInfo', { textDocument: { uri }, position }),
        ]);
      }
      assert.equal(c.logs.filter((l) => l.includes('GUARD')).join(''), '');
      assert.equal(c.proc.exitCode, null);
    } finally {
      await c.stop();
    }
  });
});
