/**
 * Long blocks of Python comment lines, blanked before parsing.
 *
 * The Python grammar's external scanner, on every line of a block of `#` comments that
 * follows a statement, looks ahead over the rest of the block for the next line's
 * indentation (tree-sitter/tree-sitter-python#243, #245): parse time grows with the square of
 * the block. Measured with the grammar we ship: 1,000 comment lines of 64 characters 1.6 s,
 * 2,000 lines 6-8 s, and a 250 kB file of comments 35 s (the command line and the editor
 * stall). Whitespace lines are skipped in one pass by the same scanner, so a block is
 * replaced by spaces of the same length (offsets, lines and columns do not move) when its
 * cost — lines × characters — is large; short blocks are left alone.
 *
 * A comment is extra to the grammar: a blank line in its place parses to the same tree minus
 * the comment node. Lines that start with `#` inside a triple-quoted string are not comments;
 * blanking them would change the string, so each blanked block is checked against the parse
 * and blocks that turn out to be inside a string are restored (see `parseBlanked`). Comments
 * the engine reads (suppressions: `openai-model-lint:`, `noqa`) are never blanked.
 */

/** A block of consecutive comment lines, [start, end) in UTF-16 offsets (`start` at its first `#`). */
export interface CommentBlock {
  start: number;
  end: number;
}

/** lines × characters of a block above which it is blanked (about 40 ms of parsing). */
export const BLANK_BLOCK_COST = 1_000_000;

const KEPT = /openai-model-lint:|noqa/i;

/**
 * The comment blocks of `text` worth blanking. A line belongs to a block when its first
 * character that is not a space or tab is `#`; line breaks are `\n`, `\r\n` and `\r`.
 */
export function longCommentBlocks(text: string, cost = BLANK_BLOCK_COST): CommentBlock[] {
  const blocks: CommentBlock[] = [];
  let blockStart = -1;
  let blockEnd = -1;
  let lines = 0;
  const close = (): void => {
    if (lines > 1 && lines * (blockEnd - blockStart) > cost) blocks.push({ start: blockStart, end: blockEnd });
    blockStart = -1;
    lines = 0;
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    // the line [i, eol)
    let eol = i;
    while (eol < n) {
      const c = text.charCodeAt(eol);
      if (c === 10 || c === 13) break;
      eol++;
    }
    let j = i;
    while (j < eol && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    if (j < eol && text.charCodeAt(j) === 35 && !KEPT.test(text.slice(j, eol))) {
      if (blockStart < 0) blockStart = j;
      blockEnd = eol;
      lines++;
    } else if (j < eol || blockStart < 0) {
      // a code line (or a kept comment) ends the block; blank lines inside a block do not
      close();
    }
    i = eol;
    if (i < n) i += text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
  }
  close();
  return blocks;
}

/** `text` with the comment lines of `blocks` turned into spaces (line breaks and indentation kept). */
export function blankBlocks(text: string, blocks: readonly CommentBlock[]): string {
  if (!blocks.length) return text;
  const parts: string[] = [];
  let last = 0;
  for (const b of blocks) {
    parts.push(text.slice(last, b.start));
    parts.push(text.slice(b.start, b.end).replace(/[^\r\n]/g, ' '));
    last = b.end;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

/** The parts of a parse this module needs (a tree-sitter tree and node). */
interface ParsedNode {
  type: string;
  parent: ParsedNode | null;
}
interface ParsedTree {
  rootNode: { descendantForIndex(start: number, end?: number): ParsedNode | null };
  delete(): void;
}

function insideString(tree: ParsedTree, offset: number): boolean {
  for (let n = tree.rootNode.descendantForIndex(offset, offset + 1); n; n = n.parent) {
    if (n.type === 'string' || n.type === 'concatenated_string') return true;
  }
  return false;
}

/**
 * Parses `text` with its long comment blocks blanked. A block whose first line lies inside a
 * string in that parse is not a comment (a block of true comments starts outside any string,
 * and so does every line after a comment line); those blocks are restored and the text
 * parsed again. A second round that still finds one falls back to the text as it is.
 */
export function parseBlanked<T extends ParsedTree>(text: string, blocks: readonly CommentBlock[], parse: (text: string) => T): T {
  let kept = blocks;
  for (let round = 0; round < 2 && kept.length; round++) {
    const tree = parse(blankBlocks(text, kept));
    const inString = kept.filter((b) => insideString(tree, b.start));
    if (!inString.length) return tree;
    tree.delete();
    kept = kept.filter((b) => !inString.includes(b));
  }
  return parse(text);
}
