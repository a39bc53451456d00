/**
 * Rules and token counting on their own (no parsing): 50 chat calls through every rule with
 * the built-in catalog, and one 4,000-token prompt counted as a hover would.
 * Run: node bench/out/rules.js (after bundling with esbuild; see the command in the report).
 */
import { performance } from 'node:perf_hooks';
import { Catalog } from '../server/src/catalog/catalog';
import { DEFAULT_SETTINGS } from '../server/src/config/schema';
import { runCallRules } from '../server/src/rules/run';
import { countCall, loadEncodingSync } from '../server/src/tokens';
import { CallBuilder } from '../test/helpers/callBuilder';

function p(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

const models = ['gpt-4o', 'o1-mini', 'gpt-3.5-turbo', 'gpt-4-32k', 'o1', 'gpt4o', 'text-embedding-3-small'];
const prompt = 'The quick brown fox jumps over the lazy dog. '.repeat(400); // ~4,000 tokens
let text = '';
const spans: [number, string][] = [];
for (let i = 0; i < 50; i++) {
  const model = models[i % models.length]!;
  spans.push([text.length, model]);
  text += `client.chat.completions.create(model="${model}", temperature=0.${i % 9}, max_tokens=${1000 + i}, messages=[{"role": "system", "content": "${i === 0 ? prompt : 'Be brief.'}"}])\n`;
}
const calls = spans.map(([start, model]) => {
  const slice = text.slice(start, text.indexOf('\n', start) + 1);
  const b = new CallBuilder(slice, 'chat.completions');
  b.arg('model', `"${model}"`);
  b.arg('temperature', /temperature=(0\.\d)/.exec(slice)![1]!);
  b.arg('max_tokens', /max_tokens=(\d+)/.exec(slice)![1]!);
  b.message('system', /"content": ("[^"]*")/.exec(slice)![1]!);
  const shift = (o: { start: number; end: number }) => ((o.start += start), (o.end += start));
  const c = b.call;
  for (const a of c.args) [a.span, a.nameSpan, a.value.span, a.value.innerSpan].forEach((s) => s && shift(s));
  for (const m of c.messages!) [m.span, m.role!.span, m.role!.innerSpan, m.content!.span, m.content!.innerSpan].forEach((s) => s && shift(s));
  [c.span, c.calleeSpan, c.argsSpan].forEach(shift);
  return c;
});

let t0 = performance.now();
const catalog = Catalog.builtIn();
console.log(`catalog builtIn: ${(performance.now() - t0).toFixed(1)} ms`);
t0 = performance.now();
loadEncodingSync('o200k_base');
loadEncodingSync('cl100k_base');
console.log(`encodings o200k_base + cl100k_base load: ${(performance.now() - t0).toFixed(0)} ms`);

const ctx = { catalog, settings: DEFAULT_SETTINGS, asOf: '2025-01-15', tokens: 'if-loaded' as const };
const times: number[] = [];
let findings = 0;
for (let i = 0; i < 200; i++) {
  const t = performance.now();
  findings = runCallRules(calls, text, { ...ctx }).length;
  times.push(performance.now() - t);
}
console.log(`rules over 50 calls (${findings} findings, incl. one ~4k-token prompt counted): median ${p(times, 0.5).toFixed(2)} ms, p95 ${p(times, 0.95).toFixed(2)} ms`);

const entry = catalog.resolve('gpt-4o')!.entry;
const hover: number[] = [];
let total = 0;
const content = calls[0]!.messages![0]!.content!;
for (let i = 0; i < 200; i++) {
  content.value = { kind: 'string', value: `${prompt} edit ${i}` }; // a changed prompt: not in the memo
  const t = performance.now();
  total = countCall(calls[0]!, entry, catalog.imageTokens())!.total;
  hover.push(performance.now() - t);
}
console.log(`countCall on a ${total}-token prompt just edited: median ${p(hover, 0.5).toFixed(2)} ms, p95 ${p(hover, 0.95).toFixed(2)} ms`);
const warm: number[] = [];
for (let i = 0; i < 200; i++) {
  const t = performance.now();
  countCall(calls[0]!, entry, catalog.imageTokens());
  warm.push(performance.now() - t);
}
console.log(`countCall on the same prompt again (memo): median ${p(warm, 0.5).toFixed(3)} ms, p95 ${p(warm, 0.95).toFixed(3)} ms`);
