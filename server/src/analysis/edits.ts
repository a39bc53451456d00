/** Edit helpers over ApiCall spans (pure text arithmetic, no tree). */
import type { ApiCall, Argument, Span } from './apiCall';

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * The span to delete so that removing `arg` leaves valid code: the element plus the comma
 * after it and the space up to the next element; for the last element, the comma before
 * it instead (or, with a trailing comma, the space before the element too).
 */
export function removalSpan(_call: ApiCall, arg: Argument, text: string): Span {
  let { start, end } = arg.span;
  let after = end;
  while (isSpace(text[after])) after++;
  if (text[after] === ',') {
    let next = after + 1;
    while (isSpace(text[next])) next++;
    const closer = text[next];
    if (closer === ')' || closer === '}' || closer === ']') {
      // last element with a trailing comma: keep the closer where it was
      let before = start;
      while (before > 0 && isSpace(text[before - 1])) before--;
      if (text[before - 1] === ',') return { start: before, end: after + 1 };
      return { start, end: after + 1 };
    }
    return { start, end: next };
  }
  let before = start;
  while (before > 0 && isSpace(text[before - 1])) before--;
  if (text[before - 1] === ',') start = before - 1;
  return { start, end };
}
