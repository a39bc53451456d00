import type { ModelEntry, ParameterCondition } from '../catalog/schema';
import { defineRule } from './define';
import type { RuleContext, RuleFinding } from './define';
import { conditionName, conditionValue, EFFORT, nearestEffort, parameterUses, scalar, showValue, showValues } from './parameterFacts';
import type { EffectiveValue, ParameterUse, Scalar } from './parameterFacts';
import { modelLabel, replaceEdit, resolvedTarget, valueSpanInCall } from './util';
import type { Resolved } from './util';
import type { ApiCall } from '../analysis/apiCall';

type UnsupportedParameter = ModelEntry['parameters']['unsupported'][number];

/** true / false, or null when a value the engine cannot see decides. */
type Verdict = boolean | null;

const and = (a: Verdict, b: Verdict): Verdict => (a === false || b === false ? false : a === null || b === null ? null : true);

export const unsupportedParameter = defineRule({
  meta: {
    code: 'OAI201',
    name: 'unsupported-parameter',
    defaultSeverity: 'error',
    fixable: 'safe-or-unsafe',
    needsCatalog: true,
    docs: {
      whatItDoes:
        "Reports a request parameter or value the model rejects, as the catalog records it per model: on reasoning models `temperature` other than 1, `top_p`, `presence_penalty`, `frequency_penalty`, `logprobs`, `top_logprobs`, `logit_bias` and where documented `parallel_tool_calls`; on models that take sampling parameters only while the reasoning effort is `none`, those parameters under any other effort (the request's `reasoning_effort` / `reasoning.effort`, else the model's default effort; no finding when it is unknown); a `reasoning_effort` / `reasoning.effort` value the model does not offer, and the effort itself on a model that takes none; on `o1-preview` / `o1-mini` also `tools`, `functions`, `response_format`, `stream`; `dimensions` on `text-embedding-ada-002`; image, transcription and speech parameters or values a model does not take (e.g. `quality`, `size`, `response_format`). A fact can be limited to some endpoints.",
      whyIsThisBad: 'The API answers with a 400 `unsupported_parameter` / `unsupported_value` error instead of ignoring the parameter.',
      example: {
        language: 'python',
        code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="o1-mini", temperature=0.2, messages=[{"role": "user", "content": "Hi"}])\n',
      },
      useInstead: { language: 'python', code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="o1-mini", messages=[{"role": "user", "content": "Hi"}])\n' },
      fixSafety:
        'Removing a rejected parameter is safe: the request cannot succeed with it, and without it the model uses its default. Replacing an effort value the model does not offer with the nearest one it offers is unsafe (it changes how much the model reasons): "nearest" is measured on the scale none < minimal < low < medium < high < xhigh, and between two equally near values the higher one is taken, so a request never reasons less than it asked for.',
      references: [
        { title: 'OpenAI API reference: chat completions (reasoning_effort)', url: 'https://platform.openai.com/docs/api-reference/chat/create' },
        { title: 'OpenAI reasoning models guide', url: 'https://platform.openai.com/docs/guides/reasoning' },
        { title: 'Azure OpenAI reasoning models: API and feature support', url: 'https://learn.microsoft.com/azure/ai-services/openai/how-to/reasoning' },
      ],
    },
  },
  check(call, ctx) {
    const t = resolvedTarget(ctx.target);
    if (!t) return [];
    const rules = t.entry.parameters.unsupported.filter((p) => !p.endpoints || p.endpoints.includes(call.endpoint));
    const out: RuleFinding[] = [];
    let effortRejected = false;
    for (const use of parameterUses(call, ctx.text)) {
      const matching = rules.filter((p) => p.name === use.name);
      if (!matching.length) continue;
      const value = scalar(use.value.value);
      if (value === null) continue; // an explicit None / null is "not given"
      const rejection = rejectionOf(matching, use, value, call, t.entry, ctx);
      if (!rejection) continue;
      if (use.name === EFFORT) effortRejected = true;
      out.push({ span: use.span, message: rejection(t), fix: { title: `Remove '${use.written}'`, safe: true, edits: [use.removal] } });
    }
    if (!effortRejected) out.push(...effortValueFindings(call, ctx, t));
    return out;
  },
});

/**
 * Whether the catalog's entries for a parameter reject this use: each entry is one way the
 * parameter is accepted (schema.ts UnsupportedParameter), so it is rejected when no entry
 * accepts it and none might. Returns the message maker, or null (accepted, or unknown).
 */
function rejectionOf(
  matching: UnsupportedParameter[],
  use: ParameterUse,
  value: Scalar | undefined,
  call: ApiCall,
  entry: ModelEntry,
  ctx: RuleContext,
): ((t: Resolved) => string) | null {
  let accepted: Verdict = false;
  let failedCondition: { cond: ParameterCondition; now: EffectiveValue } | null = null;
  let allowed: UnsupportedParameter | null = null;
  for (const p of matching) {
    let values: Verdict;
    if (p.allowedValues) values = value === undefined ? null : p.allowedValues.includes(value);
    else if (p.acceptedOnlyWhen) values = true;
    // turning the feature off is the default
    else values = value === false && (use.name === 'stream' || use.name === 'logprobs');
    let condition: Verdict = true;
    if (p.acceptedOnlyWhen) {
      const now = conditionValue(p.acceptedOnlyWhen, call, entry, ctx.text);
      condition = now === null ? null : p.acceptedOnlyWhen.values.includes(now.value);
      if (condition === false && values !== false && now) failedCondition = { cond: p.acceptedOnlyWhen, now };
    }
    if (p.allowedValues && values === false) allowed ??= p;
    const verdict = and(values, condition);
    if (verdict === true) return null;
    if (verdict === null) accepted = null;
  }
  if (accepted === null) return null;
  const note = matching.find((p) => p.note)?.note;
  if (failedCondition) {
    const { cond, now } = failedCondition;
    const name = conditionName(cond.parameter, call);
    const uses = now.from === 'request' ? showValue(now.value) : `the model's default ${showValue(now.value)}`;
    return (t) =>
      `'${use.written}' is supported by ${modelLabel(t)} only with ${name} ${showValues(cond.values)} (this request uses ${uses})${note ? ` (${note})` : ''}; remove it or set ${name} to ${showValue(cond.values[0]!)}`;
  }
  return (t) => {
    let why = '';
    if (note) why = ` (${note})`;
    else if (allowed?.allowedValues) {
      const values = allowed.allowedValues.map(showValue).join(', ');
      why = t.entry.capabilities.reasoning && allowed.allowedValues.every((v) => typeof v !== 'string') ? ` (reasoning models accept only the default ${values})` : ` (it accepts only ${values})`;
    }
    return `'${use.written}' is not supported by ${modelLabel(t)}${why}; remove it`;
  };
}

/**
 * A `reasoning_effort` / `reasoning.effort` value the model does not offer (its
 * `parameters.reasoningEffort.values`): an error on the value, with the nearest offered value
 * as an unsafe replacement.
 */
function effortValueFindings(call: ApiCall, ctx: RuleContext, t: Resolved): RuleFinding[] {
  const offered = t.entry.parameters.reasoningEffort?.values;
  if (!offered) return [];
  const use = parameterUses(call, ctx.text).find((u) => u.name === EFFORT);
  const v = use?.value.value;
  if (!use || v?.kind !== 'string' || offered.includes(v.value)) return [];
  const nearest = nearestEffort(v.value, offered);
  // the value as written in the call: the literal inside `reasoning={...}`, else the argument's value
  const inCall = use.value.span.start >= use.arg.span.start && use.value.span.end <= use.arg.span.end;
  const span = inCall ? use.value.span : valueSpanInCall(use.arg, ctx.text);
  const inner = use.value.innerSpan;
  return [
    {
      span,
      message: `${use.written} '${v.value}' is not offered by ${modelLabel(t)} (it offers ${showValues(offered, 'and')}); ${nearest ? `use '${nearest}'` : 'use one of those'}`,
      fix: nearest && inner ? { title: `Replace with '${nearest}'`, safe: false, edits: [replaceEdit(inner, nearest)] } : null,
    },
  ];
}
