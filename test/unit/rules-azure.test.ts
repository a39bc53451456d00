import { CallBuilder } from '../helpers/callBuilder';
import { ruleTable, spanOf } from '../helpers/ruleTable';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCallRules } from '../../server/src/rules/run';
import { fixtureContext } from '../helpers/rulesCatalog';

const text = (version: string, model: string, extra = '') =>
  `client = AzureOpenAI(api_version="${version}")\nclient.chat.completions.create(model="${model}"${extra}, messages=m)\n`;
function azure(t: string, model: string, extra: [string, string][] = []) {
  return () => {
    const b = new CallBuilder(t, 'chat.completions', { client: { kind: 'azure', constructorName: 'AzureOpenAI' } });
    const v = /api_version="([^"]*)"/.exec(t)![0].slice('api_version='.length);
    b.apiVersion(v);
    b.arg('model', `"${model}"`);
    for (const [n, w] of extra) b.arg(n, w);
    return b.call;
  };
}

{
  const t = text('2024-10-21', 'prod-chat');
  ruleTable('OAI401', {
    valid: [
      { name: 'mapped', text: t, call: azure(t, 'prod-chat'), settings: { azure: { deployments: { 'prod-chat': { model: 'gpt-4o' } } } } },
      { name: 'deployment named after the Azure model', text: text('2024-10-21', 'gpt-35-turbo'), call: azure(text('2024-10-21', 'gpt-35-turbo'), 'gpt-35-turbo') },
      { name: 'deployment named after an OpenAI ID', text: text('2024-10-21', 'gpt-4o'), call: azure(text('2024-10-21', 'gpt-4o'), 'gpt-4o') },
    ],
    invalid: [
      {
        name: 'unmapped deployment',
        text: t,
        call: azure(t, 'prod-chat'),
        errors: [{ covers: '"prod-chat"', ...spanOf(t, '"prod-chat"'), severity: 'hint', message: "Azure deployment 'prod-chat' is not mapped to a model; map it in azure.deployments to enable model checks", output: null }],
      },
    ],
  });

  test('OAI401 offers the Map deployment command and skips model checks', () => {
    const t1 = text('2024-10-21', 'prod-chat', ', temperature=0.5');
    const found = runCallRules([azure(t1, 'prod-chat', [['temperature', '0.5']])()], t1, fixtureContext());
    assert.deepEqual(found.map((f) => f.code), ['OAI401']);
    assert.deepEqual(found[0]!.command, { title: 'Map deployment…', command: 'openaiModelLint.mapDeployment', arguments: ['prod-chat'] });
  });

  test('a mapped deployment gets the model checks', () => {
    const t2 = text('2024-12-01-preview', 'reasoning', ', temperature=0.5');
    const found = runCallRules([azure(t2, 'reasoning', [['temperature', '0.5']])()], t2, fixtureContext({ azure: { deployments: { reasoning: { model: 'o1-mini', version: '2024-09-12' } } } }));
    assert.deepEqual(found.map((f) => f.code).sort(), ['OAI105', 'OAI107', 'OAI201']);
  });
}

{
  const old = text('2024-06-01', 'o1-mini');
  const bad = text('2024-13-01', 'gpt-4o');
  const param = text('2024-06-01', 'gpt-4o', ', max_completion_tokens=100');
  ruleTable('OAI402', {
    valid: [
      { name: 'new enough', text: text('2024-12-01-preview', 'o1-mini'), call: azure(text('2024-12-01-preview', 'o1-mini'), 'o1-mini') },
      { name: 'GA of the same day is newer than the preview', text: text('2024-09-01', 'o1-mini'), call: azure(text('2024-09-01', 'o1-mini'), 'o1-mini') },
    ],
    invalid: [
      {
        name: 'model version needs a newer api_version',
        text: old,
        call: azure(old, 'o1-mini'),
        errors: [{ covers: '"o1-mini"', ...spanOf(old, '"o1-mini"'), severity: 'error', message: "api_version '2024-06-01' is older than 2024-09-01-preview, which o1-mini 2024-09-12 needs; use api_version '2024-09-01-preview' or later", output: old.replace('2024-06-01', '2024-09-01-preview'), safe: false }],
      },
      {
        name: 'parameter needs a newer api_version',
        text: param,
        call: azure(param, 'gpt-4o', [['max_completion_tokens', '100']]),
        errors: [{ covers: '"gpt-4o"', ...spanOf(param, '"gpt-4o"'), message: "api_version '2024-06-01' is older than 2024-09-01-preview, which 'max_completion_tokens' needs; use api_version '2024-09-01-preview' or later", output: param.replace('2024-06-01', '2024-09-01-preview') }],
      },
      {
        name: 'malformed version: warning',
        text: bad,
        call: azure(bad, 'gpt-4o'),
        errors: [{ covers: '"2024-13-01"', ...spanOf(bad, '"2024-13-01"'), severity: 'warning', message: "api_version '2024-13-01' is not a valid Azure api-version; write YYYY-MM-DD or YYYY-MM-DD-preview", output: null }],
      },
    ],
  });
}

{
  const t = text('2024-12-01-preview', 'chat');
  const map = (region: string, deploymentType?: 'standard' | 'globalStandard' | 'provisioned') => ({ azure: { deployments: { chat: { model: 'gpt-4o', version: '2024-08-06', region, ...(deploymentType ? { deploymentType } : {}) } } } });
  ruleTable('OAI403', {
    valid: [
      { name: 'offered there', text: t, call: azure(t, 'chat'), settings: map('eastus2', 'globalStandard') },
      { name: 'region only, offered under some type', text: t, call: azure(t, 'chat'), settings: map('swedencentral') },
    ],
    invalid: [
      {
        name: 'region not offered for the type',
        text: t,
        call: azure(t, 'chat'),
        settings: map('swedencentral', 'standard'),
        errors: [{ covers: '"chat"', ...spanOf(t, '"chat"'), message: "gpt-4o 2024-08-06 (deployment 'chat') is not offered as standard in swedencentral; check the deployment's region or version", output: null }],
      },
      {
        name: 'deployment type not offered',
        text: t,
        call: azure(t, 'chat'),
        settings: map('eastus', 'provisioned'),
        errors: [{ covers: '"chat"', ...spanOf(t, '"chat"'), message: "gpt-4o 2024-08-06 (deployment 'chat') is not offered as a provisioned deployment; offered as standard, globalStandard", output: null }],
      },
    ],
  });
}
