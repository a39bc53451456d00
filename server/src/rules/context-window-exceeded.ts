import { callTokenUpperBound, countCall } from '../tokens/count';
import { defineRule } from './define';
import { countLimits, encodingReady } from './tokenAccess';
import { findArg, fmt, modelLabel, paramSpan, resolvedTarget } from './util';

export const contextWindowExceeded = defineRule({
  meta: {
    code: 'OAI302',
    name: 'context-window-exceeded',
    defaultSeverity: 'error',
    needsCatalog: true,
    docs: {
      whatItDoes:
        "Counts the prompt's tokens with the model's own tokenizer (3 tokens per message, 1 per name, 3 to prime the reply, images by the tile formula) and reports a request whose prompt plus requested output exceeds the model's context window, or whose prompt alone exceeds the model's input limit where it is below the window (gpt-5: 272,000 input tokens of a 400,000-token window). Only literal text is counted: when part of the prompt is unknown the count is a lower bound, and it is reported only when even that is too large.",
      whyIsThisBad: 'The API rejects the request ("This model\'s maximum context length is … tokens").',
      example: {
        language: 'python',
        code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-3.5-turbo-0125", max_tokens=4096, messages=[{"role": "user", "content": "' + 'hello '.repeat(12300) + '"}])\n',
      },
      useInstead: {
        language: 'python',
        code: 'from openai import OpenAI\n\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-3.5-turbo-0125", max_tokens=4096, messages=[{"role": "user", "content": "' + 'hello '.repeat(100) + '"}])\n',
      },
      fixSafety: 'No fix: shortening the prompt or the requested output is a decision about the content.',
      references: [{ title: 'OpenAI cookbook: counting tokens for chat completions', url: 'https://cookbook.openai.com/examples/how_to_count_tokens_with_tiktoken' }],
    },
  },
  check(call, ctx) {
    const t = resolvedTarget(ctx.target);
    const window = t?.entry.contextWindow;
    // the input cap below the window where the source gives one (gpt-5: 272,000 of 400,000)
    const inputCap = t?.entry.limits.maxPromptTokens;
    if (!t || (!window && !inputCap) || !t.entry.encoding) return [];
    let formula;
    try {
      formula = ctx.catalog.imageTokens();
    } catch {
      formula = undefined;
    }
    const limits = countLimits(ctx);
    // Most prompts are far from the window: when even an upper bound of the count (UTF-8
    // bytes for text, see callTokenUpperBound) fits, the exact count fits too, and the
    // encoding (~110 ms and ~20 MB of memory for o200k_base) is never loaded.
    const bound = callTokenUpperBound(call, t.entry, formula, limits);
    const overCap = (total: number) => inputCap !== undefined && total > inputCap;
    const overWindow = (total: number, output: number) => !!window && total + output > window;
    if (!bound || (!overCap(bound.total) && !overWindow(bound.total, bound.requestedOutput ?? 0))) return [];
    if (!encodingReady(t.entry.encoding, ctx)) return [];
    const count = countCall(call, t.entry, formula, limits);
    if (!count) return [];
    const output = count.requestedOutput ?? 0;
    const atLeast = count.exact ? '' : 'at least ';
    const arg = findArg(call, 'messages', 'input', 'instructions');
    const span = arg ? paramSpan(arg) : call.span;
    // one finding: a prompt over the input cap cannot be fixed by lowering the output
    if (overCap(count.total)) {
      return [{ span, message: `the prompt is ${atLeast}${fmt(count.total)} tokens: ${atLeast}${fmt(count.total)} > the ${fmt(inputCap!)}-token input limit of ${modelLabel(t)}; shorten the prompt`, fix: null }];
    }
    if (!overWindow(count.total, output)) return [];
    const outputText = output ? ` and requests up to ${fmt(output)} output tokens` : '';
    return [
      {
        span,
        message: `the prompt is ${atLeast}${fmt(count.total)} tokens${outputText}: ${atLeast}${fmt(count.total + output)} > the ${fmt(window!)}-token context window of ${modelLabel(t)}; shorten the prompt${output ? ' or lower the requested output' : ''}`,
        fix: null,
      },
    ];
  },
});
