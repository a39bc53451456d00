/**
 * Hovers: the rule doc on a code in a suppression comment; the model card on a model string
 * or Azure deployment name; on a parameter, whether the model accepts it; on `messages` and
 * on the call, the live token count (or "loading tokenizer…", never waiting).
 */
import { MarkupKind } from 'vscode-languageserver';
import type { Hover } from 'vscode-languageserver';
import type { ApiCall, Argument } from '../analysis/apiCall';
import { Catalog } from '../catalog/catalog';
import { modelCard } from '../catalog/card';
import { callModel, ruleDoc } from '../engine';
import type { ModelTarget } from '../rules/define';
import { redactKeys } from '../rules/hardcoded-api-key';
import type { Analyzer, DocAnalysis } from './analysis';
import { contains, shortTokens, thousands, toRange } from './convert';
import { callAt, callTokenInfo, LOADING_TEXT, summary } from './tokenInfo';

export function hover(a: DocAnalysis, offset: number, analyzer: Analyzer): Hover | null {
  const doc = a.state.doc;
  const code = suppressionCodeAt(a.text, offset);
  if (code) {
    const md = ruleDoc(code.code);
    if (md) return { contents: { kind: MarkupKind.Markdown, value: md }, range: toRange(doc, code.span) };
  }
  const call = callAt(a.calls, offset);
  if (!call) return null;
  const target = callModel(call, a.ctx, a.text);
  // hovers echo the model value as written; a key passed there is masked (OAI501's rule)
  const md = (value: string, span: { start: number; end: number }): Hover => ({ contents: { kind: MarkupKind.Markdown, value: redactKeys(value) }, range: toRange(doc, span) });

  const info = callTokenInfo(call, a, analyzer);
  if (call.model && contains(call.model.value.span, offset)) {
    const card = modelHover(call, target, a);
    // the card, then this call's live token count (as the call hover shows it)
    const tokens = info.kind === 'count' ? `**This call:** ${summary(info.count, info.entry)}` : info.kind === 'loading' ? LOADING_TEXT : null;
    if (card) return md(tokens ? `${card}\n\n---\n\n${tokens}` : card, call.model.value.span);
  }
  const messagesArg = call.args.find((x) => (x.name === 'messages' || x.name === 'input') && contains(x.span, offset));
  if (messagesArg) {
    if (info.kind === 'loading') return md(LOADING_TEXT, messagesArg.span);
    if (info.kind === 'count') {
      const lines = info.count.perMessage.map((n, i) => `- message ${i + 1}${roleOf(call, i)}: ${thousands(n)} tokens`);
      return md([`**${summary(info.count, info.entry)}**`, '', ...lines, '', tokenFootnote(info.count.exact)].join('\n'), messagesArg.span);
    }
  }
  const arg = call.args.find((x) => contains(x.nameSpan, offset));
  if (arg && arg !== call.model) return md(parameterHover(arg, target, call), arg.nameSpan);
  if (contains(call.calleeSpan, offset) || contains(call.span, offset)) {
    const model = target.kind === 'resolved' ? ` → \`${target.entry.id}\`${target.defaulted ? ' (the SDK’s default model: the call passes none)' : ''}` : '';
    const method = `\`${call.method}\`${model}`;
    const head = call.client.legacySdk ? `${method}\n\n${legacyNote(call)}` : method;
    if (info.kind === 'loading') return md(`${head}\n\n${LOADING_TEXT}`, call.calleeSpan);
    if (info.kind === 'count') return md(`${head}\n\n${summary(info.count, info.entry)}\n\n${tokenFootnote(info.count.exact)}`, call.calleeSpan);
    if (contains(call.calleeSpan, offset)) return md(head, call.calleeSpan);
  }
  return null;
}

/** SPEC §1: a pre-1.0 SDK call is recognised and flagged as such (no rule code: the hover says it). */
function legacyNote(call: ApiCall): string {
  const now = call.endpoint === 'chat.completions' ? 'chat.completions.create' : call.endpoint === 'embeddings' ? 'embeddings.create' : 'completions.create';
  const deployment = call.client.kind === 'azure' ? ' (on Azure, `model=` names the deployment that `engine=` names here)' : '';
  return `**Pre-1.0 SDK call.** \`openai.${call.method}\` was removed in version 1.0 of the \`openai\` package; the same request is \`client.${now}(...)\` on an \`OpenAI()\` or \`AzureOpenAI()\` client${deployment}.`;
}

function tokenFootnote(exact: boolean): string {
  return exact ? '_Counted with the model’s encoding, including the per-message overhead._' : '_Lower bound: some content could not be counted._';
}

function roleOf(call: ApiCall, i: number): string {
  const offset = call.instructions ? 1 : 0;
  if (call.instructions && i === 0) return ' (instructions)';
  const m = call.messages?.[i - offset];
  return m?.role?.value.kind === 'string' ? ` (${m.role.value.value})` : '';
}

function modelHover(call: ApiCall, t: ModelTarget, a: DocAnalysis): string | null {
  const catalog = a.ctx.catalog instanceof Catalog ? a.ctx.catalog : Catalog.builtIn();
  if (t.kind === 'resolved') {
    const apiVersion = call.client.apiVersion?.value.kind === 'string' ? call.client.apiVersion.value.value : undefined;
    const deployment = t.azure
      ? { name: t.azure.deployment, region: t.azure.mapping?.region, deploymentType: t.azure.mapping?.deploymentType, apiVersion }
      : undefined;
    return modelCard(t.resolved, catalog, { asOf: a.ctx.asOf, markdown: true, ...(deployment ? { deployment } : {}) });
  }
  if (t.kind === 'unknown') return `\`${t.id}\`${t.mappedFrom ? ` (deployment \`${t.mappedFrom}\`)` : ''} is not in the catalog dated ${catalog.asOf}; model checks skipped.`;
  if (t.kind === 'unmapped') return `Azure deployment \`${t.id}\` is not mapped to a model: set \`openaiModelLint.azure.deployments\` (command "Map Azure deployment…").`;
  if (t.kind === 'compatible' && t.id && call.via && call.client.kind !== 'compatible') return `\`${t.id}\` is not in the catalog dated ${catalog.asOf}: ${call.via.framework} may send it to another provider, so it is not checked.`;
  if (t.kind === 'compatible') return t.id ? `\`${t.id}\`: a model of another vendor’s OpenAI-compatible API; not in this catalog.` : null;
  return null;
}

function parameterHover(arg: Argument, t: ModelTarget, call: ApiCall): string {
  const name = `\`${arg.name}\``;
  if (t.kind !== 'resolved') return `${name}: the model is not known here, so whether it accepts this parameter is not checked.`;
  const model = `\`${t.entry.id}\``;
  const p = t.entry.parameters;
  // the Responses API's `reasoning={"effort": ...}` is the catalog's reasoning_effort
  const factName = call.endpoint === 'responses' && arg.name === 'reasoning' ? 'reasoning_effort' : arg.name;
  const rules = p.unsupported.filter((u) => u.name === factName && (!u.endpoints || u.endpoints.includes(call.endpoint)));
  const replaced = p.replaced.find((r) => r.name === arg.name);
  const code = (v: unknown) => `\`${JSON.stringify(v)}\``;
  if (rules.length) {
    const ways = rules
      .map((u) => [u.allowedValues?.length ? `with ${u.allowedValues.map(code).join(', ')}` : '', u.acceptedOnlyWhen ? `while ${u.acceptedOnlyWhen.parameter} is ${u.acceptedOnlyWhen.values.map(code).join(' or ')}` : ''].filter(Boolean).join(' '))
      .filter(Boolean);
    const notes = rules.map((u) => u.note).filter(Boolean);
    const verdict = ways.length ? `accepted by ${model} only ${ways.join(', or ')}.` : `**not accepted** by ${model}.${replaced ? ` Use \`${replaced.by}\` instead.` : ' Remove it.'}`;
    return `${name}: ${verdict}${notes.length ? `\n\n${notes.join('\n\n')}` : ''}`;
  }
  if (replaced) return `${name}: ${model} does not accept it — use \`${replaced.by}\` instead.`;
  const effort = factName === 'reasoning_effort' ? p.reasoningEffort : null;
  if (effort) return `${name}: ${model} offers ${effort.values.map((v) => `\`${v}\``).join(', ')}${effort.default ? ` (default \`${effort.default}\`)` : ''}.`;
  const limit = arg.name === 'max_tokens' || arg.name === 'max_completion_tokens' || arg.name === 'max_output_tokens' ? ` (max output ${shortTokens(t.entry.maxOutputTokens)} tokens)` : '';
  return `${name}: accepted by ${model}${limit}.`;
}

/** A rule code inside an `openai-model-lint:` / `noqa` comment at the offset. */
export function suppressionCodeAt(text: string, offset: number): { code: string; span: { start: number; end: number } } | null {
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  let lineEnd = offset;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  const line = text.slice(lineStart, lineEnd);
  // the first directive after the first comment marker; searched for directly (a lazy
  // `marker.*?directive` pattern retries from every `//` and `#` of a minified line: quadratic)
  const marker = firstMarkerEnd(line);
  if (marker < 0) return null;
  const directiveRe = /openai-model-lint:\s*disable(?:-next-line|-line|-file)?|noqa\s*:/gi;
  directiveRe.lastIndex = marker;
  const directive = directiveRe.exec(line);
  if (!directive) return null;
  const re = /\bOAI\d{3}\b/g;
  re.lastIndex = directive.index + directive[0].length;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const start = lineStart + m.index;
    if (start <= offset && offset <= start + m[0].length) return { code: m[0], span: { start, end: start + m[0].length } };
  }
  return null;
}

/** The end of the first comment marker (`#`, `//`, `/*`) in the line; -1 when there is none. */
function firstMarkerEnd(line: string): number {
  let end = -1;
  for (const marker of ['#', '//', '/*']) {
    const i = line.indexOf(marker);
    if (i >= 0 && (end < 0 || i + marker.length < end)) end = i + marker.length;
  }
  return end;
}
