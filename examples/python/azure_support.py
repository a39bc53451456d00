"""The same assistant on Azure OpenAI, where `model=` names a deployment (see ../.openai-model-lint.json)."""
import os

from openai import AzureOpenAI

azure = AzureOpenAI(
    azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
    api_key="cf4bb043bf9d7ea80f8b49cceb79c33b",
    api_version="2024-06-01",
)


def answer(question: str) -> str:
    response = azure.chat.completions.create(
        model="chat-prod",
        messages=[{"role": "user", "content": question}],
    )
    return response.choices[0].message.content


def plan_refund(case_notes: str) -> str:
    response = azure.chat.completions.create(
        model="reasoning",
        messages=[{"role": "user", "content": f"Decide whether this refund is within policy:\n{case_notes}"}],
        max_completion_tokens=4000,
    )
    return response.choices[0].message.content


def read_receipt(image_url: str) -> str:
    response = azure.chat.completions.create(
        model="vision-uk",
        messages=[
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": "Read the total and the date from this receipt."},
                    {"type": "image_url", "image_url": {"url": image_url}},
                ],
            }
        ],
    )
    return response.choices[0].message.content


def route_ticket(ticket_text: str) -> str:
    response = azure.chat.completions.create(
        model="support-router",
        messages=[{"role": "user", "content": ticket_text}],
    )
    return response.choices[0].message.content


def embed_articles(articles: list[str]) -> list[list[float]]:
    result = azure.embeddings.create(model="embeddings", input=articles)
    return [item.embedding for item in result.data]
