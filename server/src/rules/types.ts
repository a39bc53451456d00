/**
 * What a rule produces. Rules are pure: (call, context) → findings.
 */
import type { Span } from '../analysis/apiCall';

export const SEVERITIES = ['off', 'hint', 'info', 'warning', 'error'] as const;
export type SeverityLevel = (typeof SEVERITIES)[number];
export type Severity = Exclude<SeverityLevel, 'off'>;

export interface TextEdit extends Span {
  newText: string;
}

export interface Fix {
  /** e.g. "Remove 'temperature'" (the code action title adds "OpenAI Model Lint (OAI201): ") */
  title: string;
  safe: boolean;
  edits: TextEdit[];
}

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  span: Span;
  fix: Fix | null;
  /** deprecated/retired model strings get DiagnosticTag.Deprecated in the editor */
  tags?: Array<'deprecated' | 'unnecessary'>;
  /** an editor command offered instead of an edit (OAI401 "Map deployment…") */
  command?: { title: string; command: string; arguments: unknown[] };
}
