import { noticeStatus } from '../catalog/notice';
import type { RetiredApi } from '../catalog/schema';
import { defineRule } from './define';
import type { RuleFinding } from './define';
import { scalar } from './parameterFacts';
import { paramSpan } from './util';

/** `beta.threads.runs.create` starts with `beta.threads` (whole segments), not with `beta.thread`. */
function startsWithPath(method: string, prefix: string): boolean {
  return method === prefix || method.startsWith(`${prefix}.`);
}

/** "…was shut down on DATE; use REPLACEMENT" once shut down, "…shuts down on DATE; move to …" before. */
function noticeText(api: RetiredApi, status: 'retired' | 'deprecated'): string {
  if (status === 'retired') {
    const instead = api.replacement ? `use ${api.replacement}` : 'no replacement is named: remove the call';
    return `was shut down${api.shutdownDate ? ` on ${api.shutdownDate}` : ''} and requests to it fail; ${instead}`;
  }
  const when = api.shutdownDate ? ` and shuts down on ${api.shutdownDate}` : '';
  const instead = api.replacement ? `move to ${api.replacement}` : 'no replacement is named: plan to remove the call';
  return `is deprecated${when}; ${instead}`;
}

export const retiredApi = defineRule({
  meta: {
    code: 'OAI108',
    name: 'retired-api',
    defaultSeverity: 'error',
    needsCatalog: true,
    docs: {
      whatItDoes:
        "Reports a call to an API that OpenAI (or, on an Azure client, Microsoft) shut down or announced for shutdown, with the date and what replaces it: the Assistants API (`beta.assistants.*`, `beta.threads.*`), the Realtime beta (`beta.realtime.*`), the Evals API (`evals.*`), the Videos API (`videos.*`), creating fine-tuning jobs (`fine_tuning.jobs.create`), and reusable prompt objects (the Responses API's `prompt`). Reported on the callee (on the argument for a parameter such as `prompt`): an error once the shutdown date is reached (as of today unless pinned with `--as-of` / `openaiModelLint.asOf`), a warning while the API is only deprecated. Any method under those resources counts; `evals` and `videos`, common names in other code, only on a client the file builds.",
      whyIsThisBad: 'After the shutdown date every request to the API fails; the code still looks fine until it runs.',
      example: {
        language: 'python',
        code: 'from openai import OpenAI\n\nclient = OpenAI()\nassistant = client.beta.assistants.create(model="gpt-4o", instructions="You are a helpful assistant.")\n',
        settings: { asOf: '2026-09-01' },
      },
      useInstead: {
        language: 'python',
        code: 'from openai import OpenAI\n\nclient = OpenAI()\nresponse = client.responses.create(model="gpt-5.5", instructions="You are a helpful assistant.", input="Hi")\n',
        settings: { asOf: '2026-09-01' },
      },
      fixSafety: 'No fix: moving to the replacing API changes how the code is written (the Assistants API to the Responses and Conversations APIs, the Realtime beta to the GA Realtime interface).',
      references: [
        { title: 'OpenAI deprecations: feature and endpoint deprecations', url: 'https://platform.openai.com/docs/deprecations' },
        { title: 'OpenAI: migrating from the Assistants API', url: 'https://platform.openai.com/docs/assistants/migration' },
        { title: 'Azure OpenAI Assistants API (retirement notice)', url: 'https://learn.microsoft.com/azure/ai-foundry/openai/concepts/assistants' },
      ],
    },
  },
  check(call, ctx) {
    let apis: RetiredApi[];
    try {
      apis = ctx.catalog.retiredApis();
    } catch {
      return [];
    }
    const platform = call.client.kind === 'azure' ? 'azure' : 'openai';
    const out: RuleFinding[] = [];
    for (const api of apis) {
      if (!api.platforms.includes(platform)) continue;
      const status = noticeStatus(api, ctx.asOf);
      if (!status) continue;
      const severity = status === 'retired' ? 'error' : 'warning';
      if (api.methodPrefixes.some((p) => startsWithPath(call.method, p))) {
        out.push({ span: call.calleeSpan, severity, message: `${api.name} ${noticeText(api, status)}`, fix: null });
        continue;
      }
      for (const p of api.requestParameters) {
        if (p.endpoint !== call.endpoint) continue;
        const arg = call.args.find((a) => a.name === p.name);
        // an explicit None / null sends nothing
        if (!arg || scalar(arg.value.value) === null) continue;
        out.push({ span: paramSpan(arg), severity, message: `'${arg.name}' uses ${api.name}, which ${noticeText(api, status)}`, fix: null });
      }
    }
    return out;
  },
});
