/**
 * Reusing a document's calls across an edit that cannot have changed them, so typing in a
 * large file does not re-extract every call on every keystroke.
 *
 * What extraction reads: the calls themselves (found at the SDK resource names), and the rest
 * of the file only where a word it looked for is written (`Extraction.words`: the names it
 * resolved, attribute and constructor names, `import` / `require`), through the tree there and
 * its ancestors. So an edit is harmless when all of these hold:
 *  - it lies inside one top-level statement (after its start; at its end counts: typing at
 *    the end of a function's last line), which keeps its type and start in the new tree and
 *    moves its end by the edit's length, while the file keeps its number of top-level
 *    statements (the rest of the tree is then the same: nothing merged or split);
 *  - that statement holds no call, before or after (no SDK resource name in its text at all);
 *  - its text holds none of the words, before or after (a plain substring test: a word inside a
 *    longer name or a string counts too, which only costs a re-extraction).
 * The calls are then the old ones with every position after the edit moved by its length.
 * Anything else (several edits, a full-text change, errors that moved a statement's end)
 * re-extracts. The differential fuzzer (test/server/fuzz.test.ts) checks the server's
 * diagnostics against an analysis from scratch after every edit.
 */
import type { Tree } from '@vscode/tree-sitter-wasm';
import type { ApiCall, Argument, ContentPart, Message, Span, Value, ValueNode } from './apiCall';
import { mightContainCall } from './extract';
import type { Extraction } from './extract';
import { topLevelNodeAround } from './nameIndex';

/** A top-level statement: its node type and extent. */
export interface TopStatement {
  type: string;
  start: number;
  end: number;
}

/** One text change, with the top-level statement around it in the tree before it. */
export interface EditRecord {
  start: number;
  oldEnd: number;
  newEnd: number;
  /** the top-level statement that contained the change, in the tree parsed just before it */
  top: TopStatement | null;
  /** how many children the root had then */
  rootChildren: number;
}

/** The top-level statement around [start, end) and the root's child count, or null when none contains it. */
export function topStatementAt(tree: Tree, start: number, end: number): { top: TopStatement | null; rootChildren: number } {
  const n = topLevelNodeAround(tree, start, end);
  return { top: n && { type: n.type, start: n.startIndex, end: n.endIndex }, rootChildren: tree.rootNode.childCount };
}

/**
 * The previous extraction moved past `edit`, when the edit cannot have changed it (see the
 * file comment); null when the calls must be extracted again.
 */
export function reuseExtraction(prev: Extraction, prevText: string, edit: EditRecord, tree: Tree, text: string): Extraction | null {
  const before = edit.top;
  if (!before || !(before.start < edit.start && edit.oldEnd <= before.end)) return null;
  const delta = edit.newEnd - edit.oldEnd;
  const { top: after, rootChildren } = topStatementAt(tree, edit.start, edit.newEnd);
  if (!after || rootChildren !== edit.rootChildren) return null;
  if (after.type !== before.type || after.start !== before.start || after.end !== before.end + delta) return null;
  if (prev.calls.some((c) => c.span.start < before.end && c.span.end > before.start)) return null;
  const oldStatement = prevText.slice(before.start, before.end);
  const newStatement = text.slice(after.start, after.end);
  if (mightContainCall(oldStatement) || mightContainCall(newStatement)) return null;
  for (const word of prev.words) if (oldStatement.includes(word) || newStatement.includes(word)) return null;
  const mover = new Mover(before.end, delta);
  return { calls: prev.calls.map((c) => mover.call(c)), words: prev.words };
}

/** Copies of `calls` with every position at or after `from` moved by `delta` (a notebook cell analysed alone, placed in the module). */
export function moveCalls(calls: readonly ApiCall[], from: number, delta: number): ApiCall[] {
  const mover = new Mover(from, delta);
  return calls.map((c) => mover.call(c));
}

/**
 * Copies of calls (never shared with the previous analysis) with every position at or after
 * `from` moved by `delta`. Objects shared between calls or parts of a call stay shared in the
 * copy (`call.model` is one of `call.args`; a constant's value is the same node in every call
 * that uses it): rules compare them by identity.
 */
class Mover {
  private readonly copies = new Map<object, object>();

  constructor(
    private readonly from: number,
    private readonly delta: number,
  ) {}

  private once<T extends object>(original: T, copy: (o: T) => T): T {
    let c = this.copies.get(original) as T | undefined;
    if (!c) this.copies.set(original, (c = copy(original)));
    return c;
  }

  span(s: Span): Span {
    return s.start >= this.from ? { start: s.start + this.delta, end: s.end + this.delta } : { start: s.start, end: s.end };
  }

  valueNode(v: ValueNode): ValueNode;
  valueNode(v: ValueNode | null): ValueNode | null;
  valueNode(v: ValueNode | null): ValueNode | null {
    if (!v) return null;
    return this.once(v, (o) => {
      const value: Value = o.value.kind === 'array' ? { kind: 'array', items: o.value.items.map((i) => this.valueNode(i)) } : o.value.kind === 'object' ? { kind: 'object', entries: o.value.entries.map((e) => this.argument(e)), open: o.value.open } : o.value;
      const c: ValueNode = { value, span: this.span(o.span) };
      if (o.innerSpan) c.innerSpan = this.span(o.innerSpan);
      return c;
    });
  }

  argument(a: Argument): Argument;
  argument(a: Argument | null): Argument | null;
  argument(a: Argument | null): Argument | null {
    if (!a) return null;
    return this.once(a, (o) => ({ name: o.name, nameSpan: this.span(o.nameSpan), span: this.span(o.span), value: this.valueNode(o.value), fromSpread: o.fromSpread }));
  }

  private part(p: ContentPart): ContentPart {
    const c: ContentPart = { ...p, span: this.span(p.span) };
    if (p.text) c.text = this.valueNode(p.text);
    return c;
  }

  private message(m: Message): Message {
    return { span: this.span(m.span), role: this.valueNode(m.role), content: this.valueNode(m.content), parts: m.parts && m.parts.map((p) => this.part(p)), name: this.valueNode(m.name) };
  }

  call(c: ApiCall): ApiCall {
    const copy: ApiCall = {
      ...c,
      client: { ...c.client, apiVersion: this.valueNode(c.client.apiVersion), ...(c.client.deployment ? { deployment: this.valueNode(c.client.deployment) } : {}) },
      span: this.span(c.span),
      calleeSpan: this.span(c.calleeSpan),
      argsSpan: this.span(c.argsSpan),
      model: this.argument(c.model),
      args: c.args.map((a) => this.argument(a)),
      messages: c.messages && c.messages.map((m) => this.message(m)),
      instructions: this.valueNode(c.instructions),
    };
    if (c.filePath) copy.filePath = { value: c.filePath.value, span: this.span(c.filePath.span) };
    return copy;
  }
}
