/**
 * A watch on the framing of LSP messages over stdio. vscode-jsonrpc's stream reader stops
 * for good at a header it cannot read (no `Content-Length`, a length that is not a number,
 * a header line without `:`): it fires an error event that vscode-languageserver does not
 * listen to, and from then on every message is glued to the bytes it could not place, so
 * the server stays alive but deaf. There is no telling where the next message starts, so
 * the watch follows the same framing on the same bytes and, at such a header, reports what
 * it saw and lets the server exit: the editor's client then starts a new one (within its
 * restart budget), which is better than a server that never answers again.
 *
 * It also bounds a header: bytes without the blank line that ends one would otherwise be
 * buffered without end.
 */

/** A header section longer than this is no header. */
export const MAX_HEADER_BYTES = 64 * 1024;

const END_OF_HEADER = Buffer.from('\r\n\r\n', 'ascii');

export class FrameWatch {
  /** bytes of the header being read */
  private header = Buffer.alloc(0);
  /** bytes of the current body still to come */
  private bodyLeft = 0;
  private broken = false;

  constructor(private readonly onBroken: (reason: string) => void) {}

  feed(chunk: Buffer): void {
    let data = chunk;
    while (data.length && !this.broken) {
      if (this.bodyLeft > 0) {
        const n = Math.min(this.bodyLeft, data.length);
        this.bodyLeft -= n;
        data = data.subarray(n);
        continue;
      }
      const joined = this.header.length ? Buffer.concat([this.header, data]) : data;
      const end = joined.indexOf(END_OF_HEADER);
      if (end < 0) {
        if (joined.length > MAX_HEADER_BYTES) return this.fail(`no end of a message header in ${MAX_HEADER_BYTES} bytes`);
        this.header = Buffer.from(joined);
        return;
      }
      this.header = Buffer.alloc(0);
      const length = contentLength(joined.subarray(0, end).toString('ascii'));
      if (typeof length === 'string') return this.fail(length);
      this.bodyLeft = length;
      data = joined.subarray(end + END_OF_HEADER.length);
    }
  }

  private fail(reason: string): void {
    this.broken = true;
    this.onBroken(reason);
  }
}

/** The body length a header announces, or why it announces none (read as vscode-jsonrpc reads it). */
export function contentLength(header: string): number | string {
  let value: string | undefined;
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) return `a message header line without ':' (${JSON.stringify(line.slice(0, 80))})`;
    if (line.slice(0, colon).toLowerCase() === 'content-length') value = line.slice(colon + 1).trim();
  }
  if (value === undefined) return `a message header without Content-Length (${JSON.stringify(header.slice(0, 200))})`;
  const n = Number.parseInt(value, 10);
  if (Number.isNaN(n) || n < 0) return `a Content-Length that is not a length (${JSON.stringify(value.slice(0, 80))})`;
  return n;
}
