import { AzureOpenAI } from "openai";

const azure = new AzureOpenAI({
  endpoint: process.env.AZURE_OPENAI_ENDPOINT,
  apiKey: process.env.AZURE_OPENAI_API_KEY,
  apiVersion: "2024-10-21",
});

/** Routes a ticket with the deployment the ops team created last week. */
export async function routeTicket(ticket: string): Promise<string> {
  const completion = await azure.chat.completions.create({
    model: "triage-v2",
    messages: [{ role: "user", content: ticket }],
  });
  return completion.choices[0].message.content ?? "";
}

/** The production chat deployment (gpt-4o 2024-05-13, see .openai-model-lint.json). */
export async function answer(question: string): Promise<string> {
  const completion = await azure.chat.completions.create({
    model: "chat-prod",
    messages: [{ role: "user", content: question }],
    max_tokens: 800,
  });
  return completion.choices[0].message.content ?? "";
}
