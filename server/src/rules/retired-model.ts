import { defineRule } from './define';
import { label, moveTo, replacementFix, statusOf } from './lifecycle';
import { resolvedTarget } from './util';

export const retiredModel = defineRule({
  meta: {
    code: 'OAI102',
    name: 'retired-model',
    defaultSeverity: 'error',
    fixable: 'unsafe',
    needsCatalog: true,
    docs: {
      whatItDoes: "Reports a model whose shutdown date is on or before the as-of date (today unless pinned with `--as-of` / `openaiModelLint.asOf`).",
      whyIsThisBad: 'Requests to a retired model fail. The code still looks fine until it runs.',
      example: { language: 'python', code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.completions.create(model="text-davinci-003", prompt="Say hi")\n' },
      useInstead: { language: 'python', code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.completions.create(model="gpt-3.5-turbo-instruct", prompt="Say hi")\n' },
      fixSafety: "Unsafe: the documented replacement is a different model with its own behaviour, limits and price. Not offered for Azure deployment names, which you choose yourself.",
      references: [
        { title: 'OpenAI deprecations', url: 'https://platform.openai.com/docs/deprecations' },
        { title: 'Azure OpenAI model retirements', url: 'https://learn.microsoft.com/azure/ai-services/openai/concepts/model-retirements' },
      ],
    },
  },
  check(call, ctx) {
    const t = resolvedTarget(ctx.target);
    if (!t || statusOf(t, ctx) !== 'retired') return [];
    const { shutdownDate, replacement } = t.entry.lifecycle;
    const when = shutdownDate ? ` on ${shutdownDate}` : '';
    const instead = moveTo(t, call, replacement, (id) => `use '${id}' instead`);
    return [
      {
        span: t.span,
        message: `${label(t)} was retired${when}: requests to it fail${instead}`,
        fix: replacementFix(t, replacement),
        tags: ['deprecated'],
      },
    ];
  },
});
