/**
 * OAI201 / OAI202 over the catalog's parameter facts (issue 11): value sets of strings, the
 * conditional rule (sampling parameters only while the reasoning effort is `none`), facts
 * scoped to endpoints, the reasoning-effort values a model offers and their nearest
 * replacement, a model that takes no effort at all; OAI202 as an error only where the entry
 * records the rename. Real source through the engine, fixture catalog
 * (test/fixtures/rules/catalog.json), exact spans, messages and fix output.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EFFORT_SCALE, nearestEffort } from '../../server/src/rules/parameterFacts';
import { snippetTable } from '../helpers/ruleTable';

const PY = 'from openai import OpenAI\n\nclient = OpenAI()\n';
const TS = 'import OpenAI from "openai";\n\nconst client = new OpenAI();\n';
const chat = (model: string, args: string) => `${PY}client.chat.completions.create(model="${model}", ${args}messages=[{"role": "user", "content": "Hi"}])\n`;
const responses = (model: string, args: string) => `${PY}client.responses.create(model="${model}", ${args}input="Hi")\n`;

test('nearest effort: on the scale none < minimal < low < medium < high < xhigh, ties to the higher, off-scale → none', () => {
  assert.deepEqual(EFFORT_SCALE, ['none', 'minimal', 'low', 'medium', 'high', 'xhigh']);
  assert.equal(nearestEffort('minimal', ['none', 'low', 'medium', 'high']), 'low');
  assert.equal(nearestEffort('none', ['minimal', 'low', 'medium', 'high']), 'minimal');
  assert.equal(nearestEffort('xhigh', ['low', 'medium', 'high']), 'high');
  assert.equal(nearestEffort('medium', ['high']), 'high');
  assert.equal(nearestEffort('low', ['none', 'high']), 'high');
  assert.equal(nearestEffort('low', ['none', 'xhigh']), 'none');
  assert.equal(nearestEffort('max', ['low', 'high']), null);
  assert.equal(nearestEffort('low', ['fast', 'slow']), null);
});

snippetTable('OAI201', {
  valid: [
    { name: 'temperature on gpt-5.1 with its default effort none', lang: 'python', code: chat('gpt-5.1', 'temperature=0.7, ') },
    { name: 'temperature with reasoning_effort "none" given', lang: 'python', code: chat('gpt-5.1', 'reasoning_effort="none", temperature=0.7, ') },
    { name: 'temperature 1 under any effort (the allowed value)', lang: 'python', code: chat('gpt-5.1', 'reasoning_effort="high", temperature=1, ') },
    { name: 'effort the engine cannot see', lang: 'python', code: `EFFORT = get_effort()\n${chat('gpt-5.1', 'reasoning_effort=EFFORT, temperature=0.7, ')}` },
    { name: 'no default effort known', lang: 'python', code: chat('reasoner-no-default', 'top_p=0.5, ') },
    { name: 'arguments the engine cannot see may set the effort', lang: 'python', code: chat('gpt-5.1', 'top_p=0.5, **options, ') },
    { name: 'Responses reasoning effort none', lang: 'python', code: responses('gpt-5.1', 'reasoning={"effort": "none"}, top_p=0.9, ') },
    { name: 'Responses reasoning the engine cannot see', lang: 'python', code: `${responses('gpt-5.1', 'reasoning=settings.reasoning, top_p=0.9, ')}` },
    { name: 'an offered effort', lang: 'python', code: chat('gpt-5-mini', 'reasoning_effort="minimal", ') },
    { name: 'an effort value the engine cannot see', lang: 'python', code: chat('gpt-5-mini', 'reasoning_effort=level, ') },
    { name: 'reasoning_effort=None is not given', lang: 'python', code: chat('gpt-5.1-chat-latest', 'reasoning_effort=None, ') },
    { name: 'a GPT image quality', lang: 'python', code: `${PY}client.images.generate(model="gpt-image-1", prompt="a cat", quality="high")\n` },
    { name: 'a quality the engine cannot see', lang: 'python', code: `${PY}client.images.generate(model="gpt-image-1", prompt="a cat", quality=q)\n` },
    { name: 'a fact scoped to another endpoint (style on images.edit)', lang: 'python', code: `${PY}client.images.edit(model="gpt-image-1", image=img, prompt="a cat", style="vivid")\n` },
    { name: 'json on gpt-4o-transcribe', lang: 'python', code: `${PY}client.audio.transcriptions.create(model="gpt-4o-transcribe", file=f, response_format="json")\n` },
    {
      name: 'another vendor’s compatible client',
      lang: 'python',
      code: 'from openai import OpenAI\n\nclient = OpenAI(base_url="http://localhost:11434/v1")\nclient.chat.completions.create(model="gpt-5.1", reasoning_effort="high", temperature=0.7, messages=[])\n',
    },
  ],
  invalid: [
    {
      name: 'temperature on gpt-5.1 with reasoning_effort "high"',
      lang: 'python',
      code: chat('gpt-5.1', 'reasoning_effort="high", temperature=0.7, '),
      errors: [
        {
          covers: 'temperature=0.7',
          message: "'temperature' is supported by gpt-5.1 only with reasoning_effort 'none' (this request uses 'high'); remove it or set reasoning_effort to 'none'",
          severity: 'error',
          output: chat('gpt-5.1', 'reasoning_effort="high", '),
          safe: true,
        },
      ],
    },
    {
      name: 'top_p on the Responses API with reasoning.effort "low"',
      lang: 'python',
      code: responses('gpt-5.1', 'reasoning={"effort": "low"}, top_p=0.9, '),
      errors: [
        {
          covers: 'top_p=0.9',
          message: "'top_p' is supported by gpt-5.1 only with reasoning.effort 'none' (this request uses 'low'); remove it or set reasoning.effort to 'none'",
          output: responses('gpt-5.1', 'reasoning={"effort": "low"}, '),
        },
      ],
    },
    {
      name: 'TypeScript: temperature with reasoning_effort "medium"',
      lang: 'typescript',
      code: `${TS}await client.chat.completions.create({ model: "gpt-5.1", temperature: 0.2, reasoning_effort: "medium", messages: [] });\n`,
      errors: [
        {
          covers: 'temperature: 0.2',
          message: "'temperature' is supported by gpt-5.1 only with reasoning_effort 'none' (this request uses 'medium'); remove it or set reasoning_effort to 'none'",
          output: `${TS}await client.chat.completions.create({ model: "gpt-5.1", reasoning_effort: "medium", messages: [] });\n`,
        },
      ],
    },
    {
      name: 'temperature on gpt-5-mini (only 1, whatever the effort)',
      lang: 'python',
      code: chat('gpt-5-mini', 'temperature=0.5, '),
      errors: [{ covers: 'temperature=0.5', message: "'temperature' is not supported by gpt-5-mini (reasoning models accept only the default 1); remove it", output: chat('gpt-5-mini', '') }],
    },
    {
      name: 'a key of a spread literal',
      lang: 'python',
      code: `${PY}params = {"top_p": 0.5}\nclient.chat.completions.create(model="gpt-5-mini", messages=[], **params)\n`,
      errors: [{ covers: '"top_p"', message: "'top_p' is not supported by gpt-5-mini; remove it", output: `${PY}params = {}\nclient.chat.completions.create(model="gpt-5-mini", messages=[], **params)\n` }],
    },
    {
      name: 'an effort gpt-5-mini does not offer: the nearest one',
      lang: 'python',
      code: chat('gpt-5-mini', 'reasoning_effort="none", '),
      errors: [
        {
          covers: '"none"',
          message: "reasoning_effort 'none' is not offered by gpt-5-mini (it offers 'minimal', 'low', 'medium' and 'high'); use 'minimal'",
          output: chat('gpt-5-mini', 'reasoning_effort="minimal", '),
          safe: false,
        },
      ],
    },
    {
      name: 'minimal on gpt-5.1: between none and low the higher',
      lang: 'python',
      code: chat('gpt-5.1', 'reasoning_effort="minimal", '),
      errors: [{ covers: '"minimal"', message: "reasoning_effort 'minimal' is not offered by gpt-5.1 (it offers 'none', 'low', 'medium' and 'high'); use 'low'", output: chat('gpt-5.1', 'reasoning_effort="low", ') }],
    },
    {
      name: 'an effort from a constant: reported in the call, fixed where it is defined',
      lang: 'python',
      code: `EFFORT = "minimal"\n${chat('gpt-5.1', 'reasoning_effort=EFFORT, ')}`,
      errors: [{ covers: 'EFFORT', nth: 1, message: "reasoning_effort 'minimal' is not offered by gpt-5.1 (it offers 'none', 'low', 'medium' and 'high'); use 'low'", output: `EFFORT = "low"\n${chat('gpt-5.1', 'reasoning_effort=EFFORT, ')}` }],
    },
    {
      name: 'Responses reasoning.effort on gpt-5-pro (high only)',
      lang: 'python',
      code: responses('gpt-5-pro', 'reasoning={"effort": "medium"}, '),
      errors: [{ covers: '"medium"', message: "reasoning.effort 'medium' is not offered by gpt-5-pro (it offers 'high'); use 'high'", output: responses('gpt-5-pro', 'reasoning={"effort": "high"}, ') }],
    },
    {
      name: 'an effort off the scale: no nearest, no fix',
      lang: 'python',
      code: chat('gpt-5-mini', 'reasoning_effort="max", '),
      errors: [{ covers: '"max"', message: "reasoning_effort 'max' is not offered by gpt-5-mini (it offers 'minimal', 'low', 'medium' and 'high'); use one of those", output: null }],
    },
    {
      name: 'a model that takes no effort: the parameter',
      lang: 'python',
      code: chat('gpt-5.1-chat-latest', 'reasoning_effort="low", '),
      errors: [{ covers: 'reasoning_effort="low"', message: "'reasoning_effort' is not supported by gpt-5.1-chat-latest; remove it", output: chat('gpt-5.1-chat-latest', ''), safe: true }],
    },
    {
      name: 'a model that takes no effort: the Responses reasoning argument',
      lang: 'python',
      code: responses('gpt-5.1-chat-latest', 'reasoning={"effort": "low"}, '),
      errors: [{ covers: 'reasoning={"effort": "low"}', message: "'reasoning.effort' is not supported by gpt-5.1-chat-latest; remove it", output: responses('gpt-5.1-chat-latest', '') }],
    },
    {
      name: 'a model that takes no effort: only the effort key when reasoning has others',
      lang: 'python',
      code: responses('gpt-5.1-chat-latest', 'reasoning={"effort": "low", "summary": "auto"}, '),
      errors: [{ covers: '"effort": "low"', message: "'reasoning.effort' is not supported by gpt-5.1-chat-latest; remove it", output: responses('gpt-5.1-chat-latest', 'reasoning={"summary": "auto"}, ') }],
    },
    {
      name: 'a string value outside the set (image quality)',
      lang: 'python',
      code: `${PY}client.images.generate(model="gpt-image-1", prompt="a cat", quality="hd")\n`,
      errors: [{ covers: 'quality="hd"', message: "'quality' is not supported by gpt-image-1 (it accepts only 'low', 'medium', 'high', 'auto'); remove it", output: `${PY}client.images.generate(model="gpt-image-1", prompt="a cat")\n` }],
    },
    {
      name: 'an image size outside the set, in TypeScript',
      lang: 'typescript',
      code: `${TS}await client.images.generate({ model: "gpt-image-1", prompt: "a cat", size: "256x256" });\n`,
      errors: [{ covers: 'size: "256x256"', message: "'size' is not supported by gpt-image-1 (it accepts only '1024x1024', '1536x1024', '1024x1536', 'auto'); remove it", output: `${TS}await client.images.generate({ model: "gpt-image-1", prompt: "a cat" });\n` }],
    },
    {
      name: 'a rejected parameter with the catalog’s note',
      lang: 'python',
      code: `${PY}client.images.generate(model="gpt-image-1", prompt="a cat", response_format="url")\n`,
      errors: [{ covers: 'response_format="url"', message: "'response_format' is not supported by gpt-image-1 (GPT image models always return base64); remove it", output: `${PY}client.images.generate(model="gpt-image-1", prompt="a cat")\n` }],
    },
    {
      name: 'a fact scoped to its endpoint (style on images.generate)',
      lang: 'python',
      code: `${PY}client.images.generate(model="gpt-image-1", prompt="a cat", style="vivid")\n`,
      errors: [{ covers: 'style="vivid"', message: "'style' is not supported by gpt-image-1; remove it", output: `${PY}client.images.generate(model="gpt-image-1", prompt="a cat")\n` }],
    },
    {
      name: 'transcription response_format',
      lang: 'python',
      code: `${PY}client.audio.transcriptions.create(model="gpt-4o-transcribe", file=f, response_format="srt")\n`,
      errors: [{ covers: 'response_format="srt"', message: "'response_format' is not supported by gpt-4o-transcribe (it accepts only 'json'); remove it", output: `${PY}client.audio.transcriptions.create(model="gpt-4o-transcribe", file=f)\n` }],
    },
  ],
});

snippetTable('OAI202', {
  valid: [{ name: 'max_completion_tokens on gpt-5-mini', lang: 'python', code: chat('gpt-5-mini', 'max_completion_tokens=100, ') }],
  invalid: [
    {
      name: 'the entry records the rename: an error',
      lang: 'python',
      code: chat('gpt-5-mini', 'max_tokens=100, '),
      errors: [{ covers: 'max_tokens=100', severity: 'error', message: "'max_tokens' is not supported by gpt-5-mini; use 'max_completion_tokens'", output: chat('gpt-5-mini', 'max_completion_tokens=100, '), safe: true }],
    },
    {
      name: 'a reasoning model whose entry records no rename: the hint, not an error',
      lang: 'python',
      code: chat('reasoner-no-default', 'max_tokens=100, '),
      errors: [{ covers: 'max_tokens=100', severity: 'hint', message: "'max_tokens' is deprecated in favour of 'max_completion_tokens'", output: chat('reasoner-no-default', 'max_completion_tokens=100, ') }],
    },
  ],
});
