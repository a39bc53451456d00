/** Python call extraction: endpoints, client spellings and kinds, v0 style, no false positives. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { at, calls, one, plain } from '../helpers/extract';

const HEAD = 'from openai import OpenAI, AsyncOpenAI\nclient = OpenAI()\n';

const endpoints: { call: string; endpoint: string; method: string; helper: string | null }[] = [
  { call: 'client.chat.completions.create(model="gpt-4o", messages=[])', endpoint: 'chat.completions', method: 'chat.completions.create', helper: null },
  { call: 'client.chat.completions.parse(model="gpt-4o", messages=[])', endpoint: 'chat.completions', method: 'chat.completions.parse', helper: 'parse' },
  { call: 'client.beta.chat.completions.parse(model="gpt-4o", messages=[])', endpoint: 'chat.completions', method: 'beta.chat.completions.parse', helper: 'parse' },
  { call: 'client.beta.chat.completions.stream(model="gpt-4o", messages=[])', endpoint: 'chat.completions', method: 'beta.chat.completions.stream', helper: 'stream' },
  { call: 'client.completions.create(model="gpt-4o", prompt="x")', endpoint: 'completions', method: 'completions.create', helper: null },
  { call: 'client.embeddings.create(model="gpt-4o", input="x")', endpoint: 'embeddings', method: 'embeddings.create', helper: null },
  { call: 'client.images.generate(model="gpt-4o", prompt="x")', endpoint: 'images.generate', method: 'images.generate', helper: null },
  { call: 'client.images.edit(model="gpt-4o", prompt="x")', endpoint: 'images.edit', method: 'images.edit', helper: null },
  { call: 'client.images.create_variation(model="gpt-4o")', endpoint: 'images.variation', method: 'images.create_variation', helper: null },
  { call: 'client.audio.transcriptions.create(model="gpt-4o", file=f)', endpoint: 'audio.transcriptions', method: 'audio.transcriptions.create', helper: null },
  { call: 'client.audio.translations.create(model="gpt-4o", file=f)', endpoint: 'audio.translations', method: 'audio.translations.create', helper: null },
  { call: 'client.audio.speech.create(model="gpt-4o", voice="alloy", input="x")', endpoint: 'audio.speech', method: 'audio.speech.create', helper: null },
  { call: 'client.moderations.create(model="gpt-4o", input="x")', endpoint: 'moderations', method: 'moderations.create', helper: null },
  { call: 'client.responses.create(model="gpt-4o", input="x")', endpoint: 'responses', method: 'responses.create', helper: null },
];

for (const c of endpoints) {
  test(`endpoint: ${c.method}`, async () => {
    const text = `${HEAD}${c.call}\n`;
    const call = await one(text, 'python');
    assert.equal(call.endpoint, c.endpoint);
    assert.equal(call.method, c.method);
    assert.equal(call.helper, c.helper);
    assert.equal(call.language, 'python');
    assert.equal(call.client.kind, 'openai');
    assert.equal(call.client.constructorName, 'OpenAI');
    assert.equal(at(text, call.span), c.call);
    assert.equal(at(text, call.model?.value.span), '"gpt-4o"');
    assert.equal(at(text, call.model?.value.innerSpan), 'gpt-4o');
    assert.equal(at(text, call.model?.span), 'model="gpt-4o"');
    assert.equal(at(text, call.model?.nameSpan), 'model');
  });
}

const spellings: { name: string; text: string; kind: string; ctor: string | null }[] = [
  { name: 'async client, awaited', text: 'from openai import AsyncOpenAI\nclient = AsyncOpenAI()\nasync def f():\n    return await client.chat.completions.create(model="gpt-4o")\n', kind: 'openai', ctor: 'AsyncOpenAI' },
  { name: 'self.client set in __init__', text: 'import openai\nclass Bot:\n    def __init__(self):\n        self.client = openai.AzureOpenAI(api_version="2024-06-01")\n    def ask(self):\n        return self.client.chat.completions.create(model="gpt-4o")\n', kind: 'azure', ctor: 'AzureOpenAI' },
  { name: 'module-level client', text: 'import openai\nopenai.chat.completions.create(model="gpt-4o")\n', kind: 'openai', ctor: 'openai module' },
  { name: 'aliased module', text: 'import openai as oa\noa.chat.completions.create(model="gpt-4o")\n', kind: 'openai', ctor: 'openai module' },
  { name: 'with_options wrapper', text: `${HEAD}client.with_options(timeout=5).chat.completions.create(model="gpt-4o")\n`, kind: 'openai', ctor: 'OpenAI' },
  { name: 'with_raw_response wrapper', text: `${HEAD}client.chat.completions.with_raw_response.create(model="gpt-4o")\n`, kind: 'openai', ctor: 'OpenAI' },
  { name: 'AsyncAzureOpenAI', text: 'from openai import AsyncAzureOpenAI\nc = AsyncAzureOpenAI(api_version="2024-10-21")\nc.chat.completions.create(model="gpt-4o")\n', kind: 'azure', ctor: 'AsyncAzureOpenAI' },
  { name: 'unknown origin, file builds only Azure clients', text: 'from openai import AzureOpenAI\ndef make():\n    return AzureOpenAI(api_version="2024-06-01")\nx = make()\ndef f(c):\n    c.chat.completions.create(model="gpt-4o")\nunused = AzureOpenAI()\n', kind: 'azure', ctor: null },
  { name: 'unknown origin, parameter client', text: 'import openai\ndef f(client):\n    client.chat.completions.create(model="gpt-4o")\n', kind: 'openai', ctor: null },
  { name: 'non-OpenAI base_url', text: 'from openai import OpenAI\nc = OpenAI(base_url="https://openrouter.ai/api/v1")\nc.chat.completions.create(model="meta/llama")\n', kind: 'compatible', ctor: 'OpenAI' },
  { name: "OpenAI's own base_url", text: 'from openai import OpenAI\nc = OpenAI(base_url="https://api.openai.com/v1")\nc.chat.completions.create(model="gpt-4o")\n', kind: 'openai', ctor: 'OpenAI' },
  { name: 'async with ... as client', text: 'from openai import AsyncAzureOpenAI\nasync def f():\n    async with AsyncAzureOpenAI(api_version="2024-06-01") as client:\n        await client.chat.completions.create(model="d")\n', kind: 'azure', ctor: 'AsyncAzureOpenAI' },
  { name: 'renamed import', text: 'from openai import AzureOpenAI as Az\nc = Az(api_version="2024-06-01")\nc.chat.completions.create(model="d")\n', kind: 'azure', ctor: 'AzureOpenAI' },
  { name: 'Groq SDK', text: 'from groq import Groq\nc = Groq()\nc.chat.completions.create(model="llama3-70b")\n', kind: 'compatible', ctor: 'Groq' },
  { name: 'Together SDK next to openai', text: 'import openai\nfrom together import Together\nc = Together()\nc.chat.completions.create(model="mixtral")\n', kind: 'compatible', ctor: 'Together' },
];

for (const s of spellings) {
  test(`client spelling: ${s.name}`, async () => {
    const call = await one(s.text, 'python');
    assert.equal(call.client.kind, s.kind);
    assert.equal(call.client.constructorName, s.ctor);
    assert.equal(call.endpoint, 'chat.completions');
    assert.equal(call.client.legacySdk, false);
  });
}

test('Azure api_version is read with its span; base_url kept', async () => {
  const text = 'from openai import AzureOpenAI, OpenAI\nVERSION = "2024-02-01"\naz = AzureOpenAI(api_version=VERSION, azure_endpoint="https://x.openai.azure.com")\nlocal = OpenAI(base_url="http://localhost:11434/v1")\naz.chat.completions.create(model="my-deployment")\nlocal.chat.completions.create(model="llama3")\n';
  const [a, l] = await calls(text, 'python');
  assert.equal(a!.client.kind, 'azure');
  assert.equal(plain(a!.client.apiVersion), '2024-02-01');
  assert.equal(at(text, a!.client.apiVersion?.span), '"2024-02-01"');
  assert.equal(a!.client.apiVersion!.span.start, text.indexOf('"2024-02-01"'));
  assert.equal(l!.client.kind, 'compatible');
  assert.equal(l!.client.baseUrl, 'http://localhost:11434/v1');
  assert.equal(l!.client.apiVersion, null);
});

test('v0 style: openai.ChatCompletion / Completion / Embedding.create', async () => {
  const text = 'import openai\nopenai.ChatCompletion.create(model="gpt-3.5-turbo", messages=[])\nopenai.Completion.create(model="text-davinci-003", prompt="x")\nopenai.Embedding.create(model="text-embedding-ada-002", input="x")\n';
  const found = await calls(text, 'python');
  assert.deepEqual(
    found.map((c) => [c.endpoint, c.method, c.client.kind, c.client.legacySdk, plain(c.model?.value)]),
    [
      ['chat.completions', 'ChatCompletion.create', 'openai', true, 'gpt-3.5-turbo'],
      ['completions', 'Completion.create', 'openai', true, 'text-davinci-003'],
      ['embeddings', 'Embedding.create', 'openai', true, 'text-embedding-ada-002'],
    ],
  );
});

test('v0 Azure: api_type = "azure", engine= is the model argument, api_version read', async () => {
  const text = 'import openai\nopenai.api_type = "azure"\nopenai.api_version = "2023-05-15"\nopenai.ChatCompletion.create(engine="my-gpt35", messages=[])\nopenai.Embedding.create(deployment_id="emb", input="x")\n';
  const [chat, emb] = await calls(text, 'python');
  assert.equal(chat!.client.kind, 'azure');
  assert.equal(chat!.client.legacySdk, true);
  assert.equal(chat!.model?.name, 'engine');
  assert.equal(at(text, chat!.model?.span), 'engine="my-gpt35"');
  assert.equal(plain(chat!.client.apiVersion), '2023-05-15');
  assert.equal(emb!.model?.name, 'deployment_id');
  assert.equal(plain(emb!.model?.value), 'emb');
});

test('v0 names on something other than the openai module are not calls', async () => {
  assert.deepEqual(await calls('import openai\nfrom mylib import ChatCompletion\nChatCompletion.create(model="x")\nfoo.ChatCompletion.create(model="y")\n', 'python'), []);
});

const notCalls: { name: string; text: string }[] = [
  { name: 'Django ORM create', text: 'import openai\nfrom app.models import Model\nModel.objects.create(model="gpt-4o")\n' },
  { name: 'stripe create', text: 'import openai\nimport stripe\nstripe.Customer.create(email="a@b.c")\nstripe.PaymentIntent.create(amount=1)\n' },
  { name: 'own class with chat.create', text: 'import openai\nclass A:\n    def f(self):\n        self.foo.chat.create(model="gpt-4o")\n' },
  { name: 'chat.completions.list is not a request', text: `${HEAD}client.chat.completions.list()\n` },
];

for (const n of notCalls) {
  test(`not an OpenAI call: ${n.name}`, async () => {
    assert.deepEqual(await calls(n.text, 'python'), []);
  });
}

test('a client imported from another module: unknown origin, exact spans', async () => {
  const text = 'from app.llm import openai_client\n\nreply = openai_client.chat.completions.create(model="o1", temperature=0.2, messages=[])\n';
  const call = await one(text, 'python');
  assert.deepEqual(call.client, { kind: 'unknown', constructorName: null, baseUrl: null, apiVersion: null, legacySdk: false });
  assert.equal(call.endpoint, 'chat.completions');
  assert.equal(at(text, call.span), 'openai_client.chat.completions.create(model="o1", temperature=0.2, messages=[])');
  assert.equal(call.span.start, text.indexOf('openai_client.chat'));
  assert.equal(at(text, call.calleeSpan), 'openai_client.chat.completions.create');
  assert.equal(at(text, call.model?.value.span), '"o1"');
  assert.equal(at(text, call.model?.value.innerSpan), 'o1');
  assert.deepEqual(call.args.map((a) => [a.name, plain(a.value), at(text, a.span)]), [
    ['model', 'o1', 'model="o1"'],
    ['temperature', 0.2, 'temperature=0.2'],
    ['messages', '<array>', 'messages=[]'],
  ]);
});

const definedElsewhere: { name: string; text: string; kind: string }[] = [
  { name: 'relative import', text: 'from .clients import client\nclient.embeddings.create(model="text-embedding-3-small", input="x")\n', kind: 'unknown' },
  { name: 'attribute of an imported module', text: 'import app.llm as llm\nllm.client.responses.create(model="gpt-4o", input="x")\n', kind: 'unknown' },
  { name: 'dotted import', text: 'import app.llm\napp.llm.client.chat.completions.create(model="gpt-4o")\n', kind: 'unknown' },
  { name: 'imported factory', text: 'from app.llm import get_client\nclient = get_client()\nclient.images.generate(model="dall-e-3", prompt="x")\n', kind: 'unknown' },
  { name: 'imported factory, awaited, in a function', text: 'from app.llm import make_client\nasync def f():\n    c = await make_client()\n    return await c.chat.completions.create(model="gpt-4o")\n', kind: 'unknown' },
  { name: 'self.client set from an imported client', text: 'from app.llm import client\nclass Bot:\n    def __init__(self):\n        self.client = client\n    def ask(self):\n        return self.client.chat.completions.create(model="gpt-4o")\n', kind: 'unknown' },
  { name: 'class attribute from an imported factory', text: 'from app import llm\nclass Bot:\n    client = llm.get_client()\n    def ask(self):\n        return self.client.audio.speech.create(model="tts-1", voice="alloy", input="x")\n', kind: 'unknown' },
  { name: 'destructured from an imported factory', text: 'from app.llm import make_clients\nchat, other = make_clients()\nchat.chat.completions.create(model="gpt-4o")\n', kind: 'unknown' },
  { name: 'a name from an earlier notebook cell (nothing here binds it)', text: 'reply = client.chat.completions.create(model="o1-preview", messages=[])\n', kind: 'unknown' },
  { name: 'star import', text: 'from app.llm import *\nclient.moderations.create(model="omni-moderation-latest", input="x")\n', kind: 'unknown' },
  { name: 'with_options wrapper on an imported client', text: 'from app.llm import client\nclient.with_options(timeout=5).chat.completions.with_raw_response.create(model="gpt-4o")\n', kind: 'unknown' },
  { name: 'module names another vendor', text: 'from app.groq_client import client\nclient.chat.completions.create(model="llama-3.1-8b-instant")\n', kind: 'compatible' },
  { name: 'factory names another vendor', text: 'from app.llm import get_together_client\nc = get_together_client()\nc.chat.completions.create(model="mixtral")\n', kind: 'compatible' },
  { name: 'module says Azure', text: 'from app.azure_openai import client\nclient.chat.completions.create(model="my-deployment")\n', kind: 'azure' },
];

for (const c of definedElsewhere) {
  test(`client defined in another module: ${c.name}`, async () => {
    const call = await one(c.text, 'python');
    assert.equal(call.client.kind, c.kind);
    assert.equal(call.client.constructorName, null);
    assert.equal(call.client.apiVersion, null);
    assert.equal(at(c.text, call.model?.span)?.startsWith('model='), true);
  });
}

const notElsewhere: { name: string; text: string }[] = [
  { name: 'parameter', text: 'def f(client):\n    return client.chat.completions.create(model="gpt-4o")\n' },
  { name: 'lambda parameter', text: 'ask = lambda client: client.chat.completions.create(model="gpt-4o")\n' },
  { name: 'loop variable', text: 'for c in clients:\n    c.chat.completions.create(model="gpt-4o")\n' },
  { name: 'comprehension variable', text: 'replies = [c.chat.completions.create(model="gpt-4o") for c in clients]\n' },
  { name: 'instance of a class defined here', text: 'class Fake:\n    pass\nfake = Fake()\nfake.chat.completions.create(model="gpt-4o")\n' },
  { name: 'result of a function defined here', text: 'def make():\n    return object()\nc = make()\nc.chat.completions.create(model="gpt-4o")\n' },
  { name: 'self attribute set from a parameter', text: 'class Bot:\n    def __init__(self, client):\n        self.client = client\n    def ask(self):\n        return self.client.chat.completions.create(model="gpt-4o")\n' },
  { name: 'a name bound twice', text: 'from app.llm import a, b\nc = a\nc = b\nc.chat.completions.create(model="gpt-4o")\n' },
  { name: 'no model argument (an ORM table named embeddings)', text: 'from app.db import db\ndb.embeddings.create(vector=v, document_id=1)\n' },
  { name: 'imported Django model', text: 'from app.models import Completion\nCompletion.objects.create(model="gpt-4o")\nCompletion.create(model="gpt-4o")\n' },
  { name: 'stripe and twilio', text: 'import stripe\nfrom twilio.rest import Client\nstripe.Customer.create(email="a@b.c")\nClient().messages.create(body="x", model="y")\n' },
  { name: 'a method path of the SDK that is not a request', text: 'from app.llm import client\nclient.chat.completions.list(model="gpt-4o")\nclient.images.create(model="gpt-4o")\n' },
];

for (const n of notElsewhere) {
  test(`not an OpenAI call (no SDK import): ${n.name}`, async () => {
    assert.deepEqual(await calls(n.text, 'python'), []);
  });
}

test('self.client bound to a module-level client and a class attribute client: their kinds and api_version', async () => {
  const text = 'from openai import AzureOpenAI, OpenAI\nclient = AzureOpenAI(api_version="2024-06-01")\nclass A:\n    def __init__(self):\n        self.client = client\n    def ask(self):\n        return self.client.chat.completions.create(model="d")\nclass B:\n    client = OpenAI()\n    def ask(self):\n        return self.client.chat.completions.create(model="gpt-4o")\n';
  const [a, b] = await calls(text, 'python');
  assert.equal(a!.client.kind, 'azure');
  assert.equal(a!.client.constructorName, 'AzureOpenAI');
  assert.equal(at(text, a!.client.apiVersion?.span), '"2024-06-01"');
  assert.equal(b!.client.kind, 'openai');
  assert.equal(b!.client.constructorName, 'OpenAI');
});

test('unknown origin in a file that imports openai counts', async () => {
  const call = await one('import openai\nfrom app import get_client\nget_client().chat.completions.create(model="gpt-4o")\n', 'python');
  assert.equal(call.client.kind, 'openai');
  assert.equal(call.client.constructorName, null);
});

test('messages: literal list with roles, string content and content parts', async () => {
  const text = `${HEAD}client.chat.completions.create(model="gpt-4o", messages=[
    {"role": "system", "content": "Be brief."},
    {"role": "user", "name": "ann", "content": [
        {"type": "text", "text": "What is this?"},
        {"type": "image_url", "image_url": {"url": "https://x/y.png", "detail": "low"}},
        {"type": "input_audio", "input_audio": {"data": "...", "format": "wav"}},
    ]},
])
`;
  const call = await one(text, 'python');
  const m = call.messages!;
  assert.equal(m.length, 2);
  assert.deepEqual(m.map((x) => plain(x.role)), ['system', 'user']);
  assert.equal(at(text, m[0]!.role?.span), '"system"');
  assert.equal(plain(m[0]!.content), 'Be brief.');
  assert.equal(m[0]!.parts, null);
  assert.equal(plain(m[1]!.name), 'ann');
  assert.equal(m[1]!.content, null);
  assert.deepEqual(m[1]!.parts!.map((p) => [p.type, plain(p.text), p.imageDetail]), [
    ['text', 'What is this?', undefined],
    ['image_url', undefined, 'low'],
    ['input_audio', undefined, undefined],
  ]);
  assert.equal(at(text, m[1]!.parts![1]!.span), '{"type": "image_url", "image_url": {"url": "https://x/y.png", "detail": "low"}}');
});

test('messages assigned to a variable first; responses input and instructions', async () => {
  const text = `${HEAD}def f(q):
    msgs = [{"role": "developer", "content": "x"}, {"role": "user", "content": q}]
    client.chat.completions.create(model="gpt-4o", messages=msgs)
    client.responses.create(model="gpt-4o", instructions="Be kind", input="Hello")
    client.responses.create(model="gpt-4o", input=[{"role": "user", "content": [{"type": "input_image", "image_url": "u", "detail": "high"}]}])
`;
  const [chat, r1, r2] = await calls(text, 'python');
  assert.deepEqual(chat!.messages!.map((x) => plain(x.role)), ['developer', 'user']);
  assert.equal(plain(chat!.messages![1]!.content), '<unknown>');
  assert.equal(at(text, chat!.messages![0]!.span), '{"role": "developer", "content": "x"}');
  assert.equal(plain(r1!.instructions), 'Be kind');
  assert.deepEqual(r1!.messages!.map((x) => [x.role, plain(x.content)]), [[null, 'Hello']]);
  assert.deepEqual(r2!.messages![0]!.parts!.map((p) => [p.type, p.imageDetail]), [['input_image', 'high']]);
});

test('argument names, spans and order (later duplicates win)', async () => {
  const text = `${HEAD}client.chat.completions.create(\n    model="gpt-4o",\n    temperature=0.5,\n    max_tokens=100,\n    stream=True,\n    stop=None,\n)\n`;
  const call = await one(text, 'python');
  assert.deepEqual(call.args.map((a) => [a.name, plain(a.value), at(text, a.span)]), [
    ['model', 'gpt-4o', 'model="gpt-4o"'],
    ['temperature', 0.5, 'temperature=0.5'],
    ['max_tokens', 100, 'max_tokens=100'],
    ['stream', true, 'stream=True'],
    ['stop', null, 'stop=None'],
  ]);
  assert.equal(call.argsOpen, false);
  assert.equal(at(text, call.calleeSpan), 'client.chat.completions.create');
  assert.equal(text.slice(call.argsSpan.start, call.argsSpan.start + 1), '(');
});
