/**
 * The two things the engine reads from the tree itself rather than from ApiCalls: comments
 * (for suppressions; strings that look like comments are not comments) and string literals
 * with the name they are bound to (for OAI501).
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Span } from './analysis/apiCall';
import type { StringLiteral } from './rules/hardcoded-api-key';
import type { Comment } from './suppress';

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

const PY_STRING = /^[rRbBuU]*("""|'''|"|')([\s\S]*)\1$/;
const JS_STRING = /^(["'`])([\s\S]*)\1$/;

/**
 * What a key looks like in the text: where to look for string literals worth checking.
 * Azure keys only count when passed as an api key, so without such a name in the file only
 * OpenAI-style keys are looked for; null when the file cannot hold either.
 */
export function keyCandidates(text: string): RegExp | null {
  const named = /api[-_]?key/i.test(text);
  if (named) return /sk-[A-Za-z0-9_-]{20,}|(?<![0-9A-Za-z])(?:[0-9a-f]{32}|[A-Za-z0-9]{84})(?![0-9A-Za-z])/g;
  return text.includes('sk-') ? /sk-[A-Za-z0-9_-]{20,}/g : null;
}

/**
 * String literals without interpolation, with the keyword / key / variable they are bound
 * to. With `near` (a global regex), only the literals around its matches in `text` — the
 * cheap path the engine takes; without it, every literal of the tree.
 */
export function stringLiterals(root: Node, language: 'python' | 'javascript' | 'typescript', near?: { text: string; pattern: RegExp }): StringLiteral[] {
  const types = language === 'python' ? ['string'] : ['string', 'template_string'];
  const nodes: Node[] = [];
  if (near) {
    const seen = new Set<number>();
    for (const m of near.text.matchAll(near.pattern)) {
      for (let n = root.descendantForIndex(m.index, m.index + 1); n && n.id !== root.id; n = n.parent) {
        if (!types.includes(n.type)) continue;
        if (!seen.has(n.id)) nodes.push(n);
        seen.add(n.id);
        break;
      }
    }
  } else nodes.push(...root.descendantsOfType(types).filter((n): n is Node => n !== null));
  const out: StringLiteral[] = [];
  for (const n of nodes) {
    if (n.namedChildren.some((c) => c && (c.type === 'interpolation' || c.type === 'template_substitution'))) continue;
    const m = (language === 'python' ? PY_STRING : JS_STRING).exec(n.text);
    if (!m) continue;
    out.push({ value: m[2]!, span: span(n), keyName: boundName(n) });
  }
  return out;
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

