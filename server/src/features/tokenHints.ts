/** Inlay hints and code lenses with each call's token count (settings.tokenCounts). */
import { InlayHintKind } from 'vscode-languageserver';
import type { CodeLens, InlayHint, Range } from 'vscode-languageserver';
import type { Analyzer, DocAnalysis } from './analysis';
import { callTokenInfo, summary } from './tokenInfo';

function within(range: Range | undefined, line: number): boolean {
  return !range || (range.start.line <= line && line <= range.end.line);
}

export function inlayHints(a: DocAnalysis, range: Range | undefined, analyzer: Analyzer): InlayHint[] {
  if (!a.ctx.settings.tokenCounts.inlay) return [];
  const out: InlayHint[] = [];
  for (const call of a.calls) {
    const position = a.state.doc.positionAt(call.span.end);
    if (!within(range, position.line)) continue;
    const info = callTokenInfo(call, a, analyzer);
    if (info.kind !== 'count') continue;
    out.push({ position, label: summary(info.count, info.entry), kind: InlayHintKind.Type, paddingLeft: true });
  }
  return out;
}

export function codeLenses(a: DocAnalysis, analyzer: Analyzer): CodeLens[] {
  if (!a.ctx.settings.tokenCounts.codeLens) return [];
  const out: CodeLens[] = [];
  for (const call of a.calls) {
    const info = callTokenInfo(call, a, analyzer);
    if (info.kind !== 'count') continue;
    const start = a.state.doc.positionAt(call.span.start);
    out.push({ range: { start, end: start }, command: { title: summary(info.count, info.entry), command: '' } });
  }
  return out;
}
