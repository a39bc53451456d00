/**
 * Prompt token counts for a call: the documented chat overhead (3 tokens per message, 1 per
 * `name`, 3 to prime the reply), each message's role and text with the model's own
 * encoding, and image parts by the tile formula of the catalog (overview seed).
 */
import type { ApiCall, ContentPart, Message, ValueNode } from '../analysis/apiCall';
import type { ModelEntry } from '../catalog/schema';
import type { ImageFormula } from '../rules/catalogApi';
import { countWith, getEncoder, tokenUpperBound } from './encodings';

export const TOKENS_PER_MESSAGE = 3;
export const TOKENS_PER_NAME = 1;
export const REPLY_PRIMING_TOKENS = 3;

export interface CallTokenCount {
  /** per message in order (responses: `instructions` first when given), overhead included */
  perMessage: number[];
  /** all messages plus the reply priming */
  total: number;
  /** max_tokens / max_completion_tokens / max_output_tokens when a known number */
  requestedOutput: number | null;
  /** false when some part could not be counted (unknown text, image without size): total is a lower bound */
  exact: boolean;
}

const OUTPUT_PARAMS = ['max_completion_tokens', 'max_tokens', 'max_output_tokens'];

/** Tokens of one image part; null when the size (or detail) leaves it open. */
export function imageTokens(part: Pick<ContentPart, 'imageDetail' | 'imageSize'>, f: ImageFormula): number | null {
  if (part.imageDetail === 'low') return f.lowDetailTokens;
  if (!part.imageSize) return null;
  let { width: w, height: h } = part.imageSize;
  if (!(w > 0 && h > 0)) return null;
  if (w > f.maxSide || h > f.maxSide) {
    const s = f.maxSide / Math.max(w, h);
    [w, h] = [Math.floor(w * s), Math.floor(h * s)];
  }
  if (Math.min(w, h) > f.shortSide) {
    const s = f.shortSide / Math.min(w, h);
    [w, h] = [Math.floor(w * s), Math.floor(h * s)];
  }
  const tiles = Math.ceil(w / f.tileSize) * Math.ceil(h / f.tileSize);
  return f.baseTokens + f.tokensPerTile * tiles;
}

/** The formula with a model's own constants (the seed's GPT-4o mini: 2833 / 5667). */
export function imageFormulaFor(f: ImageFormula, entry: Pick<ModelEntry, 'id' | 'aliasOf'>): ImageFormula {
  const o = (f.modelOverrides ?? []).find((x) => x.models.includes(entry.id) || (entry.aliasOf !== null && x.models.includes(entry.aliasOf)));
  return o ? { ...f, lowDetailTokens: o.lowDetailTokens, baseTokens: o.baseTokens, tokensPerTile: o.tokensPerTile } : f;
}

/**
 * Counts the prompt of a call with the encoding already loaded; null when the messages are
 * unknown, the model has no encoding, or the encoding is not loaded.
 */
export function countCall(
  call: ApiCall,
  entry: ModelEntry,
  imageFormula?: ImageFormula,
  /** strings longer than this are left out (the count becomes a lower bound): keeps a pasted megabyte off the typing path */
  opts: { maxChars?: number } = {},
): CallTokenCount | null {
  if (!entry.encoding) return null;
  const encoding = entry.encoding;
  const enc = getEncoder(encoding);
  if (!enc) return null;
  return tally(call, entry, imageFormula, opts, (s) => countWith(enc, encoding, s));
}

/**
 * An upper bound of `countCall(call, entry, imageFormula, opts)` that needs no encoding:
 * every field at least the exact one's (`total`, each of `perMessage`), `requestedOutput` and
 * `exact` the same; null exactly when countCall is null for a loaded encoding. The same
 * tally with each string's UTF-8 byte length for its token count, which bounds it
 * (`tokenUpperBound`: byte-level BPE, a token is at least one byte); the overheads, image
 * tokens and the parts left out (unknown, over maxChars) are the same in both. So when
 * `total + requestedOutput` of the bound fits a window, the exact count does too, and the
 * encoding need not be loaded to know it.
 */
export function callTokenUpperBound(
  call: ApiCall,
  entry: ModelEntry,
  imageFormula?: ImageFormula,
  opts: { maxChars?: number } = {},
): CallTokenCount | null {
  if (!entry.encoding) return null;
  return tally(call, entry, imageFormula, opts, tokenUpperBound);
}

function tally(
  call: ApiCall,
  entry: ModelEntry,
  imageFormula: ImageFormula | undefined,
  opts: { maxChars?: number },
  tokensOf: (s: string) => number,
): CallTokenCount | null {
  const maxChars = opts.maxChars ?? Infinity;
  let exact = true;
  const count = (s: string) => {
    if (s.length > maxChars) {
      exact = false;
      return 0;
    }
    return tokensOf(s);
  };
  const formula = imageFormula && imageFormulaFor(imageFormula, entry);

  const perMessage: number[] = [];
  const text = (v: ValueNode | null): number => {
    if (!v) return 0;
    if (v.value.kind === 'string') return count(v.value.value);
    exact = false;
    return 0;
  };
  const message = (m: Message): number => {
    let n = TOKENS_PER_MESSAGE + text(m.role);
    if (m.parts) {
      for (const p of m.parts) {
        if (p.text) n += text(p.text);
        else if (/image/.test(p.type)) {
          const img = formula ? imageTokens(p, formula) : null;
          if (img === null || p.imageDetail === 'auto') exact = false;
          n += img ?? 0;
        } else exact = false;
      }
    } else n += text(m.content);
    if (m.name) n += TOKENS_PER_NAME + text(m.name);
    return n;
  };

  if (call.instructions) perMessage.push(TOKENS_PER_MESSAGE + count('developer') + text(call.instructions));
  if (call.messages) {
    for (const m of call.messages) perMessage.push(message(m));
  } else if (call.endpoint === 'responses') {
    // `input="..."`: one user message
    const input = call.args.find((a) => a.name === 'input')?.value;
    if (input?.value.kind !== 'string') return null;
    perMessage.push(TOKENS_PER_MESSAGE + count('user') + count(input.value.value));
  } else if (!call.instructions) {
    return null;
  }
  if (call.argsOpen) exact = false;

  let requestedOutput: number | null = null;
  for (const name of OUTPUT_PARAMS) {
    const v = call.args.find((a) => a.name === name)?.value.value;
    if (v?.kind === 'number') {
      requestedOutput = v.value;
      break;
    }
  }
  const total = perMessage.reduce((a, b) => a + b, 0) + REPLY_PRIMING_TOKENS;
  return { perMessage, total, requestedOutput, exact };
}
