/**
 * Grammars load on demand: analysing Python loads only Python's grammar (a Python-only
 * project never pays for the JavaScript family), and each language loads once.
 * Runs in its own process (node --test), so nothing is loaded when it starts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../server/src/config/schema';
import { analyzeText, createContext } from '../../server/src/engine';
import { initParsers, languageReady, parsersReady, parseText } from '../../server/src/parse/parser';

const { ctx } = createContext(DEFAULT_SETTINGS, { asOf: '2025-01-15' });

test('analysing Python loads the Python grammar only', async () => {
  assert.equal(languageReady('python'), false);
  assert.throws(() => parseText('x = 1\n', 'python'), /initParsers\(\['python'\]\) has not completed/);
  const a = await analyzeText('from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=m)\n', 'python', ctx);
  assert.equal(a.calls.length, 1);
  assert.equal(languageReady('python'), true);
  for (const lang of ['javascript', 'typescript', 'tsx'] as const) assert.equal(languageReady(lang), false, lang);
  assert.equal(parsersReady(), false);
});

test('the runtime alone, then one language; concurrent requests share the load', async () => {
  await initParsers([]);
  assert.equal(languageReady('typescript'), false);
  await Promise.all([initParsers(['typescript']), initParsers(['typescript']), analyzeText('import OpenAI from "openai";\nnew OpenAI().chat.completions.create({ model: "gpt-4o", messages });\n', 'typescript', ctx)]);
  assert.equal(languageReady('typescript'), true);
  assert.equal(languageReady('tsx'), false);
  assert.equal(parseText('const x: number = 1;\n', 'typescript').rootNode.type, 'program');
});

test('initParsers() with no argument loads every grammar', async () => {
  await initParsers();
  assert.equal(parsersReady(), true);
  assert.equal(parseText('<div />;\n', 'tsx').rootNode.hasError, false);
});
