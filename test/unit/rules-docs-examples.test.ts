/**
 * Every ❌ / ✅ example of every rule's docs runs through the engine with the built-in
 * catalog: ❌ must produce the rule's code, ✅ must not (nor any error or warning).
 * Examples are evaluated at a pinned as-of date unless their settings give one.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Settings } from '../../server/src/config/schema';
import { analyzeText, createContext } from '../../server/src/engine';
import type { DocExample, Rule } from '../../server/src/rules/define';
import { RULES } from '../../server/src/rules/registry';

export const DOCS_AS_OF = '2025-01-15';

async function run(e: DocExample) {
  const settings = Settings.parse(e.settings ?? {});
  const { ctx, problems } = createContext(settings, { asOf: settings.asOf ?? DOCS_AS_OF, tokens: 'sync' });
  assert.deepEqual(problems, []);
  return (await analyzeText(e.code, e.language, ctx)).findings;
}

for (const rule of Object.values(RULES) as Rule[]) {
  const { code, docs } = rule.meta;
  test(`${code} docs ❌ example produces ${code}`, async () => {
    const found = await run(docs.example);
    assert.ok(found.some((f) => f.code === code), `${code} not in ${JSON.stringify(found.map((f) => `${f.code} ${f.message}`))}`);
  });
  test(`${code} docs ✅ example produces no ${code}, no error or warning`, async () => {
    const found = await run(docs.useInstead);
    assert.deepEqual(found.filter((f) => f.code === code || f.severity === 'error' || f.severity === 'warning').map((f) => `${f.code} ${f.message}`), []);
  });
}
