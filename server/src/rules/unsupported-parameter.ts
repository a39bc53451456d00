import type { Argument, Value } from '../analysis/apiCall';
import { defineRule } from './define';
import { modelLabel, paramSpan, removalEdit, resolvedTarget } from './util';

type Scalar = number | string | boolean;

function scalar(v: Value): Scalar | null | undefined {
  if (v.kind === 'string' || v.kind === 'number' || v.kind === 'boolean') return v.value;
  if (v.kind === 'null') return null;
  return undefined; // unknown / compound
}

export const unsupportedParameter = defineRule({
  meta: {
    code: 'OAI201',
    name: 'unsupported-parameter',
    defaultSeverity: 'error',
    fixable: 'safe',
    needsCatalog: true,
    docs: {
      whatItDoes:
        'Reports a request parameter the model rejects: on reasoning (o-series) models `temperature` other than 1, `top_p`, `presence_penalty`, `frequency_penalty`, `logprobs`, `top_logprobs`, `logit_bias`, `parallel_tool_calls`; on `o1-preview` / `o1-mini` also `tools`, `functions`, `response_format`, `stream`; `dimensions` on `text-embedding-ada-002`.',
      whyIsThisBad: 'The API answers with a 400 `unsupported_parameter` / `unsupported_value` error instead of ignoring the parameter.',
      example: {
        language: 'python',
        code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="o1-mini", temperature=0.2, messages=[{"role": "user", "content": "Hi"}])\n',
      },
      useInstead: { language: 'python', code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="o1-mini", messages=[{"role": "user", "content": "Hi"}])\n' },
      fixSafety: 'Safe: the request cannot succeed with the parameter, and without it the model uses its only supported behaviour.',
      references: [
        { title: 'Azure OpenAI reasoning models: API and feature support', url: 'https://learn.microsoft.com/azure/ai-services/openai/how-to/reasoning' },
        { title: 'OpenAI API reference: chat completions', url: 'https://platform.openai.com/docs/api-reference/chat/create' },
      ],
    },
  },
  check(call, ctx) {
    const t = resolvedTarget(ctx.target);
    if (!t) return [];
    const rejected = t.entry.parameters.unsupported;
    if (rejected.length === 0) return [];
    const out = [];
    for (const arg of call.args) {
      if (arg === call.model) continue;
      const rule = rejected.find((p) => p.name === arg.name);
      if (!rule) continue;
      const value = scalar(arg.value.value);
      if (value === null) continue; // an explicit None / null is "not given"
      if (rule.allowedValues) {
        if (value === undefined || rule.allowedValues.includes(value)) continue;
      } else if (value === false && (arg.name === 'stream' || arg.name === 'logprobs')) {
        continue; // turning the feature off is the default
      }
      out.push({
        span: paramSpan(arg),
        message: message(arg, t, rule),
        fix: { title: `Remove '${arg.name}'`, safe: true, edits: [removalEdit(call, arg, ctx.text)] },
      });
    }
    return out;
  },
});

function message(arg: Argument, t: NonNullable<ReturnType<typeof resolvedTarget>>, rule: { allowedValues?: Scalar[] | undefined; note?: string | undefined }): string {
  let why = '';
  if (rule.note) why = ` (${rule.note})`;
  else if (rule.allowedValues) {
    const values = rule.allowedValues.join(', ');
    why = t.entry.capabilities.reasoning ? ` (reasoning models accept only the default ${values})` : ` (it accepts only ${values})`;
  }
  return `'${arg.name}' is not supported by ${modelLabel(t)}${why}; remove it`;
}
