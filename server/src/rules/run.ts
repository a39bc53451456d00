/**
 * Runs the rules over extracted calls: severities from settings (off removed), catalog
 * rules skipped for other vendors' clients, and a rule that throws on odd input loses only
 * its own findings.
 */
import type { ApiCall } from '../analysis/apiCall';
import type { Settings } from '../config/schema';
import type { DocumentLocation, FileSizeLookup } from '../fileSize';
import type { CatalogLike } from './catalogApi';
import type { ModelTarget, Rule, RuleContext, RuleFinding } from './define';
import { RULES } from './registry';
import { resolveTarget } from './target';
import { lineLabel, mergeCallFindings } from './shared';
import type { PlaceLabel } from './shared';
import type { Finding, Severity } from './types';

export interface RunContext {
  catalog: CatalogLike;
  settings: Settings;
  asOf: string;
  tokens: 'sync' | 'if-loaded';
  fileSize?: FileSizeLookup;
}

/** The severity a rule's findings get, or null when the rule is off. */
export function ruleSeverity(rule: Rule, settings: Settings): Severity | 'default' | null {
  const configured = Object.hasOwn(settings.rules, rule.meta.code) ? settings.rules[rule.meta.code] : undefined;
  if (configured === 'off') return null;
  if (configured) return configured;
  return rule.meta.enabledByDefault === false ? null : 'default';
}

export function isRuleEnabled(code: string, settings: Settings): boolean {
  const rule = (RULES as Record<string, Rule>)[code];
  return rule ? ruleSeverity(rule, settings) !== null : false;
}

export function toFinding(rule: Rule, f: RuleFinding, level: Severity | 'default'): Finding {
  const finding: Finding = {
    code: rule.meta.code,
    severity: level === 'default' ? (f.severity ?? rule.meta.defaultSeverity) : level,
    message: f.message,
    span: { start: f.span.start, end: f.span.end },
    fix: f.fix ?? null,
  };
  if (f.tags?.length) finding.tags = f.tags;
  if (f.command) finding.command = f.command;
  return finding;
}

const targetsByContext = new WeakMap<RunContext, WeakMap<ApiCall, ModelTarget>>();

/** The call's model, resolved once per call object (rules, hovers and token warm-up share it). */
export function targetOf(call: ApiCall, ctx: RunContext, text: string): ModelTarget {
  let targets = targetsByContext.get(ctx);
  if (!targets) targetsByContext.set(ctx, (targets = new WeakMap()));
  let t = targets.get(call);
  if (!t) {
    try {
      t = resolveTarget(call, ctx.catalog, ctx.settings, text);
    } catch {
      t = { kind: 'none' };
    }
    targets.set(call, t);
  }
  return t;
}

/**
 * Every rule over every call; a literal several calls share gets one finding per problem and
 * no safe fix that would change another call (./shared.ts). `where` names places in messages
 * (default: "line N" of `text`).
 */
export function runCallRules(calls: ApiCall[], text: string, ctx: RunContext, document?: DocumentLocation, where?: PlaceLabel): Finding[] {
  const active: { rule: Rule; level: Severity | 'default' }[] = [];
  for (const rule of Object.values(RULES) as Rule[]) {
    if (!rule.check) continue;
    const level = ruleSeverity(rule, ctx.settings);
    if (level !== null) active.push({ rule, level });
  }
  const perCall: Finding[][] = [];
  for (const call of calls) {
    const out: Finding[] = [];
    perCall.push(out);
    const target = targetOf(call, ctx, text);
    const compatible = call.client.kind === 'compatible';
    const rctx: RuleContext = { ...ctx, text, target, document };
    for (const { rule, level } of active) {
      if (compatible && rule.meta.needsCatalog) continue;
      let found: RuleFinding[];
      try {
        found = rule.check!(call, rctx);
      } catch {
        continue;
      }
      for (const f of found) out.push(toFinding(rule, f, level));
    }
  }
  return mergeCallFindings(calls, perCall, where ?? lineLabel(text));
}
