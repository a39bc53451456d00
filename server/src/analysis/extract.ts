/**
 * Finds the OpenAI SDK calls in a tree and turns each into the neutral ApiCall model.
 *
 * A call is taken only when (1) its callee ends in a method path of the SDK
 * (`chat.completions.create`, `images.generate`, `ChatCompletion.create`, ...) and (2) the
 * file imports the openai package, or the client was built by another vendor's
 * OpenAI-compatible SDK that the file imports. So `Model.objects.create(...)`,
 * `stripe.Customer.create(...)` or `self.foo.chat.create(...)` are never calls.
 */
import type { Node, QueryMatch, Tree } from '@vscode/tree-sitter-wasm';
import type { Endpoint } from '../catalog/schema';
import { callQuery } from '../parse/parser';
import type { LanguageName } from '../parse/parser';
import type { ApiCall, Argument, ClientInfo, ClientKind, ContentPart, Message, ValueNode } from './apiCall';
import { uploadedFile } from './filePaths';
import { entry, Resolver, setEntry, spanOf } from './values';
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
const VENDOR_WORDS = /groq|together|fireworks|mistral|anthropic|cerebras|ollama|cohere|openrouter|deepseek/i;

/**
 * Cheap prefilter, no parse: false only when the text cannot contain a recognised call
 * (every one needs an `openai` import or a compatible vendor SDK and an SDK method path).
 */
export function mightContainCall(text: string): boolean {
  if (/openai/i.test(text)) return true;
  return /completions|embeddings|images|audio|moderations|responses/.test(text) && VENDOR_WORDS.test(text);
}

function capture(m: QueryMatch, name: string): Node | null {
  for (const c of m.captures) if (c.name === name) return c.node;
  return null;
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
}

class FileAnalysis {
  readonly family: Family;
  readonly resolver: Resolver;
  readonly candidates: Candidate[] = [];
  readonly modules: string[] = [];
  /** names bound to the openai module (`import openai`, `import openai as oa`) */
  readonly openaiModuleNames = new Set<string>();
  private readonly attributeValues: Node[] = [];
  /** local alias → imported name (`from openai import AzureOpenAI as Az`) */
  private readonly renamed = new Map<string, string>();
  private kinds: Set<ClientKind> | null = null;

  constructor(
    tree: Tree,
    readonly text: string,
    readonly lang: LanguageName,
  ) {
    this.family = lang === 'python' ? 'python' : 'ecma';
    this.resolver = new Resolver(this.family, text);
    for (const m of callQuery(lang).matches(tree.rootNode)) {
      const call = capture(m, 'call');
      if (call) {
        const callee = capture(m, 'callee');
        const args = capture(m, 'args');
        if (callee && args) this.candidates.push({ call, callee, args });
        continue;
      }
      const mod = capture(m, 'import.module');
      if (mod) {
        this.modules.push(mod.text);
        if (this.family === 'python' && mod.text === 'openai' && mod.parent?.type !== 'import_from_statement') {
          this.openaiModuleNames.add(capture(m, 'import.alias')?.text ?? 'openai');
        }
        continue;
      }
      const renamed = capture(m, 'rename.alias');
      if (renamed) {
        const original = capture(m, 'rename.name');
        if (original) this.renamed.set(renamed.text, original.text);
        continue;
      }
      const name = capture(m, 'def.name');
      if (name) {
        this.resolver.addBinding(name, true);
        continue;
      }
      const other = capture(m, 'def.other');
      if (other) {
        this.resolver.addBinding(other, false);
        continue;
      }
      const pattern = capture(m, 'def.pattern');
      if (pattern) {
        this.resolver.addPattern(pattern);
        continue;
      }
      const assigned = capture(m, 'def.assigned');
      if (assigned) {
        this.resolver.addReassigned(assigned.text);
        continue;
      }
      const obj = capture(m, 'attr.object');
      const attr = capture(m, 'attr.name');
      const value = capture(m, 'attr.value');
      if (obj && attr && value) {
        this.resolver.addAttribute(obj, attr, value);
        this.attributeValues.push(value);
      }
    }
  }

  /** Kinds of the clients constructed (and bound to a name) anywhere in the file; computed on demand. */
  get constructedKinds(): Set<ClientKind> {
    if (!this.kinds) {
      this.kinds = new Set();
      for (const v of [...this.resolver.assignedValues(), ...this.attributeValues]) {
        if (v.type !== 'call' && v.type !== 'new_expression' && v.type !== 'await' && v.type !== 'await_expression') continue;
        const origin = this.constructed(v);
        if (origin) this.kinds.add(origin.kind);
      }
    }
    return this.kinds;
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
    while (n && (n.type === 'await' || n.type === 'await_expression' || n.type === 'parenthesized_expression' || n.type === 'as_expression')) n = n.namedChildren[0] ?? null;
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
    const baseUrl = base && base.value.kind === 'string' ? base.value.value : null;
    if (kind === 'openai' && baseUrl !== null && !/^https?:\/\/api\.openai\.com(\/|$)/i.test(baseUrl)) kind = 'compatible';
    const apiVersion = kind === 'azure' ? opt('api_version', 'apiVersion') : null;
    return { kind, constructorName: name, baseUrl, apiVersion };
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
    let n: Node | null = base;
    while (n && (n.type === 'await' || n.type === 'await_expression' || n.type === 'parenthesized_expression' || n.type === 'non_null_expression')) n = n.namedChildren[0] ?? null;
    if (!n) return null;
    if (rest.length === 0) {
      if (n.type === 'identifier') {
        if (this.family === 'python' && this.openaiModuleNames.has(n.text) && !this.resolver.lookup(n.text, n)) return 'module';
        const def = this.resolver.lookup(n.text, n);
        return def ? this.constructed(def) : null;
      }
      return this.constructed(n);
    }
    if (rest.length === 1 && (n.type === 'identifier' || n.type === 'this') && ['self', 'cls', 'this'].includes(n.text)) {
      for (const v of this.resolver.attributes.get(`${n.text}.${rest[0]}`) ?? []) {
        const origin = this.constructed(v);
        if (origin) return origin;
      }
    }
    return null;
  }

  /** `openai.api_type = "azure"` (SDK < 1.0 Azure configuration) */
  legacyAzure(): { azure: boolean; apiVersion: ValueNode | null } {
    let azure = false;
    let apiVersion: ValueNode | null = null;
    for (const mod of this.openaiModuleNames) {
      const type = this.resolver.attributes.get(`${mod}.api_type`)?.[0];
      if (type) {
        const v = this.resolver.resolve(type);
        if (v.value.kind === 'string' && /^azure/i.test(v.value.value)) azure = true;
      }
      const version = this.resolver.attributes.get(`${mod}.api_version`)?.[0];
      if (version) apiVersion = this.resolver.resolve(version);
    }
    return { azure, apiVersion };
  }
}

/** Flattens `a.b.with_options(x).c.d` into base `a` and names [b, c, d] (wrappers kept). */
function flattenCallee(callee: Node): { base: Node; names: string[] } {
  const names: string[] = [];
  let n: Node = callee;
  for (;;) {
    if (n.type === 'attribute' || n.type === 'member_expression') {
      const prop = n.childForFieldName(n.type === 'attribute' ? 'attribute' : 'property');
      const obj = n.childForFieldName('object');
      if (!prop || !obj) break;
      names.push(prop.text);
      n = obj;
    } else if (n.type === 'call' || n.type === 'call_expression') {
      // only wrapper calls (`with_options(...)`) are looked through
      const fn = n.childForFieldName('function');
      const last = fn && (fn.type === 'attribute' || fn.type === 'member_expression') ? fn.childForFieldName(fn.type === 'attribute' ? 'attribute' : 'property') : null;
      if (!fn || !last || !WRAPPERS.has(last.text)) break;
      n = fn;
    } else if (n.type === 'parenthesized_expression' || n.type === 'non_null_expression') {
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

/** Every OpenAI SDK call in the tree, in source order. */
export function extractCalls(tree: Tree, text: string, lang: LanguageName): ApiCall[] {
  const fa = new FileAnalysis(tree, text, lang);
  const importsOpenai = fa.importsOpenai;
  const importsCompatible = fa.importsCompatible;
  if (!importsOpenai && !importsCompatible) return [];
  const calls: ApiCall[] = [];
  let legacy: ReturnType<FileAnalysis['legacyAzure']> | null = null;
  for (const { call, callee, args } of fa.candidates) {
    const { base, names } = flattenCallee(callee);
    const match = matchPath(names);
    if (!match) continue;
    const { path, rest } = match;
    const origin = fa.receiverOrigin(base, rest);
    let client: ClientInfo;
    if (path.legacy) {
      if (origin !== 'module' || fa.family !== 'python') continue;
      legacy ??= fa.legacyAzure();
      client = { kind: legacy.azure ? 'azure' : 'openai', constructorName: 'openai module', baseUrl: null, apiVersion: legacy.azure ? legacy.apiVersion : null, legacySdk: true };
    } else if (origin === 'module') {
      client = { kind: 'openai', constructorName: 'openai module', baseUrl: null, apiVersion: null, legacySdk: false };
    } else if (origin) {
      if (origin.kind === 'compatible' ? !importsOpenai && !importsCompatible : !importsOpenai) continue;
      client = { kind: origin.kind, constructorName: origin.constructorName, baseUrl: origin.baseUrl, apiVersion: origin.apiVersion, legacySdk: false };
    } else {
      let kind: ClientKind;
      if (!importsOpenai) kind = 'compatible';
      else if (fa.constructedKinds.size === 1 && fa.constructedKinds.has('azure')) kind = 'azure';
      else kind = 'openai';
      client = { kind, constructorName: null, baseUrl: null, apiVersion: null, legacySdk: false };
    }
    const { args: argList, open } = callArguments(fa, args);
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
      language: lang === 'python' ? 'python' : lang === 'javascript' ? 'javascript' : 'typescript',
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
  return calls;
}
