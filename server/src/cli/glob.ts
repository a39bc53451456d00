/**
 * gitignore globs with git's semantics (wildmatch with WM_PATHNAME, as `dir.c` calls it),
 * matched in time linear in the path for a given pattern: the pattern is compiled to a small
 * automaton whose states are run side by side over the path's bytes (no backtracking, so
 * `*a*a*a*a*a*a*a*a*a*a*a*a*b` costs the same as `*.py`).
 *
 * Like git, it works on UTF-8 bytes: `?` and a class match one byte. `*` and `?` and classes
 * never match `/`; `**` between slashes (or at either end) matches across them; `[!…]` and
 * `[^…]` negate, `a-z` ranges, `[:alpha:]` and the other POSIX classes, `\` escapes. A
 * pattern git's matcher can never match (an unterminated class, an unknown `[:name:]`, a
 * trailing backslash) compiles to one that matches nothing; a reversed range (`[z-a]`) is
 * an empty range. Neither affects the other patterns of the file.
 */

const SLASH = 0x2f;
const BACKSLASH = 0x5c;

type Node =
  | { kind: 'byte'; byte: number }
  /** `?`: one byte other than `/` */
  | { kind: 'any' }
  | { kind: 'class'; set: Uint8Array; negated: boolean }
  /** `*`: any run of bytes other than `/` */
  | { kind: 'star' }
  /** `**` at the end (or alone): any run of bytes */
  | { kind: 'all' }
  /** `**​/`: nothing, or any run of bytes ending in `/` (two states: before and inside) */
  | { kind: 'dirs' }
  | { kind: 'dirsInside' };

export class Glob {
  private constructor(
    private readonly nodes: readonly Node[] | null,
    /** the pattern as written, for messages */
    readonly source: string,
  ) {}

  static compile(pattern: string): Glob {
    return new Glob(compileNodes(Buffer.from(pattern, 'utf8')), pattern);
  }

  /** Whether the glob matches all of `text` (UTF-8 bytes). */
  test(text: Uint8Array): boolean {
    const nodes = this.nodes;
    if (nodes === null) return false;
    const accept = nodes.length;
    // `seen[s] === generation` marks state s as active in the current step
    const seen = new Uint32Array(accept + 1);
    let generation = 1;
    let current: number[] = [];
    const add = (list: number[], s: number): void => {
      while (seen[s] !== generation) {
        seen[s] = generation;
        list.push(s);
        const n = nodes[s];
        // states that may match nothing lead on without consuming a byte
        if (n === undefined) return;
        if (n.kind === 'star' || n.kind === 'all') s += 1;
        else if (n.kind === 'dirs') s += 2;
        else return;
      }
    };
    add(current, 0);
    for (let i = 0; i < text.length && current.length; i++) {
      const b = text[i]!;
      const next: number[] = [];
      generation++;
      for (const s of current) {
        const n = nodes[s];
        if (n === undefined) continue; // accepting, but bytes remain
        switch (n.kind) {
          case 'byte':
            if (b === n.byte) add(next, s + 1);
            break;
          case 'any':
            if (b !== SLASH) add(next, s + 1);
            break;
          case 'class':
            if (b !== SLASH && (n.set[b] === 1) !== n.negated) add(next, s + 1);
            break;
          case 'star':
            if (b !== SLASH) add(next, s);
            break;
          case 'all':
            add(next, s);
            break;
          case 'dirs':
            add(next, s + 1);
            if (b === SLASH) add(next, s + 2);
            break;
          case 'dirsInside':
            add(next, s);
            if (b === SLASH) add(next, s + 1);
            break;
        }
      }
      current = next;
    }
    return current.includes(accept);
  }
}

/** The automaton's states, or null when git's matcher can never match the pattern. */
function compileNodes(p: Uint8Array): Node[] | null {
  const nodes: Node[] = [];
  let i = 0;
  while (i < p.length) {
    const c = p[i]!;
    if (c === BACKSLASH) {
      if (i + 1 >= p.length) return null; // a trailing backslash matches nothing
      nodes.push({ kind: 'byte', byte: p[i + 1]! });
      i += 2;
    } else if (c === 0x3f /* ? */) {
      nodes.push({ kind: 'any' });
      i++;
    } else if (c === 0x2a /* * */) {
      let j = i;
      while (p[j] === 0x2a) j++;
      if (j - i >= 2 && (i === 0 || p[i - 1] === SLASH)) {
        if (j === p.length) {
          nodes.push({ kind: 'all' });
          i = j;
          continue;
        }
        if (p[j] === SLASH) {
          nodes.push({ kind: 'dirs' }, { kind: 'dirsInside' });
          i = j + 1;
          continue;
        }
        // `**\/`: git's matcher takes it as `**` then a slash, without the zero-directory case
        if (p[j] === BACKSLASH && p[j + 1] === SLASH) {
          nodes.push({ kind: 'all' });
          i = j;
          continue;
        }
      }
      nodes.push({ kind: 'star' }); // `**` inside a name is `*`
      i = j;
    } else if (c === 0x5b /* [ */) {
      const cls = compileClass(p, i + 1);
      if (cls === null) return null;
      nodes.push(cls.node);
      i = cls.end;
    } else {
      nodes.push({ kind: 'byte', byte: c });
      i++;
    }
  }
  return nodes;
}

/**
 * A bracket expression starting after its `[` at `start`, read as git's `dowild` reads it:
 * a `]` first is literal, `x-y` a range (empty when reversed), `\` escapes, `[:name:]` a
 * POSIX class. Null when unterminated or naming an unknown class (git matches nothing then).
 */
function compileClass(p: Uint8Array, start: number): { node: Node; end: number } | null {
  const set = new Uint8Array(256);
  let i = start;
  let ch = p[i];
  const negated = ch === 0x21 /* ! */ || ch === 0x5e; /* ^ */
  if (negated) ch = p[++i];
  let prev = 0;
  do {
    if (ch === undefined) return null;
    if (ch === BACKSLASH) {
      ch = p[++i];
      if (ch === undefined) return null;
      set[ch] = 1;
    } else if (ch === 0x2d /* - */ && prev !== 0 && p[i + 1] !== undefined && p[i + 1] !== 0x5d) {
      ch = p[++i]!;
      if (ch === BACKSLASH) {
        ch = p[++i];
        if (ch === undefined) return null;
      }
      for (let b = prev; b <= ch; b++) set[b] = 1;
      ch = 0; // a range is never the start of another
    } else if (ch === 0x5b && p[i + 1] === 0x3a /* [: */) {
      let k = i + 2;
      while (p[k] !== undefined && p[k] !== 0x5d) k++;
      if (p[k] === undefined) return null;
      if (k - (i + 2) - 1 < 0 || p[k - 1] !== 0x3a) {
        set[0x5b] = 1; // no ":]": the `[` is an ordinary member
      } else {
        const name = Buffer.from(p.subarray(i + 2, k - 1)).toString('latin1');
        const member = POSIX_CLASSES[name];
        if (!member) return null;
        for (let b = 0; b < 128; b++) if (member(b)) set[b] = 1;
        i = k;
        ch = 0;
      }
    } else set[ch] = 1;
    prev = ch;
    ch = p[++i];
  } while (ch !== 0x5d /* ] */);
  return { node: { kind: 'class', set, negated }, end: i + 1 };
}

const isDigit = (b: number): boolean => b >= 0x30 && b <= 0x39;
const isUpper = (b: number): boolean => b >= 0x41 && b <= 0x5a;
const isLower = (b: number): boolean => b >= 0x61 && b <= 0x7a;
const isAlpha = (b: number): boolean => isUpper(b) || isLower(b);
const isGraph = (b: number): boolean => b > 0x20 && b < 0x7f;

/** The C locale's character classes, ASCII only (as git's). */
const POSIX_CLASSES: Record<string, (b: number) => boolean> = {
  alnum: (b) => isAlpha(b) || isDigit(b),
  alpha: isAlpha,
  blank: (b) => b === 0x20 || b === 0x09,
  cntrl: (b) => b < 0x20 || b === 0x7f,
  digit: isDigit,
  graph: isGraph,
  lower: isLower,
  print: (b) => b >= 0x20 && b < 0x7f,
  punct: (b) => isGraph(b) && !isAlpha(b) && !isDigit(b),
  space: (b) => b === 0x20 || (b >= 0x09 && b <= 0x0d),
  upper: isUpper,
  xdigit: (b) => isDigit(b) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66),
};
