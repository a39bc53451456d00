/** Shared wording for OAI102 / OAI103. */
import type { ApiCall } from '../analysis/apiCall';
import type { RuleContext, RuleFinding } from './define';
import type { Resolved } from './util';
import { modelArgument, modelLabel, replaceEdit } from './util';

export function replacementFix(t: Resolved, replacement: string | null): RuleFinding['fix'] {
  // On Azure the string is a deployment name chosen by the user: renaming it is not a fix.
  if (!replacement || t.azure || !t.innerSpan || replacement === t.id) return null;
  return { title: `Replace with '${replacement}'`, safe: false, edits: [replaceEdit(t.innerSpan, replacement)] };
}

export function statusOf(t: Resolved, ctx: RuleContext): string | null {
  try {
    return ctx.catalog.status(t.entry, ctx.asOf);
  } catch {
    return null;
  }
}

export function label(t: Resolved): string {
  return modelLabel(t);
}

/**
 * What the message tells the user to do about a retired or deprecated model: move to the
 * replacement (`verb` it), or, for an endpoint's default model, pass a model.
 */
export function moveTo(t: Resolved, call: ApiCall, replacement: string | null, verb: (id: string) => string): string {
  if (t.defaulted) return replacement ? `; pass ${modelArgument(call.language, replacement)}` : '; pass the model to use as `model`';
  return replacement ? `; ${verb(replacement)}` : '';
}
