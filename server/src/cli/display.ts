/**
 * Text that reaches a terminal: file names and messages carry text from the files checked
 * (a model ID as written, a file name from a cloned repository), and an escape sequence in
 * them would be run by the terminal (change colours, rewrite earlier lines, set the window
 * title, hide a finding). The text format prints such characters as visible escapes.
 * JSON and SARIF escape what JSON must; their readers are programs.
 */
import { firstProblems, formatProblem, type ConfigProblem } from '../config/load';

/**
 * C0 controls but tab, DEL, C1 controls, and the bidirectional overrides and isolates that
 * reorder what a terminal shows (as in "Trojan Source").
 */
const UNPRINTABLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `s` with terminal-active characters written as `\x1b`, `\u202e`, …; everything else as is. */
export function printable(s: string): string {
  return s.replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${hex(code)}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Length of the UTF-8 sequence a lead byte starts (0: never a lead byte). */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** A file name's bytes as text: valid UTF-8 decoded, every other byte written `\xe9`. */
export function nameWithByteEscapes(raw: Uint8Array): string {
  let out = '';
  for (let i = 0; i < raw.length; ) {
    const n = sequenceLength(raw[i]!);
    let decoded: string | null = null;
    if (n > 0 && i + n <= raw.length) {
      try {
        decoded = strictUtf8.decode(raw.subarray(i, i + n));
      } catch {
        decoded = null; // overlong, surrogate or a bad continuation byte
      }
    }
    if (decoded === null) {
      out += `\\x${hex(raw[i]!)}`;
      i++;
    } else {
      out += decoded;
      i += n;
    }
  }
  return out;
}

/** Whether bytes are valid UTF-8 (a name Node can pass around as a string and back). */
export function isUtf8Name(raw: Uint8Array): boolean {
  try {
    strictUtf8.decode(raw);
    return true;
  } catch {
    return false;
  }
}

/**
 * Settings problems of one file on stderr, one a line, the first MAX_PROBLEMS_SHOWN of them
 * and then how many more (5,000 bad catalog entries are no message to read).
 */
export function printProblems(stderr: (s: string) => void, file: string, problems: readonly ConfigProblem[]): void {
  const { shown, more } = firstProblems(problems);
  for (const p of shown) stderr(`openai-model-lint: ${printable(`${file}: ${formatProblem(p)}`)}\n`);
  if (more) stderr(`openai-model-lint: ${printable(file)}: … and ${more} more problems\n`);
}
