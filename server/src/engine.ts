/**
 * The one entry the CLI, the language server and the tests use: text or tree in, calls and
 * findings out (severities from settings, suppressions applied, OAI001 added, sorted).
 */
import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { ApiCall, Span } from './analysis/apiCall';
import { extractCalls, mightContainCall } from './analysis/extract';
import { Catalog } from './catalog/catalog';
import type { Encoding } from './catalog/schema';
import { asOfDate } from './config/load';
import type { ConfigProblem } from './config/load';
import type { Settings } from './config/schema';
import { initParsers, parseText } from './parse/parser';
import type { LanguageName } from './parse/parser';
import type { CatalogLike } from './rules/catalogApi';
import { findHardcodedKeys } from './rules/hardcoded-api-key';
import type { StringLiteral } from './rules/hardcoded-api-key';
import { getRule, isRuleCode, RULES } from './rules/registry';
import { isRuleEnabled, ruleSeverity, runCallRules, targetOf, toFinding } from './rules/run';
import type { Finding } from './rules/types';
import { applySuppressions, mightHaveSuppressions, parseSuppressions } from './suppress';
import type { Comment } from './suppress';

export interface EngineContext {
  catalog: CatalogLike;
  settings: Settings;
  asOf: string;
  /** 'sync': load tokenizer encodings when a rule needs one (CLI); 'if-loaded': count only with loaded ones (editor) */
  tokens: 'sync' | 'if-loaded';
}

export interface Analysis {
  calls: ApiCall[];
  findings: Finding[];
}

export function createContext(
  settings: Settings,
  opts: { asOf?: string; tokens?: 'sync' | 'if-loaded'; catalog?: CatalogLike } = {},
): { ctx: EngineContext; problems: ConfigProblem[] } {
  let catalog: CatalogLike;
  let problems: ConfigProblem[] = [];
  if (opts.catalog) catalog = opts.catalog;
  else {
    const builtIn = Catalog.builtIn();
    if (settings.catalog.extraModels.length) {
      const r = builtIn.withExtraModels(settings.catalog.extraModels);
      catalog = r.catalog;
      problems = r.problems;
    } else catalog = builtIn;
  }
  return { ctx: { catalog, settings, asOf: opts.asOf ?? asOfDate(settings), tokens: opts.tokens ?? 'if-loaded' }, problems };
}

export function analyzeTree(tree: Tree, text: string, lang: LanguageName, ctx: EngineContext): Analysis {
  let calls: ApiCall[];
  try {
    calls = extractCalls(tree, text, lang);
  } catch {
    calls = [];
  }
  const findings = runCallRules(calls, text, ctx);
  const language = lang === 'python' ? 'python' : lang === 'javascript' ? 'javascript' : 'typescript';

  const keyRule = RULES.OAI501;
  const keyLevel = ruleSeverity(keyRule, ctx.settings);
  if (keyLevel !== null && /sk-|api[-_]?key/i.test(text)) {
    for (const f of findHardcodedKeys(stringLiterals(tree.rootNode, language), language)) findings.push(toFinding(keyRule, f, keyLevel));
  }

  let result = findings;
  if (mightHaveSuppressions(text, language)) {
    const suppressions = parseSuppressions(comments(tree.rootNode), text, language);
    const unusedLevel = ruleSeverity(RULES.OAI001, ctx.settings);
    result = applySuppressions(findings, suppressions, text, {
      isKnown: isRuleCode,
      isEnabled: (code) => isRuleEnabled(code, ctx.settings),
      unusedSeverity: unusedLevel === null ? null : unusedLevel === 'default' ? RULES.OAI001.meta.defaultSeverity : unusedLevel,
    });
  }
  result.sort(bySpan);
  return { calls, findings: result };
}

let parsersReady: Promise<void> | null = null;

export async function analyzeText(text: string, lang: LanguageName, ctx: EngineContext): Promise<Analysis> {
  if (!mightContainCall(text)) return { calls: [], findings: [] };
  parsersReady ??= initParsers().catch((e) => {
    parsersReady = null;
    throw e;
  });
  await parsersReady;
  const tree = parseText(text, lang);
  if (!tree) return { calls: [], findings: [] };
  try {
    return analyzeTree(tree, text, lang, ctx);
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

function bySpan(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

const span = (n: Node): Span => ({ start: n.startIndex, end: n.endIndex });

function comments(root: Node): Comment[] {
  return root.descendantsOfType('comment').flatMap((n) => (n ? [{ text: n.text, span: span(n) }] : []));
}

const PY_STRING = /^[rRbBuU]*("""|'''|"|')([\s\S]*)\1$/;
const JS_STRING = /^(["'`])([\s\S]*)\1$/;

/** String literals without interpolation, with the keyword / key / variable they are bound to. */
function stringLiterals(root: Node, language: 'python' | 'javascript' | 'typescript'): StringLiteral[] {
  const types = language === 'python' ? ['string'] : ['string', 'template_string'];
  const out: StringLiteral[] = [];
  for (const n of root.descendantsOfType(types)) {
    if (!n || n.namedChildren.some((c) => c && (c.type === 'interpolation' || c.type === 'template_substitution'))) continue;
    const m = (language === 'python' ? PY_STRING : JS_STRING).exec(n.text);
    if (!m) continue;
    out.push({ value: m[2]!, span: span(n), keyName: boundName(n) });
  }
  return out;
}

function boundName(n: Node): string | null {
  const p = n.parent;
  if (!p) return null;
  let key: Node | null = null;
  if (p.type === 'keyword_argument' || p.type === 'pair' || p.type === 'variable_declarator' || p.type === 'assignment') {
    key = p.childForFieldName(p.type === 'keyword_argument' || p.type === 'variable_declarator' ? 'name' : p.type === 'pair' ? 'key' : 'left');
  }
  if (!key || key.id === n.id) return null;
  return key.text.replace(/^["'`]|["'`]$/g, '');
}

/** Markdown doc of a rule for hovers (the same sections as docs/rules/*.md). */
export { docsUrl, ruleDoc } from './rules/docs';
export { getRule };
