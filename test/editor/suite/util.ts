/**
 * Helpers for the editor suite: everything goes through the public `vscode` API, the way a
 * user's editor drives the extension. Every wait is bounded and says what it waited for.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../client/src/extension';

export const EXTENSION_ID = 'openai-model-lint.openai-model-lint';
export const SOURCE = 'openai-model-lint';

/** Generous enough for a cold server start on a 2-core CI machine, short enough to fail fast. */
export const WAIT_MS = 30_000;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `probe` until it returns something other than undefined, or fails after `timeoutMs`. */
export async function poll<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await sleep(100);
  }
}

export function workspaceUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs the fixture workspace open (test/editor/fixtures/workspace)');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function activateExtension(): Promise<void> {
  await extensionApi();
}

/** Activates our extension and returns what its activate() returned. */
export async function extensionApi(): Promise<ExtensionApi> {
  const ext = await poll(`extension ${EXTENSION_ID} to be installed`, () => vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID));
  return ext.activate();
}

/** Opens a fixture file in an editor (so it is a visible document, as when a user opens it). */
export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(name));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Puts the fixture back as it is on disk, dropping unsaved edits made by a test. */
export async function revert(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document, { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.equal(editor.document.isDirty, false, `${editor.document.fileName} still dirty after revert`);
}

export function codeOf(d: vscode.Diagnostic): string {
  if (typeof d.code === 'object' && d.code !== null) return String(d.code.value);
  return String(d.code);
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** Waits until our diagnostics for `uri` satisfy `ready` (e.g. contain a given code). */
export function waitForDiagnostics(uri: vscode.Uri, what: string, ready: (ds: vscode.Diagnostic[]) => boolean, timeoutMs = WAIT_MS): Promise<vscode.Diagnostic[]> {
  return poll(`${what} on ${uri.path}`, () => {
    const ds = ours(uri);
    return ready(ds) ? ds : undefined;
  }, timeoutMs);
}

export function hasCodes(...codes: string[]): (ds: vscode.Diagnostic[]) => boolean {
  return (ds) => codes.every((c) => ds.some((d) => codeOf(d) === c));
}

/** The range of the `occurrence`-th match of `needle` in the document (0-based occurrence). */
export function rangeOf(doc: vscode.TextDocument, needle: string, occurrence = 0): vscode.Range {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.notEqual(at, -1, `fixture ${doc.fileName} has no occurrence ${occurrence} of ${JSON.stringify(needle)}`);
  }
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + needle.length));
}

/** A position `offset` characters into the match of `needle`. */
export function positionIn(doc: vscode.TextDocument, needle: string, offset: number): vscode.Position {
  return rangeOf(doc, needle).start.translate(0, offset);
}

export function fmt(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

export function hoverText(hovers: vscode.Hover[] | undefined): string {
  const parts: string[] = [];
  for (const h of hovers ?? []) {
    for (const c of h.contents) {
      if (typeof c === 'string') parts.push(c);
      else parts.push(c.value);
    }
  }
  return parts.join('\n');
}

export async function hoverAt(uri: vscode.Uri, pos: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos);
  return hoverText(hovers);
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}
