/**
 * OAI303 on audio uploads: the size of the local file a transcription / translation call
 * opens, against the model's `limits.maxFileBytes`. The file is looked up through the
 * context (`ctx.fileSize`), never read; no finding without a document path, a size
 * lookup, a known path or an existing regular file.
 */
import { isAbsolute, resolve } from 'node:path';
import type { ApiCall } from '../analysis/apiCall';
import type { DocumentLocation, FileSizeLookup } from '../fileSize';
import type { RuleContext, RuleFinding } from './define';
import { fmt, modelLabel } from './util';
import type { Resolved } from './util';

const MIB = 1024 * 1024;

/**
 * Where a path written in code may point: as written when absolute; else relative to the
 * document's directory, then to each root (the directory the program is likely run from).
 */
export function candidatePaths(written: string, doc: DocumentLocation): string[] {
  if (isAbsolute(written)) return [written];
  const out: string[] = [];
  for (const dir of [resolve(doc.path, '..'), ...doc.roots]) {
    const p = resolve(dir, written);
    if (!out.includes(p)) out.push(p);
  }
  return out;
}

/** The size of the first candidate that exists. */
function sizeOf(written: string, doc: DocumentLocation, fileSize: FileSizeLookup): number | undefined {
  for (const p of candidatePaths(written, doc)) {
    const size = fileSize(p);
    if (size !== undefined) return size;
  }
  return undefined;
}

/** Megabytes as the seeds write them (1 MB = 1,048,576 bytes): "31.2 MB", "25 MB". */
function megabytes(bytes: number): string {
  return `${(bytes / MIB).toFixed(1).replace(/\.0$/, '')} MB`;
}

export function audioFileFindings(call: ApiCall, ctx: RuleContext, t: Resolved): RuleFinding[] {
  const max = t.entry.limits.maxFileBytes;
  const file = call.filePath;
  if (!max || !file || !ctx.document || !ctx.fileSize) return [];
  const size = sizeOf(file.value, ctx.document, ctx.fileSize);
  if (size === undefined || size <= max) return [];
  // a file just over the limit would read "25 MB; … up to 25 MB": say it in bytes then
  const sizeText = megabytes(size) === megabytes(max) ? `${fmt(size)} bytes` : megabytes(size);
  const maxText = megabytes(size) === megabytes(max) ? `${megabytes(max)} (${fmt(max)} bytes)` : megabytes(max);
  return [{ span: file.span, message: `${file.value} is ${sizeText}; ${modelLabel(t)} accepts files up to ${maxText}: split or compress the audio`, fix: null }];
}
