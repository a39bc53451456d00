import { compareApiVersions, parseApiVersion, safeRequirement } from './apiVersion';
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
        "Reports an Azure client whose `api_version` is older than the model version or a parameter of the call needs (the o1 series and `max_completion_tokens` need `2024-09-01-preview`). A malformed `api_version` is a warning.",
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
    if (call.client.kind !== 'azure' || !call.client.apiVersion) return [];
    const node = call.client.apiVersion;
    if (node.value.kind !== 'string') return [];
    const written = node.value.value;
    const have = parseApiVersion(written);
    if (!have) {
      return [
        {
          span: node.span,
          severity: 'warning',
          message: `api_version '${written}' is not a valid Azure api-version; write YYYY-MM-DD or YYYY-MM-DD-preview`,
          fix: null,
        },
      ];
    }
    // the newest requirement among the model version and the call's parameters
    let need: { v: ApiVersion; text: string; why: string } | null = null;
    const consider = (text: string | null | undefined, why: string) => {
      const v = text ? parseApiVersion(text) : null;
      if (v && compareApiVersions(have, v) < 0 && (!need || compareApiVersions(need.v, v) < 0)) need = { v, text: text!, why };
    };
    const t = resolvedTarget(ctx.target);
    const azure = t?.resolved.azure;
    if (azure?.version) consider(azure.version.minApiVersion, `${azure.model.name} ${azure.version.version}`);
    else if (azure) {
      // version not known: only what every version of the model needs
      const mins = azure.model.versions.map((v) => (v.minApiVersion ? parseApiVersion(v.minApiVersion) : null));
      if (mins.length && mins.every((v) => v !== null)) {
        const oldest = (mins as ApiVersion[]).reduce((a, b) => (compareApiVersions(a, b) <= 0 ? a : b));
        consider(`${oldest.date}${oldest.preview ? '-preview' : ''}`, azure.model.name);
      }
    }
    for (const arg of call.args) {
      if (arg === call.model) continue;
      consider(safeRequirement(ctx, arg.name), `'${arg.name}'`);
    }
    if (!need || !call.model) return [];
    const { text, why } = need as { text: string; why: string };
    const span = 'span' in ctx.target && ctx.target.span ? ctx.target.span : valueSpanInCall(call.model, ctx.text);
    const out: RuleFinding = {
      span,
      message: `api_version '${written}' is older than ${text}, which ${why} needs; use api_version '${text}' or later`,
      fix: node.innerSpan ? { title: `Use api_version '${text}'`, safe: false, edits: [replaceEdit(node.innerSpan, text)] } : null,
    };
    return [out];
  },
});
