/**
 * Notebooks as one program (issue 12, SPEC §1): the code cells are analysed in order as one
 * module — imports, clients, Azure settings and constants of earlier cells are known in later
 * ones — and every finding stays in its cell and line. A cell that cannot be parsed on its own
 * does not take the cells after it down with it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkCells } from '../../server/src/cli/notebookCells';
import { Settings } from '../../server/src/config/schema';
import { createContext } from '../../server/src/engine';
import { analyzeNotebook } from '../../server/src/engineNotebook';
import { cellAt, cellOfSpan, cellPlaceLabel, layoutCells } from '../../server/src/notebook';

const ctx = createContext(Settings.parse({ azure: { deployments: { 'chat-prod': { model: 'gpt-4o', version: '2024-08-06' } } } }), { asOf: '2025-09-01', tokens: 'sync' }).ctx;

/** Findings as "cell:line:column CODE" (1-based line and column within the cell). */
async function located(cells: string[]): Promise<string[]> {
  const { findings, layout } = await analyzeNotebook(cells, ctx);
  return findings.map((f) => {
    const i = cellOfSpan(layout, f.span);
    const before = layout.text.slice(layout.cells[i]!.start, f.span.start);
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return `${i}:${line}:${column} ${f.code}`;
  });
}

describe('layout', () => {
  test('cells joined with an empty line between them; offsets map back to cells', () => {
    const layout = layoutCells(['import openai', 'x = 1\n', '']);
    assert.equal(layout.text, 'import openai\n\nx = 1\n\n\n\n');
    assert.deepEqual(layout.cells, [
      { start: 0, end: 13 },
      { start: 15, end: 21 },
      { start: 22, end: 22 },
    ]);
    assert.deepEqual([0, 13, 14, 15, 21, 22].map((o) => cellAt(layout, o)), [0, 0, -1, 1, 1, 2]);
    assert.equal(cellPlaceLabel(layout, [3, 5, 8])(layout.text.indexOf('1')), 'cell 5, line 1');
  });
});

describe('one module', () => {
  test('a pre-1.0 call in a later cell after `import openai` in the first (alone, neither is a call)', async () => {
    assert.deepEqual(await located(['import openai', 'x = 1', 'openai.Completion.create(engine="text-davinci-003", prompt="Hi")']), ['2:1:33 OAI102']);
  });

  test('`openai.api_type = "azure"` in an earlier cell makes engine= a deployment', async () => {
    const cells = ['import openai\nopenai.api_type = "azure"\nopenai.api_version = "2023-05-15"', 'openai.ChatCompletion.create(engine="chat-prod", max_tokens=99999, messages=[])'];
    // chat-prod is mapped to gpt-4o 2024-08-06 (deprecated on Azure then), whose max output is 16,384 tokens
    assert.deepEqual(await located(cells), ['1:1:37 OAI103', '1:1:50 OAI301']);
  });

  test('an Azure client of an earlier cell: model= is a deployment in a later one', async () => {
    const cells = ['from openai import AzureOpenAI\nclient = AzureOpenAI(api_version="2024-10-21")', 'client.chat.completions.create(model="support-bot", messages=[])'];
    assert.deepEqual(await located(cells), ['1:1:38 OAI401']);
  });

  test('a constant of an earlier cell resolves in a later one; the finding is on the call', async () => {
    const cells = ['from openai import OpenAI\nclient = OpenAI()\nMODEL = "gpt-4-32k"', 'client.chat.completions.create(model=MODEL, messages=[])'];
    assert.deepEqual(await located(cells), ['1:1:38 OAI102']);
  });

  test('a disable-next-line on the last line of a cell suppresses nothing in the next cell (and is reported unused)', async () => {
    const cells = ['from openai import OpenAI\nclient = OpenAI()\n# openai-model-lint: disable-next-line OAI102', 'client.chat.completions.create(model="gpt-4-32k", messages=[])'];
    assert.deepEqual(await located(cells), ['0:3:40 OAI001', '1:1:38 OAI102']);
  });

  test('a shared literal of an earlier cell: the unsafe fix names the other call by cell and line', async () => {
    const cells = ['from openai import OpenAI\nclient = OpenAI()\nCOMMON = {"temperature": 0.2}', 'a = client.chat.completions.create(model="o1", messages=[], **COMMON)', '# gpt-4o\nb = client.chat.completions.create(model="gpt-4o", messages=[], **COMMON)'];
    const { findings } = await analyzeNotebook(cells, ctx, undefined, [1, 3, 4]);
    const f = findings.find((x) => x.code === 'OAI201')!;
    assert.equal(f.fix?.safe, false);
    assert.match(f.message, /; the fix edits a literal that the call at cell 4, line 2 also uses, so it is not applied automatically$/);
  });
});

describe('a cell that cannot be parsed alone', () => {
  test('an unclosed call in one cell leaves later cells checked as one module with the earlier ones', async () => {
    const cells = [
      'from openai import OpenAI\nclient = OpenAI()\nMODEL = "gpt-4-32k"',
      'reply = client.chat.completions.create(model="o1", temperature=0.5, messages=[])\nextra = [1, 2',
      'client.chat.completions.create(model=MODEL, messages=[])',
    ];
    // cell 1 is analysed alone, as cells were before: its call is still seen (its client from
    // another cell then: checked as OpenAI's); cell 2 still knows cell 0's client and MODEL
    assert.deepEqual(await located(cells), ['1:1:52 OAI201', '2:1:38 OAI102']);
  });

  test('an unterminated string and an open block: only their own cells are cut off', async () => {
    const cells = ['import openai', 's = """never closed', 'if True:', 'openai.Completion.create(engine="text-davinci-003", prompt="Hi")'];
    assert.deepEqual(await located(cells), ['3:1:33 OAI102']);
  });
});

describe('fixes across cells', () => {
  test('a safe fix chosen from a later cell edits the earlier cell that holds the literal; other cells untouched', async () => {
    const cells = ['from openai import OpenAI\nclient = OpenAI()\nOPTIONS = {"max_tokens": 100}', '# plan\nplan = client.chat.completions.create(model="o1", messages=[], **OPTIONS)', 'print(plan)'];
    const analyse = async (sources: readonly string[]) => (await analyzeNotebook(sources, ctx)).findings;
    const r = await checkCells(cells, analyse, true);
    assert.equal(r.applied, 1);
    assert.deepEqual(r.sources, [cells[0]!.replace('max_tokens', 'max_completion_tokens'), cells[1], cells[2]]);
    assert.deepEqual(r.findings, []);
  });

  test('without --fix the findings come back in their cells, positions within the cell', async () => {
    const cells = ['from openai import OpenAI\nclient = OpenAI()\nOPTIONS = {"max_tokens": 100}', 'plan = client.chat.completions.create(model="o1", messages=[], **OPTIONS)'];
    const r = await checkCells(cells, async (s) => (await analyzeNotebook(s, ctx)).findings, false);
    assert.deepEqual(r.findings.map((f) => [f.cell, cells[f.cell]!.slice(f.finding.span.start, f.finding.span.end), f.finding.code]), [[0, '"max_tokens"', 'OAI202']]);
    assert.equal(r.sources, cells);
  });
});
