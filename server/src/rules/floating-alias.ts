import { defineRule } from './define';
import { replaceEdit, resolvedTarget } from './util';

export const floatingAlias = defineRule({
  meta: {
    code: 'OAI106',
    name: 'floating-alias',
    defaultSeverity: 'hint',
    enabledByDefault: false,
    fixable: 'safe',
    needsCatalog: true,
    docs: {
      whatItDoes: 'Reports a model alias (`gpt-4o`) where a dated snapshot exists (`gpt-4o-2024-08-06`). Off by default; enable it with `"rules": { "OAI106": "warning" }`.',
      whyIsThisBad: 'An alias moves to newer snapshots without notice, so behaviour, limits and prices can change under deployed code.',
      example: {
        language: 'python',
        code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}])\n',
        settings: { rules: { OAI106: 'warning' } },
      },
      useInstead: {
        language: 'python',
        code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o-2024-08-06", messages=[{"role": "user", "content": "Hi"}])\n',
        settings: { rules: { OAI106: 'warning' } },
      },
      fixSafety: 'Safe: the snapshot is the model the alias points to today, so requests behave as they do now.',
      references: [{ title: 'OpenAI models: snapshots', url: 'https://platform.openai.com/docs/models' }],
    },
  },
  check(_call, ctx) {
    const t = resolvedTarget(ctx.target);
    if (!t || t.azure || t.defaulted) return [];
    const snapshot = t.entry.aliasOf;
    if (!snapshot || snapshot === t.id || t.resolved.via !== 'id') return [];
    return [
      {
        span: t.span,
        message: `'${t.id}' is an alias that moves to newer snapshots; pin '${snapshot}'`,
        fix: t.innerSpan ? { title: `Pin '${snapshot}'`, safe: true, edits: [replaceEdit(t.innerSpan, snapshot)] } : null,
      },
    ];
  },
});
