/**
 * typescript-eslint style table tests: `valid` cases produce nothing for the rule, `invalid`
 * cases state each finding's exact span (as the text it covers and as offsets), message,
 * severity and fix output (`null` when the finding has no fix).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ApiCall } from '../../server/src/analysis/apiCall';
import type { SettingsInput } from '../../server/src/config/schema';
import type { CatalogLike } from '../../server/src/rules/catalogApi';
import { runCallRules } from '../../server/src/rules/run';
import type { Finding } from '../../server/src/rules/types';
import { applyEdits } from './callBuilder';
import { fixtureCatalog, fixtureContext } from './rulesCatalog';
import { Settings } from '../../server/src/config/schema';
import { analyzeText, createContext } from '../../server/src/engine';

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

/** Table cases over real source through analyzeText (parse, extract, rules, suppressions). */
export interface SnippetCase {
  name: string;
  lang: 'python' | 'typescript' | 'javascript';
  code: string;
  settings?: SettingsInput;
  asOf?: string;
}

export interface SnippetError {
  covers: string;
  /** which occurrence of `covers` (default 0) */
  nth?: number;
  message: string;
  severity?: Finding['severity'];
  output: string | null;
  safe?: boolean;
}

function nthIndex(text: string, needle: string, nth: number): number {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`not in text: ${needle} #${nth}`);
  }
  return i;
}

/** `catalog`: the catalog the cases run against (default: the rules' fixture catalog). */
export function snippetTable(code: string, cases: { valid: SnippetCase[]; invalid: (SnippetCase & { errors: SnippetError[] })[] }, catalog: CatalogLike = fixtureCatalog()): void {
  const ctxOf = (c: SnippetCase) => createContext(Settings.parse(c.settings ?? {}), { catalog, asOf: c.asOf ?? '2024-12-17', tokens: 'sync' }).ctx;
  for (const c of cases.valid) {
    test(`${code} valid (${c.lang}): ${c.name}`, async () => {
      const { findings } = await analyzeText(c.code, c.lang, ctxOf(c));
      assert.deepEqual(findings.filter((f) => f.code === code), []);
    });
  }
  for (const c of cases.invalid) {
    test(`${code} invalid (${c.lang}): ${c.name}`, async () => {
      const { calls, findings } = await analyzeText(c.code, c.lang, ctxOf(c));
      assert.ok(calls.length > 0, 'the call is extracted');
      const found = findings.filter((f) => f.code === code);
      assert.equal(found.length, c.errors.length, `findings: ${JSON.stringify(found.map((f) => f.message))}`);
      c.errors.forEach((e, i) => {
        const f = found[i]!;
        const start = nthIndex(c.code, e.covers, e.nth ?? 0);
        assert.equal(c.code.slice(f.span.start, f.span.end), e.covers);
        assert.deepEqual(f.span, { start, end: start + e.covers.length });
        assert.equal(f.message, e.message);
        if (e.severity) assert.equal(f.severity, e.severity);
        assert.equal(f.fix ? applyEdits(c.code, f.fix.edits) : null, e.output);
        if (e.safe !== undefined) assert.equal(f.fix?.safe, e.safe);
      });
    });
  }
}
