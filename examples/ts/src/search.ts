import { openai } from "./client";

/** Embeds help-center articles for semantic search (256-dimension index). */
export async function embedArticles(articles: string[]): Promise<number[][]> {
  const result = await openai.embeddings.create({
    model: "text-embedding-ada-002",
    input: articles,
    dimensions: 256,
  });
  return result.data.map((d) => d.embedding);
}
