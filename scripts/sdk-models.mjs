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

/**
 * Per SDK type: the file, an optional `within` anchor (the declaration that contains the
 * field) and the `start` anchor of the type or field. Python types are the `Literal[...]`
 * after the anchor; TypeScript types run from the anchor to the next `;`.
 */
const SDKS = {
  python: {
    repository: 'openai/openai-python',
    language: 'python',
    types: {
      ChatModel: { file: 'src/openai/types/shared/chat_model.py', start: 'ChatModel: TypeAlias =' },
      ResponsesModel: { file: 'src/openai/types/shared/responses_model.py', start: 'ResponsesModel: TypeAlias =' },
      AllModels: { file: 'src/openai/types/shared/all_models.py', start: 'AllModels: TypeAlias =' },
      ImageModel: { file: 'src/openai/types/image_model.py', start: 'ImageModel: TypeAlias =' },
      AudioModel: { file: 'src/openai/types/audio_model.py', start: 'AudioModel: TypeAlias =' },
      SpeechModel: { file: 'src/openai/types/audio/speech_model.py', start: 'SpeechModel: TypeAlias =' },
      EmbeddingModel: { file: 'src/openai/types/embedding_model.py', start: 'EmbeddingModel: TypeAlias =' },
      ModerationModel: { file: 'src/openai/types/moderation_model.py', start: 'ModerationModel: TypeAlias =' },
      VideoModel: { file: 'src/openai/types/video_model.py', start: 'VideoModel: TypeAlias =' },
      RealtimeSessionModel: {
        file: 'src/openai/types/realtime/realtime_session_create_request.py',
        within: 'class RealtimeSessionCreateRequest(',
        start: '    model:',
      },
      RealtimeTranscriptionModel: {
        file: 'src/openai/types/realtime/audio_transcription.py',
        within: 'class AudioTranscription(',
        start: '    model:',
      },
      CompletionModel: { file: 'src/openai/types/completion_create_params.py', within: 'class CompletionCreateParamsBase(', start: '    model:' },
      AssistantModel: { file: 'src/openai/types/beta/assistant_update_params.py', within: 'class AssistantUpdateParams(', start: '    model:' },
      FineTuningModel: { file: 'src/openai/types/fine_tuning/job_create_params.py', within: 'class JobCreateParams(', start: '    model:' },
    },
  },
  node: {
    repository: 'openai/openai-node',
    language: 'typescript',
    types: {
      ChatModel: { file: 'src/resources/shared.ts', start: 'export type ChatModel =' },
      ResponsesModel: { file: 'src/resources/shared.ts', start: 'export type ResponsesModel =' },
      AllModels: { file: 'src/resources/shared.ts', start: 'export type AllModels =' },
      ImageModel: { file: 'src/resources/images.ts', start: 'export type ImageModel =' },
      AudioModel: { file: 'src/resources/audio/audio.ts', start: 'export type AudioModel =' },
      SpeechModel: { file: 'src/resources/audio/speech.ts', start: 'export type SpeechModel =' },
      EmbeddingModel: { file: 'src/resources/embeddings.ts', start: 'export type EmbeddingModel =' },
      ModerationModel: { file: 'src/resources/moderations.ts', start: 'export type ModerationModel =' },
      VideoModel: { file: 'src/resources/videos.ts', start: 'export type VideoModel =' },
      RealtimeSessionModel: {
        file: 'src/resources/realtime/realtime.ts',
        within: 'export interface RealtimeSessionCreateRequest {',
        start: '  model?:',
      },
      RealtimeTranscriptionModel: { file: 'src/resources/realtime/realtime.ts', within: 'export interface AudioTranscription {', start: '  model?:' },
      CompletionModel: { file: 'src/resources/completions.ts', within: 'export interface CompletionCreateParamsBase {', start: '  model:' },
      AssistantModel: { file: 'src/resources/beta/assistants.ts', within: 'export interface AssistantUpdateParams {', start: '  model?:' },
      FineTuningModel: { file: 'src/resources/fine-tuning/jobs/jobs.ts', within: 'export interface JobCreateParams {', start: '  model:' },
    },
  },
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
  for (const [type, spec] of Object.entries(sdk.types)) {
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
