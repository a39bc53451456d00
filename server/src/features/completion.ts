/**
 * Model IDs inside the `model` argument string: the models serving the call's endpoint,
 * current GA first, preview next, deprecated last (tagged deprecated; retired ones left out);
 * on Azure clients the mapped deployment names first.
 */
import { CompletionItemKind, CompletionItemTag } from 'vscode-languageserver';
import type { CompletionItem, CompletionList } from 'vscode-languageserver';
import { Catalog } from '../catalog/catalog';
import type { DocAnalysis } from './analysis';
import { shortTokens, toRange } from './convert';

const RANK = { ga: 1, preview: 2, deprecated: 3, retired: 4 } as const;

export function completion(a: DocAnalysis, offset: number): CompletionList | null {
  const call = a.calls.find((c) => {
    const inner = c.model?.value.innerSpan;
    return !!inner && inner.start <= offset && offset <= inner.end && c.span.start <= inner.start && inner.end <= c.span.end;
  });
  const inner = call?.model?.value.innerSpan;
  if (!call || !inner) return null;
  const range = toRange(a.state.doc, inner);
  const items: CompletionItem[] = [];
  if (call.client.kind === 'azure') {
    for (const [name, d] of Object.entries(a.ctx.settings.azure.deployments)) {
      items.push({
        label: name,
        kind: CompletionItemKind.Reference,
        detail: `deployment → ${d.model}${d.version ? ` ${d.version}` : ''}${d.region ? ` · ${d.region}` : ''}`,
        sortText: `0 ${name}`,
        textEdit: { range, newText: name },
      });
    }
  }
  const catalog = a.ctx.catalog instanceof Catalog ? a.ctx.catalog : Catalog.builtIn();
  for (const entry of catalog.all()) {
    if (!entry.endpoints.includes(call.endpoint)) continue;
    const status = catalog.status(entry, a.ctx.asOf);
    if (status === 'retired') continue;
    const item: CompletionItem = {
      label: entry.id,
      kind: CompletionItemKind.Value,
      detail: `${shortTokens(entry.contextWindow)} ctx · ${shortTokens(entry.maxOutputTokens)} out${entry.aliasOf ? ` · alias of ${entry.aliasOf}` : ''}`,
      documentation: entry.description,
      sortText: `${RANK[status]} ${entry.id}`,
      textEdit: { range, newText: entry.id },
    };
    if (status === 'deprecated') item.tags = [CompletionItemTag.Deprecated];
    items.push(item);
  }
  return { isIncomplete: false, items };
}
