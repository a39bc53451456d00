/** Span (UTF-16 offsets) ↔ LSP Range for one document version. */
import type { Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import type { Span } from '../analysis/apiCall';

export function toRange(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

export function contains(span: Span | null | undefined, offset: number): boolean {
  return !!span && span.start <= offset && offset <= span.end;
}

/** "128k", "16k", "1M", "8,192"… for limits in hints and completion details. */
export function shortTokens(n: number | null): string {
  if (n === null) return '?';
  if (n >= 1_000_000) return `${Number((n / 1_000_000).toFixed(n % 1_000_000 === 0 ? 0 : 1))}M`;
  if (n >= 1000) return `${Math.floor(n / 1000)}k`; // 32,768 → 32k, 16,384 → 16k
  return String(n);
}

export function thousands(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * The file a document lives in: a `file:` URI's path, a notebook cell's (`vscode-notebook-cell:`)
 * notebook's path; null for untitled and other non-file documents.
 */
export function documentPath(uri: string): string | null {
  const file = uri.replace(/^vscode-notebook-cell:/, 'file:').replace(/#.*$/, '');
  if (!file.startsWith('file:')) return null;
  try {
    return fileURLToPath(file);
  } catch {
    return null;
  }
}
