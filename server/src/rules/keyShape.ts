/**
 * What a real API key looks like, for OAI501 and for masking keys in everything the product
 * prints. One classifier, `keyShape`: the rule reports a literal it calls a key of a real
 * length, and the redaction masks every string it calls a key at all, so a key is never
 * shown whole even when it is not reported (a truncated key pasted as `model=`).
 *
 * Shapes, from the public secret-scanning rules for OpenAI keys (gitleaks' `openai-api-key`
 * rule; the OpenAI community thread "What are the valid characters for the APIkey?",
 * community.openai.com/t/288643):
 * - user keys (legacy): `sk-` + 48 letters and digits;
 * - project, service-account and admin keys: `sk-proj-` / `sk-svcacct-` / `sk-admin-` + the
 *   URL-safe base64 alphabet (letters, digits, `_`, `-`): 48 characters in the first project
 *   keys, 124 to 156 in current ones;
 * - Azure OpenAI keys: 32 hexadecimal digits (or 84 letters and digits); a key only when it is
 *   passed as a key, which the rule decides from the name it is bound to.
 * A key's secret is random: placeholders and test dummies (`sk-test`, `sk-...`,
 * `sk-your-key-here`, `sk-synthetic-client-key`, `sk-proj-xxxx…`, `sk-abcdef…`) fail the
 * length, the alphabet, the entropy, or the no-words / no-runs checks below.
 */

export type KeyKind = 'openai' | 'azure';

export interface KeyShape {
  kind: KeyKind;
  /** the kind prefix (`sk-proj-`, `sk-`, '' for Azure) */
  prefix: string;
  /** the secret has a length keys of this kind are issued with */
  realLength: boolean;
}

const MODERN_PREFIX = /^sk-(?:proj|svcacct|admin)-/;
const URL_SAFE = /^[A-Za-z0-9_-]+$/;
const ALNUM = /^[A-Za-z0-9]+$/;
const HEX = /^[0-9a-fA-F]+$/;

/** Secret lengths of the keys OpenAI issues (see the file comment). */
const LEGACY_LENGTH = 48;
const MODERN_LENGTHS = { early: 48, min: 124, max: 156 };
/** Anything shorter is no key at all (`sk-test`, `sk-1234`), whatever its alphabet. */
const MIN_SECRET = 20;

/**
 * Bits per character a random secret of each alphabet clears with a wide margin: 48 letters
 * and digits drawn at random have 4.9 (one in 10,000 below 4.44), 32 hex digits 3.6 (one in
 * 10,000 below 3.0); repeated placeholders have far less.
 */
const MIN_ENTROPY = { base64: 4.2, hex: 2.7 };

/**
 * Words of placeholders and test dummies, looked for only inside a run of letters of one case
 * (`your-key-here`, `SYNTHETIC`) or, for words of seven letters or more, a capitalised run
 * (`Placeholder`): a random secret rarely has such a run, and these words in it are rarer still
 * (measured: 3 in 100,000 generated keys hold one, all four-letter words in lowercase).
 */
const PLACEHOLDER_WORDS = [
  'test', 'fake', 'mock', 'demo', 'your', 'here', 'dummy', 'token', 'azure', 'sample', 'secret', 'insert', 'change', 'client', 'openai',
  'apikey', 'example', 'replace', 'invalid', 'redacted', 'synthetic', 'placeholder',
];

/**
 * The shape of `value` when it looks like an API key: an OpenAI key (any prefix above), or
 * the shape of an Azure key; null for anything else, placeholders included.
 */
export function keyShape(value: string): KeyShape | null {
  if (value.startsWith('sk-')) {
    const modern = MODERN_PREFIX.exec(value);
    const prefix = modern ? modern[0] : 'sk-';
    const secret = value.slice(prefix.length);
    if (secret.length < MIN_SECRET || !(modern ? URL_SAFE : ALNUM).test(secret)) return null;
    if (!looksRandom(secret, MIN_ENTROPY.base64) || !/[a-z]/.test(secret) || !/[A-Z]/.test(secret)) return null;
    const n = secret.length;
    const realLength = modern ? n === MODERN_LENGTHS.early || (n >= MODERN_LENGTHS.min && n <= MODERN_LENGTHS.max) : n === LEGACY_LENGTH;
    return { kind: 'openai', prefix, realLength };
  }
  if (value.length === 32 && HEX.test(value)) {
    // one case throughout, digits and letters both (32 random hex digits all but always have both)
    if (value !== value.toLowerCase() && value !== value.toUpperCase()) return null;
    if (!/[0-9]/.test(value) || !/[a-fA-F]/.test(value) || !looksRandom(value, MIN_ENTROPY.hex)) return null;
    return { kind: 'azure', prefix: '', realLength: true };
  }
  if (value.length === 84 && ALNUM.test(value)) {
    if (!/[a-z]/.test(value) || !/[A-Z]/.test(value) || !/[0-9]/.test(value) || !looksRandom(value, MIN_ENTROPY.base64)) return null;
    return { kind: 'azure', prefix: '', realLength: true };
  }
  return null;
}

/** Entropy, no runs (`abcdef`, `123456`), no repeats (`abcabc`), no placeholder words. */
function looksRandom(secret: string, minEntropy: number): boolean {
  return entropy(secret) >= minEntropy && !hasRuns(secret) && !repeats(secret) && !hasPlaceholderWord(secret);
}

/** Shannon entropy in bits per character (UTF-16 units: the alphabets here are ASCII). */
export function entropy(s: string): number {
  if (!s.length) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < s.length; i++) counts.set(s.charCodeAt(i), (counts.get(s.charCodeAt(i)) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) {
    const p = c / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/**
 * Half or more of the neighbours one code apart (`abcdefgh`, `0123456789`, `zyxw`): typed, not
 * random (a random hex secret has about one in eight, a base64 one about one in thirty).
 */
function hasRuns(s: string): boolean {
  let steps = 0;
  for (let i = 1; i < s.length; i++) if (Math.abs(s.charCodeAt(i) - s.charCodeAt(i - 1)) === 1) steps++;
  return steps * 2 >= s.length - 1;
}

/** A fifth or more of the 4-character windows seen before (`abc123abc123…`). */
function repeats(s: string): boolean {
  const seen = new Set<string>();
  let again = 0;
  for (let i = 0; i + 4 <= s.length; i++) {
    const w = s.slice(i, i + 4);
    if (seen.has(w)) again++;
    else seen.add(w);
  }
  return again * 5 >= Math.max(1, s.length - 3);
}

function hasPlaceholderWord(s: string): boolean {
  for (const run of s.match(/[a-z]{4,}|[A-Z]{5,}|[A-Z][a-z]{6,}/g) ?? []) {
    const lower = run.toLowerCase();
    const min = run === lower ? 4 : run === run.toUpperCase() ? 5 : 7;
    if (PLACEHOLDER_WORDS.some((w) => w.length >= min && lower.includes(w))) return true;
  }
  return false;
}
