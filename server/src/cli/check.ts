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
import { cliProjectRoot, findProjectConfig, gitRoot, loadProjectConfig } from '../config/load';
import { cachedFileSize, type FileSizeLookup } from '../fileSize';
import { DEFAULT_SETTINGS, type Settings } from '../config/schema';
import { languageForPath } from '../parse/parser';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, usageError, type CommandIo } from './args';
import { checkFiles, type CheckEngine, type CheckFilesResult } from './checkFiles';
import { exitStatus, parseCheckArgs, USAGE, type CheckOptions } from './checkOptions';
import { unifiedDiff } from './diff';
import { printable, printProblems } from './display';
import { formatJson, formatSarif, formatText } from './format';
import { collectFiles } from './walk';

/**
 * The project file for one command-line path: --config, else the nearest
 * `.openai-model-lint.json` above the path up to its project root (so `check examples` from
 * the repository root uses examples/'s file), else the nearest one above the cwd up to its
 * root; null = defaults.
 */
function configFileFor(path: string, options: CheckOptions, cwd: string, note: (message: string) => void): string | null {
  if (options.config !== null) return resolve(cwd, options.config);
  const dir = directoryOf(resolve(cwd, path));
  return findProjectConfig(dir, cliProjectRoot(dir, cwd), note) ?? findProjectConfig(cwd, cliProjectRoot(cwd, cwd), note);
}

interface ConfiguredContext {
  settings: Settings;
  ctx: EngineContext;
}

/** Loads a project file and builds its engine context; problems are printed and make the run fail. */
function contextFor(file: string | null, shownAs: string, options: CheckOptions, io: CommandIo, fileSize: FileSizeLookup): ConfiguredContext | null {
  let settings: Settings = DEFAULT_SETTINGS;
  if (file !== null) {
    const loaded = loadProjectConfig(file, options.config !== null);
    if (loaded.problems.length) {
      printProblems(io.stderr, shownAs, loaded.problems);
      return null;
    }
    settings = loaded.settings;
  }
  const { ctx, problems } = createContext(settings, { ...(options.asOf ? { asOf: options.asOf } : {}), tokens: 'sync', fileSize });
  if (problems.length) {
    printProblems(io.stderr, shownAs, problems);
    return null;
  }
  return { settings, ctx };
}

/** One command-line path, walked, with the settings its files are checked with. */
interface PathGroup {
  files: string[];
  configured: ConfiguredContext;
  /** --fix writes inside this tree only: the path's git repository, else the path (a file's directory) */
  root: string;
}

/**
 * Every path is walked and its project file loaded before anything is checked: bad usage
 * or an unusable project file stops the run before a file is touched. After that the run
 * goes to the end: a missing path, a file that cannot be read or written is noted, the
 * other files are checked (and fixed), the findings printed, and the exit status is 2.
 */
export async function run(args: string[], io: CommandIo, cwd: string = process.cwd()): Promise<number> {
  // after `--` every argument is a path, `-h` too
  const end = args.indexOf('--');
  if ((end === -1 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h')) {
    io.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  const parsed = parseCheckArgs(args);
  if (!parsed.ok) return usageError(io, parsed.error, USAGE);
  const options = parsed.options;

  // each note once: the project file of a path and of the working directory may be the same one
  const noted = new Set<string>();
  const note = (message: string): void => {
    if (!noted.has(message)) io.stderr(`openai-model-lint: ${printable(message)}\n`);
    noted.add(message);
  };
  const contexts = new Map<string | null, ConfiguredContext>();
  let failures = 0;
  const seen = new Set<string>();
  // sizes of the local files calls upload (OAI303), statted once per run
  const fileSize = cachedFileSize({ ttlMs: Infinity, maxEntries: 4096 });
  // --diff: the fixes are computed as with --fix, and what they would write is diffed instead
  const diffs: string[] = [];
  const preview = options.diff ? (file: string, before: string, after: string) => void diffs.push(unifiedDiff(file, before, after)) : undefined;
  const groups: PathGroup[] = [];
  for (const path of options.paths) {
    const walked = collectFiles([path], cwd, note);
    if (walked.missing.length) {
      // a name that was not UTF-8 reaches us with U+FFFD in it and cannot be opened
      note(`${path}: no such file or directory${path.includes('\uFFFD') ? ' (a name that is not valid UTF-8 arrives with U+FFFD in it and cannot be opened)' : ''}`);
      failures++;
      continue;
    }
    // a file reached through two command-line paths is checked once
    const files = walked.files.filter((f) => !seen.has(resolve(cwd, f)) && seen.add(resolve(cwd, f)));
    const configFile = configFileFor(path, options, cwd, note);
    let configured = contexts.get(configFile);
    if (!configured) {
      const shownAs = options.config ?? (configFile === null ? '' : relative(cwd, configFile) || configFile);
      const c = contextFor(configFile, shownAs, options, io, fileSize);
      if (!c) return EXIT_USAGE;
      contexts.set(configFile, (configured = c));
    }
    groups.push({ files, configured, root: fixRoot(resolve(cwd, path)) });
  }

  const result: CheckFilesResult = { reported: [], filesChecked: 0, fixesApplied: 0, filesFixed: 0, failures };
  for (const { files, configured, root } of groups) {
    const { ctx, settings } = configured;
    const engine: CheckEngine = {
      languageForPath,
      mightContainCall: mightHaveFindings,
      // relative paths in code are looked up next to the file, then in the working directory
      analyse: async (text, language, file) => (await analyzeText(text, language, ctx, file ? { path: file, roots: [cwd] } : undefined)).findings,
      analyseNotebook: async (cells, file, labels) => (await analyzeNotebook(cells, ctx, { path: file, roots: [cwd] }, labels)).findings,
    };
    const r = await checkFiles(files, engine, { cwd, fix: options.fix || options.diff, unsafeFixes: options.unsafeFixes, preview, maxFileSize: settings.maxFileSize, note, root });
    result.reported.push(...r.reported);
    result.filesChecked += r.filesChecked;
    result.fixesApplied += r.fixesApplied;
    result.filesFixed += r.filesFixed;
    result.failures += r.failures;
  }

  if (options.diff) {
    io.stdout(diffs.join(''));
    note(`would apply ${result.fixesApplied} fix${result.fixesApplied === 1 ? '' : 'es'} in ${result.filesFixed} file${result.filesFixed === 1 ? '' : 's'}`);
    if (result.failures) return failed(result.failures, note);
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
  if (result.failures) return failed(result.failures, note);
  return exitStatus(result.reported.map((r) => r.finding.severity), options.maxWarnings);
}

/** Exit status 2 once every finding is out: some paths could not be checked or fixed. */
function failed(failures: number, note: (m: string) => void): number {
  note(`${failures} path${failures === 1 ? '' : 's'} could not be checked or fixed (see above)`);
  return EXIT_USAGE;
}

/** The tree --fix may write in for a command-line path: its git repository, else the directory itself (a file's directory). */
function fixRoot(abs: string): string {
  const dir = directoryOf(abs);
  return gitRoot(dir) ?? dir;
}

/** The path if it is a directory, else the directory holding it. */
function directoryOf(abs: string): string {
  try {
    return statSync(abs).isDirectory() ? abs : dirname(abs);
  } catch {
    return dirname(abs);
  }
}
