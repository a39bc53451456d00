/** Small pure helpers shared by rules: argument lookup, spans and text edits. */
import type { ApiCall, Argument, Span, Value, ValueNode } from '../analysis/apiCall';
import { removalSpan } from '../analysis/edits';
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

/** Remove an argument (or a key of a spread literal) with its separating comma (parse lane's removalSpan). */
export function removalEdit(call: ApiCall, arg: Argument, text: string): TextEdit {
  const { start, end } = removalSpan(call, arg, text);
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
  if (t.defaulted) return `${t.id} (the SDK's default model: the call passes none)`;
  return t.id;
}

/** `model="x"` / `model: "x"` as the call's language writes it, for messages that say to pass a model. */
export function modelArgument(language: ApiCall['language'], id: string): string {
  return language === 'python' ? `model="${id}"` : `model: "${id}"`;
}

/** `response_format={...}` (chat) or `text={"format": {...}}` (responses). */
export function formatArg(args: Argument[]): { arg: Argument; type: ReturnType<typeof objectEntry> } | undefined {
  const rf = args.find((a) => a.name === 'response_format');
  if (rf) return { arg: rf, type: objectEntry(rf.value.value, 'type') };
  const text = args.find((a) => a.name === 'text');
  const format = text ? objectEntry(text.value.value, 'format') : undefined;
  if (text && format) return { arg: text, type: objectEntry(format.value, 'type') };
  return undefined;
}

/** Whether the call asks for structured outputs: a json_schema response format, or the SDK's `.parse` helper. */
export function usesStructuredOutputs(call: ApiCall): boolean {
  return call.helper === 'parse' || stringValue(formatArg(call.args)?.type?.value) === 'json_schema';
}
