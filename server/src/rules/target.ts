/**
 * Resolves the model a call talks to, once per call: an OpenAI model ID, or on Azure a
 * deployment name mapped through settings (`azure.deployments`), or a deployment named
 * after the model itself.
 */
import type { ApiCall, Span } from '../analysis/apiCall';
import type { Settings } from '../config/schema';
import type { CatalogLike, ResolvedModel } from './catalogApi';
import type { ModelTarget } from './define';
import { valueSpanInCall } from './util';

export function resolveTarget(call: ApiCall, catalog: CatalogLike, settings: Settings, text: string): ModelTarget {
  const arg = call.model;
  const id = arg?.value.value.kind === 'string' ? arg.value.value.value : null;
  if (call.client.kind === 'compatible') {
    return { kind: 'compatible', id, span: arg ? valueSpanInCall(arg, text) : null };
  }
  // an Azure client built for one deployment sends every call there, whatever `model=` says:
  // the deployment is the target, reported on the call's model (or callee), never edited
  const fixed = call.client.kind === 'azure' ? call.client.deployment : undefined;
  if (fixed) {
    const deployment = fixed.value.kind === 'string' ? fixed.value.value : null;
    if (deployment === null || deployment.trim() === '') return { kind: 'none' };
    return azureTarget(deployment, arg ? valueSpanInCall(arg, text) : call.calleeSpan, null, catalog, settings);
  }
  if (!arg) return defaultModel(call, catalog) ?? { kind: 'none' };
  if (id === null || id.trim() === '') return { kind: 'none' };
  const span = valueSpanInCall(arg, text);
  const innerSpan = arg.value.innerSpan ?? null;

  // a client defined in another module (analysis/extract.ts): checked as OpenAI's, except a
  // name the settings map as an Azure deployment or an Azure model name (`gpt-35-turbo`),
  // which only an Azure deployment can be called
  const azure = call.client.kind === 'azure' || (call.client.kind === 'unknown' && unknownOriginIsAzure(id, catalog, settings));
  if (azure) return azureTarget(id, span, innerSpan, catalog, settings);

  const resolved = safe(() => catalog.resolve(id));
  // a framework that infers the provider from the name: an ID the catalog does not know is another provider's
  if (!resolved && call.via?.knownModelsOnly) return { kind: 'compatible', id, span };
  if (!resolved) return { kind: 'unknown', id, span, innerSpan };
  return { kind: 'resolved', id, span, innerSpan, resolved, entry: resolved.entry };
}

/**
 * A call without `model` on OpenAI's platform uses the endpoint's default model (SPEC §1:
 * `images.generate` → dall-e-2), unless the request may give a parameter that picks another
 * default (`unlessParameters`) or arguments the engine cannot see. On Azure `model` is the
 * deployment and has no default.
 */
function defaultModel(call: ApiCall, catalog: CatalogLike): ModelTarget | null {
  if (call.client.kind !== 'openai' || call.client.legacySdk || call.argsOpen) return null;
  let d;
  try {
    d = catalog.endpointDefault(call.endpoint);
  } catch {
    return null;
  }
  if (!d || call.args.some((a) => d.unlessParameters.includes(a.name))) return null;
  const resolved = safe(() => catalog.resolve(d.model));
  if (!resolved) return null;
  return { kind: 'resolved', id: d.model, span: call.calleeSpan, innerSpan: null, resolved, entry: resolved.entry, defaulted: true };
}

/** An Azure deployment name: mapped in settings, or named after an Azure or OpenAI model, or unmapped. */
function azureTarget(id: string, span: Span, innerSpan: Span | null, catalog: CatalogLike, settings: Settings): ModelTarget {
  const mapping = Object.hasOwn(settings.azure.deployments, id) ? settings.azure.deployments[id]! : null;
  if (mapping) {
    const resolved = safe(() => catalog.resolveAzure(mapping.model, mapping.version)) ?? safe(() => catalog.resolve(mapping.model));
    if (!resolved) return { kind: 'unknown', id: mapping.model, span, innerSpan, mappedFrom: id };
    return { kind: 'resolved', id, span, innerSpan, resolved, entry: resolved.entry, azure: { deployment: id, mapping } };
  }
  const resolved = safe(() => catalog.resolveAzure(id)) ?? safe(() => catalog.resolve(id));
  if (!resolved) return { kind: 'unmapped', id, span, innerSpan };
  return { kind: 'resolved', id, span, innerSpan, resolved, entry: resolved.entry, azure: { deployment: id, mapping: null } };
}

function unknownOriginIsAzure(id: string, catalog: CatalogLike, settings: Settings): boolean {
  if (Object.hasOwn(settings.azure.deployments, id)) return true;
  return !safe(() => catalog.resolve(id)) && !!safe(() => catalog.resolveAzure(id));
}

/** Catalog lookups never take the analysis down with them. */
function safe(f: () => ResolvedModel | undefined): ResolvedModel | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
