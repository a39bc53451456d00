/**
 * A small strict option parser for the CLI commands. Options are declared per command; an
 * undeclared option, a missing value or a value outside `choices` is an error that the
 * command reports with its usage (exit status 2).
 *
 * Accepted forms: `--name value`, `--name=value`, boolean `--flag`, `--` ends the options.
 */
import { isCalendarDate } from '../config/schema';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** allowed values of a string option */
  choices?: readonly string[];
  /** a string option given several times keeps every value */
  multiple?: boolean;
  /** checks a string value; returns an error message when it is not acceptable */
  validate?: (value: string) => string | undefined;
}

export interface ParsedArgs {
  options: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export type ParseResult = { ok: true; value: ParsedArgs } | { ok: false; error: string };

export interface CommandIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** Every command module exports a `run` of this shape; the return value is the exit status. */
export type CommandRun = (args: string[], io: CommandIo) => Promise<number>;

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export function parseArgs(args: readonly string[], spec: Record<string, OptionSpec>): ParseResult {
  const options: ParsedArgs['options'] = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    if (!arg.startsWith('--')) return { ok: false, error: `unknown option '${arg}'` };
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const opt = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (!opt) return { ok: false, error: `unknown option '--${name}'` };
    if (opt.type === 'boolean') {
      if (eq !== -1) return { ok: false, error: `option '--${name}' takes no value` };
      options[name] = true;
      continue;
    }
    let value: string;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      const next = args[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) return { ok: false, error: `option '--${name}' needs a value` };
      value = next;
      i++;
    }
    if (opt.choices && !opt.choices.includes(value)) {
      return { ok: false, error: `option '--${name}' must be one of ${opt.choices.join(', ')} (got '${value}')` };
    }
    const invalid = opt.validate?.(value);
    if (invalid) return { ok: false, error: `option '--${name}': ${invalid}` };
    if (opt.multiple) options[name] = [...((options[name] as string[] | undefined) ?? []), value];
    else options[name] = value;
  }
  return { ok: true, value: { options, positionals } };
}

/** `--as-of` values: a real calendar date YYYY-MM-DD. */
export function validateIsoDate(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return `expected a date YYYY-MM-DD (got '${value}')`;
  if (!isCalendarDate(value)) return `'${value}' is not a calendar date`;
  return undefined;
}

/** Today's date (UTC) as YYYY-MM-DD, the default as-of date. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Prints the error and the usage to stderr; returns the usage exit status. */
export function usageError(io: CommandIo, error: string, usage: string): number {
  io.stderr(`openai-model-lint: ${error}\n${usage}\n`);
  return EXIT_USAGE;
}
