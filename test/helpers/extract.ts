/** Parse-lane test helpers: extract calls from source text and read spans back as text. */
import type { ApiCall, Span, ValueNode } from '../../server/src/analysis/apiCall';
import { extractCalls } from '../../server/src/analysis/extract';
import { initParsers, parseText } from '../../server/src/parse/parser';
import type { LanguageName } from '../../server/src/parse/parser';

export async function calls(text: string, lang: LanguageName): Promise<ApiCall[]> {
  await initParsers();
  return extractCalls(parseText(text, lang), text, lang);
}

export async function one(text: string, lang: LanguageName): Promise<ApiCall> {
  const found = await calls(text, lang);
  if (found.length !== 1) throw new Error(`expected one call, found ${found.length}`);
  return found[0]!;
}

export const at = (text: string, span: Span | undefined) => (span ? text.slice(span.start, span.end) : undefined);

/** The plain value of a ValueNode (strings, numbers, booleans, null) or "<kind>". */
export function plain(v: ValueNode | null | undefined): unknown {
  if (!v) return v;
  const x = v.value;
  if (x.kind === 'string' || x.kind === 'number' || x.kind === 'boolean') return x.value;
  if (x.kind === 'null') return null;
  return `<${x.kind}>`;
}
