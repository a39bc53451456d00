/**
 * Call shapes read beside the SDK's endpoint table (`METHOD_PATHS` in ./extract.ts, which also
 * holds the `.parse` / `.stream` helpers both SDKs share): the other SDK helper methods that
 * send a request, the wrappers that return the client they are given, and the client options
 * that decide whose models a client speaks. Data only; ./extract.ts reads it.
 *
 * Rebinding (`client = wrap(client)`, any function) keeps the client's kind too: that is a rule
 * of extract.ts, not a table entry here.
 */
import type { Endpoint } from '../catalog/schema';
import type { Family } from './values';

export interface HelperMethod {
  /** the method path after the client, as written */
  path: string;
  endpoint: Endpoint;
  helper: 'parse' | 'stream' | null;
  /** the SDKs that have it */
  families: readonly Family[];
  /** Python SDK < 1.0 (`openai.ChatCompletion.acreate`): only on the openai module itself */
  legacy?: boolean;
}

/** Helper methods that send one request of the endpoint, checked like its `create`. */
export const HELPER_METHODS: readonly HelperMethod[] = [
  // openai-node's tool-calling runner (`client.chat.completions.runTools({ model, messages, tools })`,
  // under `beta.` before v5): chat completions requests with the given model and parameters
  { path: 'beta.chat.completions.runTools', endpoint: 'chat.completions', helper: null, families: ['ecma'] },
  { path: 'chat.completions.runTools', endpoint: 'chat.completions', helper: null, families: ['ecma'] },
  // openai-python < 1.0: the asyncio variants of the module-level calls
  { path: 'ChatCompletion.acreate', endpoint: 'chat.completions', helper: null, families: ['python'], legacy: true },
  { path: 'Completion.acreate', endpoint: 'completions', helper: null, families: ['python'], legacy: true },
  { path: 'Embedding.acreate', endpoint: 'embeddings', helper: null, families: ['python'], legacy: true },
];

export interface ClientWrapper {
  /**
   * The wrapper's qualified name: the module it is imported from, then the name it is exported
   * as (`instructor.from_openai`; JS `langsmith/wrappers.wrapOpenAI`; a JS default export is
   * the module path alone).
   */
  qualified: string;
  /** where the wrapped client is passed: a positional index, and the keyword / option name */
  client: { index: number | null; name: string | null };
}

/** Functions that return the client they are given, patched or traced: its kind is kept. */
export const CLIENT_WRAPPERS: readonly ClientWrapper[] = [
  // instructor (Python): `instructor.from_openai(client, mode=...)`, `instructor.patch(client)`
  { qualified: 'instructor.from_openai', client: { index: 0, name: 'client' } },
  { qualified: 'instructor.patch', client: { index: 0, name: 'client' } },
  { qualified: 'instructor.apatch', client: { index: 0, name: 'client' } },
  // instructor-js: `Instructor({ client: oai, mode: "TOOLS" })`
  { qualified: '@instructor-ai/instructor', client: { index: null, name: 'client' } },
  // LangSmith tracing: Python `wrap_openai(client)`, JS `wrapOpenAI(client)`
  { qualified: 'langsmith.wrappers.wrap_openai', client: { index: 0, name: 'client' } },
  { qualified: 'langsmith/wrappers.wrapOpenAI', client: { index: 0, name: null } },
  { qualified: 'langsmith/wrappers/openai.wrapOpenAI', client: { index: 0, name: null } },
  // Langfuse tracing (JS): `observeOpenAI(new OpenAI())`
  { qualified: 'langfuse.observeOpenAI', client: { index: 0, name: null } },
];

/**
 * Client options that fix every call's model on the client: Azure's deployment
 * (`AzureOpenAI(azure_deployment="prod")`, JS `new AzureOpenAI({ deployment: "prod" })`), to
 * which every request goes whatever its `model=`.
 */
export const DEPLOYMENT_OPTIONS: Readonly<Record<Family, string>> = { python: 'azure_deployment', ecma: 'deployment' };

/**
 * Client options that hand the client to another provider (`OpenAI(provider=bedrock(...))`,
 * openai-python's and openai-node's `openai.providers`): its model IDs are that provider's
 * (`openai.gpt-oss-120b-1:0` on Bedrock), so catalog rules do not apply.
 */
export const PROVIDER_OPTIONS: readonly string[] = ['provider'];
