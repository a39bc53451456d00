/**
 * Fake API keys for tests, generated from a fixed seed: real shapes (prefix, alphabet, length,
 * randomness) on every run, and no key-shaped literal in any test file (secret scanners stay
 * quiet). Never a real key.
 */

/** A small seeded generator (mulberry32): `(alphabet, n)` → n characters drawn from the alphabet. */
export function keyGenerator(seed: number): (alphabet: string, n: number) => string {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (alphabet, n) => Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
}

export const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const HEX = '0123456789abcdef';
