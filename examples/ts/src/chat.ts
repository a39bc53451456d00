import { openai } from "./client";

export interface Turn {
  role: "user" | "assistant";
  content: string;
}

/** Streams a reply to the customer widget. */
export async function replyToCustomer(history: Turn[]): Promise<string> {
  const completion = await openai.chat.completions.create({
    model: "o1",
    messages: [{ role: "developer", content: "Answer as Ada, the support assistant." }, ...history],
    temperature: 0.7,
    max_tokens: 1000,
  });
  return completion.choices[0].message.content ?? "";
}

/** Spanish-speaking customers get a translated canned answer first. */
export async function translateGreeting(): Promise<string> {
  const completion = await openai.chat.completions.create({
    model: "o1-2024-12-17",
    messages: [{ role: "user", content: "Traduce: ¿Dónde está mi pedido? 📦" }], presence_penalty: 0.5,
  });
  return completion.choices[0].message.content ?? "";
}

/** Old code path kept for the enterprise tenant's long contracts. */
export async function reviewContract(contract: string): Promise<string> {
  const completion = await openai.chat.completions.create({
    model: "gpt-4-32k",
    messages: [{ role: "user", content: `Flag unusual clauses:\n${contract}` }],
  });
  return completion.choices[0].message.content ?? "";
}
