/** Shared wording for OAI102 / OAI103. */
import type { RuleContext, RuleFinding } from './define';
import type { Resolved } from './util';
import { modelLabel, replaceEdit } from './util';

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
