/**
 * How `check --fix` writes a file: in place, through one descriptor, as ESLint and ruff do.
 * Replacing the file by a rename would give it a new inode: the owner becomes whoever runs
 * the fix (root in CI), hard links are split, and a file its owner made read-only is
 * replaced because only the directory's permissions are checked. In place, the inode,
 * owner, mode and links stay; the cost is that a crash in the middle of the write leaves a
 * partial file (the write is one call of a few kilobytes, then fsync).
 *
 * Before writing, the file must still be what was read (inode, size, modification time and
 * every byte, compared through the descriptor that then writes), so an edit made while the
 * fixes were computed is never overwritten. A link is written through only when its
 * target is inside the project tree, and a file without any write permission bit is never
 * rewritten (root could: the bits say what its owner wants).
 */
import { closeSync, constants, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, realpathSync, writeSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { isWithin } from '../config/load';
import { fileKind } from '../safeRead';

/** What was read, to compare with the file right before writing. */
export interface ReadSnapshot {
  bytes: Buffer;
  stat: Pick<Stats, 'ino' | 'dev' | 'size' | 'mtimeMs'>;
}

export type WriteResult = { ok: true } | { ok: false; reason: 'outside-tree' | 'read-only' | 'changed' | 'error'; message: string };

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * Writes `data` over the file at `path` (resolved through links) if it is inside `root` and
 * unchanged since `snapshot`. Never throws.
 */
export function writeInPlace(path: string, data: Buffer, snapshot: ReadSnapshot, root: string): WriteResult {
  let real: string;
  let realRoot: string;
  try {
    real = realpathSync(path);
    realRoot = realpathSync(root);
  } catch (e) {
    return error(e);
  }
  if (!isWithin(real, realRoot)) return { ok: false, reason: 'outside-tree', message: `a link to ${real}, outside ${root}; not followed` };
  let fd: number;
  try {
    // O_NOFOLLOW: the path was resolved above; a link put there since is not followed
    fd = openSync(real, constants.O_RDWR | NOFOLLOW);
  } catch (e) {
    return error(e);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, reason: 'error', message: `now ${fileKind(st)}` };
    if ((st.mode & 0o222) === 0) return { ok: false, reason: 'read-only', message: `read-only (mode ${(st.mode & 0o777).toString(8).padStart(4, '0')})` };
    const was = snapshot.stat;
    if (st.ino !== was.ino || st.dev !== was.dev || st.size !== was.size || st.mtimeMs !== was.mtimeMs || !readAll(fd, st.size + 1).equals(snapshot.bytes)) {
      return { ok: false, reason: 'changed', message: 'changed since it was read' };
    }
    writeAll(fd, data);
    ftruncateSync(fd, data.length);
    fsyncSync(fd);
    return { ok: true };
  } catch (e) {
    return error(e);
  } finally {
    closeSync(fd);
  }
}

function error(e: unknown): WriteResult {
  return { ok: false, reason: 'error', message: `cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
}

/** Up to `limit` bytes from the start of the file. */
function readAll(fd: number, limit: number): Buffer {
  const buf = Buffer.allocUnsafe(limit);
  let total = 0;
  while (total < limit) {
    const n = readSync(fd, buf, total, limit - total, total);
    if (n === 0) break;
    total += n;
  }
  return buf.subarray(0, total);
}

function writeAll(fd: number, data: Buffer): void {
  for (let done = 0; done < data.length; ) done += writeSync(fd, data, done, data.length - done, done);
}
