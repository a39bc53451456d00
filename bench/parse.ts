/**
 * Parse-lane benchmark: one-time runtime + grammar load; analysing a generated 2,000-line
 * Python file with 50 OpenAI calls (parse + extract, warm; target under 30 ms); the same for
 * TypeScript; and an incremental re-parse after a one-character edit in a 5,000-line file.
 *
 *   node esbuild.mjs && node bench/out/parse.js [--runs N]
 */
import { performance } from 'node:perf_hooks';
import { extractCalls, mightContainCall } from '../server/src/analysis/extract';
import { initParsers, parseText } from '../server/src/parse/parser';
import type { Edit, LanguageName } from '../server/src/parse/parser';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 30;

/** `lines` lines of ordinary Python with `calls` chat calls (8 lines each) spread evenly. */
function pythonFile(lines: number, calls: number): string {
  const out = ['import os', 'from openai import OpenAI, AzureOpenAI', 'client = OpenAI()', 'MODEL = os.getenv("MODEL", "gpt-4o")', 'BASE = {"temperature": 0.2, "max_tokens": 200}', ''];
  const every = (lines - out.length) / calls;
  let n = 0;
  while (out.length < lines) {
    if (n < calls && out.length >= 6 + n * every) {
      out.push(
        `def ask_${n}(question):`,
        `    msgs = [{"role": "system", "content": "You are helper ${n}."}, {"role": "user", "content": question}]`,
        '    return client.chat.completions.create(',
        `        model=${n % 2 ? 'MODEL' : '"gpt-4o-mini"'},`,
        '        messages=msgs,',
        '        **BASE,',
        '    )',
        '',
      );
      n++;
    } else {
      const i = out.length;
      out.push(`def helper_${i}(items, factor=${i % 7}):`, `    total = sum(x * factor for x in items if x > ${i % 13})`, `    return {"id": ${i}, "total": total, "label": f"item-{total}"}`, '');
    }
  }
  return `${out.slice(0, lines).join('\n')}\n`;
}

function tsFile(lines: number, calls: number): string {
  const out = ['import OpenAI from "openai";', 'const client = new OpenAI();', 'const MODEL = process.env.MODEL ?? "gpt-4o";', ''];
  const every = (lines - out.length) / calls;
  let n = 0;
  while (out.length < lines) {
    if (n < calls && out.length >= 4 + n * every) {
      out.push(`export async function ask${n}(q: string) {`, `  const messages = [{ role: "system", content: "helper ${n}" }, { role: "user", content: q }];`, `  return client.chat.completions.create({ model: ${n % 2 ? 'MODEL' : '"gpt-4o-mini"'}, messages, temperature: 0.2 });`, '}', '');
      n++;
    } else {
      const i = out.length;
      out.push(`export function helper${i}(items: number[], factor = ${i % 7}): { id: number; total: number } {`, `  const total = items.filter((x) => x > ${i % 13}).reduce((a, x) => a + x * factor, 0);`, `  return { id: ${i}, total };`, '}', '');
    }
  }
  return `${out.slice(0, lines).join('\n')}\n`;
}

function stats(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `median ${q(0.5).toFixed(2)} ms, p90 ${q(0.9).toFixed(2)} ms, min ${s[0]!.toFixed(2)} ms`;
}

function analyse(text: string, lang: LanguageName, runs: number): { parse: number[]; extract: number[]; total: number[]; calls: number } {
  const parse: number[] = [];
  const extract: number[] = [];
  const total: number[] = [];
  let calls = 0;
  for (let i = 0; i < runs + 5; i++) {
    const t0 = performance.now();
    const tree = parseText(text, lang);
    const t1 = performance.now();
    calls = mightContainCall(text) ? extractCalls(tree, text, lang).length : 0;
    const t2 = performance.now();
    tree.delete();
    if (i < 5) continue; // warm-up
    parse.push(t1 - t0);
    extract.push(t2 - t1);
    total.push(t2 - t0);
  }
  return { parse, extract, total, calls };
}

/** Byte offset and position of a UTF-16 offset in an ASCII text. */
function pointAt(text: string, offset: number): { row: number; column: number } {
  const before = text.slice(0, offset);
  const row = before.split('\n').length - 1;
  return { row, column: offset - (before.lastIndexOf('\n') + 1) };
}

async function main(): Promise<void> {
  const t0 = performance.now();
  await initParsers();
  const loadMs = performance.now() - t0;
  console.log(`one-time runtime + 4 grammars load: ${loadMs.toFixed(1)} ms`);

  for (const [lang, text] of [['python', pythonFile(2000, 50)], ['typescript', tsFile(2000, 50)]] as const) {
    const first = performance.now();
    const firstCalls = extractCalls(parseText(text, lang), text, lang).length;
    const firstMs = performance.now() - first;
    const r = analyse(text, lang, RUNS);
    console.log(`${lang}: 2,000 lines, ${(text.length / 1024).toFixed(0)} KiB, ${r.calls} calls (first, cold run: ${firstMs.toFixed(1)} ms, ${firstCalls} calls)`);
    console.log(`  parse + extract: ${stats(r.total)}   [parse ${stats(r.parse)}; extract ${stats(r.extract)}]`);
  }

  const big = pythonFile(5000, 120);
  let tree = parseText(big, 'python');
  const incremental: number[] = [];
  const full: number[] = [];
  let text = big;
  for (let i = 0; i < RUNS + 5; i++) {
    // type one character inside a string literal somewhere in the middle, alternating insert / delete
    const at = text.indexOf('You are helper', Math.floor(text.length / 2)) + 4;
    const insert = i % 2 === 0;
    const next = insert ? `${text.slice(0, at)}x${text.slice(at)}` : `${text.slice(0, at)}${text.slice(at + 1)}`;
    const start = pointAt(text, at);
    const edit: Edit = insert
      ? { startIndex: at, oldEndIndex: at, newEndIndex: at + 1, startPosition: start, oldEndPosition: start, newEndPosition: { row: start.row, column: start.column + 1 } }
      : { startIndex: at, oldEndIndex: at + 1, newEndIndex: at, startPosition: start, oldEndPosition: { row: start.row, column: start.column + 1 }, newEndPosition: start };
    tree.edit(edit);
    const t1 = performance.now();
    const newTree = parseText(next, 'python', tree);
    const t2 = performance.now();
    const fresh = parseText(next, 'python');
    const t3 = performance.now();
    fresh.delete();
    tree.delete();
    tree = newTree;
    text = next;
    if (i < 5) continue;
    incremental.push(t2 - t1);
    full.push(t3 - t2);
  }
  console.log(`incremental re-parse after a 1-char edit, 5,000-line Python file (${(big.length / 1024).toFixed(0)} KiB): ${stats(incremental)}`);
  console.log(`  full parse of the same file for comparison: ${stats(full)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
