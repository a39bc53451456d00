// The OpenAI catalog as of its date (openai.json `asOf`): replacements a fix can propose, the
// limits and parameter facts of the current families, each with its source. The seed-derived
// facts are checked in catalog-seeds-openai.test.ts; the SDK model lists in
// catalog-sdk-models.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lifecycleStatus } from '../../server/src/catalog/catalog';
import { openaiById as byId, openaiCatalog as catalog, openaiEntry as entry } from '../helpers/openaiCatalog';

const SAMPLING = ['temperature', 'top_p', 'presence_penalty', 'frequency_penalty', 'logprobs', 'top_logprobs', 'logit_bias'];

test('the catalog is dated 2026-12-05 (the day its sources were checked) or later', () => {
  assert.ok(catalog.asOf >= '2026-12-05', catalog.asOf);
});

test('every replacement is a catalog ID that is neither retired nor deprecated as of the catalog date (OpenAI platform)', () => {
  let checked = 0;
  for (const m of catalog.models) {
    const r = m.lifecycle.replacement;
    if (r === null) continue;
    const target = byId.get(r);
    assert.ok(target, `${m.id}: replacement ${r} is not a catalog ID`);
    const status = lifecycleStatus(target, catalog.asOf);
    assert.ok(status === 'ga' || status === 'preview', `${m.id}: replacement ${r} is ${status} as of ${catalog.asOf}`);
    checked++;
  }
  assert.ok(checked > 100, `${checked} replacements checked`);
});

test('the replacements the pages name that are dead today would fail that check', () => {
  // o1-mini → o4-mini, o1-preview → o3, chatgpt-4o-latest → gpt-5.1-chat-latest, dall-e-3 → gpt-image-1, text-davinci-003 → gpt-3.5-turbo-instruct
  for (const id of ['o4-mini', 'o3', 'gpt-5.1-chat-latest', 'gpt-image-1', 'gpt-3.5-turbo-instruct']) {
    assert.ok(['retired', 'deprecated'].includes(lifecycleStatus(entry(id), catalog.asOf)), id);
  }
});

test('the retired IDs the deprecations page names are catalog IDs (reported as retired, not unknown)', () => {
  const retired: Record<string, string> = {
    'gpt-5.1-codex-mini': '2026-07-23',
    'gpt-5.2-codex': '2026-07-23',
    'gpt-4o-mini-tts-2025-03-20': '2026-07-23',
    'gpt-image-1.5': '2026-12-01',
    'gpt-image-1.5-2025-12-16': '2026-12-01',
    'chatgpt-image-latest': '2026-12-01',
    'gpt-5.4-cyber': '2026-10-01',
    'sora-2': '2026-09-24',
    'sora-2-pro-2025-10-06': '2026-09-24',
  };
  for (const [id, shutdown] of Object.entries(retired)) {
    assert.equal(entry(id).lifecycle.shutdownDate, shutdown, id);
    assert.equal(lifecycleStatus(entry(id), catalog.asOf), 'retired', id);
  }
  // the gpt-5 family and o3 are deprecated on 2026-12-05 and retired from 2026-12-11
  for (const id of ['gpt-5', 'gpt-5-mini-2025-08-07', 'gpt-5-nano', 'gpt-5-pro-2025-10-06', 'o3', 'o3-pro']) {
    assert.equal(lifecycleStatus(entry(id), catalog.asOf), 'deprecated', id);
    assert.equal(lifecycleStatus(entry(id), '2026-12-11'), 'retired', id);
  }
});

test('aliases point to the default snapshot the model page names', () => {
  const aliases: Record<string, string> = {
    'gpt-realtime-mini': 'gpt-realtime-mini-2025-12-15',
    'gpt-4o-mini-transcribe': 'gpt-4o-mini-transcribe-2025-12-15',
    'gpt-4.1': 'gpt-4.1-2025-04-14',
    'gpt-5-mini': 'gpt-5-mini-2025-08-07',
    'gpt-5-pro': 'gpt-5-pro-2025-10-06',
    'gpt-5.1': 'gpt-5.1-2025-11-13',
    'gpt-5.5': 'gpt-5.5-2026-04-23',
    'o3-pro': 'o3-pro-2025-06-10',
    'o4-mini': 'o4-mini-2025-04-16',
    'gpt-audio': 'gpt-audio-2025-08-28',
  };
  for (const [alias, snapshot] of Object.entries(aliases)) {
    assert.equal(entry(alias).aliasOf, snapshot, alias);
    assert.ok(entry(alias).sources['aliasOf']?.some((s) => s.url?.startsWith('https://developers.openai.com/api/docs/models/')), `${alias}: alias read from its model page`);
  }
  assert.deepEqual(entry('gpt-5.6-sol').otherIds, ['gpt-5.6']);
  // the seed's alias table still decides gpt-4o-audio-preview (the later page's 2025-06-03 is recorded in docs/catalog-sources.md)
  assert.equal(entry('gpt-4o-audio-preview').aliasOf, 'gpt-4o-audio-preview-2024-12-17');
});

test('context window, max output, max input and knowledge cutoff of the current families', () => {
  // [context, max output, cutoff, max input tokens]
  const expected: Record<string, [number, number, string | null, number | undefined]> = {
    'gpt-4.1': [1047576, 32768, '2024-06-01', undefined],
    'gpt-4.1-mini-2025-04-14': [1047576, 32768, '2024-06-01', undefined],
    'gpt-5': [400000, 128000, null, 272000],
    'gpt-5-mini': [400000, 128000, '2024-05-31', 272000],
    'gpt-5-nano-2025-08-07': [400000, 128000, '2024-05-31', 272000],
    'gpt-5-pro': [400000, 272000, '2024-09-30', undefined],
    'gpt-5.1': [400000, 128000, '2024-09-30', 272000],
    'gpt-5.2': [400000, 128000, null, 272000],
    'gpt-5.2-pro': [400000, 128000, '2025-08-31', undefined],
    'gpt-5.4': [1050000, 128000, null, 922000],
    'gpt-5.4-mini': [400000, 128000, null, 272000],
    'gpt-5.4-nano': [400000, 128000, '2025-08-31', 272000],
    'gpt-5.5': [1050000, 128000, '2025-12-01', undefined],
    'gpt-5.6-sol': [1050000, 128000, '2026-02-16', 922000],
    o3: [200000, 100000, null, undefined],
    'o3-pro': [200000, 100000, '2024-06-01', undefined],
    'o4-mini': [200000, 100000, '2024-06-01', undefined],
    'gpt-realtime-1.5': [32000, 4096, '2024-09-30', undefined],
    'gpt-realtime-2.1': [128000, 32000, '2024-09-30', undefined],
    'gpt-realtime-mini': [32000, 4096, '2023-10-01', undefined],
    'gpt-audio-1.5': [128000, 16384, '2024-09-30', undefined],
    'gpt-4o-mini-transcribe': [16000, 2000, '2024-06-01', undefined],
    'gpt-4o-transcribe-diarize': [16000, 2000, '2024-06-01', undefined],
  };
  for (const [id, [ctx, out, cutoff, maxPrompt]] of Object.entries(expected)) {
    const e = entry(id);
    assert.deepEqual([e.contextWindow, e.maxOutputTokens, e.knowledgeCutoff, e.limits.maxPromptTokens], [ctx, out, cutoff, maxPrompt], id);
    for (const key of ['contextWindow', 'maxOutputTokens']) assert.ok(e.sources[key]?.length, `${id}: ${key} has a source`);
    if (cutoff) assert.ok(e.sources['knowledgeCutoff']?.length, `${id}: knowledgeCutoff has a source`);
    if (maxPrompt) assert.ok(e.sources['limits']?.length, `${id}: limits has a source`);
  }
});

test('the gpt-5 family, gpt-5-pro, o3, o3-pro and o4-mini reject the sampling parameters; temperature only at its default 1', () => {
  for (const id of ['gpt-5', 'gpt-5-2025-08-07', 'gpt-5-mini', 'gpt-5-mini-2025-08-07', 'gpt-5-nano', 'gpt-5-nano-2025-08-07', 'gpt-5-pro', 'o3', 'o3-2025-04-16', 'o3-pro', 'o4-mini', 'o4-mini-2025-04-16']) {
    const e = entry(id);
    const rules = new Map(e.parameters.unsupported.map((p) => [p.name, p]));
    for (const name of SAMPLING) {
      assert.ok(rules.has(name), `${id} rejects ${name}`);
      assert.equal(rules.get(name)!.acceptedOnlyWhen, undefined, `${id} ${name}: unconditional`);
    }
    assert.deepEqual(rules.get('temperature')!.allowedValues, [1], id);
    assert.equal(e.capabilities.reasoning, true, id);
    assert.ok(e.sources['parameters']?.some((s) => s.note?.includes('unsupported with reasoning models')), `${id}: Microsoft's list`);
  }
  // parallel tool calls: "-" for o3, o3-pro, o4-mini and gpt-5-pro in Microsoft's table; ✅ for gpt-5, -mini, -nano
  for (const id of ['o3', 'o3-pro', 'o4-mini', 'gpt-5-pro']) assert.ok(entry(id).parameters.unsupported.some((p) => p.name === 'parallel_tool_calls'), id);
  for (const id of ['gpt-5', 'gpt-5-mini', 'gpt-5-nano']) assert.ok(!entry(id).parameters.unsupported.some((p) => p.name === 'parallel_tool_calls'), id);
  // max_tokens: only max_completion_tokens on chat completions
  for (const id of ['gpt-5', 'gpt-5-mini', 'gpt-5-nano', 'gpt-5.1', 'gpt-5.2', 'gpt-5.4', 'gpt-5.4-mini', 'gpt-5.4-nano', 'o3', 'o4-mini']) {
    assert.deepEqual(entry(id).parameters.replaced, [{ name: 'max_tokens', by: 'max_completion_tokens' }], id);
  }
});

test('gpt-5.1 and later accept the sampling parameters only with reasoning effort none', () => {
  for (const id of ['gpt-5.1', 'gpt-5.1-2025-11-13', 'gpt-5.2', 'gpt-5.2-2025-12-11', 'gpt-5.4', 'gpt-5.4-mini', 'gpt-5.4-mini-2026-03-17', 'gpt-5.4-nano', 'gpt-5.4-nano-2026-03-17', 'gpt-5.5', 'gpt-5.5-2026-04-23', 'gpt-5.6-sol', 'gpt-5.6-terra', 'gpt-5.6-luna']) {
    const e = entry(id);
    for (const name of SAMPLING) {
      const rule = e.parameters.unsupported.find((p) => p.name === name);
      assert.deepEqual(rule, { name, acceptedOnlyWhen: { parameter: 'reasoning_effort', values: ['none'] } }, `${id} ${name}`);
    }
    assert.equal(e.capabilities.reasoning, true, id);
  }
});

test('reasoning effort values and defaults per model', () => {
  const expected: Record<string, [string[], string | null]> = {
    'gpt-5': [['minimal', 'low', 'medium', 'high'], 'medium'],
    'gpt-5-mini-2025-08-07': [['minimal', 'low', 'medium', 'high'], 'medium'],
    'gpt-5-nano': [['minimal', 'low', 'medium', 'high'], 'medium'],
    'gpt-5-pro': [['high'], 'high'],
    'gpt-5.1': [['none', 'low', 'medium', 'high'], 'none'],
    'gpt-5.2-pro': [['medium', 'high', 'xhigh'], null],
    'gpt-5.4-nano': [['none', 'low', 'medium', 'high', 'xhigh'], 'none'],
    'gpt-5.5': [['none', 'low', 'medium', 'high', 'xhigh'], 'medium'],
    'gpt-5.6-sol': [['none', 'low', 'medium', 'high', 'xhigh', 'max'], 'medium'],
    o3: [['low', 'medium', 'high'], 'medium'],
    'o4-mini-2025-04-16': [['low', 'medium', 'high'], 'medium'],
  };
  for (const [id, [values, def]] of Object.entries(expected)) {
    assert.deepEqual(entry(id).parameters.reasoningEffort, { values, default: def }, id);
  }
  // no source gives the full value set: none recorded (no finding about effort values)
  for (const id of ['gpt-5.2', 'gpt-5.4', 'gpt-5.4-mini', 'gpt-5.6-terra', 'gpt-5.6-luna', 'o3-pro']) assert.equal(entry(id).parameters.reasoningEffort, null, id);
});

test('endpoints: Responses-only models, gpt-audio-1.5 on chat completions, the video models', () => {
  for (const id of ['gpt-5.2-pro', 'gpt-5.2-pro-2025-12-11', 'gpt-5-pro', 'o3-pro', 'gpt-5.6-cyber', 'gpt-daybreak-blue-latest', 'gpt-5.1-codex', 'codex-mini-latest']) {
    assert.deepEqual(entry(id).endpoints, ['responses'], id);
  }
  assert.deepEqual(entry('gpt-audio-1.5').endpoints, ['chat.completions']);
  assert.deepEqual(entry('gpt-transcribe').endpoints, ['audio.transcriptions', 'realtime']);
  for (const id of ['sora-2', 'sora-2-pro', 'sora-2-2025-12-08']) assert.deepEqual(entry(id).endpoints, ['videos'], id);
});

test('image parameters the SDK documents', () => {
  for (const id of ['gpt-image-1', 'gpt-image-1-mini', 'gpt-image-1.5', 'gpt-image-2', 'gpt-image-2-2026-04-21']) {
    const rules = new Map(entry(id).parameters.unsupported.map((p) => [p.name, p]));
    assert.deepEqual(rules.get('response_format')?.endpoints, ['images.generate', 'images.edit'], id);
    assert.deepEqual(rules.get('style')?.endpoints, ['images.generate'], id);
    assert.deepEqual(rules.get('quality')?.allowedValues, ['low', 'medium', 'high', 'auto'], id);
    // gpt-image-2 takes arbitrary WIDTHxHEIGHT sizes
    assert.deepEqual(rules.get('size')?.allowedValues, id.startsWith('gpt-image-2') ? undefined : ['1024x1024', '1536x1024', '1024x1536', 'auto'], id);
    assert.equal(entry(id).limits.maxPromptChars, 32000, id);
  }
  const dalle3 = new Map(entry('dall-e-3').parameters.unsupported.map((p) => [p.name, p]));
  assert.deepEqual(dalle3.get('n')?.allowedValues, [1]);
  assert.deepEqual(dalle3.get('quality')?.allowedValues, ['standard', 'hd', 'auto']);
  assert.deepEqual(entry('dall-e-2').parameters.unsupported.map((p) => p.name), ['style']);
  assert.equal(entry('dall-e-3').limits.maxPromptChars, 4000, 'the seed value stays');
});

test('transcription, speech and embedding constraints the SDK documents', () => {
  for (const id of ['gpt-4o-transcribe', 'gpt-4o-mini-transcribe']) {
    const rules = new Map(entry(id).parameters.unsupported.map((p) => [p.name, p]));
    assert.deepEqual(rules.get('response_format'), { name: 'response_format', allowedValues: ['json'], endpoints: ['audio.transcriptions'] }, id);
    assert.ok(rules.has('timestamp_granularities'), id);
  }
  assert.deepEqual(
    entry('gpt-4o-transcribe-diarize').parameters.unsupported.map((p) => [p.name, p.allowedValues ?? null]),
    [['response_format', ['json', 'text', 'diarized_json']], ['prompt', null], ['include', null], ['timestamp_granularities', null]],
  );
  assert.deepEqual(entry('whisper-1').parameters.unsupported, []);
  for (const id of ['tts-1', 'tts-1-hd']) {
    assert.deepEqual(entry(id).parameters.unsupported.map((p) => [p.name, p.allowedValues ?? null, p.endpoints]), [['instructions', null, ['audio.speech']], ['stream_format', ['audio'], ['audio.speech']]], id);
  }
  assert.deepEqual(entry('gpt-4o-mini-tts').parameters.unsupported, []);
  for (const id of ['text-embedding-3-large', 'text-embedding-3-small', 'text-embedding-ada-002']) assert.equal(entry(id).limits.maxTokensPerRequest, 300000, id);
});

test('every fact added for issue 11 names a source a reader can open', () => {
  for (const m of catalog.models) {
    for (const [key, refs] of Object.entries(m.sources)) {
      for (const ref of refs) {
        if (!ref.url) continue;
        assert.match(ref.url, /^https:\/\/(github\.com\/[^/]+\/[^/]+\/blob\/[0-9a-f]{40}\/|developers\.openai\.com\/|www\.npmjs\.com\/)/, `${m.id} sources.${key}: ${ref.url}`);
      }
    }
    if (m.parameters.reasoningEffort) assert.ok(m.sources['parameters']?.length, `${m.id}: reasoningEffort without a source`);
    if (m.parameters.unsupported.length) assert.ok(m.sources['parameters']?.length, `${m.id}: parameter facts without a source`);
  }
});
