/**
 * The process's stdout and stderr as the commands' `CommandIo`. A reader that goes away
 * (`openai-model-lint models --format json | head`) closes the pipe: writes then fail with
 * EPIPE, which would end the process in an unhandled 'error' event and its stack trace. Here
 * the stream is marked closed instead, later writes to it are dropped, and the command
 * finishes with the exit status it would have had, as `grep … | head` does.
 */
import type { CommandIo } from './args';

interface Writable {
  write(s: string): unknown;
  on(event: 'error', listener: (err: NodeJS.ErrnoException) => void): unknown;
}

/** A writer that drops its output once the stream has failed; `failed` is called for errors other than a closed pipe. */
export function pipeWriter(stream: Writable, failed: (err: NodeJS.ErrnoException) => void): (s: string) => void {
  let closed = false;
  stream.on('error', (err) => {
    if (closed) return; // the writes queued before the first failure fail too
    closed = true;
    if (err.code !== 'EPIPE') failed(err);
  });
  return (s) => {
    if (!closed) stream.write(s);
  };
}

export function processIo(): CommandIo {
  const stderr = pipeWriter(process.stderr, () => {
    process.exitCode = 2;
  });
  const stdout = pipeWriter(process.stdout, (err) => {
    stderr(`openai-model-lint: cannot write the output (${err.code ?? err.message})\n`);
    process.exitCode = 2;
  });
  return { stdout, stderr };
}
