/** Azure `api_version` strings: `YYYY-MM-DD` or `YYYY-MM-DD-preview`; the v1 API; what a call needs. */
import type { ApiCall } from '../analysis/apiCall';
import type { ApiVersionRequirement, AzureApiVersions } from '../catalog/schema';
import type { RuleContext } from './define';
import { usesStructuredOutputs } from './util';

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

/** The catalog's api-version table, or undefined when it has none (or cannot be read). */
export function azureApiVersions(ctx: RuleContext): AzureApiVersions | undefined {
  try {
    return ctx.catalog.azureApiVersions();
  } catch {
    return undefined;
  }
}

/**
 * Whether the Azure client talks to the v1 API (its base URL's path is the catalog's
 * `v1.basePath`, `/openai/v1`): true / false, or null when the base URL cannot be seen.
 */
export function isV1Api(call: ApiCall, versions: AzureApiVersions | undefined): boolean | null {
  const base = call.client.baseUrl;
  if (base === null) return null;
  const basePath = versions?.v1?.basePath;
  if (!basePath) return false;
  let path: string;
  try {
    path = new URL(base).pathname;
  } catch {
    path = base;
  }
  return path.replace(/\/+$/, '').endsWith(basePath.replace(/\/+$/, ''));
}

/** The requirements the call's request meets: one per parameter it gives, its endpoint, and structured outputs. */
export function callRequirements(call: ApiCall, ctx: RuleContext): { requirement: ApiVersionRequirement; why: string }[] {
  let all: ApiVersionRequirement[];
  try {
    all = ctx.catalog.apiVersionRequirements();
  } catch {
    return [];
  }
  const out: { requirement: ApiVersionRequirement; why: string }[] = [];
  for (const r of all) {
    if (r.parameter !== undefined) {
      const arg = call.args.find((a) => a !== call.model && a.name === r.parameter && a.value.value.kind !== 'null');
      if (arg) out.push({ requirement: r, why: `'${arg.name}'` });
    } else if (r.endpoint !== undefined) {
      if (r.endpoint === call.endpoint) out.push({ requirement: r, why: `the ${call.endpoint} API` });
    } else if (r.feature === 'structuredOutputs' && usesStructuredOutputs(call)) out.push({ requirement: r, why: 'structured outputs' });
  }
  return out;
}

/**
 * Whether the call's Azure api_version is older than `param` needs: true / false, or null
 * when either side is unknown. On the v1 API no api_version limits parameters.
 */
export function apiVersionTooOld(call: ApiCall, ctx: RuleContext, param: string): boolean | null {
  if (isV1Api(call, azureApiVersions(ctx)) === true) return false;
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
