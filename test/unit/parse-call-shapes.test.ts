/**
 * The call shapes of analysis/callShapes.ts (issue 12): SDK helper methods (`runTools`, pre-1.0
 * `acreate`), wrappers that return the client they are given (instructor, LangSmith, Langfuse),
 * rebinding `client = wrap(client)`, another provider (`provider=bedrock(...)`), and Azure
 * clients built for one deployment. Exact spans, client kinds, and the shapes that must not be
 * taken for them.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LanguageName } from '../../server/src/parse/parser';
import { at, calls, one, plain } from '../helpers/extract';

describe('helper methods', () => {
  test('JS runTools, now and under beta (openai-node v4): chat completions requests', async () => {
    const text = "import OpenAI from 'openai';\nconst client = new OpenAI();\nclient.chat.completions.runTools({ model: 'gpt-4', messages: [], tools: [] });\nclient.beta.chat.completions.runTools({ model: 'gpt-4o', messages: [], tools });\n";
    const found = await calls(text, 'typescript');
    assert.deepEqual(
      found.map((c) => [c.method, c.endpoint, c.helper, c.client.kind, at(text, c.calleeSpan), plain(c.model?.value)]),
      [
        ['chat.completions.runTools', 'chat.completions', null, 'openai', 'client.chat.completions.runTools', 'gpt-4'],
        ['beta.chat.completions.runTools', 'chat.completions', null, 'openai', 'client.beta.chat.completions.runTools', 'gpt-4o'],
      ],
    );
    assert.deepEqual(found[0]!.args.map((a) => a.name), ['model', 'messages', 'tools']);
  });

  test('runTools is openai-node only: a Python method of that name is no call', async () => {
    assert.deepEqual(await calls('from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.runTools(model="gpt-4")\n', 'python'), []);
  });

  test('pre-1.0 acreate on the openai module, checked like create; on anything else nothing', async () => {
    const text = 'import openai\nasync def f():\n    await openai.ChatCompletion.acreate(model="gpt-4", messages=[])\n    await openai.Completion.acreate(engine="text-davinci-003", prompt="x")\n    await openai.Embedding.acreate(model="text-embedding-ada-002", input="x")\n';
    const found = await calls(text, 'python');
    assert.deepEqual(
      found.map((c) => [c.method, c.endpoint, c.client.legacySdk, at(text, c.model?.span)]),
      [
        ['ChatCompletion.acreate', 'chat.completions', true, 'model="gpt-4"'],
        ['Completion.acreate', 'completions', true, 'engine="text-davinci-003"'],
        ['Embedding.acreate', 'embeddings', true, 'model="text-embedding-ada-002"'],
      ],
    );
    assert.deepEqual(await calls('import openai\nfrom app import models\nmodels.ChatCompletion.acreate(model="gpt-4")\n', 'python'), []);
  });
});

/** [label, language, text, client kind of the only call, its constructor name] */
const KINDS: [string, LanguageName, string, string, string | null][] = [
  ['instructor.from_openai over a local base_url', 'python', 'import instructor\nfrom openai import OpenAI\nc = instructor.from_openai(OpenAI(base_url="http://localhost:11434/v1"))\nc.chat.completions.create(model="gpt-4")\n', 'compatible', 'OpenAI'],
  ['instructor.from_openai over OpenAI', 'python', 'import instructor\nfrom openai import OpenAI\nc = instructor.from_openai(OpenAI(), mode=instructor.Mode.JSON)\nc.chat.completions.create(model="gpt-4")\n', 'openai', 'OpenAI'],
  ['instructor.patch(client=...) over Azure', 'python', 'import instructor\nfrom openai import AzureOpenAI\nc = instructor.patch(client=AzureOpenAI(api_version="2024-10-21"))\nc.chat.completions.create(model="prod")\n', 'azure', 'AzureOpenAI'],
  ['from instructor import patch', 'python', 'from instructor import patch\nfrom openai import OpenAI\nc = patch(OpenAI(base_url="http://localhost:8000/v1"))\nc.chat.completions.create(model="gpt-4")\n', 'compatible', 'OpenAI'],
  ['LangSmith wrap_openai, module imported', 'python', 'from langsmith import wrappers\nfrom openai import OpenAI\nc = wrappers.wrap_openai(OpenAI(base_url="http://localhost:8000/v1"))\nc.chat.completions.create(model="gpt-4")\n', 'compatible', 'OpenAI'],
  ['rebinding through instructor.patch keeps a local client local', 'python', 'import instructor\nfrom openai import OpenAI\nclient = OpenAI(base_url="http://localhost:1234/v1")\nclient = instructor.patch(client)\nclient.chat.completions.create(model="gpt-4")\n', 'compatible', 'OpenAI'],
  ['rebinding through any function of the client itself', 'python', 'from openai import AzureOpenAI\nfrom tracing import wrap\nclient = AzureOpenAI(api_version="2024-10-21")\nclient = wrap(client)\nclient = wrap(client, name="x")\nclient.chat.completions.create(model="prod")\n', 'azure', 'AzureOpenAI'],
  ['OpenAI(provider=bedrock(...))', 'python', 'from openai import OpenAI\nfrom openai.providers import bedrock\nc = OpenAI(provider=bedrock(region="us-east-2"))\nc.responses.create(model="openai.gpt-oss-120b-1:0", input="x")\n', 'compatible', 'OpenAI'],
  ['JS wrapOpenAI over a local baseURL', 'typescript', "import OpenAI from 'openai';\nimport { wrapOpenAI } from 'langsmith/wrappers';\nconst c = wrapOpenAI(new OpenAI({ baseURL: 'http://localhost:11434/v1' }));\nc.chat.completions.create({ model: 'gpt-4' });\n", 'compatible', 'OpenAI'],
  ['JS Instructor({ client }) shorthand', 'typescript', "import OpenAI from 'openai';\nimport Instructor from '@instructor-ai/instructor';\nconst client = new OpenAI({ baseURL: 'http://localhost:11434/v1' });\nconst c = Instructor({ client, mode: 'TOOLS' });\nc.chat.completions.create({ model: 'gpt-4' });\n", 'compatible', 'OpenAI'],
  ['JS observeOpenAI over OpenAI', 'typescript', "import OpenAI from 'openai';\nimport { observeOpenAI } from 'langfuse';\nconst c = observeOpenAI(new OpenAI());\nc.chat.completions.create({ model: 'gpt-4' });\n", 'openai', 'OpenAI'],
  ['JS rebinding: let client = …; client = wrapOpenAI(client)', 'typescript', "import OpenAI from 'openai';\nimport { wrapOpenAI } from 'langsmith/wrappers';\nlet client = new OpenAI({ baseURL: 'http://localhost:11434/v1' });\nclient = wrapOpenAI(client);\nclient.chat.completions.create({ model: 'gpt-4' });\n", 'compatible', 'OpenAI'],
  ['JS provider: bedrock(...)', 'typescript', "import OpenAI from 'openai';\nimport { bedrock } from 'openai/providers/bedrock';\nconst c = new OpenAI({ provider: bedrock({ region: 'us-east-2' }) });\nc.responses.create({ model: 'openai.gpt-oss-120b-1:0', input: 'x' });\n", 'compatible', 'OpenAI'],
];

describe('wrappers, rebinding and providers keep or give the client kind', () => {
  for (const [label, lang, text, kind, ctor] of KINDS) {
    test(label, async () => {
      const call = await one(text, lang);
      assert.equal(call.client.kind, kind);
      assert.equal(call.client.constructorName, ctor);
    });
  }

  test('not wrappers: an unknown function around a constructor, a mock patch, a second binding to something else', async () => {
    // the origin of these clients cannot be seen: the file imports openai, so they are checked as OpenAI's (SPEC §1)
    const unknown: [string, string][] = [
      ['foo(OpenAI(base_url=...))', 'from openai import OpenAI\nfrom app import foo\nc = foo(OpenAI(base_url="http://localhost:1/v1"))\nc.chat.completions.create(model="gpt-4")\n'],
      ['unittest.mock.patch', 'from unittest import mock\nfrom openai import OpenAI\nc = mock.patch(OpenAI(base_url="http://localhost:1/v1"))\nc.chat.completions.create(model="gpt-4")\n'],
      ['a name rebound to another value', 'from openai import OpenAI\nfrom app import other\nclient = OpenAI(base_url="http://localhost:1/v1")\nclient = other()\nclient.chat.completions.create(model="gpt-4")\n'],
      ['rebound to a wrapper of something else', 'import instructor\nfrom openai import OpenAI\nclient = OpenAI(base_url="http://localhost:1/v1")\nclient = instructor.patch(other)\nclient.chat.completions.create(model="gpt-4")\n'],
    ];
    for (const [label, text] of unknown) {
      const call = await one(text, 'python');
      assert.deepEqual([label, call.client.kind, call.client.constructorName], [label, 'openai', null]);
    }
    for (const [label, text] of [
      ['JS: reassigned to something else', "import OpenAI from 'openai';\nimport { other } from './other';\nlet client = new OpenAI({ baseURL: 'http://localhost:1/v1' });\nclient = other();\nclient.chat.completions.create({ model: 'gpt-4' });\n"],
      ['JS: updated as well as wrapped', "import OpenAI from 'openai';\nimport { wrapOpenAI } from 'langsmith/wrappers';\nlet client = new OpenAI({ baseURL: 'http://localhost:1/v1' });\nclient = wrapOpenAI(client);\nclient += 1;\nclient.chat.completions.create({ model: 'gpt-4' });\n"],
    ]) {
      const call = await one(text!, 'typescript');
      assert.deepEqual([label, call.client.kind, call.client.constructorName], [label, 'openai', null]);
    }
  });
});

describe('Azure clients built for one deployment', () => {
  test('Python azure_deployment and JS deployment are read with the client', async () => {
    const py = 'from openai import AzureOpenAI\nc = AzureOpenAI(azure_deployment="prod", api_version="2024-10-21")\nc.chat.completions.create(model="gpt-4o")\n';
    const call = await one(py, 'python');
    assert.equal(call.client.kind, 'azure');
    assert.equal(at(py, call.client.deployment?.span), '"prod"');
    assert.equal(plain(call.client.deployment), 'prod');
    const ts = "import { AzureOpenAI } from 'openai';\nconst DEPLOYMENT = 'prod';\nconst c = new AzureOpenAI({ deployment: DEPLOYMENT, apiVersion: '2024-10-21' });\nawait c.chat.completions.create({ model: 'gpt-4o' });\n";
    const js = await one(ts, 'typescript');
    assert.equal(at(ts, js.client.deployment?.span), "'prod'");
  });

  test('a deployment the engine cannot see is kept, unknown; a client without one has none', async () => {
    const py = 'import os\nfrom openai import AzureOpenAI\nc = AzureOpenAI(azure_deployment=os.environ["DEPLOYMENT"])\nc.chat.completions.create(model="gpt-4o")\n';
    assert.equal((await one(py, 'python')).client.deployment?.value.kind, 'unknown');
    assert.equal((await one('from openai import AzureOpenAI\nc = AzureOpenAI()\nc.chat.completions.create(model="x")\n', 'python')).client.deployment, undefined);
    // `azure_deployment` on an OpenAI client means nothing
    assert.equal((await one('from openai import OpenAI\nc = OpenAI(azure_deployment="prod")\nc.chat.completions.create(model="x")\n', 'python')).client.deployment, undefined);
  });
});
