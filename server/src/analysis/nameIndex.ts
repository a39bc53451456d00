/**
 * The file's bindings, attribute assignments and class fields, found name by name when value
 * resolution first asks for a name — not by walking the whole tree up front.
 *
 * Why: a query over the whole tree visits every node (about 8 ms for a 2,000-line file, most of
 * the analysis time and of the time between a keystroke and its diagnostics in a large file),
 * while resolution only ever asks about a handful of names (the model constant, the messages
 * variable, the client). Each question is answered by finding the name where it is written in
 * the text (as a whole identifier) and running the names query (queries/*.names.scm)
 * restricted to that spot: a match there is a pattern whose node contains the name.
 * The answers are exactly those of the whole-tree query, for the names asked about.
 */
import type { Node, Query, QueryMatch, Tree } from '@vscode/tree-sitter-wasm';
import type { Binding, NameIndex } from './values';

/** ASCII letters, digits, `_`, `$` and anything non-ASCII (part of an identifier, or not a separator the scans skip). */
export function isIdentifierChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x24 || (c > 0x7f && !isUnicodeSpace(c));
}

export function isUnicodeSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Where `word` may be written in `text` as an identifier of its own, in order: not right after
 * an ASCII letter or `_` nor right before an ASCII letter, digit or `_` (those always lex as one
 * longer identifier). Anything else around it (a digit before, `$`, non-ASCII) is left to the
 * caller, which checks the node there: broken code lexes `1s` as a number and the name `s`.
 */
export function* wordOccurrences(text: string, word: string): Generator<number> {
  if (!word) return;
  const after = word.length;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    if (i > 0 && continuesBefore(text.charCodeAt(i - 1)) && continuesBefore(word.charCodeAt(0))) continue;
    if (i + after < text.length && continuesAfter(text.charCodeAt(i + after))) continue;
    yield i;
  }
}

const continuesBefore = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
const continuesAfter = (c: number) => continuesBefore(c) || (c >= 0x30 && c <= 0x39);

/** The first node captured as `name` in a match. */
export function capture(m: QueryMatch, name: string): Node | null {
  for (const c of m.captures) if (c.name === name) return c.node;
  return null;
}

/**
 * The query's matches whose pattern node contains the text range [start, end) (UTF-16 code
 * units, as node offsets are). The query runs from the top-level statement around the range
 * (no pattern's node is the file itself), restricted to the range: the cursor then only
 * descends into nodes that overlap it, so this costs about the depth of the tree there, not
 * the size of the file (starting from the root, it would step over every top-level statement
 * before the range).
 */
export function matchesAt(query: Query, tree: Tree, start: number, end: number): QueryMatch[] {
  const from = topLevelNodeAround(tree, start, end) ?? tree.rootNode;
  // the tree was parsed from UTF-16 text: the cursor's range is in bytes, two per code unit
  return query.matches(from, { startIndex: start * 2, endIndex: end * 2 });
}

/**
 * The top-level statement (child of the root) that contains [start, end), or null. A range
 * that starts right at a statement's end (typing at the end of its last line) belongs to that
 * statement, not to the next one.
 */
export function topLevelNodeAround(tree: Tree, start: number, end: number): Node | null {
  const root = tree.rootNode;
  let n = root.firstChildForIndex(start);
  if (!n || n.startIndex > start) {
    const previous = n ? n.previousSibling : root.lastChild;
    if (previous && previous.endIndex === start) n = previous;
  }
  return n && n.startIndex <= start && end <= n.endIndex ? n : null;
}

const contains = (outer: Node, start: number, end: number) => outer.startIndex <= start && end <= outer.endIndex;

interface NameEntry {
  bindings: Binding[];
  reassigned: boolean;
  /** JS/TS: each assignment's value (`x = value`), null for an update */
  reassignments: (Node | null)[];
}

export class TextNameIndex implements NameIndex {
  private readonly names = new Map<string, NameEntry>();
  private readonly attrs = new Map<string, Node[]>();

  constructor(
    private readonly tree: Tree,
    private readonly text: string,
    private readonly query: Query,
    /** every name and attribute name looked up is added here */
    private readonly words: Set<string>,
  ) {}

  /**
   * The name written at `at` when it is a whole identifier node there: `identifier`, or a
   * shorthand name in a destructuring pattern (`const { client } = …`), which binds it too.
   */
  private identifierAt(at: number, length: number, types: readonly string[]): Node | null {
    const node = this.tree.rootNode.descendantForIndex(at, at + length);
    return node && node.startIndex === at && node.endIndex === at + length && types.includes(node.type) ? node : null;
  }

  private entry(name: string): NameEntry {
    let e = this.names.get(name);
    if (e) return e;
    e = { bindings: [], reassigned: false, reassignments: [] };
    this.names.set(name, e);
    this.words.add(name);
    for (const at of wordOccurrences(this.text, name)) {
      const id = this.identifierAt(at, name.length, ['identifier', 'shorthand_property_identifier_pattern']);
      if (!id) continue;
      for (const m of matchesAt(this.query, this.tree, at, at + name.length)) {
        for (const c of m.captures) {
          switch (c.name) {
            case 'def.name':
              if (c.node.id === id.id) e.bindings.push({ name: id, assigned: true });
              break;
            case 'def.other':
              if (c.node.id === id.id) e.bindings.push({ name: id, assigned: false });
              break;
            case 'def.pattern':
              // every name inside a destructuring pattern or a loop target is bound by it
              if (contains(c.node, at, at + name.length)) e.bindings.push({ name: id, assigned: false });
              break;
            case 'def.assigned':
              if (c.node.id === id.id) {
                e.reassigned = true;
                const p = id.parent;
                e.reassignments.push(p?.type === 'assignment_expression' && p.childForFieldName('left')?.id === id.id ? p.childForFieldName('right') : null);
              }
              break;
          }
        }
      }
    }
    return e;
  }

  bindings(name: string): Binding[] {
    return this.entry(name).bindings;
  }

  reassigned(name: string): boolean {
    return this.entry(name).reassigned;
  }

  reassignments(name: string): (Node | null)[] {
    return this.entry(name).reassignments;
  }

  /**
   * `obj.attr = value` assignments with `obj` as written, and for `this.attr` the JS/TS class
   * fields with an initialiser (`client = new OpenAI()`, `private readonly client = …`,
   * `#client = …`; static fields are read through the class name, so not these), in the order
   * the whole-tree query gave them: a class's fields at the start of its body.
   */
  attributes(key: string): Node[] {
    let list = this.attrs.get(key);
    if (list) return list;
    const dot = key.lastIndexOf('.');
    const object = key.slice(0, dot);
    const attr = key.slice(dot + 1);
    this.words.add(attr);
    const found: { at: number; value: Node }[] = [];
    const bodies = new Set<number>();
    for (const at of wordOccurrences(this.text, attr)) {
      for (const m of matchesAt(this.query, this.tree, at, at + attr.length)) {
        const body = capture(m, 'class.body');
        if (body) {
          if (object === 'this' && !bodies.has(body.id)) {
            bodies.add(body.id);
            for (const value of classFields(body, attr)) found.push({ at: body.startIndex, value });
          }
          continue;
        }
        const target = capture(m, 'attr.target');
        const value = capture(m, 'attr.value');
        const parts = target && attributeParts(target);
        if (parts && value && parts.name.startIndex === at && parts.name.text === attr && parts.object.text === object) found.push({ at: parts.object.startIndex, value });
      }
    }
    // stable: fields of one class body keep their order
    found.sort((a, b) => a.at - b.at);
    list = found.map((f) => f.value);
    this.attrs.set(key, list);
    return list;
  }
}

/**
 * The object and the attribute name of an assignment target (`self.client`, `this.#client`):
 * Python `attribute` with an identifier, JS/TS `member_expression` with a property name
 * (private or not); null for anything else (`a[b]`, `a?.b()`).
 */
export function attributeParts(target: Node): { object: Node; name: Node } | null {
  const python = target.type === 'attribute';
  const object = target.childForFieldName('object');
  const name = target.childForFieldName(python ? 'attribute' : 'property');
  if (!object || !name) return null;
  if (python ? name.type !== 'identifier' : name.type !== 'property_identifier' && name.type !== 'private_property_identifier') return null;
  return { object, name };
}

/** The initialisers of the instance fields named `name` in a JS/TS class body. */
export function classFields(body: Node, name?: string): Node[] {
  const out: Node[] = [];
  for (const member of body.namedChildren) {
    if (!member || (member.type !== 'field_definition' && member.type !== 'public_field_definition')) continue;
    if (member.children.some((c) => c?.type === 'static')) continue;
    const n = member.childForFieldName('name') ?? member.childForFieldName('property');
    const value = member.childForFieldName('value');
    if (!n || !value || (name !== undefined && n.text !== name)) continue;
    out.push(value);
  }
  return out;
}
