/**
 * typescript-eslint style table tests: `valid` cases produce nothing for the rule, `invalid`
 * cases state each finding's exact span (as the text it covers and as offsets), message,
 * severity and fix output (`null` when the finding has no fix).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ApiCall } from '../../server/src/analysis/apiCall';
import type { SettingsInput } from '../../server/src/config/schema';
import { runCallRules } from '../../server/src/rules/run';
import type { Finding } from '../../server/src/rules/types';
import { applyEdits } from './callBuilder';
import { fixtureContext } from './rulesCatalog';

export interface ExpectedFinding {
  /** the text the span covers */
  covers: string;
  start: number;
  end: number;
  message: string;
  severity?: Finding['severity'];
  /** the whole text after applying the fix, or null when there is none */
  output: string | null;
  safe?: boolean;
}

export interface RuleCase {
  name: string;
  call: () => ApiCall & { text?: string };
  text: string;
  settings?: SettingsInput;
  asOf?: string;
}

export function ruleTable(code: string, cases: { valid: RuleCase[]; invalid: (RuleCase & { errors: ExpectedFinding[] })[] }): void {
  for (const c of cases.valid) {
    test(`${code} valid: ${c.name}`, () => {
      const found = runCallRules([c.call()], c.text, fixtureContext(c.settings, c.asOf)).filter((f) => f.code === code);
      assert.deepEqual(found, []);
    });
  }
  for (const c of cases.invalid) {
    test(`${code} invalid: ${c.name}`, () => {
      const found = runCallRules([c.call()], c.text, fixtureContext(c.settings, c.asOf)).filter((f) => f.code === code);
      assert.equal(found.length, c.errors.length, `findings: ${JSON.stringify(found.map((f) => f.message))}`);
      c.errors.forEach((e, i) => {
        const f = found[i]!;
        assert.equal(c.text.slice(f.span.start, f.span.end), e.covers);
        assert.deepEqual(f.span, { start: e.start, end: e.end });
        assert.equal(f.message, e.message);
        if (e.severity) assert.equal(f.severity, e.severity);
        assert.equal(f.fix ? applyEdits(c.text, f.fix.edits) : null, e.output);
        if (e.safe !== undefined) assert.equal(f.fix?.safe, e.safe);
      });
    });
  }
}

/** [start, end] of the first occurrence of `needle` (after `after` when given). */
export function spanOf(text: string, needle: string, after?: string): { start: number; end: number } {
  const from = after ? text.indexOf(after) : 0;
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`not in text: ${needle}`);
  return { start, end: start + needle.length };
}
