/// <reference path="./scm.d.ts" />
/**
 * The one tree-sitter module: loads the runtime and the grammars shipped by
 * @vscode/tree-sitter-wasm (copied to server/out/wasm by the build), once, and parses text
 * synchronously afterwards. Node offsets are UTF-16 code units, like the ApiCall spans.
 */
import { Language, Parser, Query } from '@vscode/tree-sitter-wasm';
import type { Tree } from '@vscode/tree-sitter-wasm';
import { assetPath } from '../assets';
import { longCommentBlocks, parseBlanked } from './commentBlocks';
import ecmaNamesSource from './queries/ecma.names.scm';
import pythonNamesSource from './queries/python.names.scm';

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

const ALL_LANGUAGES = Object.keys(GRAMMAR_FILES) as LanguageName[];

let runtime: Promise<void> | null = null;
const loading = new Map<LanguageName, Promise<void>>();
const languages = new Map<LanguageName, Language>();
const parsers = new Map<LanguageName, Parser>();
const queries = new Map<LanguageName, Query>();

function loadRuntime(): Promise<void> {
  runtime ??= Parser.init({ locateFile: () => assetPath('wasm', 'tree-sitter.wasm') }).catch((err: unknown) => {
    runtime = null;
    throw err;
  });
  return runtime;
}

/** One grammar and its compiled names query, once; a failed load may be retried. */
function loadLanguage(name: LanguageName): Promise<void> {
  let p = loading.get(name);
  if (!p) {
    p = (async () => {
      await loadRuntime();
      const language = await Language.load(assetPath('wasm', GRAMMAR_FILES[name]));
      const parser = new Parser();
      parser.setLanguage(language);
      // compiled here, once per language, so the first analysis does not pay for it
      const query = new Query(language, name === 'python' ? pythonNamesSource : ecmaNamesSource);
      languages.set(name, language);
      queries.set(name, query);
      parsers.set(name, parser);
    })();
    p.catch(() => loading.delete(name));
    loading.set(name, p);
  }
  return p;
}

/**
 * Loads the runtime and the given grammars (default: all four), each once; later calls share
 * the first one's work. Grammars load on demand: a grammar and its query take tens of
 * milliseconds and megabytes each (TypeScript and TSX are the big ones), so a Python-only
 * project never loads the JavaScript family. `initParsers([])` loads only the runtime.
 */
export function initParsers(langs: readonly LanguageName[] = ALL_LANGUAGES): Promise<void> {
  if (langs.length === 0) return loadRuntime();
  return Promise.all(langs.map(loadLanguage)).then(() => undefined);
}

/** True once every grammar is loaded. */
export function parsersReady(): boolean {
  return parsers.size === ALL_LANGUAGES.length;
}

/** True once `lang`'s grammar and query are loaded (parseText works for it). */
export function languageReady(lang: LanguageName): boolean {
  return parsers.has(lang);
}

/** The loaded grammar; throws before initParsers([lang]) resolved. */
export function languageOf(lang: LanguageName): Language {
  const language = languages.get(lang);
  if (!language) throw new Error(`openai-model-lint: initParsers(['${lang}']) has not completed`);
  return language;
}

/**
 * The compiled names query of a language (imports, bindings, attribute assignments:
 * queries/python.names.scm, or the JS family's shared queries/ecma.names.scm).
 */
export function namesQuery(lang: LanguageName): Query {
  const query = queries.get(lang);
  if (!query) throw new Error(`openai-model-lint: initParsers(['${lang}']) has not completed`);
  return query;
}

/** Trees parsed from a text with comment blocks blanked (./commentBlocks): never the base of an incremental parse. */
const blankedTrees = new WeakSet<Tree>();

/** Parses `text`; pass the previous tree after `tree.edit(...)` for an incremental re-parse. */
export function parseText(text: string, lang: LanguageName, oldTree?: Tree): Tree {
  const parser = parsers.get(lang);
  if (!parser) throw new Error(`openai-model-lint: initParsers(['${lang}']) has not completed`);
  const parse = (t: string, old: Tree | null): Tree => {
    const tree = parser.parse(t, old);
    if (!tree) throw new Error(`openai-model-lint: tree-sitter returned no tree for ${lang}`);
    return tree;
  };
  const blocks = lang === 'python' ? longCommentBlocks(text) : [];
  if (blocks.length) {
    // the blanked text differs from the document outside the edited range, so the parse
    // starts from scratch (it is linear once the blocks are blank)
    const tree = parseBlanked(text, blocks, (t) => parse(t, null));
    blankedTrees.add(tree);
    return tree;
  }
  return parse(text, oldTree && !blankedTrees.has(oldTree) ? oldTree : null);
}

/**
 * The same text re-parsed with `tree` as the old tree, after an empty edit. Tree-sitter's first
 * incremental re-parse after a parse from scratch costs 3–4× the later ones (5–14 ms against
 * 1–3 ms in a 5,000-line file); a server does this one while idle, so the first keystroke in a
 * large file costs what the next ones do. The result is the same tree. Null for a tree that is
 * never the base of an incremental parse (comment blocks blanked).
 */
export function primeTree(tree: Tree, text: string, lang: LanguageName): Tree | null {
  if (blankedTrees.has(tree) || !parsers.has(lang)) return null;
  const origin = { row: 0, column: 0 };
  tree.edit({ startIndex: 0, oldEndIndex: 0, newEndIndex: 0, startPosition: origin, oldEndPosition: origin, newEndPosition: origin });
  return parseText(text, lang, tree);
}
