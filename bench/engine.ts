/**
 * One 2,000-line Python file with 50 calls: analyzeText warm (parse + extract + rules +
 * suppressions), and analyzeTree alone (the part after parsing), with the built-in catalog.
 * One-time loads (grammars, catalog, encodings) are measured separately.
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_SETTINGS } from '../server/src/config/schema';
import { analyzeText, analyzeTree, createContext } from '../server/src/engine';
import { initParsers, parseText } from '../server/src/parse/parser';
import { loadEncodingSync } from '../server/src/tokens';

const pct = (v: number[], q: number) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(q * v.length))]!;
const models = ['gpt-4o', 'o1-mini', 'gpt-3.5-turbo', 'gpt-4-32k', 'o1', 'gpt4o'];
const lines = ['from openai import OpenAI', '', 'client = OpenAI()', ''];
let calls = 0;
while (lines.length < 2000) {
  if (lines.length % 40 === 0 && calls < 50) {
    const m = models[calls % models.length];
    lines.push(`def ask_${calls}(question):`);
    lines.push(`    return client.chat.completions.create(model="${m}", temperature=0.2, max_tokens=500, messages=[{"role": "system", "content": "Be brief."}, {"role": "user", "content": question}])  # noqa: E501`);
    calls++;
  } else lines.push(`value_${lines.length} = compute(${lines.length}, "text", [1, 2, 3])  # plain code`);
}
const text = lines.join('\n') + '\n';

async function main() {
  let t = performance.now();
  await initParsers();
  console.log(`grammars init: ${(performance.now() - t).toFixed(0)} ms`);
  t = performance.now();
  const { ctx } = createContext(DEFAULT_SETTINGS, { asOf: '2025-01-15', tokens: 'if-loaded' });
  console.log(`catalog + context: ${(performance.now() - t).toFixed(0)} ms`);
  t = performance.now();
  loadEncodingSync('o200k_base');
  loadEncodingSync('cl100k_base');
  console.log(`encodings o200k_base + cl100k_base: ${(performance.now() - t).toFixed(0)} ms`);

  const full: number[] = [];
  let n = 0;
  for (let i = 0; i < 60; i++) {
    const s = performance.now();
    const a = await analyzeText(text, 'python', ctx);
    full.push(performance.now() - s);
    n = a.findings.length;
  }
  const tree = parseText(text, 'python');
  const after: number[] = [];
  for (let i = 0; i < 60; i++) {
    const s = performance.now();
    analyzeTree(tree, text, 'python', ctx);
    after.push(performance.now() - s);
  }
  console.log(`${lines.length} lines, ${calls} calls, ${(text.length / 1024).toFixed(0)} KB, ${n} findings`);
  console.log(`analyzeText warm: median ${pct(full, 0.5).toFixed(1)} ms, p95 ${pct(full, 0.95).toFixed(1)} ms`);
  console.log(`analyzeTree (extract + rules + suppressions, no parse): median ${pct(after, 0.5).toFixed(1)} ms, p95 ${pct(after, 0.95).toFixed(1)} ms`);
}
void main();
