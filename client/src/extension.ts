/**
 * The VS Code side, kept thin: starts the language server (IPC), shows the catalog date and
 * the token count of the call under the cursor in the status bar, and offers the commands.
 *
 * Crash recovery: a server process that dies is restarted (RestartBudget: at most 4 restarts
 * within 3 minutes); past that it stays stopped, and the output channel, a notification and
 * a status bar item say so and offer "Restart Server" (which starts a fresh budget).
 *
 * Workspace trust: the server is told `untrusted` at each start (initializationOptions is a
 * function, so a restart after trust was granted starts trusted), and when the user grants
 * trust the server is notified (`openaiModelLint/trustGranted`) and reads project files.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, State, TransportKind } from 'vscode-languageclient/node';
import type { ErrorHandler, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { fixAllUnsafe } from './fixAllUnsafe';
import { isServerGone, RestartBudget } from './restartBudget';

const SECTION = 'openaiModelLint';
const LANGUAGES = ['python', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact'];

interface CallInfo {
  catalogDate: string;
  /** "catalog dated …: lifecycle facts may be out of date" once the catalog is over 90 days old */
  catalogNote?: string | null;
  model: string | null;
  tokens: string | null;
}
interface AzureModelChoice {
  name: string;
  versions: { version: string; regions: Record<string, string[]> }[];
}

/** What activate() returns (`vscode.extensions.getExtension(id).exports`): for tests and tools. */
export interface ExtensionApi {
  /** pid of the running server process; undefined while it is stopped or (re)starting */
  serverPid(): number | undefined;
  /** true when the server crashed more often than the restart budget allows and was left stopped */
  gaveUp(): boolean;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const output = vscode.window.createOutputChannel('OpenAI Model Lint', { log: true });
  const budget = new RestartBudget();
  let gaveUp = false;
  const stopped = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  stopped.name = 'OpenAI Model Lint: server stopped';
  stopped.command = 'openaiModelLint.restartServer';
  stopped.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
  /** The server is down for good (until the user restarts it): say so where the user looks. */
  function leftStopped(why: string): void {
    gaveUp = true;
    stopped.text = '$(error) OpenAI Model Lint stopped';
    stopped.tooltip = `${why}\nClick to restart the server.`;
    stopped.show();
    void vscode.window.showErrorMessage(`OpenAI Model Lint: ${why}`, 'Restart Server', 'Show Output').then((pick) => {
      if (pick === 'Restart Server') void vscode.commands.executeCommand('openaiModelLint.restartServer');
      else if (pick === 'Show Output') output.show(true);
    });
  }
  const errorHandler: ErrorHandler = {
    // Errors reading or writing the connection: tolerated three times in a row (the count
    // resets on any successful message), then the server is shut down. Writes to a server that
    // has died are not counted: its close follows and goes through the crash budget.
    error: (error, _message, count) => {
      if (isServerGone(error) || (count !== undefined && count <= 3)) return { action: ErrorAction.Continue };
      const why = `the connection to the server keeps failing (${error.message}); the server was shut down.`;
      leftStopped(why);
      return { action: ErrorAction.Shutdown, message: why, handled: true };
    },
    // The connection closed without a stop from us: the server process died.
    closed: () => {
      const v = budget.crashed();
      if (v.restart) {
        return {
          action: CloseAction.Restart,
          message: `The server stopped unexpectedly; restarting it (restart ${v.crashes} of ${budget.max} allowed within ${budget.windowMs / 60_000} minutes).`,
          handled: true,
        };
      }
      const why = `the server stopped unexpectedly ${v.crashes} times within ${budget.windowMs / 60_000} minutes and was not restarted again. See the output (OpenAI Model Lint: Show Output).`;
      leftStopped(why);
      return { action: CloseAction.DoNotRestart, message: why, handled: true };
    },
  };
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
    errorHandler,
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.openai-model-lint.json') },
    // In an untrusted workspace the project file is ignored (capabilities.untrustedWorkspaces).
    // A function, evaluated at every (re)start: a server restarted after trust was granted
    // starts trusted.
    initializationOptions: () => ({ untrusted: !vscode.workspace.isTrusted }),
  };
  const lc = new LanguageClient(SECTION, 'OpenAI Model Lint', serverOptions, clientOptions);
  client = lc;

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  status.command = 'openaiModelLint.showCatalogEntry';
  context.subscriptions.push(output, status, stopped);

  context.subscriptions.push(
    lc.onDidChangeState((e) => {
      if (e.newState !== State.Running) return;
      gaveUp = false;
      stopped.hide();
      output.info(`Server running (pid ${lc.serverProcess?.pid ?? '?'}, ${vscode.workspace.isTrusted ? 'trusted' : 'untrusted: project files ignored'}).`);
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      output.info('Workspace trusted: project files (.openai-model-lint.json) are read from now on.');
      if (lc.isRunning()) void lc.sendNotification('openaiModelLint/trustGranted').catch(() => undefined);
    }),
    vscode.commands.registerCommand('openaiModelLint.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('openaiModelLint.restartServer', async () => {
      // the user asked: a fresh restart budget, and start a server that was left stopped
      budget.reset();
      if (lc.state === State.Running) await lc.restart();
      else await lc.start();
    }),
    vscode.commands.registerCommand('openaiModelLint.showCatalogEntry', () => showCatalogEntry()),
    vscode.commands.registerCommand('openaiModelLint.mapDeployment', (name?: unknown) => mapDeployment(typeof name === 'string' ? name : undefined)),
    vscode.commands.registerCommand('openaiModelLint.fixAllUnsafe', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !LANGUAGES.includes(editor.document.languageId)) return;
      if ((await fixAllUnsafe(lc, editor.document)) === 0) void vscode.window.showInformationMessage('OpenAI Model Lint: nothing to fix in this file.');
    }),
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
      const old = info.catalogNote ? '$(warning) ' : '';
      status.text = `$(hubot) ${old}${info.model ? `${info.model}${info.tokens ? ` · ${info.tokens}` : ''}` : `catalog ${info.catalogDate}`}`;
      status.tooltip = `OpenAI Model Lint — ${info.catalogNote ?? `catalog dated ${info.catalogDate}`}${info.model ? `\nClick for the ${info.model} card` : ''}`;
      status.show();
    } catch {
      status.hide();
    }
  }

  await lc.start();
  scheduleStatus(vscode.window.activeTextEditor);
  return {
    serverPid: () => (lc.state === State.Running ? lc.serverProcess?.pid : undefined),
    gaveUp: () => gaveUp,
  };
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
  // a server left stopped (or still starting) cannot be stopped again; nothing to wait for then
  if (client?.state === State.Running) await client.stop();
}
