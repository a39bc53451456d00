/**
 * Bounded reads of files the user did not name: project files found by looking up the
 * tree, `.gitignore` files, files found by walking a directory. A repository cloned from
 * someone else can hold a link to `/dev/zero` or a FIFO under any of those names (git
 * stores links as they are), and a plain read then grows without end or blocks forever.
 * Here only regular files are read (a FIFO is opened without blocking and refused), never
 * more than `maxBytes`, and a file that grows while it is read is refused as too large.
 *
 * A file the user names (`--config FILE`) may be a pipe (`--config <(…)`): `regularOnly:
 * false` reads it as it is, still bounded.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';

export interface SafeReadOptions {
  /** the most bytes accepted: a larger file is refused (`too-large`) */
  maxBytes: number;
  /** true (default): only regular files are read, anything else is `not-regular` */
  regularOnly?: boolean;
  /** refuse a symbolic link as the last component (`symlink`), as git does for in-tree `.gitignore` files */
  noFollow?: boolean;
}

export type SafeReadFailure =
  | { ok: false; reason: 'missing' | 'unreadable'; message: string; code: string }
  | { ok: false; reason: 'not-regular'; message: string }
  | { ok: false; reason: 'symlink'; message: string }
  | { ok: false; reason: 'too-large'; message: string; size: number };

export type SafeReadResult = { ok: true; bytes: Buffer; stat: Stats } | SafeReadFailure;

/** O_NONBLOCK / O_NOFOLLOW are 0 where the platform has no such flag (Windows). */
const NONBLOCK = constants.O_NONBLOCK ?? 0;
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/** "a FIFO", "a directory", … for messages. */
export function fileKind(st: Stats): string {
  if (st.isFile()) return 'a regular file';
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function failure(e: unknown, noFollow: boolean): SafeReadFailure {
  const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
  // O_NOFOLLOW on a link: ELOOP on Linux, EMLINK on FreeBSD, EFTYPE on some BSDs
  if (noFollow && (code === 'ELOOP' || code === 'EMLINK' || code === 'EFTYPE')) return { ok: false, reason: 'symlink', message: 'a symbolic link; not followed' };
  // Node's "ENOENT: no such file or directory, open '/x'" without the path the caller already names
  const message = (e as Error).message.replace(/, \w+ '.*'$/s, '');
  return { ok: false, reason: code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable', message, code };
}

/**
 * Reads at most `opts.maxBytes` bytes of the file at `path`; never blocks on a FIFO or a
 * device unless `regularOnly` is false. Never throws.
 */
export function readBounded(path: string, opts: SafeReadOptions): SafeReadResult {
  const regularOnly = opts.regularOnly !== false;
  const noFollow = opts.noFollow === true;
  if (regularOnly) {
    // refuse a device or FIFO before opening it: opening some devices has effects of its own
    try {
      const st = noFollow ? lstatSync(path) : statSync(path);
      if (st.isSymbolicLink()) return { ok: false, reason: 'symlink', message: 'a symbolic link; not followed' };
      if (!st.isFile()) return { ok: false, reason: 'not-regular', message: `${fileKind(st)}, not a regular file` };
    } catch (e) {
      return failure(e, noFollow);
    }
  }
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (regularOnly ? NONBLOCK : 0) | (noFollow ? NOFOLLOW : 0));
  } catch (e) {
    return failure(e, noFollow);
  }
  try {
    // the file may have been replaced since the stat above: this one is of what was opened
    const st = fstatSync(fd);
    if (regularOnly && !st.isFile()) return { ok: false, reason: 'not-regular', message: `${fileKind(st)}, not a regular file` };
    if (st.isFile() && st.size > opts.maxBytes) return { ok: false, reason: 'too-large', message: tooLarge(st.size, opts.maxBytes), size: st.size };
    const bytes = readUpTo(fd, opts.maxBytes + 1);
    if (bytes.length > opts.maxBytes) return { ok: false, reason: 'too-large', message: `over the ${opts.maxBytes}-byte limit`, size: bytes.length };
    return { ok: true, bytes, stat: st };
  } catch (e) {
    return failure(e, noFollow);
  } finally {
    closeSync(fd);
  }
}

export function tooLarge(size: number, max: number): string {
  return `${size} bytes is over the ${max}-byte limit`;
}

/** Up to `limit` bytes from the descriptor (fewer at end of file). */
function readUpTo(fd: number, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, limit - total));
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    total += n;
  }
  return Buffer.concat(chunks, total);
}
