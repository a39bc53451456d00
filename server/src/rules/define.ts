/**
 * The rule shape: a typed `defineRule({ meta, check })` factory (typescript-eslint style)
 * with ruff-style docs sections that feed the docs pages and hovers.
 */
import type { ApiCall, Span } from '../analysis/apiCall';
import type { ModelEntry } from '../catalog/schema';
import type { AzureDeployment, Settings, SettingsInput } from '../config/schema';
import type { DocumentLocation, FileSizeLookup } from '../fileSize';
import type { CatalogLike, ResolvedModel } from './catalogApi';
import type { Finding, Fix, Severity } from './types';

export interface RuleDocs {
  /** one or two sentences: what the rule reports */
  whatItDoes: string;
  whyIsThisBad: string;
  /** ❌ code that produces this rule's finding */
  example: DocExample;
  /** ✅ the same code written so that nothing is reported */
  useInstead: DocExample;
  fixSafety: string;
  references: { title: string; url?: string }[];
}

export interface DocExample {
  language: 'python' | 'typescript';
  code: string;
  /** project settings the example needs (e.g. an Azure deployment map) */
  settings?: SettingsInput;
}

export interface RuleMeta<Code extends string = string, Name extends string = string> {
  code: Code;
  name: Name;
  defaultSeverity: Severity;
  /** false for rules that are off unless configured (OAI106) */
  enabledByDefault?: boolean;
  /** 'safe' | 'unsafe' when the rule offers a fix; 'command' for an editor command */
  fixable?: 'safe' | 'unsafe' | 'safe-or-unsafe' | 'command';
  /** true for OAI1xx/2xx/3xx: never fire on OpenAI-compatible clients of other vendors */
  needsCatalog: boolean;
  docs: RuleDocs;
}

/** Where the call's model stands after resolution (computed once per call by the engine). */
export type ModelTarget =
  /** no model argument, or a value the engine cannot resolve */
  | { kind: 'none' }
  /** a client of another vendor / base URL: no catalog checks */
  | { kind: 'compatible'; id: string | null; span: Span | null }
  /** Azure deployment name with no mapping and not itself a model name */
  | { kind: 'unmapped'; id: string; span: Span; innerSpan: Span | null }
  /** model ID (or mapped model) not in the catalog */
  | { kind: 'unknown'; id: string; span: Span; innerSpan: Span | null; mappedFrom?: string }
  | {
      kind: 'resolved';
      id: string;
      /** where model findings go: the model argument's value in the call */
      span: Span;
      /** where a replacement edit goes: inside the quotes of the literal, where it is defined */
      innerSpan: Span | null;
      resolved: ResolvedModel;
      entry: ModelEntry;
      /** Azure: the deployment name and its mapping from settings, if any */
      azure?: { deployment: string; mapping: AzureDeployment | null };
      /** the call passes no model: this is the endpoint's default (catalog `endpointDefaults`), reported on the callee */
      defaulted?: true;
    };

export interface RuleContext {
  catalog: CatalogLike;
  settings: Settings;
  asOf: string;
  tokens: 'sync' | 'if-loaded';
  text: string;
  target: ModelTarget;
  /** size of a local file (absent when the host gives no file access, e.g. an untrusted workspace) */
  fileSize?: FileSizeLookup;
  /** where the analysed text lives (absent for untitled documents) */
  document?: DocumentLocation;
}

/** What a rule returns; severity defaults to the rule's default severity. */
export interface RuleFinding {
  span: Span;
  message: string;
  severity?: Severity;
  fix?: Fix | null;
  tags?: Finding['tags'];
  command?: Finding['command'];
}

export interface Rule<Code extends string = string, Name extends string = string> {
  meta: RuleMeta<Code, Name>;
  /** per call; absent for rules the engine computes itself (OAI001, OAI501) */
  check?: (call: ApiCall, ctx: RuleContext) => RuleFinding[];
}

export function defineRule<const Code extends string, const Name extends string>(rule: Rule<Code, Name>): Rule<Code, Name> {
  return rule;
}
