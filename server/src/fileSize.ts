/**
 * File sizes for the rule that checks a local file a call uploads (OAI303 on audio). Rules
 * do no I/O: they ask `ctx.fileSize(absPath)`, which the CLI provides (plain `statSync`,
 * memoised for the run) and the language server provides through a small cache, so a
 * re-analysis on every keystroke stats a path at most once per few seconds.
 */
import { statSync } from 'node:fs';

/** Size in bytes of the regular file at an absolute path; undefined when there is none. */
export type FileSizeLookup = (absPath: string) => number | undefined;

/** Where the analysed text lives, for paths written relative to it. */
export interface DocumentLocation {
  /** absolute path of the file (a notebook's path for its cells) */
  path: string;
  /** other directories a relative path may be relative to: the CLI's working directory, the editor's workspace folder */
  roots: readonly string[];
}

/**
 * A path whose stat leaves the machine (`\\host\share\a.mp3`, `//host/share/a.mp3`): on
 * Windows it makes the OS contact that host (and offer the user's credentials), so a
 * linter never stats one.
 */
export function isNetworkPath(p: string): boolean {
  return /^[\\/]{2}/.test(p);
}

export function statFileSize(absPath: string): number | undefined {
  if (isNetworkPath(absPath)) return undefined;
  try {
    const st = statSync(absPath, { throwIfNoEntry: false });
    return st?.isFile() ? st.size : undefined;
  } catch {
    return undefined;
  }
}

export interface FileSizeCacheOptions {
  /** entries kept; the oldest is dropped first */
  maxEntries?: number;
  /** how long a size (or an absence) is trusted before the path is statted again */
  ttlMs?: number;
  now?: () => number;
  stat?: FileSizeLookup;
}

/**
 * `stat` behind a bounded cache of size-or-absence per path with a time to live. A stat is
 * needed to see a change anyway, so entries carry the time they were read, not an mtime.
 */
export function cachedFileSize(opts: FileSizeCacheOptions = {}): FileSizeLookup {
  const max = Math.max(1, opts.maxEntries ?? 256);
  const ttl = opts.ttlMs ?? 5_000;
  const now = opts.now ?? Date.now;
  const stat = opts.stat ?? statFileSize;
  const cache = new Map<string, { size: number | undefined; at: number }>();
  return (absPath) => {
    const t = now();
    const hit = cache.get(absPath);
    if (hit && t - hit.at < ttl) return hit.size;
    const size = stat(absPath);
    cache.delete(absPath);
    if (cache.size >= max) cache.delete(cache.keys().next().value!);
    cache.set(absPath, { size, at: t });
    return size;
  };
}
