/**
 * Fixes written back into a notebook as text: only the bytes of the changed cells' `source`
 * strings change. Re-serialising the parsed JSON would rewrite the whole file the way
 * JavaScript prints JSON (big integers rounded to doubles, `1.0` → `1`, CRLF → LF, `\u00e9`
 * → `é`, other key order and indentation), so another tool's notebook would come back as a
 * diff of every line.
 *
 * A small scanner finds where each cell's `source` is written (the last `cells` and the
 * last `source` key win, as in JSON.parse). A source written as one string is replaced by
 * the new string; one written as an array of lines keeps its unchanged lines as written
 * (the common first and last lines) and its separators, and only the lines in between are
 * written anew.
 */

type Span = { start: number; end: number };

/** Where a cell's source is written: one string, or an array of strings. */
export type SourceLocation = { kind: 'string'; span: Span } | { kind: 'array'; span: Span; elements: (Span & { value: string })[] };

/**
 * The notebook text with the sources of some cells (by index in `cells`) replaced; null
 * when the text does not have the shape the changed cells need (never the case for text
 * that parseNotebook accepted).
 */
export function editNotebookText(text: string, sources: ReadonlyMap<number, string>): string | null {
  const located = locateSources(text);
  if (!located) return null;
  const edits: (Span & { newText: string })[] = [];
  // non-ASCII characters are written as they were: raw, or as \u escapes in an ASCII-only file
  const ascii = !/[^\x00-\x7f]/.test(text);
  for (const [index, value] of sources) {
    const at = located.get(index);
    if (!at) return null;
    if (at.kind === 'string') edits.push({ ...at.span, newText: jsonString(value, ascii) });
    else edits.push(...arrayEdits(text, at, value, ascii));
  }
  edits.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** nbformat's lines: each keeps its "\n" (a CRLF stays whole), the last may have none. */
export function sourceLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function jsonString(value: string, ascii: boolean): string {
  const s = JSON.stringify(value);
  return ascii ? s.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : s;
}

/** Edits turning an array-of-lines source into `value`, keeping the common first and last lines. */
function arrayEdits(text: string, at: Extract<SourceLocation, { kind: 'array' }>, value: string, ascii: boolean): (Span & { newText: string })[] {
  const old = at.elements;
  const lines = sourceLines(value);
  let head = 0;
  while (head < old.length && head < lines.length && old[head]!.value === lines[head]) head++;
  let tail = 0;
  while (tail < old.length - head && tail < lines.length - head && old[old.length - 1 - tail]!.value === lines[lines.length - 1 - tail]) tail++;
  const removed = old.slice(head, old.length - tail);
  const added = lines.slice(head, lines.length - tail).map((l) => jsonString(l, ascii));
  if (!removed.length && !added.length) return [];
  const sep = separator(text, at);
  if (removed.length && added.length) return [{ start: removed[0]!.start, end: removed.at(-1)!.end, newText: added.join(sep) }];
  if (added.length) {
    // pure insertion: after the kept head line, before the kept tail line, or into an empty array
    if (head > 0) return [{ start: old[head - 1]!.end, end: old[head - 1]!.end, newText: sep + added.join(sep) }];
    if (old.length) return [{ start: old[0]!.start, end: old[0]!.start, newText: added.join(sep) + sep }];
    return [{ start: at.span.start + 1, end: at.span.end - 1, newText: added.join(sep) }];
  }
  // pure deletion, with one separator next to the removed lines
  const first = removed[0]!;
  const last = removed.at(-1)!;
  if (tail > 0) return [{ start: first.start, end: old[old.length - tail]!.start, newText: '' }];
  if (head > 0) return [{ start: old[head - 1]!.end, end: last.end, newText: '' }];
  return [{ start: at.span.start + 1, end: at.span.end - 1, newText: '' }];
}

/** The text between two lines of this array, else a comma and the layout before the first line. */
function separator(text: string, at: Extract<SourceLocation, { kind: 'array' }>): string {
  const [a, b] = at.elements;
  if (a && b) return text.slice(a.end, b.start);
  if (a) return `,${text.slice(at.span.start + 1, a.start)}`;
  return ', ';
}

// ---- scanning ------------------------------------------------------------------------------

/** Cell index → where its source is written; null when the text is not a notebook object. */
export function locateSources(text: string): Map<number, SourceLocation> | null {
  const s = new Scanner(text);
  try {
    let result: Map<number, SourceLocation> | null = null;
    s.pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    s.members((key) => {
      if (key === 'cells' && s.peek() === '[') result = s.cells();
      else s.skipValue();
    });
    return result;
  } catch {
    return null;
  }
}

class Scanner {
  pos = 0;
  constructor(readonly text: string) {}

  ws(): void {
    const t = this.text;
    while (this.pos < t.length && (t[this.pos] === ' ' || t[this.pos] === '\n' || t[this.pos] === '\r' || t[this.pos] === '\t')) this.pos++;
  }

  peek(): string | undefined {
    this.ws();
    return this.text[this.pos];
  }

  expect(c: string): void {
    if (this.peek() !== c) throw new Error(`expected ${c} at ${this.pos}`);
    this.pos++;
  }

  /** The span of the string at the position (quotes included). */
  string(): Span {
    this.expect('"');
    const start = this.pos - 1;
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (Number.isNaN(c)) throw new Error('unterminated string');
      this.pos += c === 0x5c ? 2 : 1;
      if (c === 0x22) return { start, end: this.pos };
    }
  }

  /** Calls `onMember` with each key of the object at the position, the scanner before its value. */
  members(onMember: (key: string) => void): void {
    this.expect('{');
    if (this.peek() === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      const k = this.string();
      const key = JSON.parse(this.text.slice(k.start, k.end)) as string;
      this.expect(':');
      onMember(key);
      const c = this.peek();
      this.pos++;
      if (c === '}') return;
      if (c !== ',') throw new Error(`expected , or } at ${this.pos - 1}`);
    }
  }

  /** Calls `onElement` with each index of the array at the position, the scanner before the element. */
  elements(onElement: (index: number) => void): void {
    this.expect('[');
    if (this.peek() === ']') {
      this.pos++;
      return;
    }
    for (let i = 0; ; i++) {
      onElement(i);
      const c = this.peek();
      this.pos++;
      if (c === ']') return;
      if (c !== ',') throw new Error(`expected , or ] at ${this.pos - 1}`);
    }
  }

  cells(): Map<number, SourceLocation> {
    const out = new Map<number, SourceLocation>();
    this.elements((index) => {
      if (this.peek() !== '{') return this.skipValue();
      out.delete(index);
      this.members((key) => {
        if (key !== 'source') return this.skipValue();
        const at = this.source();
        if (at) out.set(index, at);
        else out.delete(index);
      });
    });
    return out;
  }

  /** A source value: a string, an array of strings, or (anything else) null after skipping it. */
  source(): SourceLocation | null {
    const c = this.peek();
    if (c === '"') return { kind: 'string', span: this.string() };
    if (c !== '[') {
      this.skipValue();
      return null;
    }
    const start = this.pos;
    const elements: (Span & { value: string })[] = [];
    let strings = true;
    this.elements(() => {
      if (this.peek() !== '"') {
        strings = false;
        return this.skipValue();
      }
      const span = this.string();
      elements.push({ ...span, value: JSON.parse(this.text.slice(span.start, span.end)) as string });
    });
    return strings ? { kind: 'array', span: { start, end: this.pos }, elements } : null;
  }

  /** Past any JSON value, without recursion (a notebook may nest deeper than a call stack). */
  skipValue(): void {
    let depth = 0;
    do {
      const c = this.peek();
      if (c === undefined) throw new Error('unexpected end');
      if (c === '"') this.string();
      else if (c === '{' || c === '[') {
        depth++;
        this.pos++;
      } else if (c === '}' || c === ']') {
        depth--;
        this.pos++;
      } else if (c === ',' || c === ':') this.pos++;
      else {
        const t = this.text;
        while (this.pos < t.length && /[^\s,:{}[\]"]/.test(t[this.pos]!)) this.pos++;
      }
    } while (depth > 0);
  }
}
