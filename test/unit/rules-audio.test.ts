/**
 * OAI303 on audio uploads: which `file` arguments name a local path (extraction), and the
 * rule over real files — a sparse file over whisper-1's 25 MB, one under, a missing one —
 * in Python and TypeScript, through the engine and through the CLI.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { Settings } from '../../server/src/config/schema';
import type { SettingsInput } from '../../server/src/config/schema';
import { analyzeText, createContext } from '../../server/src/engine';
import { documentLocation, workspaceFolderPaths } from '../../server/src/features/analysis';
import { cachedFileSize, isNetworkPath, statFileSize } from '../../server/src/fileSize';
import type { DocumentLocation, FileSizeLookup } from '../../server/src/fileSize';
import { at, calls } from '../helpers/extract';
import { LspClient } from '../helpers/lsp-client';

const PY_HEAD = 'from openai import OpenAI\nfrom pathlib import Path\n\nclient = OpenAI()\n';
const TS_HEAD = "import fs from 'node:fs';\nimport OpenAI, { toFile } from 'openai';\n\nconst client = new OpenAI();\n";

/** [code, the text the file path's span covers, its value] — or null when no path is known. */
const EXTRACTION: { name: string; lang: 'python' | 'typescript' | 'javascript'; code: string; path: [covers: string, value: string] | null }[] = [
  { name: 'open() literal', lang: 'python', code: `${PY_HEAD}client.audio.transcriptions.create(model="whisper-1", file=open("clips/a.mp3", "rb"))\n`, path: ['"clips/a.mp3"', 'clips/a.mp3'] },
  { name: 'Path() literal', lang: 'python', code: `${PY_HEAD}client.audio.translations.create(model="whisper-1", file=Path("clips/a.mp3"))\n`, path: ['"clips/a.mp3"', 'clips/a.mp3'] },
  { name: 'open(PATH) with a module constant', lang: 'python', code: `${PY_HEAD}PATH = "clips/a.mp3"\ndef go():\n    return client.audio.transcriptions.create(model="whisper-1", file=open(PATH, "rb"))\n`, path: ['PATH', 'clips/a.mp3'] },
  { name: 'with open() as f', lang: 'python', code: `${PY_HEAD}with open("clips/a.mp3", "rb") as f:\n    client.audio.transcriptions.create(model="whisper-1", file=f)\n`, path: ['"clips/a.mp3"', 'clips/a.mp3'] },
  { name: 'name bound to open()', lang: 'python', code: `${PY_HEAD}audio = open(file="clips/a.mp3", mode="rb")\nclient.audio.transcriptions.create(model="whisper-1", file=audio)\n`, path: ['"clips/a.mp3"', 'clips/a.mp3'] },
  { name: 'Path().read_bytes()', lang: 'python', code: `${PY_HEAD}client.audio.transcriptions.create(model="whisper-1", file=Path("clips/a.mp3").read_bytes())\n`, path: ['"clips/a.mp3"', 'clips/a.mp3'] },
  { name: '(filename, file) tuple', lang: 'python', code: `${PY_HEAD}client.audio.transcriptions.create(model="whisper-1", file=("a.mp3", open("clips/a.mp3", "rb"), "audio/mpeg"))\n`, path: ['"clips/a.mp3"', 'clips/a.mp3'] },
  { name: 'open(Path()) through a name', lang: 'python', code: `${PY_HEAD}p = Path("clips/a.mp3")\nclient.audio.transcriptions.create(model="whisper-1", file=open(p, "rb"))\n`, path: ['"clips/a.mp3"', 'clips/a.mp3'] },
  { name: 'open() of a computed path', lang: 'python', code: `${PY_HEAD}import os\nclient.audio.transcriptions.create(model="whisper-1", file=open(os.path.join("clips", "a.mp3"), "rb"))\n`, path: null },
  { name: 'open() of a parameter', lang: 'python', code: `${PY_HEAD}def go(path):\n    return client.audio.transcriptions.create(model="whisper-1", file=open(path, "rb"))\n`, path: null },
  { name: 'f-string path', lang: 'python', code: `${PY_HEAD}name = input()\nclient.audio.transcriptions.create(model="whisper-1", file=open(f"clips/{name}.mp3", "rb"))\n`, path: null },
  { name: 'a file on another endpoint', lang: 'python', code: `${PY_HEAD}client.images.edit(model="dall-e-2", image=open("a.png", "rb"), prompt="x")\n`, path: null },
  { name: 'fs.createReadStream literal', lang: 'typescript', code: `${TS_HEAD}await client.audio.transcriptions.create({ model: 'whisper-1', file: fs.createReadStream('clips/a.mp3') });\n`, path: ["'clips/a.mp3'", 'clips/a.mp3'] },
  {
    name: "createReadStream imported from 'fs'",
    lang: 'javascript',
    code: "import { createReadStream } from 'fs';\nimport OpenAI from 'openai';\nconst client = new OpenAI();\nconst file = createReadStream(\"clips/a.mp3\");\nawait client.audio.translations.create({ model: 'whisper-1', file });\n",
    path: ['"clips/a.mp3"', 'clips/a.mp3'],
  },
  { name: 'await toFile(createReadStream(...))', lang: 'typescript', code: `${TS_HEAD}const CLIP = 'clips/a.mp3';\nawait client.audio.transcriptions.create({ model: 'whisper-1', file: await toFile(fs.createReadStream(CLIP), 'a.mp3') });\n`, path: ['CLIP', 'clips/a.mp3'] },
  { name: 'toFile of a buffer', lang: 'typescript', code: `${TS_HEAD}declare const buf: Buffer;\nawait client.audio.transcriptions.create({ model: 'whisper-1', file: await toFile(buf, 'a.mp3') });\n`, path: null },
  {
    name: 'createReadStream without an fs import',
    lang: 'typescript',
    code: "import OpenAI from 'openai';\nimport { createReadStream } from './mine';\nconst client = new OpenAI();\nawait client.audio.transcriptions.create({ model: 'whisper-1', file: createReadStream('clips/a.mp3') });\n",
    path: null,
  },
  { name: 'template with a substitution', lang: 'typescript', code: `${TS_HEAD}declare const n: string;\nawait client.audio.transcriptions.create({ model: 'whisper-1', file: fs.createReadStream(\`clips/\${n}.mp3\`) });\n`, path: null },
];

for (const c of EXTRACTION) {
  test(`audio file path (${c.lang}): ${c.name}`, async () => {
    const found = await calls(c.code, c.lang);
    assert.equal(found.length, 1);
    const fp = found[0]!.filePath;
    if (c.path === null) assert.equal(fp, undefined);
    else {
      assert.ok(fp, 'a file path');
      assert.equal(at(c.code, fp.span), c.path[0]);
      assert.equal(fp.value, c.path[1]);
    }
  });
}

// ---- the rule over real files ---------------------------------------------------------

const MIB = 1024 * 1024;
const tmp = mkdtempSync(join(tmpdir(), 'oml-audio-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** A sparse file: its size costs no disk. */
function sized(rel: string, bytes: number): string {
  const abs = join(tmp, rel);
  mkdirSync(join(abs, '..'), { recursive: true });
  writeFileSync(abs, '');
  truncateSync(abs, bytes);
  return abs;
}

const LONG = 32_715_571; // 31.2 MB
const longAbs = sized('proj/clips/long.mp3', LONG);
sized('proj/clips/short.mp3', 3 * MIB);
sized('proj/clips/limit.mp3', 25 * MIB);
sized('proj/clips/edge.mp3', 25 * MIB + 1);
sized('proj/data/root.mp3', 40 * MIB);
mkdirSync(join(tmp, 'proj/clips/dir.mp3'), { recursive: true });

const PROJECT = join(tmp, 'proj');
/** the analysed file is proj/app.py (or .ts); the project root is proj/ too unless a case says */
const DOC: DocumentLocation = { path: join(PROJECT, 'app.py'), roots: [] };
const LONG_MESSAGE = 'clips/long.mp3 is 31.2 MB; whisper-1 accepts files up to 25 MB: split or compress the audio';

interface AudioCase {
  name: string;
  lang: 'python' | 'typescript';
  code: string;
  doc?: DocumentLocation | null;
  fileSize?: FileSizeLookup | null;
  settings?: SettingsInput;
}

async function oai303(c: AudioCase) {
  const fileSize = c.fileSize === null ? undefined : (c.fileSize ?? statFileSize);
  const { ctx } = createContext(Settings.parse(c.settings ?? {}), { asOf: '2025-01-15', tokens: 'sync', ...(fileSize ? { fileSize } : {}) });
  const doc = c.doc === null ? undefined : (c.doc ?? DOC);
  const { calls: found, findings } = await analyzeText(c.code, c.lang, ctx, doc);
  assert.equal(found.length, 1, 'the call is extracted');
  return findings.filter((f) => f.code === 'OAI303');
}

const py = (file: string, model = '"whisper-1"') => `${PY_HEAD}client.audio.transcriptions.create(model=${model}, file=${file})\n`;
const ts = (file: string) => `${TS_HEAD}await client.audio.transcriptions.create({ model: 'whisper-1', file: ${file} });\n`;

/** `covers`: the text the finding covers, its first occurrence after `from` (default: the start) */
const INVALID: (AudioCase & { covers: string; from?: string; message: string })[] = [
  { name: 'open() of a file over 25 MB', lang: 'python', code: py('open("clips/long.mp3", "rb")'), covers: '"clips/long.mp3"', message: LONG_MESSAGE },
  { name: 'Path() on translations', lang: 'python', code: `${PY_HEAD}client.audio.translations.create(model="whisper-1", file=Path("clips/long.mp3"))\n`, covers: '"clips/long.mp3"', message: LONG_MESSAGE },
  { name: 'with open() as f', lang: 'python', code: `${PY_HEAD}with open("clips/long.mp3", "rb") as f:\n    client.audio.transcriptions.create(model="whisper-1", file=f)\n`, covers: '"clips/long.mp3"', message: LONG_MESSAGE },
  { name: 'open(PATH) with a constant', lang: 'python', code: `${PY_HEAD}PATH = "clips/long.mp3"\nclient.audio.transcriptions.create(model="whisper-1", file=open(PATH, "rb"))\n`, covers: 'PATH', from: 'open(', message: LONG_MESSAGE },
  { name: 'fs.createReadStream()', lang: 'typescript', code: ts("fs.createReadStream('clips/long.mp3')"), covers: "'clips/long.mp3'", message: LONG_MESSAGE },
  { name: 'await toFile(createReadStream(CLIP))', lang: 'typescript', code: `${TS_HEAD}const CLIP = 'clips/long.mp3';\nawait client.audio.translations.create({ model: 'whisper-1', file: await toFile(fs.createReadStream(CLIP), 'long.mp3') });\n`, covers: 'CLIP', from: 'createReadStream(', message: LONG_MESSAGE },
  { name: 'an absolute path', lang: 'python', code: py(`open(${JSON.stringify(longAbs)}, "rb")`), covers: JSON.stringify(longAbs), message: `${longAbs} is 31.2 MB; whisper-1 accepts files up to 25 MB: split or compress the audio` },
  {
    name: 'relative to the project root when not next to the file',
    lang: 'python',
    code: py('open("data/root.mp3", "rb")'),
    doc: { path: join(PROJECT, 'src', 'jobs', 'stt.py'), roots: [PROJECT] },
    covers: '"data/root.mp3"',
    message: 'data/root.mp3 is 40 MB; whisper-1 accepts files up to 25 MB: split or compress the audio',
  },
  { name: 'one byte over: said in bytes', lang: 'python', code: py('open("clips/edge.mp3", "rb")'), covers: '"clips/edge.mp3"', message: 'clips/edge.mp3 is 26,214,401 bytes; whisper-1 accepts files up to 25 MB (26,214,400 bytes): split or compress the audio' },
  {
    name: 'Azure deployment mapped to whisper',
    lang: 'python',
    code: 'from openai import AzureOpenAI\n\nclient = AzureOpenAI(api_version="2024-06-01")\nclient.audio.transcriptions.create(model="stt", file=open("clips/long.mp3", "rb"))\n',
    settings: { azure: { deployments: { stt: { model: 'whisper', version: '001' } } } },
    covers: '"clips/long.mp3"',
    message: "clips/long.mp3 is 31.2 MB; whisper-1 (deployment 'stt') accepts files up to 25 MB: split or compress the audio",
  },
];

for (const c of INVALID) {
  test(`OAI303 audio invalid (${c.lang}): ${c.name}`, async () => {
    const found = await oai303(c);
    assert.equal(found.length, 1, JSON.stringify(found.map((f) => f.message)));
    const f = found[0]!;
    const start = c.code.indexOf(c.covers, c.from ? c.code.indexOf(c.from) : 0);
    assert.equal(c.code.slice(f.span.start, f.span.end), c.covers);
    assert.deepEqual(f.span, { start, end: start + c.covers.length });
    assert.equal(f.message, c.message);
    assert.equal(f.severity, 'error');
    assert.equal(f.fix, null);
  });
}

const VALID: AudioCase[] = [
  { name: 'a file under the limit', lang: 'python', code: py('open("clips/short.mp3", "rb")') },
  { name: 'exactly 25 MB', lang: 'python', code: py('open("clips/limit.mp3", "rb")') },
  { name: 'a missing file', lang: 'python', code: py('open("clips/missing.mp3", "rb")') },
  { name: 'a directory', lang: 'python', code: py('open("clips/dir.mp3", "rb")') },
  { name: 'a computed path', lang: 'python', code: `${PY_HEAD}import os\nclient.audio.transcriptions.create(model="whisper-1", file=open(os.path.join("clips", "long.mp3"), "rb"))\n` },
  { name: 'a parameter', lang: 'python', code: `${PY_HEAD}def go(path):\n    return client.audio.transcriptions.create(model="whisper-1", file=open(path, "rb"))\n` },
  { name: 'a model without a file limit in the catalog', lang: 'python', code: py('open("clips/long.mp3", "rb")', '"gpt-4o-transcribe"') },
  { name: 'a model the engine cannot resolve', lang: 'python', code: `${PY_HEAD}def go(m):\n    return client.audio.transcriptions.create(model=m, file=open("clips/long.mp3", "rb"))\n` },
  { name: 'an untitled document (no path)', lang: 'python', code: py('open("clips/long.mp3", "rb")'), doc: null },
  { name: 'no file access (untrusted workspace)', lang: 'python', code: py('open("clips/long.mp3", "rb")'), fileSize: null },
  { name: 'not next to the file and no root', lang: 'python', code: py('open("data/root.mp3", "rb")'), doc: { path: join(PROJECT, 'src', 'stt.py'), roots: [] } },
  { name: 'a template path with a substitution', lang: 'typescript', code: `${TS_HEAD}declare const n: string;\nawait client.audio.transcriptions.create({ model: 'whisper-1', file: fs.createReadStream(\`clips/\${n}.mp3\`) });\n` },
  { name: 'a TS file under the limit', lang: 'typescript', code: ts("fs.createReadStream('clips/short.mp3')") },
];

for (const c of VALID) {
  test(`OAI303 audio valid (${c.lang}): ${c.name}`, async () => {
    assert.deepEqual(await oai303(c), []);
  });
}

test('OAI303 audio: a network path is never statted', async () => {
  const asked: string[] = [];
  const fileSize: FileSizeLookup = (p) => (asked.push(p), isNetworkPath(p) ? undefined : 99 * MIB);
  assert.deepEqual(await oai303({ name: 'unc', lang: 'python', code: py('open("//host/share/a.mp3", "rb")'), fileSize }), []);
  assert.equal(statFileSize('\\\\host\\share\\a.mp3'), undefined);
  assert.equal(statFileSize('//host/share/a.mp3'), undefined);
  assert.equal(isNetworkPath('/srv/a.mp3'), false);
});

test('file sizes: statFileSize reads regular files only', () => {
  assert.equal(statFileSize(longAbs), LONG);
  assert.equal(statFileSize(join(PROJECT, 'clips/missing.mp3')), undefined);
  assert.equal(statFileSize(join(PROJECT, 'clips/dir.mp3')), undefined);
});

test('file sizes: the cache stats a path once per time to live, remembers absence, and is bounded', () => {
  let clock = 0;
  const stats: string[] = [];
  const sizes: Record<string, number> = { '/a': 1, '/b': 2, '/c': 3 };
  const lookup = cachedFileSize({ maxEntries: 2, ttlMs: 1000, now: () => clock, stat: (p) => (stats.push(p), sizes[p]) });
  assert.equal(lookup('/a'), 1);
  assert.equal(lookup('/a'), 1);
  assert.equal(lookup('/missing'), undefined);
  assert.equal(lookup('/missing'), undefined);
  assert.deepEqual(stats, ['/a', '/missing']);
  sizes['/a'] = 10;
  clock = 999;
  assert.equal(lookup('/a'), 1, 'still within the time to live');
  clock = 1000;
  assert.equal(lookup('/a'), 10, 'statted again after it');
  // '/a' was refreshed last, so adding '/b' drops '/missing'
  lookup('/b');
  lookup('/missing');
  assert.deepEqual(stats, ['/a', '/missing', '/a', '/b', '/missing']);
  lookup('/a');
  assert.equal(stats.length, 6, "'/a' had been dropped to keep two entries");
});

test('server: document location from a URI, workspace folders as roots', () => {
  const folder = join(tmp, 'proj');
  const file = join(folder, 'src', 'app.py');
  const folders = workspaceFolderPaths({ workspaceFolders: [{ uri: pathToFileURL(folder).href }, { uri: 'vscode-vfs://github/x/y' }, { uri: pathToFileURL(join(tmp, 'other')).href }], rootUri: null });
  assert.deepEqual(folders, [folder, join(tmp, 'other')]);
  assert.deepEqual(workspaceFolderPaths({ rootUri: pathToFileURL(folder).href }), [folder]);
  assert.deepEqual(workspaceFolderPaths({ workspaceFolders: null, rootUri: null }), []);
  assert.deepEqual(documentLocation(pathToFileURL(file).href, folders), { path: file, roots: [folder] });
  const nb = join(folder, 'nb.ipynb');
  assert.deepEqual(documentLocation(`${pathToFileURL(nb).href.replace(/^file:/, 'vscode-notebook-cell:')}#W0sZmlsZQ%3D%3D`, folders), { path: nb, roots: [folder] });
  assert.equal(documentLocation('untitled:Untitled-1', folders), undefined);
  assert.deepEqual(documentLocation(pathToFileURL(join(tmp, 'elsewhere.py')).href, folders), { path: join(tmp, 'elsewhere.py'), roots: [] });
});

test('CLI: check reports an audio file over the limit with its exact span and message', () => {
  // a project of its own: the working directory is its root (no project file, pinned date)
  const root = join(tmp, 'cli');
  sized('cli/clips/long.mp3', LONG);
  sized('cli/clips/short.mp3', MIB);
  mkdirSync(join(root, 'jobs'), { recursive: true });
  writeFileSync(join(root, 'app.py'), 'from openai import OpenAI\n\nclient = OpenAI()\nwith open("clips/long.mp3", "rb") as f:\n    client.audio.transcriptions.create(model="whisper-1", file=f)\nclient.audio.transcriptions.create(model="whisper-1", file=open("clips/short.mp3", "rb"))\nclient.audio.transcriptions.create(model="whisper-1", file=open("clips/gone.mp3", "rb"))\n');
  // relative to the working directory, not to jobs/
  writeFileSync(join(root, 'jobs', 'stt.ts'), "import * as fs from 'node:fs';\nimport OpenAI from 'openai';\n\nconst client = new OpenAI();\nawait client.audio.translations.create({ model: 'whisper-1', file: fs.createReadStream(\"clips/long.mp3\") });\n");
  const cli = join(__dirname, '..', '..', '..', 'server', 'out', 'cli.js');
  const r = spawnSync(process.execPath, [cli, 'check', '.', '--format', 'json', '--as-of', '2025-01-15'], { cwd: root, encoding: 'utf8', timeout: 20_000 });
  assert.equal(r.status, 1, r.stderr);
  const message = LONG_MESSAGE;
  assert.deepEqual(JSON.parse(r.stdout), [
    { file: 'app.py', line: 4, column: 11, endLine: 4, endColumn: 27, severity: 'error', code: 'OAI303', message, fix: null },
    { file: 'jobs/stt.ts', line: 5, column: 88, endLine: 5, endColumn: 104, severity: 'error', code: 'OAI303', message, fix: null },
  ]);
});

describe('language server: audio file sizes', () => {
  // the server is the real one over stdio; each wait is bounded by the client (10 s)
  const server = join(tmp, 'srv');
  sized('srv/clips/long.mp3', LONG);
  mkdirSync(join(server, 'src'), { recursive: true });
  const APP = 'from openai import OpenAI\n\nclient = OpenAI()\nclient.audio.transcriptions.create(model="whisper-1", file=open("clips/long.mp3", "rb"))\n';
  const appUri = pathToFileURL(join(server, 'app.py')).href;
  // relative to the workspace folder, not to src/
  const nestedUri = pathToFileURL(join(server, 'src', 'stt.py')).href;
  const brief = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'OAI303').map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`);
  const EXPECTED = [`3:64-3:80 ${LONG_MESSAGE}`];

  it('trusted: reported next to the file and relative to the workspace folder; not on an untitled document', async () => {
    const c = await LspClient.start({ config: { asOf: '2025-01-15' }, rootUri: pathToFileURL(server).href });
    try {
      c.open(appUri, 'python', APP);
      assert.deepEqual(brief(await c.pushed(appUri)), EXPECTED);
      c.open(nestedUri, 'python', APP);
      assert.deepEqual(brief(await c.pushed(nestedUri)), EXPECTED);
      c.open('untitled:Untitled-1', 'python', APP);
      assert.deepEqual(brief(await c.pushed('untitled:Untitled-1')), []);
    } finally {
      await c.stop();
    }
  });

  it('untrusted: no file is looked at until trust is granted', async () => {
    const c = await LspClient.start({ config: { asOf: '2025-01-15' }, rootUri: pathToFileURL(server).href, initializationOptions: { untrusted: true } });
    try {
      c.open(appUri, 'python', APP);
      assert.deepEqual(brief(await c.pushed(appUri)), []);
      c.notify('openaiModelLint/trustGranted', null);
      await c.waitFor(() => JSON.stringify(brief(c.published.get(appUri)?.diagnostics ?? [])) === JSON.stringify(EXPECTED), 'OAI303 after trust is granted');
    } finally {
      await c.stop();
    }
  });
});
