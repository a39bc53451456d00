/**
 * Code actions: each diagnostic's fix (from its data), its command (OAI401 "Map Azure
 * deployment…"), "Disable OAIxxx for this line", `source.fixAll.openai-model-lint` (safe
 * fixes of the whole document, non-overlapping) and, apart from it,
 * `source.fixAllUnsafe.openai-model-lint` (every fix, as `check --fix --unsafe-fixes`): a
 * kind outside `source.fixAll`, so `editor.codeActionsOnSave` never applies it.
 */
import { CodeActionKind } from 'vscode-languageserver';
import type { CodeAction, CodeActionParams, Diagnostic, TextEdit } from 'vscode-languageserver';
import { selectFixEdits } from '../cli/fix';
import type { DocAnalysis } from './analysis';
import { toRange } from './convert';
import { placeEdits, readData, SOURCE } from './diagnostics';
import { disableEdit } from './disableComment';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;
export const FIX_ALL_UNSAFE_KIND = `${CodeActionKind.Source}.fixAllUnsafe.${SOURCE}`;
export const FIX_ALL_UNSAFE_TITLE = 'Fix all OpenAI Model Lint problems (including unsafe)';

export function codeActions(params: CodeActionParams, a: DocAnalysis): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const uri = params.textDocument.uri;
  const out: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const disabled = new Set<string>();
    for (const d of params.context.diagnostics) {
      if (d.source !== SOURCE || typeof d.code !== 'string') continue;
      const data = readData(d);
      const prefix = `OpenAI Model Lint (${d.code}): `;
      if (data?.fix) {
        out.push({
          title: prefix + data.fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: data.fix.safe,
          edit: { changes: byUri(data.fix.edits, uri) },
        });
      }
      if (data?.command) {
        const title = data.command.command === 'openaiModelLint.mapDeployment' ? 'Map Azure deployment…' : data.command.title;
        out.push({ title: prefix + title, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { ...data.command, title } });
      }
      const key = `${d.code}:${d.range.start.line}`;
      if (!disabled.has(key)) {
        disabled.add(key);
        const action = disableForLine(d, a, a.state.lang === 'python' ? '#' : '//', uri);
        if (action) out.push(action);
      }
    }
  }
  // source actions only when asked for by kind (on save, "Fix all"), never in the lightbulb
  const asked = (kind: string): boolean => !!only?.some((k) => kind === k || kind.startsWith(`${k}.`));
  if (asked(FIX_ALL_KIND)) {
    const edits = fixAllEdits(a);
    if (edits.length) {
      out.push({ title: 'OpenAI Model Lint: Fix all safe problems', kind: FIX_ALL_KIND, edit: { changes: byUri(edits, uri) } });
    }
  }
  if (asked(FIX_ALL_UNSAFE_KIND)) {
    const edits = fixAllEdits(a, true);
    if (edits.length) out.push({ title: FIX_ALL_UNSAFE_TITLE, kind: FIX_ALL_UNSAFE_KIND, edit: { changes: byUri(edits, uri) } });
  }
  return out;
}

function disableForLine(d: Diagnostic, a: DocAnalysis, marker: '#' | '//', uri: string): CodeAction | null {
  const doc = a.state.doc;
  const code = String(d.code);
  const tree = a.state.parsedVersion === a.state.version ? a.state.tree : null;
  const e = disableEdit(a.text, doc.offsetAt({ line: d.range.start.line, character: 0 }), code, marker, tree);
  if (!e) return null;
  return {
    title: `OpenAI Model Lint (${code}): Disable ${code} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    edit: { changes: { [uri]: [{ range: toRange(doc, e), newText: e.newText }] } },
  };
}

/**
 * Fixes of the whole document (safe ones; all with `includeUnsafe`) that can be applied
 * together, chosen by `check --fix`'s rule (a fix overlapping, or inserting inside, an edit
 * already taken waits, as do fixes that depend on a model replaced in the same pass; the next
 * fix-all run, on the new text, picks them up), so the editor and the CLI apply the same edits.
 * In a notebook cell an edit may be in another cell (its `uri` says which).
 */
export function fixAllEdits(a: DocAnalysis, includeUnsafe = false): (TextEdit & { uri?: string })[] {
  const placeable = a.placeEdit ? a.findings.filter((f) => f.fix && placeEdits(f.fix.edits, a.state.doc, a.placeEdit)) : a.findings;
  return placeEdits(selectFixEdits(placeable, includeUnsafe).edits, a.state.doc, a.placeEdit) ?? [];
}

/** Edits grouped by document: their own `uri`, else the one the request is about. */
function byUri(edits: readonly (TextEdit & { uri?: string })[], uri: string): Record<string, TextEdit[]> {
  const changes: Record<string, TextEdit[]> = {};
  for (const { uri: own, ...edit } of edits) (changes[own ?? uri] ??= []).push(edit);
  return changes;
}
