/**
 * The catalog `models` and `explain` show: the built-in one with the project file's
 * `catalog.file` and `catalog.extraModels` over it (SPEC §4), so they list and explain what `check` and the editor
 * check against. The project file is `--config FILE`, else the nearest
 * `.openai-model-lint.json` from the working directory upwards; its `asOf` pins the
 * lifecycle date unless `--as-of` is given.
 *
 * Problems are printed on stderr with their key path and the bad part skipped; the command
 * still runs. Only a `--config FILE` that cannot be read as a JSON object stops it (exit 2),
 * as it stops `check`.
 */
import { relative, resolve } from 'node:path';
import type { Catalog } from '../catalog/catalog';
import { withCatalogFile } from '../config/catalogFile';
import { cliProjectRoot, findProjectConfig, loadProjectConfig, type ConfigProblem } from '../config/load';
import { printable, printProblems } from './display';
import type { CommandIo } from './args';

export interface ProjectCatalog {
  catalog: Catalog;
  /** the project file's pinned as-of date, if any */
  asOf: string | null;
}

/** null when an explicitly given --config file is unusable (already reported). */
export function projectCatalog(base: Catalog, config: string | undefined, cwd: string, io: CommandIo): ProjectCatalog | null {
  const file = config !== undefined ? resolve(cwd, config) : findProjectConfig(cwd, cliProjectRoot(cwd, cwd), (m) => io.stderr(`openai-model-lint: ${printable(m)}\n`));
  if (file === null) return { catalog: base, asOf: null };
  const shownAs = config ?? (relative(cwd, file) || file);
  const report = (problems: readonly ConfigProblem[]): void => printProblems(io.stderr, shownAs, problems);

  const loaded = loadProjectConfig(file, config !== undefined);
  // a file that is unreadable, not JSON or not an object reports one problem at the top level
  if (config !== undefined && loaded.problems.some((p) => p.path === '')) {
    report(loaded.problems);
    return null;
  }
  // the project file's catalog file (path relative to the project file), then its extra models
  let withFile = base;
  const fileProblems: ConfigProblem[] = [];
  if (loaded.settings.catalog.file !== null) {
    const r = withCatalogFile(base, loaded.settings.catalog.file);
    fileProblems.push(...r.problems);
    withFile = r.catalog;
  }
  const { catalog, problems } = withFile.withExtraModels(loaded.settings.catalog.extraModels);
  report([...loaded.problems, ...fileProblems, ...problems.map((p) => ({ ...p, message: `${p.message}; entry skipped` }))]);
  return { catalog, asOf: loaded.settings.asOf ?? null };
}
