/**
 * Findings → LSP diagnostics. Fix edits and commands travel in `Diagnostic.data` (ruff /
 * vscode-eslint style) as LSP ranges, so code actions need no server-side table; they are
 * validated with zod when a client sends them back.
 */
import { z } from 'zod';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { docsUrl } from '../engine';
import type { Finding, Severity } from '../rules/types';
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
      edits: z.array(z.object({ range: Range, newText: z.string() })),
    })
    .nullable(),
  command: z.object({ title: z.string(), command: z.string(), arguments: z.array(z.unknown()) }).optional(),
});
export type DiagnosticData = z.infer<typeof DiagnosticData>;

export function toDiagnostic(f: Finding, doc: TextDocument): Diagnostic {
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
  const data: DiagnosticData = {
    fix: f.fix ? { title: f.fix.title, safe: f.fix.safe, edits: f.fix.edits.map((e) => ({ range: toRange(doc, e), newText: e.newText })) } : null,
  };
  if (f.command) data.command = f.command;
  d.data = data;
  return d;
}

/** The data of a diagnostic sent back by the client; null when absent or malformed. */
export function readData(d: Diagnostic): DiagnosticData | null {
  const r = DiagnosticData.safeParse(d.data);
  return r.success ? r.data : null;
}
