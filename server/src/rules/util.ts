/** Small pure helpers shared by rules: argument lookup, spans and text edits. */
import type { ApiCall, Argument, Span, Value, ValueNode } from '../analysis/apiCall';
import type { ModelTarget } from './define';
import type { TextEdit } from './types';

export function findArg(call: ApiCall, ...names: string[]): Argument | undefined {
  for (const name of names) {
    const arg = call.args.find((a) => a.name === name);
    if (arg) return arg;
  }
  return undefined;
}

export function stringValue(v: Value | undefined | null): string | undefined {
  return v?.kind === 'string' ? v.value : undefined;
}

export function numberValue(v: Value | undefined | null): number | undefined {
  return v?.kind === 'number' ? v.value : undefined;
}

/** The value of `key` in an object value (`{"type": "json_schema"}`), when known. */
export function objectEntry(v: Value, key: string): ValueNode | undefined {
  if (v.kind !== 'object') return undefined;
  return v.entries.find((e) => e.name === key)?.value;
}

const within = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;

/**
 * Where a finding about an argument's value goes: the value as written in the call. When
 * the value is a constant defined elsewhere (`model=MODEL`), that is the expression after
 * `model=` / `model:`; for a shorthand property (`{ model }`) the name itself.
 */
export function valueSpanInCall(arg: Argument, text: string): Span {
  if (within(arg.value.span, arg.span)) return arg.value.span;
  let start = arg.nameSpan.end;
  const end = arg.span.end;
  while (start < end && /[\s=:'"\]]/.test(text[start]!)) start++;
  return start < end ? { start, end } : { start: arg.nameSpan.start, end: arg.nameSpan.end };
}

/** Where a parameter finding goes: the whole argument, or its key inside a spread literal. */
export function paramSpan(arg: Argument): Span {
  return arg.fromSpread ? arg.nameSpan : arg.span;
}

export function replaceEdit(span: Span, newText: string): TextEdit {
  return { start: span.start, end: span.end, newText };
}

/** Rename a keyword / property key, keeping the quotes of a quoted key (`"max_tokens": 1`). */
export function renameEdit(arg: Argument, newName: string, text: string): TextEdit {
  const written = text.slice(arg.nameSpan.start, arg.nameSpan.end);
  const q = written[0];
  if ((q === '"' || q === "'") && written.endsWith(q) && written.length >= 2) {
    return { start: arg.nameSpan.start + 1, end: arg.nameSpan.end - 1, newText: newName };
  }
  return { start: arg.nameSpan.start, end: arg.nameSpan.end, newText: newName };
}

/**
 * Remove an argument (or a key of a spread literal) with its separating comma, so that the
 * result still parses: a line that holds only the argument disappears whole; otherwise the
 * following comma and spaces go with it, or for the last argument the preceding comma.
 */
export function removalEdit(arg: Argument, text: string): TextEdit {
  const { start, end } = arg.span;
  let after = end;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
  const hasComma = text[after] === ',';
  if (hasComma) after++;
  let lineStart = start;
  while (lineStart > 0 && (text[lineStart - 1] === ' ' || text[lineStart - 1] === '\t')) lineStart--;
  const aloneBefore = lineStart === 0 || text[lineStart - 1] === '\n';
  let eol = after;
  while (eol < text.length && (text[eol] === ' ' || text[eol] === '\t')) eol++;
  const aloneAfter = eol >= text.length || text[eol] === '\n' || text[eol] === '\r';
  if (aloneBefore && aloneAfter && hasComma) {
    if (text[eol] === '\r') eol++;
    if (text[eol] === '\n') eol++;
    return { start: lineStart, end: eol, newText: '' };
  }
  if (hasComma) {
    let next = after;
    while (next < text.length && (text[next] === ' ' || text[next] === '\t')) next++;
    if (text[next] !== '\n' && text[next] !== '\r') return { start, end: next, newText: '' };
    // the next argument is on the next line: keep the line break, drop the comma
    return { start: aloneBefore ? lineStart : start, end: after, newText: '' };
  }
  // last argument: take the preceding comma (and the whitespace between)
  let before = start;
  while (before > 0 && /\s/.test(text[before - 1]!)) before--;
  if (text[before - 1] === ',') return { start: before - 1, end, newText: '' };
  return { start, end, newText: '' };
}

export function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

export function quote(s: string): string {
  return `'${s}'`;
}

export type Resolved = Extract<ModelTarget, { kind: 'resolved' }>;

/** The resolved target when catalog checks apply, else null. */
export function resolvedTarget(t: ModelTarget): Resolved | null {
  return t.kind === 'resolved' ? t : null;
}

/** How messages name the model: the ID as written, or on Azure the model behind the deployment. */
export function modelLabel(t: Resolved): string {
  if (t.azure && t.azure.deployment !== t.entry.id) return `${t.entry.id} (deployment '${t.azure.deployment}')`;
  return t.id;
}
