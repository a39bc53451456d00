/**
 * OAI402 with the catalog's api-version tables (issue 11): a requirement per parameter, per
 * endpoint (the Responses API) and per feature (structured outputs); the v1 API, whose base URL
 * ends in /openai/v1, needs no api_version and takes `preview` (audit P14: no warning); a
 * version Microsoft lists as retired; a dated version it does not list is not reported.
 * And Azure deployments never carry OpenAI's dates (audit A6).
 */
import { snippetTable } from '../helpers/ruleTable';

const az = (client: string, call: string) => `from openai import AzureOpenAI\n\nclient = AzureOpenAI(${client})\n${call}\n`;
const RESPONSES = 'client.responses.create(model="gpt-4o", input="Hi")';
const SCHEMA = 'response_format={"type": "json_schema", "json_schema": {"name": "a", "schema": {}}}';
const EARLY = { azure: { deployments: { chat: { model: 'gpt-4o', version: '2024-05-13' } } } };

snippetTable('OAI402', {
  valid: [
    { name: 'the v1 API: a base URL ending in /openai/v1 with api_version "preview"', lang: 'python', code: az('base_url="https://res.openai.azure.com/openai/v1/", api_version="preview"', RESPONSES) },
    { name: 'the v1 API needs no api_version, even an old dated one', lang: 'python', code: az('base_url="https://res.openai.azure.com/openai/v1", api_version="2024-06-01"', RESPONSES) },
    { name: '"preview" where the base URL cannot be seen (it may be the v1 API)', lang: 'python', code: az('api_version="preview"', RESPONSES) },
    { name: 'a dated version Microsoft does not list, new enough: not reported', lang: 'python', code: az('api_version="2025-05-15"', RESPONSES) },
    { name: 'new enough for the Responses API', lang: 'python', code: az('api_version="2025-03-01-preview"', RESPONSES) },
    {
      name: 'TypeScript v1 API with baseURL',
      lang: 'typescript',
      code: 'import { AzureOpenAI } from "openai";\n\nconst client = new AzureOpenAI({ baseURL: "https://res.openai.azure.com/openai/v1/", apiVersion: "preview" });\nawait client.responses.create({ model: "gpt-4o", input: "Hi" });\n',
    },
  ],
  invalid: [
    {
      name: 'the Responses API needs a newer api_version',
      lang: 'python',
      code: az('api_version="2024-10-21"', RESPONSES),
      errors: [
        {
          covers: '"gpt-4o"',
          message: "api_version '2024-10-21' is older than 2025-03-01-preview, which the responses API needs; use api_version '2025-03-01-preview' or later",
          output: az('api_version="2025-03-01-preview"', RESPONSES),
          safe: false,
        },
      ],
    },
    {
      name: 'structured outputs need a newer api_version',
      lang: 'python',
      code: az('api_version="2024-06-01"', `client.chat.completions.create(model="chat", ${SCHEMA}, messages=[])`),
      settings: EARLY,
      errors: [
        {
          covers: '"chat"',
          message: "api_version '2024-06-01' is older than 2024-08-01-preview, which structured outputs needs; use api_version '2024-08-01-preview' or later",
          output: az('api_version="2024-08-01-preview"', `client.chat.completions.create(model="chat", ${SCHEMA}, messages=[])`),
        },
      ],
    },
    {
      name: '.parse is structured outputs',
      lang: 'python',
      code: az('api_version="2024-06-01"', 'client.beta.chat.completions.parse(model="chat", response_format=Answer, messages=[])'),
      settings: EARLY,
      errors: [
        {
          covers: '"chat"',
          message: "api_version '2024-06-01' is older than 2024-08-01-preview, which structured outputs needs; use api_version '2024-08-01-preview' or later",
          output: az('api_version="2024-08-01-preview"', 'client.beta.chat.completions.parse(model="chat", response_format=Answer, messages=[])'),
        },
      ],
    },
    {
      name: 'a parameter: reasoning_effort',
      lang: 'python',
      code: az('api_version="2024-10-21"', 'client.chat.completions.create(model="o1-mini", reasoning_effort="low", messages=[])'),
      errors: [
        {
          covers: '"o1-mini"',
          message: "api_version '2024-10-21' is older than 2024-12-01-preview, which 'reasoning_effort' needs; use api_version '2024-12-01-preview' or later",
          output: az('api_version="2024-12-01-preview"', 'client.chat.completions.create(model="o1-mini", reasoning_effort="low", messages=[])'),
        },
      ],
    },
    {
      name: 'a version Microsoft lists as retired: the newest GA one',
      lang: 'python',
      code: az('api_version="2023-05-15"', 'client.chat.completions.create(model="gpt-35-turbo", messages=[])'),
      errors: [
        {
          covers: '"gpt-35-turbo"',
          message: "api_version '2023-05-15' is retired: Azure no longer accepts it; use api_version '2024-10-21' or later",
          output: az('api_version="2024-10-21"', 'client.chat.completions.create(model="gpt-35-turbo", messages=[])'),
        },
      ],
    },
    {
      name: 'a retired version where the request needs a newer preview: that one',
      lang: 'python',
      code: az('api_version="2023-05-15"', RESPONSES),
      errors: [{ covers: '"gpt-4o"', message: "api_version '2023-05-15' is retired: Azure no longer accepts it; use api_version '2025-03-01-preview' or later", output: az('api_version="2025-03-01-preview"', RESPONSES) }],
    },
    {
      name: '"preview" on the dated API (an azure_endpoint): a warning that names the v1 API',
      lang: 'python',
      code: az('azure_endpoint="https://res.openai.azure.com/", api_version="preview"', RESPONSES),
      errors: [
        {
          covers: '"preview"',
          severity: 'warning',
          message: "api_version 'preview' is not a valid Azure api-version ('preview' is valid only on the v1 API, whose base URL ends in /openai/v1); write YYYY-MM-DD or YYYY-MM-DD-preview",
          output: null,
        },
      ],
    },
  ],
});

snippetTable('OAI102', {
  valid: [
    {
      name: 'an Azure deployment of a model Azure does not list keeps no OpenAI dates (audit A6)',
      lang: 'python',
      code: az('api_version="2024-10-21"', 'client.chat.completions.create(model="gpt-4-32k", messages=[])'),
      asOf: '2025-07-01',
    },
    {
      name: 'nor when the deployment is mapped to it',
      lang: 'python',
      code: az('api_version="2024-10-21"', 'client.chat.completions.create(model="legacy", messages=[])'),
      settings: { azure: { deployments: { legacy: { model: 'gpt-4-32k' } } } },
      asOf: '2025-07-01',
    },
  ],
  invalid: [
    {
      name: 'the same model on OpenAI’s platform is retired',
      lang: 'python',
      code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4-32k", messages=[])\n',
      asOf: '2025-07-01',
      errors: [{ covers: '"gpt-4-32k"', message: "gpt-4-32k was retired on 2025-06-06: requests to it fail; use 'gpt-4o' instead", output: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[])\n' }],
    },
  ],
});
