import { defineRule } from './define';
import { label, moveTo, replacementFix, statusOf } from './lifecycle';
import { resolvedTarget } from './util';

export const deprecatedModel = defineRule({
  meta: {
    code: 'OAI103',
    name: 'deprecated-model',
    defaultSeverity: 'warning',
    fixable: 'unsafe',
    needsCatalog: true,
    docs: {
      whatItDoes: 'Reports a model whose shutdown has been announced for a date after the as-of date; the message gives the date and the replacement.',
      whyIsThisBad: 'On the shutdown date every request to the model starts failing. Migrating before then leaves time to test the replacement.',
      example: {
        language: 'python',
        code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4-32k", messages=[{"role": "user", "content": "Hi"}])\n',
        settings: { asOf: '2025-01-01' },
      },
      useInstead: {
        language: 'python',
        code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o-2024-11-20", messages=[{"role": "user", "content": "Hi"}])\n',
        settings: { asOf: '2025-01-01' },
      },
      fixSafety: 'Unsafe: the replacement is a different model with its own behaviour, limits and price.',
      references: [
        { title: 'OpenAI deprecations', url: 'https://platform.openai.com/docs/deprecations' },
        { title: 'Azure OpenAI model retirements', url: 'https://learn.microsoft.com/azure/ai-services/openai/concepts/model-retirements' },
      ],
    },
  },
  check(call, ctx) {
    const t = resolvedTarget(ctx.target);
    if (!t || statusOf(t, ctx) !== 'deprecated') return [];
    const { shutdownDate, replacement } = t.entry.lifecycle;
    const when = shutdownDate ? `: it shuts down on ${shutdownDate}` : '';
    const instead = moveTo(t, call, replacement, (id) => `move to '${id}'`);
    return [
      {
        span: t.span,
        message: `${label(t)} is deprecated${when}${instead}`,
        fix: replacementFix(t, replacement),
        tags: ['deprecated'],
      },
    ];
  },
});
