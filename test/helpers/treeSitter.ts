/** Direct tree-sitter parsing for tests of tree scans that do not need the parse lane's extraction. */
import { Language, Parser } from '@vscode/tree-sitter-wasm';
import type { Tree } from '@vscode/tree-sitter-wasm';
import { assetPath } from '../../server/src/assets';

const parsers = new Map<string, Parser>();

export async function parseWith(grammar: 'python' | 'typescript' | 'javascript', text: string): Promise<Tree> {
  let p = parsers.get(grammar);
  if (!p) {
    await Parser.init({ locateFile: () => assetPath('wasm', 'tree-sitter.wasm') });
    p = new Parser();
    p.setLanguage(await Language.load(assetPath('wasm', `tree-sitter-${grammar}.wasm`)));
    parsers.set(grammar, p);
  }
  return p.parse(text)!;
}
