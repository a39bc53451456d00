/**
 * How often the client restarts a server that died: at most `max` restarts within a sliding
 * window of `windowMs` (default 4 in 3 minutes, the numbers of vscode-languageclient's own
 * default handler, made explicit here so they are ours and tested). A server that keeps
 * dying (a crash on start-up, a crash on every analysis of some file) is then left stopped
 * and the user is told, instead of restarting forever. No `vscode` import: unit-tested.
 */
export interface CrashVerdict {
  /** restart the server (still within the budget) */
  restart: boolean;
  /** crashes counted in the current window, this one included */
  crashes: number;
}

export class RestartBudget {
  private crashes: number[] = [];

  constructor(
    readonly max = 4,
    readonly windowMs = 3 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a crash (the connection to the server closed unexpectedly). */
  crashed(): CrashVerdict {
    const t = this.now();
    this.crashes = this.crashes.filter((c) => t - c < this.windowMs);
    this.crashes.push(t);
    return { restart: this.crashes.length <= this.max, crashes: this.crashes.length };
  }

  /** A restart the user asked for starts a fresh budget. */
  reset(): void {
    this.crashes = [];
  }
}

/** Error codes of writing to a server process that has died (a closed pipe, socket or IPC channel). */
const SERVER_GONE_CODES = new Set(['EPIPE', 'ECONNRESET', 'ERR_IPC_CHANNEL_CLOSED', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);

/**
 * Whether a connection error only says the server process is gone. Messages queued for a
 * server that dies right after starting all fail at once ("write EPIPE"), before the
 * connection's close is seen; counted as connection failures they would shut the client down
 * for good, skipping the crash budget. They are left to the close, which counts the crash.
 */
export function isServerGone(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' && SERVER_GONE_CODES.has(code)) || /\b(EPIPE|ECONNRESET)\b|channel closed/i.test(error.message);
}
