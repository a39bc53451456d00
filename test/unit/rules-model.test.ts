import { CallBuilder } from '../helpers/callBuilder';
import { ruleTable, spanOf } from '../helpers/ruleTable';

const chat = (model: string, extra = '') => `client.chat.completions.create(model=${model}${extra}, messages=m)\n`;
function chatCall(text: string, model: string, opts: ConstructorParameters<typeof CallBuilder>[2] = {}) {
  return () => {
    const b = new CallBuilder(text, 'chat.completions', opts);
    b.arg('model', model);
    return b.call;
  };
}

{
  const typo = chat('"gpt4o"');
  const unknown = chat('"my-private-model"');
  ruleTable('OAI101', {
    valid: [
      { name: 'known ID', text: chat('"gpt-4o"'), call: chatCall(chat('"gpt-4o"'), '"gpt-4o"') },
      { name: 'unknown value', text: chat('MODEL'), call: chatCall(chat('MODEL'), 'MODEL') },
      { name: 'compatible client', text: typo, call: chatCall(typo, '"gpt4o"', { client: { kind: 'compatible', constructorName: 'Groq' } }) },
    ],
    invalid: [
      {
        name: 'close to a known ID',
        text: typo,
        call: chatCall(typo, '"gpt4o"'),
        errors: [{ covers: '"gpt4o"', start: 37, end: 44, severity: 'warning', message: "'gpt4o' is not a known model ID; did you mean 'gpt-4o'?", output: chat('"gpt-4o"'), safe: false }],
      },
      {
        name: 'close to nothing: info, checks skipped',
        text: unknown,
        call: chatCall(unknown, '"my-private-model"'),
        errors: [{ covers: '"my-private-model"', ...spanOf(unknown, '"my-private-model"'), severity: 'info', message: "'my-private-model' is not in the catalog dated 2024-12-17; model checks skipped", output: null }],
      },
    ],
  });
}

{
  const retired = chat('"gpt-4-32k"');
  ruleTable('OAI102', {
    valid: [
      { name: 'before the shutdown date', text: retired, call: chatCall(retired, '"gpt-4-32k"'), asOf: '2025-06-05' },
      { name: 'current model', text: chat('"gpt-4o"'), call: chatCall(chat('"gpt-4o"'), '"gpt-4o"') },
    ],
    invalid: [
      {
        name: 'on the shutdown date',
        text: retired,
        asOf: '2025-06-06',
        call: chatCall(retired, '"gpt-4-32k"'),
        errors: [{ covers: '"gpt-4-32k"', ...spanOf(retired, '"gpt-4-32k"'), severity: 'error', message: "gpt-4-32k was retired on 2025-06-06: requests to it fail; use 'gpt-4o' instead", output: chat('"gpt-4o"'), safe: false }],
      },
    ],
  });
  ruleTable('OAI103', {
    valid: [
      { name: 'announced later than as-of', text: retired, call: chatCall(retired, '"gpt-4-32k"'), asOf: '2024-06-05' },
      { name: 'retired is OAI102', text: retired, call: chatCall(retired, '"gpt-4-32k"'), asOf: '2025-07-01' },
    ],
    invalid: [
      {
        name: 'deprecated with date and replacement',
        text: retired,
        call: chatCall(retired, '"gpt-4-32k"'),
        errors: [{ covers: '"gpt-4-32k"', ...spanOf(retired, '"gpt-4-32k"'), severity: 'warning', message: "gpt-4-32k is deprecated: it shuts down on 2025-06-06; move to 'gpt-4o'", output: chat('"gpt-4o"') }],
      },
    ],
  });
}

{
  const emb = chat('"text-embedding-3-small"');
  const responses = 'client.responses.create(model="gpt-4o", input="Hi")\n';
  ruleTable('OAI104', {
    valid: [
      { name: 'chat model on chat', text: chat('"gpt-4o"'), call: chatCall(chat('"gpt-4o"'), '"gpt-4o"') },
      {
        name: 'chat model on responses',
        text: responses,
        call: () => {
          const b = new CallBuilder(responses, 'responses', { callee: 'responses.create' });
          b.arg('model', '"gpt-4o"');
          return b.call;
        },
      },
    ],
    invalid: [
      {
        name: 'embedding model on chat',
        text: emb,
        call: chatCall(emb, '"text-embedding-3-small"'),
        errors: [{ covers: '"text-embedding-3-small"', ...spanOf(emb, '"text-embedding-3-small"'), message: 'text-embedding-3-small is not served by chat.completions (it serves embeddings); use a chat model', output: null }],
      },
    ],
  });
}

{
  const preview = chat('"o1-preview"');
  ruleTable('OAI105', {
    valid: [{ name: 'GA model', text: chat('"gpt-4o"'), call: chatCall(chat('"gpt-4o"'), '"gpt-4o"') }],
    invalid: [
      {
        name: 'preview model',
        text: preview,
        call: chatCall(preview, '"o1-preview"'),
        errors: [{ covers: '"o1-preview"', ...spanOf(preview, '"o1-preview"'), severity: 'info', message: 'o1-preview is a preview model: not recommended in production', output: null }],
      },
    ],
  });
}

{
  const alias = chat('"gpt-4o"');
  ruleTable('OAI106', {
    valid: [
      { name: 'off by default', text: alias, call: chatCall(alias, '"gpt-4o"') },
      { name: 'snapshot', text: chat('"gpt-4o-2024-08-06"'), call: chatCall(chat('"gpt-4o-2024-08-06"'), '"gpt-4o-2024-08-06"'), settings: { rules: { OAI106: 'warning' } } },
    ],
    invalid: [
      {
        name: 'alias when enabled',
        text: alias,
        settings: { rules: { OAI106: 'warning' } },
        call: chatCall(alias, '"gpt-4o"'),
        errors: [{ covers: '"gpt-4o"', ...spanOf(alias, '"gpt-4o"'), severity: 'warning', message: "'gpt-4o' is an alias that moves to newer snapshots; pin 'gpt-4o-2024-08-06'", output: chat('"gpt-4o-2024-08-06"'), safe: true }],
      },
    ],
  });
}

{
  const az = `client = AzureOpenAI(api_version="2024-12-01-preview")\n${chat('"reasoning"')}`;
  const azCall = (text: string, model: string) => chatCall(text, model, { client: { kind: 'azure', constructorName: 'AzureOpenAI' } });
  ruleTable('OAI107', {
    valid: [{ name: 'GA model on Azure', text: az.replace('"reasoning"', '"gpt-4o"'), call: azCall(az.replace('"reasoning"', '"gpt-4o"'), '"gpt-4o"') }],
    invalid: [
      {
        name: 'mapped deployment of a limited-access version',
        text: az,
        settings: { azure: { deployments: { reasoning: { model: 'o1-mini', version: '2024-09-12' } } } },
        call: azCall(az, '"reasoning"'),
        errors: [{ covers: '"reasoning"', ...spanOf(az, '"reasoning"'), severity: 'info', message: "o1-mini (deployment 'reasoning') is a limited-access model: it needs registration before it can be used", output: null }],
      },
      {
        name: 'deployment named after the Azure model (its only version)',
        text: az.replace('"reasoning"', '"o1-mini"'),
        call: azCall(az.replace('"reasoning"', '"o1-mini"'), '"o1-mini"'),
        errors: [
          {
            covers: '"o1-mini"',
            ...spanOf(az.replace('"reasoning"', '"o1-mini"'), '"o1-mini"'),
            severity: 'info',
            message: 'o1-mini is a limited-access model: it needs registration before it can be used',
            output: null,
          },
        ],
      },
    ],
  });
}
