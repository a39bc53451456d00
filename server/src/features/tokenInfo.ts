/** The token count of a call for hovers, hints, lenses and the status bar; never waits for a tokenizer. */
import type { ApiCall } from '../analysis/apiCall';
import type { ModelEntry } from '../catalog/schema';
import { callModel, callTokens } from '../engine';
import type { CallTokenCount } from '../tokens';
import { isEncodingLoaded } from '../tokens';
import type { Analyzer, DocAnalysis } from './analysis';
import { shortTokens, thousands } from './convert';

export type TokenInfo =
  | { kind: 'none' }
  | { kind: 'loading'; entry: ModelEntry }
  | { kind: 'count'; count: CallTokenCount; entry: ModelEntry };

export const LOADING_TEXT = 'token count: loading tokenizer…';

function hasPrompt(call: ApiCall): boolean {
  return !!call.messages || !!call.instructions || call.args.some((a) => a.name === 'input' || a.name === 'messages');
}

export function callTokenInfo(call: ApiCall, a: DocAnalysis, analyzer: Analyzer): TokenInfo {
  if (!hasPrompt(call)) return { kind: 'none' };
  const t = callModel(call, a.ctx, a.text);
  if (t.kind !== 'resolved' || !t.entry.encoding) return { kind: 'none' };
  if (!isEncodingLoaded(t.entry.encoding)) {
    analyzer.warm([t.entry.encoding]);
    return { kind: 'loading', entry: t.entry };
  }
  const count = callTokens(call, a.ctx, a.text);
  return count ? { kind: 'count', count, entry: t.entry } : { kind: 'none' };
}

/** "1,234 tokens in · ≤ 4,096 out · 128k window" */
export function summary(count: CallTokenCount, entry: ModelEntry): string {
  const out = count.requestedOutput ?? entry.maxOutputTokens;
  const parts = [`${thousands(count.total)}${count.exact ? '' : '+'} tokens in`];
  if (out !== null) parts.push(`≤ ${thousands(out)} out`);
  if (entry.contextWindow !== null) parts.push(`${shortTokens(entry.contextWindow)} window`);
  return parts.join(' · ');
}

/** The innermost call whose span holds the offset. */
export function callAt(calls: ApiCall[], offset: number): ApiCall | undefined {
  let best: ApiCall | undefined;
  for (const c of calls) {
    if (c.span.start <= offset && offset <= c.span.end && (!best || c.span.end - c.span.start < best.span.end - best.span.start)) best = c;
  }
  return best;
}
