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
