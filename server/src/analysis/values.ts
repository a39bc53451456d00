/**
 * Value resolution over a tree-sitter tree: literals, names bound once in an enclosing
 * scope, env-var defaults and dict/object spreads. Anything else is `unknown`, which never
 * produces a finding that depends on it.
 */
import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { Argument, Span, Value, ValueNode } from './apiCall';

export type Family = 'python' | 'ecma';

export interface Binding {
  /** the bound name as written */
  name: Node;
  /** whether the name is assigned a value (`x = v`, `const x = v`) rather than bound some other way */
  assigned: boolean;
  /** id of the scope node the binding belongs to; found on first lookup of the name */
  scope?: number;
}

/** What the resolver needs to know about the file's names (nameIndex.ts finds it name by name). */
export interface NameIndex {
  /** every binding of `name` in the file: `x = v`, `const x = v`, loop targets, destructuring, walrus, `with … as x` */
  bindings(name: string): Binding[];
  /** JS/TS: `name` is assigned or updated somewhere (`x = …`, `x += …`, `x++`), so never resolved */
  reassigned(name: string): boolean;
  /** JS/TS: the value of each such assignment (`x = value`), null for an update (`x += …`, `x++`) */
  reassignments(name: string): (Node | null)[];
  /** `obj.attr = value` assignments (key "obj.attr", object as written) and JS/TS class fields as `this.attr` */
  attributes(key: string): Node[];
}

const PY_SCOPES = new Set(['module', 'function_definition', 'lambda', 'class_definition']);
const ES_SCOPES = new Set(['program', 'statement_block', 'class_body']);
const ES_FUNCTIONS = new Set(['function_declaration', 'function_expression', 'arrow_function', 'method_definition', 'generator_function_declaration', 'generator_function']);
const MAX_DEPTH = 8;

export function spanOf(node: Node): Span {
  return { start: node.startIndex, end: node.endIndex };
}

function unknownAt(node: Node): ValueNode {
  return { value: { kind: 'unknown' }, span: spanOf(node) };
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', f: '\f', v: '\v' };

/** A string literal's text with its escape sequences resolved (`\x6b` → `k`, `\u0073` → `s`, a line continuation → nothing). */
export function unescapeString(raw: string): string {
  if (!raw.includes('\\')) return raw;
  return raw.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])/g, (_m, e: string) => {
    if (e[0] === 'u' && e.length > 1) return String.fromCodePoint(parseInt(e[1] === '{' ? e.slice(2, -1) : e.slice(1), 16));
    if (e[0] === 'x' && e.length === 3) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e === '\n' || e === '\r\n') return '';
    return SIMPLE_ESCAPES[e] ?? e;
  });
}

/** Per-file resolver: resolves expressions on demand, asking the name index about names. */
export class Resolver {
  /** resolved expressions by node id: a constant used by 50 calls is resolved once */
  private readonly memo = new Map<number, ValueNode>();
  /** visibleBindings results by use site and name */
  private readonly visible = new Map<string, Binding[] | 'parameter' | null>();

  constructor(
    readonly family: Family,
    readonly text: string,
    private readonly index: NameIndex,
  ) {}

  /** `obj.attr = value` assignments (and JS/TS fields as `this.attr`), key "obj.attr" as written. */
  attributes(key: string): Node[] {
    return this.index.attributes(key);
  }

  /** The bindings of `name` made directly in scope `scopeId`. */
  private bindingsIn(name: string, scopeId: number): Binding[] | null {
    let found: Binding[] | null = null;
    for (const b of this.index.bindings(name)) {
      b.scope ??= this.scopeOf(b.name).id;
      if (b.scope === scopeId) (found ??= []).push(b);
    }
    return found;
  }

  private scopeOf(node: Node): Node {
    const scopes = this.family === 'python' ? PY_SCOPES : ES_SCOPES;
    let n = node.parent;
    // a function's own name belongs to the enclosing scope, not to the function
    while (n && !scopes.has(n.type)) n = n.parent;
    return n ?? node.tree.rootNode;
  }

  private isParameterOf(fn: Node, name: string): boolean {
    const params = fn.childForFieldName('parameters') ?? fn.childForFieldName('parameter');
    if (!params) return false;
    if (params.type === 'identifier') return params.text === name;
    // cheap text test first: most scopes on the way up do not mention the name at all
    if (!params.text.includes(name)) return false;
    for (const param of params.namedChildren) {
      if (!param) continue;
      // `x=1`, `x: int`, `*args`, `**kw`, TS `x?: T`, JS `x = 1`, `...rest`: the bound name comes first
      let target: Node | null = param;
      for (let i = 0; i < 3 && target && target.type !== 'identifier'; i++) {
        target = target.childForFieldName('name') ?? target.childForFieldName('pattern') ?? target.childForFieldName('left') ?? target.namedChildren[0] ?? null;
      }
      if (!target) continue;
      if (target.type === 'identifier') {
        if (target.text === name) return true;
      } else if (target.descendantsOfType(['identifier', 'shorthand_property_identifier_pattern']).some((id) => id?.text === name)) {
        // destructured parameters: any name inside counts
        return true;
      }
    }
    return false;
  }

  /** The single assigned expression of `name` as seen from `at`, or null when none / several. */
  lookup(name: string, at: Node): Node | null {
    if (this.family === 'ecma' && this.index.reassigned(name)) return null;
    // a name bound nowhere in the file has no definition to find
    if (this.index.bindings(name).length === 0) return null;
    const found = this.visibleBindings(name, at);
    return found !== 'parameter' && found?.length === 1 && found[0]!.assigned ? valueOfBinding(found[0]!.name) : null;
  }

  /**
   * Where `name` as used at `at` comes from, for telling a client defined elsewhere from a
   * local one: `free` when no binding of the index covers it (an import, a global, a name
   * from a star import or an earlier notebook cell — or a function or class definition,
   * which the index leaves out: callers check those), `parameter`, `value` with the
   * expression it is assigned once (or destructured from: `const { client } =
   * require("./llm")`), or `other` (bound several times, by a loop, ...).
   */
  origin(name: string, at: Node): { kind: 'free' } | { kind: 'parameter' } | { kind: 'value'; node: Node } | { kind: 'other' } {
    const found = this.visibleBindings(name, at);
    if (found === null) return { kind: 'free' };
    if (found === 'parameter') return { kind: 'parameter' };
    if (found.length !== 1 || (this.family === 'ecma' && this.index.reassigned(name))) return { kind: 'other' };
    const b = found[0]!;
    const node = b.assigned ? valueOfBinding(b.name) : destructuredFrom(b.name);
    return node ? { kind: 'value', node } : { kind: 'other' };
  }

  /** The bindings of the innermost scope around `at` that binds `name`; 'parameter'; null when none does. */
  private visibleBindings(name: string, at: Node): Binding[] | 'parameter' | null {
    // walking up is the costly part (each `parent` is found from the root down), and the
    // receiver of a call is looked up twice: once for its constructor, once for where it is defined
    const key = `${at.id} ${name}`;
    let found = this.visible.get(key);
    if (found === undefined) this.visible.set(key, (found = this.findVisibleBindings(name, at)));
    return found;
  }

  private findVisibleBindings(name: string, at: Node): Binding[] | 'parameter' | null {
    const bound = this.index.bindings(name).length > 0;
    let n: Node | null = at.parent;
    let first = true;
    while (n) {
      const t = n.type;
      if (this.family === 'python') {
        if ((t === 'function_definition' || t === 'lambda') && this.isParameterOf(n, name)) return 'parameter';
        // class bodies do not enclose the methods defined in them
        if (bound && PY_SCOPES.has(t) && (t !== 'class_definition' || first)) {
          const found = this.bindingsIn(name, n.id);
          if (found) return found;
        }
        if (t === 'function_definition' || t === 'lambda') first = false;
      } else {
        if (ES_FUNCTIONS.has(t) && this.isParameterOf(n, name)) return 'parameter';
        if (t === 'catch_clause') {
          const param = n.childForFieldName('parameter');
          if (param && param.text === name) return 'parameter';
        }
        if (bound && ES_SCOPES.has(t)) {
          const found = this.bindingsIn(name, n.id);
          if (found) return found;
        }
      }
      n = n.parent;
    }
    return null;
  }

  /**
   * The first value of a name bound several times in one scope where every later binding wraps
   * the name itself (`client = OpenAI(...)` then `client = instructor.patch(client)`; in JS/TS
   * `let client = …` then `client = wrapOpenAI(client)`), as `wraps(value)` says of each later
   * value; null otherwise (any other second binding or update, a parameter).
   */
  rebound(name: string, at: Node, wraps: (value: Node) => boolean): Node | null {
    if (this.family === 'ecma') {
      // `let client = new OpenAI(...); client = wrapOpenAI(client)`: one declaration, assignments that wrap it
      const found = this.visibleBindings(name, at);
      if (found === null || found === 'parameter' || found.length !== 1 || !found[0]!.assigned || !this.index.reassigned(name)) return null;
      return this.index.reassignments(name).every((v) => v !== null && wraps(v)) ? valueOfBinding(found[0]!.name) : null;
    }
    const found = this.visibleBindings(name, at);
    if (found === null || found === 'parameter' || found.length < 2) return null;
    const [first, ...later] = [...found].sort((a, b) => a.name.startIndex - b.name.startIndex);
    if (!first!.assigned) return null;
    for (const b of later) {
      const v = b.assigned ? valueOfBinding(b.name) : null;
      if (!v || !wraps(v)) return null;
    }
    return valueOfBinding(first!.name);
  }

  /** The single assigned expression of `name` directly in scope `scope` (a class body: `client = OpenAI()`). */
  valueIn(name: string, scope: Node): Node | null {
    const found = this.bindingsIn(name, scope.id);
    return found?.length === 1 && found[0]!.assigned ? valueOfBinding(found[0]!.name) : null;
  }

  resolve(node: Node, depth = 0): ValueNode {
    if (depth > MAX_DEPTH) return unknownAt(node);
    const cached = this.memo.get(node.id);
    if (cached) return cached;
    const v = this.family === 'python' ? this.resolvePython(node, depth) : this.resolveEcma(node, depth);
    this.memo.set(node.id, v);
    return v;
  }

  /** A name's value: resolved at its single definition, `unknown` at the use otherwise. */
  private resolveName(node: Node, depth: number): ValueNode {
    const def = this.lookup(node.text, node);
    if (!def || (def.startIndex <= node.startIndex && def.endIndex >= node.endIndex)) return unknownAt(node);
    const v = this.resolve(def, depth + 1);
    return v.value.kind === 'unknown' ? unknownAt(node) : v;
  }

  private resolvePython(node: Node, depth: number): ValueNode {
    switch (node.type) {
      case 'string':
        return this.pythonString(node);
      case 'concatenated_string': {
        let value = '';
        for (const part of node.namedChildren) {
          if (!part) continue;
          const v = this.pythonString(part).value;
          if (v.kind !== 'string') return unknownAt(node);
          value += v.value;
        }
        return { value: { kind: 'string', value }, span: spanOf(node) };
      }
      case 'integer':
      case 'float': {
        const n = Number(node.text.replace(/_/g, ''));
        return Number.isFinite(n) ? { value: { kind: 'number', value: n }, span: spanOf(node) } : unknownAt(node);
      }
      case 'true':
      case 'false':
        return { value: { kind: 'boolean', value: node.type === 'true' }, span: spanOf(node) };
      case 'none':
        return { value: { kind: 'null' }, span: spanOf(node) };
      case 'unary_operator': {
        const arg = node.childForFieldName('argument');
        const op = node.childForFieldName('operator')?.text;
        if (!arg) return unknownAt(node);
        const v = this.resolve(arg, depth);
        if (v.value.kind === 'number' && (op === '-' || op === '+')) return { value: { kind: 'number', value: op === '-' ? -v.value.value : v.value.value }, span: spanOf(node) };
        return unknownAt(node);
      }
      case 'parenthesized_expression': {
        const inner = node.namedChildren[0];
        return inner ? this.resolve(inner, depth) : unknownAt(node);
      }
      case 'list':
      case 'tuple':
        return this.array(node, depth);
      case 'dictionary':
        return this.pythonDict(node, depth);
      case 'identifier':
        return this.resolveName(node, depth);
      case 'call':
        return this.pythonCall(node, depth);
      default:
        return unknownAt(node);
    }
  }

  private pythonString(node: Node): ValueNode {
    if (node.type !== 'string') return unknownAt(node);
    let start = node.startIndex;
    let end = node.endIndex;
    let raw = false;
    let content = '';
    for (const c of node.children) {
      if (!c) continue;
      const t = c.type;
      if (t === 'string_start') {
        start = c.endIndex;
        // an f-string without replacement fields is a plain string; fields are `interpolation` children
        raw = c.text.replace(/['"]+$/, '').toLowerCase().includes('r');
      } else if (t === 'string_end') end = c.startIndex;
      else if (t === 'interpolation') return unknownAt(node);
    }
    content = this.text.slice(start, end);
    return { value: { kind: 'string', value: raw ? content : unescapeString(content) }, span: spanOf(node), innerSpan: { start, end } };
  }

  private array(node: Node, depth: number): ValueNode {
    const items: ValueNode[] = [];
    for (const c of node.namedChildren) {
      const t = c?.type;
      if (!c || t === 'comment') continue;
      if (t === 'list_splat' || t === 'spread_element') {
        const inner = c.namedChildren[0];
        const v = inner ? this.resolve(inner, depth + 1) : unknownAt(c);
        if (v.value.kind === 'array') items.push(...v.value.items);
        else items.push(unknownAt(c));
        continue;
      }
      items.push(this.resolve(c, depth + 1));
    }
    return { value: { kind: 'array', items }, span: spanOf(node) };
  }

  private keyName(key: Node): string | null {
    if (key.type === 'string') {
      const v = this.family === 'python' ? this.pythonString(key) : this.ecmaString(key);
      return v.value.kind === 'string' ? v.value.value : null;
    }
    if (key.type === 'property_identifier' || key.type === 'identifier' || key.type === 'number') return this.family === 'python' && key.type !== 'identifier' ? null : key.text;
    return null;
  }

  private pythonDict(node: Node, depth: number): ValueNode {
    const entries: Argument[] = [];
    let open = false;
    for (const c of node.namedChildren) {
      if (!c || c.type === 'comment') continue;
      if (c.type === 'pair') {
        const key = c.childForFieldName('key');
        const value = c.childForFieldName('value');
        const name = key && key.type === 'string' ? this.keyName(key) : null;
        if (!key || !value || name === null) {
          open = true;
          continue;
        }
        setEntry(entries, { name, nameSpan: spanOf(key), span: spanOf(c), value: this.resolve(value, depth + 1), fromSpread: false });
      } else if (c.type === 'dictionary_splat') {
        open = this.spreadInto(entries, c.namedChildren[0] ?? null, depth) || open;
      } else open = true;
    }
    return { value: { kind: 'object', entries, open }, span: spanOf(node) };
  }

  /** Merges a spread's entries into `entries`; returns true when it cannot be resolved (open). */
  spreadInto(entries: Argument[], expr: Node | null, depth: number): boolean {
    if (!expr) return true;
    const v = this.resolve(expr, depth + 1);
    if (v.value.kind !== 'object') return true;
    for (const e of v.value.entries) setEntry(entries, { ...e, fromSpread: true });
    return v.value.open;
  }

  private pythonCall(node: Node, depth: number): ValueNode {
    const fn = node.childForFieldName('function');
    const args = node.childForFieldName('arguments');
    if (!fn || !args) return unknownAt(node);
    const callee = fn.text.replace(/\s+/g, '');
    const positional = args.namedChildren.filter((c): c is Node => !!c && c.type !== 'keyword_argument' && c.type !== 'dictionary_splat' && c.type !== 'comment');
    if (callee === 'os.getenv' || callee === 'getenv' || callee === 'os.environ.get' || callee === 'environ.get') {
      let dflt: Node | null = positional[1] ?? null;
      for (const c of args.namedChildren) {
        if (c?.type === 'keyword_argument' && c.childForFieldName('name')?.text === 'default') dflt = c.childForFieldName('value');
      }
      return dflt ? this.resolve(dflt, depth + 1) : unknownAt(node);
    }
    if (callee === 'dict' && positional.length === 0) {
      const entries: Argument[] = [];
      let open = false;
      for (const c of args.namedChildren) {
        if (!c || c.type === 'comment') continue;
        if (c.type === 'keyword_argument') {
          const name = c.childForFieldName('name');
          const value = c.childForFieldName('value');
          if (name && value) setEntry(entries, { name: name.text, nameSpan: spanOf(name), span: spanOf(c), value: this.resolve(value, depth + 1), fromSpread: false });
        } else if (c.type === 'dictionary_splat') open = this.spreadInto(entries, c.namedChildren[0] ?? null, depth) || open;
        else open = true;
      }
      return { value: { kind: 'object', entries, open }, span: spanOf(node) };
    }
    return unknownAt(node);
  }

  private ecmaString(node: Node): ValueNode {
    if (node.type === 'template_string' && node.descendantsOfType('template_substitution').length) return unknownAt(node);
    const start = node.startIndex + 1;
    const end = Math.max(start, node.endIndex - 1);
    return { value: { kind: 'string', value: unescapeString(this.text.slice(start, end)) }, span: spanOf(node), innerSpan: { start, end } };
  }

  private isProcessEnv(node: Node): boolean {
    let n: Node = node;
    for (let t = n.type; t === 'member_expression' || t === 'subscript_expression' || t === 'non_null_expression'; t = n.type) {
      const obj: Node | null = t === 'non_null_expression' ? n.namedChildren[0] ?? null : n.childForFieldName('object');
      if (t !== 'non_null_expression' && obj?.text.replace(/\s+/g, '') === 'process.env') return true;
      if (!obj) return false;
      n = obj;
    }
    return false;
  }

  private resolveEcma(node: Node, depth: number): ValueNode {
    switch (node.type) {
      case 'string':
      case 'template_string':
        return this.ecmaString(node);
      case 'number': {
        const n = Number(node.text.replace(/_/g, ''));
        return Number.isFinite(n) ? { value: { kind: 'number', value: n }, span: spanOf(node) } : unknownAt(node);
      }
      case 'true':
      case 'false':
        return { value: { kind: 'boolean', value: node.type === 'true' }, span: spanOf(node) };
      case 'null':
        return { value: { kind: 'null' }, span: spanOf(node) };
      case 'unary_expression': {
        const arg = node.childForFieldName('argument');
        const op = node.childForFieldName('operator')?.text;
        if (!arg) return unknownAt(node);
        const v = this.resolve(arg, depth);
        if (v.value.kind === 'number' && (op === '-' || op === '+')) return { value: { kind: 'number', value: op === '-' ? -v.value.value : v.value.value }, span: spanOf(node) };
        return unknownAt(node);
      }
      case 'parenthesized_expression':
      case 'as_expression':
      case 'satisfies_expression':
      case 'non_null_expression':
      case 'type_assertion': {
        const inner = node.namedChildren.find((c) => c && !c.type.endsWith('type') && c.type !== 'type_arguments' && c.type !== 'comment');
        const v = inner ? this.resolve(inner, depth) : unknownAt(node);
        // an unknown value is reported where it is written, wrapper included
        return v.value.kind === 'unknown' ? unknownAt(node) : v;
      }
      case 'array':
        return this.array(node, depth);
      case 'object':
        return this.ecmaObject(node, depth);
      case 'identifier':
        return node.text === 'undefined' ? unknownAt(node) : this.resolveName(node, depth);
      case 'binary_expression': {
        const op = node.childForFieldName('operator')?.text;
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        if ((op === '??' || op === '||') && left && right && this.isProcessEnv(left)) return this.resolve(right, depth + 1);
        return unknownAt(node);
      }
      default:
        return unknownAt(node);
    }
  }

  private ecmaObject(node: Node, depth: number): ValueNode {
    const entries: Argument[] = [];
    let open = false;
    for (const c of node.namedChildren) {
      if (!c || c.type === 'comment') continue;
      if (c.type === 'pair') {
        const key = c.childForFieldName('key');
        const value = c.childForFieldName('value');
        const name = key ? this.keyName(key) : null;
        if (!key || !value || name === null) {
          open = true;
          continue;
        }
        setEntry(entries, { name, nameSpan: spanOf(key), span: spanOf(c), value: this.resolve(value, depth + 1), fromSpread: false });
      } else if (c.type === 'shorthand_property_identifier') {
        setEntry(entries, { name: c.text, nameSpan: spanOf(c), span: spanOf(c), value: this.resolveName(c, depth + 1), fromSpread: false });
      } else if (c.type === 'spread_element') {
        open = this.spreadInto(entries, c.namedChildren[0] ?? null, depth) || open;
      } else if (c.type === 'method_definition') {
        const name = c.childForFieldName('name');
        if (name) setEntry(entries, { name: name.text, nameSpan: spanOf(name), span: spanOf(c), value: unknownAt(c), fromSpread: false });
      } else open = true;
    }
    return { value: { kind: 'object', entries, open }, span: spanOf(node) };
  }
}

/** `NAME = value` / `const NAME = value` / `with value as NAME`: the value beside a bound name. */
export function valueOfBinding(name: Node): Node | null {
  const parent = name.parent;
  if (!parent) return null;
  if (parent.type === 'as_pattern_target') return parent.parent?.namedChildren[0] ?? null;
  return parent.childForFieldName(parent.type === 'variable_declarator' ? 'value' : 'right');
}

/**
 * The expression a destructured name is taken from: `const { a } = expr` / `const [a] = expr`
 * (JS), `a, b = expr` (Python). Null for other ways of binding a name (loops, definitions, ...).
 */
function destructuredFrom(name: Node): Node | null {
  let n: Node | null = name.parent;
  for (let i = 0; n && i < 6; i++, n = n.parent) {
    if (n.type === 'variable_declarator') return n.childForFieldName('name')?.type === 'identifier' ? null : n.childForFieldName('value');
    if (n.type === 'assignment') {
      const left = n.childForFieldName('left');
      return left && left.type !== 'identifier' && left.startIndex <= name.startIndex && name.endIndex <= left.endIndex ? n.childForFieldName('right') : null;
    }
    if (!PATTERN_PARTS.has(n.type)) return null;
  }
  return null;
}

const PATTERN_PARTS = new Set(['object_pattern', 'array_pattern', 'pair_pattern', 'object_assignment_pattern', 'assignment_pattern', 'rest_pattern', 'pattern_list', 'tuple_pattern', 'list_pattern', 'list_splat_pattern']);

/** Later keys win, as in a dict display or an object literal. */
export function setEntry(entries: Argument[], entry: Argument): void {
  const i = entries.findIndex((e) => e.name === entry.name);
  if (i >= 0) entries.splice(i, 1);
  entries.push(entry);
}

export function entry(value: Value, name: string): ValueNode | null {
  if (value.kind !== 'object') return null;
  return value.entries.find((e) => e.name === name)?.value ?? null;
}

export type { Tree };
