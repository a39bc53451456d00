/** JavaScript / TypeScript / TSX extraction: imports, require, clients, endpoints, JSX, no false positives. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { languageForId, languageForPath } from '../../server/src/parse/parser';
import { at, calls, one, plain } from '../helpers/extract';

test('languageForPath / languageForId', () => {
  const paths = ['a.py', 'a.js', 'a.mjs', 'a.cjs', 'a.jsx', 'a.ts', 'a.mts', 'a.cts', 'a.tsx', 'A.TS', 'a.json', 'Makefile', 'dir.ts/file'];
  assert.deepEqual(paths.map(languageForPath), ['python', 'javascript', 'javascript', 'javascript', 'javascript', 'typescript', 'typescript', 'typescript', 'tsx', 'typescript', null, null, null]);
  const ids = ['python', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'markdown'];
  assert.deepEqual(ids.map(languageForId), ['python', 'javascript', 'javascript', 'typescript', 'tsx', null]);
});

const spellings: { name: string; lang: 'javascript' | 'typescript'; text: string; kind: string; ctor: string | null }[] = [
  { name: 'ESM default import', lang: 'typescript', text: 'import OpenAI from "openai";\nconst client = new OpenAI();\nawait client.chat.completions.create({ model: "gpt-4o", messages: [] });\n', kind: 'openai', ctor: 'OpenAI' },
  { name: 'require', lang: 'javascript', text: "const OpenAI = require('openai');\nconst openai = new OpenAI({ apiKey: process.env.KEY });\nopenai.chat.completions.create({ model: 'gpt-4o' });\n", kind: 'openai', ctor: 'OpenAI' },
  { name: 'named AzureOpenAI import with apiVersion', lang: 'typescript', text: 'import { AzureOpenAI } from "openai";\nconst client = new AzureOpenAI({ apiVersion: "2024-10-21", deployment: "d" });\nclient.chat.completions.create({ model: "my-deploy" });\n', kind: 'azure', ctor: 'AzureOpenAI' },
  { name: 'renamed import', lang: 'typescript', text: 'import { AzureOpenAI as Az } from "openai";\nconst client = new Az({ apiVersion: "2024-10-21" });\nclient.chat.completions.create({ model: "my-deploy" });\n', kind: 'azure', ctor: 'AzureOpenAI' },
  { name: 'non-OpenAI baseURL', lang: 'typescript', text: 'import OpenAI from "openai";\nconst client = new OpenAI({ baseURL: "https://api.groq.com/openai/v1" });\nclient.chat.completions.create({ model: "llama3" });\n', kind: 'compatible', ctor: 'OpenAI' },
  { name: 'Groq SDK', lang: 'typescript', text: 'import Groq from "groq-sdk";\nconst groq = new Groq();\ngroq.chat.completions.create({ model: "llama3" });\n', kind: 'compatible', ctor: 'Groq' },
  { name: 'this.client in a class', lang: 'typescript', text: 'import { AzureOpenAI } from "openai";\nclass Bot {\n  client: AzureOpenAI;\n  constructor() { this.client = new AzureOpenAI({ apiVersion: "2024-06-01" }); }\n  ask() { return this.client.chat.completions.create({ model: "d" }); }\n}\n', kind: 'azure', ctor: 'AzureOpenAI' },
  { name: 'withOptions and withRawResponse', lang: 'typescript', text: 'import OpenAI from "openai";\nconst client = new OpenAI();\nclient.withOptions({ timeout: 5 }).chat.completions.withRawResponse.create({ model: "gpt-4o" });\n', kind: 'openai', ctor: 'OpenAI' },
  { name: 'unknown origin', lang: 'typescript', text: 'import type OpenAI from "openai";\nexport function ask(client: OpenAI) {\n  return client.chat.completions.create({ model: "gpt-4o" });\n}\n', kind: 'openai', ctor: null },
];

for (const s of spellings) {
  test(`client spelling: ${s.name}`, async () => {
    const call = await one(s.text, s.lang);
    assert.equal(call.client.kind, s.kind);
    assert.equal(call.client.constructorName, s.ctor);
    assert.equal(call.endpoint, 'chat.completions');
    assert.equal(call.language, s.lang);
  });
}

test('apiVersion is a ValueNode at its literal', async () => {
  const text = 'import { AzureOpenAI } from "openai";\nconst apiVersion = "2024-08-01-preview";\nconst client = new AzureOpenAI({ apiVersion, endpoint: "https://x" });\nclient.embeddings.create({ model: "emb", input: "x" });\n';
  const call = await one(text, 'typescript');
  assert.equal(plain(call.client.apiVersion), '2024-08-01-preview');
  assert.equal(at(text, call.client.apiVersion?.innerSpan), '2024-08-01-preview');
  assert.equal(call.endpoint, 'embeddings');
});

test('endpoints in JS: images.createVariation, audio, responses, beta parse/stream', async () => {
  const text = `import OpenAI from "openai";
const c = new OpenAI();
c.images.createVariation({ model: "dall-e-2", image: f });
c.images.generate({ model: "dall-e-3", prompt: "x" });
c.audio.speech.create({ model: "tts-1", voice: "alloy", input: "x" });
c.responses.create({ model: "gpt-4o", instructions: "Be brief", input: [{ role: "user", content: "Hi" }] });
c.beta.chat.completions.parse({ model: "gpt-4o", messages: [] });
c.beta.chat.completions.stream({ model: "gpt-4o", messages: [] });
c.moderations.create({ model: "omni-moderation-latest", input: "x" });
`;
  const found = await calls(text, 'javascript');
  assert.deepEqual(
    found.map((x) => [x.endpoint, x.method, x.helper, plain(x.model?.value)]),
    [
      ['images.variation', 'images.createVariation', null, 'dall-e-2'],
      ['images.generate', 'images.generate', null, 'dall-e-3'],
      ['audio.speech', 'audio.speech.create', null, 'tts-1'],
      ['responses', 'responses.create', null, 'gpt-4o'],
      ['chat.completions', 'beta.chat.completions.parse', 'parse', 'gpt-4o'],
      ['chat.completions', 'beta.chat.completions.stream', 'stream', 'gpt-4o'],
      ['moderations', 'moderations.create', null, 'omni-moderation-latest'],
    ],
  );
  assert.equal(plain(found[3]!.instructions), 'Be brief');
  assert.deepEqual(found[3]!.messages!.map((m) => [plain(m.role), plain(m.content)]), [['user', 'Hi']]);
});

test('messages in TS: roles, content parts with image detail, spans', async () => {
  const text = `import OpenAI from "openai";
const client = new OpenAI();
const messages = [
  { role: "system", content: "Be brief." },
  { role: "user", content: [{ type: "text", text: "Look" }, { type: "image_url", image_url: { url: u, detail: "high" } }] },
];
client.chat.completions.create({ model: "gpt-4o", messages });
`;
  const call = await one(text, 'typescript');
  assert.deepEqual(call.messages!.map((m) => plain(m.role)), ['system', 'user']);
  assert.equal(at(text, call.messages![0]!.role?.span), '"system"');
  assert.deepEqual(call.messages![1]!.parts!.map((p) => [p.type, plain(p.text), p.imageDetail]), [['text', 'Look', undefined], ['image_url', undefined, 'high']]);
});

test('TSX file: a call inside a component, with JSX around it', async () => {
  const text = `import OpenAI from "openai";
import { useState } from "react";
const client = new OpenAI({ dangerouslyAllowBrowser: true });
export function Chat(): JSX.Element {
  const [answer, setAnswer] = useState<string>("");
  const ask = async () => {
    const r = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hi 👋" }] });
    setAnswer(r.choices[0]?.message.content ?? "");
  };
  return <div className="chat"><button onClick={ask}>Ask</button><p>{answer}</p></div>;
}
`;
  const call = await one(text, 'tsx');
  assert.equal(call.language, 'typescript');
  assert.equal(call.client.kind, 'openai');
  assert.equal(at(text, call.model?.value.span), '"gpt-4o-mini"');
  assert.equal(plain(call.messages![0]!.content), 'Hi 👋');
});

test('JSX file parsed by the javascript grammar', async () => {
  const text = `const OpenAI = require("openai");
const client = new OpenAI();
export const App = () => <button onClick={() => client.images.generate({ model: "dall-e-3", prompt: "cat" })}>Go</button>;
`;
  const call = await one(text, 'javascript');
  assert.equal(call.endpoint, 'images.generate');
  assert.equal(plain(call.model?.value), 'dall-e-3');
});

const notCalls: { name: string; text: string }[] = [
  { name: 'stripe', text: 'import OpenAI from "openai";\nimport Stripe from "stripe";\nconst stripe = new Stripe(key);\nstripe.customers.create({ email: "a" });\nstripe.paymentIntents.create({ amount: 1 });\n' },
  { name: 'Prisma create', text: 'import OpenAI from "openai";\nprisma.user.create({ data: { model: "gpt-4o" } });\n' },
  { name: 'own chat object', text: 'import OpenAI from "openai";\nthis.foo.chat.create({ model: "gpt-4o" });\n' },
  { name: 'Prisma table named embeddings, no model key (no SDK import)', text: 'import { prisma } from "./db";\nawait prisma.embeddings.create({ data: { model: "gpt-4o", vector } });\n' },
  { name: 'parameter (no SDK import)', text: 'export function ask(client: Client) {\n  return client.chat.completions.create({ model: "gpt-4o" });\n}\n' },
  { name: 'instance of a class defined here (no SDK import)', text: 'class Fake {}\nconst fake = new Fake();\nfake.chat.completions.create({ model: "gpt-4o" });\n' },
  { name: 'test double built here (no SDK import)', text: 'const mock = { chat: { completions: { create: async () => ({}) } } };\nawait mock.chat.completions.create({ model: "gpt-4o" });\n' },
  { name: 'loop variable (no SDK import)', text: 'for (const c of clients) c.chat.completions.create({ model: "gpt-4o" });\n' },
  { name: 'destructured from a function defined here (no SDK import)', text: 'function make() { return { client: null }; }\nconst { client } = make();\nclient.chat.completions.create({ model: "gpt-4o" });\n' },
  { name: 'this.client from a constructor parameter (no SDK import)', text: 'class Svc {\n  constructor(client) { this.client = client; }\n  run() { return this.client.chat.completions.create({ model: "gpt-4o" }); }\n}\n' },
];

for (const n of notCalls) {
  test(`not an OpenAI call: ${n.name}`, async () => {
    assert.deepEqual(await calls(n.text, 'typescript'), []);
  });
}

test('a client imported from another module: unknown origin, exact spans', async () => {
  const text = 'import { client } from "./openai";\n\nexport const ask = (q: string) =>\n  client.chat.completions.create({ model: "o1", temperature: 0.2, messages: [{ role: "user", content: q }] });\n';
  const call = await one(text, 'typescript');
  assert.deepEqual(call.client, { kind: 'unknown', constructorName: null, baseUrl: null, apiVersion: null, legacySdk: false });
  assert.equal(at(text, call.calleeSpan), 'client.chat.completions.create');
  assert.equal(call.span.start, text.indexOf('client.chat'));
  assert.equal(call.span.end, text.lastIndexOf(')') + 1);
  assert.equal(at(text, call.model?.span), 'model: "o1"');
  assert.equal(at(text, call.model?.value.innerSpan), 'o1');
  assert.deepEqual(call.args.map((a) => [a.name, plain(a.value), at(text, a.span)]), [
    ['model', 'o1', 'model: "o1"'],
    ['temperature', 0.2, 'temperature: 0.2'],
    ['messages', '<array>', 'messages: [{ role: "user", content: q }]'],
  ]);
  assert.deepEqual(call.messages!.map((m) => plain(m.role)), ['user']);
});

const definedElsewhere: { name: string; lang: 'javascript' | 'typescript'; text: string; kind: string }[] = [
  { name: 'default import', lang: 'typescript', text: 'import openai from "../lib/openai";\nawait openai.responses.create({ model: "gpt-4o", input: "x" });\n', kind: 'unknown' },
  { name: 'namespace import', lang: 'typescript', text: 'import * as llm from "./llm";\nllm.openai.embeddings.create({ model: "text-embedding-3-small", input: "x" });\n', kind: 'unknown' },
  { name: 'renamed named import', lang: 'typescript', text: 'import { client as ai } from "./clients";\nai.images.generate({ model: "dall-e-3", prompt: "x" });\n', kind: 'unknown' },
  { name: 'destructured require', lang: 'javascript', text: 'const { openai } = require("./client");\nopenai.chat.completions.create({ model: "gpt-4o" });\n', kind: 'unknown' },
  { name: 'property of a require', lang: 'javascript', text: 'const openai = require("./client").openai;\nopenai.audio.speech.create({ model: "tts-1", voice: "alloy", input: "x" });\n', kind: 'unknown' },
  { name: 'imported factory, awaited', lang: 'typescript', text: 'import { getClient } from "./llm";\nconst client = await getClient();\nclient.chat.completions.create({ model: "gpt-4o" });\n', kind: 'unknown' },
  { name: 'request object defined first', lang: 'typescript', text: 'import { client } from "./openai";\nconst params = { model: "gpt-4o", messages: [] };\nclient.chat.completions.create(params);\n', kind: 'unknown' },
  { name: 'class field from an imported factory', lang: 'typescript', text: 'import { getClient } from "./llm";\nclass Svc {\n  private client = getClient();\n  run() { return this.client.chat.completions.create({ model: "gpt-4o" }); }\n}\n', kind: 'unknown' },
  { name: 'module names another vendor', lang: 'typescript', text: 'import { client } from "./groq";\nclient.chat.completions.create({ model: "llama-3.1-8b-instant" });\n', kind: 'compatible' },
  { name: 'require names another vendor', lang: 'javascript', text: 'const ai = require("../providers/openrouter");\nai.chat.completions.create({ model: "openai/gpt-4o" });\n', kind: 'compatible' },
  { name: 'module says Azure', lang: 'typescript', text: 'import { client } from "@/lib/azure";\nclient.chat.completions.create({ model: "chat-deployment" });\n', kind: 'azure' },
];

for (const c of definedElsewhere) {
  test(`client defined in another module: ${c.name}`, async () => {
    const call = await one(c.text, c.lang);
    assert.equal(call.client.kind, c.kind);
    assert.equal(call.client.constructorName, null);
    assert.equal(at(c.text, call.model?.span)?.startsWith('model: '), true);
  });
}

test('TS class fields bind to the client they construct (Azure kind and apiVersion, #private, JS fields)', async () => {
  const text = `import OpenAI, { AzureOpenAI } from "openai";
class Svc {
  private readonly client = new AzureOpenAI({ apiVersion: "2024-06-01" });
  #plain = new OpenAI({ baseURL: "http://localhost:11434/v1" });
  static shared = new AzureOpenAI({ apiVersion: "2024-10-21" });
  async run() {
    await this.client.chat.completions.create({ model: "d" });
    await this.#plain.chat.completions.create({ model: "llama3" });
  }
}
`;
  const [a, b] = await calls(text, 'typescript');
  assert.equal(a!.client.kind, 'azure');
  assert.equal(a!.client.constructorName, 'AzureOpenAI');
  assert.equal(at(text, a!.client.apiVersion?.span), '"2024-06-01"');
  assert.equal(b!.client.kind, 'compatible');
  assert.equal(b!.client.baseUrl, 'http://localhost:11434/v1');
  const js = 'const { AzureOpenAI } = require("openai");\nclass Bot {\n  client = new AzureOpenAI({ apiVersion: "2024-06-01" });\n  ask() { return this.client.chat.completions.create({ model: "d" }); }\n}\n';
  const c = await one(js, 'javascript');
  assert.equal(c.client.kind, 'azure');
  assert.equal(plain(c.client.apiVersion), '2024-06-01');
});

test('this.client assigned in one class does not decide another class\'s this.client', async () => {
  const text = `import OpenAI, { AzureOpenAI } from "openai";
class A {
  constructor() { this.client = new AzureOpenAI({ apiVersion: "2024-06-01" }); }
  ask() { return this.client.chat.completions.create({ model: "d" }); }
}
class B {
  constructor() { this.client = new OpenAI(); }
  ask() { return this.client.chat.completions.create({ model: "gpt-4o" }); }
}
`;
  const found = await calls(text, 'typescript');
  assert.deepEqual(found.map((c) => [c.client.kind, c.client.constructorName]), [['azure', 'AzureOpenAI'], ['openai', 'OpenAI']]);
});

test('broken code never throws and still finds the intact call', async () => {
  const text = 'import OpenAI from "openai";\nconst client = new OpenAI(;\nfunction (\nclient.chat.completions.create({ model: "gpt-4o" });\n';
  const found = await calls(text, 'typescript');
  assert.ok(found.length <= 1);
  assert.deepEqual(await calls('', 'typescript'), []);
  assert.deepEqual(await calls('import openai\nopenai.chat.completions.create(model=', 'python').then((c) => c.length <= 1), true);
});
