/** The repository's own source files and notebook cells, as test inputs for the analysis. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { blankMagics, parseNotebook } from '../../server/src/cli/notebook';
import { languageForPath } from '../../server/src/parse/parser';
import type { LanguageName } from '../../server/src/parse/parser';
import { repoRoot } from './repoRoot';

/** Source files (and notebook cells) under `dirs` (relative to the repository), as [name, text, language]. */
export function repositorySources(dirs: string[]): [string, string, LanguageName][] {
  const root = repoRoot();
  const out: [string, string, LanguageName][] = [];
  for (const dir of dirs) {
    for (const entry of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || entry.parentPath.includes('node_modules') || /[\\/]out([\\/]|$)/.test(entry.parentPath)) continue;
      const path = join(entry.parentPath, entry.name);
      const name = relative(root, path);
      if (name.endsWith('.ipynb')) {
        const nb = parseNotebook(readFileSync(path, 'utf8'));
        if (nb.ok) for (const cell of nb.notebook.cells) out.push([`${name} cell ${cell.index}`, blankMagics(cell.source), 'python']);
        continue;
      }
      const lang = languageForPath(name);
      if (lang) out.push([name, readFileSync(path, 'utf8'), lang]);
    }
  }
  return out;
}
