/**
 * The `openai-model-lint` bin (esbuild adds the `#!/usr/bin/env node` line). Commands live in
 * ./cli/; this file only connects the dispatcher to the process.
 */
import { run } from './cli/main';
import { processIo } from './cli/processIo';

const io = processIo();
run(process.argv.slice(2), io).then(
  (code) => {
    // a write that failed for another reason than a closed pipe has set 2 already
    if (process.exitCode === undefined) process.exitCode = code;
  },
  (err: unknown) => {
    io.stderr(`openai-model-lint: internal error: ${String(err)}\n`);
    process.exitCode = 2;
  },
);
