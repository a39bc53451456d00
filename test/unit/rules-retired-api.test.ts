/**
 * OAI108 retired-api and the endpoint's default model (SPEC §1, §2): calls under the SDK
 * resources of shut-down APIs through any method, wrappers and receivers, on the platform the
 * notice is about; a request parameter that uses a retired API; `images.generate` without
 * `model` checked as dall-e-2 on the callee. Real source through the engine with the fixture
 * catalog, exact spans and messages; the no-finding cases: before the notice, other vendors'
 * clients, receivers that are not SDK clients, a default another parameter overrides.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchApiPath } from '../../server/src/analysis/extract';
import { Catalog } from '../../server/src/catalog/catalog';
import { snippetTable } from '../helpers/ruleTable';

const PY = 'from openai import OpenAI\n\nclient = OpenAI()\n';
const TS = 'import OpenAI from "openai";\n\nconst client = new OpenAI();\n';
const SHUT = 'Assistants API was shut down on 2026-08-26 and requests to it fail; use the Responses API';
const AFTER = '2026-12-05';

snippetTable('OAI108', {
  valid: [
    { name: 'before the notice', lang: 'python', code: `${PY}client.beta.assistants.create(model="gpt-4o")\n`, asOf: '2025-01-01' },
    { name: 'the GA Realtime API and chat completions', lang: 'python', code: `${PY}client.realtime.client_secrets.create()\nclient.beta.chat.completions.parse(model="gpt-4o", messages=[])\n`, asOf: AFTER },
    {
      name: 'another vendor’s compatible client',
      lang: 'python',
      code: 'from openai import OpenAI\n\nlocal = OpenAI(base_url="http://localhost:8000/v1")\nlocal.beta.assistants.create(model="llama3")\n',
      asOf: AFTER,
    },
    {
      name: 'one-segment resources on receivers that are not visibly a client',
      lang: 'python',
      code: `${PY}class Report:\n    def add(self, clip, run):\n        self.videos.append(clip)\n        self.evals.update(run)\n`,
      asOf: AFTER,
    },
    { name: 'an array named videos in TypeScript', lang: 'typescript', code: `${TS}const videos = [1, 2];\nvideos.map((v) => v + 1);\n`, asOf: AFTER },
    { name: 'prompt=None sends no prompt object', lang: 'python', code: `${PY}client.responses.create(model="gpt-4o", prompt=None, input="Hi")\n`, asOf: AFTER },
    {
      name: 'a client from another module without a model argument is not taken',
      lang: 'python',
      code: 'from app.llm import client\n\nclient.beta.threads.create()\n',
      asOf: AFTER,
    },
  ],
  invalid: [
    {
      name: 'Assistants API after its shutdown: an error on the callee',
      lang: 'python',
      code: `${PY}assistant = client.beta.assistants.create(model="gpt-4o", name="Helper")\n`,
      asOf: AFTER,
      errors: [{ covers: 'client.beta.assistants.create', severity: 'error', message: SHUT, output: null }],
    },
    {
      name: 'before the shutdown: a warning with the date',
      lang: 'python',
      code: `${PY}client.beta.threads.runs.create(thread_id="t", assistant_id="a")\n`,
      asOf: '2026-01-01',
      errors: [{ covers: 'client.beta.threads.runs.create', severity: 'warning', message: 'Assistants API is deprecated and shuts down on 2026-08-26; move to the Responses API', output: null }],
    },
    {
      name: 'any method, a nested resource',
      lang: 'python',
      code: `${PY}page = client.beta.threads.messages.list("thread_abc")\n`,
      asOf: AFTER,
      errors: [{ covers: 'client.beta.threads.messages.list', message: SHUT, output: null }],
    },
    {
      name: 'the Realtime beta',
      lang: 'python',
      code: `${PY}session = client.beta.realtime.sessions.create(model="gpt-4o-realtime-preview")\n`,
      asOf: AFTER,
      errors: [{ covers: 'client.beta.realtime.sessions.create', message: 'Realtime API beta was shut down on 2026-05-12 and requests to it fail; use the GA Realtime API', output: null }],
    },
    {
      name: 'a client attribute, through a wrapper',
      lang: 'python',
      code: `from openai import OpenAI\n\nclass Bot:\n    def __init__(self):\n        self.client = OpenAI()\n\n    def ask(self):\n        return self.client.with_options(timeout=5).beta.threads.create()\n`,
      asOf: AFTER,
      errors: [{ covers: 'self.client.with_options(timeout=5).beta.threads.create', message: SHUT, output: null }],
    },
    {
      name: 'the module-level client',
      lang: 'python',
      code: 'import openai\n\nopenai.beta.assistants.list()\n',
      asOf: AFTER,
      errors: [{ covers: 'openai.beta.assistants.list', message: SHUT, output: null }],
    },
    {
      name: 'a one-segment resource on a visible client; a notice naming no replacement',
      lang: 'python',
      code: `${PY}video = client.videos.create(model="sora-2", prompt="a cat")\n`,
      asOf: AFTER,
      errors: [{ covers: 'client.videos.create', message: 'Videos API was shut down on 2026-09-24 and requests to it fail; no replacement is named: remove the call', output: null }],
    },
    {
      name: 'the Evals API',
      lang: 'python',
      code: `${PY}client.evals.runs.create("eval_1", name="nightly")\n`,
      asOf: AFTER,
      errors: [{ covers: 'client.evals.runs.create', message: 'Evals API was shut down on 2026-11-30 and requests to it fail; use Promptfoo', output: null }],
    },
    {
      name: 'a request parameter that uses a retired API: on the argument',
      lang: 'python',
      code: `${PY}client.responses.create(model="gpt-4o", prompt={"id": "pmpt_123"}, input="Hi")\n`,
      asOf: AFTER,
      errors: [{ covers: 'prompt={"id": "pmpt_123"}', message: "'prompt' uses the prompts API, which was shut down on 2026-11-30 and requests to it fail; use prompt text in your code", output: null }],
    },
    {
      name: 'an Azure client: Microsoft’s notice and replacement',
      lang: 'python',
      code: 'from openai import AzureOpenAI\n\nclient = AzureOpenAI(api_version="2024-05-01-preview")\nclient.beta.assistants.create(model="gpt-4o")\n',
      asOf: AFTER,
      errors: [{ covers: 'client.beta.assistants.create', message: 'Assistants API was shut down on 2026-08-26 and requests to it fail; use the Foundry Agent Service', output: null }],
    },
    {
      name: 'TypeScript: a helper method of a nested resource',
      lang: 'typescript',
      code: `${TS}const run = await client.beta.threads.runs.createAndPoll("thread_abc", { assistant_id: "asst_1" });\n`,
      asOf: AFTER,
      errors: [{ covers: 'client.beta.threads.runs.createAndPoll', message: SHUT, output: null }],
    },
  ],
});

snippetTable('OAI102', {
  valid: [
    { name: 'a parameter only the GPT image models take picks another default', lang: 'python', code: `${PY}client.images.generate(prompt="a cat", output_format="png")\n`, asOf: AFTER },
    { name: 'arguments the engine cannot see', lang: 'python', code: `${PY}client.images.generate(prompt="a cat", **options)\n`, asOf: AFTER },
    { name: 'a request object the engine cannot see', lang: 'typescript', code: `${TS}await client.images.generate(request);\n`, asOf: AFTER },
    { name: 'Azure: the model is a deployment, never defaulted', lang: 'python', code: 'from openai import AzureOpenAI\n\nclient = AzureOpenAI(api_version="2024-10-21")\nclient.images.generate(prompt="a cat")\n', asOf: AFTER },
    { name: 'an endpoint without a default in the catalog', lang: 'python', code: `${PY}client.images.edit(image=img, prompt="a cat")\n`, asOf: AFTER },
  ],
  invalid: [
    {
      name: 'images.generate without model: the SDK default dall-e-2, on the callee',
      lang: 'python',
      code: `${PY}image = client.images.generate(prompt="a cat")\n`,
      asOf: '2026-06-01',
      errors: [{ covers: 'client.images.generate', message: 'dall-e-2 (the SDK\'s default model: the call passes none) was retired on 2026-05-12: requests to it fail; pass model="gpt-image-1"', output: null }],
    },
    {
      name: 'TypeScript spells the argument its way',
      lang: 'typescript',
      code: `${TS}const image = await client.images.generate({ prompt: "a cat" });\n`,
      asOf: '2026-06-01',
      errors: [{ covers: 'client.images.generate', message: 'dall-e-2 (the SDK\'s default model: the call passes none) was retired on 2026-05-12: requests to it fail; pass model: "gpt-image-1"', output: null }],
    },
  ],
});

snippetTable('OAI103', {
  valid: [],
  invalid: [
    {
      name: 'the default model while deprecated',
      lang: 'python',
      code: `${PY}client.images.generate(prompt="a cat")\n`,
      asOf: '2026-01-01',
      errors: [{ covers: 'client.images.generate', severity: 'warning', message: 'dall-e-2 (the SDK\'s default model: the call passes none) is deprecated: it shuts down on 2026-05-12; pass model="gpt-image-1"', output: null }],
    },
  ],
});

snippetTable('OAI303', {
  valid: [],
  invalid: [
    {
      name: 'the default model’s limits apply',
      lang: 'python',
      code: `${PY}client.images.generate(prompt="${'x'.repeat(1200)}")\n`,
      errors: [{ covers: `prompt="${'x'.repeat(1200)}"`, message: "the prompt is 1,200 characters; dall-e-2 (the SDK's default model: the call passes none) accepts at most 1,000: shorten it", output: null }],
    },
  ],
});

test('every built-in retiredApis method prefix is a resource extraction reads (a prefix it does not read would never match)', () => {
  const apis = Catalog.builtIn().retiredApis();
  assert.ok(apis.length >= 6, 'the built-in catalog lists the retired APIs');
  for (const api of apis) {
    for (const prefix of api.methodPrefixes) {
      const segments = prefix.split('.');
      // the prefix with a method after it (`beta.assistants` + `create`), or a prefix that is a whole method path
      const matched = matchApiPath(['client', ...segments, 'create']) ?? matchApiPath(['client', ...segments]);
      assert.ok(matched, `${api.name}: ${prefix}`);
      assert.ok(matched.path.segments.join('.').startsWith(prefix), `${api.name}: ${prefix} → ${matched.path.segments.join('.')}`);
      assert.deepEqual(matched.rest, ['client']);
    }
  }
});

test('the built-in retired APIs carry their dates and sources, and say what replaces them where the notice names something', () => {
  const byName = new Map(Catalog.builtIn().retiredApis().map((a) => [`${a.name}|${a.platforms.join()}`, a]));
  const assistants = byName.get('Assistants API|openai')!;
  assert.deepEqual([assistants.methodPrefixes, assistants.shutdownDate, assistants.replacement], [['beta.assistants', 'beta.threads'], '2026-08-26', 'the Responses API and the Conversations API']);
  const azure = byName.get('Assistants API|azure')!;
  assert.deepEqual([azure.shutdownDate, azure.replacement], ['2026-08-26', 'the Microsoft Foundry Agent Service']);
  assert.equal(byName.get('Realtime API beta|openai')!.shutdownDate, '2026-05-12');
  // Microsoft deprecates the preview protocol without a retirement date: a warning only
  assert.deepEqual([byName.get('Realtime API beta|azure')!.deprecationDate, byName.get('Realtime API beta|azure')!.shutdownDate], ['2026-04-30', null]);
  assert.equal(byName.get('Videos API|openai')!.replacement, null);
  for (const api of byName.values()) assert.ok(api.sources.every((s) => s.url?.startsWith('https://')), `${api.name}: every source has a public URL`);
});
