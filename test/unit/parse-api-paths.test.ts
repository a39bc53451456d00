/**
 * Calls recognised for the API they belong to (extract.ts API_PATHS, OAI108): any method
 * under `beta.assistants`, `beta.threads`, `beta.realtime`, `evals`, `videos`,
 * `fine_tuning.jobs`, through the same receiver checks as the request calls, carrying no
 * model and no arguments; the prefilter lets every such text through and nothing else new.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mightContainCall } from '../../server/src/analysis/extract';
import { at, calls } from '../helpers/extract';

test('Python: any method of a nested resource, with the method path from the resource on', async () => {
  const text = 'from openai import OpenAI\n\nclient = OpenAI()\nrun = client.beta.threads.runs.submit_tool_outputs(thread_id="t", run_id="r", tool_outputs=[])\n';
  const [c] = await calls(text, 'python');
  assert.ok(c);
  assert.equal(c.method, 'beta.threads.runs.submit_tool_outputs');
  assert.equal(c.endpoint, 'assistants');
  assert.equal(at(text, c.calleeSpan), 'client.beta.threads.runs.submit_tool_outputs');
  assert.deepEqual([c.model, c.args, c.argsOpen, c.messages, c.client.kind], [null, [], false, null, 'openai']);
});

test('TypeScript: wrappers are left out of the method path; endpoints per resource', async () => {
  const text = [
    'import OpenAI from "openai";',
    'const openai = new OpenAI();',
    'await openai.beta.realtime.sessions.create({ model: "gpt-4o-realtime-preview" });',
    'await openai.withOptions({ timeout: 5 }).beta.assistants.del("asst_1");',
    'await openai.fineTuning.jobs.create({ model: "gpt-4o-mini", training_file: "f" });',
    'await openai.evals.runs.list("eval_1");',
    '',
  ].join('\n');
  const found = await calls(text, 'typescript');
  assert.deepEqual(
    found.map((c) => [c.method, c.endpoint, at(text, c.calleeSpan)]),
    [
      ['beta.realtime.sessions.create', 'realtime', 'openai.beta.realtime.sessions.create'],
      ['beta.assistants.del', 'assistants', 'openai.withOptions({ timeout: 5 }).beta.assistants.del'],
      ['fineTuning.jobs.create', 'fine_tuning', 'openai.fineTuning.jobs.create'],
      ['evals.runs.list', 'evals', 'openai.evals.runs.list'],
    ],
  );
});

test('request calls keep their own endpoint: beta.chat.completions.parse is not an API path', async () => {
  const text = 'from openai import OpenAI\n\nclient = OpenAI()\nclient.beta.chat.completions.parse(model="gpt-4o", messages=[])\n';
  const [c] = await calls(text, 'python');
  assert.deepEqual([c?.method, c?.endpoint, c?.model?.name], ['beta.chat.completions.parse', 'chat.completions', 'model']);
});

test('not taken: one-segment resources on receivers that are not visibly a client, other vendors’ names, other code', async () => {
  const py = [
    'from openai import OpenAI',
    'client = OpenAI()',
    'def report(store, clip):',
    '    store.videos.append(clip)',
    '    store.evals.update(clip)',
    'class Feed:',
    '    def add(self, v):',
    '        self.videos.append(v)',
    'beta = load()',
    'beta.version.bump()',
    '',
  ].join('\n');
  assert.deepEqual(await calls(py, 'python'), []);
  const ts = 'import OpenAI from "openai";\nconst videos = [1];\nvideos.map((v) => v);\nthis.evals.push(1);\n';
  assert.deepEqual(await calls(ts, 'typescript'), []);
  // no SDK import and no model argument: a client from another module is not assumed
  assert.deepEqual(await calls('from app.llm import client\nclient.beta.threads.create()\n', 'python'), []);
});

test('the prefilter lets API calls through, with trivia between the segments, and still rejects other code', () => {
  for (const text of [
    'client.beta.assistants.create()',
    'client.beta\n    .threads.runs.list("t")',
    'client.beta. # note\n realtime.connect(model=m)',
    'client.evals.create(name="x")',
    'client.videos.retrieve("v")',
    'client.fine_tuning.jobs.create(model="m")',
    'client.fineTuning.jobs.create({ model: "m" })',
    'client.beta.with_raw_response.assistants.list()',
  ]) {
    assert.equal(mightContainCall(text), true, text);
  }
  for (const text of ['release.beta.version()', 'alphabeta.assistants.x()', 'const evals = 1;', 'my_videos.append(1)', 'fine_tuning.config.load()']) {
    assert.equal(mightContainCall(text), false, text);
  }
});
