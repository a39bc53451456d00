import { defineRule } from './define';
import { modelLabel, resolvedTarget } from './util';

export const previewModel = defineRule({
  meta: {
    code: 'OAI105',
    name: 'preview-model',
    defaultSeverity: 'info',
    needsCatalog: true,
    docs: {
      whatItDoes: 'Reports a preview or beta model or model version.',
      whyIsThisBad: 'Preview models can change or be withdrawn on short notice and are not recommended for production workloads.',
      example: { language: 'python', code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4-turbo-preview", messages=[{"role": "user", "content": "Hi"}])\n' },
      useInstead: { language: 'python', code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o-2024-08-06", messages=[{"role": "user", "content": "Hi"}])\n' },
      fixSafety: 'No fix: which GA model fits is a product decision.',
      references: [{ title: 'Azure OpenAI model versions', url: 'https://learn.microsoft.com/azure/ai-services/openai/concepts/model-versions' }],
    },
  },
  check(_call, ctx) {
    const t = resolvedTarget(ctx.target);
    if (!t || t.entry.lifecycle.stage !== 'preview') return [];
    return [{ span: t.span, message: `${modelLabel(t)} is a preview model: not recommended in production`, fix: null }];
  },
});
