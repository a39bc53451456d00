/**
 * The client's crash-restart budget (client/src/restartBudget.ts) with a fake clock: 4
 * restarts within a sliding 3-minute window, the 5th crash in the window leaves the server
 * stopped, old crashes fall out of the window, and a user's restart starts a fresh budget.
 * The restart itself is checked in a real VS Code (test/editor/suite/recovery.spec.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isServerGone, RestartBudget } from '../../client/src/restartBudget';

function clock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1_000_000;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

test('the defaults are 4 restarts within 3 minutes', () => {
  const b = new RestartBudget();
  assert.equal(b.max, 4);
  assert.equal(b.windowMs, 180_000);
});

test('4 crashes in quick succession are restarted; the 5th is not, nor any later one in the window', () => {
  const c = clock();
  const b = new RestartBudget(4, 180_000, c.now);
  const verdicts = [];
  for (let i = 0; i < 6; i++) {
    verdicts.push(b.crashed());
    c.advance(1_000);
  }
  assert.deepEqual(verdicts, [
    { restart: true, crashes: 1 },
    { restart: true, crashes: 2 },
    { restart: true, crashes: 3 },
    { restart: true, crashes: 4 },
    { restart: false, crashes: 5 },
    { restart: false, crashes: 6 },
  ]);
});

test('crashes older than the window do not count (sliding window, boundary exclusive)', () => {
  const c = clock();
  const b = new RestartBudget(2, 60_000, c.now);
  assert.deepEqual(b.crashed(), { restart: true, crashes: 1 }); // t=0
  c.advance(30_000);
  assert.deepEqual(b.crashed(), { restart: true, crashes: 2 }); // t=30s
  c.advance(29_999);
  assert.deepEqual(b.crashed(), { restart: false, crashes: 3 }, 't=59.999s: all three in the window');
  c.advance(1);
  // t=60s: the crash at t=0 is exactly windowMs old and drops out; 30s, 59.999s and now remain
  assert.deepEqual(b.crashed(), { restart: false, crashes: 3 });
  c.advance(60_000);
  // t=120s: the crashes at 30s, 59.999s and 60s are all at least 60s old
  assert.deepEqual(b.crashed(), { restart: true, crashes: 1 });
});

test('a server that crashes every 2 minutes is restarted forever (never 5 in 3 minutes)', () => {
  const c = clock();
  const b = new RestartBudget(4, 180_000, c.now);
  for (let i = 0; i < 50; i++) {
    assert.equal(b.crashed().restart, true, `crash ${i + 1}`);
    c.advance(120_000);
  }
});

test('reset (the user ran Restart Server) starts a fresh budget', () => {
  const c = clock();
  const b = new RestartBudget(1, 180_000, c.now);
  assert.equal(b.crashed().restart, true);
  assert.equal(b.crashed().restart, false);
  b.reset();
  assert.deepEqual(b.crashed(), { restart: true, crashes: 1 });
});

test('writes to a server that has died are told apart from other connection errors', () => {
  const coded = (message: string, code: string) => Object.assign(new Error(message), { code });
  // a server killed right after it started: every queued write fails at once
  assert.equal(isServerGone(coded('write EPIPE', 'EPIPE')), true);
  assert.equal(isServerGone(new Error('write EPIPE')), true);
  assert.equal(isServerGone(coded('read ECONNRESET', 'ECONNRESET')), true);
  // the IPC transport's spelling
  assert.equal(isServerGone(coded('Channel closed', 'ERR_IPC_CHANNEL_CLOSED')), true);
  // anything else still counts towards shutting the server down
  assert.equal(isServerGone(new Error('Header must provide a Content-Length property.')), false);
  assert.equal(isServerGone(coded('Unexpected token } in JSON at position 12', 'ERR_INVALID_ARG')), false);
});
