import { defineRule } from './define';
import type { RuleFinding } from './define';
import { fmt, modelLabel, paramSpan, replaceEdit, resolvedTarget } from './util';

export const OUTPUT_PARAMS = ['max_tokens', 'max_completion_tokens', 'max_output_tokens'] as const;

export const outputLimitExceeded = defineRule({
  meta: {
    code: 'OAI301',
    name: 'output-limit-exceeded',
    defaultSeverity: 'error',
    fixable: 'unsafe',
    needsCatalog: true,
    docs: {
      whatItDoes: 'Reports `max_tokens` / `max_completion_tokens` / `max_output_tokens` above the model\'s maximum output tokens.',
      whyIsThisBad: 'The API rejects the request ("max_tokens is too large: … This model supports at most … completion tokens").',
      example: { language: 'python', code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o-2024-08-06", max_tokens=100000, messages=[{"role": "user", "content": "Hi"}])\n' },
      useInstead: { language: 'python', code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o-2024-08-06", max_tokens=16384, messages=[{"role": "user", "content": "Hi"}])\n' },
      fixSafety: 'Unsafe: clamping to the maximum changes how long an answer can be.',
      references: [{ title: 'OpenAI models: max output tokens', url: 'https://platform.openai.com/docs/models' }],
    },
  },
  check(call, ctx) {
    const t = resolvedTarget(ctx.target);
    const max = t?.entry.maxOutputTokens;
    if (!t || !max) return [];
    const out: RuleFinding[] = [];
    for (const arg of call.args) {
      if (!(OUTPUT_PARAMS as readonly string[]).includes(arg.name)) continue;
      const v = arg.value.value;
      if (v.kind !== 'number' || v.value <= max) continue;
      out.push({
        span: paramSpan(arg),
        message: `${arg.name}=${v.value} is above the maximum output of ${modelLabel(t)} (${fmt(max)} tokens); use at most ${max}`,
        fix: { title: `Clamp to ${max}`, safe: false, edits: [replaceEdit(arg.value.span, String(max))] },
      });
    }
    return out;
  },
});
