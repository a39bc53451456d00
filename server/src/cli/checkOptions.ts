/**
 * `check`'s command line: options, usage and the exit status rule (SPEC §5). Kept apart
 * from the engine wiring so it is tested on its own.
 */
import { PROJECT_FILE } from '../config/load';
import { EXIT_FINDINGS, EXIT_OK, parseArgs, validateIsoDate } from './args';

export const USAGE = `usage: openai-model-lint check [PATH...] [--format text|json|sarif] [--config FILE]
                              [--as-of YYYY-MM-DD] [--fix] [--unsafe-fixes] [--diff]
                              [--max-warnings N]

Checks OpenAI / Azure OpenAI API calls in .py .js .mjs .cjs .ts .mts .cts .jsx .tsx and
.ipynb files. Directories are walked respecting .gitignore (PATH defaults to ".").
Notebook findings name the cell by its 0-based index in the notebook's cells array
("nb.ipynb:cell 3:2:5"), with lines counted within the cell.

  --format       text (default), json (SPEC array) or sarif (SARIF 2.1.0)
  --config FILE  project settings (default: the nearest ${PROJECT_FILE} above each
                 PATH up to its .git, else above the cwd)
  --as-of DATE   pin "today" for lifecycle checks
  --fix          apply safe fixes, writing the changed files in place
  --unsafe-fixes with --fix or --diff: unsafe fixes too (model replacements, clamped
                 limits, roles, api_version bumps, ...); review the result
  --diff         print what --fix would change as a unified diff, write nothing;
                 exit 1 when there is something to fix, else 0
  --max-warnings N  exit 1 when more than N warnings remain`;

export interface CheckOptions {
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  config: string | null;
  asOf: string | null;
  fix: boolean;
  unsafeFixes: boolean;
  diff: boolean;
  maxWarnings: number | null;
}

export function parseCheckArgs(args: readonly string[]): { ok: true; options: CheckOptions } | { ok: false; error: string } {
  const parsed = parseArgs(args, {
    format: { type: 'string', choices: ['text', 'json', 'sarif'] },
    config: { type: 'string' },
    'as-of': { type: 'string', validate: validateIsoDate },
    fix: { type: 'boolean' },
    'unsafe-fixes': { type: 'boolean' },
    diff: { type: 'boolean' },
    'max-warnings': { type: 'string', validate: (v) => (/^\d+$/.test(v) ? undefined : `expected a whole number >= 0 (got '${v}')`) },
    help: { type: 'boolean' },
  });
  if (!parsed.ok) return parsed;
  const o = parsed.value.options;
  if (o.diff === true && o.format !== undefined && o.format !== 'text') return { ok: false, error: `--diff prints a diff; it does not combine with --format ${String(o.format)}` };
  return {
    ok: true,
    options: {
      paths: parsed.value.positionals.length ? parsed.value.positionals : ['.'],
      format: (o.format as CheckOptions['format'] | undefined) ?? 'text',
      config: (o.config as string | undefined) ?? null,
      asOf: (o['as-of'] as string | undefined) ?? null,
      fix: o.fix === true,
      unsafeFixes: o['unsafe-fixes'] === true,
      diff: o.diff === true,
      maxWarnings: o['max-warnings'] === undefined ? null : Number(o['max-warnings']),
    },
  };
}

export function exitStatus(severities: readonly string[], maxWarnings: number | null): number {
  if (severities.includes('error')) return EXIT_FINDINGS;
  if (maxWarnings !== null && severities.filter((s) => s === 'warning').length > maxWarnings) return EXIT_FINDINGS;
  return EXIT_OK;
}
