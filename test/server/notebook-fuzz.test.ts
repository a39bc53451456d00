/**
 * Differential fuzzing of notebooks in the language server (issue 12): random edits (typing,
 * pastes, unbalanced brackets and quotes, …, from test/helpers/fuzz.ts) to random cells of a
 * notebook, and now and then a cell removed or added, sent as VS Code sends them with notebook
 * sync. After every step each cell's pulled diagnostics must equal those of the engine run in
 * this process on the cells' texts from scratch (`analyzeNotebook`, as `check` runs it). This
 * covers the module document kept by single-range edits, its incremental parse, the reuse of
 * calls across edits, and the blanked parse kept while a cell cannot be parsed alone.
 *
 * Seeded: OAML_FUZZ_SEED picks the run, OAML_FUZZ_MS its time budget (default 3 s).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { Settings } from '../../server/src/config/schema';
import { createContext } from '../../server/src/engine';
import { analyzeNotebook } from '../../server/src/engineNotebook';
import { toDiagnostic } from '../../server/src/features/diagnostics';
import { CellDocument } from '../../server/src/features/notebooks';
import { blankMagics, cellOfSpan } from '../../server/src/notebook';
import { initParsers } from '../../server/src/parse/parser';
import { describeEdit, loadCorpus, parseSeed, randomEdit, Rng } from '../helpers/fuzz';
import type { FuzzEdit } from '../helpers/fuzz';
import { LspClient } from '../helpers/lsp-client';

// token-counting rules are off: the server loads its tokenizers in the background
const CONFIG = { asOf: '2025-09-01', rules: { OAI302: 'off', OAI303: 'off' } };
const SEED = parseSeed(process.env.OAML_FUZZ_SEED, 20261205);
const BUDGET_MS = process.env.OAML_FUZZ_MS ? Number(process.env.OAML_FUZZ_MS) : 3_000;
const NB = 'file:///fuzz/notebook.ipynb';
const corpus = loadCorpus();
const ctx = createContext(Settings.parse(CONFIG), { asOf: CONFIG.asOf, tokens: 'if-loaded' }).ctx;

interface Cell {
  uri: string;
  text: string;
}

/** The cells of the corpus's Python files, split where a top-level statement starts after a blank line. */
function startingCells(rng: Rng): string[] {
  const doc = rng.pick(corpus.documents.python);
  return doc.text.split(/\n\n(?=\S)/).filter((c) => c.trim() !== '');
}

/** What the server should send for each cell: the engine on the cells from scratch, converted as the server converts. */
async function expected(cells: Cell[]): Promise<Map<string, Diagnostic[]>> {
  const { findings, layout } = await analyzeNotebook(cells.map((c) => blankMagics(c.text)), ctx);
  const docs = cells.map((c, i) => new CellDocument(TextDocument.create(c.uri, 'python', 0, c.text), layout.cells[i]!.start));
  const place = (span: { start: number; end: number }) => {
    const i = cellOfSpan(layout, span);
    return i < 0 ? null : { uri: cells[i]!.uri, range: { start: docs[i]!.positionAt(span.start), end: docs[i]!.positionAt(span.end) } };
  };
  const out = new Map<string, Diagnostic[]>(cells.map((c) => [c.uri, []]));
  for (const f of findings) {
    const i = cellOfSpan(layout, f.span);
    if (i >= 0) out.get(cells[i]!.uri)!.push(toDiagnostic(f, docs[i]!, place));
  }
  return out;
}

describe('fuzzed notebook edits: cell diagnostics equal the engine on the cells from scratch', () => {
  let c: LspClient;
  before(async () => {
    await initParsers(['python']);
    c = await LspClient.start({ config: CONFIG, notebooks: true, pullDiagnostics: true, timeout: 10_000 });
  });
  after(() => c.stop());

  it('random edits and cell changes', async (t: TestContext) => {
    const rng = new Rng(SEED);
    let next = 0;
    const cells: Cell[] = startingCells(rng).map((text) => ({ uri: `vscode-notebook-cell:/fuzz/notebook.ipynb#C${next++}`, text }));
    c.openNotebook(NB, cells.map((x) => ({ uri: x.uri, kind: 2, languageId: 'python', text: x.text })));
    const g = { cursor: 0 };
    const trail: string[] = [];
    const deadline = Date.now() + BUDGET_MS;
    let step = 0;
    for (; Date.now() < deadline; step++) {
      const roll = rng.float();
      if (roll < 0.04 && cells.length > 1) {
        const at = rng.between(0, cells.length - 1);
        const [gone] = cells.splice(at, 1);
        c.spliceCells(NB, at, 1, [], [gone!.uri]);
        trail.push(`step ${step}: removed cell ${at}`);
      } else if (roll < 0.08) {
        const at = rng.between(0, cells.length);
        const cell = { uri: `vscode-notebook-cell:/fuzz/notebook.ipynb#C${next++}`, text: rng.pick(corpus.lines.python) };
        cells.splice(at, 0, cell);
        c.spliceCells(NB, at, 0, [{ uri: cell.uri, kind: 2, languageId: 'python', text: cell.text }]);
        trail.push(`step ${step}: added cell ${at} ${JSON.stringify(cell.text)}`);
      } else {
        const cell = rng.pick(cells);
        const e: FuzzEdit = randomEdit(rng, cell.text, 'python', corpus, g);
        const doc = TextDocument.create(cell.uri, 'python', 0, cell.text);
        c.changeCell(NB, cell.uri, [{ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, text: e.text }]);
        cell.text = cell.text.slice(0, e.start) + e.text + cell.text.slice(e.end);
        trail.push(`step ${step}: cell ${cells.indexOf(cell)} ${describeEdit(e)}`);
      }
      if (trail.length > 8) trail.shift();
      const want = await expected(cells);
      for (const cell of cells) {
        const got = await c.pulled(cell.uri);
        if (JSON.stringify(got) !== JSON.stringify(want.get(cell.uri))) {
          assert.fail(
            `seed ${SEED}, step ${step}, cell ${cells.indexOf(cell)}: server ${JSON.stringify(got.map((d) => [d.code, d.range]))} vs engine ${JSON.stringify(want.get(cell.uri)!.map((d) => [d.code, d.range]))}\n` +
              `replay: OAML_FUZZ_SEED=${SEED} node --test test/out/server/notebook-fuzz.test.js\n${trail.join('\n')}\ncells:\n${cells.map((x, i) => `--- ${i}\n${x.text}`).join('\n')}`,
          );
        }
      }
    }
    assert.ok(!c.logs.some((l) => / failed: /.test(l)), c.logs.join('\n'));
    t.diagnostic(`${step} steps`);
    assert.ok(step >= 10, `only ${step} steps in ${BUDGET_MS} ms`);
  });
});
