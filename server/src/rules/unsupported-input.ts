import { defineRule } from './define';
import type { RuleFinding } from './define';
import { modelLabel, resolvedTarget } from './util';

const IMAGE_PARTS = new Set(['image_url', 'input_image', 'image']);
const AUDIO_PARTS = new Set(['input_audio', 'audio']);

export const unsupportedInput = defineRule({
  meta: {
    code: 'OAI204',
    name: 'unsupported-input',
    defaultSeverity: 'error',
    needsCatalog: true,
    docs: {
      whatItDoes: 'Reports an image content part sent to a model without vision (gpt-3.5, gpt-4-0613, o1-mini, o1-preview), and audio sent to a model without audio input.',
      whyIsThisBad: 'The API rejects the request ("Invalid content type. image_url is only supported by certain models").',
      example: {
        language: 'python',
        code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-3.5-turbo", messages=[{"role": "user", "content": [{"type": "text", "text": "What is this?"}, {"type": "image_url", "image_url": {"url": "https://example.com/cat.png"}}]}])\n',
      },
      useInstead: {
        language: 'python',
        code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [{"type": "text", "text": "What is this?"}, {"type": "image_url", "image_url": {"url": "https://example.com/cat.png"}}]}])\n',
      },
      fixSafety: 'No fix: the choice of a vision or audio model is yours.',
      references: [{ title: 'OpenAI vision guide', url: 'https://platform.openai.com/docs/guides/vision' }],
    },
  },
  check(call, ctx) {
    const t = resolvedTarget(ctx.target);
    if (!t || !call.messages) return [];
    const caps = t.entry.capabilities;
    const out: RuleFinding[] = [];
    for (const m of call.messages) {
      for (const part of m.parts ?? []) {
        if (IMAGE_PARTS.has(part.type) && caps.vision === false) {
          out.push({ span: part.span, message: `${modelLabel(t)} does not accept images; use a model with vision such as gpt-4o`, fix: null });
        } else if (AUDIO_PARTS.has(part.type) && caps.audioInput === false) {
          out.push({ span: part.span, message: `${modelLabel(t)} does not accept audio input; use an audio model such as gpt-4o-audio-preview`, fix: null });
        }
      }
    }
    return out;
  },
});
