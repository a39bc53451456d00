import { defineRule } from './define';
import { apiVersionTooOld } from './apiVersion';
import { modelLabel, paramSpan, renameEdit, resolvedTarget } from './util';

export const replacedParameter = defineRule({
  meta: {
    code: 'OAI202',
    name: 'replaced-parameter',
    defaultSeverity: 'error',
    fixable: 'safe',
    needsCatalog: true,
    docs: {
      whatItDoes:
        '`max_tokens` on chat completions: models the catalog records as accepting only `max_completion_tokens` (the reasoning models: o-series, the gpt-5 family) get an error; on other models `max_tokens` is deprecated in favour of `max_completion_tokens` (a hint).',
      whyIsThisBad: "Reasoning models reject `max_tokens` with a 400 error (\"Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.\"); on other models it still works but is deprecated.",
      example: { language: 'python', code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="o1", max_tokens=500, messages=[{"role": "user", "content": "Hi"}])\n' },
      useInstead: { language: 'python', code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="o1", max_completion_tokens=500, messages=[{"role": "user", "content": "Hi"}])\n' },
      fixSafety: 'Safe: `max_completion_tokens` is the same limit under its current name (on reasoning models it also covers reasoning tokens). Not offered on Azure when the `api_version` is older than the one that accepts `max_completion_tokens`.',
      references: [{ title: 'OpenAI API reference: max_tokens', url: 'https://platform.openai.com/docs/api-reference/chat/create#chat-create-max_tokens' }],
    },
  },
  check(call, ctx) {
    const t = resolvedTarget(ctx.target);
    if (!t || call.endpoint !== 'chat.completions') return [];
    const out = [];
    for (const arg of call.args) {
      // the catalog says the model rejects the old name (reasoning models): an error
      const replaced = t.entry.parameters.replaced.find((r) => r.name === arg.name);
      if (replaced) {
        out.push({
          span: paramSpan(arg),
          message: `'${arg.name}' is not supported by ${modelLabel(t)}; use '${replaced.by}'`,
          fix: { title: `Rename to '${replaced.by}'`, safe: true, edits: [renameEdit(arg, replaced.by, ctx.text)] },
        });
        continue;
      }
      if (arg.name !== 'max_tokens' || call.client.legacySdk) continue;
      if (call.args.some((a) => a.name === 'max_completion_tokens')) continue;
      // on an Azure api_version too old for the new name, renaming would break the request
      if (call.client.kind === 'azure' && apiVersionTooOld(call, ctx, 'max_completion_tokens') !== false) continue;
      out.push({
        span: paramSpan(arg),
        severity: 'hint' as const,
        message: `'max_tokens' is deprecated in favour of 'max_completion_tokens'`,
        fix: { title: `Rename to 'max_completion_tokens'`, safe: true, edits: [renameEdit(arg, 'max_completion_tokens', ctx.text)] },
      });
    }
    return out;
  },
});
