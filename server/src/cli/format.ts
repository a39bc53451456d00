/**
 * `check` output formats: text for people, the SPEC §5 JSON array, and SARIF 2.1.0 for
 * code-scanning uploads. Every position is 1-based with columns counted in characters
 * (code points); end positions are exclusive (the column just after the last character).
 */
import type { LineColumn } from '../positions';
import { printable } from './display';
import { docsUrl } from '../rules/docs';
import { RULES, RULE_CODES } from '../rules/registry';
import type { Finding, Severity } from '../rules/types';
import { VERSION } from './version';

export interface ReportedEdit {
  start: LineColumn;
  end: LineColumn;
  newText: string;
}

/** A finding placed in a file (and, in notebooks, a cell). */
export interface Reported {
  file: string;
  /** 0-based notebook cell index; null outside notebooks */
  cell: number | null;
  finding: Finding;
  start: LineColumn;
  end: LineColumn;
  /** the fix's edits in the same coordinates (null when there is no fix) */
  edits: ReportedEdit[] | null;
}

export interface Summary {
  filesChecked: number;
  /** fixes applied by --fix (null without --fix) */
  fixesApplied: number | null;
  filesFixed: number;
  /** SPEC §2 catalog age: "catalog dated …: lifecycle facts may be out of date", once per catalog */
  catalogNotes?: string[];
  /** `--unsafe-fixes` was given: unsafe fixes count as fixable */
  unsafeFixes?: boolean;
}

/** The JSON element of SPEC §5 (plus `cell` for notebook cells). */
export interface JsonFinding {
  file: string;
  cell?: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
  fix: { safe: boolean; title: string } | null;
}

export function toJson(r: Reported): JsonFinding {
  const f = r.finding;
  return {
    file: r.file,
    ...(r.cell !== null ? { cell: r.cell } : {}),
    line: r.start.line,
    column: r.start.column,
    endLine: r.end.line,
    endColumn: r.end.column,
    severity: f.severity,
    code: f.code,
    message: f.message,
    fix: f.fix ? { safe: f.fix.safe, title: f.fix.title } : null,
  };
}

export function formatJson(reported: readonly Reported[]): string {
  return `${JSON.stringify(reported.map(toJson), null, 2)}\n`;
}

/** `path:line:col` or, in a notebook, `path:cell N:line:col` (N = 0-based cell index). */
export function location(r: Reported): string {
  const cell = r.cell === null ? '' : `cell ${r.cell}:`;
  return `${printable(r.file)}:${cell}${r.start.line}:${r.start.column}`;
}

export function formatText(reported: readonly Reported[], summary: Summary): string {
  const lines: string[] = [];
  for (const r of reported) {
    lines.push(`${location(r)}: ${r.finding.severity} ${r.finding.code} ${oneLine(r.finding.message)}`);
    const fix = r.finding.fix;
    if (fix) lines.push(`  fix (${fix.safe ? 'safe' : 'unsafe'}): ${oneLine(fix.title)}`);
    else if (r.finding.command) lines.push(`  action (editor): ${oneLine(r.finding.command.title)}`);
  }
  if (reported.length) lines.push('');
  lines.push(summaryLine(reported, summary));
  for (const note of summary.catalogNotes ?? []) lines.push(`Note: ${note}.`);
  return `${lines.join('\n')}\n`;
}

export function summaryLine(reported: readonly Reported[], summary: Summary): string {
  const parts: string[] = [];
  if (summary.fixesApplied !== null) {
    parts.push(`Applied ${plural(summary.fixesApplied, 'fix', 'fixes')} in ${plural(summary.filesFixed, 'file')}.`);
  }
  const files = plural(summary.filesChecked, 'file');
  if (reported.length === 0) {
    parts.push(`No problems found in ${files}.`);
    return parts.join(' ');
  }
  const count = (s: Severity): number => reported.filter((r) => r.finding.severity === s).length;
  const bySeverity = [
    plural(count('error'), 'error'),
    plural(count('warning'), 'warning'),
    `${count('info')} info`,
    plural(count('hint'), 'hint'),
  ];
  const safe = reported.filter((r) => r.finding.fix?.safe).length;
  const unsafe = reported.filter((r) => r.finding.fix && !r.finding.fix.safe).length;
  const fixable =
    unsafe && (summary.unsafeFixes || !safe)
      ? `; ${safe + unsafe} fixable with --fix --unsafe-fixes`
      : safe
        ? `; ${safe} fixable with --fix${unsafe ? ` (${unsafe} more with --unsafe-fixes)` : ''}`
        : '';
  parts.push(`${plural(reported.length, 'problem')} (${bySeverity.join(', ')}) in ${files}${fixable}.`);
  return parts.join(' ');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One line for the text format; escape sequences from the checked files made visible (cli/display.ts). */
function oneLine(s: string): string {
  return printable(s.replace(/\s*\r?\n\s*/g, ' '));
}

// ---------------------------------------------------------------------------------------
// SARIF 2.1.0

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

function firstSentence(s: string): string {
  const m = /^(.+?[.!?])(\s|$)/s.exec(s.trim());
  return oneLine(m ? m[1]! : s.trim());
}

/** The tool's rule descriptors (every rule, in code order, so `ruleIndex` is stable). */
export function sarifRules(): object[] {
  return RULE_CODES.map((code) => {
    const { meta } = RULES[code];
    const docs = meta.docs;
    const enabled = (meta as { enabledByDefault?: boolean }).enabledByDefault !== false;
    return {
      id: meta.code,
      name: meta.name,
      shortDescription: { text: firstSentence(docs.whatItDoes) },
      fullDescription: { text: oneLine(`${docs.whatItDoes} ${docs.whyIsThisBad}`) },
      helpUri: docsUrl(meta.code),
      help: { text: oneLine(`${docs.whatItDoes} Fix safety: ${docs.fixSafety}`) },
      defaultConfiguration: { level: SARIF_LEVEL[meta.defaultSeverity], enabled },
      properties: { tags: ['openai', meta.code.slice(0, 4) + 'xx'] },
    };
  });
}

function region(start: LineColumn, end: LineColumn): object {
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

/**
 * A relative URI reference for a path (forward slashes, percent-encoded segments). A
 * backslash separates segments on Windows only; elsewhere it is a character of the name
 * (`back\\slash.py` → `back%5Cslash.py`).
 */
export function fileUri(path: string, windows = process.platform === 'win32'): string {
  return path
    .split(windows ? /[\\/]/ : '/')
    .map((seg, i) => (i === 0 && windows && /^[A-Za-z]:$/.test(seg) ? seg : encodeURIComponent(seg)))
    .join('/');
}

export function formatSarif(reported: readonly Reported[]): string {
  const ruleIndex = new Map<string, number>(RULE_CODES.map((c, i) => [c, i]));
  const results = reported.map((r) => {
    const uri = fileUri(r.file);
    const result: Record<string, unknown> = {
      ruleId: r.finding.code,
      ruleIndex: ruleIndex.get(r.finding.code),
      level: SARIF_LEVEL[r.finding.severity],
      message: { text: r.finding.message },
      locations: [{ physicalLocation: { artifactLocation: { uri }, region: region(r.start, r.end) } }],
    };
    if (r.cell !== null) {
      // SARIF regions address the file's text; for a notebook the region is within the cell
      result.properties = { cell: r.cell, regionIsWithinCell: true };
    }
    // fixes are replacements in the file's text, so notebooks (whose regions are in-cell) carry none
    if (r.finding.fix && r.edits && r.cell === null) {
      result.fixes = [
        {
          description: { text: `${r.finding.fix.title}${r.finding.fix.safe ? '' : ' (unsafe)'}` },
          artifactChanges: [
            {
              artifactLocation: { uri },
              replacements: r.edits.map((e) => ({ deletedRegion: region(e.start, e.end), insertedContent: { text: e.newText } })),
            },
          ],
        },
      ];
    }
    return result;
  });
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'openai-model-lint',
            version: VERSION,
            informationUri: 'https://github.com/openai-model-lint/openai-model-lint',
            rules: sarifRules(),
          },
        },
        columnKind: 'unicodeCodePoints',
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
