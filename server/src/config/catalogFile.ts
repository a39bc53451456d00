/**
 * `catalog.file` (SPEC §4): a newer catalog data file over the built-in catalog, so a team can
 * update model facts without waiting for a release. Read bounded (a regular file, at most
 * MAX_CATALOG_FILE_BYTES), parsed as JSON and validated by the built-in files' schema; any
 * problem is one clear message naming the file (and the key path), and the catalog stays the
 * one it was. Never throws.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Catalog, CatalogProblem } from '../catalog/catalog';

/** The built-in data files are under 1 MB together; a catalog file may be several times that. */
export const MAX_CATALOG_FILE_BYTES = 8 * 1024 * 1024;

/** The file's text, or why it cannot be used. */
export function readBounded(path: string, maxBytes: number): { text: string } | { problem: string } {
  let fd: number;
  try {
    // non-blocking: opening a FIFO for reading would otherwise wait for a writer
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { problem: `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  try {
    // on the open file itself: what was checked is what is read
    const st = fstatSync(fd);
    if (!st.isFile()) return { problem: `${path} is not a regular file` };
    if (st.size > maxBytes) return { problem: `${path} is ${st.size.toLocaleString('en-US')} bytes; a catalog file may be at most ${maxBytes.toLocaleString('en-US')}` };
    const buf = Buffer.alloc(st.size);
    let read = 0;
    while (read < st.size) {
      const n = readSync(fd, buf, read, st.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { text: buf.subarray(0, read).toString('utf8') };
  } catch (e) {
    return { problem: `cannot read ${path}: ${(e as Error).message}` };
  } finally {
    closeSync(fd);
  }
}

/** More problems than this in one file are summed up in one line. */
const MAX_PROBLEMS = 5;

/**
 * `base` with the catalog file at `path` over it; `base` itself, with the problems, when the
 * file cannot be read, is not JSON or does not validate.
 */
export function withCatalogFile(base: Catalog, path: string): { catalog: Catalog; problems: CatalogProblem[] } {
  const ignored = (messages: string[]) => ({ catalog: base, problems: messages.map((message) => ({ path: 'catalog.file', message: `${message}; the file is ignored, the built-in catalog is used` })) });
  const read = readBounded(path, MAX_CATALOG_FILE_BYTES);
  if ('problem' in read) return ignored([read.problem]);
  let json: unknown;
  try {
    json = JSON.parse(read.text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return ignored([`${path} is not valid JSON: ${(e as Error).message}`]);
  }
  const r = base.withFile(json, path);
  if (!r.problems.length) return r;
  const shown = r.problems.slice(0, MAX_PROBLEMS).map((p) => p.message);
  if (r.problems.length > MAX_PROBLEMS) shown.push(`${path}: ${r.problems.length - MAX_PROBLEMS} more problems`);
  return ignored(shown);
}
