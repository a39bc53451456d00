/**
 * Literals several calls share: a request dict or object written once and passed to two calls
 * (`params = {...}; create(**params); stream(**params)`, `create(params)`), a message list, a
 * model constant. Findings about it are placed on the literal (or on each call), so:
 * - the same finding from two calls is one finding: same code and place, and the same fix (or,
 *   without one, the same message); the most severe is kept (o1's error on `max_tokens` over
 *   gpt-4o's hint, both renaming it);
 * - a safe fix that edits the literal changes every call that uses it: it stays safe only when
 *   each of those calls has the same fix; otherwise it becomes unsafe and its message says
 *   which calls share the literal (`COMMON = {"temperature": 0.2}` shared by an o1 call and a
 *   gpt-4o call: removing `temperature` for o1 would silently change the gpt-4o request).
 */
import type { ApiCall, Span } from '../analysis/apiCall';
import type { Finding, Severity, TextEdit } from './types';

/** How a message names a place in the analysed text ("line 12"; a notebook says the cell too). */
export type PlaceLabel = (offset: number) => string;

export function lineLabel(text: string): PlaceLabel {
  return (offset) => {
    let line = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    return `line ${line}`;
  };
}

/** The findings of every call, with shared literals' fixes guarded and repeats dropped, in call order. */
export function mergeCallFindings(calls: readonly ApiCall[], perCall: readonly Finding[][], where: PlaceLabel): Finding[] {
  const out: Finding[] = [];
  const at = new Map<string, number>();
  let used: CallSpans[] | null = null;
  perCall.forEach((findings, i) => {
    for (const f of findings) {
      let g = f;
      if (f.fix?.safe) g = guardFix(f, i, calls, perCall, (used ??= calls.map(usedSpans)), where);
      const same = g.fix ? JSON.stringify(g.fix.edits) : g.message;
      const key = `${g.code}\u0000${g.span.start}\u0000${g.span.end}\u0000${same}`;
      const seen = at.get(key);
      if (seen === undefined) {
        at.set(key, out.length);
        out.push(g);
      } else if (SEVERITY_RANK[g.severity] > SEVERITY_RANK[out[seen]!.severity]) out[seen] = g;
    }
  });
  return out;
}

const SEVERITY_RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

/** Where a call's request is written (each argument, its name and its value, literals defined elsewhere included), and their extent. */
interface CallSpans {
  spans: Span[];
  start: number;
  end: number;
}

function usedSpans(call: ApiCall): CallSpans {
  const spans: Span[] = [];
  for (const a of call.args) spans.push(a.span, a.nameSpan, a.value.span);
  let start = Infinity;
  let end = -Infinity;
  for (const s of spans) {
    start = Math.min(start, s.start);
    end = Math.max(end, s.end);
  }
  return { spans, start, end };
}

/** A safe fix whose edits reach into what other calls use, unless they all have the same fix: unsafe, said in the message. */
function guardFix(f: Finding, own: number, calls: readonly ApiCall[], perCall: readonly Finding[][], used: readonly CallSpans[], where: PlaceLabel): Finding {
  const edits = f.fix!.edits;
  const others: ApiCall[] = [];
  calls.forEach((call, j) => {
    const u = used[j]!;
    if (j === own || !edits.some((e) => e.start <= u.end && u.start <= e.end && u.spans.some((s) => touches(e, s)))) return;
    if (perCall[j]!.some((g) => g.fix && sameEdits(g.fix.edits, edits))) return;
    others.push(call);
  });
  if (!others.length) return f;
  const places = others.map((c) => where(c.span.start));
  const list = places.length === 1 ? `the call at ${places[0]}` : `the calls at ${places.slice(0, -1).join(', ')} and ${places[places.length - 1]}`;
  return {
    ...f,
    message: `${f.message}; the fix edits a literal that ${list} also ${places.length === 1 ? 'uses' : 'use'}, so it is not applied automatically`,
    fix: { ...f.fix!, safe: false },
  };
}

/** An edit changes text inside the span (an insertion strictly inside it counts). */
function touches(e: TextEdit, s: Span): boolean {
  if (e.start === e.end) return s.start < e.start && e.start < s.end;
  return e.start < s.end && s.start < e.end;
}

function sameEdits(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  return a.length === b.length && a.every((e) => b.some((o) => o.start === e.start && o.end === e.end && o.newText === e.newText));
}
