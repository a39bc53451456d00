/**
 * The two things the engine reads from the tree itself rather than from ApiCalls: comments
 * (for suppressions; strings that look like comments are not comments) and string literals
 * with the name they are bound to (for OAI501).
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Span } from './analysis/apiCall';
import type { StringLiteral } from './rules/hardcoded-api-key';
import type { Comment } from './suppress';
import { unescapeString } from './analysis/values';

const span = (n: Node): Span => ({ start: n.startIndex, end: n.endIndex });

/** Every comment of the tree (a full walk; tests and tools). */
export function comments(root: Node): Comment[] {
  return root.descendantsOfType('comment').flatMap((n) => (n ? [{ text: n.text, span: span(n) }] : []));
}

/**
 * The comments that contain one of `markers`: the text is searched, and each hit is kept
 * only when the tree has a comment there (a marker inside a string is not a comment). Cost
 * grows with the hits, not with the file.
 */
export function commentsWith(root: Node, text: string, markers: RegExp): Comment[] {
  const out: Comment[] = [];
  let lastEnd = -1;
  for (const m of text.matchAll(markers)) {
    if (m.index < lastEnd) continue;
    const n = commentAt(root, m.index);
    if (!n) continue;
    out.push({ text: n.text, span: span(n) });
    lastEnd = n.endIndex;
  }
  return out;
}

function commentAt(root: Node, index: number): Node | null {
  for (let n = root.descendantForIndex(index, index + 1); n; n = n.parent) {
    if (n.type === 'comment') return n;
    if (n.type === 'string' || n.type === 'template_string' || n.id === root.id) return null;
  }
  return null;
}

/**
 * Where a key may be written, in the text: `sk-` and a secret, a kind prefix (`-proj-` of `'sk' + '-proj-…'`),
 * an escape of `s` or `k` (`"s\x6b-proj-…"`), a long run of letters and digits (the secret of a
 * key split after `sk-`, an 84-character Azure key), and, where the file names an api key, 32
 * hex digits. Null when the text holds none of these.
 */
export function keyCandidates(text: string): RegExp | null {
  const named = /api[-_]?key/i.test(text);
  const re = named ? KEY_HINTS_NAMED : KEY_HINTS;
  re.lastIndex = 0;
  const found = re.test(text);
  re.lastIndex = 0;
  return found ? new RegExp(re.source, 'g') : null;
}

const KEY_HINTS_SOURCE = String.raw`sk-[A-Za-z0-9_-]{20}|-(?:proj|svcacct|admin)-|\\(?:x73|x6[bB]|u0073|u006[bB]|163|153)|[A-Za-z0-9]{40,}`;
const KEY_HINTS = new RegExp(KEY_HINTS_SOURCE, 'g');
const KEY_HINTS_NAMED = new RegExp(`${KEY_HINTS_SOURCE}|(?<![0-9A-Za-z])[0-9a-fA-F]{32}(?![0-9A-Za-z])`, 'g');

const STRING_TYPES = { python: ['string'], ecma: ['string', 'template_string'] };
/** Nodes that join string literals into one value: `"a" "b"`, `"a" + "b"`, parentheses. */
const JOINING = new Set(['concatenated_string', 'binary_operator', 'binary_expression', 'parenthesized_expression']);

/**
 * String values written as literals, with the keyword / key / variable they are bound to: a
 * literal with its escapes resolved, or literals joined into one value (`("sk" "-proj-…")`,
 * `'sk' + '-proj-…'`), reported as the whole expression. Interpolations make a value unknown
 * and it is left out. With `near` (a global regex), only the literals around its matches in
 * `text` — the cheap path the engine takes; without it, every literal of the tree.
 */
export function stringLiterals(root: Node, language: 'python' | 'javascript' | 'typescript', near?: { text: string; pattern: RegExp }): StringLiteral[] {
  const family = language === 'python' ? 'python' : 'ecma';
  const types = STRING_TYPES[family];
  const starts: Node[] = [];
  if (near) {
    let lastEnd = -1;
    for (const m of near.text.matchAll(near.pattern)) {
      if (m.index < lastEnd) continue;
      for (let n = root.descendantForIndex(m.index, m.index + 1); n && n.id !== root.id; n = n.parent) {
        if (!types.includes(n.type)) continue;
        starts.push(n);
        lastEnd = n.endIndex;
        break;
      }
    }
  } else starts.push(...root.descendantsOfType(types).filter((n): n is Node => n !== null));
  const out: StringLiteral[] = [];
  const seen = new Set<number>();
  for (const n of starts) {
    // a literal joined with something that is not one (`PREFIX + "sk-…"`) is still looked at alone
    const joined = joinedExpression(n);
    const whole = joined.id === n.id ? null : joinedValue(joined, family, 0);
    const top = whole === null ? n : joined;
    if (seen.has(top.id)) continue;
    seen.add(top.id);
    const value = whole ?? literalValue(n, family);
    if (value !== null) out.push({ value, span: span(top), keyName: boundName(top) });
  }
  return out;
}

/** The outermost expression a literal is joined into (`"a" + "b" + "c"`), or the literal itself. */
function joinedExpression(n: Node): Node {
  let top = n;
  for (let p = n.parent; p && JOINING.has(p.type) && (p.type !== 'binary_operator' && p.type !== 'binary_expression' ? true : p.childForFieldName('operator')?.text === '+'); p = p.parent) top = p;
  return top;
}

/** The value of a literal or of literals joined by concatenation; null when any part is not a plain literal. */
function joinedValue(n: Node, family: 'python' | 'ecma', depth: number): string | null {
  if (depth > 64) return null;
  switch (n.type) {
    case 'string':
    case 'template_string':
      return literalValue(n, family);
    case 'concatenated_string':
    case 'binary_operator':
    case 'binary_expression':
    case 'parenthesized_expression': {
      let value = '';
      for (const part of n.namedChildren) {
        if (!part || part.type === 'comment') continue;
        const v = joinedValue(part, family, depth + 1);
        if (v === null) return null;
        value += v;
      }
      return value;
    }
    default:
      return null;
  }
}

/** A literal's value with its escapes resolved (not in Python raw strings); null with an interpolation. */
function literalValue(n: Node, family: 'python' | 'ecma'): string | null {
  if (family === 'ecma') {
    if (n.type === 'template_string' && n.namedChildren.some((c) => c?.type === 'template_substitution')) return null;
    return unescapeString(n.text.slice(1, -1));
  }
  let start = n.startIndex;
  let end = n.endIndex;
  let raw = false;
  for (const c of n.children) {
    if (!c) continue;
    if (c.type === 'interpolation') return null;
    if (c.type === 'string_start') {
      start = c.endIndex;
      raw = c.text.replace(/['"]+$/, '').toLowerCase().includes('r');
    } else if (c.type === 'string_end') end = c.startIndex;
  }
  const content = n.text.slice(start - n.startIndex, end - n.startIndex);
  return raw ? content : unescapeString(content);
}
function boundName(n: Node): string | null {
  const p = n.parent;
  if (!p) return null;
  let key: Node | null = null;
  if (p.type === 'keyword_argument' || p.type === 'pair' || p.type === 'variable_declarator' || p.type === 'assignment') {
    key = p.childForFieldName(p.type === 'keyword_argument' || p.type === 'variable_declarator' ? 'name' : p.type === 'pair' ? 'key' : 'left');
  }
  if (!key || key.id === n.id) return null;
  return key.text.replace(/^["'`]|["'`]$/g, '');
}

