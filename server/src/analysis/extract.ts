/**
 * Finds the OpenAI SDK calls in a tree and turns each into the neutral ApiCall model.
 *
 * A call is taken only when (1) its callee ends in a method path of the SDK
 * (`chat.completions.create`, `images.generate`, `ChatCompletion.create`, ...) and (2) the
 * file imports the openai package, or the client was built by another vendor's
 * OpenAI-compatible SDK that the file imports, or (3) the receiver is defined in another
 * module and the call passes `model` (see "Clients defined elsewhere" below). So
 * `Model.objects.create(...)`, `stripe.Customer.create(...)`, `prisma.user.create(...)` or
 * `self.foo.chat.create(...)` are never calls.
 *
 * Clients defined elsewhere. Analysis is one file at a time (a notebook's cells as one module,
 * ../notebook.ts), so a client imported from another module (`from app.llm import client`,
 * `import { openai } from "./client"`), returned by an imported factory (`get_client()`), or,
 * in an editor that sends notebook cells one by one, defined in an earlier cell (a name nothing
 * in the cell binds) has an origin this file cannot see. Such a
 * call is taken when its callee is one of the SDK's resource paths above (distinctive: ORMs and
 * payment SDKs do not name resources `chat.completions` / `embeddings` / `responses`) AND the
 * request names a `model` (Prisma's `embeddings.create({ data })` does not). Its client kind:
 * - `compatible` when the names on the way to it (the receiver, its module, the factory) name
 *   another vendor (`from app.groq_client import client`): no catalog findings;
 * - `azure` when they say Azure (`from app.azure import client`): `model` is a deployment;
 * - otherwise `unknown`: checked as an OpenAI client (model and parameter rules), with no
 *   api_version and so no OAI402; a model string that is an Azure deployment mapped in
 *   settings, or an Azure model name (`gpt-35-turbo`), is checked as an Azure deployment.
 * The trade-off: a client built in another module as `OpenAI(base_url="https://api.groq.com/…")`
 * cannot be told from an OpenAI client here, so its calls get OpenAI's model checks (a model
 * outside the catalog is only reported at `info`, "model checks skipped"). Receivers that are
 * parameters, loop variables or built locally by something that is not a client are not taken.
 */
import type { Node, Query, QueryMatch, Tree } from '@vscode/tree-sitter-wasm';
import type { Endpoint } from '../catalog/schema';
import { namesQuery } from '../parse/parser';
import type { LanguageName } from '../parse/parser';
import type { ApiCall, Argument, ClientInfo, ClientKind, ContentPart, Message, ValueNode } from './apiCall';
import { CLIENT_WRAPPERS, DEPLOYMENT_OPTIONS, HELPER_METHODS, PROVIDER_OPTIONS } from './callShapes';
import { uploadedFile } from './filePaths';
import { frameworkCalls, mightImportFramework } from './frameworks';
import { capture, classFields, isIdentifierChar, isUnicodeSpace, matchesAt, TextNameIndex, wordOccurrences } from './nameIndex';
import { entry, Resolver, setEntry, spanOf, valueOfBinding } from './values';
import type { Family } from './values';

interface MethodPath {
  segments: string[];
  endpoint: Endpoint;
  helper: 'parse' | 'stream' | null;
  /** Python SDK < 1.0 (`openai.ChatCompletion.create`): only on the openai module itself */
  legacy?: boolean;
}

const p = (path: string, endpoint: Endpoint, helper: MethodPath['helper'] = null, legacy = false): MethodPath => ({ segments: path.split('.'), endpoint, helper, legacy });

/** Longest paths first so `chat.completions.create` wins over `completions.create`. */
const METHOD_PATHS: MethodPath[] = [
  p('beta.chat.completions.parse', 'chat.completions', 'parse'),
  p('beta.chat.completions.stream', 'chat.completions', 'stream'),
  p('audio.transcriptions.create', 'audio.transcriptions'),
  p('audio.translations.create', 'audio.translations'),
  p('audio.speech.create', 'audio.speech'),
  p('chat.completions.create', 'chat.completions'),
  p('chat.completions.parse', 'chat.completions', 'parse'),
  p('chat.completions.stream', 'chat.completions', 'stream'),
  p('completions.create', 'completions'),
  p('embeddings.create', 'embeddings'),
  p('images.generate', 'images.generate'),
  p('images.edit', 'images.edit'),
  p('images.create_variation', 'images.variation'),
  p('images.createVariation', 'images.variation'),
  p('moderations.create', 'moderations'),
  p('responses.create', 'responses'),
  p('responses.parse', 'responses', 'parse'),
  p('responses.stream', 'responses', 'stream'),
  p('ChatCompletion.create', 'chat.completions', null, true),
  p('Completion.create', 'completions', null, true),
  p('Embedding.create', 'embeddings', null, true),
];
// the helper methods of ./callShapes, then longest paths first again (the sort is stable)
METHOD_PATHS.push(...HELPER_METHODS.map((h) => p(h.path, h.endpoint, h.helper, h.legacy ?? false)));
METHOD_PATHS.sort((a, b) => b.segments.length - a.segments.length);

/**
 * SDK resources recognised only for the API they belong to (OAI108 reports calls to APIs shut
 * down or announced for shutdown: the catalog's `retiredApis`, whose `methodPrefixes` must be
 * listed here to be seen). A call of any method under them is taken; no model or argument is
 * read. A one-segment path (`evals`, `videos`) is a common name in other code, so it is taken
 * only on a client whose construction the file shows, or the openai module.
 */
const API_PATHS: { segments: string[]; endpoint: Endpoint }[] = [
  { segments: ['beta', 'assistants'], endpoint: 'assistants' },
  { segments: ['beta', 'threads'], endpoint: 'assistants' },
  { segments: ['beta', 'realtime'], endpoint: 'realtime' },
  { segments: ['evals'], endpoint: 'evals' },
  { segments: ['videos'], endpoint: 'videos' },
  { segments: ['fine_tuning', 'jobs'], endpoint: 'fine_tuning' },
  { segments: ['fineTuning', 'jobs'], endpoint: 'fine_tuning' },
];

/** Segments that wrap a resource without changing the request: skipped when matching. */
const WRAPPERS = new Set(['with_raw_response', 'withRawResponse', 'with_streaming_response', 'withStreamingResponse', 'with_options', 'withOptions']);

const OPENAI_CONSTRUCTORS: Record<string, ClientKind> = {
  OpenAI: 'openai',
  AsyncOpenAI: 'openai',
  AzureOpenAI: 'azure',
  AsyncAzureOpenAI: 'azure',
};

/** Other vendors' OpenAI-compatible SDK clients (their own model namespaces). */
const COMPATIBLE_CONSTRUCTORS = new Set([
  'Groq', 'AsyncGroq', 'Together', 'AsyncTogether', 'Fireworks', 'AsyncFireworks', 'Mistral', 'MistralClient', 'MistralAsyncClient',
  'Anthropic', 'AsyncAnthropic', 'Cerebras', 'AsyncCerebras', 'Perplexity', 'DeepSeek', 'OpenRouter', 'Cohere', 'AsyncCohere', 'Ollama', 'AsyncClient',
]);

const OPENAI_MODULES = /^(openai(\.|\/|$)|@azure\/openai$)/;
const COMPATIBLE_MODULES = /^(groq|groq-sdk|together|together-ai|fireworks|fireworks-ai|@fireworks-ai\/.*|mistralai|@mistralai\/mistralai|anthropic|@anthropic-ai\/sdk|cerebras|cerebras_cloud_sdk|@cerebras\/cerebras_cloud_sdk|ollama|cohere|cohere-ai|openrouter|@openrouter\/.*|deepseek)(\.|\/|$)/;
/** Names on the way to a client defined elsewhere that say it talks to another vendor / to Azure. */
const VENDOR_WORDS = /groq|together|fireworks|mistral|anthropic|claude|cerebras|ollama|cohere|openrouter|deepseek|perplexity|vllm|lmstudio|litellm/i;
const AZURE_WORDS = /azure/i;

/**
 * The resource segment right before the method in every METHOD_PATHS entry (wrappers aside),
 * and the identifiers that may follow it: the methods and the wrappers. Derived from the tables
 * so the prefilter cannot drift from what matchPath accepts.
 */
const PREFILTER_NEXT = new Set([...METHOD_PATHS.map((m) => m.segments[m.segments.length - 1]!), ...WRAPPERS]);
/** An API_PATHS resource's first segment → the identifiers that may follow it (null: any, for one-segment paths). */
const API_NEXT = new Map<string, Set<string> | null>();
for (const { segments } of API_PATHS) {
  const next = API_NEXT.get(segments[0]!);
  if (segments.length === 1 || next === null) API_NEXT.set(segments[0]!, null);
  else API_NEXT.set(segments[0]!, new Set([...(next ?? WRAPPERS), segments[1]!]));
}
const PREFILTER_RESOURCES = new RegExp([...new Set([...METHOD_PATHS.map((m) => m.segments[m.segments.length - 2]!), ...API_NEXT.keys()])].join('|'), 'g');

/**
 * Cheap prefilter, no parse: false only when the text cannot contain a call extractCalls
 * takes. Every such call's callee is `… <resource> . <method>` (`completions.create`,
 * `images.generate`, `ChatCompletion.create`, wrappers such as `.with_raw_response` allowed
 * between), so the text must hold a resource name as a whole identifier followed — after
 * spaces, comments, a line continuation, `)`, `!` or `?` — by `.` and a method or wrapper
 * name. One regex search for the resource names (V8 scans an alternation of literals far
 * faster than one indexOf per name), a few characters looked at per hit, no parse. Whether
 * the file mentions openai does not matter: a client imported from another module is
 * recognised without it.
 */
export function mightContainCall(text: string): boolean {
  return !resourceHits(text).next().done || mightImportFramework(text);
}

/**
 * Where the prefilter's resource names are written (index and length), each one followed by
 * `.` and a method or wrapper name: every call extractCalls takes has its resource at one of
 * these, so they are also where the analysis looks for calls.
 */
function* resourceHits(text: string): Generator<{ at: number; length: number; anyMethod: boolean }> {
  const resources = new RegExp(PREFILTER_RESOURCES.source, 'g');
  for (let m = resources.exec(text); m; m = resources.exec(text)) {
    const i = m.index;
    // the next search starts one character on: a resource inside another one is looked at too
    resources.lastIndex = i + 1;
    if (i > 0 && isIdentifierChar(text.charCodeAt(i - 1))) continue;
    // `(client.chat.completions).create`, TS `completions!.create`, JS `completions?.create`
    let j = i + m[0].length;
    for (;;) {
      j = skipTrivia(text, j);
      const c = text.charCodeAt(j);
      if (c === 0x29 /* ) */ || c === 0x21 /* ! */ || c === 0x3f /* ? */) j++;
      else break;
    }
    if (text.charCodeAt(j) !== 0x2e /* . */) continue;
    j = skipTrivia(text, j + 1);
    let k = j;
    while (k < text.length && isIdentifierChar(text.charCodeAt(k))) k++;
    const next = text.slice(j, k);
    const api = API_NEXT.get(m[0]);
    if (api !== undefined) {
      if (next && (api === null || api.has(next))) yield { at: i, length: m[0].length, anyMethod: true };
    } else if (PREFILTER_NEXT.has(next)) yield { at: i, length: m[0].length, anyMethod: false };
  }
}

/**
 * Index of the first character at or after `i` that is not whitespace, a comment (`# …`,
 * `// …`, `/* … *\/`) or a backslash line continuation. Both families' comments are skipped in
 * every file: in a real call the next token after the resource (or its `.`) is `.` (or the
 * method), so a `#` / `//` there in the other language cannot hide one.
 */
function skipTrivia(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d) || isUnicodeSpace(c)) i++;
    else if (c === 0x5c /* \ */ && (text.charCodeAt(i + 1) === 0x0a || text.charCodeAt(i + 1) === 0x0d)) i += 2;
    else if (c === 0x23 /* # */ || (c === 0x2f && text.charCodeAt(i + 1) === 0x2f)) {
      while (i < n && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d && text.charCodeAt(i) !== 0x2028 && text.charCodeAt(i) !== 0x2029) i++;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else break;
  }
  return i;
}

interface Candidate {
  call: Node;
  callee: Node;
  args: Node;
}

interface ClientOrigin {
  kind: ClientKind;
  constructorName: string;
  baseUrl: string | null;
  apiVersion: ValueNode | null;
  /** Azure: the deployment the client is built for (callShapes DEPLOYMENT_OPTIONS) */
  deployment?: ValueNode;
}

/** The SDK methods a candidate call's callee may end in, per family (the methods of METHOD_PATHS as each SDK spells them). */
const CALL_METHODS: Record<Family, Set<string>> = {
  python: new Set(['create', 'parse', 'stream', 'generate', 'edit', 'create_variation']),
  ecma: new Set(['create', 'parse', 'stream', 'generate', 'edit', 'createVariation']),
};
for (const h of HELPER_METHODS) for (const family of h.families) CALL_METHODS[family].add(h.path.slice(h.path.lastIndexOf('.') + 1));

/**
 * Candidate calls around a resource name written at [at, at + length): walking up from it
 * through the callee chain (`a.b`, `(…)`, TS `…!`, and calls in callee position such as
 * `.with_options(...)`), every call whose callee is `<something>.<method>` with a method of
 * CALL_METHODS and a plain argument list. A call that has the name only in its arguments is not
 * one: its own callee would have to name a resource for the call to be taken.
 */
function callsAround(tree: Tree, at: number, length: number, family: Family, anyMethod: boolean): Candidate[] {
  const out: Candidate[] = [];
  let n: Node | null = tree.rootNode.descendantForIndex(at, at + length);
  if (!n || n.startIndex !== at || n.endIndex !== at + length) return out;
  const member = family === 'python' ? 'attribute' : 'member_expression';
  const call = family === 'python' ? 'call' : 'call_expression';
  for (let depth = 0; depth < 256; depth++) {
    const p: Node | null = n.parent;
    if (!p) break;
    const t = p.type;
    if (t === call) {
      const fn = p.childForFieldName('function');
      if (!fn || fn.id !== n.id) break;
      const args = p.childForFieldName('arguments');
      const method = n.type === member ? n.childForFieldName(family === 'python' ? 'attribute' : 'property') : null;
      if (args && args.type === (family === 'python' ? 'argument_list' : 'arguments') && method && method.type === (family === 'python' ? 'identifier' : 'property_identifier') && (anyMethod || CALL_METHODS[family].has(method.text))) {
        out.push({ call: p, callee: n, args });
      }
    } else if (t !== member && t !== 'parenthesized_expression' && t !== 'non_null_expression') break;
    n = p;
  }
  return out;
}

class FileAnalysis {
  readonly family: Family;
  readonly resolver: Resolver;
  readonly candidates: Candidate[] = [];
  readonly modules: string[] = [];
  /** names bound to the openai module (`import openai`, `import openai as oa`) */
  readonly openaiModuleNames = new Set<string>();
  /** local alias → imported name (`from openai import AzureOpenAI as Az`) */
  private readonly renamed = new Map<string, string>();
  /** names bound by an import → the module as written (`from app.llm import client` → "app.llm") */
  private readonly importedFrom = new Map<string, string>();
  /**
   * names bound by an import → what they name, module then exported name (`import instructor` →
   * "instructor"; `from langsmith.wrappers import wrap_openai as w` → "langsmith.wrappers." +
   * the name, its original read from `renamed` when asked); JS default and namespace imports
   * name the module itself
   */
  private readonly importedAs = new Map<string, { module: string; name: string | null }>();
  private kinds: Set<ClientKind> | null = null;
  /** mayDefine answers by name */
  private readonly definitions = new Map<string, boolean>();
  /** the names query (imports, bindings, attributes) */
  private readonly query: Query;
  /**
   * Every word the analysis looked for in the text (names, attribute names, constructor names,
   * `import`): a later edit that adds or removes none of them, outside every call, cannot change
   * what this analysis found (analysis/reuse.ts).
   */
  readonly words = new Set<string>();

  /**
   * Finds the candidate calls and the imports where the text says they may be: the calls up the
   * callee chain from each of the prefilter's resource names (callsAround), the imports with the
   * names query restricted to the statement around each word `import` / `require`. Bindings are
   * found later, name by name, as resolution asks (./nameIndex).
   */
  constructor(
    private readonly tree: Tree,
    readonly text: string,
    readonly lang: LanguageName,
  ) {
    this.family = lang === 'python' ? 'python' : 'ecma';
    this.query = namesQuery(lang);
    this.resolver = new Resolver(this.family, text, new TextNameIndex(tree, text, this.query, this.words));
    const calls = new Set<number>();
    for (const hit of resourceHits(text)) {
      for (const c of callsAround(tree, hit.at, hit.length, this.family, hit.anyMethod)) {
        if (calls.has(c.call.id)) continue;
        calls.add(c.call.id);
        this.candidates.push(c);
      }
    }
    // source order, a call in another one's callee first (`a.create(...).b.create(...)`), one in
    // its arguments after it: by where the argument lists start
    this.candidates.sort((a, b) => a.args.startIndex - b.args.startIndex);
    this.findImports();
  }

  /** Every import (and `require(...)`), found from its keyword: the statement or call around it is queried. */
  private findImports(): void {
    const seen = new Set<string>();
    for (const word of this.family === 'python' ? ['import'] : ['import', 'require']) {
      this.words.add(word);
      for (const at of wordOccurrences(this.text, word)) {
        const keyword = this.tree.rootNode.descendantForIndex(at, at + word.length);
        const around = keyword?.parent;
        if (!around) continue;
        for (const m of matchesAt(this.query, this.tree, around.startIndex, around.endIndex)) {
          const key = `${m.patternIndex}:${m.captures.map((c) => c.node.id).join(',')}`;
          if (seen.has(key)) continue;
          seen.add(key);
          this.addImport(m);
        }
      }
    }
  }

  private addImport(m: QueryMatch): void {
    const imported = capture(m, 'import.name');
    if (imported) {
      const from = capture(m, 'import.from');
      if (from) {
        this.importedFrom.set(imported.text, from.text);
        const whole = imported.parent?.type === 'import_clause' || imported.parent?.type === 'namespace_import';
        this.importedAs.set(imported.text, { module: from.text, name: whole ? null : imported.text });
      }
      return;
    }
    const mod = capture(m, 'import.module');
    if (mod) {
      // `import app.llm` binds `app`, `import app.llm as llm` binds `llm`
      if (this.family === 'python') this.importedFrom.set(capture(m, 'import.alias')?.text ?? mod.text.split('.')[0]!, mod.text);
      if (this.family === 'python' && mod.parent?.type !== 'import_from_statement') {
        const alias = capture(m, 'import.alias');
        this.importedAs.set(alias?.text ?? mod.text.split('.')[0]!, { module: alias ? mod.text : mod.text.split('.')[0]!, name: null });
      }
      this.modules.push(mod.text);
      if (this.family === 'python' && mod.text === 'openai' && mod.parent?.type !== 'import_from_statement') {
        this.openaiModuleNames.add(capture(m, 'import.alias')?.text ?? 'openai');
      }
      return;
    }
    const renamed = capture(m, 'rename.alias');
    if (renamed) {
      const original = capture(m, 'rename.name');
      if (original) this.renamed.set(renamed.text, original.text);
    }
  }

  /**
   * Whether the file may bind `name` with a function or class definition, or as a
   * comprehension variable: such a name is not free, although the binding index (which
   * value resolution needs, on every file's path) leaves these out. A text search, so it
   * may answer yes for a name defined in another scope or written in a string: the call is
   * then not taken, the safe side. Only asked for files that import no SDK.
   */
  private mayDefine(name: string): boolean {
    let r = this.definitions.get(name);
    if (r === undefined) {
      this.words.add(name);
      const n = name.replace(/\$/g, '\\$');
      const re =
        this.family === 'python'
          ? new RegExp(`\\b(?:def|class)\\s+${n}\\b|\\bfor\\b[^\\n:=]*?(?<![\\w$.])${n}(?![\\w$])[^\\n:=]*?\\bin\\b`)
          : new RegExp(`\\b(?:function\\s*\\*?|class)\\s+${n}(?![\\w$])`);
      this.definitions.set(name, (r = re.test(this.text)));
    }
    return r;
  }

  /**
   * Kinds of the clients constructed (and bound to a name, an attribute or a class field)
   * anywhere in the file; computed on demand, from where constructor names are written.
   */
  get constructedKinds(): Set<ClientKind> {
    if (!this.kinds) {
      this.kinds = new Set();
      const seen = new Set<number>();
      const names = [...Object.keys(OPENAI_CONSTRUCTORS), ...COMPATIBLE_CONSTRUCTORS, ...this.renamed.keys()];
      for (const name of names) {
        this.words.add(name);
        for (const at of wordOccurrences(this.text, name)) {
          for (const m of matchesAt(this.query, this.tree, at, at + name.length)) {
            const values: Node[] = [];
            const def = capture(m, 'def.name');
            const body = capture(m, 'class.body');
            const attr = capture(m, 'attr.value');
            if (def) {
              const v = valueOfBinding(def);
              if (v) values.push(v);
            } else if (body) values.push(...classFields(body));
            else if (attr) values.push(attr);
            for (const v of values) {
              if (seen.has(v.id)) continue;
              seen.add(v.id);
              if (v.type !== 'call' && v.type !== 'call_expression' && v.type !== 'new_expression' && v.type !== 'await' && v.type !== 'await_expression') continue;
              const wrapped = this.wrappedClient(v);
              const origin = this.constructed(wrapped ?? v);
              if (origin) this.kinds.add(origin.kind);
            }
          }
        }
      }
    }
    return this.kinds;
  }

  /** Every name an import binds, with its module and the name it has there (analysis/frameworks.ts). */
  *imports(): Generator<{ local: string; module: string; name: string }> {
    for (const [local, module] of this.importedFrom) yield { local, module, name: this.renamed.get(local) ?? local };
  }

  get importsOpenai(): boolean {
    return this.modules.some((m) => OPENAI_MODULES.test(m));
  }

  get importsCompatible(): boolean {
    return this.modules.some((m) => COMPATIBLE_MODULES.test(m));
  }

  /** `OpenAI(...)`, `openai.AzureOpenAI(...)`, `new Groq({...})`, awaited or parenthesised. */
  constructed(node: Node): ClientOrigin | null {
    let n: Node | null = node;
    while (n && CONSTRUCTOR_WRAPPERS.has(n.type)) n = n.namedChildren[0] ?? null;
    if (!n) return null;
    let ctor: Node | null = null;
    let args: Node | null = null;
    if (n.type === 'call' && this.family === 'python') {
      ctor = n.childForFieldName('function');
      args = n.childForFieldName('arguments');
    } else if (n.type === 'new_expression') {
      ctor = n.childForFieldName('constructor');
      args = n.childForFieldName('arguments');
    }
    if (!ctor) return null;
    const written = ctor.type === 'identifier' ? ctor.text : ctor.type === 'attribute' ? ctor.childForFieldName('attribute')?.text : ctor.type === 'member_expression' ? ctor.childForFieldName('property')?.text : undefined;
    if (!written) return null;
    const name = (ctor.type === 'identifier' ? this.renamed.get(written) : undefined) ?? written;
    let kind: ClientKind | undefined = OPENAI_CONSTRUCTORS[name];
    if (!kind && COMPATIBLE_CONSTRUCTORS.has(name)) kind = 'compatible';
    if (!kind) return null;
    const options = args ? this.constructorOptions(args) : [];
    const opt = (...names: string[]) => options.find((o) => names.includes(o.name))?.value ?? null;
    const base = opt('base_url', 'baseURL');
    // AzureOpenAI(azure_endpoint=...) / new AzureOpenAI({ endpoint }): the SDKs send requests under `<endpoint>/openai`
    const endpoint = kind === 'azure' && !base ? opt('azure_endpoint', 'endpoint') : null;
    const baseUrl = base && base.value.kind === 'string' ? base.value.value : endpoint?.value.kind === 'string' ? `${endpoint.value.value.replace(/\/+$/, '')}/openai` : null;
    if (kind === 'openai' && baseUrl !== null && !/^https?:\/\/api\.openai\.com(\/|$)/i.test(baseUrl)) kind = 'compatible';
    // another provider's models (`OpenAI(provider=bedrock(...))`), whatever the provider's value
    if (opt(...PROVIDER_OPTIONS)) kind = 'compatible';
    const apiVersion = kind === 'azure' ? opt('api_version', 'apiVersion') : null;
    const deployment = kind === 'azure' ? opt(DEPLOYMENT_OPTIONS[this.family]) : null;
    return { kind, constructorName: name, baseUrl, apiVersion, ...(deployment ? { deployment } : {}) };
  }

  private constructorOptions(args: Node): Argument[] {
    const out: Argument[] = [];
    if (this.family === 'python') {
      for (const c of args.namedChildren) {
        if (c?.type === 'keyword_argument') {
          const name = c.childForFieldName('name');
          const value = c.childForFieldName('value');
          if (name && value) setEntry(out, { name: name.text, nameSpan: spanOf(name), span: spanOf(c), value: this.resolver.resolve(value), fromSpread: false });
        } else if (c?.type === 'dictionary_splat') this.resolver.spreadInto(out, c.namedChildren[0] ?? null, 0);
      }
      return out;
    }
    const first = args.namedChildren.find((c) => c && c.type !== 'comment');
    if (!first) return out;
    const v = this.resolver.resolve(first);
    return v.value.kind === 'object' ? v.value.entries : out;
  }

  /** Where the receiver of an SDK path came from; null when it cannot be seen. */
  receiverOrigin(base: Node, rest: string[]): ClientOrigin | 'module' | null {
    const n = unwrap(base);
    if (!n) return null;
    if (rest.length === 0) {
      if (n.type === 'identifier' && this.family === 'python' && this.openaiModuleNames.has(n.text) && !this.resolver.lookup(n.text, n)) return 'module';
      return this.valueOrigin(n, 0);
    }
    if (rest.length === 1 && isSelf(n)) {
      for (const v of this.memberValues(n, rest[0]!)) {
        const origin = this.valueOrigin(v, 0);
        if (origin) return origin;
      }
    }
    return null;
  }

  /**
   * The client an expression evaluates to, through names assigned once (`self.client =
   * client`), rebound only to wrappers of themselves (`client = instructor.patch(client)`), and
   * the wrappers of ./callShapes (`instructor.from_openai(OpenAI(...))`).
   */
  private valueOrigin(node: Node, depth: number): ClientOrigin | null {
    const n = unwrap(node);
    if (!n || depth > 6) return null;
    if (n.type !== 'identifier' && n.type !== 'shorthand_property_identifier') {
      const wrapped = this.wrappedClient(n);
      return wrapped ? this.valueOrigin(wrapped, depth + 1) : this.constructed(n);
    }
    const def = this.resolver.lookup(n.text, n) ?? this.resolver.rebound(n.text, n, (v) => this.rewraps(v, n.text));
    return def && !encloses(def, n) ? this.valueOrigin(def, depth + 1) : null;
  }

  /**
   * The client expression a wrapper of ./callShapes is given (`instructor.from_openai(c)`,
   * `Instructor({ client: c })`), or null when `node` is no call of such a wrapper.
   */
  private wrappedClient(node: Node): Node | null {
    const n = unwrap(node);
    if (!n || (n.type !== 'call' && n.type !== 'call_expression')) return null;
    const fn = n.childForFieldName('function');
    const qualified = fn ? this.qualifiedName(fn, 0) : null;
    const wrapper = qualified === null ? undefined : CLIENT_WRAPPERS.find((w) => w.qualified === qualified);
    const args = n.childForFieldName('arguments');
    if (!wrapper || !args) return null;
    return callArgument(args, this.family, wrapper.client.index, wrapper.client.name);
  }

  /** `value` wraps the name itself: `wrap(client)`, any function, or a wrapper given `client=client`. */
  private rewraps(value: Node, name: string): boolean {
    const n = unwrap(value);
    if (!n || (n.type !== 'call' && n.type !== 'call_expression')) return false;
    const args = n.childForFieldName('arguments');
    const given = this.wrappedClient(n) ?? (args ? callArgument(args, this.family, 0, null) : null);
    const inner = given && unwrap(given);
    return !!inner && inner.type === 'identifier' && inner.text === name;
  }

  /**
   * What an imported name or an attribute of one names, module then exported names
   * (`instructor.patch`, `wrappers.wrap_openai` after `from langsmith import wrappers` →
   * "langsmith.wrappers.wrap_openai"); null for anything not imported.
   */
  private qualifiedName(node: Node, depth: number): string | null {
    if (depth > 8) return null;
    if (node.type === 'identifier') {
      const imported = this.importedAs.get(node.text);
      if (!imported || this.resolver.origin(node.text, node).kind !== 'free') return null;
      if (imported.name === null) return imported.module;
      return `${imported.module}.${this.renamed.get(imported.name) ?? imported.name}`;
    }
    if (node.type === 'attribute' || node.type === 'member_expression') {
      const obj = node.childForFieldName('object');
      const prop = node.childForFieldName(node.type === 'attribute' ? 'attribute' : 'property');
      const base = obj ? this.qualifiedName(obj, depth + 1) : null;
      return base !== null && prop ? `${base}.${prop.text}` : null;
    }
    return null;
  }

  /**
   * What `self.<name>` / `this.<name>` may hold: attribute assignments (`self.client =
   * AzureOpenAI(...)`, TS fields), those made in the class around `self` first, and in Python
   * that class's class attribute (`class Bot: client = OpenAI()`).
   */
  private memberValues(self: Node, name: string): Node[] {
    let assigned = this.resolver.attributes(`${self.text}.${name}`);
    const cls = enclosingClass(self);
    // the class's own assignments first; another class's (a base class here) otherwise
    if (cls && assigned.length > 1) {
      const own = assigned.filter((v) => enclosingClass(v)?.id === cls.id);
      if (own.length) assigned = own;
    }
    const classLevel = cls && this.family === 'python' ? this.resolver.valueIn(name, cls) : null;
    return classLevel ? [classLevel, ...assigned] : assigned;
  }

  /**
   * Whether the receiver (`base` then the attribute names `rest`) is defined outside this file:
   * an imported name, a name nothing here binds (a global, a star import, an earlier notebook
   * cell), an attribute of one (`llm.client`), the result of calling or constructing one
   * (`get_client()`, `new Wrapped()`), or a local name or `self.x` / `this.x` assigned from one.
   * Parameters, loop variables and values built here from local definitions are not.
   * `hints` collects the names and module paths on the way, for telling the vendor.
   */
  receiverDefinedElsewhere(base: Node, rest: string[], hints: string[]): boolean {
    hints.push(...rest);
    const n = unwrap(base);
    if (!n) return false;
    if (rest.length && isSelf(n)) return this.memberValues(n, rest[0]!).some((v) => this.definedElsewhere(v, hints, 1));
    return this.definedElsewhere(n, hints, 0);
  }

  private definedElsewhere(node: Node, hints: string[], depth: number): boolean {
    const n = unwrap(node);
    if (!n || depth > 6) return false;
    switch (n.type) {
      case 'identifier': {
        hints.push(n.text);
        const o = this.resolver.origin(n.text, n);
        if (o.kind === 'free' && !this.mayDefine(n.text)) {
          const from = this.importedFrom.get(n.text);
          if (from) hints.push(from);
          return true;
        }
        return o.kind === 'value' && !encloses(o.node, n) && this.definedElsewhere(o.node, hints, depth + 1);
      }
      case 'attribute':
      case 'member_expression': {
        const obj = n.childForFieldName('object');
        const prop = n.childForFieldName(n.type === 'attribute' ? 'attribute' : 'property');
        if (!obj || !prop) return false;
        hints.push(prop.text);
        const o = unwrap(obj);
        if (o && isSelf(o)) return this.memberValues(o, prop.text).some((v) => this.definedElsewhere(v, hints, depth + 1));
        return this.definedElsewhere(obj, hints, depth + 1);
      }
      case 'subscript':
      case 'subscript_expression': {
        const obj = n.childForFieldName(n.type === 'subscript' ? 'value' : 'object');
        return !!obj && this.definedElsewhere(obj, hints, depth + 1);
      }
      case 'call':
      case 'call_expression': {
        const fn = n.childForFieldName('function');
        if (!fn) return false;
        // `require("./llm")`: the module path is a hint too
        if (fn.type === 'identifier' && fn.text === 'require') hints.push(n.childForFieldName('arguments')?.text ?? '');
        return this.definedElsewhere(fn, hints, depth + 1);
      }
      case 'new_expression': {
        const ctor = n.childForFieldName('constructor');
        return !!ctor && this.definedElsewhere(ctor, hints, depth + 1);
      }
      default:
        return false;
    }
  }

  /** `openai.api_type = "azure"` (SDK < 1.0 Azure configuration) */
  legacyAzure(): { azure: boolean; apiVersion: ValueNode | null } {
    let azure = false;
    let apiVersion: ValueNode | null = null;
    for (const mod of this.openaiModuleNames) {
      const type = this.resolver.attributes(`${mod}.api_type`)[0];
      if (type) {
        const v = this.resolver.resolve(type);
        if (v.value.kind === 'string' && /^azure/i.test(v.value.value)) azure = true;
      }
      const version = this.resolver.attributes(`${mod}.api_version`)[0];
      if (version) apiVersion = this.resolver.resolve(version);
    }
    return { azure, apiVersion };
  }
}

/** An ERROR or MISSING node between the callee and the argument list (`create$(...)` in Python). */
function repairedBeforeArguments(call: Node, args: Node): boolean {
  for (const c of call.children) {
    if (!c || c.startIndex >= args.startIndex) break;
    if (c.type === 'ERROR' || c.isMissing) return true;
  }
  return false;
}

// (a node's `type` is read from the wasm side on every access: the loops below read it once per node)
const CONSTRUCTOR_WRAPPERS = new Set(['await', 'await_expression', 'parenthesized_expression', 'as_expression']);
const WRAPPER_NODES = new Set(['await', 'await_expression', 'parenthesized_expression', 'non_null_expression', 'as_expression', 'satisfies_expression']);

/** The expression inside `await`, parentheses, TS `!` / `as` / `satisfies`. */
function unwrap(node: Node): Node | null {
  let n: Node | null = node;
  while (n && WRAPPER_NODES.has(n.type)) n = n.namedChildren[0] ?? null;
  return n;
}

const CLASS_NODES = new Set(['class_definition', 'class_declaration', 'class', 'abstract_class_declaration']);

function enclosingClass(node: Node): Node | null {
  let n = node.parent;
  while (n && !CLASS_NODES.has(n.type)) n = n.parent;
  return n;
}

function isSelf(n: Node): boolean {
  return n.type === 'this' || (n.type === 'identifier' && (n.text === 'self' || n.text === 'cls'));
}

/** `outer` contains `inner` (a name used in its own definition: `client = client.with_options(...)`). */
function encloses(outer: Node, inner: Node): boolean {
  return outer.startIndex <= inner.startIndex && inner.endIndex <= outer.endIndex;
}

/** Flattens `a.b.with_options(x).c.d` into base `a` and names [b, c, d] (wrappers kept). */
function flattenCallee(callee: Node): { base: Node; names: string[] } {
  const names: string[] = [];
  let n: Node = callee;
  for (;;) {
    const t = n.type;
    if (t === 'attribute' || t === 'member_expression') {
      const prop = n.childForFieldName(t === 'attribute' ? 'attribute' : 'property');
      const obj = n.childForFieldName('object');
      if (!prop || !obj) break;
      names.push(prop.text);
      n = obj;
    } else if (t === 'call' || t === 'call_expression') {
      // only wrapper calls (`with_options(...)`) are looked through
      const fn = n.childForFieldName('function');
      const ft = fn?.type;
      const last = fn && (ft === 'attribute' || ft === 'member_expression') ? fn.childForFieldName(ft === 'attribute' ? 'attribute' : 'property') : null;
      if (!fn || !last || !WRAPPERS.has(last.text)) break;
      n = fn;
    } else if (t === 'parenthesized_expression' || t === 'non_null_expression') {
      const inner = n.namedChildren[0];
      if (!inner) break;
      n = inner;
    } else break;
  }
  names.reverse();
  return { base: n, names };
}

function matchPath(names: string[]): { path: MethodPath; rest: string[] } | null {
  const plain = names.filter((s) => !WRAPPERS.has(s));
  for (const path of METHOD_PATHS) {
    const k = path.segments.length;
    if (plain.length < k) continue;
    let ok = true;
    for (let i = 0; i < k; i++) {
      if (plain[plain.length - k + i] !== path.segments[i]) {
        ok = false;
        break;
      }
    }
    if (ok) return { path, rest: plain.slice(0, plain.length - k) };
  }
  return null;
}

/**
 * A callee under one of API_PATHS (`beta.threads.runs.create`): the method path from the
 * resource on (wrappers left out), and the names before it (the receiver).
 */
export function matchApiPath(names: string[]): { path: MethodPath; rest: string[]; oneSegment: boolean } | null {
  const plain = names.filter((s) => !WRAPPERS.has(s));
  for (let i = 0; i < plain.length - 1; i++) {
    const api = API_PATHS.find((a) => i + a.segments.length < plain.length && a.segments.every((seg, j) => plain[i + j] === seg));
    if (api) return { path: { segments: plain.slice(i), endpoint: api.endpoint, helper: null }, rest: plain.slice(0, i), oneSegment: api.segments.length === 1 };
  }
  return null;
}

/**
 * One argument of a call as written: the `index`-th positional one, or the keyword / (JS) the
 * property of the first object argument called `name`; null when absent.
 */
function callArgument(args: Node, family: Family, index: number | null, name: string | null): Node | null {
  const given = args.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
  if (family === 'python') {
    if (name !== null) {
      for (const c of given) if (c.type === 'keyword_argument' && c.childForFieldName('name')?.text === name) return c.childForFieldName('value');
    }
    // positional arguments come first; a `*args` before the index hides which one it is
    let i = 0;
    for (const c of given) {
      if (c.type === 'keyword_argument' || c.type === 'dictionary_splat' || c.type === 'list_splat') return null;
      if (i++ === index) return c;
    }
    return null;
  }
  if (index !== null) return given[index]?.type === 'spread_element' ? null : (given[index] ?? null);
  const options = given[0];
  if (name === null || options?.type !== 'object') return null;
  for (const c of options.namedChildren) {
    if (c?.type === 'pair' && c.childForFieldName('key')?.text.replace(/^["']|["']$/g, '') === name) return c.childForFieldName('value');
    if (c?.type === 'shorthand_property_identifier' && c.text === name) return c;
  }
  return null;
}

function callArguments(fa: FileAnalysis, args: Node): { args: Argument[]; open: boolean } {
  const out: Argument[] = [];
  let open = false;
  const r = fa.resolver;
  if (fa.family === 'python') {
    for (const c of args.namedChildren) {
      if (!c || c.type === 'comment') continue;
      if (c.type === 'keyword_argument') {
        const name = c.childForFieldName('name');
        const value = c.childForFieldName('value');
        if (name && value) setEntry(out, { name: name.text, nameSpan: spanOf(name), span: spanOf(c), value: r.resolve(value), fromSpread: false });
      } else if (c.type === 'dictionary_splat') open = r.spreadInto(out, c.namedChildren[0] ?? null, 0) || open;
      else if (c.type === 'list_splat') open = true;
    }
    return { args: out, open };
  }
  const first = args.namedChildren.find((c) => c && c.type !== 'comment');
  if (!first) return { args: out, open };
  if (first.type === 'object') {
    const v = r.resolve(first);
    if (v.value.kind === 'object') return { args: v.value.entries, open: v.value.open };
    return { args: out, open: true };
  }
  // `create(params)`: the request object is a literal defined elsewhere
  const open2 = r.spreadInto(out, first, 0);
  return { args: out, open: open2 };
}

function contentParts(items: ValueNode[]): ContentPart[] {
  const parts: ContentPart[] = [];
  for (const item of items) {
    if (item.value.kind === 'string') {
      parts.push({ type: 'text', span: item.span, text: item });
      continue;
    }
    if (item.value.kind !== 'object') continue;
    const type = entry(item.value, 'type');
    const part: ContentPart = { type: type?.value.kind === 'string' ? type.value.value : 'unknown', span: item.span };
    const text = entry(item.value, 'text');
    if (text) part.text = text;
    const image = entry(item.value, 'image_url');
    const detail = (image && entry(image.value, 'detail')) ?? entry(item.value, 'detail');
    if (detail?.value.kind === 'string' && (detail.value.value === 'low' || detail.value.value === 'high' || detail.value.value === 'auto')) part.imageDetail = detail.value.value;
    parts.push(part);
  }
  return parts;
}

function messagesOf(value: ValueNode | undefined): Message[] | null {
  if (!value) return null;
  if (value.value.kind === 'string') return [{ span: value.span, role: null, content: value, parts: null, name: null }];
  if (value.value.kind !== 'array') return null;
  const out: Message[] = [];
  for (const item of value.value.items) {
    if (item.value.kind !== 'object') continue;
    const content = entry(item.value, 'content');
    const isArray = content?.value.kind === 'array';
    out.push({
      span: item.span,
      role: entry(item.value, 'role'),
      content: content && !isArray ? content : null,
      parts: content && content.value.kind === 'array' ? contentParts(content.value.items) : null,
      name: entry(item.value, 'name'),
    });
  }
  return out;
}

function languageOf(lang: LanguageName): ApiCall['language'] {
  return lang === 'python' ? 'python' : lang === 'javascript' ? 'javascript' : 'typescript';
}

/** Every OpenAI SDK call in the tree, in source order. */
export function extractCalls(tree: Tree, text: string, lang: LanguageName): ApiCall[] {
  return extractCallsAndWords(tree, text, lang).calls;
}

export interface Extraction {
  calls: ApiCall[];
  /** the words the analysis looked for in the text, besides the SDK resource names (FileAnalysis.words) */
  words: ReadonlySet<string>;
}

/** The calls, and what they depend on in the text besides themselves. */
export function extractCallsAndWords(tree: Tree, text: string, lang: LanguageName): Extraction {
  const fa = new FileAnalysis(tree, text, lang);
  const importsOpenai = fa.importsOpenai;
  const importsCompatible = fa.importsCompatible;
  const calls: ApiCall[] = [];
  let legacy: ReturnType<FileAnalysis['legacyAzure']> | null = null;
  for (const { call, callee, args } of fa.candidates) {
    // a callee tree-sitter had to repair (`client.chat.completions.@create`) is not taken:
    // the prefilter, which reads the text, could not have let it through
    if (callee.hasError || repairedBeforeArguments(call, args)) continue;
    const { base, names } = flattenCallee(callee);
    const request = matchPath(names);
    const api = request ? null : matchApiPath(names);
    const match = request ?? api;
    if (!match) continue;
    const { path, rest } = match;
    const origin = fa.receiverOrigin(base, rest);
    if (api?.oneSegment && origin === null) continue;
    let client: ClientInfo;
    /** taken only because the receiver is defined in another module: needs a `model` argument */
    let elsewhere = false;
    if (path.legacy) {
      if (origin !== 'module' || fa.family !== 'python') continue;
      legacy ??= fa.legacyAzure();
      client = { kind: legacy.azure ? 'azure' : 'openai', constructorName: 'openai module', baseUrl: null, apiVersion: legacy.azure ? legacy.apiVersion : null, legacySdk: true };
    } else if (origin === 'module') {
      client = { kind: 'openai', constructorName: 'openai module', baseUrl: null, apiVersion: null, legacySdk: false };
    } else if (origin && (origin.kind === 'compatible' ? importsOpenai || importsCompatible : importsOpenai)) {
      client = { kind: origin.kind, constructorName: origin.constructorName, baseUrl: origin.baseUrl, apiVersion: origin.apiVersion, legacySdk: false, ...(origin.deployment ? { deployment: origin.deployment } : {}) };
    } else if (importsOpenai || importsCompatible) {
      // the origin cannot be seen but the file works with an SDK: SPEC §1, assume OpenAI
      // unless the file constructs only Azure clients (or only imports another vendor's SDK)
      let kind: ClientKind;
      if (!importsOpenai) kind = 'compatible';
      else if (fa.constructedKinds.size === 1 && fa.constructedKinds.has('azure')) kind = 'azure';
      else kind = 'openai';
      client = { kind, constructorName: null, baseUrl: null, apiVersion: null, legacySdk: false };
    } else {
      // no SDK imported here: only a client defined in another module (see the file comment)
      const hints: string[] = [];
      if (!fa.receiverDefinedElsewhere(base, rest, hints)) continue;
      const said = hints.join(' ');
      const kind: ClientKind = VENDOR_WORDS.test(said) ? 'compatible' : AZURE_WORDS.test(said) ? 'azure' : 'unknown';
      client = { kind, constructorName: null, baseUrl: null, apiVersion: null, legacySdk: false };
      elsewhere = true;
    }
    const { args: argList, open } = callArguments(fa, args);
    if (elsewhere && !argList.some((a) => a.name === 'model')) continue;
    if (api) {
      // only the API itself is checked (OAI108): no model, no arguments
      calls.push({ endpoint: path.endpoint, method: path.segments.join('.'), helper: null, language: languageOf(lang), client, span: spanOf(call), calleeSpan: spanOf(callee), argsSpan: spanOf(args), model: null, args: [], argsOpen: false, messages: null, instructions: null });
      continue;
    }
    const modelNames = path.legacy ? ['model', 'engine', 'deployment_id'] : ['model'];
    let model: Argument | null = null;
    for (const n of modelNames) {
      model = argList.find((a) => a.name === n) ?? null;
      if (model) break;
    }
    const byName = (n: string) => argList.find((a) => a.name === n)?.value;
    const messages = path.endpoint === 'chat.completions' ? messagesOf(byName('messages')) : path.endpoint === 'responses' ? messagesOf(byName('input')) : null;
    const filePath = path.endpoint === 'audio.transcriptions' || path.endpoint === 'audio.translations' ? uploadedFile(tree, fa.resolver, byName('file'), fa.modules) : null;
    calls.push({
      endpoint: path.endpoint,
      method: path.segments.join('.'),
      helper: path.helper,
      language: languageOf(lang),
      client,
      span: spanOf(call),
      calleeSpan: spanOf(callee),
      argsSpan: spanOf(args),
      model,
      args: argList,
      argsOpen: open,
      messages,
      instructions: path.endpoint === 'responses' ? byName('instructions') ?? null : null,
      ...(filePath ? { filePath } : {}),
    });
  }
  const viaFrameworks = frameworkCalls({ family: fa.family, resolver: fa.resolver, words: fa.words, imports: fa.imports(), constructed: (n) => fa.constructed(n), callArguments: (n) => callArguments(fa, n) }, tree, lang);
  return { calls: viaFrameworks.length ? inSourceOrder(calls, viaFrameworks) : calls, words: fa.words };
}

/** The SDK calls with the framework calls put in among them by where they start. */
function inSourceOrder(calls: ApiCall[], more: ApiCall[]): ApiCall[] {
  const out: ApiCall[] = [];
  let j = 0;
  for (const c of calls) {
    while (j < more.length && more[j]!.span.start < c.span.start) out.push(more[j++]!);
    out.push(c);
  }
  return out.concat(more.slice(j));
}
