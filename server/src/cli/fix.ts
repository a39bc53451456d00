/**
 * `check --fix`: safe fixes only; with `--unsafe-fixes` every fix (as ruff applies them).
 * Within one pass, a fix whose edits overlap an edit already taken is left for the next pass
 * (analysis re-runs on the new text, so the later fix is recomputed against it); passes stop
 * when no applicable fix is left or after MAX_FIX_PASSES.
 */
import type { Finding, TextEdit } from '../rules/types';

export const MAX_FIX_PASSES = 10;

/** Model rules (OAI1xx): their unsafe fixes replace a call's model. */
const MODEL_RULE = /^OAI1\d\d$/;

/**
 * Edits of the fixes (safe ones; every one with `includeUnsafe`) that can be applied together,
 * earliest first, and the count of fixes taken.
 * A pass that replaces models takes no other unsafe fix: what those should be (a clamp to the
 * model's limit, a role it accepts) depends on the model, so they wait for the re-analysis.
 */
export function selectFixEdits(findings: readonly Finding[], includeUnsafe: boolean): { edits: TextEdit[]; fixes: number } {
  const taken: TextEdit[] = [];
  let fixes = 0;
  let applicable = findings.filter((f) => f.fix && (f.fix.safe || includeUnsafe) && f.fix.edits.length > 0);
  if (applicable.some((f) => !f.fix!.safe && MODEL_RULE.test(f.code))) applicable = applicable.filter((f) => f.fix!.safe || MODEL_RULE.test(f.code));
  applicable.sort((a, b) => firstStart(a) - firstStart(b) || a.span.start - b.span.start);
  for (const f of applicable) {
    const edits = f.fix!.edits;
    if (edits.some((e) => e.start > e.end || e.start < 0)) continue;
    if (edits.some((e, i) => edits.some((o, j) => i !== j && overlaps(e, o)))) continue;
    if (edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    taken.push(...edits);
    fixes++;
  }
  taken.sort((a, b) => a.start - b.start || a.end - b.end);
  return { edits: taken, fixes };
}

function firstStart(f: Finding): number {
  return Math.min(...f.fix!.edits.map((e) => e.start));
}

/**
 * Two edits conflict when their ranges share a character, or when both insert at the same
 * point (their order would be arbitrary), or an insertion falls strictly inside a replacement.
 */
export function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return a.start > b.start && a.start < b.end;
  if (b.start === b.end) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** Applies non-overlapping edits (any order given), in one pass over the text (thousands of fixes on one line stay linear). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    parts.push(text.slice(at, e.start), e.newText);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

export interface FixResult {
  text: string;
  /** number of fixes applied over all passes */
  applied: number;
  /** the findings of the final text */
  findings: Finding[];
}

/** Runs analyse → apply fixes until nothing is left to fix (at most MAX_FIX_PASSES passes). */
export async function fixText(text: string, analyse: (text: string) => Promise<Finding[]>, includeUnsafe = false): Promise<FixResult> {
  let current = text;
  let findings = await analyse(current);
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const { edits, fixes } = selectFixEdits(findings, includeUnsafe);
    if (fixes === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break; // fixes that change nothing would loop forever
    current = next;
    applied += fixes;
    findings = await analyse(current);
  }
  return { text: current, applied, findings };
}
