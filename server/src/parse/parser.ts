/// <reference path="./scm.d.ts" />
/**
 * The one tree-sitter module: loads the runtime and the grammars shipped by
 * @vscode/tree-sitter-wasm (copied to server/out/wasm by the build), once, and parses text
 * synchronously afterwards. Node offsets are UTF-16 code units, like the ApiCall spans.
 */
import { Language, Parser, Query } from '@vscode/tree-sitter-wasm';
import type { Tree } from '@vscode/tree-sitter-wasm';
import { assetPath } from '../assets';
import ecmaQuerySource from './queries/ecma.scm';
import pythonQuerySource from './queries/python.scm';

export type { Tree, Edit, Point } from '@vscode/tree-sitter-wasm';

export type LanguageName = 'python' | 'javascript' | 'typescript' | 'tsx';

const GRAMMAR_FILES: Record<LanguageName, string> = {
  python: 'tree-sitter-python.wasm',
  javascript: 'tree-sitter-javascript.wasm',
  typescript: 'tree-sitter-typescript.wasm',
  tsx: 'tree-sitter-tsx.wasm',
};

const EXTENSIONS: Record<string, LanguageName> = {
  '.py': 'python',
  '.pyi': 'python',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  // the JavaScript grammar parses JSX
  '.jsx': 'javascript',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'tsx',
};

const LANGUAGE_IDS: Record<string, LanguageName> = {
  python: 'python',
  javascript: 'javascript',
  javascriptreact: 'javascript',
  typescript: 'typescript',
  typescriptreact: 'tsx',
};

export function languageForPath(path: string): LanguageName | null {
  const m = /\.[^./\\]+$/.exec(path);
  if (!m) return null;
  return EXTENSIONS[m[0].toLowerCase()] ?? null;
}

export function languageForId(languageId: string): LanguageName | null {
  return LANGUAGE_IDS[languageId] ?? null;
}

let loading: Promise<void> | null = null;
const languages = new Map<LanguageName, Language>();
const parsers = new Map<LanguageName, Parser>();
const queries = new Map<LanguageName, Query>();

/** Loads the runtime and all four grammars; later calls share the first one's promise. */
export function initParsers(): Promise<void> {
  loading ??= (async () => {
    await Parser.init({ locateFile: () => assetPath('wasm', 'tree-sitter.wasm') });
    const loaded = await Promise.all(
      (Object.keys(GRAMMAR_FILES) as LanguageName[]).map(async (name) => [name, await Language.load(assetPath('wasm', GRAMMAR_FILES[name]))] as const),
    );
    for (const [name, language] of loaded) {
      const parser = new Parser();
      parser.setLanguage(language);
      languages.set(name, language);
      parsers.set(name, parser);
      // compiled here, once per language, so the first analysis does not pay for it
      queries.set(name, new Query(language, name === 'python' ? pythonQuerySource : ecmaQuerySource));
    }
  })().catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

export function parsersReady(): boolean {
  return parsers.size === Object.keys(GRAMMAR_FILES).length;
}

/** The loaded grammar; throws before initParsers() resolved. */
export function languageOf(lang: LanguageName): Language {
  const language = languages.get(lang);
  if (!language) throw new Error('openai-model-lint: initParsers() has not completed');
  return language;
}

/** The compiled call query of a language (queries/python.scm or the shared queries/ecma.scm). */
export function callQuery(lang: LanguageName): Query {
  const query = queries.get(lang);
  if (!query) throw new Error('openai-model-lint: initParsers() has not completed');
  return query;
}

/** Parses `text`; pass the previous tree after `tree.edit(...)` for an incremental re-parse. */
export function parseText(text: string, lang: LanguageName, oldTree?: Tree): Tree {
  const parser = parsers.get(lang);
  if (!parser) throw new Error('openai-model-lint: initParsers() has not completed');
  const tree = parser.parse(text, oldTree ?? null);
  if (!tree) throw new Error(`openai-model-lint: tree-sitter returned no tree for ${lang}`);
  return tree;
}
