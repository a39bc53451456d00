/**
 * The `openai-model-lint-server` command line, read before any LSP wiring. The server talks
 * LSP over the transport its arguments name (`--stdio`, `--node-ipc`, `--socket=N`,
 * `--pipe=NAME`, as vscode-languageserver reads them); `--help` and `--version` answer and
 * exit, and a command line without a transport gets the usage (exit 2) instead of the
 * library's "Connection input stream is not set" stack trace.
 */

export const SERVER_USAGE = `usage: openai-model-lint-server --stdio

The OpenAI Model Lint language server, for any editor that speaks LSP: start it with
--stdio and talk LSP on its standard input and output (--node-ipc, --socket=PORT and
--pipe=NAME work too). Settings are the VS Code ones without the "openaiModelLint."
prefix, in an "openaiModelLint" section (workspace/configuration).

Options:
  --stdio    talk LSP over stdin/stdout
  --help     show this help
  --version  print the version

The command-line checker is openai-model-lint (openai-model-lint --help).`;

/** What to do instead of serving: print and exit with `status`; null = start the server. */
export interface EarlyExit {
  status: number;
  stdout?: string;
  stderr?: string;
}

/** The forms vscode-languageserver's createConnection accepts (`--socket 5000` too). */
const TRANSPORT = /^--(stdio|node-ipc|socket=\d+|pipe=.+)$/;

function hasTransport(args: readonly string[]): boolean {
  return args.some((a, i) => TRANSPORT.test(a) || ((a === '--socket' || a === '--pipe') && args[i + 1] !== undefined));
}

export function serverCommandLine(args: readonly string[], version: string): EarlyExit | null {
  if (args.includes('--help') || args.includes('-h')) return { status: 0, stdout: `${SERVER_USAGE}\n` };
  if (args.includes('--version') || args.includes('-V')) return { status: 0, stdout: `${version}\n` };
  if (hasTransport(args)) return null;
  const why = args.length ? `no transport among the arguments (${args.join(' ')})` : 'no transport given';
  return { status: 2, stderr: `openai-model-lint-server: ${why}; start it with --stdio\n${SERVER_USAGE}\n` };
}
