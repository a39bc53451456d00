/**
 * Where the files copied next to the server bundle live (tree-sitter grammars in `wasm/`,
 * tokenizer ranks in `ranks/`). The bundles sit in server/out (and dist in the VSIX layout);
 * test bundles sit in test/out/**, so look beside this file first, then up for server/out.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | undefined;

export function assetDir(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'wasm', 'tree-sitter.wasm'))) return (cached = dir);
    const candidate = join(dir, 'server', 'out');
    if (existsSync(join(candidate, 'wasm', 'tree-sitter.wasm'))) return (cached = candidate);
    dir = dirname(dir);
  }
  throw new Error(`openai-model-lint: grammar files not found near ${__dirname}; run the build (npm run build)`);
}

export function assetPath(...parts: string[]): string {
  return join(assetDir(), ...parts);
}
