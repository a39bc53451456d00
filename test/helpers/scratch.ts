/**
 * Temporary directories for a test file, removed when the file's tests are done (the hook is
 * registered when a test file imports this module; each test bundle has its own copy).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

const dirs: string[] = [];
after(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A new empty directory under the system's temporary folder. */
export function scratchDir(prefix = 'oml-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}
