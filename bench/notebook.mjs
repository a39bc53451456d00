// Notebook benchmark over stdio, as VS Code talks to the server with LSP notebook sync (issue
// 12: a notebook is one program, re-checked on every keystroke without re-parsing every cell):
//   for notebooks of 50 cells (~1,000 lines) and 250 cells (~5,000 lines), a call every few
//   cells through the client and the MODEL constant of the first code cell,
//   1. a one-character edit in a middle cell's comment → the last cell's pulled diagnostics;
//   2. the MODEL constant of the first cell flipped (`gpt4o` ↔ `gpt-4o`) → the last cell's
//      pulled diagnostics (which change with it: the whole module is re-checked);
//   3. the same edit as 1 in a cell left unparsable meanwhile (an unclosed bracket: the cell
//      is checked alone and the module parsed again without it);
//   4. for comparison, the same edit in one .py document of the same text, unclosed bracket
//      included (tree-sitter's error recovery over the rest of the text is most of 3 and 4).
// p50 / p95 over 40 edits each. Needs a build (`npm run build`). Usage: node bench/notebook.mjs
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = join(root, 'server/out/server.js');

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
const ms = (x) => `${x.toFixed(1)} ms`;

/** Code cells of about 20 lines: the first sets up client and MODEL, every fifth calls, the rest is filler. */
function cellTexts(count) {
  const cells = ['import openai\nfrom openai import OpenAI\n\nclient = OpenAI()\nMODEL = "gpt4o"\n'];
  for (let i = 1; i < count; i++) {
    const lines = [`# cell ${i}: a comment to type in`];
    if (i % 5 === 0 || i === count - 1) lines.push(`r${i} = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": "question ${i}"}], temperature=0.2)`);
    for (let k = 0; lines.length < 20; k++) lines.push(`def helper_${i}_${k}(x):`, `    return x * ${k} + len(str(x))`);
    cells.push(lines.join('\n'));
  }
  return cells;
}

async function run(count) {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  conn.onRequest(() => null);
  conn.onNotification(() => undefined);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { notebookDocument: { synchronization: {} }, textDocument: { diagnostic: {} }, workspace: { configuration: false } },
  });
  await conn.sendNotification('initialized', {});
  const nb = `file:///bench/nb${count}.ipynb`;
  const texts = cellTexts(count);
  const uris = texts.map((_, i) => `vscode-notebook-cell:/bench/nb${count}.ipynb#C${i}`);
  const versions = uris.map(() => 1);
  let nbVersion = 1;
  await conn.sendNotification('notebookDocument/didOpen', {
    notebookDocument: { uri: nb, notebookType: 'jupyter-notebook', version: 1, cells: uris.map((document) => ({ kind: 2, document })) },
    cellTextDocuments: uris.map((uri, i) => ({ uri, languageId: 'python', version: 1, text: texts[i] })),
  });
  const last = uris[uris.length - 1];
  const pull = () => conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: last } });
  const edit = (i, change) => {
    versions[i]++;
    return conn.sendNotification('notebookDocument/didChange', {
      notebookDocument: { uri: nb, version: ++nbVersion },
      change: { cells: { textContent: [{ document: { uri: uris[i], version: versions[i] }, changes: [change] }] } },
    });
  };
  const first = await pull();
  const lines = texts.join('\n').split('\n').length;
  console.log(`${count} cells, ${lines} lines; last cell: ${first.items.map((d) => d.code).join(', ')}`);

  const mid = Math.floor(count / 2);
  const comment = texts[mid].indexOf('\n');
  const typing = async (label) => {
    const times = [];
    for (let k = 0; k < 40; k++) {
      const at = { line: 0, character: comment };
      const change = k % 2 === 0 ? { range: { start: at, end: at }, text: 'x' } : { range: { start: at, end: { line: 0, character: comment + 1 } }, text: '' };
      const t = performance.now();
      void edit(mid, change);
      await pull();
      times.push(performance.now() - t);
    }
    console.log(`  ${label}: p50 ${ms(pct(times, 50))}, p95 ${ms(pct(times, 95))}`);
  };
  await typing('one-character edit in a middle cell → last cell diagnostics');

  const model = texts[0].indexOf('gpt4o');
  const flips = [];
  for (let k = 0; k < 40; k++) {
    const to = k % 2 === 0 ? 'gpt-4o' : 'gpt4o';
    const from = k % 2 === 0 ? 'gpt4o' : 'gpt-4o';
    const line = texts[0].slice(0, model).split('\n').length - 1;
    const character = model - texts[0].lastIndexOf('\n', model - 1) - 1;
    const t = performance.now();
    void edit(0, { range: { start: { line, character }, end: { line, character: character + from.length } }, text: to });
    const d = await pull();
    flips.push(performance.now() - t);
    const expected = to === 'gpt4o' ? 1 : 0;
    if (d.items.filter((x) => x.code === 'OAI101').length !== expected) throw new Error(`flip ${k}: last cell has ${JSON.stringify(d.items.map((x) => x.code))}`);
  }
  console.log(`  MODEL flipped in the first cell → last cell diagnostics (they change): p50 ${ms(pct(flips, 50))}, p95 ${ms(pct(flips, 95))}`);

  // leave a cell before the middle unparsable, then type in the middle one again
  const broken = Math.floor(count / 4);
  void edit(broken, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x = dict(\n' });
  await pull();
  await typing('the same edit with an unparsable cell before it (checked alone)');

  // 4. the notebook's text as one Python file, with the same unclosed bracket
  const uri = `file:///bench/nb${count}.py`;
  const withBracket = texts.map((t, i) => (i === broken ? `x = dict(\n${t}` : t));
  const flat = withBracket.join('\n\n');
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: flat } });
  await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  const line = flat.split('\n').findIndex((l) => l.startsWith(`# cell ${mid}:`));
  const plain = [];
  for (let k = 0; k < 40; k++) {
    const at = { line, character: comment };
    const change = k % 2 === 0 ? { range: { start: at, end: at }, text: 'x' } : { range: { start: at, end: { line, character: comment + 1 } }, text: '' };
    const t = performance.now();
    void conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: k + 2 }, contentChanges: [change] });
    await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    plain.push(performance.now() - t);
  }
  console.log(`  the same edit in one .py file of that text, unclosed bracket included: p50 ${ms(pct(plain, 50))}, p95 ${ms(pct(plain, 95))}`);

  await conn.sendRequest('shutdown', null).catch(() => undefined);
  await conn.sendNotification('exit', null).catch(() => undefined);
  setTimeout(() => proc.kill(), 500).unref();
  conn.dispose();
}

console.log(`load average at start: ${loadavg().map((x) => x.toFixed(1)).join(' ')} (${cpus().length} CPUs)`);
for (const count of [50, 250]) await run(count);
