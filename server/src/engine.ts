/**
 * The one entry the CLI, the language server and the tests use: text or tree in, calls and
 * findings out (severities from settings, suppressions applied, OAI001 added, sorted).
 */
import type { Tree } from '@vscode/tree-sitter-wasm';
import type { ApiCall } from './analysis/apiCall';
import { extractCallsAndWords, mightContainCall } from './analysis/extract';
import type { Extraction } from './analysis/extract';
import { Catalog } from './catalog/catalog';
import type { Encoding } from './catalog/schema';
import { withCatalogFile } from './config/catalogFile';
import { asOfDate } from './config/load';
import type { ConfigProblem } from './config/load';
import type { Settings } from './config/schema';
import type { DocumentLocation, FileSizeLookup } from './fileSize';
import { initParsers, languageReady, parseText } from './parse/parser';
import type { LanguageName } from './parse/parser';
import type { CatalogLike } from './rules/catalogApi';
import type { ModelTarget } from './rules/define';
import { countLimits, encodingReady } from './rules/tokenAccess';
import { countCall } from './tokens/count';
import type { CallTokenCount } from './tokens/count';
import { findHardcodedKeys, redactFinding } from './rules/hardcoded-api-key';
import { getRule, isRuleCode, RULES } from './rules/registry';
import { isRuleEnabled, ruleSeverity, runCallRules, targetOf, toFinding } from './rules/run';
import type { PlaceLabel } from './rules/shared';
import type { Finding } from './rules/types';
import { applySuppressions, mightHaveSuppressions, parseSuppressions } from './suppress';
import { commentsWith, keyCandidates, stringLiterals } from './engineScan';

export interface EngineContext {
  catalog: CatalogLike;
  settings: Settings;
  asOf: string;
  /** 'sync': load tokenizer encodings when a rule needs one (CLI); 'if-loaded': count only with loaded ones (editor) */
  tokens: 'sync' | 'if-loaded';
  /** local file sizes (OAI303 on audio uploads); absent: no file is looked at */
  fileSize?: FileSizeLookup;
}

export interface Analysis {
  calls: ApiCall[];
  findings: Finding[];
  /** the words extraction looked for in the text (analysis/reuse.ts); absent when nothing was extracted */
  words?: ReadonlySet<string>;
}

export function createContext(
  settings: Settings,
  opts: { asOf?: string; tokens?: 'sync' | 'if-loaded'; catalog?: CatalogLike; fileSize?: FileSizeLookup } = {},
): { ctx: EngineContext; problems: ConfigProblem[] } {
  let catalog: CatalogLike;
  let problems: ConfigProblem[] = [];
  if (opts.catalog) catalog = opts.catalog;
  else {
    let builtIn = Catalog.builtIn();
    // a newer catalog file over the built-in one (SPEC §4), then the extra models over both
    if (settings.catalog.file !== null) ({ catalog: builtIn, problems } = withCatalogFile(builtIn, settings.catalog.file));
    if (settings.catalog.extraModels.length) {
      const r = builtIn.withExtraModels(settings.catalog.extraModels);
      catalog = r.catalog;
      problems = [...problems, ...r.problems];
    } else catalog = builtIn;
  }
  const ctx: EngineContext = { catalog, settings, asOf: opts.asOf ?? asOfDate(settings), tokens: opts.tokens ?? 'if-loaded' };
  if (opts.fileSize) ctx.fileSize = opts.fileSize;
  return { ctx, problems };
}

/**
 * `document`: where the text lives, for rules that look at files it names (absent for untitled
 * documents). `extraction`: the calls when the caller already has them for this text (an
 * editor's previous analysis moved past an edit, analysis/reuse.ts). `where`: how messages name a
 * place (a notebook says the cell; default "line N").
 */
export function analyzeTree(tree: Tree, text: string, lang: LanguageName, ctx: EngineContext, document?: DocumentLocation, extraction?: Extraction, where?: PlaceLabel): Analysis {
  let calls: ApiCall[];
  let words: ReadonlySet<string> | undefined;
  if (extraction) ({ calls, words } = extraction);
  else {
    try {
      ({ calls, words } = extractCallsAndWords(tree, text, lang));
    } catch {
      calls = [];
    }
  }
  const findings = runCallRules(calls, text, ctx, document, where);
  const language = lang === 'python' ? 'python' : lang === 'javascript' ? 'javascript' : 'typescript';

  const keyRule = RULES.OAI501;
  const keyLevel = ruleSeverity(keyRule, ctx.settings);
  const keyPattern = keyLevel !== null ? keyCandidates(text) : null;
  if (keyLevel !== null && keyPattern) {
    // a scan that fails on odd input loses only its own findings
    const literals = attempt(() => stringLiterals(tree.rootNode, language, { text, pattern: keyPattern }), []);
    for (const f of findHardcodedKeys(literals, language)) findings.push(toFinding(keyRule, f, keyLevel));
  }

  let result = findings;
  if (mightHaveSuppressions(text, language)) {
    const markers = language === 'python' ? /openai-model-lint:|noqa/gi : /openai-model-lint:/g;
    const suppressions = attempt(() => parseSuppressions(commentsWith(tree.rootNode, text, markers), text, language), []);
    const unusedLevel = ruleSeverity(RULES.OAI001, ctx.settings);
    result = applySuppressions(findings, suppressions, text, {
      isKnown: isRuleCode,
      isEnabled: (code) => isRuleEnabled(code, ctx.settings),
      unusedSeverity: unusedLevel === null ? null : unusedLevel === 'default' ? RULES.OAI001.meta.defaultSeverity : unusedLevel,
    });
  }
  // a key passed where a model or deployment goes is echoed by other rules' messages (written
  // with escapes or split in literals, the text may not show it): mask it
  result = result.map(redactFinding);
  result.sort(bySpan);
  return { calls, findings: result, words };
}

/** `f()`, or `fallback` when it throws: for steps that may lose only their own result on odd input. */
export function attempt<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

/**
 * Cheap prefilter, no parse: false only when `analyzeTree` cannot report anything on the
 * text — no call, no key-shaped literal (OAI501) and no suppression naming our rules
 * (OAI001). The CLI skips files with it; the editor analyses every document, so anything
 * narrower makes the two disagree on the same text.
 */
export function mightHaveFindings(text: string): boolean {
  if (mightContainCall(text) || text.includes('openai-model-lint:') || /OAI\d/.test(text)) return true;
  const keys = keyCandidates(text);
  return keys !== null && text.search(keys) >= 0;
}

export async function analyzeText(text: string, lang: LanguageName, ctx: EngineContext, document?: DocumentLocation): Promise<Analysis> {
  if (!mightHaveFindings(text)) return { calls: [], findings: [] };
  // only this language's grammar: a Python-only run never loads the JavaScript family
  if (!languageReady(lang)) await initParsers([lang]);
  const tree = parseText(text, lang);
  if (!tree) return { calls: [], findings: [] };
  try {
    return analyzeTree(tree, text, lang, ctx, document);
  } finally {
    tree.delete();
  }
}

/** Encodings the calls' token counts need, so a server can load them in the background. */
export function neededEncodings(calls: ApiCall[], ctx: EngineContext, text = ''): Encoding[] {
  const out = new Set<Encoding>();
  for (const call of calls) {
    if (!call.messages && !call.instructions && !call.args.some((a) => a.name === 'input')) continue;
    const t = targetOf(call, ctx, text);
    if (t.kind === 'resolved' && t.entry.encoding) out.add(t.entry.encoding);
  }
  return [...out];
}

/** The model a call talks to (resolved once per call and context): for hovers and code lenses. */
export function callModel(call: ApiCall, ctx: EngineContext, text: string): ModelTarget {
  return targetOf(call, ctx, text);
}

/**
 * The call's prompt token count with its model's encoding; null when the model or messages
 * are unknown, or (tokens: 'if-loaded') the encoding is not loaded yet — warm it with
 * `loadEncoding(neededEncodings(...))` and ask again.
 */
export function callTokens(call: ApiCall, ctx: EngineContext, text: string): CallTokenCount | null {
  const t = targetOf(call, ctx, text);
  if (t.kind !== 'resolved' || !encodingReady(t.entry.encoding, ctx)) return null;
  let formula;
  try {
    formula = ctx.catalog.imageTokens();
  } catch {
    formula = undefined;
  }
  return countCall(call, t.entry, formula, countLimits(ctx));
}

function bySpan(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** Markdown doc of a rule for hovers (the same sections as docs/rules/*.md). */
export { docsUrl, ruleDoc } from './rules/docs';
export { getRule };
