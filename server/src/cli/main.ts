/**
 * The `openai-model-lint` command dispatcher: `openai-model-lint <command> [args]`.
 * Each command module exports `run(args, io)` returning the exit status; this module only
 * picks the command, so tests run the whole CLI in-process through `run`.
 */
import { EXIT_OK, EXIT_USAGE, type CommandIo, type CommandRun } from './args';
import * as check from './check';
import * as explain from './explain';
import * as models from './models';
import { VERSION } from './version';

const COMMANDS: Record<string, { run: CommandRun; summary: string }> = {
  check: { run: (args, io) => check.run(args, io), summary: 'lint files and folders (--format text|json|sarif, --fix, --as-of, --config)' },
  models: { run: models.run, summary: 'list the model catalog (--format text|json, --endpoint NAME; --from-api: the models your key can use)' },
  explain: { run: explain.run, summary: 'print the model card of a model ID or Azure model name' },
};

export const USAGE = `usage: openai-model-lint <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(9)}${c.summary}`)
  .join('\n')}

Options:
  --help     show this help (also: openai-model-lint <command> --help)
  --version  print the version`;

export async function run(args: string[], io: CommandIo): Promise<number> {
  const [first, ...rest] = args;
  if (first === undefined) {
    io.stderr(`${USAGE}\n`);
    return EXIT_USAGE;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (first === '--version' || first === '-V') {
    io.stdout(`${VERSION}\n`);
    return EXIT_OK;
  }
  const command = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!command) {
    io.stderr(`openai-model-lint: unknown command '${first}'\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    // exit status 2 is "internal failure" too (SPEC §5); never a stack trace without context
    io.stderr(`openai-model-lint ${first}: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT_USAGE;
  }
}
