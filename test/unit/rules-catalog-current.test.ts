/**
 * The rules on the built-in catalog's facts as of December 2026 (issue 11): one table per rule
 * with the facts of each current family — exact spans, messages and fix output — and, below,
 * a generated check that every sampling-parameter fact of a chat or Responses model is read
 * by OAI201 (reported where it is unconditional, only off its reasoning effort where it is
 * conditional). The rules' own logic is tested on the fixture catalog (rules-param-facts,
 * rules-retired-api, rules-api-versions, rules-limit-facts); these tables pin the data.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Catalog } from '../../server/src/catalog/catalog';
import type { ModelEntry } from '../../server/src/catalog/schema';
import { Settings } from '../../server/src/config/schema';
import { analyzeText, createContext } from '../../server/src/engine';
import { snippetTable } from '../helpers/ruleTable';

const builtIn = Catalog.builtIn();
const PY = 'from openai import OpenAI\n\nclient = OpenAI()\n';
const AZ = 'from openai import AzureOpenAI\n\nclient = AzureOpenAI(api_version="2025-04-01-preview", azure_endpoint="https://x.openai.azure.com")\n';
const TODAY = '2026-12-05';
const chat = (model: string, extra: string) => `${PY}client.chat.completions.create(model="${model}", ${extra}messages=[{"role": "user", "content": "Hi"}])\n`;

snippetTable(
  'OAI201',
  {
    valid: [
      { name: 'gpt-5.1 with temperature at its default effort none', lang: 'python', code: chat('gpt-5.1', 'temperature=0.3, '), asOf: TODAY },
      { name: 'gpt-5.1 with temperature and effort none', lang: 'python', code: chat('gpt-5.1', 'reasoning_effort="none", temperature=0.3, '), asOf: TODAY },
      { name: 'gpt-5-mini with temperature 1', lang: 'python', code: chat('gpt-5-mini', 'temperature=1, '), asOf: TODAY },
      { name: 'o3 with effort high', lang: 'python', code: chat('o3', 'reasoning_effort="high", '), asOf: TODAY },
      { name: 'gpt-4.1 takes the sampling parameters', lang: 'python', code: chat('gpt-4.1', 'temperature=0.2, top_p=0.9, '), asOf: TODAY },
      { name: 'gpt-image-2 with quality high', lang: 'python', code: `${PY}client.images.generate(model="gpt-image-2", prompt="a fox", quality="high")\n`, asOf: TODAY },
      { name: 'dall-e-3 with style (only dall-e-3 takes it)', lang: 'python', code: `${PY}client.images.generate(model="dall-e-3", prompt="a fox", style="vivid")\n`, asOf: '2025-01-01' },
      { name: 'gpt-4o-transcribe with json', lang: 'python', code: `${PY}client.audio.transcriptions.create(model="gpt-4o-transcribe", file=f, response_format="json")\n`, asOf: TODAY },
      { name: 'gpt-4o-mini-tts with instructions', lang: 'python', code: `${PY}client.audio.speech.create(model="gpt-4o-mini-tts", voice="alloy", input="Hi", instructions="calm")\n`, asOf: TODAY },
    ],
    invalid: [
      {
        name: 'gpt-5-mini rejects temperature other than 1',
        lang: 'python',
        code: chat('gpt-5-mini', 'temperature=0.5, '),
        asOf: TODAY,
        errors: [{ covers: 'temperature=0.5', message: "'temperature' is not supported by gpt-5-mini (reasoning models accept only the default 1); remove it", output: chat('gpt-5-mini', ''), safe: true }],
      },
      {
        name: 'gpt-5.1: temperature only with effort none',
        lang: 'python',
        code: chat('gpt-5.1', 'reasoning_effort="low", temperature=0.3, '),
        asOf: TODAY,
        errors: [
          {
            covers: 'temperature=0.3',
            message: "'temperature' is supported by gpt-5.1 only with reasoning_effort 'none' (this request uses 'low'); remove it or set reasoning_effort to 'none'",
            output: chat('gpt-5.1', 'reasoning_effort="low", '),
          },
        ],
      },
      {
        name: 'o3 offers no minimal effort',
        lang: 'python',
        code: chat('o3', 'reasoning_effort="minimal", '),
        asOf: TODAY,
        errors: [{ covers: '"minimal"', message: "reasoning_effort 'minimal' is not offered by o3 (it offers 'low', 'medium' and 'high'); use 'low'", output: chat('o3', 'reasoning_effort="low", '), safe: false }],
      },
      {
        name: 'gpt-5 offers no effort none (before gpt-5.1)',
        lang: 'python',
        code: chat('gpt-5', 'reasoning_effort="none", '),
        asOf: '2026-06-01',
        errors: [{ covers: '"none"', message: "reasoning_effort 'none' is not offered by gpt-5 (it offers 'minimal', 'low', 'medium' and 'high'); use 'minimal'", output: chat('gpt-5', 'reasoning_effort="minimal", '), safe: false }],
      },
      {
        name: 'gpt-image-2: no response_format, no style, quality from its own set',
        lang: 'python',
        code: `${PY}client.images.generate(model="gpt-image-2", prompt="a fox", response_format="url", style="vivid", quality="hd")\n`,
        asOf: TODAY,
        errors: [
          { covers: 'response_format="url"', message: "'response_format' is not supported by gpt-image-2 (GPT image models always return base64-encoded images); remove it", output: `${PY}client.images.generate(model="gpt-image-2", prompt="a fox", style="vivid", quality="hd")\n` },
          { covers: 'style="vivid"', message: "'style' is not supported by gpt-image-2 (only dall-e-3 takes style); remove it", output: `${PY}client.images.generate(model="gpt-image-2", prompt="a fox", response_format="url", quality="hd")\n` },
          { covers: 'quality="hd"', message: "'quality' is not supported by gpt-image-2 (it accepts only 'low', 'medium', 'high', 'auto'); remove it", output: `${PY}client.images.generate(model="gpt-image-2", prompt="a fox", response_format="url", style="vivid")\n` },
        ],
      },
      {
        name: 'tts-1 takes no instructions',
        lang: 'python',
        code: `${PY}client.audio.speech.create(model="tts-1", voice="alloy", input="Hi", instructions="calm")\n`,
        asOf: TODAY,
        errors: [
          {
            covers: 'instructions="calm"',
            message: "'instructions' is not supported by tts-1 (instructions do not work with tts-1 or tts-1-hd); remove it",
            output: `${PY}client.audio.speech.create(model="tts-1", voice="alloy", input="Hi")\n`,
          },
        ],
      },
    ],
  },
  builtIn,
);

snippetTable(
  'OAI202',
  {
    valid: [{ name: 'gpt-5-mini with max_completion_tokens', lang: 'python', code: chat('gpt-5-mini', 'max_completion_tokens=100, '), asOf: TODAY }],
    invalid: [
      {
        name: 'gpt-5-mini rejects max_tokens: an error',
        lang: 'python',
        code: chat('gpt-5-mini', 'max_tokens=100, '),
        asOf: TODAY,
        errors: [{ covers: 'max_tokens=100', severity: 'error', message: "'max_tokens' is not supported by gpt-5-mini; use 'max_completion_tokens'", output: chat('gpt-5-mini', 'max_completion_tokens=100, '), safe: true }],
      },
      {
        name: 'gpt-4.1 still takes max_tokens: a hint',
        lang: 'python',
        code: chat('gpt-4.1', 'max_tokens=100, '),
        asOf: TODAY,
        errors: [{ covers: 'max_tokens=100', severity: 'hint', message: "'max_tokens' is deprecated in favour of 'max_completion_tokens'", output: chat('gpt-4.1', 'max_completion_tokens=100, '), safe: true }],
      },
    ],
  },
  builtIn,
);

snippetTable(
  'OAI301',
  {
    valid: [{ name: 'gpt-4.1 at its maximum output', lang: 'python', code: chat('gpt-4.1', 'max_completion_tokens=32768, '), asOf: TODAY }],
    invalid: [
      {
        name: 'gpt-4.1 writes at most 32,768 tokens',
        lang: 'python',
        code: chat('gpt-4.1', 'max_completion_tokens=40000, '),
        asOf: TODAY,
        errors: [{ covers: 'max_completion_tokens=40000', message: 'max_completion_tokens=40000 is above the maximum output of gpt-4.1 (32,768 tokens); use at most 32768', output: chat('gpt-4.1', 'max_completion_tokens=32768, '), safe: false }],
      },
    ],
  },
  builtIn,
);

snippetTable(
  'OAI104',
  {
    valid: [
      { name: 'gpt-audio-1.5 on chat completions', lang: 'python', code: chat('gpt-audio-1.5', ''), asOf: TODAY },
      { name: 'gpt-5.2-pro on the Responses API', lang: 'python', code: `${PY}client.responses.create(model="gpt-5.2-pro", input="Hi")\n`, asOf: TODAY },
    ],
    invalid: [
      {
        name: 'gpt-5.2-pro is served by the Responses API only',
        lang: 'python',
        code: chat('gpt-5.2-pro', ''),
        asOf: TODAY,
        errors: [{ covers: '"gpt-5.2-pro"', message: 'gpt-5.2-pro is not served by chat.completions (it serves responses); call it with responses.create or use a chat model', output: null }],
      },
    ],
  },
  builtIn,
);

snippetTable(
  'OAI103',
  {
    valid: [
      { name: 'gpt-5.5 is current', lang: 'python', code: chat('gpt-5.5', ''), asOf: TODAY },
      { name: 'an Azure gpt-5 deployment before its notice period', lang: 'python', code: `${AZ}client.chat.completions.create(model="gpt-5", messages=[])\n`, asOf: TODAY },
    ],
    invalid: [
      {
        name: 'whisper-1 shuts down on 2027-02-26',
        lang: 'python',
        code: `${PY}client.audio.transcriptions.create(model="whisper-1", file=f)\n`,
        asOf: TODAY,
        errors: [{ covers: '"whisper-1"', severity: 'warning', message: "whisper-1 is deprecated: it shuts down on 2027-02-26; move to 'gpt-transcribe'", output: `${PY}client.audio.transcriptions.create(model="gpt-transcribe", file=f)\n`, safe: false }],
      },
      {
        name: 'an Azure gpt-5 deployment inside Microsoft’s 60 days’ notice keeps Azure’s date',
        lang: 'python',
        code: `${AZ}client.chat.completions.create(model="gpt-5", messages=[])\n`,
        asOf: '2026-12-20',
        errors: [{ covers: '"gpt-5"', severity: 'warning', message: "gpt-5-2025-08-07 (deployment 'gpt-5') is deprecated: it shuts down on 2027-02-09", output: null }],
      },
    ],
  },
  builtIn,
);

snippetTable(
  'OAI102',
  {
    valid: [{ name: 'gpt-5-mini before OpenAI shuts it down', lang: 'python', code: chat('gpt-5-mini', ''), asOf: '2026-12-10' }],
    invalid: [
      {
        name: 'gpt-5-mini from 2026-12-11: the replacement is alive',
        lang: 'python',
        code: chat('gpt-5-mini', ''),
        asOf: '2026-12-11',
        errors: [{ covers: '"gpt-5-mini"', message: "gpt-5-mini was retired on 2026-12-11: requests to it fail; use 'gpt-5.6-terra' instead", output: chat('gpt-5.6-terra', ''), safe: false }],
      },
      {
        name: 'dall-e-3: replaced by a live image model (gpt-image-1 is retired too)',
        lang: 'python',
        code: `${PY}client.images.generate(model="dall-e-3", prompt="a fox")\n`,
        asOf: TODAY,
        errors: [{ covers: '"dall-e-3"', message: "dall-e-3 was retired on 2026-05-12: requests to it fail; use 'gpt-image-2' instead", output: `${PY}client.images.generate(model="gpt-image-2", prompt="a fox")\n` }],
      },
    ],
  },
  builtIn,
);

snippetTable(
  'OAI101',
  {
    valid: [
      { name: 'gpt-5.4 is a current model', lang: 'python', code: `${PY}client.responses.create(model="gpt-5.4", input="Hi")\n`, asOf: TODAY },
      { name: 'gpt-image-2 is a current model', lang: 'python', code: `${PY}client.images.generate(model="gpt-image-2", prompt="a fox")\n`, asOf: TODAY },
    ],
    invalid: [],
  },
  builtIn,
);

// ------------------------------------------------------------- every sampling-parameter fact

const SAMPLING: Record<string, string> = {
  temperature: '0.5',
  top_p: '0.5',
  presence_penalty: '0.5',
  frequency_penalty: '0.5',
  logprobs: 'True',
  top_logprobs: '2',
  logit_bias: '{"50256": -100}',
  parallel_tool_calls: 'True',
};

/** Chat and Responses models with a sampling-parameter fact, and the facts. */
function samplingFacts(): { entry: ModelEntry; name: string; conditional: boolean }[] {
  const out: { entry: ModelEntry; name: string; conditional: boolean }[] = [];
  for (const entry of builtIn.all()) {
    if (!entry.endpoints.includes('chat.completions') && !entry.endpoints.includes('responses')) continue;
    const names = new Set(entry.parameters.unsupported.filter((p) => Object.hasOwn(SAMPLING, p.name) && !p.endpoints).map((p) => p.name));
    for (const name of names) {
      const facts = entry.parameters.unsupported.filter((p) => p.name === name);
      out.push({ entry, name, conditional: facts.some((f) => f.acceptedOnlyWhen) });
    }
  }
  return out;
}

test('every chat / Responses sampling-parameter fact of the built-in catalog is read by OAI201', async () => {
  const facts = samplingFacts();
  assert.ok(facts.length > 100, `${facts.length} facts`);
  const ctx = createContext(Settings.parse({}), { catalog: builtIn, asOf: builtIn.asOf, tokens: 'sync' }).ctx;
  const problems: string[] = [];
  for (const { entry, name, conditional } of facts) {
    const onChat = entry.endpoints.includes('chat.completions');
    const efforts = entry.parameters.reasoningEffort?.values ?? [];
    // a conditional fact bites off the accepted effort: an offered one that is not 'none'
    // (the request's effort decides; 'high' where no source lists the model's values)
    const effort = conditional ? (efforts.find((e) => e !== 'none') ?? 'high') : undefined;
    const arg = `${name}=${SAMPLING[name]}`;
    const effortArg = effort ? (onChat ? `reasoning_effort="${effort}", ` : `reasoning={"effort": "${effort}"}, `) : '';
    const code = onChat
      ? `${PY}client.chat.completions.create(model="${entry.id}", ${effortArg}${arg}, messages=[{"role": "user", "content": "Hi"}])\n`
      : `${PY}client.responses.create(model="${entry.id}", ${effortArg}${arg}, input="Hi")\n`;
    const found = (await analyzeText(code, 'python', ctx)).findings.filter((f) => f.code === 'OAI201' && code.slice(f.span.start, f.span.end) === arg);
    if (found.length !== 1 || !found[0]!.message.startsWith(`'${name}' is `) || !found[0]!.message.includes(entry.id)) {
      problems.push(`${entry.id} ${name}${effort ? ` (effort ${effort})` : ''}: ${JSON.stringify(found.map((f) => f.message))}`);
    }
    if (conditional) {
      // and accepted with effort none
      const none = onChat ? 'reasoning_effort="none", ' : 'reasoning={"effort": "none"}, ';
      const ok = code.replace(effortArg, none);
      const again = (await analyzeText(ok, 'python', ctx)).findings.filter((f) => f.code === 'OAI201');
      if (again.length) problems.push(`${entry.id} ${name} with effort none: ${JSON.stringify(again.map((f) => f.message))}`);
    }
  }
  assert.deepEqual(problems, []);
});
