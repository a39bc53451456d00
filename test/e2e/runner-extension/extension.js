// Test-only extension installed by test/e2e/run.mjs into code-server. On start-up it
// loads the editor suite built to test/editor/out/suite/index.js (a path in the
// checkout) and runs it in this extension host, writing the results JSON where the
// harness waits for it. Where to find both comes from environment variables and, when
// the extension host does not pass them on, from `.oaml-e2e.json` in the workspace root.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

function settings() {
  let fromFile = {};
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (folder && folder.uri.scheme === 'file') {
    const file = path.join(folder.uri.fsPath, '.oaml-e2e.json');
    if (fs.existsSync(file)) fromFile = JSON.parse(fs.readFileSync(file, 'utf8'));
  }
  return {
    via: process.env.OAML_E2E_SUITE ? 'env' : 'workspace file',
    suite: process.env.OAML_E2E_SUITE || fromFile.suite,
    results: process.env.OAML_E2E_RESULTS || fromFile.results,
    grep: process.env.OAML_E2E_GREP || fromFile.grep,
  };
}

exports.activate = function activate() {
  const s = settings();
  if (!s.suite || !s.results) return;
  // Announce the start so the harness can tell "suite running" from "extension host dead".
  fs.mkdirSync(path.dirname(s.results), { recursive: true });
  fs.writeFileSync(`${s.results}.started`, JSON.stringify({ pid: process.pid, node: process.version, via: s.via, at: new Date().toISOString() }));
  setTimeout(() => {
    Promise.resolve()
      .then(() => require(s.suite).runSuite(s.results, s.grep))
      .catch((err) => {
        fs.writeFileSync(s.results, JSON.stringify({ passed: 0, failed: 1, durationMs: 0, tests: [], error: String(err && err.stack || err) }));
      });
  }, 0);
};

exports.deactivate = function deactivate() {};
