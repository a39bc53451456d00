/** Unknown values never produce findings that depend on them; the editor path never loads an encoding. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCallRules } from '../../server/src/rules/run';
import { isEncodingLoaded } from '../../server/src/tokens';
import { CallBuilder } from '../helpers/callBuilder';
import { fixtureContext } from '../helpers/rulesCatalog';

test('a call whose every value is unknown produces nothing', () => {
  const text = 'client.chat.completions.create(model=MODEL, temperature=T, max_tokens=N, response_format=RF, tools=TOOLS, messages=MSGS)\n';
  const b = new CallBuilder(text, 'chat.completions');
  for (const [n, v] of [['model', 'MODEL'], ['temperature', 'T'], ['max_tokens', 'N'], ['response_format', 'RF'], ['tools', 'TOOLS'], ['messages', 'MSGS']] as const) b.arg(n, v);
  assert.deepEqual(runCallRules([b.call], text, fixtureContext()), []);
});

test('an unknown model with rejected-looking parameters produces nothing but its own info', () => {
  const text = 'client.chat.completions.create(model=os.getenv("MODEL"), temperature=0.2, max_tokens=999999)\n';
  const b = new CallBuilder(text, 'chat.completions');
  b.arg('model', 'os.getenv("MODEL")');
  b.arg('temperature', '0.2');
  b.arg('max_tokens', '999999');
  assert.deepEqual(runCallRules([b.call], text, fixtureContext()), []);
});

test('unknown values on a known reasoning model: only what is certain', () => {
  const text = 'client.chat.completions.create(model="o1", temperature=T, max_completion_tokens=N, messages=MSGS)\n';
  const b = new CallBuilder(text, 'chat.completions');
  b.arg('model', '"o1"');
  b.arg('temperature', 'T');
  b.arg('max_completion_tokens', 'N');
  b.arg('messages', 'MSGS');
  assert.deepEqual(runCallRules([b.call], text, fixtureContext()), []);
});

test("'if-loaded' token mode: no context-window finding and no encoding load on the editor path", () => {
  const long = 'hello '.repeat(20000);
  const text = `client.chat.completions.create(model="gpt-3.5-turbo-0125", messages=[{"role": "user", "content": "${long}"}])\n`;
  const b = new CallBuilder(text, 'chat.completions');
  b.arg('model', '"gpt-3.5-turbo-0125"');
  b.message('user', `"${long}"`);
  assert.equal(isEncodingLoaded('cl100k_base'), false);
  assert.deepEqual(runCallRules([b.call], text, fixtureContext({}, '2024-12-17', 'if-loaded')).map((f) => f.code), []);
  assert.equal(isEncodingLoaded('cl100k_base'), false);
  assert.deepEqual(runCallRules([b.call], text, fixtureContext({}, '2024-12-17', 'sync')).map((f) => f.code), ['OAI302']);
});

test('a severity override applies; off removes the rule', () => {
  const text = 'client.chat.completions.create(model="o1-preview", messages=m)\n';
  const b = new CallBuilder(text, 'chat.completions');
  b.arg('model', '"o1-preview"');
  const call = b.call;
  assert.deepEqual(runCallRules([call], text, fixtureContext({ rules: { OAI105: 'error' } })).filter((f) => f.code === 'OAI105').map((f) => [f.code, f.severity]), [['OAI105', 'error']]);
  assert.deepEqual(runCallRules([call], text, fixtureContext({ rules: { OAI105: 'off' } })).filter((f) => f.code === 'OAI105'), []);
});
