/**
 * The neutral model of one API call that rules see. Produced from tree-sitter trees by
 * server/src/parse; no rule touches tree-sitter nodes.
 *
 * Positions are UTF-16 code-unit offsets into the analysed text (what web-tree-sitter and
 * LSP use); `Span.end` is exclusive.
 */
import type { Endpoint } from '../catalog/schema';

export interface Span {
  start: number;
  end: number;
}

/** A resolved value. `unknown` never produces a finding that depends on it. */
export type Value =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'array'; items: ValueNode[] }
  | { kind: 'object'; entries: Argument[]; /** true when a spread/unknown key may add more */ open: boolean }
  | { kind: 'unknown' };

export interface ValueNode {
  value: Value;
  /** where the value is written (the literal itself, possibly far from the call) */
  span: Span;
  /**
   * For strings: the span of the text inside the quotes, where a replacement edit goes.
   * Absent for non-literals.
   */
  innerSpan?: Span;
}

export interface Argument {
  name: string;
  /** the keyword / property key as written (for removal and rename edits) */
  nameSpan: Span;
  /** the whole `name=value` / `name: value` element, for removal edits */
  span: Span;
  value: ValueNode;
  /** true when the argument comes from a `**spread` / `...spread` literal defined elsewhere */
  fromSpread: boolean;
}

/**
 * `unknown`: a client defined in another module (imported, or from an earlier notebook cell)
 * in a file that imports no SDK; checked as an OpenAI client, but its base URL and
 * api_version cannot be seen (see analysis/extract.ts).
 */
export type ClientKind = 'openai' | 'azure' | 'compatible' | 'unknown';

export interface ClientInfo {
  kind: ClientKind;
  /** how the client was constructed, e.g. "OpenAI", "AsyncAzureOpenAI", "Groq", "openai module" */
  constructorName: string | null;
  /** base_url / baseURL when resolved */
  baseUrl: string | null;
  /** Azure api_version / apiVersion and where it is written */
  apiVersion: ValueNode | null;
  /** Python SDK < 1.0 style (`openai.ChatCompletion.create`) */
  legacySdk: boolean;
  /**
   * Azure: the deployment the client is built for (`AzureOpenAI(azure_deployment="prod")`, JS
   * `deployment:`), where every call on it goes whatever its `model=`; absent when not given
   */
  deployment?: ValueNode;
}

export interface ContentPart {
  /** "text", "image_url", "input_image", "input_audio", "file", ... */
  type: string;
  span: Span;
  text?: ValueNode;
  /** image parts: detail and size when known */
  imageDetail?: 'low' | 'high' | 'auto';
  imageSize?: { width: number; height: number };
}

export interface Message {
  span: Span;
  role: ValueNode | null;
  /** plain-string content, or the parts of a content array */
  content: ValueNode | null;
  parts: ContentPart[] | null;
  name: ValueNode | null;
}

/** A local file an upload argument opens (`open("clips/a.mp3", "rb")`), its path known. */
export interface FilePath {
  /** the path as written; a relative path is relative to wherever the program runs */
  value: string;
  /** the path argument of the opening call as written: the string literal, or the constant's name */
  span: Span;
}

/** The framework that makes a request for the code (analysis/frameworks.ts). */
export interface Via {
  /** "LangChain", "Vercel AI SDK", ... */
  framework: string;
  /** false when the framework picks the endpoint by model or by its version: OAI104 does not judge the call */
  endpointFixed: boolean;
  /** the framework infers the provider from the model name (LiteLLM's bare IDs) or uses a client the file cannot see: an ID the catalog does not know is not OpenAI's */
  knownModelsOnly: boolean;
}

export interface ApiCall {
  endpoint: Endpoint;
  /** the method path as written, e.g. "chat.completions.create", "beta.chat.completions.parse" */
  method: string;
  /** `.parse` / `.stream` helpers that imply structured outputs or streaming */
  helper: 'parse' | 'stream' | null;
  language: 'python' | 'javascript' | 'typescript';
  client: ClientInfo;
  /** the whole call expression */
  span: Span;
  /** the callee (`client.chat.completions.create`) */
  calleeSpan: Span;
  /** the argument list, where new arguments can be inserted */
  argsSpan: Span;
  /** `model=` / `engine=` (v0 Azure) / `deployment_id=` */
  model: Argument | null;
  args: Argument[];
  /** true when arguments may come from somewhere the engine cannot see (`**kwargs` of unknown value) */
  argsOpen: boolean;
  /** chat `messages` or responses `input` as a list of messages, when resolvable */
  messages: Message[] | null;
  /** responses `instructions`, when given */
  instructions: ValueNode | null;
  /** audio transcriptions / translations: the local file `file` opens, when its path is known */
  filePath?: FilePath;
  /** a framework call (LangChain `ChatOpenAI(...)`, the AI SDK's `openai("…")`); absent or null for the raw SDK */
  via?: Via | null;
}
