/**
 * Suppression comments:
 *   `# openai-model-lint: disable-line OAI201` (`//` in JS/TS) — findings on that line
 *   `... disable-next-line OAI201, OAI202`                      — findings on the next line
 *   `... disable-file OAI105`                                   — the whole file
 *   `# noqa: OAI201` (Python)                                   — like disable-line
 * Without codes a directive covers every rule. A directive (or one of its codes) that
 * suppresses nothing is reported as OAI001 unused-suppression; a blanket `# noqa` belongs to
 * every Python linter and is never reported.
 */
import type { Span } from './analysis/apiCall';
import { lastAtOrBefore } from './positions';
import type { Finding, Fix, TextEdit } from './rules/types';

export interface Comment {
  text: string;
  span: Span;
}

export interface Suppression {
  kind: 'line' | 'next-line' | 'file';
  /** 0-based line of the comment */
  line: number;
  /** null: every rule */
  codes: { code: string; span: Span }[] | null;
  /** the directive text (`openai-model-lint: disable-line OAI201`, `noqa: OAI201`) */
  span: Span;
  comment: Comment;
  noqa: boolean;
  /** true when the directive is all the comment says */
  wholeComment: boolean;
}

const DIRECTIVE = /openai-model-lint:\s*(disable-next-line|disable-line|disable-file)\b/g;
const NOQA = /\bnoqa\b(?::[ \t]*)?/gi;
const CODE_LIST = /^(?:[\s,]*)([A-Za-z]+\d+)/;

/** Quick check before looking for comments at all. */
export function mightHaveSuppressions(text: string, language: string): boolean {
  return text.includes('openai-model-lint:') || (language === 'python' && /noqa/i.test(text));
}

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function lineAt(starts: number[], offset: number): number {
  return lastAtOrBefore(starts, offset);
}

function readCodes(text: string, from: number, base: number): { codes: { code: string; span: Span }[]; end: number } {
  const codes: { code: string; span: Span }[] = [];
  let pos = from;
  for (;;) {
    const m = CODE_LIST.exec(text.slice(pos));
    if (!m) break;
    const start = pos + m[0].length - m[1]!.length;
    codes.push({ code: m[1]!, span: { start: base + start, end: base + start + m[1]!.length } });
    pos += m[0].length;
  }
  return { codes, end: pos };
}

export function parseSuppressions(comments: Comment[], text: string, language: string): Suppression[] {
  const out: Suppression[] = [];
  let starts: number[] | null = null;
  for (const comment of comments) {
    const c = comment.text;
    const base = comment.span.start;
    const body = c.replace(/^(#|\/\/|\/\*)\s*/, '').replace(/\s*\*\/$/, '');
    const line = () => lineAt((starts ??= lineStarts(text)), base);
    for (const m of c.matchAll(DIRECTIVE)) {
      const kind = m[1] === 'disable-line' ? 'line' : m[1] === 'disable-next-line' ? 'next-line' : 'file';
      const { codes, end } = readCodes(c, m.index + m[0].length, base);
      out.push({
        kind,
        line: line(),
        codes: codes.length ? codes : null,
        span: { start: base + m.index, end: base + end },
        comment,
        noqa: false,
        wholeComment: body.trim() === c.slice(m.index, end).trim(),
      });
    }
    if (language === 'python') {
      for (const m of c.matchAll(NOQA)) {
        const { codes, end } = readCodes(c, m.index + m[0].length, base);
        if (codes.length && !m[0].includes(':')) continue; // "noqa OAI201" is not the noqa syntax
        const ours = codes.filter((x) => /^OAI/i.test(x.code));
        if (codes.length && !ours.length) continue; // another linter's codes only
        out.push({
          kind: 'line',
          line: line(),
          codes: codes.length ? ours : null,
          span: { start: base + m.index, end: base + end },
          comment,
          noqa: true,
          wholeComment: body.trim() === c.slice(m.index, end).trim() && ours.length === codes.length,
        });
      }
    }
  }
  return out;
}

export interface SuppressOptions {
  /** whether a rule code is an enabled rule (unknown and disabled codes are not "unused") */
  isEnabled: (code: string) => boolean;
  isKnown: (code: string) => boolean;
  /** severity for OAI001, or null when OAI001 is off */
  unusedSeverity: Finding['severity'] | null;
}

/** Removes suppressed findings and adds OAI001 for suppressions that suppress nothing. */
export function applySuppressions(findings: Finding[], suppressions: Suppression[], text: string, opts: SuppressOptions): Finding[] {
  if (suppressions.length === 0) return findings;
  const starts = lineStarts(text);
  const used = new Map<Suppression, Set<string>>();
  const covers = (s: Suppression, f: Finding, first: number, last: number): boolean => {
    if (s.codes && !s.codes.some((c) => c.code.toUpperCase() === f.code)) return false;
    if (s.kind === 'file') return true;
    const target = s.kind === 'line' ? s.line : s.line + 1;
    return s.kind === 'line' ? target >= first && target <= last : target === first;
  };
  const kept: Finding[] = [];
  for (const f of findings) {
    const first = lineAt(starts, f.span.start);
    const last = lineAt(starts, Math.max(f.span.start, f.span.end - 1));
    let suppressed = false;
    for (const s of suppressions) {
      if (!covers(s, f, first, last)) continue;
      suppressed = true;
      let set = used.get(s);
      if (!set) used.set(s, (set = new Set()));
      set.add(f.code);
    }
    if (!suppressed) kept.push(f);
  }
  if (opts.unusedSeverity === null) return kept;

  const unused: Finding[] = [];
  for (const s of suppressions) {
    const hits = used.get(s);
    if (!s.codes) {
      if (hits || s.noqa) continue;
      unused.push(unusedFinding(s.span, 'this suppression suppresses nothing; remove it', removeComment(s, text), opts.unusedSeverity));
      continue;
    }
    const stale = s.codes.filter((c) => {
      const code = c.code.toUpperCase();
      if (code === 'OAI001' || hits?.has(code)) return false;
      return !opts.isKnown(code) || opts.isEnabled(code);
    });
    for (const c of stale) {
      const code = c.code.toUpperCase();
      const message = opts.isKnown(code)
        ? `'${c.code}' is suppressed here but nothing reports it; remove it`
        : `'${c.code}' is not an openai-model-lint rule code; remove it`;
      const fix = stale.length === s.codes.length && s.wholeComment ? removeComment(s, text) : removeCode(s, c, text);
      unused.push(unusedFinding(c.span, message, fix, opts.unusedSeverity));
    }
  }
  // OAI001 itself can be suppressed
  for (const f of unused) {
    const first = lineAt(starts, f.span.start);
    const last = lineAt(starts, Math.max(f.span.start, f.span.end - 1));
    if (!suppressions.some((s) => s.codes?.some((c) => c.code.toUpperCase() === 'OAI001') && covers(s, f, first, last))) kept.push(f);
  }
  return kept;
}

function unusedFinding(span: Span, message: string, fix: Fix, severity: Finding['severity']): Finding {
  return { code: 'OAI001', severity, message, span, fix, tags: ['unnecessary'] };
}

/** Removes the whole comment; with the line when the comment is alone on it, else with the spaces before it. */
function removeComment(s: Suppression, text: string): Fix {
  let { start, end } = s.comment.span;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  if (start === 0 || text[start - 1] === '\n') {
    if (text[end] === '\r') end++;
    if (text[end] === '\n') end++;
  }
  return { title: 'Remove unused suppression', safe: true, edits: [{ start, end, newText: '' }] };
}

/** Removes one code and its separator from the directive's list. */
function removeCode(s: Suppression, c: { code: string; span: Span }, text: string): Fix {
  const codes = s.codes!;
  const i = codes.indexOf(c);
  let edit: TextEdit;
  if (i < codes.length - 1) edit = { start: c.span.start, end: codes[i + 1]!.span.start, newText: '' };
  else if (i > 0) edit = { start: codes[i - 1]!.span.end, end: c.span.end, newText: '' };
  else {
    // the only code of our directive, in a comment that says more (e.g. "noqa: OAI201, E501")
    let end = c.span.end;
    while (end < text.length && /[ ,\t]/.test(text[end]!) && end < s.comment.span.end) end++;
    edit = { start: c.span.start, end, newText: '' };
  }
  return { title: `Remove unused '${c.code}'`, safe: true, edits: [edit] };
}
