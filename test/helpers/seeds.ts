/**
 * Where the seed documents are read from: `../shared/seeds/` beside the repository when it
 * exists (the contract, which may be refined), else the copy in `test/fixtures/seeds/`
 * (a clean clone in CI has only the repository).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function sharedSeedsDir(repoRoot: string): string {
  return path.resolve(repoRoot, '../shared/seeds');
}

export function copiedSeedsDir(repoRoot: string): string {
  return path.join(repoRoot, 'test', 'fixtures', 'seeds');
}

export function readSeed(repoRoot: string, file: string): string {
  for (const dir of [sharedSeedsDir(repoRoot), copiedSeedsDir(repoRoot)]) {
    const p = path.join(dir, file);
    if (existsSync(p)) return readFileSync(p, 'utf8');
  }
  throw new Error(`seed ${file} not found in ${sharedSeedsDir(repoRoot)} nor in ${copiedSeedsDir(repoRoot)}`);
}
