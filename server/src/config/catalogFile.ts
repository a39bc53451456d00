/**
 * `catalog.file` (SPEC §4): a newer catalog data file over the built-in catalog, so a team can
 * update model facts without waiting for a release. Read bounded (a regular file, at most
 * MAX_CATALOG_FILE_BYTES), parsed as JSON and validated by the built-in files' schema; any
 * problem is one clear message naming the file (and the key path), and the catalog stays the
 * one it was. Never throws.
 */
import { readBounded as readRegular } from '../safeRead';
import type { Catalog, CatalogProblem } from '../catalog/catalog';

/** The built-in data files are under 1 MB together; a catalog file may be several times that. */
export const MAX_CATALOG_FILE_BYTES = 8 * 1024 * 1024;

/** The file's text, or why it cannot be used (the shared bounded reader, with this file's wording). */
export function readBounded(path: string, maxBytes: number): { text: string } | { problem: string } {
  const r = readRegular(path, { maxBytes });
  if (r.ok) return { text: r.bytes.toString('utf8') };
  switch (r.reason) {
    case 'too-large':
      return { problem: `${path} is ${r.size.toLocaleString('en-US')} bytes; a catalog file may be at most ${maxBytes.toLocaleString('en-US')}` };
    case 'not-regular':
    case 'symlink':
      return { problem: `${path} is not a regular file` };
    default:
      return { problem: `cannot read ${path}: ${r.code}` };
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
