#!/usr/bin/env node
/**
 * Regenerates the checked-in snapshot of the model IDs the official OpenAI SDKs list in their
 * `model` types (test/fixtures/sdk-models/<sdk>.json), from local checkouts of the SDKs:
 *
 *   git clone https://github.com/openai/openai-python ../openai-python
 *   git clone https://github.com/openai/openai-node ../openai-node
 *   node scripts/sdk-models.mjs --python ../openai-python --node ../openai-node
 *
 * Either flag may be given alone. Each snapshot records the repository, the commit and its
 * date, and per SDK type the file it was read from and its IDs in the SDK's order.
 * `test/unit/catalog-sdk-models.test.ts` then fails for every listed ID that is neither in
 * the catalog nor in test/fixtures/sdk-models/excluded.json (see CONTRIBUTING, recipe
 * "Update the catalog").
 *
 * The table below says where each type lives. When an SDK moves a type, the script stops
 * with the file and anchor it could not find: update the table, never the snapshot by hand.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(root, 'test/fixtures/sdk-models');

const SDKS = {
  python: { repository: 'openai/openai-python', language: 'python' },
  node: { repository: 'openai/openai-node', language: 'typescript' },
};

/**
 * Where each SDK declares each `model` type: the file, an optional `within` anchor (the
 * declaration that contains the field) and the `start` anchor of the type or field. Python
 * types are the `Literal[...]` after the anchor; TypeScript types run to the next `;`.
 */
const at = (file, start, within) => ({ file, start, ...(within ? { within } : {}) });
const pyParams = (file, cls) => at(`src/openai/types/${file}`, '    model:', `class ${cls}(`);
const tsParams = (file, iface, optional = true) => at(`src/resources/${file}`, optional ? '  model?:' : '  model:', `export interface ${iface} {`);
const TYPES = {
  ChatModel: { python: at('src/openai/types/shared/chat_model.py', 'ChatModel: TypeAlias ='), node: at('src/resources/shared.ts', 'export type ChatModel =') },
  ResponsesModel: { python: at('src/openai/types/shared/responses_model.py', 'ResponsesModel: TypeAlias ='), node: at('src/resources/shared.ts', 'export type ResponsesModel =') },
  AllModels: { python: at('src/openai/types/shared/all_models.py', 'AllModels: TypeAlias ='), node: at('src/resources/shared.ts', 'export type AllModels =') },
  ImageModel: { python: at('src/openai/types/image_model.py', 'ImageModel: TypeAlias ='), node: at('src/resources/images.ts', 'export type ImageModel =') },
  AudioModel: { python: at('src/openai/types/audio_model.py', 'AudioModel: TypeAlias ='), node: at('src/resources/audio/audio.ts', 'export type AudioModel =') },
  SpeechModel: { python: at('src/openai/types/audio/speech_model.py', 'SpeechModel: TypeAlias ='), node: at('src/resources/audio/speech.ts', 'export type SpeechModel =') },
  EmbeddingModel: { python: at('src/openai/types/embedding_model.py', 'EmbeddingModel: TypeAlias ='), node: at('src/resources/embeddings.ts', 'export type EmbeddingModel =') },
  ModerationModel: { python: at('src/openai/types/moderation_model.py', 'ModerationModel: TypeAlias ='), node: at('src/resources/moderations.ts', 'export type ModerationModel =') },
  VideoModel: { python: at('src/openai/types/video_model.py', 'VideoModel: TypeAlias ='), node: at('src/resources/videos.ts', 'export type VideoModel =') },
  RealtimeSessionModel: {
    python: pyParams('realtime/realtime_session_create_request.py', 'RealtimeSessionCreateRequest'),
    node: tsParams('realtime/realtime.ts', 'RealtimeSessionCreateRequest'),
  },
  RealtimeTranscriptionModel: { python: pyParams('realtime/audio_transcription.py', 'AudioTranscription'), node: tsParams('realtime/realtime.ts', 'AudioTranscription') },
  CompletionModel: { python: pyParams('completion_create_params.py', 'CompletionCreateParamsBase'), node: tsParams('completions.ts', 'CompletionCreateParamsBase', false) },
  AssistantModel: { python: pyParams('beta/assistant_update_params.py', 'AssistantUpdateParams'), node: tsParams('beta/assistants.ts', 'AssistantUpdateParams') },
  FineTuningModel: { python: pyParams('fine_tuning/job_create_params.py', 'JobCreateParams'), node: tsParams('fine-tuning/jobs/jobs.ts', 'JobCreateParams', false) },
};

function fail(message) {
  console.error(`sdk-models: ${message}`);
  process.exit(1);
}

/** The text of the type that starts at `start` (after `within`, when given). */
function typeText(source, spec, language, where) {
  const from = spec.within ? source.indexOf(spec.within) : 0;
  if (from < 0) fail(`${where}: "${spec.within}" not found`);
  const at = source.indexOf(spec.start, from);
  if (at < 0) fail(`${where}: "${spec.start}" not found${spec.within ? ` after "${spec.within}"` : ''}`);
  if (language === 'typescript') {
    const end = source.indexOf(';', at);
    if (end < 0) fail(`${where}: no ';' after "${spec.start}"`);
    return source.slice(at, end);
  }
  const open = source.indexOf('[', at);
  if (open < 0) fail(`${where}: no '[' after "${spec.start}"`);
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '[') depth++;
    else if (source[i] === ']' && --depth === 0) return source.slice(at, i + 1);
  }
  return fail(`${where}: unbalanced '[' after "${spec.start}"`);
}

function idsOf(text, language) {
  const quote = language === 'typescript' ? /'([^'\n]+)'/g : /"([^"\n]+)"/g;
  return [...text.matchAll(quote)].map((m) => m[1]);
}

function git(dir, ...args) {
  return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
}

function snapshot(name, dir) {
  const sdk = SDKS[name];
  const commit = git(dir, 'rev-parse', 'HEAD');
  const date = git(dir, 'log', '-1', '--format=%cI', 'HEAD');
  const types = {};
  for (const [type, specs] of Object.entries(TYPES)) {
    const spec = specs[name];
    const where = `${sdk.repository} ${spec.file} (${type})`;
    let source;
    try {
      source = readFileSync(path.join(dir, spec.file), 'utf8');
    } catch {
      fail(`${where}: file not found in ${dir}`);
    }
    const ids = idsOf(typeText(source, spec, sdk.language, where), sdk.language);
    if (ids.length === 0) fail(`${where}: no model IDs found`);
    types[type] = { file: spec.file, url: `https://github.com/${sdk.repository}/blob/${commit}/${spec.file}`, ids };
  }
  return { repository: sdk.repository, commit, date, generatedBy: 'scripts/sdk-models.mjs', types };
}

function main(argv) {
  const dirs = {};
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i];
    const value = argv[i + 1];
    if ((flag !== '--python' && flag !== '--node') || !value) {
      fail('usage: node scripts/sdk-models.mjs [--python <openai-python checkout>] [--node <openai-node checkout>]');
    }
    dirs[flag.slice(2)] = path.resolve(value);
  }
  if (Object.keys(dirs).length === 0) fail('give --python and/or --node with the path of a local checkout');
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [name, dir] of Object.entries(dirs)) {
    const snap = snapshot(name, dir);
    const file = path.join(OUT_DIR, `openai-${name}.json`);
    writeFileSync(file, `${JSON.stringify(snap, null, 2)}\n`);
    const count = new Set(Object.values(snap.types).flatMap((t) => t.ids)).size;
    console.log(`${path.relative(root, file)}: ${snap.repository} @ ${snap.commit.slice(0, 8)} (${snap.date}), ${count} distinct IDs`);
  }
}

main(process.argv.slice(2));
