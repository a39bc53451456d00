/**
 * Reading a model's parameter facts against a request (OAI201): which parameters a call
 * gives under the catalog's names, the reasoning effort it runs with, whether a condition
 * of an `acceptedOnlyWhen` holds, and the nearest offered effort value. Pure functions over
 * ApiCall and ModelEntry; a value the engine cannot see is unknown (null) and no finding may
 * depend on it.
 */
import type { ApiCall, Argument, Span, Value, ValueNode } from '../analysis/apiCall';
import type { ModelEntry, ParameterCondition } from '../catalog/schema';
import type { TextEdit } from './types';
import { paramSpan, removalEdit } from './util';

export type Scalar = number | string | boolean;

/** A literal's value; null for an explicit None / null; undefined when unknown or compound. */
export function scalar(v: Value): Scalar | null | undefined {
  if (v.kind === 'string' || v.kind === 'number' || v.kind === 'boolean') return v.value;
  if (v.kind === 'null') return null;
  return undefined;
}

/** The catalog's name of the reasoning effort: `reasoning_effort`, also for the Responses API's `reasoning.effort`. */
export const EFFORT = 'reasoning_effort';

/** One parameter a request gives, under the name the catalog uses for it. */
export interface ParameterUse {
  /** the catalog's name (`reasoning_effort` for Responses `reasoning.effort` too) */
  name: string;
  /** how messages write it (`reasoning.effort` on the Responses API) */
  written: string;
  value: ValueNode;
  /** where a finding about the parameter goes */
  span: Span;
  /** removing it: the argument, or the `effort` key of a `reasoning` object with other keys */
  removal: TextEdit;
  /** the call's argument that carries it */
  arg: Argument;
}

const within = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;

/**
 * The parameters the call gives (the model argument aside). On the Responses API the
 * `reasoning` object stands for its `effort` key only (`reasoning={"effort": "low"}`): the
 * other keys are no parameter facts of the catalog.
 */
export function parameterUses(call: ApiCall, text: string): ParameterUse[] {
  const out: ParameterUse[] = [];
  for (const arg of call.args) {
    if (arg === call.model) continue;
    if (call.endpoint === 'responses' && arg.name === 'reasoning') {
      const v = arg.value.value;
      const effort = v.kind === 'object' ? v.entries.find((e) => e.name === 'effort') : undefined;
      if (!effort || v.kind !== 'object') continue;
      // the only key: the whole `reasoning` argument goes; else only its `effort` key
      const alone = !v.open && v.entries.length === 1;
      const span = alone || !within(effort.span, arg.span) ? paramSpan(arg) : effort.span;
      out.push({ name: EFFORT, written: 'reasoning.effort', value: effort.value, span, removal: removalEdit(call, alone ? arg : effort, text), arg });
      continue;
    }
    out.push({ name: arg.name, written: arg.name, value: arg.value, span: paramSpan(arg), removal: removalEdit(call, arg, text), arg });
  }
  return out;
}

/** How messages name a condition's parameter on this call's endpoint. */
export function conditionName(parameter: string, call: ApiCall): string {
  return parameter === EFFORT && call.endpoint === 'responses' ? 'reasoning.effort' : parameter;
}

/** The value a condition's parameter has in the request, or the default it runs with; null when unknown. */
export interface EffectiveValue {
  value: Scalar;
  /** 'default': the request does not give it (the model's or the condition's default applies) */
  from: 'request' | 'default';
}

/**
 * The reasoning effort the request runs with: the `reasoning_effort` (chat completions) or
 * `reasoning.effort` (Responses) it gives, else the model's default effort; null when unknown
 * (a value the engine cannot see, arguments it cannot see, no default in the catalog, another
 * endpoint).
 */
export function effectiveEffort(call: ApiCall, entry: ModelEntry, text: string): EffectiveValue | null {
  if (call.endpoint !== 'chat.completions' && call.endpoint !== 'responses') return null;
  const given = parameterUses(call, text).find((u) => u.name === EFFORT);
  if (given) {
    const v = scalar(given.value.value);
    if (v !== null) return v === undefined ? null : { value: v, from: 'request' };
  } else if (call.argsOpen || effortHidden(call)) return null;
  const d = entry.parameters.reasoningEffort?.default ?? null;
  return d === null ? null : { value: d, from: 'default' };
}

/** A Responses `reasoning` whose effort cannot be seen (not an object literal, or open with no `effort` key). */
function effortHidden(call: ApiCall): boolean {
  if (call.endpoint !== 'responses') return false;
  const r = call.args.find((a) => a.name === 'reasoning');
  if (!r) return false;
  const v = r.value.value;
  if (v.kind === 'null') return false;
  return v.kind !== 'object' || v.open;
}

/** A condition's parameter as the request has it (given, else its default); null when unknown. */
export function conditionValue(cond: ParameterCondition, call: ApiCall, entry: ModelEntry, text: string): EffectiveValue | null {
  if (cond.parameter === EFFORT) return effectiveEffort(call, entry, text);
  const given = parameterUses(call, text).find((u) => u.name === cond.parameter);
  if (given) {
    const v = scalar(given.value.value);
    if (v !== null) return v === undefined ? null : { value: v, from: 'request' };
  } else if (call.argsOpen) return null;
  return cond.default === undefined ? null : { value: cond.default, from: 'default' };
}

/** The reasoning-effort scale, lowest first: "nearest" is measured on it. */
export const EFFORT_SCALE = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh'] as const;

/**
 * The offered effort closest to `value` on EFFORT_SCALE; between two equally close, the higher
 * (a request never gets less reasoning than it asked for). Null when `value` is not on the scale
 * or no offered value is.
 */
export function nearestEffort(value: string, offered: readonly string[]): string | null {
  const rank = (s: string) => (EFFORT_SCALE as readonly string[]).indexOf(s);
  const want = rank(value);
  if (want < 0) return null;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const o of offered) {
    const r = rank(o);
    if (r < 0) continue;
    const d = Math.abs(r - want);
    if (d < bestDistance || (d === bestDistance && best !== null && r > rank(best))) {
      best = o;
      bestDistance = d;
    }
  }
  return best;
}

/** `'a'` for strings, `1` for numbers: values as messages write them. */
export function showValue(v: Scalar): string {
  return typeof v === 'string' ? `'${v}'` : String(v);
}

/** "'none'", "'none' or 'low'", "'a', 'b' or 'c'" */
export function showValues(values: readonly Scalar[], joiner = 'or'): string {
  const shown = values.map(showValue);
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} ${joiner} ${shown[shown.length - 1]}`;
}
