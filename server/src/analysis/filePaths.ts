/**
 * The local file an upload argument (`file=` of the audio endpoints) opens, when its path is
 * written as a literal or a constant the resolver knows:
 * - Python: `open("a.mp3", "rb")` (also `io.open`), `Path("a.mp3")` (also `pathlib.Path`),
 *   `Path("a.mp3").open("rb")` / `.read_bytes()`, `open(...).read()`, the SDK's
 *   `(filename, content[, mime])` tuple, and a name bound once to any of these
 *   (`f = open(...)`, `with open(...) as f:`).
 * - JS/TS, in a file that imports `fs` (`node:fs`, `fs/promises`, `fs-extra`):
 *   `fs.createReadStream("a.mp3")`, `readFileSync(...)`, `await readFile(...)`, the SDK's
 *   `await toFile(<one of these>, ...)`, and a `const` bound to any of these.
 * Anything else (`os.path.join(...)`, a parameter, a template with substitutions) is not
 * a known path: null.
 */
import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { FilePath, ValueNode } from './apiCall';
import type { Resolver } from './values';
import { spanOf } from './values';

/** Names, wrappers and bindings followed before giving up. */
const MAX_DEPTH = 6;

const PY_OPENERS = new Set(['open', 'io.open', 'builtins.open', 'Path', 'pathlib.Path', 'PosixPath', 'pathlib.PosixPath', 'WindowsPath', 'pathlib.WindowsPath']);
/** methods of an opened file or a Path that still hand the same file's bytes to the SDK */
const PY_FILE_METHODS = new Set(['open', 'read_bytes', 'read']);
const FS_MODULES = new Set(['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'fs-extra']);
const ES_READERS = new Set(['createReadStream', 'readFileSync', 'readFile']);
const ES_WRAPPERS = new Set(['await_expression', 'parenthesized_expression', 'as_expression', 'satisfies_expression', 'non_null_expression']);

/** The file an upload argument's value opens, or null when its path is not known. */
export function uploadedFile(tree: Tree, resolver: Resolver, value: ValueNode | undefined, modules: readonly string[]): FilePath | null {
  if (!value || value.value.kind === 'string') return null;
  try {
    const node = nodeAt(tree, value.span.start, value.span.end);
    if (!node) return null;
    if (resolver.family === 'python') return pythonFile(node, resolver, 0);
    return modules.some((m) => FS_MODULES.has(m)) ? ecmaFile(node, resolver, 0) : null;
  } catch {
    // odd input loses only this fact, never the call
    return null;
  }
}

/** The innermost node covering exactly [start, end). */
function nodeAt(tree: Tree, start: number, end: number): Node | null {
  if (end <= start) return null;
  let n: Node | null = tree.rootNode.descendantForIndex(start, end - 1);
  while (n && !(n.startIndex === start && n.endIndex === end)) {
    if (n.startIndex > start || n.endIndex < end) return null;
    n = n.parent;
  }
  return n;
}

function firstArgument(args: Node | null, keyword: string | null): Node | null {
  if (!args) return null;
  for (const c of args.namedChildren) {
    if (!c || c.type === 'comment') continue;
    if (c.type === 'keyword_argument') {
      if (keyword !== null && c.childForFieldName('name')?.text === keyword) return c.childForFieldName('value');
      continue;
    }
    if (c.type === 'list_splat' || c.type === 'dictionary_splat' || c.type === 'spread_element') return null;
    return c;
  }
  return null;
}

/** The path argument as a FilePath when it resolves to a non-empty string. */
function pathOf(arg: Node | null, resolver: Resolver): FilePath | null {
  if (!arg) return null;
  const v = resolver.resolve(arg);
  if (v.value.kind !== 'string' || v.value.value === '' || v.value.value.includes('\0')) return null;
  return { value: v.value.value, span: spanOf(arg) };
}

function pythonFile(node: Node, resolver: Resolver, depth: number): FilePath | null {
  if (depth > MAX_DEPTH) return null;
  switch (node.type) {
    case 'parenthesized_expression': {
      const inner = node.namedChildren.find((c) => c && c.type !== 'comment');
      return inner ? pythonFile(inner, resolver, depth + 1) : null;
    }
    case 'tuple': {
      // ("name.mp3", <content>[, "audio/mpeg"])
      const items = node.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
      return items.length >= 2 ? pythonFile(items[1]!, resolver, depth + 1) : null;
    }
    case 'identifier': {
      const def = resolver.lookup(node.text, node);
      return def ? pythonFile(def, resolver, depth + 1) : null;
    }
    case 'call': {
      const fn = node.childForFieldName('function');
      if (!fn) return null;
      const args = node.childForFieldName('arguments');
      const callee = fn.text.replace(/\s+/g, '');
      if (PY_OPENERS.has(callee)) {
        const arg = firstArgument(args, callee.endsWith('open') ? 'file' : null);
        // open(Path("a.mp3")), or open(p) with p = Path("a.mp3")
        return pathOf(arg, resolver) ?? (arg ? pythonFile(arg, resolver, depth + 1) : null);
      }
      if (fn.type === 'attribute') {
        const method = fn.childForFieldName('attribute')?.text;
        const object = fn.childForFieldName('object');
        if (method && object && PY_FILE_METHODS.has(method) && object.type === 'call') return pythonFile(object, resolver, depth + 1);
      }
      return null;
    }
    default:
      return null;
  }
}

function ecmaFile(node: Node, resolver: Resolver, depth: number): FilePath | null {
  if (depth > MAX_DEPTH) return null;
  if (ES_WRAPPERS.has(node.type)) {
    const inner = node.namedChildren.find((c) => c && !c.type.endsWith('type') && c.type !== 'type_arguments' && c.type !== 'comment');
    return inner ? ecmaFile(inner, resolver, depth + 1) : null;
  }
  if (node.type === 'identifier' || node.type === 'shorthand_property_identifier') {
    const def = resolver.lookup(node.text, node);
    return def ? ecmaFile(def, resolver, depth + 1) : null;
  }
  if (node.type !== 'call_expression') return null;
  const fn = node.childForFieldName('function');
  const args = node.childForFieldName('arguments');
  const name = fn?.type === 'identifier' ? fn.text : fn?.type === 'member_expression' ? fn.childForFieldName('property')?.text : undefined;
  if (!name) return null;
  if (ES_READERS.has(name)) return pathOf(firstArgument(args, null), resolver);
  if (name === 'toFile') {
    const content = firstArgument(args, null);
    return content ? ecmaFile(content, resolver, depth + 1) : null;
  }
  return null;
}
