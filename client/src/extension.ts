/**
 * The VS Code side, kept thin: starts the language server (IPC), shows the catalog date and
 * the token count of the call under the cursor in the status bar, and offers the commands.
 * The client restarts a server that dies (vscode-languageclient's default error handler:
 * up to 4 restarts within 3 minutes).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';

const SECTION = 'openaiModelLint';
const LANGUAGES = ['python', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact'];

interface CallInfo {
  catalogDate: string;
  model: string | null;
  tokens: string | null;
}
interface AzureModelChoice {
  name: string;
  versions: { version: string; regions: Record<string, string[]> }[];
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('OpenAI Model Lint', { log: true });
  const module = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...LANGUAGES.map((language) => ({ language })),
      // Python cells of Jupyter notebooks
      { notebook: 'jupyter-notebook', language: 'python' },
    ],
    outputChannel: output,
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.openai-model-lint.json') },
    // in an untrusted workspace the project file is ignored (capabilities.untrustedWorkspaces)
    initializationOptions: { untrusted: !vscode.workspace.isTrusted },
  };
  client = new LanguageClient(SECTION, 'OpenAI Model Lint', serverOptions, clientOptions);

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  status.command = 'openaiModelLint.showCatalogEntry';
  context.subscriptions.push(output, status);

  context.subscriptions.push(
    vscode.commands.registerCommand('openaiModelLint.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('openaiModelLint.restartServer', async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand('openaiModelLint.showCatalogEntry', () => showCatalogEntry()),
    vscode.commands.registerCommand('openaiModelLint.mapDeployment', (name?: unknown) => mapDeployment(typeof name === 'string' ? name : undefined)),
    vscode.window.onDidChangeTextEditorSelection((e) => scheduleStatus(e.textEditor)),
    vscode.window.onDidChangeActiveTextEditor((e) => scheduleStatus(e)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) scheduleStatus(vscode.window.activeTextEditor);
    }),
  );

  let timer: NodeJS.Timeout | undefined;
  function scheduleStatus(editor: vscode.TextEditor | undefined): void {
    clearTimeout(timer);
    timer = setTimeout(() => void updateStatus(editor), 150);
  }
  async function updateStatus(editor: vscode.TextEditor | undefined): Promise<void> {
    if (!client?.isRunning() || !editor || !LANGUAGES.includes(editor.document.languageId)) {
      status.hide();
      return;
    }
    try {
      const info = await client.sendRequest<CallInfo | null>('openaiModelLint/callInfo', {
        textDocument: { uri: editor.document.uri.toString() },
        position: client.code2ProtocolConverter.asPosition(editor.selection.active),
      });
      if (!info) return status.hide();
      status.text = `$(hubot) ${info.model ? `${info.model}${info.tokens ? ` · ${info.tokens}` : ''}` : `catalog ${info.catalogDate}`}`;
      status.tooltip = `OpenAI Model Lint — catalog dated ${info.catalogDate}${info.model ? `\nClick for the ${info.model} card` : ''}`;
      status.show();
    } catch {
      status.hide();
    }
  }

  await client.start();
  scheduleStatus(vscode.window.activeTextEditor);
}

async function showCatalogEntry(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor) return;
  const card = await client.sendRequest<{ id: string; markdown: string } | null>('openaiModelLint/modelCard', {
    textDocument: { uri: editor.document.uri.toString() },
    position: client.code2ProtocolConverter.asPosition(editor.selection.active),
  });
  if (!card) {
    void vscode.window.showInformationMessage('OpenAI Model Lint: put the cursor on an API call with a known model.');
    return;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: card.markdown });
  await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
}

/** Asks for model, version, region and deployment type; writes openaiModelLint.azure.deployments. */
async function mapDeployment(deployment?: string): Promise<void> {
  if (!client) return;
  const name = deployment ?? (await vscode.window.showInputBox({ title: 'Map Azure deployment', prompt: 'Deployment name as written in the code' }));
  if (!name) return;
  const models = await client.sendRequest<AzureModelChoice[]>('openaiModelLint/azureModels', {});
  const model = await vscode.window.showQuickPick(
    models.map((m) => ({ label: m.name, description: `${m.versions.length} version${m.versions.length === 1 ? '' : 's'}`, m })),
    { title: `Map '${name}': model`, matchOnDescription: true },
  );
  if (!model) return;
  const version = await vscode.window.showQuickPick(
    model.m.versions.map((v) => ({ label: v.version, v })),
    { title: `Map '${name}': ${model.label} version` },
  );
  if (!version) return;
  const regions = [...new Set(Object.values(version.v.regions).flat())].sort();
  const region = regions.length
    ? (await vscode.window.showQuickPick(regions, { title: `Map '${name}': region` }))
    : await vscode.window.showInputBox({ title: `Map '${name}': region`, prompt: 'Azure region, e.g. eastus2' });
  if (region === undefined) return;
  const types = Object.entries(version.v.regions)
    .filter(([, rs]) => !region || rs.includes(region))
    .map(([t]) => t);
  const deploymentType = await vscode.window.showInputBox({
    title: `Map '${name}': deployment type`,
    prompt: `One of: ${types.join(', ') || 'standard, globalStandard, …'}`,
    value: types[0] ?? 'standard',
  });
  if (deploymentType === undefined) return;
  const config = vscode.workspace.getConfiguration(SECTION);
  const current = config.get<Record<string, unknown>>('azure.deployments') ?? {};
  const entry: Record<string, string> = { model: model.label, version: version.label };
  if (region) entry.region = region;
  if (deploymentType) entry.deploymentType = deploymentType;
  await config.update('azure.deployments', { ...current, [name]: entry }, vscode.ConfigurationTarget.Workspace);
  void vscode.window.showInformationMessage(`OpenAI Model Lint: '${name}' mapped to ${model.label} ${version.label}.`);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
