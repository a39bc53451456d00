/**
 * Hand-built ApiCall objects over real source text, for rule tests that do not go through
 * the parser: each argument is found in the text as `name=value` / `name: value`.
 */
import type { ApiCall, Argument, ClientInfo, ContentPart, Message, Value, ValueNode } from '../../server/src/analysis/apiCall';
import type { Endpoint } from '../../server/src/catalog/schema';

function at(text: string, needle: string, from = 0): number {
  const i = text.indexOf(needle, from);
  if (i < 0) throw new Error(`not in text: ${needle}`);
  return i;
}

export function literal(written: string, start: number): ValueNode {
  const span = { start, end: start + written.length };
  const q = /^(["'])([\s\S]*)\1$/.exec(written);
  if (q) return { value: { kind: 'string', value: q[2]! }, span, innerSpan: { start: start + 1, end: span.end - 1 } };
  if (/^-?\d+(\.\d+)?$/.test(written)) return { value: { kind: 'number', value: Number(written) }, span };
  if (written === 'True' || written === 'true') return { value: { kind: 'boolean', value: true }, span };
  if (written === 'False' || written === 'false') return { value: { kind: 'boolean', value: false }, span };
  if (written === 'None' || written === 'null') return { value: { kind: 'null' }, span };
  return { value: { kind: 'unknown' }, span };
}

export class CallBuilder {
  readonly call: ApiCall;
  private cursor: number;
  constructor(
    readonly text: string,
    endpoint: Endpoint,
    opts: { client?: Partial<ClientInfo>; callee?: string; language?: ApiCall['language']; helper?: ApiCall['helper'] } = {},
  ) {
    const callee = opts.callee ?? `${endpoint}.create`;
    const cs = at(text, callee);
    const open = at(text, '(', cs);
    const close = text.lastIndexOf(')');
    this.cursor = open;
    this.call = {
      endpoint,
      method: callee.replace(/^client\./, ''),
      helper: opts.helper ?? null,
      language: opts.language ?? 'python',
      client: { kind: 'openai', constructorName: 'OpenAI', baseUrl: null, apiVersion: null, legacySdk: false, ...opts.client },
      span: { start: at(text, 'client.', Math.max(0, cs - 7)), end: close + 1 },
      calleeSpan: { start: cs, end: cs + callee.length },
      argsSpan: { start: open, end: close + 1 },
      model: null,
      args: [],
      argsOpen: false,
      messages: null,
      instructions: null,
    };
  }

  /** `name=value` (Python) or `name: value` (JS) as written in the text, after the previous argument. */
  arg(name: string, written: string, value?: Value): Argument {
    const py = `${name}=${written}`;
    const js = `${name}: ${written}`;
    let start = this.text.indexOf(py, this.cursor);
    let sep = 1;
    if (start < 0) {
      start = at(this.text, js, this.cursor);
      sep = 2;
    }
    const v = literal(written, start + name.length + sep);
    if (value) v.value = value;
    const arg: Argument = { name, nameSpan: { start, end: start + name.length }, span: { start, end: v.span.end }, value: v, fromSpread: false };
    this.cursor = arg.span.end;
    this.call.args.push(arg);
    if (name === 'model') this.call.model = arg;
    return arg;
  }

  /** A `{"role": ..., "content": ...}` message found after the cursor. */
  message(role: string, content: string | null, parts?: ContentPart[]): Message {
    const rs = at(this.text, `"${role}"`, this.cursor);
    const msgStart = this.text.lastIndexOf('{', rs);
    const roleNode = literal(`"${role}"`, rs);
    let contentNode: ValueNode | null = null;
    let end = roleNode.span.end;
    if (content !== null) {
      const cs = at(this.text, content, end);
      contentNode = literal(content, cs);
      end = contentNode.span.end;
    }
    if (parts?.length) end = Math.max(end, parts[parts.length - 1]!.span.end);
    const close = at(this.text, '}', end);
    const m: Message = { span: { start: msgStart, end: close + 1 }, role: roleNode, content: contentNode, parts: parts ?? null, name: null };
    this.cursor = close + 1;
    (this.call.messages ??= []).push(m);
    return m;
  }

  /** A content part `{"type": "<type>" ...}` found after the cursor. */
  part(type: string, extra: Partial<ContentPart> = {}): ContentPart {
    const ts = at(this.text, `"type": "${type}"`, this.cursor);
    const start = this.text.lastIndexOf('{', ts);
    let depth = 0;
    let end = start;
    for (let i = start; i < this.text.length; i++) {
      if (this.text[i] === '{') depth++;
      else if (this.text[i] === '}' && --depth === 0) {
        end = i + 1;
        break;
      }
    }
    return { type, span: { start, end }, ...extra };
  }

  /** Search from the start of the argument list again. */
  rewind(): void {
    this.cursor = this.call.argsSpan.start;
  }

  apiVersion(written: string): void {
    const s = at(this.text, written);
    this.call.client.apiVersion = literal(written, s);
  }
}

/** The text after applying edits (non-overlapping), for `output` assertions. */
export function applyEdits(text: string, edits: { start: number; end: number; newText: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
