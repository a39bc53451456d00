// The in-app assistant on the Vercel AI SDK: streams answers, embeds articles for search.
import { createOpenAI, openai } from "@ai-sdk/openai";
import { embed, streamText } from "ai";

// Self-hosted model for drafts: another vendor's namespace, not this catalog's.
const local = createOpenAI({ baseURL: "http://localhost:11434/v1" });

export function answer(question: string) {
  return streamText({ model: openai("gpt-4-turbo-preview"), prompt: question });
}

export function draft(question: string) {
  return streamText({ model: local("llama3.1:8b"), prompt: question });
}

export async function embedArticle(text: string) {
  // a chat model handed to the embedding factory
  const { embedding } = await embed({ model: openai.embedding("gpt-4o-mini"), value: text });
  return embedding;
}

export function classify(ticket: string) {
  return streamText({ model: "openai/gpt-4-32k", prompt: `Classify: ${ticket}` });
}
