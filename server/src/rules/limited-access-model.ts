import { defineRule } from './define';
import { modelLabel, resolvedTarget } from './util';

export const limitedAccessModel = defineRule({
  meta: {
    code: 'OAI107',
    name: 'limited-access-model',
    defaultSeverity: 'info',
    needsCatalog: true,
    docs: {
      whatItDoes: 'Reports a model that needs registration before it can be deployed (Azure `o1-preview` / `o1-mini`).',
      whyIsThisBad: 'Without approved access the deployment cannot be created and calls fail; the code works only in subscriptions that registered.',
      example: {
        language: 'python',
        code: 'from openai import AzureOpenAI\n\nclient = AzureOpenAI(api_version="2024-12-01-preview")\nclient.chat.completions.create(model="reasoning", messages=[{"role": "user", "content": "Hi"}])\n',
        settings: { azure: { deployments: { reasoning: { model: 'o1-mini', version: '2024-09-12' } } } },
      },
      useInstead: {
        language: 'python',
        code: 'from openai import AzureOpenAI\n\nclient = AzureOpenAI(api_version="2024-12-01-preview")\nclient.chat.completions.create(model="chat", messages=[{"role": "user", "content": "Hi"}])\n',
        settings: { azure: { deployments: { chat: { model: 'gpt-4o', version: '2024-08-06' } } } },
      },
      fixSafety: 'No fix: access is granted per subscription.',
      references: [{ title: 'Azure OpenAI models: o1 series access', url: 'https://learn.microsoft.com/azure/ai-services/openai/concepts/models' }],
    },
  },
  check(_call, ctx) {
    const t = resolvedTarget(ctx.target);
    if (!t || !t.entry.limitedAccess) return [];
    return [{ span: t.span, message: `${modelLabel(t)} is a limited-access model: it needs registration before it can be used`, fix: null }];
  },
});
