/**
 * The expected token count of a chat request, computed here independently of the product:
 * js-tiktoken with o200k_base (the encoding of the o1 and gpt-4o families) and OpenAI's
 * documented chat overhead (3 tokens per message plus the encoded role and content, and 3
 * to prime the reply).
 */
import { Tiktoken } from 'js-tiktoken/lite';
import o200k_base from 'js-tiktoken/ranks/o200k_base';

let o200k: Tiktoken | undefined;

export function expectedChatTokensO200k(messages: Array<{ role: string; content: string }>): number {
  o200k ??= new Tiktoken(o200k_base);
  let total = 3;
  for (const m of messages) total += 3 + o200k.encode(m.role).length + o200k.encode(m.content).length;
  return total;
}
