/**
 * Where "Disable OAIxxx for this line" puts its comment. Appending a comment at the end of
 * the line is right unless the line ends inside a string (a triple-quoted Python string, a
 * template literal) or JSX text, where it would become text: then a `disable-next-line`
 * comment goes on its own line above. When the line already carries a `disable-line`
 * directive, the code joins its list.
 */
import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { TextEdit } from '../rules/types';

const TEXTUAL = new Set(['string', 'template_string', 'jsx_text', 'jsx_element', 'jsx_fragment']);
const EXISTING = /openai-model-lint:\s*disable-line(?:[\s,]*[A-Za-z]+\d+)*/;

/** True when the character at `offset` (a line break) belongs to a string or JSX text. */
export function insideText(tree: Tree, offset: number): boolean {
  const root = tree.rootNode;
  for (let n: Node | null = root.descendantForIndex(offset, offset + 1); n && n.id !== root.id; n = n.parent) {
    if (n.type === 'comment') return false;
    if (TEXTUAL.has(n.type) && n.startIndex < offset && n.endIndex > offset) {
      // inside a JSX element only its children are text, not its opening tag's attributes
      if (n.type === 'jsx_element' || n.type === 'jsx_fragment') {
        const open = n.firstChild;
        const close = n.lastChild;
        if (open && offset < open.endIndex) return false;
        if (close && offset >= close.startIndex) return false;
      }
      return true;
    }
  }
  return false;
}

/**
 * The edit that disables `code` for the line starting at `lineStart` (UTF-16 offsets into
 * `text`), or null when no comment can be placed there safely. `tree` must be the parse of
 * `text`; without it the comment goes at the end of the line.
 */
export function disableEdit(text: string, lineStart: number, code: string, marker: '#' | '//', tree: Tree | null): TextEdit | null {
  let lineEnd = text.indexOf('\n', lineStart);
  if (lineEnd < 0) lineEnd = text.length;
  if (lineEnd > lineStart && text[lineEnd - 1] === '\r') lineEnd--;
  const line = text.slice(lineStart, lineEnd);
  const endInText = tree !== null && lineEnd < text.length && insideText(tree, lineEnd);
  if (!endInText) {
    let existing = EXISTING.exec(line);
    if (existing && tree && insideText(tree, lineStart + existing.index)) existing = null;
    if (existing && new RegExp(`\\b${code}\\b`).test(existing[0])) return null;
    if (existing) {
      const at = lineStart + existing.index + existing[0].length;
      const hasCodes = /\d$/.test(existing[0]);
      return { start: at, end: at, newText: hasCodes ? `, ${code}` : ` ${code}` };
    }
    const sep = /\S/.test(line) ? '  ' : '';
    return { start: lineEnd, end: lineEnd, newText: `${sep}${marker} openai-model-lint: disable-line ${code}` };
  }
  // on its own line above: only where the line break before this line is code, not text,
  // and not a Python line continuation (a comment line would end it)
  if (lineStart > 0) {
    if (insideText(tree, lineStart - 1)) return null;
    const before = text.slice(0, lineStart).replace(/\r?\n$/, '');
    if (marker === '#' && before.endsWith('\\')) return null;
  }
  const indent = /^[ \t]*/.exec(line)![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { start: lineStart, end: lineStart, newText: `${indent}${marker} openai-model-lint: disable-next-line ${code}${eol}` };
}
