/**
 * Texts with emoji (astral: surrogate pairs), a ZWJ sequence and CJK before findings on the
 * same line, shared by the CLI test (test/unit/non-ascii.test.ts: code-point columns) and
 * the server test (test/server/non-ascii.test.ts: UTF-16 ranges).
 */

export const PY = [
  'from openai import OpenAI',
  'client = OpenAI()',
  // 22 code points (26 UTF-16 units) before `client`
  'note = "😀 日本語 👨‍👩‍👧"; client.chat.completions.create(model="gpt4o", messages=[])',
  'client.chat.completions.create(model="o1", messages=[{"role": "user", "content": "🙂🙂 中文"}], temperature=0.5)  # 😀',
  '',
].join('\n');

export const TS = [
  'import OpenAI from "openai";',
  'const client = new OpenAI();',
  'const note = "😀 日本語 👨‍👩‍👧"; client.chat.completions.create({ model: "gpt4o", messages: [] });',
  'client.chat.completions.create({ model: "o1", messages: [{ role: "user", content: "🙂🙂 中文" }], temperature: 0.5 }); // 😀',
  '',
].join('\n');

/** The notebook's code cell (index 1, after a markdown cell): the Python finding line is its line 3. */
export const CELL = ['from openai import OpenAI', 'client = OpenAI()', PY.split('\n')[2]!].join('\n');

