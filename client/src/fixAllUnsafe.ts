/**
 * "Fix all OpenAI Model Lint problems (including unsafe)": the server's
 * `source.fixAllUnsafe.openai-model-lint` code action for the whole document, applied, then
 * asked for again on the new text until nothing is left (a pass that replaces models leaves
 * the fixes that depend on the model for the next one), at most MAX_PASSES times: the editor's
 * `check --fix --unsafe-fixes`.
 */
import * as vscode from 'vscode';
import { CodeActionRequest } from 'vscode-languageclient/node';
import type { LanguageClient } from 'vscode-languageclient/node';

/** server/src/features/codeActions.ts FIX_ALL_UNSAFE_KIND (a test keeps the two equal) */
export const FIX_ALL_UNSAFE_KIND = 'source.fixAllUnsafe.openai-model-lint';
const MAX_PASSES = 10;

/** Applies every fix to the document; returns how many passes changed it. */
export async function fixAllUnsafe(client: LanguageClient, document: vscode.TextDocument): Promise<number> {
  let passes = 0;
  while (passes < MAX_PASSES) {
    const end = document.lineAt(document.lineCount - 1).range.end;
    const actions = await client.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: document.uri.toString() },
      range: { start: { line: 0, character: 0 }, end: client.code2ProtocolConverter.asPosition(end) },
      context: { diagnostics: [], only: [FIX_ALL_UNSAFE_KIND] },
    });
    const action = actions?.find((a) => 'kind' in a && a.kind === FIX_ALL_UNSAFE_KIND && a.edit);
    if (!action || !('edit' in action) || !action.edit) break;
    const version = document.version;
    const applied = await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(action.edit));
    if (!applied || document.version === version) break;
    passes++;
  }
  return passes;
}
