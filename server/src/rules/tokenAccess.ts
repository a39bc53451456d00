/** Encodings for rules: loaded on demand in 'sync' mode (CLI), only if loaded on the editor path. */
import type { Encoding } from '../catalog/schema';
import { isEncodingLoaded, loadEncodingSync } from '../tokens/encodings';
import type { RuleContext } from './define';

export function encodingReady(enc: Encoding | null, ctx: Pick<RuleContext, 'tokens'>): boolean {
  if (!enc) return false;
  if (isEncodingLoaded(enc)) return true;
  if (ctx.tokens !== 'sync') return false;
  try {
    loadEncodingSync(enc);
    return true;
  } catch {
    return false;
  }
}

/** On the editor path a single string over this many characters is not counted (~75 ms of encoding). */
export const EDITOR_MAX_COUNT_CHARS = 100_000;

export function countLimits(ctx: Pick<RuleContext, 'tokens'>): { maxChars?: number } {
  return ctx.tokens === 'sync' ? {} : { maxChars: EDITOR_MAX_COUNT_CHARS };
}
