import { defineRule } from './define';
import { resolvedTarget } from './util';

export const regionUnavailable = defineRule({
  meta: {
    code: 'OAI403',
    name: 'region-unavailable',
    defaultSeverity: 'error',
    needsCatalog: false,
    docs: {
      whatItDoes: "Reports an Azure deployment, mapped in `azure.deployments` with a region and/or deployment type, whose model version is not offered in that region or as that deployment type (the model-availability tables).",
      whyIsThisBad: 'The deployment cannot exist as described: either it was made with another model version, or it will not be creatable in that region.',
      example: {
        language: 'python',
        code: 'from openai import AzureOpenAI\n\nclient = AzureOpenAI(api_version="2024-12-01-preview")\nclient.chat.completions.create(model="chat", messages=[{"role": "user", "content": "Hi"}])\n',
        settings: { azure: { deployments: { chat: { model: 'gpt-4o', version: '2024-08-06', region: 'antarctica', deploymentType: 'standard' } } } },
      },
      useInstead: {
        language: 'python',
        code: 'from openai import AzureOpenAI\n\nclient = AzureOpenAI(api_version="2024-12-01-preview")\nclient.chat.completions.create(model="chat", messages=[{"role": "user", "content": "Hi"}])\n',
        settings: { azure: { deployments: { chat: { model: 'gpt-4o', version: '2024-08-06', region: 'eastus', deploymentType: 'globalStandard' } } } },
      },
      fixSafety: 'No fix: the deployment lives in your Azure subscription.',
      references: [{ title: 'Azure OpenAI model summary table and region availability', url: 'https://learn.microsoft.com/azure/ai-services/openai/concepts/models#model-summary-table-and-region-availability' }],
    },
  },
  check(_call, ctx) {
    const t = resolvedTarget(ctx.target);
    const mapping = t?.azure?.mapping;
    const azure = t?.resolved.azure;
    // a model with a single version: that one, even when the mapping names none
    const version = azure?.version ?? (azure?.model.versions.length === 1 ? azure.model.versions[0] : null);
    if (!t || !mapping || !version) return [];
    const regions = version.regions;
    const types = Object.keys(regions) as (keyof typeof regions)[];
    if (types.length === 0) return []; // no availability facts for this version
    const region = mapping.region?.toLowerCase().replace(/\s+/g, '');
    const name = `${azure!.model.name} ${version.version}`;
    const dt = mapping.deploymentType;
    if (dt) {
      const list = regions[dt];
      if (!list) {
        return [{ span: t.span, message: `${name} (deployment '${t.azure!.deployment}') is not offered as a ${dt} deployment; offered as ${types.join(', ')}`, fix: null }];
      }
      if (region && !list.includes(region)) {
        return [{ span: t.span, message: `${name} (deployment '${t.azure!.deployment}') is not offered as ${dt} in ${mapping.region}; check the deployment's region or version`, fix: null }];
      }
      return [];
    }
    if (region && !types.some((k) => regions[k]!.includes(region))) {
      return [{ span: t.span, message: `${name} (deployment '${t.azure!.deployment}') is not offered in ${mapping.region}; check the deployment's region or version`, fix: null }];
    }
    return [];
  },
});
