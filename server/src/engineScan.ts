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

export function comments(root: Node): Comment[] {
  return root.descendantsOfType('comment').flatMap((n) => (n ? [{ text: n.text, span: span(n) }] : []));
}

const PY_STRING = /^[rRbBuU]*("""|'''|"|')([\s\S]*)\1$/;
const JS_STRING = /^(["'`])([\s\S]*)\1$/;

/** String literals without interpolation, with the keyword / key / variable they are bound to. */
export function stringLiterals(root: Node, language: 'python' | 'javascript' | 'typescript'): StringLiteral[] {
  const types = language === 'python' ? ['string'] : ['string', 'template_string'];
  const out: StringLiteral[] = [];
  for (const n of root.descendantsOfType(types)) {
    if (!n || n.namedChildren.some((c) => c && (c.type === 'interpolation' || c.type === 'template_substitution'))) continue;
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

