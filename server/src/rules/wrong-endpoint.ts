import type { Endpoint } from '../catalog/schema';
import { defineRule } from './define';
import { modelLabel, resolvedTarget } from './util';

/** What to suggest per endpoint in the message. */
const KIND: Partial<Record<Endpoint, string>> = {
  'chat.completions': 'a chat model',
  responses: 'a chat or reasoning model',
  completions: "a completions model such as 'gpt-3.5-turbo-instruct'",
  embeddings: 'an embedding model',
  'images.generate': 'an image model',
  'images.edit': 'an image model',
  'images.variation': 'an image model',
  'audio.transcriptions': 'a transcription model',
  'audio.translations': 'a transcription model',
  'audio.speech': 'a text-to-speech model',
  moderations: 'a moderation model',
};

export const wrongEndpoint = defineRule({
  meta: {
    code: 'OAI104',
    name: 'wrong-endpoint',
    defaultSeverity: 'error',
    needsCatalog: true,
    docs: {
      whatItDoes:
        'Reports a model used with an endpoint that does not serve it: an embedding model on chat completions, `gpt-3.5-turbo-instruct` or `babbage-002` on chat, a chat model on the legacy completions endpoint, `whisper-1` on speech, and so on (the endpoint compatibility table of the models page).',
      whyIsThisBad: 'The API rejects the request ("This is not a chat model…").',
      example: { language: 'python', code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="text-embedding-3-small", messages=[{"role": "user", "content": "Hi"}])\n' },
      useInstead: { language: 'python', code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.embeddings.create(model="text-embedding-3-small", input="Hi")\n' },
      fixSafety: 'No fix: the right model or endpoint depends on what the code is for.',
      references: [{ title: 'OpenAI models: endpoint compatibility', url: 'https://platform.openai.com/docs/models' }],
    },
  },
  check(call, ctx) {
    const t = resolvedTarget(ctx.target);
    // a framework that picks the endpoint by model or version: which one it calls is not known here
    if (!t || call.via?.endpointFixed === false) return [];
    const served = t.entry.endpoints;
    if (served.length === 0 || served.includes(call.endpoint)) return [];
    // The Responses API serves the chat models; catalogs older than it list only chat.
    if (call.endpoint === 'responses' && served.includes('chat.completions')) return [];
    const kind = KIND[call.endpoint];
    // a Responses-only model on chat completions is one endpoint away from working
    const advice = call.endpoint === 'chat.completions' && served.includes('responses') ? `call it with responses.create or use ${kind}` : kind ? `use ${kind}` : null;
    return [
      {
        span: t.span,
        message: `${modelLabel(t)} is not served by ${call.endpoint} (it serves ${served.join(', ')})${advice ? `; ${advice}` : ''}`,
        fix: null,
      },
    ];
  },
});
