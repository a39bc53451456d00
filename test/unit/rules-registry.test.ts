import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Rule } from '../../server/src/rules/define';
import { allRuleDocs, docsUrl, ruleDoc } from '../../server/src/rules/docs';
import { RULES } from '../../server/src/rules/registry';

const root = join(__dirname, '..', '..', '..');

/** SPEC §2, the contract: code, name, default severity. */
const SPEC: [string, string, string][] = [
  ['OAI001', 'unused-suppression', 'hint'],
  ['OAI101', 'unknown-model', 'warning'],
  ['OAI102', 'retired-model', 'error'],
  ['OAI103', 'deprecated-model', 'warning'],
  ['OAI104', 'wrong-endpoint', 'error'],
  ['OAI105', 'preview-model', 'info'],
  ['OAI106', 'floating-alias', 'hint'],
  ['OAI107', 'limited-access-model', 'info'],
  ['OAI108', 'retired-api', 'error'],
  ['OAI201', 'unsupported-parameter', 'error'],
  ['OAI202', 'replaced-parameter', 'error'],
  ['OAI203', 'unsupported-role', 'error'],
  ['OAI204', 'unsupported-input', 'error'],
  ['OAI205', 'unsupported-feature', 'error'],
  ['OAI301', 'output-limit-exceeded', 'error'],
  ['OAI302', 'context-window-exceeded', 'error'],
  ['OAI303', 'input-limit-exceeded', 'error'],
  ['OAI401', 'unmapped-deployment', 'hint'],
  ['OAI402', 'api-version-too-old', 'error'],
  ['OAI403', 'region-unavailable', 'error'],
  ['OAI501', 'hardcoded-api-key', 'warning'],
];

test('the registry is exactly the SPEC rule table', () => {
  const rules = Object.entries(RULES).map(([key, r]) => [key, (r as Rule).meta.name, (r as Rule).meta.defaultSeverity]);
  assert.deepEqual(rules, SPEC);
  for (const [key, r] of Object.entries(RULES)) assert.equal((r as Rule).meta.code, key);
  assert.equal(RULES.OAI106.meta.enabledByDefault, false);
});

test('one file per rule, named for the problem', () => {
  const files = readdirSync(join(root, 'server/src/rules')).filter((f) => /^[a-z]+(-[a-z]+)+\.ts$/.test(f));
  for (const [, name] of SPEC) assert.ok(files.includes(`${name}.ts`), `${name}.ts`);
});

test('every doc has the fixed sections', () => {
  for (const [code] of SPEC) {
    const doc = ruleDoc(code)!;
    for (const h of ['## What it does', '## Why is this bad?', '## Example', '## Use instead', '## Fix safety', '## References']) assert.ok(doc.includes(h), `${code} ${h}`);
  }
  assert.equal(ruleDoc('OAI999'), undefined);
  assert.equal(docsUrl('OAI201'), 'https://github.com/openai-model-lint/openai-model-lint/blob/main/docs/rules/OAI201-unsupported-parameter.md');
});

test('docs/rules is generated from the rule meta (run `npm run docs:rules`)', () => {
  const pages = allRuleDocs();
  const committed = readdirSync(join(root, 'docs/rules')).filter((f) => f.endsWith('.md') && f !== 'README.md');
  assert.deepEqual(committed.sort(), [...pages.keys()].sort());
  for (const [file, text] of pages) assert.equal(readFileSync(join(root, 'docs/rules', file), 'utf8'), text, file);
});
