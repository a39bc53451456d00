/**
 * Framework calls (server/src/analysis/frameworks.ts) as extraction sees them: from which
 * import paths a constructor or function is recognised, the model (or deployment) it takes
 * with its exact span (the ID after a provider prefix), the endpoint, the client kind and the
 * `via` facts the rules read; what is not a framework call; and the prefilter that lets
 * framework files through.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { extractCallsAndWords, mightContainCall } from '../../server/src/analysis/extract';
import { FRAMEWORKS, frameworkCalls, mightImportFramework } from '../../server/src/analysis/frameworks';
import { reuseExtraction } from '../../server/src/analysis/reuse';
import { Documents } from '../../server/src/features/documents';
import { initParsers, parseText } from '../../server/src/parse/parser';
import type { LanguageName } from '../../server/src/parse/parser';
import { at, calls, plain } from '../helpers/extract';
import { repoRoot } from '../helpers/repoRoot';

before(async () => {
  await initParsers();
});

interface Expected {
  framework: string;
  method: string;
  endpoint: string;
  endpointFixed: boolean;
  client: string;
  /** the model argument's value span as text, and its value */
  modelAt: string;
  model: unknown;
  knownModelsOnly?: boolean;
  apiVersion?: string | null;
  baseUrl?: string | null;
  args?: string[];
}

async function summary(text: string, lang: LanguageName) {
  return (await calls(text, lang)).map((c) => ({
    framework: c.via?.framework,
    method: c.method,
    endpoint: c.endpoint,
    endpointFixed: c.via?.endpointFixed,
    client: c.client.kind,
    modelAt: at(text, c.model?.value.span),
    model: plain(c.model?.value),
    knownModelsOnly: c.via?.knownModelsOnly,
    apiVersion: c.client.apiVersion ? plain(c.client.apiVersion) : null,
    baseUrl: c.client.baseUrl,
    args: c.args.map((a) => a.name),
  }));
}

const cases: { name: string; lang: LanguageName; code: string; expected: Expected[] }[] = [
  {
    name: 'LangChain: ChatOpenAI from langchain_openai, model=',
    lang: 'python',
    code: 'from langchain_openai import ChatOpenAI\nllm = ChatOpenAI(model="gpt-4o", temperature=0)\n',
    expected: [{ framework: 'LangChain', method: 'ChatOpenAI', endpoint: 'chat.completions', endpointFixed: false, client: 'openai', modelAt: '"gpt-4o"', model: 'gpt-4o' }],
  },
  {
    name: 'LangChain: module import, renamed import, old paths',
    lang: 'python',
    code: 'import langchain_openai as lco\nimport langchain.chat_models\nfrom langchain_community.chat_models import ChatOpenAI as C\na = lco.ChatOpenAI(model_name="gpt-4o")\nb = langchain.chat_models.ChatOpenAI(model="o1")\nc = C(model="gpt-4")\n',
    expected: [
      { framework: 'LangChain', method: 'lco.ChatOpenAI', endpoint: 'chat.completions', endpointFixed: false, client: 'openai', modelAt: '"gpt-4o"', model: 'gpt-4o', args: ['model_name'] },
      { framework: 'LangChain', method: 'langchain.chat_models.ChatOpenAI', endpoint: 'chat.completions', endpointFixed: false, client: 'openai', modelAt: '"o1"', model: 'o1' },
      { framework: 'LangChain', method: 'C', endpoint: 'chat.completions', endpointFixed: false, client: 'openai', modelAt: '"gpt-4"', model: 'gpt-4' },
    ],
  },
  {
    name: 'LangChain: AzureChatOpenAI deployment and api_version; OpenAIEmbeddings keeps dimensions',
    lang: 'python',
    code: 'from langchain_openai import AzureChatOpenAI, OpenAIEmbeddings\nllm = AzureChatOpenAI(azure_deployment="prod", api_version="2024-10-21", model="gpt-4o")\nemb = OpenAIEmbeddings(model="text-embedding-3-large", dimensions=1024, chunk_size=10)\n',
    expected: [
      { framework: 'LangChain', method: 'AzureChatOpenAI', endpoint: 'chat.completions', endpointFixed: false, client: 'azure', modelAt: '"prod"', model: 'prod', apiVersion: '2024-10-21', args: ['azure_deployment'] },
      { framework: 'LangChain', method: 'OpenAIEmbeddings', endpoint: 'embeddings', endpointFixed: true, client: 'openai', modelAt: '"text-embedding-3-large"', model: 'text-embedding-3-large', args: ['model', 'dimensions'] },
    ],
  },
  {
    name: 'LangChain: init_chat_model and create_agent prefixes, model_provider',
    lang: 'python',
    code: 'from langchain.chat_models import init_chat_model\nfrom langchain.agents import create_agent\na = init_chat_model("openai:gpt-4o")\nb = init_chat_model("gpt-4o")\nc = init_chat_model("o1", model_provider="openai")\nd = init_chat_model("anthropic:claude-3-5-sonnet-latest")\ne = init_chat_model(model="claude-3-opus", model_provider="anthropic")\nf = create_agent(model="openai:gpt-4.1", tools=[])\n',
    expected: [
      { framework: 'LangChain', method: 'init_chat_model', endpoint: 'chat.completions', endpointFixed: false, client: 'openai', modelAt: 'gpt-4o', model: 'gpt-4o' },
      { framework: 'LangChain', method: 'init_chat_model', endpoint: 'chat.completions', endpointFixed: false, client: 'openai', modelAt: '"gpt-4o"', model: 'gpt-4o', knownModelsOnly: true },
      { framework: 'LangChain', method: 'init_chat_model', endpoint: 'chat.completions', endpointFixed: false, client: 'openai', modelAt: '"o1"', model: 'o1' },
      { framework: 'LangChain', method: 'create_agent', endpoint: 'chat.completions', endpointFixed: false, client: 'openai', modelAt: 'gpt-4.1', model: 'gpt-4.1' },
    ],
  },
  {
    name: 'LlamaIndex: OpenAI, OpenAIEmbedding, AzureOpenAI(engine=)',
    lang: 'python',
    code: 'from llama_index.llms.openai import OpenAI\nfrom llama_index.embeddings.openai import OpenAIEmbedding\nfrom llama_index.llms.azure_openai import AzureOpenAI\na = OpenAI(model="gpt-4o")\nb = OpenAIEmbedding(model="text-embedding-3-small")\nc = AzureOpenAI(engine="prod", model="gpt-4o", api_version="2024-06-01")\n',
    expected: [
      { framework: 'LlamaIndex', method: 'OpenAI', endpoint: 'chat.completions', endpointFixed: false, client: 'openai', modelAt: '"gpt-4o"', model: 'gpt-4o' },
      { framework: 'LlamaIndex', method: 'OpenAIEmbedding', endpoint: 'embeddings', endpointFixed: true, client: 'openai', modelAt: '"text-embedding-3-small"', model: 'text-embedding-3-small' },
      { framework: 'LlamaIndex', method: 'AzureOpenAI', endpoint: 'chat.completions', endpointFixed: false, client: 'azure', modelAt: '"prod"', model: 'prod', apiVersion: '2024-06-01', args: ['engine'] },
    ],
  },
  {
    name: 'Agents SDK: Agent, OpenAIChatCompletionsModel with a visible client; litellm/ is another provider',
    lang: 'python',
    code: 'from agents import Agent, OpenAIChatCompletionsModel\nfrom openai import AsyncOpenAI\nlocal = AsyncOpenAI(base_url="http://localhost:11434/v1")\na = Agent(name="a", model="gpt-4.1")\nb = Agent(name="b", model="litellm/anthropic/claude-3-5-sonnet")\nc = OpenAIChatCompletionsModel(model="qwen2.5", openai_client=local)\nd = OpenAIChatCompletionsModel("gpt-4o", AsyncOpenAI())\n',
    expected: [
      { framework: 'OpenAI Agents SDK', method: 'Agent', endpoint: 'responses', endpointFixed: true, client: 'openai', modelAt: '"gpt-4.1"', model: 'gpt-4.1', knownModelsOnly: true },
      { framework: 'OpenAI Agents SDK', method: 'OpenAIChatCompletionsModel', endpoint: 'chat.completions', endpointFixed: true, client: 'compatible', modelAt: '"qwen2.5"', model: 'qwen2.5', baseUrl: 'http://localhost:11434/v1' },
      { framework: 'OpenAI Agents SDK', method: 'OpenAIChatCompletionsModel', endpoint: 'chat.completions', endpointFixed: true, client: 'openai', modelAt: '"gpt-4o"', model: 'gpt-4o' },
    ],
  },
  {
    name: 'LiteLLM: functions by module and by name, prefixes, api_version',
    lang: 'python',
    code: 'import litellm\nfrom litellm import embedding\na = litellm.completion(model="gpt-4o", messages=[])\nb = litellm.completion("openai/gpt-4o", messages=[])\nc = litellm.completion(model="azure/prod", api_version="2024-06-01", messages=[])\nd = litellm.completion(model="groq/llama3-8b-8192", messages=[])\ne = embedding(model="text-embedding-3-small", input=["x"])\nf = litellm.text_completion(model="text-completion-openai/gpt-3.5-turbo-instruct", prompt="x")\ng = litellm.completion(model="azure/o_series/reasoning", messages=[])\n',
    expected: [
      { framework: 'LiteLLM', method: 'litellm.completion', endpoint: 'chat.completions', endpointFixed: false, client: 'openai', modelAt: '"gpt-4o"', model: 'gpt-4o', knownModelsOnly: true },
      { framework: 'LiteLLM', method: 'litellm.completion', endpoint: 'chat.completions', endpointFixed: false, client: 'openai', modelAt: 'gpt-4o', model: 'gpt-4o' },
      { framework: 'LiteLLM', method: 'litellm.completion', endpoint: 'chat.completions', endpointFixed: false, client: 'azure', modelAt: 'prod', model: 'prod', apiVersion: '2024-06-01' },
      { framework: 'LiteLLM', method: 'embedding', endpoint: 'embeddings', endpointFixed: true, client: 'openai', modelAt: '"text-embedding-3-small"', model: 'text-embedding-3-small', knownModelsOnly: true },
      { framework: 'LiteLLM', method: 'litellm.text_completion', endpoint: 'completions', endpointFixed: true, client: 'openai', modelAt: 'gpt-3.5-turbo-instruct', model: 'gpt-3.5-turbo-instruct' },
      { framework: 'LiteLLM', method: 'litellm.completion', endpoint: 'chat.completions', endpointFixed: false, client: 'azure', modelAt: 'reasoning', model: 'reasoning' },
    ],
  },
  {
    name: 'DSPy, instructor, pydantic-ai',
    lang: 'python',
    code: 'import dspy\nimport instructor\nfrom pydantic_ai import Agent\nfrom pydantic_ai.models.openai import OpenAIChatModel, OpenAIResponsesModel\na = dspy.LM("openai/gpt-4o-mini")\nb = instructor.from_provider("openai/gpt-4o")\nc = instructor.from_provider("gpt-4o")\nd = Agent("openai-responses:gpt-4o")\ne = Agent("anthropic:claude-3-5-haiku-latest")\nf = OpenAIChatModel("gpt-4o", provider="azure")\ng = OpenAIResponsesModel(model_name="o3")\n',
    expected: [
      { framework: 'DSPy', method: 'dspy.LM', endpoint: 'chat.completions', endpointFixed: false, client: 'openai', modelAt: 'gpt-4o-mini', model: 'gpt-4o-mini' },
      { framework: 'instructor', method: 'instructor.from_provider', endpoint: 'chat.completions', endpointFixed: false, client: 'openai', modelAt: 'gpt-4o', model: 'gpt-4o' },
      { framework: 'pydantic-ai', method: 'Agent', endpoint: 'responses', endpointFixed: true, client: 'openai', modelAt: 'gpt-4o', model: 'gpt-4o' },
      { framework: 'pydantic-ai', method: 'OpenAIChatModel', endpoint: 'chat.completions', endpointFixed: true, client: 'azure', modelAt: '"gpt-4o"', model: 'gpt-4o', args: ['model_name'] },
      { framework: 'pydantic-ai', method: 'OpenAIResponsesModel', endpoint: 'responses', endpointFixed: true, client: 'openai', modelAt: '"o3"', model: 'o3', args: ['model_name'] },
    ],
  },
  {
    name: 'AutoGen and Semantic Kernel',
    lang: 'python',
    code: 'from autogen_ext.models.openai import OpenAIChatCompletionClient, AzureOpenAIChatCompletionClient\nfrom semantic_kernel.connectors.ai.open_ai import OpenAIChatCompletion, AzureTextEmbedding\na = OpenAIChatCompletionClient(model="gpt-4o", temperature=0.3, api_key="k")\nb = AzureOpenAIChatCompletionClient(azure_deployment="prod", model="gpt-4o", api_version="2024-10-21", max_tokens=100)\nc = OpenAIChatCompletion(ai_model_id="gpt-4o", service_id="chat")\nd = AzureTextEmbedding(deployment_name="emb", api_version="2024-02-01")\n',
    expected: [
      { framework: 'AutoGen', method: 'OpenAIChatCompletionClient', endpoint: 'chat.completions', endpointFixed: true, client: 'openai', modelAt: '"gpt-4o"', model: 'gpt-4o', knownModelsOnly: true, args: ['model', 'temperature'] },
      { framework: 'AutoGen', method: 'AzureOpenAIChatCompletionClient', endpoint: 'chat.completions', endpointFixed: true, client: 'azure', modelAt: '"prod"', model: 'prod', apiVersion: '2024-10-21', args: ['azure_deployment', 'max_tokens'] },
      { framework: 'Semantic Kernel', method: 'OpenAIChatCompletion', endpoint: 'chat.completions', endpointFixed: true, client: 'openai', modelAt: '"gpt-4o"', model: 'gpt-4o', args: ['ai_model_id'] },
      { framework: 'Semantic Kernel', method: 'AzureTextEmbedding', endpoint: 'embeddings', endpointFixed: true, client: 'azure', modelAt: '"emb"', model: 'emb', apiVersion: '2024-02-01', args: ['deployment_name'] },
    ],
  },
  {
    name: 'Vercel AI SDK: provider calls, model factories, created providers, gateway strings',
    lang: 'typescript',
    code: 'import { openai, createOpenAI } from "@ai-sdk/openai";\nimport { createAzure } from "@ai-sdk/azure";\nimport { embed, generateText } from "ai";\nconst a = openai("gpt-4o");\nconst b = openai.embedding("text-embedding-3-small");\nconst local = createOpenAI({ baseURL: "http://localhost:1234/v1" });\nconst c = local.chat("llama-3");\nconst az = createAzure({ resourceName: "r", apiVersion: "2024-10-21" });\nconst d = az("prod");\nawait generateText({ model: "openai/gpt-4o-mini", prompt: "x" });\nawait embed({ model: "cohere/embed-v4", value: "x" });\n',
    expected: [
      { framework: 'Vercel AI SDK', method: 'openai', endpoint: 'responses', endpointFixed: false, client: 'openai', modelAt: '"gpt-4o"', model: 'gpt-4o' },
      { framework: 'Vercel AI SDK', method: 'openai.embedding', endpoint: 'embeddings', endpointFixed: true, client: 'openai', modelAt: '"text-embedding-3-small"', model: 'text-embedding-3-small' },
      { framework: 'Vercel AI SDK', method: 'local.chat', endpoint: 'chat.completions', endpointFixed: true, client: 'compatible', modelAt: '"llama-3"', model: 'llama-3', baseUrl: 'http://localhost:1234/v1' },
      { framework: 'Vercel AI SDK', method: 'az', endpoint: 'responses', endpointFixed: false, client: 'azure', modelAt: '"prod"', model: 'prod', apiVersion: '2024-10-21' },
      { framework: 'Vercel AI SDK', method: 'generateText', endpoint: 'responses', endpointFixed: false, client: 'openai', modelAt: 'gpt-4o-mini', model: 'gpt-4o-mini' },
    ],
  },
  {
    name: 'LangChain.js, Agents SDK (JS), LlamaIndex.TS, require()',
    lang: 'javascript',
    code: 'const { ChatOpenAI, AzureChatOpenAI } = require("@langchain/openai");\nimport { Agent, OpenAIResponsesModel } from "@openai/agents";\nimport { openai as llamaOpenAI } from "@llamaindex/openai";\nconst a = new ChatOpenAI({ modelName: "gpt-4o", temperature: 0 });\nconst b = new AzureChatOpenAI({ deploymentName: "prod", openAIApiVersion: "2024-06-01" });\nconst c = new Agent({ name: "x", model: "gpt-4.1" });\nconst d = new OpenAIResponsesModel(client, "o3");\nconst e = llamaOpenAI({ model: "gpt-4o-mini" });\n',
    expected: [
      { framework: 'LangChain.js', method: 'ChatOpenAI', endpoint: 'chat.completions', endpointFixed: false, client: 'openai', modelAt: '"gpt-4o"', model: 'gpt-4o', args: ['modelName'] },
      { framework: 'LangChain.js', method: 'AzureChatOpenAI', endpoint: 'chat.completions', endpointFixed: false, client: 'azure', modelAt: '"prod"', model: 'prod', apiVersion: '2024-06-01', args: ['deploymentName'] },
      { framework: 'OpenAI Agents SDK', method: 'Agent', endpoint: 'responses', endpointFixed: true, client: 'openai', modelAt: '"gpt-4.1"', model: 'gpt-4.1', knownModelsOnly: true },
      { framework: 'OpenAI Agents SDK', method: 'OpenAIResponsesModel', endpoint: 'responses', endpointFixed: true, client: 'openai', modelAt: '"o3"', model: 'o3', knownModelsOnly: true },
      { framework: 'LlamaIndex.TS', method: 'llamaOpenAI', endpoint: 'chat.completions', endpointFixed: true, client: 'openai', modelAt: '"gpt-4o-mini"', model: 'gpt-4o-mini' },
    ],
  },
];

for (const c of cases) {
  test(`extracts: ${c.name}`, async () => {
    const want = c.expected.map((e) => ({ knownModelsOnly: false, apiVersion: null, baseUrl: null, args: ['model'], ...e }));
    assert.deepEqual(await summary(c.code, c.lang), want);
  });
}

const none: { name: string; lang: LanguageName; code: string }[] = [
  { name: 'a class of the project named ChatOpenAI', lang: 'python', code: 'from app.llm import ChatOpenAI\nllm = ChatOpenAI(model="gpt-4o")\n' },
  { name: 'no import at all', lang: 'python', code: 'llm = ChatOpenAI(model="gpt-4o")\n' },
  { name: 'another provider class', lang: 'python', code: 'from langchain_anthropic import ChatAnthropic\nllm = ChatAnthropic(model="claude-3-5-sonnet-latest")\n' },
  { name: 'the import shadowed by a parameter', lang: 'python', code: 'from litellm import completion\ndef f(completion):\n    return completion(model="gpt-4o")\n' },
  { name: 'the import shadowed by an assignment', lang: 'python', code: 'from litellm import completion\ncompletion = make()\ncompletion(model="gpt-4o")\n' },
  { name: 'no model argument (the framework default)', lang: 'python', code: 'from langchain_openai import ChatOpenAI\nllm = ChatOpenAI(temperature=0)\n' },
  { name: 'a prefixed model the file cannot see', lang: 'python', code: 'import os\nfrom langchain.chat_models import init_chat_model\nllm = init_chat_model(os.environ["MODEL"])\n' },
  { name: 'instructor needs a provider prefix', lang: 'python', code: 'import instructor\nclient = instructor.from_provider("gpt-4o")\n' },
  { name: 'an AI SDK provider of another vendor', lang: 'typescript', code: 'import { anthropic } from "@ai-sdk/anthropic";\nconst m = anthropic("claude-3-5-sonnet-latest");\n' },
  { name: 'an AI SDK model object, not a string', lang: 'typescript', code: 'import { generateText } from "ai";\nawait generateText({ model: myModel, prompt: "x" });\n' },
  { name: 'LangChain.js ChatOpenAI from another package', lang: 'typescript', code: 'import { ChatOpenAI } from "./chat";\nconst llm = new ChatOpenAI({ model: "gpt-4o" });\n' },
];

for (const c of none) {
  test(`not a framework call: ${c.name}`, async () => {
    assert.deepEqual(await calls(c.code, c.lang), []);
  });
}

test('a dynamic model of a constructor that fixes the provider is a call with an unknown model', async () => {
  const code = 'import os\nfrom langchain_openai import ChatOpenAI\nllm = ChatOpenAI(model=os.environ["MODEL"])\n';
  const [c] = await calls(code, 'python');
  assert.equal(c?.via?.framework, 'LangChain');
  assert.equal(plain(c?.model?.value), '<unknown>');
});

test('a prefixed literal with an escape keeps the whole literal and offers no edit position', async () => {
  const code = 'from langchain.chat_models import init_chat_model\nllm = init_chat_model("openai:gpt\\u002d4o")\n';
  const [c] = await calls(code, 'python');
  assert.equal(plain(c?.model?.value), 'gpt-4o');
  assert.equal(at(code, c?.model?.value.span), '"openai:gpt\\u002d4o"');
  assert.equal(c?.model?.value.innerSpan, undefined);
});

test('framework calls come in source order among SDK calls', async () => {
  const code = 'from openai import OpenAI\nfrom langchain_openai import ChatOpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[])\nllm = ChatOpenAI(model="gpt-4o-mini")\nclient.embeddings.create(model="text-embedding-3-small", input="x")\n';
  assert.deepEqual((await calls(code, 'python')).map((c) => c.method), ['chat.completions.create', 'ChatOpenAI', 'embeddings.create']);
});

test('the prefilter lets framework imports through and prose about agents or instructors not', () => {
  const pass = [
    'from langchain_openai import ChatOpenAI\n',
    'import os, litellm\n',
    '    from agents import Agent\n',
    'import dspy\n',
    'import { openai } from "@ai-sdk/openai";\n',
    "const { ChatOpenAI } = require('@langchain/openai');\n",
    'import { generateText } from "ai";\n',
    'import { ChatOpenAI } from "langchain/chat_models/openai";\n',
  ];
  for (const text of pass) {
    assert.equal(mightImportFramework(text), true, text);
    assert.equal(mightContainCall(text), true, text);
  }
  const reject = [
    '# The agents talk to an instructor about litellm pricing\nx = 1\n',
    'user_agents = load_agents()\n',
    'import langchain_core\n',
    'const said = "we maintain the ai pipeline";\n',
    'const pkg = "@ai-sdk/openai-compatible";\n',
    'from agentsmith import x\n',
  ];
  for (const text of reject) assert.equal(mightImportFramework(text), false, text);
});

test('every case above with a framework call passes the prefilter', () => {
  for (const c of cases) assert.equal(mightContainCall(c.code), true, c.name);
});

test('typing a framework call into a statement without one is not reused from before', async () => {
  await initParsers();
  const text = 'from langchain_openai import ChatOpenAI\n\ndef build():\n    return None\n';
  const docs = new Documents();
  const s = docs.open('file:///t.py', 'python', 1, text);
  const prev = extractCallsAndWords(docs.tree(s)!, text, 'python');
  assert.equal(prev.calls.length, 0);
  const start = text.indexOf('None');
  docs.change(s.uri, 2, [{ range: { start: s.doc.positionAt(start), end: s.doc.positionAt(start + 4) }, text: 'ChatOpenAI(model="gpt-4o")' }]);
  const record = s.edits.at(-1)?.edit;
  assert.ok(record);
  assert.equal(reuseExtraction(prev, text, record, docs.tree(s)!, s.doc.getText()), null);
  assert.equal(extractCallsAndWords(docs.tree(s)!, s.doc.getText(), 'python').calls.length, 1);
  docs.close(s.uri);
});

test('docs/frameworks.md names every framework, constructor, function and import path of the table', () => {
  const doc = readFileSync(join(repoRoot(), 'docs', 'frameworks.md'), 'utf8');
  const missing: string[] = [];
  for (const row of FRAMEWORKS) {
    if (!doc.includes(`### ${row.framework}`)) missing.push(`section ${row.framework}`);
    for (const name of [...row.names, ...(row.factories ?? [])]) if (!doc.includes(`\`${name}`) && !doc.includes(`.${name}\``)) missing.push(`${row.framework}: ${name}`);
    for (const module of row.modules) if (!doc.includes(`\`${module}`)) missing.push(`${row.framework}: ${module}`);
  }
  assert.deepEqual(missing, []);
});

test('reading framework calls that fails on odd input loses only the framework calls', () => {
  const text = 'from langchain_openai import ChatOpenAI\nllm = ChatOpenAI(model="gpt-4o")\n';
  const tree = parseText(text, 'python');
  const failing = {
    *[Symbol.iterator](): Generator<{ local: string; module: string; name: string }> {
      yield { local: 'ChatOpenAI', module: 'langchain_openai', name: 'ChatOpenAI' };
      throw new Error('odd input');
    },
  };
  const host = { family: 'python' as const, resolver: null as never, words: new Set<string>(), imports: failing, constructed: () => null, callArguments: () => ({ args: [], open: false }) };
  assert.deepEqual(frameworkCalls(host, tree, 'python'), []);
  tree.delete();
});
