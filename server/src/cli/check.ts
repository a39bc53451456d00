/**
 * `openai-model-lint check [PATH...] [--format text|json|sarif] [--config FILE]
 *  [--as-of YYYY-MM-DD] [--fix] [--unsafe-fixes] [--diff] [--max-warnings N]` (SPEC §5).
 *
 * Exit status: 0 no error-severity finding; 1 an error finding, or more warnings than
 * --max-warnings; 2 bad usage, unreadable or invalid config, internal failure. With --diff
 * (as ruff): 1 when there is something to fix, else 0.
 */
import { statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { catalogAgeNote } from '../catalog/catalog';
import { analyzeText, createContext, mightHaveFindings, type EngineContext } from '../engine';
import { analyzeNotebook } from '../engineNotebook';
import { findProjectConfig, loadProjectConfig } from '../config/load';
import { cachedFileSize, type FileSizeLookup } from '../fileSize';
import { DEFAULT_SETTINGS, type Settings } from '../config/schema';
import { languageForPath } from '../parse/parser';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, usageError, type CommandIo } from './args';
import { checkFiles, type CheckEngine, type CheckFilesResult } from './checkFiles';
import { exitStatus, parseCheckArgs, USAGE, type CheckOptions } from './checkOptions';
import { unifiedDiff } from './diff';
import { formatJson, formatSarif, formatText } from './format';
import { collectFiles } from './walk';

/**
 * The project file for one command-line path: --config, else the nearest
 * `.openai-model-lint.json` above the path (so `check examples` from the repository root
 * uses examples/'s file), else the nearest one above the cwd; null = defaults.
 */
function configFileFor(path: string, options: CheckOptions, cwd: string): string | null {
  if (options.config !== null) return resolve(cwd, options.config);
  const abs = resolve(cwd, path);
  let dir = abs;
  try {
    if (!statSync(abs).isDirectory()) dir = dirname(abs);
  } catch {
    dir = dirname(abs);
  }
  return findProjectConfig(dir) ?? findProjectConfig(cwd);
}

interface ConfiguredContext {
  settings: Settings;
  ctx: EngineContext;
}

/** Loads a project file and builds its engine context; problems are printed and make the run fail. */
function contextFor(file: string | null, shownAs: string, options: CheckOptions, io: CommandIo, fileSize: FileSizeLookup): ConfiguredContext | null {
  let settings: Settings = DEFAULT_SETTINGS;
  if (file !== null) {
    const loaded = loadProjectConfig(file);
    if (loaded.problems.length) {
      reportProblems(io, shownAs, loaded.problems);
      return null;
    }
    settings = loaded.settings;
  }
  const { ctx, problems } = createContext(settings, { ...(options.asOf ? { asOf: options.asOf } : {}), tokens: 'sync', fileSize });
  if (problems.length) {
    reportProblems(io, shownAs, problems);
    return null;
  }
  return { settings, ctx };
}

function reportProblems(io: CommandIo, file: string, problems: readonly { path: string; message: string }[]): void {
  for (const p of problems) io.stderr(`openai-model-lint: ${file}: ${p.path ? `${p.path}: ` : ''}${p.message}\n`);
}

export async function run(args: string[], io: CommandIo, cwd: string = process.cwd()): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  const parsed = parseCheckArgs(args);
  if (!parsed.ok) return usageError(io, parsed.error, USAGE);
  const options = parsed.options;

  const note = (message: string): void => io.stderr(`openai-model-lint: ${message}\n`);
  const contexts = new Map<string | null, ConfiguredContext>();
  const result: CheckFilesResult = { reported: [], filesChecked: 0, fixesApplied: 0, filesFixed: 0 };
  const seen = new Set<string>();
  // sizes of the local files calls upload (OAI303), statted once per run
  const fileSize = cachedFileSize({ ttlMs: Infinity, maxEntries: 4096 });
  // --diff: the fixes are computed as with --fix, and what they would write is diffed instead
  const diffs: string[] = [];
  const preview = options.diff ? (file: string, before: string, after: string) => void diffs.push(unifiedDiff(file, before, after)) : undefined;
  for (const path of options.paths) {
    const walked = collectFiles([path], cwd, note);
    const { missing } = walked;
    // a file reached through two command-line paths is checked once
    const files = walked.files.filter((f) => !seen.has(resolve(cwd, f)) && seen.add(resolve(cwd, f)));
    if (missing.length) {
      io.stderr(`openai-model-lint: ${path}: no such file or directory\n`);
      return EXIT_USAGE;
    }
    const configFile = configFileFor(path, options, cwd);
    let configured = contexts.get(configFile);
    if (!configured) {
      const shownAs = options.config ?? (configFile === null ? '' : relative(cwd, configFile) || configFile);
      const c = contextFor(configFile, shownAs, options, io, fileSize);
      if (!c) return EXIT_USAGE;
      contexts.set(configFile, (configured = c));
    }
    const { ctx, settings } = configured;
    const engine: CheckEngine = {
      languageForPath,
      mightContainCall: mightHaveFindings,
      // relative paths in code are looked up next to the file, then in the working directory
      analyse: async (text, language, file) => (await analyzeText(text, language, ctx, file ? { path: file, roots: [cwd] } : undefined)).findings,
      analyseNotebook: async (cells, file, labels) => (await analyzeNotebook(cells, ctx, { path: file, roots: [cwd] }, labels)).findings,
    };
    const r = await checkFiles(files, engine, { cwd, fix: options.fix || options.diff, unsafeFixes: options.unsafeFixes, preview, maxFileSize: settings.maxFileSize, note });
    result.reported.push(...r.reported);
    result.filesChecked += r.filesChecked;
    result.fixesApplied += r.fixesApplied;
    result.filesFixed += r.filesFixed;
  }

  if (options.diff) {
    io.stdout(diffs.join(''));
    note(`would apply ${result.fixesApplied} fix${result.fixesApplied === 1 ? '' : 'es'} in ${result.filesFixed} file${result.filesFixed === 1 ? '' : 's'}`);
    return result.filesFixed > 0 ? EXIT_FINDINGS : EXIT_OK;
  }
  // SPEC §2 catalog age: said once per catalog, in the summary (on stderr beside JSON and SARIF)
  const catalogNotes = [...new Set([...contexts.values()].map(({ ctx }) => catalogAgeNote(ctx.catalog.asOf, ctx.asOf)).filter((n): n is string => n !== null))];
  const summary = { filesChecked: result.filesChecked, fixesApplied: options.fix ? result.fixesApplied : null, filesFixed: result.filesFixed, unsafeFixes: options.unsafeFixes, catalogNotes };
  if (options.format === 'json') io.stdout(formatJson(result.reported));
  else if (options.format === 'sarif') io.stdout(formatSarif(result.reported));
  else io.stdout(formatText(result.reported, summary));
  if (options.format !== 'text') for (const n of catalogNotes) note(n);
  if (options.fix && options.format !== 'text') {
    note(`applied ${result.fixesApplied} fix${result.fixesApplied === 1 ? '' : 'es'} in ${result.filesFixed} file${result.filesFixed === 1 ? '' : 's'}`);
  }

  return exitStatus(result.reported.map((r) => r.finding.severity), options.maxWarnings);
}
