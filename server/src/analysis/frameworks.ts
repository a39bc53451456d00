/**
 * Frameworks that call OpenAI / Azure OpenAI for the code (SPEC §1 "Frameworks"): which of
 * their constructors and functions take a model, from which import paths, under which
 * parameter names and provider prefixes, and what each call becomes in the neutral ApiCall
 * model (`via` names the framework, so the rules stay as they are). docs/frameworks.md gives
 * the evidence (docs or source at a version) for every row.
 *
 * What a framework call is checked for:
 * - its model string, by the model rules (OAI101–OAI108), the hover card and completion; an
 *   Azure class's deployment by OAI401, and by OAI402 when its `api_version` is visible;
 * - parameter rules only on the arguments a row lists in `params`: those the framework sends
 *   to the API under the same name, unchanged (most frameworks rename, drop or default
 *   parameters per model, so most rows list none);
 * - its endpoint is the one the framework calls. Where the framework picks it by model or by
 *   version (LangChain's `ChatOpenAI` moves some models to the Responses API; the AI SDK's
 *   `openai("…")` is chat in 1.x and Responses from 2.0), `endpointFixed` is false and OAI104
 *   does not judge the call.
 * Another provider's model (`"anthropic:…"`, LiteLLM's `"groq/…"`, a `baseURL` that is not
 * OpenAI's) gives no catalog finding; a model the file cannot see (a variable from the
 * environment without default, a parameter) gives nothing.
 */
import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { Endpoint } from '../catalog/schema';
import type { LanguageName } from '../parse/parser';
import type { ApiCall, Argument, ClientInfo, ClientKind, ValueNode } from './apiCall';
import { isIdentifierChar, wordOccurrences } from './nameIndex';
import { entry, spanOf } from './values';
import type { Family, Resolver } from './values';

type Provider = 'openai' | 'azure';

/** What a provider prefix routes to (`openai:` → OpenAI, LiteLLM's `azure/` → an Azure deployment). */
interface PrefixRoute {
  client: Provider;
  /** the endpoint when the prefix decides it (pydantic-ai's `openai-chat:`); the row's otherwise */
  endpoint?: Endpoint;
  endpointFixed?: boolean;
}

/** How model strings name their provider. */
interface Naming {
  /** between provider and model ID: `openai:gpt-4o`, `openai/gpt-4o` */
  separator: ':' | '/';
  /** the prefixes that reach OpenAI or Azure; any other prefix is another provider's */
  prefixes: Record<string, PrefixRoute>;
  /**
   * An ID without prefix: 'known' — the framework infers the provider from the name, so the ID
   * is OpenAI's only when the catalog knows it; 'openai' — it is OpenAI's; 'none' — not a model
   * this framework takes (it needs a prefix).
   */
  bare: 'known' | 'openai' | 'none';
}

/** Where an argument is: keyword (Python) / option (JS first object argument) names, or a position. */
interface Slot {
  names: readonly string[];
  position?: number;
}

interface Row {
  framework: string;
  family: Family;
  /** module paths as imported, old and new package names */
  modules: readonly string[];
  /** the exported constructors and functions the row covers */
  names: readonly string[];
  /** exports that return a provider like the row's (the AI SDK's `createOpenAI({ baseURL })`) */
  factories?: readonly string[];
  /** methods called on the export (`openai.chat("…")`) and their endpoints; the export called itself uses the row's */
  methods?: Record<string, { endpoint: Endpoint; endpointFixed: boolean }>;
  client: Provider;
  endpoint: Endpoint;
  endpointFixed: boolean;
  /** the model (on Azure rows, the deployment) */
  model: Slot;
  /** model strings with provider prefixes; absent when the constructor fixes the provider */
  naming?: Naming;
  /** an argument naming the provider (`model_provider="openai"`, pydantic-ai `provider=`) and what its values route to */
  providerArg?: { name: string; values: Record<string, Provider> };
  /** an argument holding the OpenAI client the framework uses: its base URL or kind decides the vendor */
  clientArg?: Slot;
  /** a function of the same modules that sets the client every call of the row uses (`set_default_openai_client`) */
  clientSetter?: string;
  /** options of the call (or of the factory) giving the base URL (dotted: an option of an option) */
  baseUrl?: readonly string[];
  /** options giving the Azure api-version */
  apiVersion?: readonly string[];
  /** arguments sent to the API under the same name and unchanged: the parameter rules see these */
  params?: readonly string[];
}

const ENDPOINT_FIXED = { endpointFixed: true } as const;
const chat = { endpoint: 'chat.completions', ...ENDPOINT_FIXED } as const;
const responses = { endpoint: 'responses', ...ENDPOINT_FIXED } as const;
const completions = { endpoint: 'completions', ...ENDPOINT_FIXED } as const;
const embeddings = { endpoint: 'embeddings', ...ENDPOINT_FIXED } as const;
/** the framework picks chat or Responses (or legacy completions) by model or by version */
const chatOrOther = { endpoint: 'chat.completions', endpointFixed: false } as const;
const responsesOrChat = { endpoint: 'responses', endpointFixed: false } as const;

const OPENAI_COLON: Naming = { separator: ':', prefixes: { openai: { client: 'openai' } }, bare: 'known' };
/** LiteLLM's model strings (also DSPy's, which hands them to LiteLLM) */
const LITELLM_NAMING: Naming = {
  separator: '/',
  prefixes: {
    openai: { client: 'openai' },
    azure: { client: 'azure' },
    // routes that pick LiteLLM's parameter mapping for a deployment's model family
    'azure/o_series': { client: 'azure' },
    'azure/gpt5_series': { client: 'azure' },
    'text-completion-openai': { client: 'openai', ...completions },
    azure_text: { client: 'azure', ...completions },
  },
  bare: 'known',
};

/** The AI SDK providers' model factories (`openai.chat("…")`), the same for `openai` and `azure`. */
const AI_SDK_METHODS: Row['methods'] = {
  languageModel: responsesOrChat,
  chat,
  responses,
  completion: completions,
  embedding: embeddings,
  embeddingModel: embeddings,
  textEmbedding: embeddings,
  textEmbeddingModel: embeddings,
  image: { endpoint: 'images.generate', ...ENDPOINT_FIXED },
  imageModel: { endpoint: 'images.generate', ...ENDPOINT_FIXED },
  transcription: { endpoint: 'audio.transcriptions', ...ENDPOINT_FIXED },
  speech: { endpoint: 'audio.speech', ...ENDPOINT_FIXED },
};

/** AutoGen copies these constructor arguments into `chat.completions.create(**create_args)` as they are. */
const AUTOGEN_PARAMS = ['temperature', 'top_p', 'max_tokens', 'max_completion_tokens', 'frequency_penalty', 'presence_penalty', 'logit_bias', 'logprobs', 'top_logprobs', 'seed', 'stop', 'response_format', 'reasoning_effort', 'parallel_tool_calls'];

const LC_CHAT = ['langchain_openai', 'langchain_openai.chat_models', 'langchain.chat_models', 'langchain_community.chat_models'];
const LC_EMBEDDINGS = ['langchain_openai', 'langchain_openai.embeddings', 'langchain.embeddings', 'langchain_community.embeddings'];
const LC_LLMS_OLD = ['langchain.llms', 'langchain.llms.openai', 'langchain_community.llms', 'langchain_community.llms.openai'];
const SK = ['semantic_kernel.connectors.ai.open_ai'];
const AUTOGEN = ['autogen_ext.models.openai'];
const LCJS = ['@langchain/openai'];
const LITELLM = { framework: 'LiteLLM', family: 'python', modules: ['litellm'], client: 'openai', naming: LITELLM_NAMING, apiVersion: ['api_version'], baseUrl: ['api_base', 'base_url'] } as const;
const SK_OPENAI = { framework: 'Semantic Kernel', family: 'python', modules: SK, client: 'openai', model: { names: ['ai_model_id'], position: 0 }, clientArg: { names: ['async_client'] } } as const;
const SK_AZURE = { framework: 'Semantic Kernel', family: 'python', modules: SK, client: 'azure', model: { names: ['deployment_name'] }, apiVersion: ['api_version'] } as const;

/** Every framework call the engine reads. docs/frameworks.md: one section per framework, with the evidence. */
export const FRAMEWORKS: readonly Row[] = [
  // LangChain (Python)
  { framework: 'LangChain', family: 'python', modules: [...LC_CHAT, 'langchain.chat_models.openai', 'langchain_community.chat_models.openai'], names: ['ChatOpenAI'], client: 'openai', ...chatOrOther, model: { names: ['model', 'model_name'] }, baseUrl: ['base_url', 'openai_api_base'] },
  { framework: 'LangChain', family: 'python', modules: [...LC_CHAT, 'langchain.chat_models.azure_openai', 'langchain_community.chat_models.azure_openai'], names: ['AzureChatOpenAI'], client: 'azure', ...chatOrOther, model: { names: ['azure_deployment', 'deployment_name'] }, apiVersion: ['api_version', 'openai_api_version'] },
  { framework: 'LangChain', family: 'python', modules: [...LC_EMBEDDINGS, 'langchain.embeddings.openai', 'langchain_community.embeddings.openai'], names: ['OpenAIEmbeddings'], client: 'openai', ...embeddings, model: { names: ['model'] }, baseUrl: ['base_url', 'openai_api_base'], params: ['dimensions'] },
  { framework: 'LangChain', family: 'python', modules: LC_EMBEDDINGS, names: ['AzureOpenAIEmbeddings'], client: 'azure', ...embeddings, model: { names: ['azure_deployment', 'deployment'] }, apiVersion: ['api_version', 'openai_api_version'], params: ['dimensions'] },
  { framework: 'LangChain', family: 'python', modules: ['langchain_openai', 'langchain_openai.llms'], names: ['OpenAI'], client: 'openai', ...completions, model: { names: ['model', 'model_name'] }, baseUrl: ['base_url', 'openai_api_base'] },
  // before langchain-openai, `OpenAI(model_name=<chat model>)` returned a chat wrapper
  { framework: 'LangChain', family: 'python', modules: LC_LLMS_OLD, names: ['OpenAI'], client: 'openai', endpoint: 'completions', endpointFixed: false, model: { names: ['model', 'model_name'] }, baseUrl: ['base_url', 'openai_api_base'] },
  { framework: 'LangChain', family: 'python', modules: ['langchain_openai', 'langchain_openai.llms', ...LC_LLMS_OLD], names: ['AzureOpenAI'], client: 'azure', endpoint: 'completions', endpointFixed: false, model: { names: ['azure_deployment', 'deployment_name'] }, apiVersion: ['api_version', 'openai_api_version'] },
  { framework: 'LangChain', family: 'python', modules: ['langchain.chat_models', 'langchain.chat_models.base'], names: ['init_chat_model'], client: 'openai', ...chatOrOther, model: { names: ['model'], position: 0 }, naming: OPENAI_COLON, providerArg: { name: 'model_provider', values: { openai: 'openai' } } },
  { framework: 'LangChain', family: 'python', modules: ['langchain.agents'], names: ['create_agent'], client: 'openai', ...chatOrOther, model: { names: ['model'], position: 0 }, naming: OPENAI_COLON },
  // LlamaIndex (Python): `OpenAI` uses chat or legacy completions by model
  { framework: 'LlamaIndex', family: 'python', modules: ['llama_index.llms.openai', 'llama_index.llms'], names: ['OpenAI'], client: 'openai', ...chatOrOther, model: { names: ['model'] }, baseUrl: ['api_base'] },
  { framework: 'LlamaIndex', family: 'python', modules: ['llama_index.llms.openai'], names: ['OpenAIResponses'], client: 'openai', ...responses, model: { names: ['model'] }, baseUrl: ['api_base'] },
  { framework: 'LlamaIndex', family: 'python', modules: ['llama_index.embeddings.openai', 'llama_index.embeddings'], names: ['OpenAIEmbedding'], client: 'openai', ...embeddings, model: { names: ['model'] }, baseUrl: ['api_base'] },
  { framework: 'LlamaIndex', family: 'python', modules: ['llama_index.llms.azure_openai', 'llama_index.llms'], names: ['AzureOpenAI'], client: 'azure', ...chatOrOther, model: { names: ['engine', 'deployment_name', 'deployment_id', 'deployment', 'azure_deployment'] }, apiVersion: ['api_version'] },
  { framework: 'LlamaIndex', family: 'python', modules: ['llama_index.embeddings.azure_openai'], names: ['AzureOpenAIEmbedding'], client: 'azure', ...embeddings, model: { names: ['deployment_name', 'deployment', 'deployment_id', 'azure_deployment'] }, apiVersion: ['api_version'] },
  // OpenAI Agents SDK (Python): Responses by default; `litellm/…` and other prefixes are other providers. A
  // bare name goes to the default client, which OPENAI_BASE_URL or another module may point elsewhere.
  { framework: 'OpenAI Agents SDK', family: 'python', modules: ['agents'], names: ['Agent'], client: 'openai', ...responses, model: { names: ['model'] }, naming: { separator: '/', prefixes: { openai: { client: 'openai' } }, bare: 'known' }, clientSetter: 'set_default_openai_client' },
  { framework: 'OpenAI Agents SDK', family: 'python', modules: ['agents', 'agents.models.openai_chatcompletions'], names: ['OpenAIChatCompletionsModel'], client: 'openai', ...chat, model: { names: ['model'], position: 0 }, clientArg: { names: ['openai_client'], position: 1 } },
  { framework: 'OpenAI Agents SDK', family: 'python', modules: ['agents', 'agents.models.openai_responses'], names: ['OpenAIResponsesModel'], client: 'openai', ...responses, model: { names: ['model'], position: 0 }, clientArg: { names: ['openai_client'], position: 1 } },
  // LiteLLM: the provider comes from the prefix, or from the bare name
  { ...LITELLM, names: ['completion', 'acompletion'], ...chatOrOther, model: { names: ['model'], position: 0 } },
  // `text_completion`, `responses` and `image_generation` take the prompt or input first: the model only by name
  { ...LITELLM, names: ['text_completion', 'atext_completion'], ...chatOrOther, model: { names: ['model'] } },
  { ...LITELLM, names: ['responses', 'aresponses'], ...responses, model: { names: ['model'] } },
  { ...LITELLM, names: ['embedding', 'aembedding'], ...embeddings, model: { names: ['model'], position: 0 } },
  { ...LITELLM, names: ['image_generation', 'aimage_generation'], endpoint: 'images.generate', endpointFixed: true, model: { names: ['model'] } },
  { ...LITELLM, names: ['transcription', 'atranscription'], endpoint: 'audio.transcriptions', endpointFixed: true, model: { names: ['model'], position: 0 } },
  { ...LITELLM, names: ['speech', 'aspeech'], endpoint: 'audio.speech', endpointFixed: true, model: { names: ['model'], position: 0 } },
  // DSPy: `dspy.LM` hands the model string to LiteLLM
  { ...LITELLM, framework: 'DSPy', modules: ['dspy'], names: ['LM'], ...chatOrOther, model: { names: ['model'], position: 0 } },
  // instructor: `from_provider("openai/…")` builds an OpenAI client; `mode=` may choose the Responses API
  { framework: 'instructor', family: 'python', modules: ['instructor'], names: ['from_provider'], client: 'openai', ...chatOrOther, model: { names: ['model'], position: 0 }, naming: { separator: '/', prefixes: { openai: { client: 'openai' } }, bare: 'none' } },
  // pydantic-ai: `openai:` is chat before 1.0 and Responses since
  { framework: 'pydantic-ai', family: 'python', modules: ['pydantic_ai', 'pydantic_ai.agent'], names: ['Agent'], client: 'openai', ...chatOrOther, model: { names: ['model'], position: 0 }, naming: { separator: ':', prefixes: { openai: { client: 'openai' }, 'openai-chat': { client: 'openai', ...chat }, 'openai-responses': { client: 'openai', ...responses }, azure: { client: 'azure', ...chat } }, bare: 'known' } },
  { framework: 'pydantic-ai', family: 'python', modules: ['pydantic_ai.models.openai'], names: ['OpenAIModel', 'OpenAIChatModel'], client: 'openai', ...chat, model: { names: ['model_name'], position: 0 }, providerArg: { name: 'provider', values: { openai: 'openai', 'openai-chat': 'openai', azure: 'azure' } } },
  { framework: 'pydantic-ai', family: 'python', modules: ['pydantic_ai.models.openai'], names: ['OpenAIResponsesModel'], client: 'openai', ...responses, model: { names: ['model_name'], position: 0 }, providerArg: { name: 'provider', values: { openai: 'openai', 'openai-responses': 'openai', azure: 'azure' } } },
  // AutoGen: constructor arguments that are request parameters go to chat.completions.create as they are
  { framework: 'AutoGen', family: 'python', modules: AUTOGEN, names: ['OpenAIChatCompletionClient'], client: 'openai', ...chat, model: { names: ['model'] }, naming: { separator: '/', prefixes: {}, bare: 'known' }, baseUrl: ['base_url'], params: AUTOGEN_PARAMS },
  { framework: 'AutoGen', family: 'python', modules: AUTOGEN, names: ['AzureOpenAIChatCompletionClient'], client: 'azure', ...chat, model: { names: ['azure_deployment', 'model'] }, apiVersion: ['api_version'], params: AUTOGEN_PARAMS },
  // Semantic Kernel
  { ...SK_OPENAI, names: ['OpenAIChatCompletion'], ...chat },
  { ...SK_OPENAI, names: ['OpenAITextCompletion'], ...completions },
  { ...SK_OPENAI, names: ['OpenAITextEmbedding'], ...embeddings },
  { ...SK_OPENAI, names: ['OpenAITextToImage'], endpoint: 'images.generate', endpointFixed: true },
  { ...SK_OPENAI, names: ['OpenAIAudioToText'], endpoint: 'audio.transcriptions', endpointFixed: true },
  { ...SK_OPENAI, names: ['OpenAITextToAudio'], endpoint: 'audio.speech', endpointFixed: true },
  { ...SK_AZURE, names: ['AzureChatCompletion'], ...chat },
  { ...SK_AZURE, names: ['AzureTextCompletion'], ...completions },
  { ...SK_AZURE, names: ['AzureTextEmbedding'], ...embeddings },
  { ...SK_AZURE, names: ['AzureTextToImage'], endpoint: 'images.generate', endpointFixed: true },
  { ...SK_AZURE, names: ['AzureAudioToText'], endpoint: 'audio.transcriptions', endpointFixed: true },
  { ...SK_AZURE, names: ['AzureTextToAudio'], endpoint: 'audio.speech', endpointFixed: true },

  // Vercel AI SDK: `openai("…")` is chat in @ai-sdk/openai 1.x and Responses from 2.0
  { framework: 'Vercel AI SDK', family: 'ecma', modules: ['@ai-sdk/openai'], names: ['openai'], factories: ['createOpenAI'], methods: AI_SDK_METHODS, client: 'openai', ...responsesOrChat, model: { names: [], position: 0 }, baseUrl: ['baseURL'] },
  { framework: 'Vercel AI SDK', family: 'ecma', modules: ['@ai-sdk/azure'], names: ['azure'], factories: ['createAzure'], methods: AI_SDK_METHODS, client: 'azure', ...responsesOrChat, model: { names: [], position: 0 }, apiVersion: ['apiVersion'] },
  // AI SDK 5 strings for its default (gateway) provider: `generateText({ model: "openai/gpt-4o" })`
  { framework: 'Vercel AI SDK', family: 'ecma', modules: ['ai'], names: ['generateText', 'streamText', 'generateObject', 'streamObject'], client: 'openai', ...responsesOrChat, model: { names: ['model'] }, naming: { separator: '/', prefixes: { openai: { client: 'openai' } }, bare: 'none' } },
  { framework: 'Vercel AI SDK', family: 'ecma', modules: ['ai'], names: ['embed', 'embedMany'], client: 'openai', ...embeddings, model: { names: ['model'] }, naming: { separator: '/', prefixes: { openai: { client: 'openai' } }, bare: 'none' } },
  // LangChain.js
  { framework: 'LangChain.js', family: 'ecma', modules: [...LCJS, 'langchain/chat_models/openai'], names: ['ChatOpenAI'], client: 'openai', ...chatOrOther, model: { names: ['model', 'modelName'], position: 0 }, baseUrl: ['configuration.baseURL'] },
  { framework: 'LangChain.js', family: 'ecma', modules: [...LCJS, 'langchain/chat_models/openai'], names: ['AzureChatOpenAI'], client: 'azure', ...chatOrOther, model: { names: ['azureOpenAIApiDeploymentName', 'deploymentName'], position: 0 }, apiVersion: ['azureOpenAIApiVersion', 'openAIApiVersion'] },
  { framework: 'LangChain.js', family: 'ecma', modules: [...LCJS, 'langchain/embeddings/openai'], names: ['OpenAIEmbeddings'], client: 'openai', ...embeddings, model: { names: ['model', 'modelName'] }, baseUrl: ['configuration.baseURL'], params: ['dimensions'] },
  { framework: 'LangChain.js', family: 'ecma', modules: [...LCJS, 'langchain/embeddings/openai'], names: ['AzureOpenAIEmbeddings'], client: 'azure', ...embeddings, model: { names: ['azureOpenAIApiEmbeddingsDeploymentName', 'azureOpenAIApiDeploymentName', 'deploymentName'] }, apiVersion: ['azureOpenAIApiVersion', 'openAIApiVersion'], params: ['dimensions'] },
  { framework: 'LangChain.js', family: 'ecma', modules: [...LCJS, 'langchain/llms/openai'], names: ['OpenAI'], client: 'openai', ...completions, model: { names: ['model', 'modelName'] }, baseUrl: ['configuration.baseURL'] },
  { framework: 'LangChain.js', family: 'ecma', modules: ['langchain/chat_models/universal'], names: ['initChatModel'], client: 'openai', ...chatOrOther, model: { names: [], position: 0 }, naming: OPENAI_COLON },
  // OpenAI Agents SDK (JS)
  { framework: 'OpenAI Agents SDK', family: 'ecma', modules: ['@openai/agents', '@openai/agents-core'], names: ['Agent'], client: 'openai', ...responses, model: { names: ['model'] }, naming: { separator: '/', prefixes: {}, bare: 'known' } },
  { framework: 'OpenAI Agents SDK', family: 'ecma', modules: ['@openai/agents', '@openai/agents-openai'], names: ['OpenAIChatCompletionsModel'], client: 'openai', ...chat, model: { names: [], position: 1 }, clientArg: { names: [], position: 0 } },
  { framework: 'OpenAI Agents SDK', family: 'ecma', modules: ['@openai/agents', '@openai/agents-openai'], names: ['OpenAIResponsesModel'], client: 'openai', ...responses, model: { names: [], position: 1 }, clientArg: { names: [], position: 0 } },
  // LlamaIndex.TS
  { framework: 'LlamaIndex.TS', family: 'ecma', modules: ['@llamaindex/openai', 'llamaindex'], names: ['OpenAI', 'openai'], client: 'openai', ...chat, model: { names: ['model'] }, baseUrl: ['baseURL'] },
  { framework: 'LlamaIndex.TS', family: 'ecma', modules: ['@llamaindex/openai', 'llamaindex'], names: ['OpenAIEmbedding'], client: 'openai', ...embeddings, model: { names: ['model'] }, baseUrl: ['baseURL'] },
];

/** The package a module path belongs to: `langchain_openai` of `langchain_openai.chat_models`, `@ai-sdk/openai`. */
function packageOf(module: string, family: Family): string {
  if (family === 'python') return module.split('.')[0]!;
  return module.split('/').slice(0, module.startsWith('@') ? 2 : 1).join('/');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const packages = (family: Family) =>
  [...new Set(FRAMEWORKS.filter((r) => r.family === family).flatMap((r) => r.modules.map((m) => packageOf(m, family))))]
    // longest first: the alternation then takes `langchain_openai` whole, not `langchain` in it
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
/** JS packages inside quotes (`from "@ai-sdk/openai"`, `require('ai')`), Python packages as written. */
const PACKAGE_RE = new RegExp(`["'\`](?:${packages('ecma')})(?=["'\`/])|(?:${packages('python')})`, 'g');

/**
 * Cheap prefilter, no parse: false only when the text imports no framework package (a
 * framework call is only taken from an import, see frameworkCalls). It looks only where
 * `import` or `require` is written, at the statement there: the line (Python `from
 * langchain_openai import …`, `import os, litellm`), or up to the line with the module string
 * of a JS import spread over lines. A JS package counts in quotes, a Python one as a whole
 * word; so a comment about "agents" or an "instructor" does not count.
 */
export function mightImportFramework(text: string): boolean {
  // one regex scan for both words (faster than an indexOf loop per word)
  const anchors = new RegExp(ANCHOR.source, 'g');
  for (let m = anchors.exec(text); m; m = anchors.exec(text)) {
    if (packageIn(text, statementAround(text, m.index))) return true;
  }
  return false;
}

const ANCHOR = /\bimport\b|\brequire\b/;

const QUOTE = /["'`]/;

/** [start, end) of the line holding text[i], extended to the line with the next quote when the line opens `{` without one (a JS import over several lines). */
function statementAround(text: string, i: number): [number, number] {
  const start = Math.max(text.lastIndexOf('\n', i), text.lastIndexOf('\r', i)) + 1;
  let end = lineEnd(text, i);
  if (!QUOTE.test(text.slice(start, end)) && text.slice(i, end).includes('{')) {
    const q = text.slice(end, end + 2000).search(QUOTE);
    if (q >= 0) end = lineEnd(text, end + q);
  }
  return [start, end];
}

function lineEnd(text: string, i: number): number {
  const n = text.indexOf('\n', i);
  return n < 0 ? text.length : n;
}

function packageIn(text: string, [start, end]: [number, number]): boolean {
  // one regex object for every statement (synchronous use only)
  const re = PACKAGE_RE;
  re.lastIndex = 0;
  const s = text.slice(start, end);
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const i = m.index;
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x27 || c === 0x60) return true;
    re.lastIndex = i + 1;
    const after = i + m[0].length;
    const before = i > 0 ? s.charCodeAt(i - 1) : 0x20;
    if (!isIdentifierChar(before) && before !== 0x2e && !(after < s.length && isIdentifierChar(s.charCodeAt(after)))) return true;
  }
  return false;
}

/** A client an argument evaluates to, as extract.ts sees constructors (`AsyncOpenAI(base_url=…)`). */
export interface SeenClient {
  kind: ClientKind;
  baseUrl: string | null;
  apiVersion: ValueNode | null;
}

/** What the framework extractor needs from the file analysis of extract.ts. */
export interface FrameworkHost {
  family: Family;
  resolver: Resolver;
  /** words looked for in the text (analysis/reuse.ts): the names scanned here are added */
  words: Set<string>;
  /** every import: the local name, the module, and the name it has there (the local name for `import m` / `import * as m`) */
  imports: Iterable<{ local: string; module: string; name: string }>;
  /** the client a constructor call builds, when it is one extract.ts knows */
  constructed(node: Node): SeenClient | null;
  /** a call's arguments as extract.ts reads them (keywords and spreads; JS: the first object argument) */
  callArguments(args: Node): { args: Argument[]; open: boolean };
}

/** How a local name reaches the table: an export of a row, a provider a factory returned, or a module. */
type Binding = (
  | { kind: 'export'; rows: Row[]; name: string }
  | { kind: 'provider'; row: Row; factory: Node }
  | { kind: 'module'; module: string; aliased: boolean }
) & {
  /** the `require(...)` call the name is destructured from (JS), for telling the binding from a shadowing one */
  required?: Node;
};

interface Import {
  local: string;
  module: string;
  name: string;
  required?: Node;
}

interface Candidate {
  row: Row;
  call: Node;
  callee: Node;
  args: Node;
  /** the AI SDK model factory called (`chat` in `openai.chat("…")`), '' for the export itself */
  method: string;
  /** the options of the factory call that made the provider (`createOpenAI({ baseURL })`) */
  factoryOptions: Argument[];
}

const DATE_VERSION = /^\d{4}-\d{2}-\d{2}(-preview)?$/;
const OPENAI_BASE_URL = /^https?:\/\/api\.openai\.com(\/|$)/i;

/** Every framework call in the tree, in source order; none when reading them fails on odd input (the SDK calls stay). */
export function frameworkCalls(host: FrameworkHost, tree: Tree, lang: LanguageName): ApiCall[] {
  try {
    return readFrameworkCalls(host, tree, lang);
  } catch {
    return [];
  }
}

function readFrameworkCalls(host: FrameworkHost, tree: Tree, lang: LanguageName): ApiCall[] {
  const rows = FRAMEWORKS.filter((r) => r.family === host.family);
  const reaches = (module: string) => rows.some((r) => r.modules.some((m) => m === module || m.startsWith(`${module}.`)));
  const bindings = new Map<string, Binding>();
  const setters = new Map<string, Row>();
  const imports: Import[] = [...host.imports, ...(host.family === 'ecma' ? requires(host, tree, reaches) : [])];
  for (const imp of imports) {
    const exported = rows.filter((r) => r.modules.includes(imp.module) && (r.names.includes(imp.name) || r.factories?.includes(imp.name)));
    const setter = rows.find((r) => r.clientSetter === imp.name && r.modules.includes(imp.module));
    const required = imp.required ? { required: imp.required } : {};
    if (exported.length) bindings.set(imp.local, { kind: 'export', rows: exported, name: imp.name, ...required });
    else if (setter) setters.set(imp.local, setter);
    else if (reaches(`${imp.module}.${imp.name}`)) bindings.set(imp.local, { kind: 'module', module: `${imp.module}.${imp.name}`, aliased: true });
    else if (reaches(imp.module)) {
      // `import litellm`, `import langchain.chat_models` (binds `langchain`), `import litellm as ll`, `import * as lc from "@langchain/openai"`
      bindings.set(imp.local, { kind: 'module', module: imp.module, aliased: !(imp.module === imp.local || imp.module.startsWith(`${imp.local}.`)), ...required });
    }
  }
  if (bindings.size === 0) return [];
  const found: Candidate[] = [];
  const seen = new Set<number>();
  const scan = (local: string, binding: Binding) => {
    host.words.add(local);
    for (const at of wordOccurrences(host.resolver.text, local)) {
      const c = candidateAt(host, tree, at, local, binding, bindings);
      if (!c || seen.has(c.call.id)) continue;
      seen.add(c.call.id);
      found.push(c);
    }
  };
  for (const [local, binding] of [...bindings]) scan(local, binding);
  // the providers the factories made (`const myOpenAI = createOpenAI({...})`)
  for (const [local, binding] of bindings) if (binding.kind === 'provider') scan(local, binding);
  found.sort((a, b) => a.call.startIndex - b.call.startIndex);
  const language = lang === 'python' ? 'python' : lang === 'javascript' ? 'javascript' : 'typescript';
  const defaults = defaultClients(host, tree, setters);
  const out: ApiCall[] = [];
  for (const c of found) {
    const call = toApiCall(host, c, language, defaults.get(c.row));
    if (call) out.push(call);
  }
  return out;
}

/** The node of a call whose callee is the identifier at `at` named `local`, when `local` is the import there (not shadowed). */
function importedCallAt(host: FrameworkHost, tree: Tree, at: number, local: string): Node | null {
  const node = tree.rootNode.descendantForIndex(at, at + local.length);
  if (!node || node.type !== 'identifier' || node.text !== local || host.resolver.origin(local, node).kind !== 'free') return null;
  const call = node.parent;
  return call && call.type === 'call' && call.childForFieldName('function')?.id === node.id ? call : null;
}

/**
 * The call at an occurrence of a bound name, when the name is used there as the binding says
 * (not shadowed): the export called (`ChatOpenAI(...)`, `new ChatOpenAI({...})`), a model
 * factory of an AI SDK provider (`openai.chat("…")`), or an export reached through its module
 * (`litellm.completion(...)`). A factory call bound to a name (`const p = createOpenAI(...)`)
 * records that name as a provider instead and gives null.
 */
function candidateAt(host: FrameworkHost, tree: Tree, at: number, local: string, binding: Binding, bindings: Map<string, Binding>): Candidate | null {
  const py = host.family === 'python';
  const node = tree.rootNode.descendantForIndex(at, at + local.length);
  if (!node || node.type !== 'identifier' || node.text !== local) return null;
  const origin = host.resolver.origin(local, node);
  const from = binding.kind === 'provider' ? binding.factory : binding.required;
  if (from ? origin.kind !== 'value' || origin.node.id !== from.id : origin.kind !== 'free') return null;
  // up the member chain: `mod.sub.Name`, `openai.chat`
  const member = py ? 'attribute' : 'member_expression';
  const segments: string[] = [];
  let callee: Node = node;
  for (let p = callee.parent; p && p.type === member && p.childForFieldName('object')?.id === callee.id; p = callee.parent) {
    const prop = p.childForFieldName(py ? 'attribute' : 'property');
    if (!prop) return null;
    segments.push(prop.text);
    callee = p;
  }
  const call = callee.parent;
  if (!call || callee.hasError) return null;
  const isCall = (call.type === (py ? 'call' : 'call_expression') && call.childForFieldName('function')?.id === callee.id) || (!py && call.type === 'new_expression' && call.childForFieldName('constructor')?.id === callee.id);
  const args = isCall ? call.childForFieldName('arguments') : null;
  if (!args || args.type !== (py ? 'argument_list' : 'arguments')) return null;

  let row: Row | undefined;
  let method = '';
  if (binding.kind === 'module') {
    const name = segments.pop();
    if (!name || (!py && segments.length)) return null;
    const module = binding.aliased ? [binding.module, ...segments].join('.') : [local, ...segments].join('.');
    row = FRAMEWORKS.find((r) => r.family === host.family && r.modules.includes(module) && r.names.includes(name));
  } else {
    if (segments.length > 1) return null;
    method = segments[0] ?? '';
    const rows = binding.kind === 'export' ? binding.rows : [binding.row];
    const name = binding.kind === 'export' ? binding.name : binding.row.names[0]!;
    const factoryOf = binding.kind === 'export' ? rows.find((r) => r.factories?.includes(name)) : undefined;
    if (factoryOf) {
      const declared = method ? null : boundName(call, host.family);
      if (declared) bindings.set(declared, { kind: 'provider', row: factoryOf, factory: call });
      return null;
    }
    row = rows.find((r) => r.names.includes(name) && (method === '' || !!r.methods?.[method]));
  }
  if (!row) return null;
  return { row, call, callee, args, method, factoryOptions: binding.kind === 'provider' ? optionsOf(host, binding.factory) : [] };
}

/**
 * Names bound by `require` of a framework module: `const { ChatOpenAI: C } = require("@langchain/openai")`
 * (the export), `const lc = require("@langchain/openai")` (the module).
 */
function requires(host: FrameworkHost, tree: Tree, reaches: (module: string) => boolean): Import[] {
  const out: Import[] = [];
  for (const at of wordOccurrences(host.resolver.text, 'require')) {
    const fn = tree.rootNode.descendantForIndex(at, at + 7);
    const call = fn?.parent;
    if (!call || call.type !== 'call_expression' || call.childForFieldName('function')?.id !== fn!.id) continue;
    const arg = call.childForFieldName('arguments')?.namedChildren[0];
    const module = arg?.type === 'string' ? arg.text.slice(1, -1) : null;
    const decl = call.parent;
    const target = decl?.type === 'variable_declarator' && decl.childForFieldName('value')?.id === call.id ? decl.childForFieldName('name') : null;
    if (!module || !target || !reaches(module)) continue;
    if (target.type === 'identifier') out.push({ local: target.text, module, name: target.text, required: call });
    else if (target.type === 'object_pattern') {
      for (const p of target.namedChildren) {
        if (p?.type === 'shorthand_property_identifier_pattern') out.push({ local: p.text, module, name: p.text, required: call });
        else if (p?.type === 'pair_pattern') {
          const key = p.childForFieldName('key');
          const value = p.childForFieldName('value');
          if (key && value?.type === 'identifier') out.push({ local: value.text, module, name: key.text, required: call });
        }
      }
    }
  }
  return out;
}

/** The name a call's value is bound to: `const p = createOpenAI(...)` / `p = f(...)`. */
function boundName(call: Node, family: Family): string | null {
  const p = call.parent;
  if (!p) return null;
  const name =
    family === 'python'
      ? p.type === 'assignment' && p.childForFieldName('right')?.id === call.id
        ? p.childForFieldName('left')
        : null
      : p.type === 'variable_declarator' && p.childForFieldName('value')?.id === call.id
        ? p.childForFieldName('name')
        : null;
  return name && name.type === 'identifier' ? name.text : null;
}

function optionsOf(host: FrameworkHost, call: Node): Argument[] {
  const args = call.childForFieldName('arguments');
  return args ? host.callArguments(args).args : [];
}

/**
 * The client a row's calls use when the file sets one for all of them (the Agents SDK's
 * `set_default_openai_client(c)`): that client when its construction is visible, 'unseen'
 * when it is not.
 */
function defaultClients(host: FrameworkHost, tree: Tree, setters: Map<string, Row>): Map<Row, SeenClient | 'unseen'> {
  const out = new Map<Row, SeenClient | 'unseen'>();
  for (const [local, row] of setters) {
    host.words.add(local);
    for (const at of wordOccurrences(host.resolver.text, local)) {
      const call = importedCallAt(host, tree, at, local);
      const args = call?.childForFieldName('arguments');
      if (!args) continue;
      const first = positional(args, 0);
      const seen = first ? seenClient(host, first) : null;
      for (const r of FRAMEWORKS) if (r.clientSetter === row.clientSetter && r.family === row.family) out.set(r, seen ?? 'unseen');
    }
  }
  return out;
}

/** The client an expression evaluates to through names assigned once, when it is a constructor extract.ts knows. */
function seenClient(host: FrameworkHost, node: Node): SeenClient | null {
  let n: Node | null = node;
  for (let depth = 0; n && depth < 4; depth++) {
    if (n.type !== 'identifier') return host.constructed(n);
    n = host.resolver.lookup(n.text, n);
  }
  return null;
}

function positional(args: Node, index: number): Node | null {
  let i = 0;
  for (const c of args.namedChildren) {
    if (!c || c.type === 'comment') continue;
    const t = c.type;
    if (t === 'keyword_argument' || t === 'dictionary_splat') continue;
    // a splat before it: positions unknown
    if (t === 'list_splat' || t === 'spread_element') return null;
    if (i++ === index) return c;
  }
  return null;
}

/** The argument in a slot: by name first, then by position (a synthesized argument with an empty name span); with its node when written in the call. */
function slotArgument(host: FrameworkHost, named: Argument[], args: Node, slot: Slot): { arg: Argument; node: Node | null } | null {
  for (const n of slot.names) {
    const a = named.find((x) => x.name === n);
    if (a) return { arg: a, node: namedNode(args, n, host.family) };
  }
  if (slot.position === undefined) return null;
  const node = positional(args, slot.position);
  if (!node || (host.family === 'ecma' && node.type === 'object')) return null;
  const span = spanOf(node);
  return { arg: { name: slot.names[0] ?? 'model', nameSpan: { start: span.start, end: span.start }, span, value: host.resolver.resolve(node), fromSpread: false }, node };
}

/** The value written for `name=` (Python) or `name:` in the first object argument (JS). */
function namedNode(args: Node, name: string, family: Family): Node | null {
  const py = family === 'python';
  const holder = py ? args : args.namedChildren.find((c) => c && c.type !== 'comment');
  if (!holder || (!py && holder.type !== 'object')) return null;
  for (const c of holder.namedChildren) {
    if (c?.type !== (py ? 'keyword_argument' : 'pair')) continue;
    const key = c.childForFieldName(py ? 'name' : 'key');
    if (key?.text === name) return c.childForFieldName('value');
  }
  return null;
}

function option(args: Argument[], path: string): ValueNode | null {
  const [first, ...rest] = path.split('.');
  let v = args.find((a) => a.name === first)?.value ?? null;
  for (const key of rest) v = v ? entry(v.value, key) : null;
  return v;
}

function firstOption(args: Argument[], names: readonly string[] | undefined): ValueNode | null {
  for (const n of names ?? []) {
    const v = option(args, n);
    if (v) return v;
  }
  return null;
}

/** The model ID without its provider prefix, where it is written (null: the string has escapes, so no edit position). */
function withoutPrefix(arg: Argument, length: number, text: string): Argument {
  const v = arg.value;
  if (length === 0 || v.value.kind !== 'string') return arg;
  const id = v.value.value.slice(length);
  const inner = v.innerSpan;
  const value: ValueNode =
    inner && text.slice(inner.start, inner.end) === v.value.value
      ? { value: { kind: 'string', value: id }, span: { start: inner.start + length, end: inner.end }, innerSpan: { start: inner.start + length, end: inner.end } }
      : { value: { kind: 'string', value: id }, span: v.span };
  return { ...arg, value };
}

interface Route {
  client: Provider | 'compatible';
  endpoint: Endpoint;
  endpointFixed: boolean;
  knownOnly: boolean;
  prefixLength: number;
}

/** Where a model string goes: OpenAI, Azure, or (null) another provider or a model the file cannot see. */
function routeOf(c: Candidate, model: Argument, named: Argument[]): Route | null {
  const { row } = c;
  const m = c.method ? row.methods?.[c.method] : undefined;
  const route: Route = { client: row.client, endpoint: m?.endpoint ?? row.endpoint, endpointFixed: m?.endpointFixed ?? row.endpointFixed, knownOnly: false, prefixLength: 0 };
  const id = model.value.value.kind === 'string' ? model.value.value.value : null;
  if (row.providerArg) {
    const given = named.find((a) => a.name === row.providerArg!.name);
    if (given) {
      const v = given.value.value;
      if (v.kind !== 'string') {
        // a provider object (`OpenAIProvider(base_url=...)`) or a value the file cannot see
        route.knownOnly = true;
        return route;
      }
      const to = row.providerArg.values[v.value];
      if (!to) return null;
      // the provider is named: the model is its ID as written
      route.client = to;
      return route;
    }
  }
  if (!row.naming) return route;
  // the provider is in the string: a model the file cannot see may be anyone's
  if (id === null) return null;
  return stripPrefix(route, row.naming, id);
}

function stripPrefix(route: Route, naming: Naming, id: string): Route | null {
  // the longest route that starts the ID (LiteLLM's `azure/o_series/` before `azure/`)
  let key: string | null = null;
  for (const k of Object.keys(naming.prefixes)) if (id.startsWith(k + naming.separator) && (key === null || k.length > key.length)) key = k;
  if (key !== null) {
    const to = naming.prefixes[key]!;
    return { ...route, client: to.client, endpoint: to.endpoint ?? route.endpoint, endpointFixed: to.endpointFixed ?? route.endpointFixed, prefixLength: key.length + 1 };
  }
  // any other prefix is another provider's; a fine-tuned ID (`ft:gpt-4o-mini:org::id`) has none
  if (id.indexOf(naming.separator) > 0 && !(naming.separator === ':' && id.startsWith('ft:'))) return null;
  if (naming.bare === 'none') return null;
  if (naming.bare === 'known') route.knownOnly = true;
  return route;
}

function toApiCall(host: FrameworkHost, c: Candidate, language: ApiCall['language'], defaultClient: SeenClient | 'unseen' | undefined): ApiCall | null {
  const { row } = c;
  const { args: named, open } = host.callArguments(c.args);
  const slot = slotArgument(host, named, c.args, row.model);
  if (!slot) return null;
  const route = routeOf(c, slot.arg, named);
  if (!route) return null;
  const options = [...c.factoryOptions, ...named];
  let baseUrl: string | null = null;
  const base = firstOption(options, row.baseUrl);
  if (base?.value.kind === 'string') {
    baseUrl = base.value.value;
    if (!OPENAI_BASE_URL.test(baseUrl)) route.client = 'compatible';
  }
  // the client the framework is given (or told to use for every call) decides the vendor
  const clientSlot = row.clientArg ? slotArgument(host, named, c.args, row.clientArg) : null;
  const given = clientSlot ? (clientSlot.node ? seenClient(host, clientSlot.node) : null) : null;
  const client = clientSlot ? given ?? 'unseen' : defaultClient;
  let apiVersion: ValueNode | null = null;
  if (client === 'unseen') route.knownOnly = true;
  else if (client) {
    route.client = client.kind === 'azure' ? 'azure' : client.kind === 'compatible' ? 'compatible' : route.client;
    baseUrl = client.baseUrl ?? baseUrl;
    apiVersion = client.apiVersion;
  }
  if (route.client === 'azure') {
    // only a dated version is an api-version OAI402 can compare (the AI SDK also takes 'v1', 'preview')
    const v = firstOption(options, row.apiVersion) ?? apiVersion;
    apiVersion = v?.value.kind === 'string' && DATE_VERSION.test(v.value.value) ? v : null;
  } else apiVersion = null;
  const model = withoutPrefix(slot.arg, route.prefixLength, host.resolver.text);
  const params = row.params ?? [];
  const info: ClientInfo = { kind: route.client, constructorName: calleeName(c), baseUrl, apiVersion, legacySdk: false };
  return {
    endpoint: route.endpoint,
    method: calleeName(c),
    helper: null,
    language,
    client: info,
    span: spanOf(c.call),
    calleeSpan: spanOf(c.callee),
    argsSpan: spanOf(c.args),
    model,
    args: [model, ...named.filter((a) => params.includes(a.name))],
    // the request's other parameters are the framework's to set
    argsOpen: params.length ? open : true,
    messages: null,
    instructions: null,
    via: { framework: row.framework, endpointFixed: route.endpointFixed, knownModelsOnly: route.knownOnly },
  };
}

/** The callee as written: `ChatOpenAI`, `openai.chat`, `litellm.completion`. */
function calleeName(c: Candidate): string {
  return c.callee.text.replace(/\s+/g, '');
}
