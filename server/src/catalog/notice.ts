/** Lifecycle arithmetic shared by models and APIs, with no catalog data attached. */

export interface Notice {
  deprecationDate: string | null;
  shutdownDate: string | null;
  /** an end of life set at release, announced `noticeDays` before it (catalog schema `Lifecycle`) */
  scheduledShutdown?: { noticeDays: number } | undefined;
}

/**
 * Where a shutdown notice (of a model or an API) stands on `asOf`: retired once the shutdown
 * date has come, deprecated once announced, else null (no notice, or one dated later). A
 * shutdown scheduled at release counts as announced once its notice period has begun.
 */
export function noticeStatus(n: Notice, asOf: string): 'retired' | 'deprecated' | null {
  if (n.shutdownDate !== null && n.shutdownDate <= asOf) return 'retired';
  // an announcement dated after the as-of date had not happened yet
  if (n.deprecationDate !== null) return n.deprecationDate <= asOf ? 'deprecated' : null;
  if (n.shutdownDate === null) return null;
  if (n.scheduledShutdown) return addDays(n.shutdownDate, -n.scheduledShutdown.noticeDays) <= asOf ? 'deprecated' : null;
  return 'deprecated';
}

/** `date` (YYYY-MM-DD) moved by `days`, as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  return Number.isFinite(t) ? new Date(t + days * 86_400_000).toISOString().slice(0, 10) : date;
}
