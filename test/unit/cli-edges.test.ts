/**
 * The bins at the edges of their use: a reader that closes the pipe early (`| head`), the
 * server's --help / --version / missing transport, and usage errors: a one-line reason and
 * the usage, never a stack trace.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { pipeWriter } from '../../server/src/cli/processIo';
import { SERVER_USAGE, serverCommandLine } from '../../server/src/serverArgs';
import { repoRoot } from '../helpers/repoRoot';

const ROOT = repoRoot();
const CLI = join(ROOT, 'server', 'out', 'cli.js');
const SERVER = join(ROOT, 'server', 'out', 'server.js');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const STACK_LINE = /^\s+at /m;

/** `<command> | head -n 1` under bash's pipefail: the status is the command's unless it is 0. */
function throughHead(command: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('bash', ['-c', `set -o pipefail; ${command} | head -n 1`], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('a closed pipe ends the CLI quietly with its usual status', () => {
  test('models --format json | head: exit 0, the first line, nothing on stderr', () => {
    // more than a pipe buffer (64 KiB) of output, so the writer meets the closed pipe
    const full = spawnSync(process.execPath, [CLI, 'models', '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.ok(full.stdout.length > 1 << 16, `${full.stdout.length} bytes`);
    const r = throughHead(`'${process.execPath}' '${CLI}' models --format json`);
    assert.deepEqual(r, { status: 0, stdout: '[\n', stderr: '' });
  });

  test('check --format sarif examples | head: exit 1 (error findings), nothing on stderr', () => {
    const full = spawnSync(process.execPath, [CLI, 'check', '--format', 'sarif', 'examples', '--as-of', '2025-09-01'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.equal(full.status, 1);
    assert.ok(full.stdout.length > 1 << 16, `${full.stdout.length} bytes`);
    const r = throughHead(`'${process.execPath}' '${CLI}' check --format sarif examples --as-of 2025-09-01`);
    assert.deepEqual(r, { status: 1, stdout: '{\n', stderr: '' });
  });

  test('pipeWriter: EPIPE closes the writer silently; another error is reported once; later writes are dropped', () => {
    const fake = new (class extends EventEmitter {
      written: string[] = [];
      write(s: string): boolean {
        this.written.push(s);
        return true;
      }
    })();
    const failures: string[] = [];
    const write = pipeWriter(fake, (e) => failures.push(String(e.code)));
    write('a');
    fake.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    fake.emit('error', Object.assign(new Error('destroyed'), { code: 'ERR_STREAM_DESTROYED' }));
    write('b');
    assert.deepEqual([fake.written, failures], [['a'], []]);

    const other = new (class extends EventEmitter {
      write(): boolean {
        return true;
      }
    })();
    const w2 = pipeWriter(other, (e) => failures.push(String(e.code)));
    other.emit('error', Object.assign(new Error('no space'), { code: 'ENOSPC' }));
    other.emit('error', Object.assign(new Error('no space'), { code: 'ENOSPC' }));
    w2('x');
    assert.deepEqual(failures, ['ENOSPC']);
  });
});

describe('openai-model-lint-server command line', () => {
  const server = (...args: string[]) => {
    const r = spawnSync(process.execPath, [SERVER, ...args], { encoding: 'utf8', timeout: 20_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  test('--help prints the usage on stdout, exit 0', () => {
    assert.deepEqual(server('--help'), { status: 0, stdout: `${SERVER_USAGE}\n`, stderr: '' });
  });

  test("--version prints package.json's version, exit 0", () => {
    assert.deepEqual(server('--version'), { status: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  test('no arguments, or no transport among them: the reason and the usage on stderr, exit 2', () => {
    assert.deepEqual(server(), { status: 2, stdout: '', stderr: `openai-model-lint-server: no transport given; start it with --stdio\n${SERVER_USAGE}\n` });
    const r = server('--verbose', 'x');
    assert.equal(r.stderr.split('\n')[0], 'openai-model-lint-server: no transport among the arguments (--verbose x); start it with --stdio');
    assert.equal(r.status, 2);
    assert.doesNotMatch(r.stderr, /Connection input stream/);
  });

  test('the transports vscode-languageserver reads start the server (pure decision)', () => {
    for (const args of [['--stdio'], ['--node-ipc', '--clientProcessId=42'], ['--socket=5007'], ['--socket', '5007'], ['--pipe=/tmp/x.sock'], ['--pipe', 'name']]) {
      assert.equal(serverCommandLine(args, '1.2.3'), null, args.join(' '));
    }
    assert.deepEqual(serverCommandLine(['--stdio', '--version'], '1.2.3'), { status: 0, stdout: '1.2.3\n' });
    assert.equal(serverCommandLine(['--socket'], '1.2.3')?.status, 2);
  });
});

describe('usage errors: one reason, the usage, exit 2, no stack trace', () => {
  const cases: [string[], RegExp][] = [
    [[], /^usage: openai-model-lint <command>/],
    [['lint'], /^openai-model-lint: unknown command 'lint'\n/],
    [['check', '--format', 'xml'], /^openai-model-lint: option '--format' must be one of text, json, sarif \(got 'xml'\)\n/],
    [['check', '--as-of', '2025-02-30'], /^openai-model-lint: option '--as-of': '2025-02-30' is not a calendar date\n/],
    [['check', '--max-warnings'], /^openai-model-lint: option '--max-warnings' needs a value\n/],
    [['check', '-x'], /^openai-model-lint: unknown option '-x'\n/],
    [['check', 'no/such/dir'], /^openai-model-lint: no\/such\/dir: no such file or directory\nopenai-model-lint: 1 path could not be checked or fixed \(see above\)\n$/],
    [['check', '--config', 'no-such.json', 'examples'], /^openai-model-lint: no-such\.json: cannot read .*no-such\.json: ENOENT/],
    [['models', 'extra'], /^openai-model-lint: unexpected argument 'extra'\n/],
    [['explain'], /^openai-model-lint: missing MODEL_ID\n/],
    [['explain', 'a', 'b'], /^openai-model-lint: expected one MODEL_ID, got 2\n/],
  ];
  for (const [args, first] of cases) {
    test(`openai-model-lint ${args.join(' ') || '(no arguments)'}`, () => {
      const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, first);
      assert.doesNotMatch(r.stderr, STACK_LINE);
      assert.doesNotMatch(r.stderr, /Error:/);
    });
  }
});
