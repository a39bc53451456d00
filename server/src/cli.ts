/**
 * The `openai-model-lint` bin (esbuild adds the `#!/usr/bin/env node` line). Commands live in
 * ./cli/; this file only connects the dispatcher to the process.
 */
import { run } from './cli/main';

run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`openai-model-lint: internal error: ${String(err)}\n`);
    process.exitCode = 2;
  },
);
