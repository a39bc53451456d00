/**
 * The injection grammar in the engine VS Code uses (vscode-textmate + vscode-oniguruma):
 * model-ID string literals in Python / JS / TS get string.quoted.model-id.openai-model-lint;
 * other strings, model IDs inside sentences and comments do not. The host grammars are
 * minimal stand-ins (strings, comments) with the scope names of the real ones.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry } from 'vscode-textmate';
import type { IGrammar } from 'vscode-textmate';

const ROOT = join(__dirname, '..', '..', '..');
const MODEL = 'string.quoted.model-id.openai-model-lint';
const INJECTION = 'openai-model-lint.injection';
const HOSTS = ['source.python', 'source.js', 'source.ts', 'source.tsx', 'source.js.jsx'];

/** A host grammar: quoted strings and line comments, scoped like the real grammars. */
function host(scope: string): string {
  const lang = scope.split('.').at(-1)!;
  const py = scope === 'source.python';
  return JSON.stringify({
    scopeName: scope,
    patterns: [
      { match: py ? '#.*$' : '//.*$', name: `comment.line.${lang}` },
      { begin: '[fFrRbB]?"', end: '"', name: `string.quoted.double.${lang}` },
      { begin: "[fFrRbB]?'", end: "'", name: `string.quoted.single.${lang}` },
      ...(py ? [] : [{ begin: '`', end: '`', name: `string.template.${lang}` }]),
      { match: '\\b[A-Za-z_]\\w*\\b', name: `variable.other.${lang}` },
    ],
  });
}

let registry: Registry;
const grammars = new Map<string, IGrammar>();

before(async () => {
  const require = createRequire(__filename);
  const wasm = readFileSync(join(require.resolve('vscode-oniguruma'), '..', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => {
      if (scope === INJECTION) {
        const file = join(ROOT, 'syntaxes', 'openai-model-lint.injection.json');
        return parseRawGrammar(readFileSync(file, 'utf8'), file);
      }
      if (HOSTS.includes(scope)) return parseRawGrammar(host(scope), `${scope}.json`);
      return null;
    },
    // as package.json's contributes.grammars injectTo does in VS Code
    getInjections: (scope) => (HOSTS.includes(scope) ? [INJECTION] : undefined),
  });
  for (const h of HOSTS) grammars.set(h, (await registry.loadGrammar(h))!);
});

/** The tokens of one line whose scopes include the model-ID scope, as text. */
function modelIds(scope: string, line: string): string[] {
  const r = grammars.get(scope)!.tokenizeLine(line, INITIAL);
  return r.tokens.filter((t) => t.scopes.includes(MODEL)).map((t) => line.slice(t.startIndex, t.endIndex));
}

function scopesAt(scope: string, line: string, needle: string): string[] {
  const i = line.indexOf(needle);
  const t = grammars.get(scope)!.tokenizeLine(line, INITIAL).tokens.find((x) => x.startIndex <= i && i < x.endIndex)!;
  return t.scopes;
}

describe('injection grammar (vscode-textmate + vscode-oniguruma)', () => {
  it('scopes model IDs in Python strings, single and double quoted', () => {
    assert.deepEqual(modelIds('source.python', 'client.chat.completions.create(model="gpt-4o-mini", messages=m)'), ['gpt-4o-mini']);
    assert.deepEqual(modelIds('source.python', "resp = c.responses.create(model='o3-mini-2025-01-31')"), ['o3-mini-2025-01-31']);
    assert.deepEqual(modelIds('source.python', 'MODELS = ["text-embedding-3-small", "whisper-1", "tts-1-hd", "dall-e-3"]'), ['text-embedding-3-small', 'whisper-1', 'tts-1-hd', 'dall-e-3']);
    assert.deepEqual(modelIds('source.python', 'x = "gpt-35-turbo-16k"; y = "davinci-002"; z = "o1"'), ['gpt-35-turbo-16k', 'davinci-002', 'o1']);
    assert.deepEqual(modelIds('source.python', 'm = "ft:gpt-4o-mini-2024-07-18:acme::abc123"'), ['ft:gpt-4o-mini-2024-07-18:acme::abc123']);
    assert.deepEqual(modelIds('source.python', 'm = "chatgpt-4o-latest"'), ['chatgpt-4o-latest']);
  });

  it('keeps the host scopes under the model-ID scope', () => {
    const line = 'model="gpt-4o"';
    assert.deepEqual(scopesAt('source.python', line, 'gpt-4o'), ['source.python', 'string.quoted.double.python', MODEL]);
    assert.deepEqual(scopesAt('source.python', line, '"'), ['source.python', 'string.quoted.double.python']);
  });

  it('scopes model IDs in JS, TS, TSX and JSX strings and plain template literals', () => {
    for (const scope of ['source.js', 'source.ts', 'source.tsx', 'source.js.jsx']) {
      assert.deepEqual(modelIds(scope, 'await client.chat.completions.create({ model: "gpt-4.1", messages });'), ['gpt-4.1'], scope);
      assert.deepEqual(modelIds(scope, "const m = 'o4-mini', e = `text-embedding-ada-002`;"), ['o4-mini', 'text-embedding-ada-002'], scope);
    }
  });

  it('leaves other strings, sentences and comments alone', () => {
    assert.deepEqual(modelIds('source.python', 'print("use gpt-4o for this")'), []);
    assert.deepEqual(modelIds('source.python', 'name = "gpt"; other = "o2"; s = "ordinary"'), []);
    assert.deepEqual(modelIds('source.python', '# model="gpt-4o"'), []);
    assert.deepEqual(modelIds('source.ts', '// model: "gpt-4o"'), []);
    assert.deepEqual(modelIds('source.ts', 'const deployment = "my-gpt4o-deployment";'), []);
  });
});
