import { defineRule } from './define';

export const MAP_DEPLOYMENT_COMMAND = 'openaiModelLint.mapDeployment';

export const unmappedDeployment = defineRule({
  meta: {
    code: 'OAI401',
    name: 'unmapped-deployment',
    defaultSeverity: 'hint',
    fixable: 'command',
    needsCatalog: false,
    docs: {
      whatItDoes:
        'On an Azure client, `model=` names a deployment. When the deployment name is neither mapped in `azure.deployments` nor itself a model name, the checks that need the model are skipped and this hint says so.',
      whyIsThisBad: 'Nothing fails, but the retired-model, parameter and limit checks cannot run for this call until the deployment is mapped to its model.',
      example: { language: 'python', code: 'from openai import AzureOpenAI\n\nclient = AzureOpenAI(api_version="2024-10-21")\nclient.chat.completions.create(model="prod-chat", messages=[{"role": "user", "content": "Hi"}])\n' },
      useInstead: {
        language: 'python',
        code: 'from openai import AzureOpenAI\n\nclient = AzureOpenAI(api_version="2024-10-21")\nclient.chat.completions.create(model="prod-chat", messages=[{"role": "user", "content": "Hi"}])\n',
        settings: { azure: { deployments: { 'prod-chat': { model: 'gpt-4o', version: '2024-08-06', region: 'eastus2', deploymentType: 'standard' } } } },
      },
      fixSafety: 'The "Map deployment…" command asks for the model, version and region and writes `openaiModelLint.azure.deployments`; it does not change the code.',
      references: [{ title: 'Azure OpenAI: create a deployment', url: 'https://learn.microsoft.com/azure/ai-services/openai/how-to/create-resource' }],
    },
  },
  check(_call, ctx) {
    const t = ctx.target;
    if (t.kind !== 'unmapped') return [];
    return [
      {
        span: t.span,
        message: `Azure deployment '${t.id}' is not mapped to a model; map it in azure.deployments to enable model checks`,
        fix: null,
        command: { title: 'Map deployment…', command: MAP_DEPLOYMENT_COMMAND, arguments: [t.id] },
      },
    ];
  },
});
