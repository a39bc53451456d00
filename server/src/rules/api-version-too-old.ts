import { azureApiVersions, callRequirements, compareApiVersions, isV1Api, parseApiVersion } from './apiVersion';
import type { ApiVersion } from './apiVersion';
import { defineRule } from './define';
import type { RuleFinding } from './define';
import { replaceEdit, resolvedTarget, valueSpanInCall } from './util';

export const apiVersionTooOld = defineRule({
  meta: {
    code: 'OAI402',
    name: 'api-version-too-old',
    defaultSeverity: 'error',
    fixable: 'unsafe',
    needsCatalog: false,
    docs: {
      whatItDoes:
        "Reports an Azure client whose `api_version` is older than what the call needs: the model version (the o1 series: `2024-09-01-preview`), a parameter (`max_completion_tokens`, `reasoning_effort`, `prediction`), the endpoint (the Responses API) or a feature (structured outputs: a `json_schema` response format or `.parse`), as far as the catalog lists them; and an `api_version` Microsoft lists as retired. A malformed `api_version` is a warning. The v1 API (a `base_url` whose path is `/openai/v1`) needs no `api_version` and takes `preview`; a dated version Microsoft does not list is not reported.",
      whyIsThisBad: 'Azure answers with a 400/404 error ("Model … is enabled only for api versions 2024-09-01-preview and later").',
      example: {
        language: 'python',
        code: 'from openai import AzureOpenAI\n\nclient = AzureOpenAI(api_version="2024-06-01")\nclient.chat.completions.create(model="o1-mini", messages=[{"role": "user", "content": "Hi"}])\n',
      },
      useInstead: {
        language: 'python',
        code: 'from openai import AzureOpenAI\n\nclient = AzureOpenAI(api_version="2024-12-01-preview")\nclient.chat.completions.create(model="o1-mini", messages=[{"role": "user", "content": "Hi"}])\n',
      },
      fixSafety: 'Unsafe: a newer api_version can change response shapes and defaults for every call made with this client.',
      references: [{ title: 'Azure OpenAI API version lifecycle', url: 'https://learn.microsoft.com/azure/ai-services/openai/api-version-deprecation' }],
    },
  },
  check(call, ctx) {
    if (call.client.kind !== 'azure') return [];
    const versions = azureApiVersions(ctx);
    const v1 = isV1Api(call, versions);
    // the v1 API (a base URL ending in /openai/v1) needs no api_version and takes `preview`
    if (v1 === true || !call.client.apiVersion) return [];
    const node = call.client.apiVersion;
    if (node.value.kind !== 'string') return [];
    const written = node.value.value;
    const have = parseApiVersion(written);
    if (!have) {
      // a value of the v1 API (`preview`) is right when the base URL, unseen, may be the v1 API's
      if (v1 === null && versions?.v1?.acceptedApiVersions.includes(written)) return [];
      const v1Note = versions?.v1?.acceptedApiVersions.includes(written) ? ` ('${written}' is valid only on the v1 API, whose base URL ends in ${versions.v1.basePath})` : '';
      return [
        {
          span: node.span,
          severity: 'warning',
          message: `api_version '${written}' is not a valid Azure api-version${v1Note}; write YYYY-MM-DD or YYYY-MM-DD-preview`,
          fix: null,
        },
      ];
    }
    // what the model version and the request need
    const needs: { text: string | null | undefined; why: string }[] = [];
    const t = resolvedTarget(ctx.target);
    const azure = t?.resolved.azure;
    if (azure?.version) needs.push({ text: azure.version.minApiVersion, why: `${azure.model.name} ${azure.version.version}` });
    else if (azure) {
      // version not known: only what every version of the model needs
      const mins = azure.model.versions.map((v) => (v.minApiVersion ? parseApiVersion(v.minApiVersion) : null));
      if (mins.length && mins.every((v) => v !== null)) {
        const oldest = (mins as ApiVersion[]).reduce((a, b) => (compareApiVersions(a, b) <= 0 ? a : b));
        needs.push({ text: `${oldest.date}${oldest.preview ? '-preview' : ''}`, why: azure.model.name });
      }
    }
    for (const { requirement, why } of callRequirements(call, ctx)) needs.push({ text: requirement.minApiVersion, why });
    const need = newestAbove(have, needs);
    const retired = versions?.retired.includes(written) ?? false;
    if ((!need && !retired) || !call.model) return [];
    const span = 'span' in ctx.target && ctx.target.span ? ctx.target.span : valueSpanInCall(call.model, ctx.text);
    const fixTo = (text: string): RuleFinding['fix'] => (node.innerSpan ? { title: `Use api_version '${text}'`, safe: false, edits: [replaceEdit(node.innerSpan, text)] } : null);
    if (retired) {
      // the newest GA version Microsoft lists, or what the request needs when that is newer
      const newestGa = versions?.ga[0];
      const ga = newestGa ? parseApiVersion(newestGa) : null;
      const to = need && (!ga || compareApiVersions(ga, need.v) < 0) ? need.text : newestGa;
      return [{ span, message: `api_version '${written}' is retired: Azure no longer accepts it${to ? `; use api_version '${to}' or later` : ''}`, fix: to ? fixTo(to) : null }];
    }
    const { text, why } = need!;
    return [{ span, message: `api_version '${written}' is older than ${text}, which ${why} needs; use api_version '${text}' or later`, fix: fixTo(text) }];
  },
});

/** The newest of the needed versions that is newer than `have`, or null. */
function newestAbove(have: ApiVersion, needs: { text: string | null | undefined; why: string }[]): { v: ApiVersion; text: string; why: string } | null {
  let best: { v: ApiVersion; text: string; why: string } | null = null;
  for (const { text, why } of needs) {
    const v = text ? parseApiVersion(text) : null;
    if (v && compareApiVersions(have, v) < 0 && (!best || compareApiVersions(best.v, v) < 0)) best = { v, text: text!, why };
  }
  return best;
}
