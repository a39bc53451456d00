/**
 * OAI501 by key shape (issue 12) and keys never printed whole (issue 14, row 12): one
 * classifier (`keyShape`) decides both what is reported and what is masked. Real-shaped keys
 * are generated from fixed seeds (never real keys, none written in this file); the common
 * placeholders of test suites and docs are not keys.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Settings } from '../../server/src/config/schema';
import { analyzeText, createContext } from '../../server/src/engine';
import type { LanguageName } from '../../server/src/parse/parser';
import { maskKey, redactKeys } from '../../server/src/rules/hardcoded-api-key';
import { keyShape } from '../../server/src/rules/keyShape';
import { applyEdits } from '../helpers/callBuilder';
import { ALNUM, B64URL, HEX, keyGenerator } from '../helpers/fakeKeys';

const ctx = createContext(Settings.parse({}), { asOf: '2025-09-01', tokens: 'sync' }).ctx;

const gen = keyGenerator(20261205);
/** Each shape a key is issued with (rules/keyShape.ts), `count` of each. */
function realShaped(count: number): Record<string, string[]> {
  const many = (f: () => string) => Array.from({ length: count }, f);
  return {
    'legacy sk- + 48': many(() => `sk-${gen(ALNUM, 48)}`),
    'legacy with the T3BlbkFJ marker': many(() => `sk-${gen(ALNUM, 20)}T3BlbkFJ${gen(ALNUM, 20)}`),
    'first project keys sk-proj- + 48': many(() => `sk-proj-${gen(B64URL, 48)}`),
    'project sk-proj- + 156': many(() => `sk-proj-${gen(B64URL, 74)}T3BlbkFJ${gen(B64URL, 74)}`),
    'service account sk-svcacct- + 124': many(() => `sk-svcacct-${gen(B64URL, 58)}T3BlbkFJ${gen(B64URL, 58)}`),
    'admin sk-admin- + 140': many(() => `sk-admin-${gen(B64URL, 74)}T3BlbkFJ${gen(B64URL, 58)}`),
  };
}

/** Placeholders and test dummies seen in SDK test suites, docs and samples: none is a key. */
const PLACEHOLDERS = [
  'sk-test',
  'sk-...',
  'sk-xxx',
  'sk-your-key-here',
  'sk-your-api-key-here',
  'sk-synthetic-client-key',
  'sk-fake-key-for-testing-purposes-only',
  'sk-proj-REDACTED',
  `sk-${'x'.repeat(48)}`,
  `sk-proj-${'X'.repeat(48)}`,
  'sk-proj-abcdefghijklmnopqrstuvwxyz012345',
  'sk-1234567890abcdefghijklmnopqrstuvwxyzABCDEFGHIJKL',
  `sk-${'abc123'.repeat(8)}`,
  `sk-proj-${'a1B2'.repeat(12)}`,
  'sk-proj-ThisIsNotARealKeyJustAPlaceholderForTheTests1234',
  'sk-proj-MyExampleProjectKeyGoesHereReplaceMeBeforeRunning',
  'sk-ant-api03-abcdef',
  'task-0123456789abcdefABCDEF0123456789abcdefABCDEF',
];
const AZURE_PLACEHOLDERS = ['0'.repeat(32), '0123456789abcdef0123456789abcdef', 'deadbeef'.repeat(4), 'f'.repeat(32), '0123456789ABCDEF'.repeat(2)];

describe('keyShape', () => {
  test('every generated real-shaped key is a key of a real length, with its kind prefix', () => {
    for (const [shape, keys] of Object.entries(realShaped(300))) {
      for (const key of keys) {
        const s = keyShape(key);
        assert.ok(s?.realLength, `${shape}: ${maskKey(key)} not taken for a key`);
        assert.equal(s.kind, 'openai');
        assert.equal(s.prefix, /^sk-(?:proj|svcacct|admin)-/.exec(key)?.[0] ?? 'sk-');
      }
    }
    for (let i = 0; i < 300; i++) assert.deepEqual(keyShape(gen(HEX, 32)), { kind: 'azure', prefix: '', realLength: true });
    for (let i = 0; i < 300; i++) assert.deepEqual(keyShape(gen(ALNUM, 84)), { kind: 'azure', prefix: '', realLength: true });
  });

  test('placeholders, test dummies and words are not keys', () => {
    for (const p of [...PLACEHOLDERS, ...AZURE_PLACEHOLDERS]) assert.equal(keyShape(p), null, p);
  });

  test('a random secret of a length keys are not issued with is key-shaped but not of a real length', () => {
    assert.deepEqual(keyShape(`sk-proj-${gen(B64URL, 40)}`), { kind: 'openai', prefix: 'sk-proj-', realLength: false });
    assert.deepEqual(keyShape(`sk-${gen(ALNUM, 32)}`), { kind: 'openai', prefix: 'sk-', realLength: false });
    // the legacy alphabet has no `_` or `-`; 31 or 33 hex digits are no Azure key
    assert.equal(keyShape(`sk-${gen(ALNUM, 20)}_${gen(ALNUM, 27)}`), null);
    assert.equal(keyShape(gen(HEX, 31)), null);
    assert.equal(keyShape(gen(HEX, 33)), null);
  });
});

const cover = (text: string, f: { span: { start: number; end: number } }) => text.slice(f.span.start, f.span.end);

async function keyFindings(text: string, lang: LanguageName) {
  const { findings } = await analyzeText(text, lang, ctx);
  return findings.filter((f) => f.code === 'OAI501');
}

describe('OAI501 through the engine', () => {
  const key = `sk-proj-${gen(B64URL, 48)}`;
  const legacy = `sk-${gen(ALNUM, 48)}`;
  const azure = gen(HEX, 32);
  const message = (k: string, kind = 'OpenAI', variable = 'OPENAI_API_KEY') => `hard-coded ${kind} API key '${maskKey(k)}'; read it from the ${variable} environment variable and revoke this key`;

  test('placeholders in keyword arguments, object keys and variables: no finding', async () => {
    for (const p of PLACEHOLDERS) {
      assert.deepEqual(await keyFindings(`from openai import OpenAI\nclient = OpenAI(api_key="${p}")\nKEY = "${p}"\n`, 'python'), [], p);
      assert.deepEqual(await keyFindings(`import OpenAI from "openai";\nconst client = new OpenAI({ apiKey: '${p}' });\n`, 'typescript'), [], p);
    }
    for (const p of AZURE_PLACEHOLDERS) assert.deepEqual(await keyFindings(`from openai import AzureOpenAI\nclient = AzureOpenAI(api_key="${p}")\n`, 'python'), [], p);
  });

  // [label, language, text, the expression reported, the text after the fix]
  const cases: [string, LanguageName, string, string, string][] = [
    ['Python literal', 'python', `client = OpenAI(api_key="${key}")\n`, `"${key}"`, 'client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])\n'],
    ['Python escape in the prefix', 'python', `client = OpenAI(api_key="s\\x6b-proj-${key.slice(8)}")\n`, `"s\\x6b-proj-${key.slice(8)}"`, 'client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])\n'],
    ['Python implicit concatenation in parentheses', 'python', `KEY = ("sk" "-proj-${key.slice(8)}")\n`, `("sk" "-proj-${key.slice(8)}")`, 'KEY = os.environ["OPENAI_API_KEY"]\n'],
    ['Python literals joined with +', 'python', `KEY = 'sk' + '-proj-${key.slice(8, 30)}' + '${key.slice(30)}'\n`, `'sk' + '-proj-${key.slice(8, 30)}' + '${key.slice(30)}'`, 'KEY = os.environ["OPENAI_API_KEY"]\n'],
    ['Python legacy key split after sk-', 'python', `KEY = "sk-" "${legacy.slice(3)}"\n`, `"sk-" "${legacy.slice(3)}"`, 'KEY = os.environ["OPENAI_API_KEY"]\n'],
    ['Python key joined with an unknown name: the literal alone', 'python', `KEY = PREFIX + "${key}"\n`, `"${key}"`, 'KEY = PREFIX + os.environ["OPENAI_API_KEY"]\n'],
    ['TypeScript unicode escape', 'typescript', `const c = new OpenAI({ apiKey: 's\\u006b-proj-${key.slice(8)}' });\n`, `'s\\u006b-proj-${key.slice(8)}'`, 'const c = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n'],
    ['TypeScript literals joined with +', 'typescript', `const KEY = 'sk' + '-proj-${key.slice(8)}';\n`, `'sk' + '-proj-${key.slice(8)}'`, 'const KEY = process.env.OPENAI_API_KEY;\n'],
    ['JavaScript template literal without substitutions', 'javascript', `const KEY = \`${legacy}\`;\n`, `\`${legacy}\``, 'const KEY = process.env.OPENAI_API_KEY;\n'],
  ];
  for (const [label, lang, text, covers, output] of cases) {
    test(`${label}: reported on the whole expression, masked, fixed`, async () => {
      const found = await keyFindings(text, lang);
      assert.equal(found.length, 1, `${label}: ${found.length} findings`);
      const f = found[0]!;
      assert.equal(cover(text, f), covers);
      const whole = covers.includes(legacy.slice(3)) ? legacy : key;
      assert.equal(f.message, message(whole));
      assert.equal(applyEdits(text, f.fix!.edits), output);
    });
  }

  test('a Python raw string keeps its backslashes: no key', async () => {
    assert.deepEqual(await keyFindings(`KEY = r"s\\x6b-proj-${key.slice(8)}"\n`, 'python'), []);
  });

  test('an f-string or a template with a substitution is not a literal value', async () => {
    assert.deepEqual(await keyFindings(`KEY = f"sk-proj-{x}${key.slice(8)}"\n`, 'python'), []);
    assert.deepEqual(await keyFindings(`const KEY = \`sk-proj-\${x}${key.slice(8)}\`;\n`, 'typescript'), []);
  });

  test('32 hex digits only where they are passed as a key (keyword, header), not as another value', async () => {
    const text = `from openai import AzureOpenAI\nclient = AzureOpenAI(api_key="${azure}")\nrequest_id = "${azure}"\nheaders = {"api-key": "${azure}"}\n`;
    const found = await keyFindings(text, 'python');
    assert.deepEqual(found.map((f) => f.span.start), [text.indexOf(`api_key="`) + 'api_key='.length, text.indexOf(`"api-key": "`) + '"api-key": '.length]);
    for (const f of found) assert.equal(f.message, message(azure, 'Azure OpenAI', 'AZURE_OPENAI_API_KEY'));
  });
});

describe('keys are never printed whole (issue 14, row 12)', () => {
  const key = `sk-proj-${gen(B64URL, 48)}`;

  test('a key written with escapes or split in literals and passed as model=: every message masks it', async () => {
    const texts = [
      `from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="s\\x6b-proj-${key.slice(8)}", messages=[])\n`,
      `from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model=("sk" "-proj-${key.slice(8)}"), messages=[])\n`,
    ];
    for (const text of texts) {
      const { findings } = await analyzeText(text, 'python', ctx);
      assert.deepEqual(findings.map((f) => f.code).sort(), ['OAI101', 'OAI501'], text);
      assert.equal(findings.find((f) => f.code === 'OAI101')!.message, `'${maskKey(key)}' is not in the catalog dated ${ctx.catalog.asOf}; model checks skipped`);
      for (const f of findings) {
        const shown = [f.message, f.fix?.title ?? '', f.command?.title ?? ''].join('\n');
        assert.ok(!shown.includes(key.slice(8, 20)), `${f.code} shows the key: ${shown}`);
      }
    }
  });

  test('redactKeys masks every key-shaped token, of a real length or not, and leaves placeholders and words', () => {
    const odd = `sk-proj-${gen(B64URL, 40)}`;
    const hex = gen(HEX, 32);
    assert.equal(redactKeys(`'${key}' and '${odd}' and ${hex}`), `'${maskKey(key)}' and '${maskKey(odd)}' and ${maskKey(hex)}`);
    assert.equal(redactKeys("'sk-your-key-here' is not in the catalog"), "'sk-your-key-here' is not in the catalog");
    assert.equal(redactKeys('task-0123456789abcdefABCDEF0123456789 and gpt-4o-2024-08-06'), 'task-0123456789abcdefABCDEF0123456789 and gpt-4o-2024-08-06');
  });
});
