/** Rule tables over real Python and TypeScript through the whole engine (fixture catalog). */
import { maskKey } from '../../server/src/rules/hardcoded-api-key';
import { B64URL, keyGenerator } from '../helpers/fakeKeys';
import { snippetTable } from '../helpers/ruleTable';

const PY = 'from openai import OpenAI\n\nclient = OpenAI()\n';
const TS = 'import OpenAI from "openai";\n\nconst client = new OpenAI();\n';
const AZ = 'from openai import AzureOpenAI\n\nclient = AzureOpenAI(api_version="2024-06-01")\n';
const py = (call: string) => `${PY}${call}\n`;
const ts = (call: string) => `${TS}${call}\n`;
const az = (call: string) => `${AZ}${call}\n`;

{
  const typo = py('client.chat.completions.create(model="gpt4o", messages=[])');
  const constant = ts('const MODEL = "gpt4o";\nawait client.chat.completions.create({ model: MODEL, messages: [] });');
  snippetTable('OAI101', {
    valid: [
      { name: 'known ID', lang: 'python', code: py('client.chat.completions.create(model="gpt-4o", messages=[])') },
      { name: 'environment variable without default', lang: 'python', code: `import os\n${py('client.chat.completions.create(model=os.environ["MODEL"], messages=[])')}` },
      { name: 'another vendor base URL', lang: 'typescript', code: 'import OpenAI from "openai";\nconst client = new OpenAI({ baseURL: "https://api.groq.com/openai/v1" });\nawait client.chat.completions.create({ model: "llama3-70b", messages: [] });\n' },
    ],
    invalid: [
      { name: 'typo', lang: 'python', code: typo, errors: [{ covers: '"gpt4o"', message: "'gpt4o' is not a known model ID; did you mean 'gpt-4o'?", severity: 'warning', output: typo.replace('gpt4o', 'gpt-4o'), safe: false }] },
      {
        name: 'constant defined elsewhere: finding on the call, fix on the literal',
        lang: 'typescript',
        code: constant,
        errors: [{ covers: 'MODEL', nth: 1, message: "'gpt4o' is not a known model ID; did you mean 'gpt-4o'?", output: constant.replace('"gpt4o"', '"gpt-4o"') }],
      },
    ],
  });
}

{
  const retired = py('client.completions.create(model="text-davinci-003", prompt="Hi")');
  snippetTable('OAI102', {
    valid: [{ name: 'current model', lang: 'python', code: py('client.completions.create(model="gpt-3.5-turbo-instruct", prompt="Hi")') }],
    invalid: [
      { name: 'retired', lang: 'python', code: retired, errors: [{ covers: '"text-davinci-003"', message: "text-davinci-003 was retired on 2024-01-04: requests to it fail; use 'gpt-3.5-turbo-instruct' instead", severity: 'error', output: retired.replace('text-davinci-003', 'gpt-3.5-turbo-instruct') }] },
    ],
  });
  const dep = ts('await client.chat.completions.create({ model: "gpt-4-32k", messages: [] });');
  snippetTable('OAI103', {
    valid: [{ name: 'before the announcement', lang: 'typescript', code: dep, asOf: '2024-01-01' }],
    invalid: [{ name: 'deprecated', lang: 'typescript', code: dep, errors: [{ covers: '"gpt-4-32k"', message: "gpt-4-32k is deprecated: it shuts down on 2025-06-06; move to 'gpt-4o'", severity: 'warning', output: dep.replace('gpt-4-32k', 'gpt-4o') }] }],
  });
}

{
  const emb = py('client.chat.completions.create(model="text-embedding-3-small", messages=[])');
  const chatOnLegacy = ts('await client.completions.create({ model: "gpt-4o", prompt: "Hi" });');
  snippetTable('OAI104', {
    valid: [{ name: 'embedding model on embeddings', lang: 'python', code: py('client.embeddings.create(model="text-embedding-3-small", input="Hi")') }],
    invalid: [
      { name: 'embedding model on chat', lang: 'python', code: emb, errors: [{ covers: '"text-embedding-3-small"', message: 'text-embedding-3-small is not served by chat.completions (it serves embeddings); use a chat model', output: null }] },
      { name: 'chat model on legacy completions', lang: 'typescript', code: chatOnLegacy, errors: [{ covers: '"gpt-4o"', message: "gpt-4o is not served by completions (it serves chat.completions, responses, assistants, batch); use a completions model such as 'gpt-3.5-turbo-instruct'", output: null }] },
    ],
  });
}

{
  const o1 = py('client.chat.completions.create(\n    model="o1",\n    temperature=0.7,\n    top_p=1,\n    messages=[{"role": "user", "content": "Hi"}],\n)');
  const spread = py('params = {"temperature": 0.5, "max_tokens": 100}\nclient.chat.completions.create(model="o1-mini", messages=[], **params)');
  const tsO1 = ts('await client.chat.completions.create({ model: "o1", messages: [], logit_bias: { "50256": -100 } });');
  snippetTable('OAI201', {
    valid: [
      { name: 'temperature=1 on o1', lang: 'python', code: py('client.chat.completions.create(model="o1", temperature=1, messages=[])') },
      { name: 'temperature from a variable of unknown value', lang: 'python', code: py('def f(t):\n    return client.chat.completions.create(model="o1", temperature=t, messages=[])') },
    ],
    invalid: [
      {
        name: 'two rejected parameters, each removed with its line',
        lang: 'python',
        code: o1,
        errors: [
          { covers: 'temperature=0.7', message: "'temperature' is not supported by o1 (reasoning models accept only the default 1); remove it", severity: 'error', output: o1.replace('    temperature=0.7,\n', ''), safe: true },
          { covers: 'top_p=1', message: "'top_p' is not supported by o1; remove it", output: o1.replace('    top_p=1,\n', '') },
        ],
      },
      {
        name: 'in a **spread dict: on the key',
        lang: 'python',
        code: spread,
        errors: [{ covers: '"temperature"', message: "'temperature' is not supported by o1-mini (reasoning models accept only the default 1); remove it", output: spread.replace('"temperature": 0.5, ', '') }],
      },
      { name: 'TypeScript object property', lang: 'typescript', code: tsO1, errors: [{ covers: 'logit_bias: { "50256": -100 }', message: "'logit_bias' is not supported by o1; remove it", output: tsO1.replace(', logit_bias: { "50256": -100 }', '') }] },
    ],
  });
}

{
  const o1 = ts('await client.chat.completions.create({ model: "o1", max_tokens: 500, messages: [] });');
  snippetTable('OAI202', {
    valid: [{ name: 'max_completion_tokens', lang: 'typescript', code: o1.replace('max_tokens', 'max_completion_tokens') }],
    invalid: [{ name: 'max_tokens on o1', lang: 'typescript', code: o1, errors: [{ covers: 'max_tokens: 500', message: "'max_tokens' is not supported by o1; use 'max_completion_tokens'", severity: 'error', output: o1.replace('max_tokens', 'max_completion_tokens'), safe: true }] }],
  });
}

{
  const sys = py('messages = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}]\nclient.chat.completions.create(model="o1-mini", messages=messages)');
  snippetTable('OAI203', {
    valid: [{ name: 'system to gpt-4o', lang: 'python', code: sys.replace('o1-mini', 'gpt-4o') }],
    invalid: [{ name: 'system to o1-mini, messages assigned first', lang: 'python', code: sys, errors: [{ covers: '"system"', message: "o1-mini does not accept 'system' messages; change the role to 'user'", output: sys.replace('"system"', '"user"'), safe: false }] }],
  });
}

{
  const img = ts('await client.chat.completions.create({ model: "gpt-3.5-turbo", messages: [{ role: "user", content: [{ type: "image_url", image_url: { url } }] }] });');
  snippetTable('OAI204', {
    valid: [{ name: 'image to gpt-4o', lang: 'typescript', code: img.replace('gpt-3.5-turbo', 'gpt-4o') }],
    invalid: [{ name: 'image to gpt-3.5-turbo', lang: 'typescript', code: img, errors: [{ covers: '{ type: "image_url", image_url: { url } }', message: 'gpt-3.5-turbo does not accept images; use a model with vision such as gpt-4o', output: null }] }],
  });
}

{
  const schema = py('client.chat.completions.create(model="gpt-4o-2024-05-13", response_format={"type": "json_schema", "json_schema": {"name": "a", "schema": {}}}, messages=[])');
  snippetTable('OAI205', {
    valid: [{ name: 'json_schema on 2024-08-06', lang: 'python', code: schema.replace('05-13', '08-06') }],
    invalid: [
      {
        name: 'json_schema on gpt-4o-2024-05-13',
        lang: 'python',
        code: schema,
        errors: [{ covers: 'response_format={"type": "json_schema", "json_schema": {"name": "a", "schema": {}}}', message: 'gpt-4o-2024-05-13 does not support structured outputs (json_schema); use a model that does, such as gpt-4o-2024-08-06', output: null }],
      },
    ],
  });
}

{
  const over = py('client.chat.completions.create(model="gpt-4o", max_completion_tokens=20000, messages=[])');
  snippetTable('OAI301', {
    valid: [{ name: 'at the maximum', lang: 'python', code: over.replace('20000', '16384') }],
    invalid: [{ name: 'over the maximum', lang: 'python', code: over, errors: [{ covers: 'max_completion_tokens=20000', message: 'max_completion_tokens=20000 is above the maximum output of gpt-4o (16,384 tokens); use at most 16384', output: over.replace('20000', '16384'), safe: false }] }],
  });
}

{
  const big = py(`PROMPT = "${'hello '.repeat(12300)}"\nclient.chat.completions.create(model="gpt-3.5-turbo", max_tokens=4096, messages=[{"role": "user", "content": PROMPT}])`);
  snippetTable('OAI302', {
    valid: [{ name: 'fits', lang: 'python', code: big.replace(/(hello ){12300}/, 'hello') }],
    invalid: [
      {
        name: 'prompt from a constant plus requested output over the window',
        lang: 'python',
        code: big,
        errors: [{ covers: 'messages=[{"role": "user", "content": PROMPT}]', message: 'the prompt is 12,308 tokens and requests up to 4,096 output tokens: 16,404 > the 16,385-token context window of gpt-3.5-turbo; shorten the prompt or lower the requested output', output: null }],
      },
    ],
  });
}

{
  const img = ts(`await client.images.generate({ model: "dall-e-2", prompt: "${'x'.repeat(1001)}" });`);
  snippetTable('OAI303', {
    valid: [{ name: '1,000 characters', lang: 'typescript', code: img.replace('x'.repeat(1001), 'x'.repeat(1000)) }],
    invalid: [{ name: '1,001 characters on dall-e-2', lang: 'typescript', code: img, errors: [{ covers: `prompt: "${'x'.repeat(1001)}"`, message: 'the prompt is 1,001 characters; dall-e-2 accepts at most 1,000: shorten it', output: null }] }],
  });
}

{
  const dep = az('client.chat.completions.create(model="prod-chat", messages=[])');
  snippetTable('OAI401', {
    valid: [{ name: 'mapped', lang: 'python', code: dep, settings: { azure: { deployments: { 'prod-chat': { model: 'gpt-4o' } } } } }],
    invalid: [{ name: 'unmapped', lang: 'python', code: dep, errors: [{ covers: '"prod-chat"', message: "Azure deployment 'prod-chat' is not mapped to a model; map it in azure.deployments to enable model checks", severity: 'hint', output: null }] }],
  });
  const o1 = az('client.chat.completions.create(model="o1-mini", messages=[])');
  snippetTable('OAI402', {
    valid: [{ name: 'a model version without an api_version requirement', lang: 'python', code: az('client.chat.completions.create(model="gpt-35-turbo", messages=[])') }],
    invalid: [
      {
        name: 'o1-mini on 2024-06-01',
        lang: 'python',
        code: o1,
        errors: [{ covers: '"o1-mini"', message: "api_version '2024-06-01' is older than 2024-09-01-preview, which o1-mini 2024-09-12 needs; use api_version '2024-09-01-preview' or later", severity: 'error', output: o1.replace('2024-06-01', '2024-09-01-preview'), safe: false }],
      },
    ],
  });
  const region = az('client.chat.completions.create(model="chat", messages=[])').replace('2024-06-01', '2024-10-21');
  snippetTable('OAI403', {
    valid: [{ name: 'offered', lang: 'python', code: region, settings: { azure: { deployments: { chat: { model: 'gpt-4o', version: '2024-08-06', region: 'eastus', deploymentType: 'standard' } } } } }],
    invalid: [
      {
        name: 'not offered in that region',
        lang: 'python',
        code: region,
        settings: { azure: { deployments: { chat: { model: 'gpt-4o', version: '2024-08-06', region: 'westeurope', deploymentType: 'standard' } } } },
        errors: [{ covers: '"chat"', message: "gpt-4o 2024-08-06 (deployment 'chat') is not offered as standard in westeurope; check the deployment's region or version", output: null }],
      },
    ],
  });
}

{
  const key = `sk-proj-${keyGenerator(11)(B64URL, 48)}`;
  const code = `from openai import OpenAI\n\nclient = OpenAI(api_key="${key}")\nclient.chat.completions.create(model="gpt-4o", messages=[])\n`;
  snippetTable('OAI501', {
    valid: [{ name: 'key from the environment', lang: 'python', code: code.replace(`"${key}"`, 'os.environ["OPENAI_API_KEY"]') }],
    invalid: [{ name: 'key literal', lang: 'python', code, errors: [{ covers: `"${key}"`, message: `hard-coded OpenAI API key '${maskKey(key)}'; read it from the OPENAI_API_KEY environment variable and revoke this key`, severity: 'warning', output: code.replace(`"${key}"`, 'os.environ["OPENAI_API_KEY"]') }] }],
  });
}

{
  const stale = py('client.chat.completions.create(model="gpt-4o", messages=[])  # openai-model-lint: disable-line OAI201');
  const used = ts('// openai-model-lint: disable-next-line OAI201\nawait client.chat.completions.create({ model: "o1", temperature: 0.5, messages: [] });');
  snippetTable('OAI001', {
    valid: [{ name: 'the suppression is used', lang: 'typescript', code: used }],
    invalid: [{ name: 'nothing to suppress', lang: 'python', code: stale, errors: [{ covers: 'OAI201', message: "'OAI201' is suppressed here but nothing reports it; remove it", severity: 'hint', output: py('client.chat.completions.create(model="gpt-4o", messages=[])'), safe: true }] }],
  });
}
