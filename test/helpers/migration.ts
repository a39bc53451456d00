/**
 * A file for the migration fixes (`check --fix --unsafe-fixes`, the editor's unsafe fix-all),
 * shared by the CLI and the language-server tests: a retired model, a deprecated one with
 * parameters and a role that depend on it (as-of 2025-09-01).
 */
export const MIGRATION_APP = [
  'from openai import OpenAI',
  '',
  'client = OpenAI()',
  '',
  'client.chat.completions.create(model="gpt-4-32k", messages=[{"role": "user", "content": "Hi"}])',
  'client.chat.completions.create(',
  '    model="o1-mini",',
  '    temperature=0.5,',
  '    max_tokens=100000,',
  '    messages=[{"role": "system", "content": "Be brief"}],',
  ')',
  '',
].join('\n');

/** After every fix: the models replaced, then the gpt-5.6-terra call's parameters checked against gpt-5.6-terra (no clamp, the system role kept). */
export const MIGRATION_APP_FIXED = [
  'from openai import OpenAI',
  '',
  'client = OpenAI()',
  '',
  'client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}])',
  'client.chat.completions.create(',
  '    model="gpt-5.6-terra",',
  '    max_completion_tokens=100000,',
  '    messages=[{"role": "system", "content": "Be brief"}],',
  ')',
  '',
].join('\n');
