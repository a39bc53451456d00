/**
 * Runs the editor suite in desktop VS Code with `@vscode/test-electron` (`npm run
 * test:electron`). It downloads VS Code from update.code.visualstudio.com, so it runs where
 * the internet is reachable (a laptop, public CI), not on the sandboxed build machines —
 * there `npm run test:e2e` runs the same suite in code-server.
 *
 * `npm run test:electron` builds the bundles and the suite (test/editor/build.mjs) first.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../..');
  // A scratch copy: the tests edit documents, and a run must never leave the fixtures dirty.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'oaml-editor-'));
  const workspace = path.join(scratch, 'workspace');
  fs.cpSync(path.join(root, 'test/editor/fixtures/workspace'), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      // Downloads are kept with the other editor-test tools, in the ignored .e2e/ folder.
      cachePath: path.join(root, '.e2e/vscode-test'),
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'test/editor/out/suite/index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      extensionTestsEnv: { OAML_E2E_RESULTS: path.join(scratch, 'results.json') },
    });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
