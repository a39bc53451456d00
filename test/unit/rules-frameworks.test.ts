/**
 * Model checks on the model strings frameworks take (SPEC §1 "Frameworks"), through the whole
 * engine over real Python and TypeScript (fixture catalog, as of 2024-12-17 unless a case
 * says otherwise): per framework, what is reported with exact ranges, messages and fix output,
 * and what is not — another provider's model, a model the file cannot see, parameters the
 * framework rewrites.
 */
import { snippetTable } from '../helpers/ruleTable';

const RETIRED = "gpt-4-32k was retired on 2025-06-06: requests to it fail; use 'gpt-4o' instead";
const DEPRECATED = "gpt-4-32k is deprecated: it shuts down on 2025-06-06; move to 'gpt-4o'";
const TYPO = "'gpt4o' is not a known model ID; did you mean 'gpt-4o'?";
const AFTER = '2025-07-01';
const fixed = (code: string, from = 'gpt-4-32k', to = 'gpt-4o') => code.replace(from, to);

// LangChain (Python)
{
  const chat = 'from langchain_openai import ChatOpenAI\n\nllm = ChatOpenAI(model="gpt-4-32k", temperature=0)\n';
  const oldPath = 'from langchain.chat_models import ChatOpenAI\n\nllm = ChatOpenAI(model_name="gpt-4-32k")\n';
  const community = 'from langchain_community.chat_models import ChatOpenAI\n\nllm = ChatOpenAI(model="gpt-4-32k")\n';
  const universal = 'from langchain.chat_models import init_chat_model\n\nllm = init_chat_model("openai:gpt-4-32k", temperature=0)\n';
  const constant = 'from langchain_openai import ChatOpenAI\n\nMODEL = "openai:gpt-4-32k"\nMODEL_ID = "gpt-4-32k"\nllm = ChatOpenAI(model=MODEL_ID)\n';
  const envDefault = 'import os\nfrom langchain_openai import ChatOpenAI\n\nllm = ChatOpenAI(model=os.getenv("MODEL", "gpt-4-32k"))\n';
  snippetTable('OAI102', {
    valid: [
      { name: 'LangChain: current model', lang: 'python', code: 'from langchain_openai import ChatOpenAI\n\nllm = ChatOpenAI(model="gpt-4o")\n', asOf: AFTER },
      { name: 'LangChain: model from the environment without default', lang: 'python', code: 'import os\nfrom langchain_openai import ChatOpenAI\n\nllm = ChatOpenAI(model=os.environ["MODEL"])\n', asOf: AFTER },
      { name: 'LangChain: model passed in as a parameter', lang: 'python', code: 'from langchain_openai import ChatOpenAI\n\ndef make(model):\n    return ChatOpenAI(model=model)\n', asOf: AFTER },
      { name: 'LangChain: another provider class', lang: 'python', code: 'from langchain_anthropic import ChatAnthropic\n\nllm = ChatAnthropic(model="gpt-4-32k")\n', asOf: AFTER },
      { name: 'LangChain: init_chat_model with another provider prefix', lang: 'python', code: 'from langchain.chat_models import init_chat_model\n\nllm = init_chat_model("anthropic:gpt-4-32k")\n', asOf: AFTER },
      { name: 'LangChain: init_chat_model naming another provider', lang: 'python', code: 'from langchain.chat_models import init_chat_model\n\nllm = init_chat_model("gpt-4-32k", model_provider="bedrock")\n', asOf: AFTER },
      { name: 'a ChatOpenAI class of the project, not LangChain', lang: 'python', code: 'from app.llms import ChatOpenAI\n\nllm = ChatOpenAI(model="gpt-4-32k")\n', asOf: AFTER },
      { name: 'LangChain: a base URL that is not OpenAI', lang: 'python', code: 'from langchain_openai import ChatOpenAI\n\nllm = ChatOpenAI(model="gpt-4-32k", base_url="http://localhost:8000/v1")\n', asOf: AFTER },
      { name: 'LangChain: the imported name rebound', lang: 'python', code: 'from langchain_openai import ChatOpenAI\n\ndef f(ChatOpenAI):\n    return ChatOpenAI(model="gpt-4-32k")\n', asOf: AFTER },
    ],
    invalid: [
      { name: 'LangChain: ChatOpenAI(model=…)', lang: 'python', code: chat, asOf: AFTER, errors: [{ covers: '"gpt-4-32k"', message: RETIRED, severity: 'error', output: fixed(chat), safe: false }] },
      { name: 'LangChain: old import path, model_name=', lang: 'python', code: oldPath, asOf: AFTER, errors: [{ covers: '"gpt-4-32k"', message: RETIRED, output: fixed(oldPath) }] },
      { name: 'LangChain: langchain_community import path', lang: 'python', code: community, asOf: AFTER, errors: [{ covers: '"gpt-4-32k"', message: RETIRED, output: fixed(community) }] },
      { name: 'LangChain: init_chat_model("openai:…"): the ID after the prefix', lang: 'python', code: universal, asOf: AFTER, errors: [{ covers: 'gpt-4-32k', message: RETIRED, output: fixed(universal) }] },
      { name: 'LangChain: a constant: finding on the call, fix on the literal', lang: 'python', code: constant, asOf: AFTER, errors: [{ covers: 'MODEL_ID', nth: 1, message: RETIRED, output: constant.replace('MODEL_ID = "gpt-4-32k"', 'MODEL_ID = "gpt-4o"') }] },
      { name: 'LangChain: environment default', lang: 'python', code: envDefault, asOf: AFTER, errors: [{ covers: '"gpt-4-32k"', message: RETIRED, output: fixed(envDefault) }] },
    ],
  });

  const typo = 'from langchain_openai import ChatOpenAI\n\nllm = ChatOpenAI(model="gpt4o")\n';
  snippetTable('OAI101', {
    valid: [
      { name: 'LangChain: init_chat_model infers the provider: an ID outside the catalog is not OpenAI’s', lang: 'python', code: 'from langchain.chat_models import init_chat_model\n\nllm = init_chat_model("claude-3-opus-20240229")\n' },
      { name: 'LangChain: model_provider set to another provider', lang: 'python', code: 'from langchain.chat_models import init_chat_model\n\nllm = init_chat_model("gpt4o", model_provider="anthropic")\n' },
    ],
    invalid: [{ name: 'LangChain: typo', lang: 'python', code: typo, errors: [{ covers: '"gpt4o"', message: TYPO, severity: 'warning', output: fixed(typo, 'gpt4o'), safe: false }] }],
  });

  const embOnChat = 'from langchain_openai import OpenAIEmbeddings\n\nemb = OpenAIEmbeddings(model="gpt-4o")\n';
  snippetTable('OAI104', {
    valid: [
      // ChatOpenAI moves some models to the Responses API itself: which endpoint it calls is not judged
      { name: 'LangChain: ChatOpenAI picks its endpoint by model', lang: 'python', code: 'from langchain_openai import ChatOpenAI\n\nllm = ChatOpenAI(model="text-embedding-3-small")\n' },
      { name: 'LangChain: embedding model on OpenAIEmbeddings', lang: 'python', code: 'from langchain_openai import OpenAIEmbeddings\n\nemb = OpenAIEmbeddings(model="text-embedding-3-small")\n' },
    ],
    invalid: [{ name: 'LangChain: chat model on OpenAIEmbeddings', lang: 'python', code: embOnChat, errors: [{ covers: '"gpt-4o"', message: 'gpt-4o is not served by embeddings (it serves chat.completions, responses, assistants, batch); use an embedding model', severity: 'error', output: null }] }],
  });

  const dims = 'from langchain_openai import OpenAIEmbeddings\n\nemb = OpenAIEmbeddings(model="text-embedding-ada-002", dimensions=256)\n';
  snippetTable('OAI201', {
    valid: [
      // LangChain drops a temperature other than 1 for gpt-5 and sets 1 for o1: not sent as written
      { name: 'LangChain: ChatOpenAI parameters are the framework’s to send', lang: 'python', code: 'from langchain_openai import ChatOpenAI\n\nllm = ChatOpenAI(model="o1", temperature=0.2, top_p=0.5)\n' },
      { name: 'LangChain: dimensions on a third-generation embedding model', lang: 'python', code: 'from langchain_openai import OpenAIEmbeddings\n\nemb = OpenAIEmbeddings(model="text-embedding-3-small", dimensions=256)\n' },
    ],
    invalid: [
      {
        name: 'LangChain: OpenAIEmbeddings sends dimensions as written',
        lang: 'python',
        code: dims,
        errors: [{ covers: 'dimensions=256', message: "'dimensions' is not supported by text-embedding-ada-002; remove it", severity: 'error', output: dims.replace(', dimensions=256', ''), safe: true }],
      },
    ],
  });

  const azure = 'from langchain_openai import AzureChatOpenAI\n\nllm = AzureChatOpenAI(azure_deployment="prod-chat", api_version="2024-10-21")\n';
  const oldAzure = 'from langchain.chat_models import AzureChatOpenAI\n\nllm = AzureChatOpenAI(deployment_name="prod-chat", openai_api_version="2023-05-15")\n';
  snippetTable('OAI401', {
    valid: [
      { name: 'LangChain: mapped deployment', lang: 'python', code: azure, settings: { azure: { deployments: { 'prod-chat': { model: 'gpt-4o', version: '2024-08-06' } } } } },
      { name: 'LangChain: deployment from the environment', lang: 'python', code: 'from langchain_openai import AzureChatOpenAI\n\nllm = AzureChatOpenAI(api_version="2024-10-21")\n' },
    ],
    invalid: [
      { name: 'LangChain: AzureChatOpenAI(azure_deployment=…)', lang: 'python', code: azure, errors: [{ covers: '"prod-chat"', message: "Azure deployment 'prod-chat' is not mapped to a model; map it in azure.deployments to enable model checks", severity: 'hint', output: null }] },
      { name: 'LangChain: old AzureChatOpenAI(deployment_name=…)', lang: 'python', code: oldAzure, errors: [{ covers: '"prod-chat"', message: "Azure deployment 'prod-chat' is not mapped to a model; map it in azure.deployments to enable model checks", output: null }] },
    ],
  });

  const tooOld = 'from langchain_openai import AzureChatOpenAI\n\nllm = AzureChatOpenAI(azure_deployment="reasoning", api_version="2024-06-01")\n';
  snippetTable('OAI402', {
    valid: [{ name: 'LangChain: new enough', lang: 'python', code: tooOld.replace('2024-06-01', '2024-12-01-preview'), settings: { azure: { deployments: { reasoning: { model: 'o1-mini', version: '2024-09-12' } } } } }],
    invalid: [
      {
        name: 'LangChain: AzureChatOpenAI api_version older than the mapped model needs',
        lang: 'python',
        code: tooOld,
        settings: { azure: { deployments: { reasoning: { model: 'o1-mini', version: '2024-09-12' } } } },
        errors: [{ covers: '"reasoning"', message: "api_version '2024-06-01' is older than 2024-09-01-preview, which o1-mini 2024-09-12 needs; use api_version '2024-09-01-preview' or later", severity: 'error', output: tooOld.replace('2024-06-01', '2024-09-01-preview'), safe: false }],
      },
    ],
  });
}

// LlamaIndex (Python)
{
  const llm = 'from llama_index.llms.openai import OpenAI\n\nllm = OpenAI(model="gpt-4-32k", temperature=0.1)\n';
  const oldPath = 'from llama_index.llms import OpenAI\n\nllm = OpenAI(model="gpt-4-32k")\n';
  snippetTable('OAI103', {
    valid: [{ name: 'LlamaIndex: a base URL that is not OpenAI', lang: 'python', code: 'from llama_index.llms.openai import OpenAI\n\nllm = OpenAI(model="gpt-4-32k", api_base="http://localhost:8080/v1")\n' }],
    invalid: [
      { name: 'LlamaIndex: llama_index.llms.openai.OpenAI', lang: 'python', code: llm, errors: [{ covers: '"gpt-4-32k"', message: DEPRECATED, severity: 'warning', output: fixed(llm) }] },
      { name: 'LlamaIndex: 0.9 import path', lang: 'python', code: oldPath, errors: [{ covers: '"gpt-4-32k"', message: DEPRECATED, output: fixed(oldPath) }] },
    ],
  });
  const azure = 'from llama_index.llms.azure_openai import AzureOpenAI\n\nllm = AzureOpenAI(engine="prod-chat", model="gpt-4o", api_version="2024-10-21")\n';
  snippetTable('OAI401', {
    valid: [{ name: 'LlamaIndex: mapped engine', lang: 'python', code: azure, settings: { azure: { deployments: { 'prod-chat': { model: 'gpt-4o' } } } } }],
    invalid: [{ name: 'LlamaIndex: AzureOpenAI(engine=…)', lang: 'python', code: azure, errors: [{ covers: '"prod-chat"', message: "Azure deployment 'prod-chat' is not mapped to a model; map it in azure.deployments to enable model checks", output: null }] }],
  });
  const emb = 'from llama_index.embeddings.openai import OpenAIEmbedding\n\nemb = OpenAIEmbedding(model="gpt-4o")\n';
  snippetTable('OAI104', {
    valid: [{ name: 'LlamaIndex: OpenAI uses chat or legacy completions by model', lang: 'python', code: 'from llama_index.llms.openai import OpenAI\n\nllm = OpenAI(model="gpt-3.5-turbo-instruct")\n' }],
    invalid: [{ name: 'LlamaIndex: chat model on OpenAIEmbedding', lang: 'python', code: emb, errors: [{ covers: '"gpt-4o"', message: 'gpt-4o is not served by embeddings (it serves chat.completions, responses, assistants, batch); use an embedding model', output: null }] }],
  });
}

// OpenAI Agents SDK (Python)
{
  const agent = 'from agents import Agent\n\nagent = Agent(name="Support", model="gpt-4-32k")\n';
  const prefixed = 'from agents import Agent\n\nagent = Agent(name="Support", model="openai/gpt-4-32k")\n';
  const model = 'from agents import OpenAIChatCompletionsModel\nfrom openai import AsyncOpenAI\n\nm = OpenAIChatCompletionsModel(model="gpt-4-32k", openai_client=AsyncOpenAI())\n';
  snippetTable('OAI103', {
    valid: [
      { name: 'Agents SDK: litellm/ prefix', lang: 'python', code: 'from agents import Agent\n\nagent = Agent(name="x", model="litellm/openai/gpt-4-32k")\n' },
      { name: 'Agents SDK: a client with a local base URL', lang: 'python', code: 'from agents import OpenAIChatCompletionsModel\nfrom openai import AsyncOpenAI\n\nm = OpenAIChatCompletionsModel(model="gpt-4-32k", openai_client=AsyncOpenAI(base_url="http://localhost:11434/v1"))\n' },
      { name: 'Agents SDK: a default client with a local base URL', lang: 'python', code: 'from agents import Agent, set_default_openai_client\nfrom openai import AsyncOpenAI\n\nset_default_openai_client(AsyncOpenAI(base_url="http://localhost:11434/v1"))\nagent = Agent(name="x", model="gpt-4-32k")\n' },
    ],
    invalid: [
      { name: 'Agents SDK: Agent(model=…)', lang: 'python', code: agent, errors: [{ covers: '"gpt-4-32k"', message: DEPRECATED, output: fixed(agent) }] },
      { name: 'Agents SDK: openai/ prefix', lang: 'python', code: prefixed, errors: [{ covers: 'gpt-4-32k', message: DEPRECATED, output: fixed(prefixed) }] },
      { name: 'Agents SDK: OpenAIChatCompletionsModel with an OpenAI client', lang: 'python', code: model, errors: [{ covers: '"gpt-4-32k"', message: DEPRECATED, output: fixed(model) }] },
    ],
  });
  snippetTable('OAI101', {
    valid: [
      // the client comes from elsewhere: a model outside the catalog may be its vendor's
      { name: 'Agents SDK: a client the file cannot see', lang: 'python', code: 'from agents import OpenAIChatCompletionsModel\n\ndef model(client):\n    return OpenAIChatCompletionsModel(model="gemini-2.0-flash", openai_client=client)\n' },
      // a bare name goes to the default client, which the environment may point at another server
      { name: 'Agents SDK: a bare name outside the catalog', lang: 'python', code: 'from agents import Agent\n\nagent = Agent(name="x", model="qwen2.5-coder")\n' },
    ],
    invalid: [
      { name: 'Agents SDK: a typo after openai/', lang: 'python', code: 'from agents import Agent\n\nagent = Agent(name="x", model="openai/gpt4o")\n', errors: [{ covers: 'gpt4o', message: TYPO, output: 'from agents import Agent\n\nagent = Agent(name="x", model="openai/gpt-4o")\n' }] },
    ],
  });
}

// LiteLLM
{
  const bare = 'import litellm\n\nr = litellm.completion(model="gpt-4-32k", messages=[])\n';
  const fromImport = 'from litellm import completion\n\nr = completion("openai/gpt-4-32k", messages=[])\n';
  snippetTable('OAI103', {
    valid: [
      { name: 'LiteLLM: another provider prefix', lang: 'python', code: 'import litellm\n\nr = litellm.completion(model="groq/gpt-4-32k", messages=[])\n' },
      { name: 'LiteLLM: ollama prefix', lang: 'python', code: 'from litellm import completion\n\nr = completion(model="ollama/llama3", messages=[])\n' },
      { name: 'LiteLLM: openai/ prefix with a local api_base', lang: 'python', code: 'import litellm\n\nr = litellm.completion(model="openai/gpt-4-32k", api_base="http://localhost:4000", messages=[])\n' },
    ],
    invalid: [
      { name: 'LiteLLM: bare OpenAI ID', lang: 'python', code: bare, errors: [{ covers: '"gpt-4-32k"', message: DEPRECATED, output: fixed(bare) }] },
      { name: 'LiteLLM: openai/ prefix, positional', lang: 'python', code: fromImport, errors: [{ covers: 'gpt-4-32k', message: DEPRECATED, output: fixed(fromImport) }] },
    ],
  });
  const typo = 'import litellm\n\nr = litellm.completion(model="openai/gpt4o", messages=[])\n';
  snippetTable('OAI101', {
    valid: [
      // LiteLLM infers the provider of a bare name: an ID outside the catalog is someone else's
      { name: 'LiteLLM: bare ID of another provider', lang: 'python', code: 'import litellm\n\nr = litellm.completion(model="claude-3-opus-20240229", messages=[])\n' },
    ],
    invalid: [{ name: 'LiteLLM: typo after openai/', lang: 'python', code: typo, errors: [{ covers: 'gpt4o', message: TYPO, output: fixed(typo, 'gpt4o') }] }],
  });
  const az = 'import litellm\n\nr = litellm.completion(model="azure/reasoning", api_version="2024-06-01", messages=[])\n';
  const settings = { azure: { deployments: { reasoning: { model: 'o1-mini', version: '2024-09-12' } } } };
  snippetTable('OAI402', {
    valid: [{ name: 'LiteLLM: new enough', lang: 'python', code: az.replace('2024-06-01', '2024-12-01-preview'), settings }],
    invalid: [{ name: 'LiteLLM: azure/<deployment> with an old api_version', lang: 'python', code: az, settings, errors: [{ covers: 'reasoning', message: "api_version '2024-06-01' is older than 2024-09-01-preview, which o1-mini 2024-09-12 needs; use api_version '2024-09-01-preview' or later", output: az.replace('2024-06-01', '2024-09-01-preview') }] }],
  });
  snippetTable('OAI401', {
    valid: [],
    invalid: [{ name: 'LiteLLM: azure/<deployment> not mapped', lang: 'python', code: 'import litellm\n\nr = litellm.completion(model="azure/prod-chat", messages=[])\n', errors: [{ covers: 'prod-chat', message: "Azure deployment 'prod-chat' is not mapped to a model; map it in azure.deployments to enable model checks", output: null }] }],
  });
}

// DSPy, instructor, pydantic-ai
{
  const dspy = 'import dspy\n\nlm = dspy.LM("openai/gpt-4-32k", temperature=0.0)\n';
  const instructor = 'import instructor\n\nclient = instructor.from_provider("openai/gpt-4-32k")\n';
  const pyd = 'from pydantic_ai import Agent\n\nagent = Agent("openai:gpt-4-32k", instructions="Be brief.")\n';
  const pydChat = 'from pydantic_ai import Agent\n\nagent = Agent(model="openai-chat:gpt-4-32k")\n';
  const pydModel = 'from pydantic_ai.models.openai import OpenAIChatModel\n\nmodel = OpenAIChatModel("gpt-4-32k")\n';
  snippetTable('OAI103', {
    valid: [
      { name: 'DSPy: another provider', lang: 'python', code: 'import dspy\n\nlm = dspy.LM("anthropic/claude-3-opus-20240229")\n' },
      { name: 'instructor: another provider', lang: 'python', code: 'import instructor\n\nclient = instructor.from_provider("anthropic/gpt-4-32k")\n' },
      { name: 'pydantic-ai: another provider', lang: 'python', code: 'from pydantic_ai import Agent\n\nagent = Agent("google-gla:gpt-4-32k")\n' },
      { name: 'pydantic-ai: a provider object', lang: 'python', code: 'from pydantic_ai.models.openai import OpenAIChatModel\nfrom pydantic_ai.providers.ollama import OllamaProvider\n\nmodel = OpenAIChatModel("llama3.2", provider=OllamaProvider(base_url="http://localhost:11434/v1"))\n' },
      { name: 'pydantic-ai: a provider string naming another vendor', lang: 'python', code: 'from pydantic_ai.models.openai import OpenAIChatModel\n\nmodel = OpenAIChatModel("gpt-4-32k", provider="deepseek")\n' },
    ],
    invalid: [
      { name: 'DSPy: dspy.LM("openai/…")', lang: 'python', code: dspy, errors: [{ covers: 'gpt-4-32k', message: DEPRECATED, output: fixed(dspy) }] },
      { name: 'instructor: from_provider("openai/…")', lang: 'python', code: instructor, errors: [{ covers: 'gpt-4-32k', message: DEPRECATED, output: fixed(instructor) }] },
      { name: 'pydantic-ai: Agent("openai:…")', lang: 'python', code: pyd, errors: [{ covers: 'gpt-4-32k', message: DEPRECATED, output: fixed(pyd) }] },
      { name: 'pydantic-ai: openai-chat: prefix', lang: 'python', code: pydChat, errors: [{ covers: 'gpt-4-32k', message: DEPRECATED, output: fixed(pydChat) }] },
      { name: 'pydantic-ai: OpenAIChatModel', lang: 'python', code: pydModel, errors: [{ covers: '"gpt-4-32k"', message: DEPRECATED, output: fixed(pydModel) }] },
    ],
  });
}

// AutoGen, Semantic Kernel
{
  const temp = 'from autogen_ext.models.openai import OpenAIChatCompletionClient\n\nclient = OpenAIChatCompletionClient(model="o1", temperature=0.7)\n';
  snippetTable('OAI201', {
    valid: [
      { name: 'AutoGen: temperature on a model that takes it', lang: 'python', code: 'from autogen_ext.models.openai import OpenAIChatCompletionClient\n\nclient = OpenAIChatCompletionClient(model="gpt-4o", temperature=0.7)\n' },
      { name: 'AutoGen: another provider’s model', lang: 'python', code: 'from autogen_ext.models.openai import OpenAIChatCompletionClient\n\nclient = OpenAIChatCompletionClient(model="gemini-1.5-flash", temperature=0.7)\n' },
    ],
    invalid: [
      {
        name: 'AutoGen: create arguments go to the API as written',
        lang: 'python',
        code: temp,
        errors: [{ covers: 'temperature=0.7', message: "'temperature' is not supported by o1 (reasoning models accept only the default 1); remove it", output: temp.replace(', temperature=0.7', ''), safe: true }],
      },
    ],
  });
  const azure = 'from autogen_ext.models.openai import AzureOpenAIChatCompletionClient\n\nclient = AzureOpenAIChatCompletionClient(azure_deployment="o1-mini", model="o1-mini", api_version="2024-06-01", azure_endpoint="https://x.openai.azure.com/")\n';
  snippetTable('OAI402', {
    valid: [],
    invalid: [{ name: 'AutoGen: AzureOpenAIChatCompletionClient', lang: 'python', code: azure, errors: [{ covers: '"o1-mini"', message: "api_version '2024-06-01' is older than 2024-09-01-preview, which o1-mini 2024-09-12 needs; use api_version '2024-09-01-preview' or later", output: azure.replace('2024-06-01', '2024-09-01-preview') }] }],
  });
  const sk = 'from semantic_kernel.connectors.ai.open_ai import OpenAIChatCompletion\n\nservice = OpenAIChatCompletion(ai_model_id="gpt-4-32k")\n';
  snippetTable('OAI103', {
    valid: [{ name: 'Semantic Kernel: a client with a local base URL', lang: 'python', code: 'from openai import AsyncOpenAI\nfrom semantic_kernel.connectors.ai.open_ai import OpenAIChatCompletion\n\nservice = OpenAIChatCompletion(ai_model_id="gpt-4-32k", async_client=AsyncOpenAI(base_url="http://localhost:1234/v1"))\n' }],
    invalid: [{ name: 'Semantic Kernel: OpenAIChatCompletion(ai_model_id=…)', lang: 'python', code: sk, errors: [{ covers: '"gpt-4-32k"', message: DEPRECATED, output: fixed(sk) }] }],
  });
  snippetTable('OAI401', {
    valid: [],
    invalid: [{ name: 'Semantic Kernel: AzureChatCompletion(deployment_name=…)', lang: 'python', code: 'from semantic_kernel.connectors.ai.open_ai import AzureChatCompletion\n\nservice = AzureChatCompletion(deployment_name="prod-chat", api_version="2024-10-21")\n', errors: [{ covers: '"prod-chat"', message: "Azure deployment 'prod-chat' is not mapped to a model; map it in azure.deployments to enable model checks", output: null }] }],
  });
}

// Vercel AI SDK
{
  const provider = 'import { openai } from "@ai-sdk/openai";\nimport { generateText } from "ai";\n\nconst { text } = await generateText({ model: openai("gpt-4-32k"), prompt: "Hi" });\n';
  const chat = 'import { openai } from "@ai-sdk/openai";\n\nconst model = openai.chat("gpt-4-32k");\n';
  const created = 'import { createOpenAI } from "@ai-sdk/openai";\n\nconst myOpenAI = createOpenAI({ apiKey: process.env.KEY });\nconst model = myOpenAI("gpt-4-32k");\n';
  const gateway = 'import { generateText } from "ai";\n\nconst { text } = await generateText({ model: "openai/gpt-4-32k", prompt: "Hi" });\n';
  snippetTable('OAI103', {
    valid: [
      { name: 'AI SDK: createOpenAI with another base URL', lang: 'typescript', code: 'import { createOpenAI } from "@ai-sdk/openai";\n\nconst local = createOpenAI({ baseURL: "http://localhost:11434/v1" });\nconst model = local("gpt-4-32k");\n' },
      { name: 'AI SDK: another provider string', lang: 'typescript', code: 'import { generateText } from "ai";\n\nawait generateText({ model: "anthropic/gpt-4-32k", prompt: "Hi" });\n' },
      { name: 'AI SDK: another provider package', lang: 'typescript', code: 'import { anthropic } from "@ai-sdk/anthropic";\n\nconst model = anthropic("gpt-4-32k");\n' },
      { name: 'AI SDK: model from the environment', lang: 'typescript', code: 'import { openai } from "@ai-sdk/openai";\n\nconst model = openai(process.env.MODEL!);\n' },
    ],
    invalid: [
      { name: 'AI SDK: openai("…") inside generateText', lang: 'typescript', code: provider, errors: [{ covers: '"gpt-4-32k"', message: DEPRECATED, output: fixed(provider) }] },
      { name: 'AI SDK: openai.chat("…")', lang: 'typescript', code: chat, errors: [{ covers: '"gpt-4-32k"', message: DEPRECATED, output: fixed(chat) }] },
      { name: 'AI SDK: a provider from createOpenAI', lang: 'typescript', code: created, errors: [{ covers: '"gpt-4-32k"', message: DEPRECATED, output: fixed(created) }] },
      { name: 'AI SDK: "openai/…" string for the default provider', lang: 'typescript', code: gateway, errors: [{ covers: 'gpt-4-32k', message: DEPRECATED, output: fixed(gateway) }] },
    ],
  });
  const emb = 'import { openai } from "@ai-sdk/openai";\n\nconst model = openai.embedding("gpt-4o");\n';
  snippetTable('OAI104', {
    // openai("…") is chat in @ai-sdk/openai 1.x and Responses from 2.0: not judged
    valid: [{ name: 'AI SDK: openai("…") picks its endpoint by version', lang: 'typescript', code: 'import { openai } from "@ai-sdk/openai";\n\nconst model = openai("gpt-3.5-turbo-instruct");\n' }],
    invalid: [{ name: 'AI SDK: chat model on openai.embedding', lang: 'typescript', code: emb, errors: [{ covers: '"gpt-4o"', message: 'gpt-4o is not served by embeddings (it serves chat.completions, responses, assistants, batch); use an embedding model', output: null }] }],
  });
  const azure = 'import { createAzure } from "@ai-sdk/azure";\n\nconst azure = createAzure({ resourceName: "r", apiVersion: "2024-06-01" });\nconst model = azure.chat("o1-mini");\n';
  snippetTable('OAI402', {
    valid: [{ name: 'AI SDK: the v1 API has no dated version to compare', lang: 'typescript', code: azure.replace('2024-06-01', 'v1') }],
    invalid: [{ name: 'AI SDK: createAzure apiVersion older than the model needs', lang: 'typescript', code: azure, errors: [{ covers: '"o1-mini"', message: "api_version '2024-06-01' is older than 2024-09-01-preview, which o1-mini 2024-09-12 needs; use api_version '2024-09-01-preview' or later", output: azure.replace('2024-06-01', '2024-09-01-preview') }] }],
  });
  snippetTable('OAI401', {
    valid: [],
    invalid: [{ name: 'AI SDK: azure("<deployment>")', lang: 'typescript', code: 'import { azure } from "@ai-sdk/azure";\n\nconst model = azure("prod-chat");\n', errors: [{ covers: '"prod-chat"', message: "Azure deployment 'prod-chat' is not mapped to a model; map it in azure.deployments to enable model checks", output: null }] }],
  });
}

// LangChain.js, OpenAI Agents SDK (JS), LlamaIndex.TS
{
  const lc = 'import { ChatOpenAI } from "@langchain/openai";\n\nconst llm = new ChatOpenAI({ model: "gpt-4-32k", temperature: 0 });\n';
  const lcName = 'import { ChatOpenAI } from "@langchain/openai";\n\nconst llm = new ChatOpenAI({ modelName: "gpt-4-32k" });\n';
  const lcString = 'import { ChatOpenAI } from "@langchain/openai";\n\nconst llm = new ChatOpenAI("gpt-4-32k");\n';
  const agent = 'import { Agent } from "@openai/agents";\n\nconst agent = new Agent({ name: "Support", model: "gpt-4-32k" });\n';
  const agentModel = 'import OpenAI from "openai";\nimport { OpenAIChatCompletionsModel } from "@openai/agents";\n\nconst model = new OpenAIChatCompletionsModel(new OpenAI(), "gpt-4-32k");\n';
  const llama = 'import { OpenAI } from "@llamaindex/openai";\n\nconst llm = new OpenAI({ model: "gpt-4-32k" });\n';
  snippetTable('OAI103', {
    valid: [
      { name: 'LangChain.js: configuration.baseURL of another vendor', lang: 'typescript', code: 'import { ChatOpenAI } from "@langchain/openai";\n\nconst llm = new ChatOpenAI({ model: "gpt-4-32k", configuration: { baseURL: "https://api.groq.com/openai/v1" } });\n' },
      { name: 'Agents SDK (JS): a client with a local base URL', lang: 'typescript', code: 'import OpenAI from "openai";\nimport { OpenAIChatCompletionsModel } from "@openai/agents";\n\nconst model = new OpenAIChatCompletionsModel(new OpenAI({ baseURL: "http://localhost:1234/v1" }), "gpt-4-32k");\n' },
      { name: 'LangChain.js: ChatAnthropic', lang: 'typescript', code: 'import { ChatAnthropic } from "@langchain/anthropic";\n\nconst llm = new ChatAnthropic({ model: "gpt-4-32k" });\n' },
    ],
    invalid: [
      { name: 'LangChain.js: new ChatOpenAI({ model })', lang: 'typescript', code: lc, errors: [{ covers: '"gpt-4-32k"', message: DEPRECATED, output: fixed(lc) }] },
      { name: 'LangChain.js: modelName', lang: 'typescript', code: lcName, errors: [{ covers: '"gpt-4-32k"', message: DEPRECATED, output: fixed(lcName) }] },
      { name: 'LangChain.js: the model as first argument', lang: 'typescript', code: lcString, errors: [{ covers: '"gpt-4-32k"', message: DEPRECATED, output: fixed(lcString) }] },
      { name: 'Agents SDK (JS): new Agent({ model })', lang: 'typescript', code: agent, errors: [{ covers: '"gpt-4-32k"', message: DEPRECATED, output: fixed(agent) }] },
      { name: 'Agents SDK (JS): OpenAIChatCompletionsModel(client, model)', lang: 'typescript', code: agentModel, errors: [{ covers: '"gpt-4-32k"', message: DEPRECATED, output: fixed(agentModel) }] },
      { name: 'LlamaIndex.TS: new OpenAI({ model })', lang: 'typescript', code: llama, errors: [{ covers: '"gpt-4-32k"', message: DEPRECATED, output: fixed(llama) }] },
    ],
  });
  const dims = 'import { OpenAIEmbeddings } from "@langchain/openai";\n\nconst emb = new OpenAIEmbeddings({ model: "text-embedding-ada-002", dimensions: 256 });\n';
  snippetTable('OAI201', {
    valid: [{ name: 'LangChain.js: ChatOpenAI rewrites parameters for reasoning models', lang: 'typescript', code: 'import { ChatOpenAI } from "@langchain/openai";\n\nconst llm = new ChatOpenAI({ model: "o1", temperature: 0.2 });\n' }],
    invalid: [{ name: 'LangChain.js: OpenAIEmbeddings sends dimensions as written', lang: 'typescript', code: dims, errors: [{ covers: 'dimensions: 256', message: "'dimensions' is not supported by text-embedding-ada-002; remove it", output: dims.replace(', dimensions: 256', '') }] }],
  });
  snippetTable('OAI401', {
    valid: [],
    invalid: [{ name: 'LangChain.js: AzureChatOpenAI deployment', lang: 'typescript', code: 'import { AzureChatOpenAI } from "@langchain/openai";\n\nconst llm = new AzureChatOpenAI({ azureOpenAIApiDeploymentName: "prod-chat", azureOpenAIApiVersion: "2024-10-21" });\n', errors: [{ covers: '"prod-chat"', message: "Azure deployment 'prod-chat' is not mapped to a model; map it in azure.deployments to enable model checks", output: null }] }],
  });
}
