/** Azure `api_version` strings: `YYYY-MM-DD` or `YYYY-MM-DD-preview`. */
import type { ApiCall } from '../analysis/apiCall';
import type { RuleContext } from './define';

export interface ApiVersion {
  date: string;
  preview: boolean;
}

export function parseApiVersion(s: string): ApiVersion | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(-preview)?$/.exec(s.trim());
  if (!m) return null;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { date: `${m[1]}-${m[2]}-${m[3]}`, preview: Boolean(m[4]) };
}

/** Negative when a is older than b. A GA version is newer than the preview of the same day. */
export function compareApiVersions(a: ApiVersion, b: ApiVersion): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return (a.preview ? 0 : 1) - (b.preview ? 0 : 1);
}

/**
 * Whether the call's Azure api_version is older than `param` needs: true / false, or null
 * when either side is unknown.
 */
export function apiVersionTooOld(call: ApiCall, ctx: RuleContext, param: string): boolean | null {
  const written = call.client.apiVersion?.value;
  if (written?.kind !== 'string') return null;
  const have = parseApiVersion(written.value);
  const req = safeRequirement(ctx, param);
  const need = req ? parseApiVersion(req) : null;
  if (!have || !need) return null;
  return compareApiVersions(have, need) < 0;
}

export function safeRequirement(ctx: RuleContext, param: string): string | undefined {
  try {
    return ctx.catalog.apiVersionRequirement(param)?.minApiVersion;
  } catch {
    return undefined;
  }
}
