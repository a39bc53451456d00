/**
 * The mocha runner for the editor suite. `@vscode/test-electron` calls `run()` (its
 * `extensionTestsPath` contract); the e2e runner extension calls `runSuite()` inside
 * code-server's extension host. Both run the same *.spec.js files and, when a results
 * path is given (argument or OAML_E2E_RESULTS), write a JSON summary there.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface TestResult {
  title: string;
  state: 'passed' | 'failed';
  durationMs: number;
  error?: string;
}

export interface SuiteResults {
  passed: number;
  failed: number;
  durationMs: number;
  tests: TestResult[];
  /** set when the suite could not run at all */
  error?: string;
}

function writeResults(file: string | undefined, results: SuiteResults): void {
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Write then rename, so a watcher never reads half a file.
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(results, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

export async function runSuite(resultsFile = process.env.OAML_E2E_RESULTS, grep = process.env.OAML_E2E_GREP): Promise<SuiteResults> {
  const started = Date.now();
  const results: SuiteResults = { passed: 0, failed: 0, durationMs: 0, tests: [] };
  try {
    const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 90_000, reporter: 'spec' });
    if (grep) mocha.grep(grep);
    const specs = fs.readdirSync(__dirname).filter((f) => f.endsWith('.spec.js')).sort();
    if (specs.length === 0) throw new Error(`no *.spec.js next to ${__filename}`);
    for (const f of specs) mocha.addFile(path.join(__dirname, f));
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', (t) => {
        results.passed++;
        results.tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration ?? 0 });
      });
      runner.on('fail', (t, err) => {
        results.failed++;
        results.tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration ?? 0, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
      });
    });
  } catch (err) {
    results.failed++;
    results.error = err instanceof Error ? (err.stack ?? err.message) : String(err);
  }
  results.durationMs = Date.now() - started;
  writeResults(resultsFile, results);
  return results;
}

/** Entry point of `@vscode/test-electron`: rejects when any test failed. */
export async function run(): Promise<void> {
  const r = await runSuite();
  for (const t of r.tests) console.log(`${t.state === 'passed' ? 'ok' : 'not ok'} - ${t.title}${t.error ? `\n${t.error}` : ''}`);
  console.log(`${r.passed} passed, ${r.failed} failed`);
  if (r.error) throw new Error(r.error);
  if (r.failed > 0) throw new Error(`${r.failed} editor test(s) failed`);
}
