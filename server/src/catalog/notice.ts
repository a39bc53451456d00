/** Lifecycle arithmetic shared by models and APIs, with no catalog data attached. */

/**
 * Where a shutdown notice (of a model or an API) stands on `asOf`: retired once the shutdown
 * date has come, deprecated once announced, else null (no notice, or one dated later).
 */
export function noticeStatus(n: { deprecationDate: string | null; shutdownDate: string | null }, asOf: string): 'retired' | 'deprecated' | null {
  if (n.shutdownDate !== null && n.shutdownDate <= asOf) return 'retired';
  // an announcement dated after the as-of date had not happened yet
  if (n.deprecationDate !== null) return n.deprecationDate <= asOf ? 'deprecated' : null;
  return n.shutdownDate !== null ? 'deprecated' : null;
}
