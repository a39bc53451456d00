/**
 * `openai-model-lint check [PATH...] [--format text|json|sarif] [--config FILE]
 *  [--as-of YYYY-MM-DD] [--fix] [--max-warnings N]` (SPEC §5).
 *
 * Exit status: 0 no error-severity finding; 1 an error finding, or more warnings than
 * --max-warnings; 2 bad usage, unreadable or invalid config, internal failure.
 */
import { resolve } from 'node:path';
import { mightContainCall } from '../analysis/extract';
import { analyzeText, createContext } from '../engine';
import { findProjectConfig, loadProjectConfig } from '../config/load';
import { DEFAULT_SETTINGS, type Settings } from '../config/schema';
import { languageForPath } from '../parse/parser';
import { EXIT_OK, EXIT_USAGE, usageError, type CommandIo } from './args';
import { checkFiles, type CheckEngine } from './checkFiles';
import { exitStatus, parseCheckArgs, USAGE, type CheckOptions } from './checkOptions';
import { formatJson, formatSarif, formatText } from './format';
import { collectFiles } from './walk';

/** Settings from --config or the nearest project file; problems make the run fail (exit 2). */
function loadSettings(options: CheckOptions, cwd: string, io: CommandIo): { settings: Settings; file: string } | null {
  const file = options.config ?? findProjectConfig(cwd);
  if (file === null) return { settings: DEFAULT_SETTINGS, file: '(defaults)' };
  const loaded = loadProjectConfig(resolve(cwd, file));
  if (loaded.problems.length) {
    reportProblems(io, file, loaded.problems);
    return null;
  }
  return { settings: loaded.settings, file };
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

  const loaded = loadSettings(options, cwd, io);
  if (!loaded) return EXIT_USAGE;
  const { settings } = loaded;
  const { ctx, problems } = createContext(settings, { ...(options.asOf ? { asOf: options.asOf } : {}), tokens: 'sync' });
  if (problems.length) {
    reportProblems(io, loaded.file, problems);
    return EXIT_USAGE;
  }

  const note = (message: string): void => io.stderr(`openai-model-lint: ${message}\n`);
  const { files, missing } = collectFiles(options.paths, cwd, note);
  if (missing.length) {
    for (const m of missing) io.stderr(`openai-model-lint: ${m}: no such file or directory\n`);
    return EXIT_USAGE;
  }

  const engine: CheckEngine = {
    languageForPath,
    mightContainCall,
    analyse: async (text, language) => (await analyzeText(text, language, ctx)).findings,
  };
  const result = await checkFiles(files, engine, { cwd, fix: options.fix, maxFileSize: settings.maxFileSize, note });

  const summary = { filesChecked: result.filesChecked, fixesApplied: options.fix ? result.fixesApplied : null, filesFixed: result.filesFixed };
  if (options.format === 'json') io.stdout(formatJson(result.reported));
  else if (options.format === 'sarif') io.stdout(formatSarif(result.reported));
  else io.stdout(formatText(result.reported, summary));
  if (options.fix && options.format !== 'text') {
    note(`applied ${result.fixesApplied} fix${result.fixesApplied === 1 ? '' : 'es'} in ${result.filesFixed} file${result.filesFixed === 1 ? '' : 's'}`);
  }

  return exitStatus(result.reported.map((r) => r.finding.severity), options.maxWarnings);
}
