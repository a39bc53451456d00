import { countWith, getEncoder, tokenUpperBound } from '../tokens/encodings';
import type { ValueNode } from '../analysis/apiCall';
import type { Encoding } from '../catalog/schema';
import { defineRule } from './define';
import type { RuleContext, RuleFinding } from './define';
import { countLimits, encodingReady } from './tokenAccess';
import { audioFileFindings } from './uploadSize';
import { findArg, fmt, modelLabel, paramSpan, resolvedTarget } from './util';

/** When the catalog gives no per-model number (the seeds' general limits). */
const DEFAULT_MAX_INPUTS = 2048;

export const inputLimitExceeded = defineRule({
  meta: {
    code: 'OAI303',
    name: 'input-limit-exceeded',
    defaultSeverity: 'error',
    needsCatalog: true,
    docs: {
      whatItDoes:
        "Reports inputs over the endpoint's limits: embeddings with more than 2,048 inputs in a literal array, one input over the model's max input tokens, or inputs whose tokens summed over the request exceed the model's per-request limit (300,000 where OpenAI states it); image prompts over 1,000 characters (dall-e-2) or 4,000 (dall-e-3); audio files over the model's upload limit (whisper-1: 25 MB), when `file` opens a local path written as a literal or a constant (`open(\"clips/a.mp3\", \"rb\")`, `Path(...)`, `fs.createReadStream(...)`) and that file exists. A relative path is looked up next to the source file, then in the project root (the CLI's working directory, the editor's workspace folder); a missing file is not reported, and the editor looks at file sizes only in trusted workspaces.",
      whyIsThisBad: 'The API rejects the request with a 400 error.',
      example: { language: 'python', code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.images.generate(model="dall-e-2", prompt="' + 'a cat '.repeat(200) + '")\n' },
      useInstead: { language: 'python', code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.images.generate(model="dall-e-2", prompt="a cat")\n' },
      fixSafety: 'No fix: shortening or splitting the input is a decision about the content.',
      references: [
        { title: 'OpenAI API reference: embeddings', url: 'https://platform.openai.com/docs/api-reference/embeddings/create' },
        { title: 'OpenAI API reference: images', url: 'https://platform.openai.com/docs/api-reference/images/create' },
        { title: 'OpenAI API reference: audio transcriptions', url: 'https://platform.openai.com/docs/api-reference/audio/createTranscription' },
      ],
    },
  },
  check(call, ctx) {
    const t = resolvedTarget(ctx.target);
    if (!t) return [];
    const limits = t.entry.limits;
    const out: RuleFinding[] = [];
    if (call.endpoint === 'embeddings') {
      const input = findArg(call, 'input');
      if (!input) return [];
      const v = input.value.value;
      const maxInputs = limits.maxInputsPerRequest ?? DEFAULT_MAX_INPUTS;
      if (v.kind === 'array' && v.items.length > maxInputs) {
        out.push({ span: paramSpan(input), message: `${fmt(v.items.length)} inputs in one request; embeddings accept at most ${fmt(maxInputs)}: split the list into batches`, fix: null });
      }
      const maxTokens = limits.maxInputTokens;
      const items = v.kind === 'string' ? [input.value] : v.kind === 'array' ? v.items : [];
      const maxChars = countLimits(ctx).maxChars ?? Infinity;
      // only inputs whose UTF-8 byte length (an upper bound of the token count, see
      // tokenUpperBound) is over the limit can be over it: the encoding loads only for those
      const suspects = maxTokens ? items.filter((item) => item.value.kind === 'string' && item.value.value.length <= maxChars && tokenUpperBound(item.value.value) > maxTokens) : [];
      if (maxTokens && suspects.length && encodingReady(t.entry.encoding, ctx)) {
        const enc = getEncoder(t.entry.encoding!)!;
        for (const item of suspects) {
          if (item.value.kind !== 'string') continue;
          const n = countWith(enc, t.entry.encoding!, item.value.value);
          if (n > maxTokens) {
            out.push({ span: item.span, message: `this input is ${fmt(n)} tokens; ${modelLabel(t)} accepts at most ${fmt(maxTokens)} per input: split it`, fix: null });
          }
        }
      }
      const perRequest = limits.maxTokensPerRequest;
      const total = perRequest ? requestTokens(items, maxChars, perRequest, t.entry.encoding, ctx) : null;
      if (perRequest && total && total.n > perRequest) {
        const atLeast = total.exact ? '' : 'at least ';
        out.push({
          span: paramSpan(input),
          message: `the inputs are ${atLeast}${fmt(total.n)} tokens in all; ${modelLabel(t)} accepts at most ${fmt(perRequest)} tokens per request: split them into smaller batches`,
          fix: null,
        });
      }
    } else if (call.endpoint.startsWith('images.')) {
      const prompt = findArg(call, 'prompt');
      const max = limits.maxPromptChars;
      if (prompt && max && prompt.value.value.kind === 'string' && prompt.value.value.value.length > max) {
        out.push({
          span: paramSpan(prompt),
          message: `the prompt is ${fmt(prompt.value.value.value.length)} characters; ${modelLabel(t)} accepts at most ${fmt(max)}: shorten it`,
          fix: null,
        });
      }
    } else if (call.endpoint === 'audio.transcriptions' || call.endpoint === 'audio.translations') {
      out.push(...audioFileFindings(call, ctx, t));
    }
    return out;
  },
});

/**
 * The tokens of all inputs of one embeddings request, counted only when their UTF-8 byte
 * lengths (an upper bound) could exceed `cap`; a lower bound (`exact: false`) when some input
 * is unknown or too long to count on the editor's path. Null when not counted.
 */
function requestTokens(items: ValueNode[], maxChars: number, cap: number, encoding: Encoding | null, ctx: RuleContext): { n: number; exact: boolean } | null {
  const texts = items.flatMap((item) => (item.value.kind === 'string' && item.value.value.length <= maxChars ? [item.value.value] : []));
  if (texts.reduce((sum, text) => sum + tokenUpperBound(text), 0) <= cap || !encodingReady(encoding, ctx)) return null;
  const enc = getEncoder(encoding!)!;
  return { n: texts.reduce((sum, text) => sum + countWith(enc, encoding!, text), 0), exact: texts.length === items.length };
}
