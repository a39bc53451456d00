/**
 * Crash recovery in a real VS Code: the language server process is killed (SIGKILL, as the
 * OOM killer or a native crash would) and the client restarts it; the diagnostics come back
 * from the new process and follow edits. A server that keeps dying is left stopped after
 * the restart budget (4 restarts within 3 minutes, client/src/restartBudget.ts) and the
 * "Restart Server" command brings it back. The server's pid comes from the extension's API
 * (activate() returns `serverPid()`, the LanguageClient's child process).
 */
import * as assert from 'node:assert/strict';
import { afterEach, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../client/src/extension';
import { codeOf, extensionApi, hasCodes, openFixture, ours, poll, rangeOf, revert, sleep, waitForDiagnostics } from './util';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Kills the running server; resolves with the pid of the server that replaced it. */
async function killAndAwaitRestart(api: ExtensionApi, what: string): Promise<{ killed: number; next: number }> {
  const killed = await poll('a running server', () => api.serverPid());
  process.kill(killed, 'SIGKILL');
  await poll(`server ${killed} to be gone`, () => (alive(killed) ? undefined : true), 10_000);
  const next = await poll(`a new server after ${what}`, () => {
    const p = api.serverPid();
    return p !== undefined && p !== killed ? p : undefined;
  });
  assert.ok(alive(next), `new server ${next} is not alive`);
  return { killed, next };
}

describe('crash recovery', () => {
  let api: ExtensionApi;
  before(async () => {
    api = await extensionApi();
    assert.equal(typeof api.serverPid, 'function', 'activate() returns the extension API');
  });
  // the give-up notification must not cover the workbench for the UI checks that follow
  afterEach(async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('a killed server is restarted, and diagnostics come back from the new process and follow edits', async () => {
    const editor = await openFixture('app.py');
    const doc = editor.document;
    await waitForDiagnostics(doc.uri, 'OAI201 and OAI202 before the kill', hasCodes('OAI201', 'OAI202'));

    // Every change of our diagnostics for app.py from the kill on, as the workbench sees them.
    const seen: string[] = [];
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === doc.uri.toString())) seen.push(ours(doc.uri).map(codeOf).sort().join(','));
    });
    try {
      const { killed, next } = await killAndAwaitRestart(api, 'the kill');
      assert.notEqual(next, killed);
      // The client drops the dead server's diagnostics (a change to none), then the new
      // process publishes them again (a later change to OAI201 and OAI202). Change events
      // can trail the collection, so wait for the events themselves.
      await poll('diagnostics cleared, then OAI201 and OAI202 again', () => {
        const cleared = seen.indexOf('');
        return cleared !== -1 && seen.slice(cleared).includes('OAI201,OAI202') ? true : undefined;
      }).catch((err: Error) => {
        throw new Error(`${err.message}; changes seen: ${JSON.stringify(seen)}`);
      });
      assert.deepEqual(ours(doc.uri).map(codeOf).sort(), ['OAI201', 'OAI202']);
    } finally {
      sub.dispose();
    }
    assert.equal(api.gaveUp(), false);

    // The new server follows edits: fixing max_tokens clears OAI202, a revert brings it back.
    try {
      assert.ok(await editor.edit((b) => b.replace(rangeOf(doc, 'max_tokens'), 'max_completion_tokens')));
      await waitForDiagnostics(doc.uri, 'OAI202 to go after the edit', (ds) => hasCodes('OAI201')(ds) && !hasCodes('OAI202')(ds));
    } finally {
      await revert(editor);
    }
    await waitForDiagnostics(doc.uri, 'OAI202 back after revert', hasCodes('OAI201', 'OAI202'));
  });

  it('a server that keeps dying is left stopped after 4 restarts in 3 minutes; Restart Server brings it back', async () => {
    const { document: doc } = await openFixture('app.py');
    // a fresh budget, as after a user's restart (the previous test spent one restart)
    const before = await poll('a running server', () => api.serverPid());
    await vscode.commands.executeCommand('openaiModelLint.restartServer');
    await poll('the server restarted by the command', () => {
      const p = api.serverPid();
      return p !== undefined && p !== before ? p : undefined;
    });

    for (let i = 1; i <= 4; i++) await killAndAwaitRestart(api, `crash ${i} of 4`);
    const last = await poll('a running server', () => api.serverPid());
    process.kill(last, 'SIGKILL');
    await poll('the client to give up after the 5th crash', () => (api.gaveUp() ? true : undefined));
    // stopped for good: no new process, and no stale diagnostics from the dead one
    await waitForDiagnostics(doc.uri, 'the dead server\'s diagnostics to be cleared', (ds) => ds.length === 0);
    await sleep(3_000);
    assert.equal(api.serverPid(), undefined, 'a server was started after the budget was spent');
    assert.equal(api.gaveUp(), true);

    await vscode.commands.executeCommand('openaiModelLint.restartServer');
    const revived = await poll('the server started by Restart Server', () => api.serverPid());
    assert.notEqual(revived, last);
    assert.equal(api.gaveUp(), false);
    await waitForDiagnostics(doc.uri, 'OAI201 and OAI202 after Restart Server', hasCodes('OAI201', 'OAI202'));
  });
});
