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
  if (n.scheduledShutdown) return daysBetween(asOf, n.shutdownDate) <= n.scheduledShutdown.noticeDays ? 'deprecated' : null;
  return 'deprecated';
}

/** Days between two YYYY-MM-DD dates (b − a); NaN when either is not a date. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
