/**
 * `openai-model-lint models --from-api` against fake OpenAI and Azure OpenAI servers on
 * loopback: exactly one GET of the model list with the key in the documented header, an
 * overlay in the catalog file schema with the IDs the catalog lacks (fine-tunes with their
 * base's facts), never the key in any output, and OAI101 quiet on the listed models once the
 * overlay's entries are in the catalog.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { Catalog } from '../../server/src/catalog/catalog';
import { CatalogFile } from '../../server/src/catalog/schema';
import { run as checkRun } from '../../server/src/cli/check';
import { buildOverlay, mask } from '../../server/src/cli/fromApi';
import { run as modelsRun } from '../../server/src/cli/models';
import { today } from '../../server/src/cli/args';
import { scratchDir } from '../helpers/scratch';

const OPENAI_KEY = 'sk-proj-TestOnlyKey0000000000000000000000000000000000000000';
const AZURE_KEY = '0123456789abcdef0123456789abcdef';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/** A server on 127.0.0.1 that records every request and answers with `reply`. */
async function fakeServer(reply: (url: string) => { status: number; body: string; headers?: Record<string, string> }): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const r = reply(req.url ?? '');
    res.writeHead(r.status, { 'content-type': 'application/json', ...r.headers });
    res.end(r.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

const servers: Server[] = [];
after(() => {
  for (const s of servers) s.close();
});
const tempDir = (): string => scratchDir('oml-fromapi-');

async function models(cwd: string, args: string[], env: Record<string, string>): Promise<{ status: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const status = await modelsRun(['--from-api', ...args], { stdout: (s) => void (out.stdout += s), stderr: (s) => void (out.stderr += s) }, Catalog.builtIn(), cwd, env);
  return { status, ...out };
}

async function check(cwd: string, args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const status = await checkRun(args, { stdout: (s) => void (out.stdout += s), stderr: (s) => void (out.stderr += s) }, cwd);
  return { status, ...out };
}

const json = (body: unknown) => ({ status: 200, body: JSON.stringify(body) });
const unix = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 1000;
const DATE = today();

describe('models --from-api: OpenAI', () => {
  const LIST = {
    object: 'list',
    data: [
      { id: 'gpt-4o', object: 'model', created: 1715367049, owned_by: 'system' },
      { id: 'ft:gpt-4o-mini-2024-07-18:acme::AbC123', object: 'model', created: 1730000000, owned_by: 'acme' },
      { id: 'gpt-9-preview', object: 'model', created: 1790000000, owned_by: 'system' },
      { id: 'ft:mystery-base:acme::x1', object: 'model', created: 1790000000, owned_by: 'acme' },
    ],
  };

  test('one GET of /v1/models with the bearer key; the overlay lists what the catalog lacks; the key is printed nowhere', async () => {
    const api = await fakeServer(() => json(LIST));
    const cwd = tempDir();
    const r = await models(cwd, [], { OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: `${api.url}/v1/`, OPENAI_ORG_ID: 'org-acme', OPENAI_PROJECT_ID: 'proj_1' });
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
    assert.deepEqual(api.seen.map((s) => [s.method, s.url]), [['GET', '/v1/models']]);
    const h = api.seen[0]!.headers;
    assert.deepEqual([h.authorization, h['openai-organization'], h['openai-project']], [`Bearer ${OPENAI_KEY}`, 'org-acme', 'proj_1']);
    assert.equal(
      r.stdout,
      [
        `GET ${api.url}/v1/models: 4 models, 2 not in the catalog dated ${Catalog.builtIn().asOf}:`,
        '  ft:mystery-base:acme::x1  no facts known: model checks skipped',
        '  gpt-9-preview             no facts known: model checks skipped',
        'Wrote openai-model-lint.catalog.json (2 models). Use it with "catalog": { "file": "openai-model-lint.catalog.json" } in .openai-model-lint.json.',
        '',
      ].join('\n'),
    );
    const text = readFileSync(join(cwd, 'openai-model-lint.catalog.json'), 'utf8');
    assert.ok(!text.includes(OPENAI_KEY) && !r.stdout.includes(OPENAI_KEY));
    const overlay = JSON.parse(text);
    assert.equal(CatalogFile.safeParse(overlay).success, true);
    const ref = { doc: 'OpenAI API: GET /v1/models (List models)', url: `${api.url}/v1/models`, note: `listed on ${DATE}` };
    /** An entry with no facts but its ID, as the overlay writes it. */
    const unknownEntry = (id: string, description: string) => ({
      id,
      aliasOf: null,
      otherIds: [],
      description,
      family: 'unknown',
      contextWindow: null,
      maxOutputTokens: null,
      knowledgeCutoff: null,
      encoding: null,
      endpoints: [],
      capabilities: {},
      parameters: { unsupported: [], replaced: [], reasoningEffort: null },
      lifecycle: { stage: 'ga', deprecationDate: null, shutdownDate: null, replacement: null },
      limitedAccess: false,
      limits: {},
      sources: { '*': [ref] },
    });
    assert.deepEqual(overlay, {
      // the catalog's own date: the listing checks none of its lifecycle facts
      asOf: Catalog.builtIn().asOf,
      models: [
        unknownEntry('ft:mystery-base:acme::x1', `Listed by the API on ${DATE} (a fine-tune of mystery-base, which the catalog does not know); no other facts known, so the checks that need them are skipped`),
        unknownEntry('gpt-9-preview', `Listed by the API on ${DATE}; no other facts known, so the checks that need them are skipped`),
      ],
      azure: [],
      azureApiVersionRequirements: [],
      retiredApis: [],
      endpointDefaults: [],
      documents: {},
    });
  });

  test("OAI101 stops flagging the listed models once the overlay's entries are in the catalog", async () => {
    const api = await fakeServer(() => json(LIST));
    const cwd = tempDir();
    await models(cwd, ['--output', 'listed.json'], { OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: `${api.url}/v1` });
    writeFileSync(join(cwd, 'app.py'), 'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-9-preview", messages=[])\n');
    const before = await check(cwd, ['app.py', '--format', 'json', '--as-of', '2025-09-01']);
    assert.deepEqual(JSON.parse(before.stdout).map((f: { code: string; severity: string }) => `${f.code} ${f.severity}`), ['OAI101 warning']);
    // the file as it was written, named by catalog.file
    writeFileSync(join(cwd, '.openai-model-lint.json'), JSON.stringify({ catalog: { file: 'listed.json' } }));
    const after = await check(cwd, ['app.py', '--format', 'json', '--as-of', '2025-09-01']);
    assert.deepEqual([after.status, after.stdout, after.stderr], [0, '[]\n', '']);
    // loading it does not make the catalog look newer than its lifecycle facts
    const late = await check(cwd, ['app.py', '--as-of', '2099-01-01']);
    assert.match(late.stdout, new RegExp(`catalog dated ${Catalog.builtIn().asOf}: lifecycle facts may be out of date`));
    // ... and its entries through catalog.extraModels
    const overlay = JSON.parse(readFileSync(join(cwd, 'listed.json'), 'utf8')) as { models: unknown[] };
    writeFileSync(join(cwd, '.openai-model-lint.json'), JSON.stringify({ catalog: { extraModels: overlay.models } }));
    const viaExtra = await check(cwd, ['app.py', '--format', 'json', '--as-of', '2025-09-01']);
    assert.deepEqual([viaExtra.status, viaExtra.stdout, viaExtra.stderr], [0, '[]\n', '']);
  });

  test('nothing missing: no file written', async () => {
    const api = await fakeServer(() => json({ data: [{ id: 'gpt-4o' }, { id: 'ft:gpt-4o-mini-2024-07-18:acme::AbC123' }] }));
    const cwd = tempDir();
    const r = await models(cwd, [], { OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: `${api.url}/v1` });
    assert.equal(r.stdout, `GET ${api.url}/v1/models: 2 models, 0 not in the catalog dated ${Catalog.builtIn().asOf}.\nNothing to add; no file written.\n`);
    assert.equal(existsSync(join(cwd, 'openai-model-lint.catalog.json')), false);
  });
});

describe('models --from-api: Azure OpenAI (Models - List)', () => {
  test('GET /openai/models?api-version=2024-10-21 with api-key; a fine-tune gets its base facts and its inference end date', async () => {
    const shutdown = '2026-03-01';
    const api = await fakeServer(() =>
      json({
        object: 'list',
        data: [
          { id: 'gpt-35-turbo-0613', status: 'succeeded', lifecycle_status: 'generally-available', capabilities: { chat_completion: true, completion: false, embeddings: false }, created_at: 1, object: 'model' },
          {
            id: 'gpt-35-turbo-0613.ft-0123abcd',
            model: 'gpt-35-turbo-0613',
            fine_tune: 'ftjob-0123abcd',
            status: 'succeeded',
            lifecycle_status: 'generally-available',
            deprecation: { inference: unix(shutdown) },
            capabilities: { chat_completion: true, completion: false, embeddings: false, fine_tune: false, inference: true },
            object: 'model',
          },
          { id: 'gpt-9', status: 'succeeded', lifecycle_status: 'preview', deprecation: { inference: unix('2027-01-31') }, capabilities: { chat_completion: true, completion: false, embeddings: false }, object: 'model' },
        ],
      }),
    );
    const cwd = tempDir();
    const r = await models(cwd, ['--provider', 'azure', '--output', 'azure-models.json'], { AZURE_OPENAI_ENDPOINT: `${api.url}/`, AZURE_OPENAI_API_KEY: AZURE_KEY, OPENAI_API_KEY: OPENAI_KEY });
    assert.equal(r.stderr, '');
    assert.deepEqual(api.seen.map((s) => [s.method, s.url, s.headers['api-key'], s.headers.authorization]), [['GET', '/openai/models?api-version=2024-10-21', AZURE_KEY, undefined]]);
    assert.equal(
      r.stdout,
      [
        `GET ${api.url}/openai/models: 3 models, 2 not in the catalog dated ${Catalog.builtIn().asOf}:`,
        '  gpt-35-turbo-0613.ft-0123abcd  fine-tune of gpt-3.5-turbo-0613: its facts',
        '  gpt-9                          no facts known: model checks skipped',
        'Wrote azure-models.json (2 models). Use it with "catalog": { "file": "azure-models.json" } in .openai-model-lint.json.',
        '',
      ].join('\n'),
    );
    const overlay = CatalogFile.parse(JSON.parse(readFileSync(join(cwd, 'azure-models.json'), 'utf8')));
    const [ft, gpt9] = overlay.models;
    const base = Catalog.builtIn().resolveAzure('gpt-35-turbo', '0613')!.entry;
    const ref = { doc: 'Azure OpenAI REST API: Models - List (api-version 2024-10-21)', url: `${api.url}/openai/models`, note: `listed on ${DATE}` };
    assert.deepEqual(ft, {
      ...base,
      id: 'gpt-35-turbo-0613.ft-0123abcd',
      aliasOf: null,
      otherIds: [],
      description: `Fine-tune of gpt-3.5-turbo-0613, listed by the API on ${DATE}`,
      lifecycle: { stage: 'ga', deprecationDate: null, shutdownDate: shutdown, replacement: null },
      sources: { ...base.sources, id: [ref], description: [ref], lifecycle: [ref] },
    });
    assert.deepEqual([gpt9!.id, gpt9!.endpoints, gpt9!.lifecycle, gpt9!.contextWindow], ['gpt-9', ['chat.completions'], { stage: 'preview', deprecationDate: null, shutdownDate: '2027-01-31', replacement: null }, null]);
    assert.ok(!readFileSync(join(cwd, 'azure-models.json'), 'utf8').includes(AZURE_KEY));
  });
});

describe('models --from-api: errors say what to do and never show the key', () => {
  test('no key in the environment, or both providers: exit 2 with the variables to set', async () => {
    const cwd = tempDir();
    assert.deepEqual(await models(cwd, [], {}), {
      status: 2,
      stdout: '',
      stderr: 'openai-model-lint: models --from-api: set OPENAI_API_KEY (and OPENAI_BASE_URL for another address), or AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_API_KEY\n',
    });
    const both = await models(cwd, [], { OPENAI_API_KEY: OPENAI_KEY, AZURE_OPENAI_ENDPOINT: 'http://127.0.0.1:9', AZURE_OPENAI_API_KEY: AZURE_KEY });
    assert.equal(both.stderr, 'openai-model-lint: models --from-api: both OPENAI_API_KEY and AZURE_OPENAI_ENDPOINT are set; choose one with --provider openai|azure\n');
    assert.equal((await models(cwd, ['--provider', 'azure'], { AZURE_OPENAI_ENDPOINT: 'http://127.0.0.1:9' })).stderr, 'openai-model-lint: models --from-api: set AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_API_KEY\n');
  });

  test('401 whose message echoes the key: the status and the message with the key masked', async () => {
    const api = await fakeServer(() => ({ status: 401, body: JSON.stringify({ error: { message: `Incorrect API key provided: ${OPENAI_KEY}. You can find your API key at https://platform.openai.com/account/api-keys.` } }) }));
    const r = await models(tempDir(), [], { OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: `${api.url}/v1` });
    assert.deepEqual(r, {
      status: 2,
      stdout: '',
      stderr: `openai-model-lint: models --from-api: GET ${api.url}/v1/models answered 401 Unauthorized: Incorrect API key provided: ***. You can find your API key at https://platform.openai.com/account/api-keys.\n`,
    });
  });

  test('a redirect is not followed (no second request anywhere)', async () => {
    const elsewhere = await fakeServer(() => json({ data: [] }));
    const api = await fakeServer(() => ({ status: 302, body: '', headers: { location: `${elsewhere.url}/v1/models` } }));
    const r = await models(tempDir(), [], { OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: `${api.url}/v1` });
    assert.equal(r.status, 2);
    assert.match(r.stderr, new RegExp(`^openai-model-lint: models --from-api: GET ${api.url}/v1/models failed: `));
    assert.equal(api.seen.length, 1);
    assert.equal(elsewhere.seen.length, 0);
  });

  test('an answer that is not a model list, and a closed port', async () => {
    const api = await fakeServer(() => ({ status: 200, body: '<html>proxy login</html>' }));
    const r = await models(tempDir(), [], { OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: `${api.url}/v1` });
    assert.equal(r.stderr, `openai-model-lint: models --from-api: GET ${api.url}/v1/models: the answer is not JSON\n`);
    const shape = await fakeServer(() => json({ models: [] }));
    const s = await models(tempDir(), [], { OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: `${shape.url}/v1` });
    assert.match(s.stderr, /: the answer is not a model list \(/);
    const closed = await fakeServer(() => json({}));
    const port = closed.url;
    await new Promise<void>((resolve) => closed.server.close(() => resolve()));
    const c = await models(tempDir(), [], { OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: `${port}/v1` });
    assert.equal(c.stderr, `openai-model-lint: models --from-api: GET ${port}/v1/models failed: ECONNREFUSED\n`);
    for (const x of [r, s, c]) assert.ok(!x.stderr.includes(OPENAI_KEY));
  });

  test('--provider and --output go with --from-api', async () => {
    const out = { stdout: '', stderr: '' };
    const status = await modelsRun(['--output', 'x.json'], { stdout: (s) => void (out.stdout += s), stderr: (s) => void (out.stderr += s) }, Catalog.builtIn(), tempDir(), {});
    assert.equal(status, 2);
    assert.match(out.stderr, /^openai-model-lint: --output goes with --from-api\n/);
  });

  test('mask: the key itself and anything shaped like an OpenAI key', () => {
    assert.equal(mask(`key ${AZURE_KEY} and sk-abc123def and sk-proj-****wxyz`, AZURE_KEY), 'key *** and sk-*** and sk-***');
  });
});

test('the overlay keeps the catalog date it extends; the listing date is in each entry source', () => {
  const { file } = buildOverlay([{ id: 'gpt-9-preview' }], Catalog.builtIn(), { doc: 'OpenAI API: List models', url: 'https://api.openai.com/v1/models' }, '2027-03-01');
  assert.equal(file.asOf, Catalog.builtIn().asOf);
  assert.equal(file.models[0]!.sources['*']![0]!.note, 'listed on 2027-03-01');
});
