/** The server over node IPC, the transport the VS Code client uses (TransportKind.ipc → --node-ipc). */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import { bounded, SERVER_JS } from '../helpers/lsp-client';

it('initializes and publishes diagnostics over IPC', async () => {
  const proc = fork(SERVER_JS, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  const conn = createMessageConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc));
  const published = new Promise<{ uri: string; diagnostics: { code: string }[] }>((resolve) => conn.onNotification('textDocument/publishDiagnostics', resolve));
  conn.listen();
  try {
    const init = await bounded(conn.sendRequest<{ capabilities: { textDocumentSync: { change: number } }; serverInfo: { name: string } }>('initialize', { processId: process.pid, rootUri: null, capabilities: {} }), 10_000, 'initialize');
    assert.equal(init.serverInfo.name, 'openai-model-lint');
    assert.equal(init.capabilities.textDocumentSync.change, 2); // incremental
    await conn.sendNotification('initialized', {});
    // a client without workspace/configuration pushes its settings; the date is pinned (o1 shuts down on 2026-10-23)
    await conn.sendNotification('workspace/didChangeConfiguration', { settings: { openaiModelLint: { asOf: '2025-09-01' } } });
    await conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri: 'file:///virtual/ipc.py', languageId: 'python', version: 1, text: 'from openai import OpenAI\nOpenAI().chat.completions.create(model="o1", messages=[], top_p=0.5)\n' },
    });
    const p = await bounded(published, 10_000, 'publishDiagnostics');
    assert.deepEqual(p.diagnostics.map((d) => d.code), ['OAI201']);
    await bounded(conn.sendRequest('shutdown', null), 5000, 'shutdown');
    await conn.sendNotification('exit', null);
  } finally {
    conn.dispose();
    setTimeout(() => proc.kill('SIGKILL'), 1000).unref();
  }
});
