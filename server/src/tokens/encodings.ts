/**
 * Tokenizer encodings, loaded lazily and once. The ranks are megabytes of JSON
 * (`assetPath('ranks', '<enc>.json')`, written by the build); loading o200k_base takes
 * over a second, so the editor path only counts with encodings already loaded
 * (`isEncodingLoaded`) and warms the others in the background with `loadEncoding`.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Tiktoken } from 'js-tiktoken/lite';
import { assetPath } from '../assets';
import type { Encoding } from '../catalog/schema';

const loaded = new Map<Encoding, Tiktoken>();
const pending = new Map<Encoding, Promise<void>>();

export function isEncodingLoaded(enc: Encoding): boolean {
  return loaded.has(enc);
}

export function getEncoder(enc: Encoding): Tiktoken | undefined {
  return loaded.get(enc);
}

/** Loads an encoding in the background: file read off-thread, parse on a later tick. Once. */
export function loadEncoding(enc: Encoding): Promise<void> {
  if (loaded.has(enc)) return Promise.resolve();
  let p = pending.get(enc);
  if (!p) {
    p = (async () => {
      const json = await readFile(assetPath('ranks', `${enc}.json`), 'utf8');
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (!loaded.has(enc)) loaded.set(enc, new Tiktoken(JSON.parse(json)));
    })();
    p.catch(() => pending.delete(enc)); // a failed load may be retried
    pending.set(enc, p);
  }
  return p;
}

/** For the CLI, which counts every call of a file before it reports. */
export function loadEncodingSync(enc: Encoding): Tiktoken {
  let t = loaded.get(enc);
  if (!t) {
    t = new Tiktoken(JSON.parse(readFileSync(assetPath('ranks', `${enc}.json`), 'utf8')));
    loaded.set(enc, t);
  }
  return t;
}

/** Token count of plain text (special-token strings count as text, as the API does for user content). */
export function countText(text: string, enc: Encoding): number {
  const t = loaded.get(enc) ?? loadEncodingSync(enc);
  return t.encode(text, [], []).length;
}
