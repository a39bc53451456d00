/**
 * Which files `check` reads: explicit file paths always; directories walked in name order,
 * skipping `.git`, `node_modules` and whatever the `.gitignore` files say (the common
 * subset of gitignore: globs, `!` negation, `dir/` only-directories, anchored patterns,
 * `**`, nested `.gitignore` files, `.git/info/exclude`). Ignore files of the directories
 * between the repository root and a walked directory apply too, as in git.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { readBounded } from '../safeRead';
import { isUtf8Name, nameWithByteEscapes } from './display';
import { Glob } from './glob';

export const CHECKED_EXTENSIONS = ['.py', '.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.jsx', '.tsx', '.ipynb'] as const;

const ALWAYS_SKIPPED_DIRS = new Set(['.git', 'node_modules']);

export function hasCheckedExtension(path: string): boolean {
  const name = basename(path);
  // `.d.ts` files describe types only; they hold no calls
  if (name.endsWith('.d.ts') || name.endsWith('.d.mts') || name.endsWith('.d.cts')) return false;
  return CHECKED_EXTENSIONS.some((ext) => name.endsWith(ext));
}

export interface IgnoreRule {
  /** the pattern as written, `!` and trailing `/` removed */
  glob: Glob;
  negate: boolean;
  dirOnly: boolean;
  /** a pattern with a slash (other than a trailing one) matches the whole relative path, else the name */
  anchored: boolean;
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
    // as git reads it: a UTF-8 byte-order mark skipped, lines split at LF with one CR before it dropped
    for (const raw of text.replace(/^\uFEFF/, '').split('\n')) {
      const rule = parseIgnoreLine(raw.endsWith('\r') ? raw.slice(0, -1) : raw);
      if (rule) this.rules.push(rule);
    }
  }

  /** true = ignored, false = re-included by a negation, undefined = no rule matches. */
  match(relPath: string, isDir: boolean): boolean | undefined {
    const path = Buffer.from(relPath, 'utf8');
    const name = path.subarray(path.lastIndexOf(0x2f) + 1);
    let result: boolean | undefined;
    for (const r of this.rules) {
      if (r.dirOnly && !isDir) continue;
      if (r.glob.test(r.anchored ? path : name)) result = !r.negate;
    }
    return result;
  }
}

/** One gitignore line (without its line break) → a rule; null for blanks and comments. */
export function parseIgnoreLine(raw: string): IgnoreRule | null {
  if (raw.startsWith('#')) return null;
  let line = trimTrailingSpaces(raw);
  if (line === '') return null;
  let negate = false;
  if (line.startsWith('!')) {
    negate = true;
    line = line.slice(1);
  }
  let dirOnly = false;
  if (line.endsWith('/')) {
    dirOnly = true;
    line = line.slice(0, -1);
  }
  if (line === '') return null;
  // a slash at the start or in the middle anchors the pattern to the ignore file's directory
  const anchored = line.includes('/');
  if (line.startsWith('/')) line = line.slice(1);
  return { glob: Glob.compile(line), negate, dirOnly, anchored };
}

/** git's rule: trailing spaces are dropped unless the last one is escaped with a backslash. */
function trimTrailingSpaces(line: string): string {
  let lastSpace = -1;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === ' ') {
      if (lastSpace < 0) lastSpace = i;
    } else {
      if (c === '\\') i++;
      lastSpace = -1;
    }
  }
  return lastSpace < 0 ? line : line.slice(0, lastSpace);
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

/** Ignore files are read up to this size (git's own limit is 100 MB). */
export const IGNORE_FILE_MAX_BYTES = 1024 * 1024;

/**
 * The ignore file `name` in `dir`, or null when there is none or it cannot be used (noted).
 * As git does, an in-tree `.gitignore` that is a symbolic link is not followed; only a
 * regular file is read, and at most IGNORE_FILE_MAX_BYTES of it.
 */
function readIgnoreFile(dir: string, note: (message: string) => void, name = '.gitignore', base = dir): IgnoreFile | null {
  const path = join(dir, name);
  const read = readBounded(path, { maxBytes: IGNORE_FILE_MAX_BYTES, noFollow: name === '.gitignore' });
  if (read.ok) return new IgnoreFile(base, read.bytes.toString('utf8'));
  if (read.reason !== 'missing') note(`${path}: ${read.message}; its patterns are not used`);
  return null;
}

/** The ignore files from the repository root (the nearest ancestor with `.git`) down to `dir`'s parent. */
function ancestorIgnores(dir: string, note: (message: string) => void): IgnoreStack {
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
  const exclude = readIgnoreFile(join(root, '.git', 'info'), note, 'exclude', root);
  if (exclude) files.push(exclude);
  for (const a of chain.reverse()) {
    const f = readIgnoreFile(a, note);
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
      const stack = ignores.with(readIgnoreFile(dirAbs, note));
      let entries;
      try {
        // names as bytes: a name that is not UTF-8 cannot be opened through a string path
        entries = readdirSync(dirAbs, { withFileTypes: true, encoding: 'buffer' });
      } catch (e) {
        note(`${dirDisplay}: cannot read directory (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); skipped`);
        return;
      }
      const named = entries.map((e) => ({ e, name: e.name.toString('utf8') }));
      named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const { e, name } of named) {
        const childAbs = join(dirAbs, name);
        const childDisplay = join(dirDisplay, name);
        if (!isUtf8Name(e.name)) {
          if (e.isDirectory() || hasCheckedExtension(name)) note(`${join(dirDisplay, nameWithByteEscapes(e.name))}: the name is not valid UTF-8; skipped`);
          continue;
        }
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
          if (ALWAYS_SKIPPED_DIRS.has(name) || stack.ignored(childAbs, true)) continue;
          walk(childAbs, childDisplay, stack);
        } else if (file && hasCheckedExtension(name) && !stack.ignored(childAbs, false)) {
          add(childDisplay, childAbs);
        }
      }
    };
    walk(abs, given, ancestorIgnores(abs, note));
  }
  return { files, missing };
}
