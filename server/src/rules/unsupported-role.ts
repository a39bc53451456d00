import { defineRule } from './define';
import type { RuleFinding } from './define';
import { modelLabel, replaceEdit, resolvedTarget } from './util';

export const unsupportedRole = defineRule({
  meta: {
    code: 'OAI203',
    name: 'unsupported-role',
    defaultSeverity: 'error',
    fixable: 'safe-or-unsafe',
    needsCatalog: true,
    docs: {
      whatItDoes:
        'Reports a `system` message sent to a model that does not accept one (`o1-preview`, `o1-mini`), and a `developer` message sent to a model that predates that role.',
      whyIsThisBad: 'The API rejects the request ("Unsupported value: \'messages[0].role\' does not support \'system\' with this model").',
      example: {
        language: 'python',
        code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="o1-mini", messages=[{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}])\n',
      },
      useInstead: {
        language: 'python',
        code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="o1-mini", messages=[{"role": "user", "content": "Be brief."}, {"role": "user", "content": "Hi"}])\n',
      },
      fixSafety:
        'Changing `system` to `developer` (for o1 and later models, which give developer messages the weight system messages had) is safe. Changing it to `user` is unsafe: the instructions lose their priority over the user\'s words.',
      references: [
        { title: 'OpenAI API reference: developer messages', url: 'https://platform.openai.com/docs/api-reference/chat/create#chat-create-messages' },
        { title: 'Azure OpenAI reasoning models', url: 'https://learn.microsoft.com/azure/ai-services/openai/how-to/reasoning' },
      ],
    },
  },
  check(call, ctx) {
    const t = resolvedTarget(ctx.target);
    if (!t || !call.messages) return [];
    const caps = t.entry.capabilities;
    const out: RuleFinding[] = [];
    for (const m of call.messages) {
      const role = m.role?.value.kind === 'string' ? m.role.value.value : undefined;
      if (!m.role || role === undefined) continue;
      let to: string | null = null;
      let safe = false;
      if (role === 'system' && caps.systemRole === false) {
        if (caps.developerRole === true) [to, safe] = ['developer', true];
        else [to, safe] = ['user', false];
      } else if (role === 'developer' && caps.developerRole === false) {
        if (caps.systemRole !== false) [to, safe] = ['system', true];
        else [to, safe] = ['user', false];
      } else continue;
      const what = role === 'system' ? `does not accept '${role}' messages` : `predates the 'developer' role`;
      out.push({
        span: m.role.span,
        message: `${modelLabel(t)} ${what}; change the role to '${to}'`,
        fix: m.role.innerSpan ? { title: `Change role to '${to}'`, safe, edits: [replaceEdit(m.role.innerSpan, to)] } : null,
      });
    }
    return out;
  },
});
