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
import { findProjectConfig, loadProjectConfig } from '../config/load';
import type { CommandIo } from './args';

export interface ProjectCatalog {
  catalog: Catalog;
  /** the project file's pinned as-of date, if any */
  asOf: string | null;
}

/** null when an explicitly given --config file is unusable (already reported). */
export function projectCatalog(base: Catalog, config: string | undefined, cwd: string, io: CommandIo): ProjectCatalog | null {
  const file = config !== undefined ? resolve(cwd, config) : findProjectConfig(cwd);
  if (file === null) return { catalog: base, asOf: null };
  const shownAs = config ?? (relative(cwd, file) || file);
  const report = (path: string, message: string): void => io.stderr(`openai-model-lint: ${shownAs}: ${path ? `${path}: ` : ''}${message}\n`);

  const loaded = loadProjectConfig(file);
  for (const p of loaded.problems) report(p.path, p.message);
  // a file that is unreadable, not JSON or not an object reports one problem at the top level
  if (config !== undefined && loaded.problems.some((p) => p.path === '')) return null;

  // the project file's catalog file (path relative to the project file), then its extra models
  let withFile = base;
  if (loaded.settings.catalog.file !== null) {
    const r = withCatalogFile(base, loaded.settings.catalog.file);
    for (const p of r.problems) report(p.path, p.message);
    withFile = r.catalog;
  }
  const { catalog, problems } = withFile.withExtraModels(loaded.settings.catalog.extraModels);
  for (const p of problems) report(p.path, `${p.message}; entry skipped`);
  return { catalog, asOf: loaded.settings.asOf ?? null };
}
