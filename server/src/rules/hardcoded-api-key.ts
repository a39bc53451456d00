import type { Span } from '../analysis/apiCall';
import { defineRule } from './define';
import type { RuleFinding } from './define';

/** A string literal of the file, with the keyword / key it is passed as (`api_key=`, `"api-key":`). */
export interface StringLiteral {
  value: string;
  span: Span;
  keyName: string | null;
}

const OPENAI_KEY = /^sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}$/;
const AZURE_KEY = /^(?:[0-9a-f]{32}|[A-Za-z0-9]{84})$/;
const KEY_NAMES = new Set(['api_key', 'apiKey', 'api-key', 'apikey', 'azure_api_key']);

/** Enough of a key to recognise it in the message; never the whole secret. */
export function maskKey(key: string): string {
  const keep = key.startsWith('sk-proj-') ? 10 : key.startsWith('sk-') ? 5 : 4;
  return `${key.slice(0, keep)}…`;
}

export const hardcodedApiKey = defineRule({
  meta: {
    code: 'OAI501',
    name: 'hardcoded-api-key',
    defaultSeverity: 'warning',
    fixable: 'unsafe',
    needsCatalog: false,
    docs: {
      whatItDoes:
        'Reports a string literal that looks like an OpenAI API key (`sk-…`, `sk-proj-…`), or an Azure key passed as `api_key` / `apiKey` / an `api-key` header.',
      whyIsThisBad: 'Keys committed to source control leak; anyone who reads the code can spend on the account. Keys belong in the environment or a secret store.',
      example: { language: 'python', code: 'from openai import OpenAI\n\nclient = OpenAI(api_key="sk-proj-abcdefghijklmnopqrstuvwxyz012345")\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}])\n' },
      useInstead: { language: 'python', code: 'import os\n\nfrom openai import OpenAI\n\nclient = OpenAI(api_key=os.environ["OPENAI_API_KEY"])\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}])\n' },
      fixSafety: 'Unsafe: the fix reads `OPENAI_API_KEY` / `AZURE_OPENAI_API_KEY` from the environment (Python needs `import os`); the variable must be set where the code runs, and the leaked key must still be revoked.',
      references: [{ title: 'OpenAI: best practices for API key safety', url: 'https://help.openai.com/en/articles/5112595-best-practices-for-api-key-safety' }],
    },
  },
});

export function findHardcodedKeys(strings: StringLiteral[], language: 'python' | 'javascript' | 'typescript'): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const s of strings) {
    const openai = OPENAI_KEY.test(s.value);
    const azure = !openai && s.keyName !== null && KEY_NAMES.has(s.keyName) && AZURE_KEY.test(s.value);
    if (!openai && !azure) continue;
    const variable = openai ? 'OPENAI_API_KEY' : 'AZURE_OPENAI_API_KEY';
    const read = language === 'python' ? `os.environ["${variable}"]` : `process.env.${variable}`;
    out.push({
      span: s.span,
      message: `hard-coded ${openai ? 'OpenAI' : 'Azure OpenAI'} API key '${maskKey(s.value)}'; read it from the ${variable} environment variable and revoke this key`,
      fix: { title: `Read ${variable} from the environment`, safe: false, edits: [{ start: s.span.start, end: s.span.end, newText: read }] },
    });
  }
  return out;
}
