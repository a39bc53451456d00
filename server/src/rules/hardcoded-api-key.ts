import type { Span } from '../analysis/apiCall';
import { defineRule } from './define';
import type { RuleFinding } from './define';
import { keyShape } from './keyShape';
import type { Finding } from './types';

/**
 * A string literal of the file (or literals joined into one value), its value with escapes
 * resolved, with the keyword / key it is passed as (`api_key=`, `"api-key":`).
 */
export interface StringLiteral {
  value: string;
  span: Span;
  keyName: string | null;
}

const KEY_NAMES = new Set(['api_key', 'apiKey', 'api-key', 'apikey', 'azure_api_key']);

/** The kind prefixes of OpenAI keys; they say what the key is and are not secret. */
const KEY_KIND = /^sk-(?:proj-|svcacct-|admin-)?/;

/**
 * Enough of a key to tell which one it is, never enough to use: its kind prefix (`sk-proj-`),
 * the first 2 characters of the secret and the last 4, as the OpenAI dashboard lists keys
 * (`sk-proj-Ab…wxyz`), so the user can find the key to revoke. At most a quarter of the
 * secret part is shown, so a short secret shows fewer trailing characters.
 */
export function maskKey(key: string): string {
  const kind = KEY_KIND.exec(key)?.[0] ?? '';
  const secret = [...key.slice(kind.length)];
  const budget = Math.floor(secret.length / 4);
  const head = Math.min(2, budget);
  const tail = Math.max(0, Math.min(4, budget - head));
  return `${kind}${secret.slice(0, head).join('')}…${tail ? secret.slice(-tail).join('') : ''}`;
}

/** A token that may be a key inside other text (not inside a longer word such as `task-…`): keyShape decides. */
const KEY_IN_TEXT = /(?<![A-Za-z0-9_-])(?:sk-[A-Za-z0-9_-]{20,}|[A-Za-z0-9]{32}(?:[A-Za-z0-9]{52})?)(?![A-Za-z0-9_-])/g;
const MIGHT_HOLD_KEY = /sk-|[A-Za-z0-9]{32}/;

/**
 * `text` with every token keyShape calls a key masked, reported or not (a key of an odd length
 * is still a key). Other rules echo the value they report (`'sk-proj-…' is not in the catalog`
 * when a key is passed as `model=`, a key written with escapes or split in two literals and
 * joined by the engine); their messages, titles, hovers and the status bar go through this so
 * no output repeats a key.
 */
export function redactKeys(text: string): string {
  if (!MIGHT_HOLD_KEY.test(text)) return text;
  return text.replace(KEY_IN_TEXT, (token) => (keyShape(token) ? maskKey(token) : token));
}

/** The finding with keys masked in what it shows (message, fix and command titles); the same object when there is nothing to mask. */
export function redactFinding(f: Finding): Finding {
  const message = redactKeys(f.message);
  const fixTitle = f.fix ? redactKeys(f.fix.title) : null;
  const commandTitle = f.command ? redactKeys(f.command.title) : null;
  if (message === f.message && fixTitle === (f.fix?.title ?? null) && commandTitle === (f.command?.title ?? null)) return f;
  return {
    ...f,
    message,
    fix: f.fix ? { ...f.fix, title: fixTitle! } : null,
    ...(f.command ? { command: { ...f.command, title: commandTitle! } } : {}),
  };
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
        'Reports a string literal shaped like a real API key: an OpenAI key (`sk-proj-…`, `sk-svcacct-…`, `sk-admin-…`, or a legacy `sk-` key of 48 letters and digits) with the length keys are issued with, their alphabet and a random secret, or a 32-hex-digit Azure key passed as `api_key` / `apiKey` / an `api-key` header. A key written with escapes (`"s\\x6b-proj-…"`) or split into literals joined together (`"sk" "-proj-…"`, `\'sk\' + \'-proj-…\'`) counts as written. Placeholders and test dummies (`sk-test`, `sk-...`, `sk-your-key-here`, `sk-synthetic-client-key`, runs such as `sk-proj-xxxx…`) are not keys. Its messages, logs, SARIF, hovers and the status bar show a key only masked, as the OpenAI dashboard lists keys (`sk-proj-Ab…wxyz`: the first 2 and last 4 characters of the secret), never enough of it to use.',
      whyIsThisBad: 'Keys committed to source control leak; anyone who reads the code can spend on the account. Keys belong in the environment or a secret store.',
      example: { language: 'python', code: 'from openai import OpenAI\n\nclient = OpenAI(api_key="sk-proj-oSn9qpK2rztUxLjOMw20GdtWRW41ZayKJTXf8cuNb2yTh0rG")\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}])\n' },
      useInstead: { language: 'python', code: 'import os\n\nfrom openai import OpenAI\n\nclient = OpenAI(api_key=os.environ["OPENAI_API_KEY"])\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}])\n' },
      fixSafety: 'Unsafe: the fix reads `OPENAI_API_KEY` / `AZURE_OPENAI_API_KEY` from the environment (Python needs `import os`); the variable must be set where the code runs, and the leaked key must still be revoked.',
      references: [{ title: 'OpenAI: best practices for API key safety', url: 'https://help.openai.com/en/articles/5112595-best-practices-for-api-key-safety' }],
    },
  },
});

/**
 * The literals that hold a key: an OpenAI key of a real length anywhere, an Azure key where it
 * is passed as a key (`api_key=`, `apiKey:`, an `api-key` header).
 */
export function findHardcodedKeys(strings: StringLiteral[], language: 'python' | 'javascript' | 'typescript'): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const s of strings) {
    const shape = keyShape(s.value);
    if (!shape?.realLength) continue;
    const openai = shape.kind === 'openai';
    if (!openai && !(s.keyName !== null && KEY_NAMES.has(s.keyName))) continue;
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
