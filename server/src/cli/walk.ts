/**
 * Which files `check` reads: explicit file paths always; directories walked in name order,
 * skipping `.git`, `node_modules` and whatever the `.gitignore` files say (the common
 * subset of gitignore: globs, `!` negation, `dir/` only-directories, anchored patterns,
 * `**`, nested `.gitignore` files, `.git/info/exclude`). Ignore files of the directories
 * between the repository root and a walked directory apply too, as in git.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

export const CHECKED_EXTENSIONS = ['.py', '.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.jsx', '.tsx', '.ipynb'] as const;

const ALWAYS_SKIPPED_DIRS = new Set(['.git', 'node_modules']);

export function hasCheckedExtension(path: string): boolean {
  const name = basename(path);
  // `.d.ts` files describe types only; they hold no calls
  if (name.endsWith('.d.ts') || name.endsWith('.d.mts') || name.endsWith('.d.cts')) return false;
  return CHECKED_EXTENSIONS.some((ext) => name.endsWith(ext));
}

interface IgnoreRule {
  regex: RegExp;
  negate: boolean;
  dirOnly: boolean;
}

/** The rules of one ignore file, matched against paths relative to the file's directory. */
export class IgnoreFile {
  readonly rules: IgnoreRule[];

  constructor(
    /** absolute directory the patterns are relative to */
    readonly base: string,
    text: string,
  ) {
    this.rules = [];
    for (const raw of text.split(/\r?\n/)) {
      const rule = parseIgnoreLine(raw);
      if (rule) this.rules.push(rule);
    }
  }

  /** true = ignored, false = re-included by a negation, undefined = no rule matches. */
  match(relPath: string, isDir: boolean): boolean | undefined {
    let result: boolean | undefined;
    for (const r of this.rules) {
      if (r.dirOnly && !isDir) continue;
      if (r.regex.test(relPath)) result = !r.negate;
    }
    return result;
  }
}

/** One gitignore line → a rule; null for blanks and comments. */
export function parseIgnoreLine(raw: string): IgnoreRule | null {
  let line = raw;
  // trailing spaces are dropped unless escaped with a backslash
  line = line.replace(/(?<!\\)\s+$/, '');
  if (line === '' || line.startsWith('#')) return null;
  let negate = false;
  if (line.startsWith('!')) {
    negate = true;
    line = line.slice(1);
  } else if (line.startsWith('\\!') || line.startsWith('\\#')) line = line.slice(1);
  let dirOnly = false;
  if (line.endsWith('/')) {
    dirOnly = true;
    line = line.slice(0, -1);
  }
  if (line === '') return null;
  // a slash at the start or in the middle anchors the pattern to the ignore file's directory
  const anchored = line.includes('/');
  if (line.startsWith('/')) line = line.slice(1);
  const body = globToRegex(line);
  const prefix = anchored ? '^' : '^(?:.*/)?';
  return { regex: new RegExp(`${prefix}${body}$`), negate, dirOnly };
}

function globToRegex(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const atEnd = i + 2 === glob.length || glob[i + 2] === '/';
        if (atStart && atEnd) {
          if (i + 2 === glob.length) out += '.*'; // `dir/**`: everything inside
          else {
            out += '(?:.*/)?'; // `**/` and `a/**/b`: zero or more directories
            i++; // the slash is part of the group
          }
          i++;
          continue;
        }
        i++; // a `**` inside a name acts like `*`
      }
      out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close === -1) out += '\\[';
      else {
        let cls = glob.slice(i + 1, close);
        if (cls.startsWith('!')) cls = `^${cls.slice(1)}`;
        out += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (c === '\\' && i + 1 < glob.length) {
      out += escapeRegex(glob[i + 1]!);
      i++;
    } else out += escapeRegex(c);
  }
  return out;
}

function escapeRegex(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

/** Ignore files in effect for a directory: outermost first (later ones win). */
class IgnoreStack {
  constructor(readonly files: readonly IgnoreFile[]) {}

  with(file: IgnoreFile | null): IgnoreStack {
    return file ? new IgnoreStack([...this.files, file]) : this;
  }

  ignored(absPath: string, isDir: boolean): boolean {
    for (let i = this.files.length - 1; i >= 0; i--) {
      const f = this.files[i]!;
      const rel = toPosix(relative(f.base, absPath));
      if (rel === '' || rel.startsWith('../')) continue;
      const m = f.match(rel, isDir);
      if (m !== undefined) return m;
    }
    return false;
  }
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

function readIgnoreFile(dir: string, name = '.gitignore', base = dir): IgnoreFile | null {
  try {
    return new IgnoreFile(base, readFileSync(join(dir, name), 'utf8'));
  } catch {
    return null;
  }
}

/** The ignore files from the repository root (the nearest ancestor with `.git`) down to `dir`'s parent. */
function ancestorIgnores(dir: string): IgnoreStack {
  const chain: string[] = [];
  let d = dirname(dir);
  let root: string | null = existsSync(join(dir, '.git')) ? dir : null;
  while (!root) {
    chain.push(d);
    if (existsSync(join(d, '.git'))) root = d;
    const parent = dirname(d);
    if (parent === d) break;
    d = parent;
  }
  if (!root) return new IgnoreStack([]); // not in a repository: only the walked tree's own files
  const files: IgnoreFile[] = [];
  const exclude = readIgnoreFile(join(root, '.git', 'info'), 'exclude', root);
  if (exclude) files.push(exclude);
  for (const a of chain.reverse()) {
    const f = readIgnoreFile(a);
    if (f) files.push(f);
  }
  return new IgnoreStack(files);
}

export interface WalkResult {
  /** files to check, as given or as found under a given directory (joined to its path) */
  files: string[];
  /** paths given on the command line that do not exist */
  missing: string[];
}

/**
 * Expands the command-line paths into files. `note` receives one-line messages about
 * directories that cannot be read (never fatal).
 */
export function collectFiles(paths: readonly string[], cwd: string, note: (message: string) => void): WalkResult {
  const files: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (display: string, abs: string): void => {
    if (seen.has(abs)) return;
    seen.add(abs);
    files.push(display);
  };
  for (const given of paths) {
    const abs = resolve(cwd, given);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      missing.push(given);
      continue;
    }
    if (!isDir) {
      add(given, abs); // an explicit file is always checked, whatever its name
      continue;
    }
    const walk = (dirAbs: string, dirDisplay: string, ignores: IgnoreStack): void => {
      const stack = ignores.with(readIgnoreFile(dirAbs));
      let entries;
      try {
        entries = readdirSync(dirAbs, { withFileTypes: true });
      } catch (e) {
        note(`${dirDisplay}: cannot read directory (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); skipped`);
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        const childAbs = join(dirAbs, e.name);
        const childDisplay = join(dirDisplay, e.name);
        let dir = e.isDirectory();
        let file = e.isFile();
        if (e.isSymbolicLink()) {
          // follow links to files; links to directories are not walked (no cycles)
          try {
            const st = statSync(childAbs);
            file = st.isFile();
            dir = false;
          } catch {
            continue;
          }
        }
        if (dir) {
          if (ALWAYS_SKIPPED_DIRS.has(e.name) || stack.ignored(childAbs, true)) continue;
          walk(childAbs, childDisplay, stack);
        } else if (file && hasCheckedExtension(e.name) && !stack.ignored(childAbs, false)) {
          add(childDisplay, childAbs);
        }
      }
    };
    walk(abs, given, ancestorIgnores(abs));
  }
  return { files, missing };
}
