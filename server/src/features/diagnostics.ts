/**
 * Findings → LSP diagnostics. Fix edits and commands travel in `Diagnostic.data` (ruff /
 * vscode-eslint style) as LSP ranges, so code actions need no server-side table; they are
 * validated with zod when a client sends them back.
 */
import { z } from 'zod';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import type { Diagnostic, Range as LspRange } from 'vscode-languageserver';
import type { Span } from '../analysis/apiCall';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { docsUrl } from '../engine';
import type { Finding, Severity, TextEdit } from '../rules/types';
import { toRange } from './convert';

export const SOURCE = 'openai-model-lint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const Position = z.object({ line: z.number().int().nonnegative(), character: z.number().int().nonnegative() });
const Range = z.object({ start: Position, end: Position });
export const DiagnosticData = z.object({
  fix: z
    .object({
      title: z.string(),
      safe: z.boolean(),
      /** `uri`: an edit of another document than the diagnostic's (a notebook cell that holds the literal) */
      edits: z.array(z.object({ range: Range, newText: z.string(), uri: z.string().optional() })),
    })
    .nullable(),
  command: z.object({ title: z.string(), command: z.string(), arguments: z.array(z.unknown()) }).optional(),
});
export type DiagnosticData = z.infer<typeof DiagnosticData>;

/**
 * `placeEdit`: for a notebook cell, where a fix's edit is (it may be in another cell); a fix
 * with an edit that is in no cell is left out.
 */
export function toDiagnostic(f: Finding, doc: TextDocument, placeEdit?: (span: Span) => { uri: string; range: LspRange } | null): Diagnostic {
  const d: Diagnostic = {
    range: toRange(doc, f.span),
    severity: SEVERITY[f.severity],
    code: f.code,
    source: SOURCE,
    message: f.message,
  };
  const href = docsUrl(f.code);
  if (href) d.codeDescription = { href };
  const tags: DiagnosticTag[] = [];
  if (f.tags?.includes('deprecated')) tags.push(DiagnosticTag.Deprecated);
  if (f.tags?.includes('unnecessary')) tags.push(DiagnosticTag.Unnecessary);
  if (tags.length) d.tags = tags;
  const edits = f.fix ? placeEdits(f.fix.edits, doc, placeEdit) : null;
  const data: DiagnosticData = {
    fix: f.fix && edits ? { title: f.fix.title, safe: f.fix.safe, edits } : null,
  };
  if (f.command) data.command = f.command;
  d.data = data;
  return d;
}

type DataEdit = NonNullable<DiagnosticData['fix']>['edits'][number];

/** A fix's edits as LSP ranges, each with its URI when it is not the document's; null when one cannot be placed. */
export function placeEdits(edits: readonly TextEdit[], doc: TextDocument, placeEdit?: (span: Span) => { uri: string; range: LspRange } | null): DataEdit[] | null {
  const out: DataEdit[] = [];
  for (const e of edits) {
    if (!placeEdit) {
      out.push({ range: toRange(doc, e), newText: e.newText });
      continue;
    }
    const at = placeEdit(e);
    if (!at) return null;
    out.push(at.uri === doc.uri ? { range: at.range, newText: e.newText } : { range: at.range, newText: e.newText, uri: at.uri });
  }
  return out;
}

/** The data of a diagnostic sent back by the client; null when absent or malformed. */
export function readData(d: Diagnostic): DiagnosticData | null {
  const r = DiagnosticData.safeParse(d.data);
  return r.success ? r.data : null;
}
