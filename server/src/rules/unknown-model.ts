import { defineRule } from './define';
import { quote, replaceEdit } from './util';

export const unknownModel = defineRule({
  meta: {
    code: 'OAI101',
    name: 'unknown-model',
    defaultSeverity: 'warning',
    fixable: 'unsafe',
    needsCatalog: true,
    docs: {
      whatItDoes:
        'Reports a model ID that is not in the catalog. When it is close to a known ID (a typo, `gpt4o` for `gpt-4o`, the Azure spelling `gpt-35-turbo` on an OpenAI client) the message offers the closest IDs; an ID close to none (a model newer than the catalog, a private name) is reported at `info` and model checks are skipped.',
      whyIsThisBad: 'The API answers an unknown model ID with a 404 `model_not_found` error, at run time.',
      example: { language: 'python', code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt4o", messages=[{"role": "user", "content": "Hi"}])\n' },
      useInstead: { language: 'python', code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}])\n' },
      fixSafety: 'Unsafe: the closest ID is a guess; check that it is the model you meant.',
      references: [{ title: 'OpenAI models', url: 'https://platform.openai.com/docs/models' }],
    },
  },
  check(_call, ctx) {
    const t = ctx.target;
    if (t.kind !== 'unknown') return [];
    const suggestions = safeSuggest(() => ctx.catalog.suggest(t.id, 3));
    const what = t.mappedFrom ? `deployment '${t.mappedFrom}' is mapped to ${quote(t.id)}, which` : quote(t.id);
    if (suggestions.length === 0) {
      return [
        {
          span: t.span,
          severity: 'info',
          message: `${what} is not in the catalog dated ${ctx.catalog.asOf}; model checks skipped`,
          fix: null,
        },
      ];
    }
    const list = suggestions.map(quote).join(', ');
    const fix =
      t.innerSpan && !t.mappedFrom
        ? { title: `Replace with '${suggestions[0]}'`, safe: false, edits: [replaceEdit(t.innerSpan, suggestions[0]!)] }
        : null;
    return [
      {
        span: t.span,
        message: `${what} is not a known model ID; did you mean ${suggestions.length === 1 ? list : `one of ${list}`}?`,
        fix,
      },
    ];
  },
});

function safeSuggest(f: () => string[]): string[] {
  try {
    return f();
  } catch {
    return [];
  }
}
