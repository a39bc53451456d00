/** The parser module: languages, one-time init, incremental re-parse; the no-parse prefilter. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractCalls, mightContainCall } from '../../server/src/analysis/extract';
import { initParsers, parsersReady, parseText } from '../../server/src/parse/parser';
import { at, calls } from '../helpers/extract';

test('initParsers loads once; parseText works synchronously afterwards', async () => {
  await Promise.all([initParsers(), initParsers()]);
  assert.equal(parsersReady(), true);
  for (const lang of ['python', 'javascript', 'typescript', 'tsx'] as const) {
    const tree = parseText('x = 1\n', lang);
    assert.equal(tree.rootNode.endIndex, 6);
  }
});

test('incremental re-parse after tree.edit gives the same calls as a fresh parse', async () => {
  await initParsers();
  const before = 'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o")\n';
  const tree = parseText(before, 'python');
  const at0 = before.indexOf('gpt-4o') + 'gpt-4o'.length;
  const after = `${before.slice(0, at0)}-mini${before.slice(at0)}`;
  const column = at0 - before.lastIndexOf('\n', at0) - 1;
  tree.edit({
    startIndex: at0,
    oldEndIndex: at0,
    newEndIndex: at0 + 5,
    startPosition: { row: 2, column },
    oldEndPosition: { row: 2, column },
    newEndPosition: { row: 2, column: column + 5 },
  });
  const next = parseText(after, 'python', tree);
  const [call] = extractCalls(next, after, 'python');
  assert.equal(at(after, call!.model?.value.span), '"gpt-4o-mini"');
  assert.deepEqual(extractCalls(next, after, 'python'), extractCalls(parseText(after, 'python'), after, 'python'));
});

test('mightContainCall: false only for text that cannot hold a recognised call', async () => {
  const withCalls = [
    'import openai\nopenai.ChatCompletion.create(model="x")\n',
    'from openai import OpenAI\nOpenAI().chat.completions.create(model="x")\n',
    'from groq import Groq\nGroq().chat.completions.create(model="x")\n',
    'import Together from "together-ai";\nnew Together().chat.completions.create({ model: "x" });\n',
    // no "openai" in the text: a client imported from another module, or from an earlier notebook cell
    'from app.llm import client\nclient.chat.completions.create(model="x")\n',
    'reply = client.responses.create(model="x", input="hi")\n',
  ];
  for (const text of withCalls) {
    assert.equal(mightContainCall(text), true, text);
    const lang = text.includes('import ') && text.includes('from "') ? 'typescript' : 'python';
    assert.equal((await calls(text, lang)).length, 1, text);
  }
  assert.equal(mightContainCall('import os\nprint("hello")\n'), false);
  assert.equal(mightContainCall('Model.objects.create(name="x")\nstripe.Customer.create()\n'), false);
  assert.equal(mightContainCall('const completions = 3; // no sdk here\n'), false);
  // an import alone holds no call (OAI501 / OAI001 have prefilters of their own in the engine)
  assert.equal(mightContainCall('const OpenAI = require("openai");\n'), false);
});
