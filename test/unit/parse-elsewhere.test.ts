/**
 * Calls through a client defined in another module (imported, returned by an imported
 * factory, or defined in an earlier notebook cell) get the findings of an OpenAI client,
 * exactly; names that say Azure or another vendor, Azure model names and deployments mapped
 * in settings change that; and `check` reports them on files and cells that never mention
 * openai (the prefilter lets them through).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Settings } from '../../server/src/config/schema';
import { analyzeText, createContext } from '../../server/src/engine';
import type { EngineContext } from '../../server/src/engine';
import { initParsers } from '../../server/src/parse/parser';
import type { LanguageName } from '../../server/src/parse/parser';
import { repoRoot } from '../helpers/repoRoot';

const AS_OF = '2025-09-01';
let ctx: EngineContext;
before(async () => {
  await initParsers(['python', 'typescript']);
  ctx = createContext(Settings.parse({}), { asOf: AS_OF, tokens: 'sync' }).ctx;
});

async function findings(text: string, lang: LanguageName, context = ctx): Promise<string[]> {
  const r = await analyzeText(text, lang, context);
  return r.findings.map((f) => `${f.code} ${f.severity} ${text.slice(f.span.start, f.span.end)} | ${f.message}`);
}

test('imported Python client: o1 parameter rules fire on the argument, exactly as on an OpenAI client', async () => {
  const text = 'from app.llm import openai_client\n\nreply = openai_client.chat.completions.create(model="o1", temperature=0.2, max_tokens=100, messages=[])\n';
  assert.deepEqual(await findings(text, 'python'), [
    "OAI201 error temperature=0.2 | 'temperature' is not supported by o1 (reasoning models accept only the default 1); remove it",
    "OAI202 error max_tokens=100 | 'max_tokens' is not supported by o1; use 'max_completion_tokens'",
  ]);
  const same = `from openai import OpenAI\nopenai_client = OpenAI()\n${text.split('\n').slice(1).join('\n')}`;
  const strip = (fs: string[]) => fs.map((f) => f.replace(/^(\S+ \S+ ).*? \| /, '$1| '));
  assert.deepEqual(strip(await findings(same, 'python')), strip(await findings(text, 'python')));
});

test('imported TS client: retired model, and OAI201 on the object property', async () => {
  const text = 'import { client } from "./openai";\n\nexport const old = () => client.chat.completions.create({ model: "gpt-4-32k", messages: [] });\nexport const think = () => client.chat.completions.create({ model: "o1", top_p: 0.5, messages: [] });\n';
  assert.deepEqual(await findings(text, 'typescript'), [
    'OAI102 error "gpt-4-32k" | gpt-4-32k was retired on 2025-06-06: requests to it fail; use \'gpt-4o\' instead',
    "OAI201 error top_p: 0.5 | 'top_p' is not supported by o1; remove it",
  ]);
});

test('another vendor named on the way to the client: no catalog findings', async () => {
  const text = 'from app.groq_client import client\nclient.chat.completions.create(model="o1", temperature=0.2)\n';
  assert.deepEqual(await findings(text, 'python'), []);
});

test('unknown origin: an Azure model name is checked as an Azure deployment, not offered gpt-3.5-turbo', async () => {
  const text = 'from app.llm import client\nclient.embeddings.create(model="gpt-35-turbo", input="x")\n';
  const found = await findings(text, 'python');
  assert.equal(found.some((f) => f.startsWith('OAI101')), false, found.join('\n'));
  assert.deepEqual(found.map((f) => f.split(' | ')[0]), ['OAI104 error "gpt-35-turbo"']);
});

test('unknown origin: a deployment mapped in settings resolves through the mapping', async () => {
  const settings = Settings.parse({ azure: { deployments: { reasoning: { model: 'o1-mini', version: '2024-09-12' } } } });
  const mapped = createContext(settings, { asOf: AS_OF, tokens: 'sync' }).ctx;
  const text = 'reply = client.chat.completions.create(model="reasoning", temperature=0.5, messages=[])\n';
  // lifecycle findings (OAI102/OAI103) follow the catalog's dates; the mapping shows in the others
  const found = (await findings(text, 'python', mapped)).filter((f) => !/^OAI10[23] /.test(f));
  assert.deepEqual(found.map((f) => f.split(' | ')[0]), ['OAI107 info "reasoning"', 'OAI201 error temperature=0.5']);
  // without the mapping the name is an unknown model ID (reported at info, model checks skipped)
  assert.deepEqual((await findings(text, 'python')).map((f) => f.split(' | ')[0]), ['OAI101 info "reasoning"']);
});

test('no SDK import and a receiver defined here: nothing', async () => {
  const text = 'def ask(client):\n    return client.chat.completions.create(model="o1", temperature=0.2)\n';
  assert.deepEqual(await findings(text, 'python'), []);
});

const roots: string[] = [];
after(() => {
  for (const d of roots) rmSync(d, { recursive: true, force: true });
});

test('check: an imported client in a module and a client from an earlier notebook cell are reported', () => {
  const root = mkdtempSync(join(tmpdir(), 'oml-elsewhere-'));
  roots.push(root);
  const files: Record<string, string> = {
    'app/clients.py': 'from openai import OpenAI\n\nclient = OpenAI()\n',
    'app/service.py': 'from .clients import client\n\n\ndef ask(q):\n    return client.chat.completions.create(model="o1", temperature=0.2, messages=[{"role": "user", "content": q}])\n',
    'web/ask.ts': 'import { client } from "./openai";\n\nexport const ask = () => client.chat.completions.create({ model: "o1", temperature: 0.2, messages: [] });\n',
    'nb.ipynb': JSON.stringify({
      cells: [
        { cell_type: 'code', metadata: {}, source: ['from openai import OpenAI\n', 'client = OpenAI()\n'], outputs: [], execution_count: null },
        { cell_type: 'code', metadata: {}, source: ['%%time\n', 'reply = client.chat.completions.create(\n', '    model="o1",\n', '    temperature=0.2,\n', ')\n'], outputs: [], execution_count: null },
      ],
      metadata: { kernelspec: { language: 'python', name: 'python3' } },
      nbformat: 4,
      nbformat_minor: 5,
    }),
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  const r = spawnSync(process.execPath, [join(repoRoot(), 'server', 'out', 'cli.js'), 'check', '.', '--format', 'json', '--as-of', AS_OF], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  const out = (JSON.parse(r.stdout) as { file: string; cell?: number | null; line: number; column: number; code: string }[]).map((f) => [f.file, f.cell ?? null, f.line, f.column, f.code]);
  assert.deepEqual(out, [
    ['app/service.py', null, 5, 55, 'OAI201'],
    ['nb.ipynb', 1, 4, 5, 'OAI201'],
    ['web/ask.ts', null, 3, 72, 'OAI201'],
  ]);
});
