/**
 * Rule documentation from the rule meta: the markdown of docs/rules/<code>-<name>.md (written
 * by scripts/rule-docs.mjs) and of the hover on a code in a suppression comment.
 */
import type { DocExample, Rule } from './define';
import { getRule, RULES } from './registry';

/** Where the generated pages are published (the repository's docs/rules folder). */
export const DOCS_BASE_URL = 'https://github.com/openai-model-lint/openai-model-lint/blob/main/docs/rules/';

export function docFileName(rule: Rule): string {
  return `${rule.meta.code}-${rule.meta.name}.md`;
}

export function docsUrl(code: string): string | undefined {
  const rule = getRule(code);
  return rule ? DOCS_BASE_URL + docFileName(rule) : undefined;
}

const SEVERITY_WORD = { error: 'error', warning: 'warning', info: 'info', hint: 'hint' } as const;

function block(e: DocExample): string {
  const settings = e.settings ? `\nWith \`.openai-model-lint.json\`:\n\n\`\`\`json\n${JSON.stringify(e.settings, null, 2)}\n\`\`\`\n` : '';
  const code = e.code.length > 600 ? `${e.code.slice(0, 300)}…${e.code.slice(-120)}` : e.code;
  return `${settings}\n\`\`\`${e.language}\n${code.trimEnd()}\n\`\`\`\n`;
}

/** The full markdown page of a rule; `undefined` for an unknown code. */
export function ruleDoc(code: string): string | undefined {
  const rule = getRule(code);
  if (!rule) return undefined;
  const { meta } = rule;
  const d = meta.docs;
  const fix =
    meta.fixable === 'safe' ? 'Fix: safe.' : meta.fixable === 'unsafe' ? 'Fix: unsafe.' : meta.fixable === 'safe-or-unsafe' ? 'Fix: safe or unsafe (see below).' : meta.fixable === 'command' ? 'Fix: editor command.' : 'No fix.';
  const enabled = meta.enabledByDefault === false ? ' (off by default)' : '';
  return [
    `# ${meta.code} ${meta.name}`,
    '',
    `Default severity: ${SEVERITY_WORD[meta.defaultSeverity]}${enabled}. ${fix}`,
    '',
    '## What it does',
    '',
    d.whatItDoes,
    '',
    '## Why is this bad?',
    '',
    d.whyIsThisBad,
    '',
    '## Example',
    block(d.example),
    '## Use instead',
    block(d.useInstead),
    '## Fix safety',
    '',
    d.fixSafety,
    '',
    '## References',
    '',
    ...d.references.map((r) => (r.url ? `- [${r.title}](${r.url})` : `- ${r.title}`)),
    '',
  ].join('\n');
}

/** Every page: file name → markdown. */
export function allRuleDocs(): Map<string, string> {
  const out = new Map<string, string>();
  for (const rule of Object.values(RULES) as Rule[]) out.set(docFileName(rule), ruleDoc(rule.meta.code)!);
  return out;
}
