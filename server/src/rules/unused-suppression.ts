import { defineRule } from './define';

export const unusedSuppression = defineRule({
  meta: {
    code: 'OAI001',
    name: 'unused-suppression',
    defaultSeverity: 'hint',
    fixable: 'safe',
    needsCatalog: false,
    docs: {
      whatItDoes:
        'Reports a suppression comment (`openai-model-lint: disable-line`, `disable-next-line`, `disable-file`, Python `# noqa: OAIxxx`) or one of its codes that suppresses nothing.',
      whyIsThisBad: 'A stale suppression hides the next real finding on that line, and misleads readers about what the code does.',
      example: { language: 'python', code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}])  # noqa: OAI201\n' },
      useInstead: { language: 'python', code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}])\n' },
      fixSafety: 'Safe: removing a code that suppresses nothing changes no other finding.',
      references: [{ title: 'Ruff: unused-noqa (RUF100)', url: 'https://docs.astral.sh/ruff/rules/unused-noqa/' }],
    },
  },
});
