"""Support desk assistant: triages tickets, drafts replies and illustrates help articles."""
from pydantic import BaseModel

from openai import OpenAI

# A key pasted in while debugging (fake): it belongs in OPENAI_API_KEY.
client = OpenAI(api_key="sk-proj-QJIqfwj1nufv7M4dhJUYFRR2xBfsltaLEoH2tHiNeMgjusqb")

TRIAGE_MODEL = "gpt4o"

ARTICLE_ILLUSTRATION = """A friendly flat-style illustration for a help-center article about resetting a
password: a person sitting at a desk with a laptop, a large padlock icon floating above the screen
turning from red to green, a sticky note with a checkmark on the monitor, a cup of coffee steaming
next to the keyboard, soft pastel background in blue and teal, clean vector lines, no text anywhere
in the image, generous whitespace around the subject so the picture can be cropped to a banner, a
small potted plant on the left edge of the desk, a window behind the desk showing a calm city skyline
at dusk, warm light from a desk lamp, the person smiling with relief, wearing a yellow sweater, hair
tied back, the laptop showing an abstract login form with three dots in the password field, subtle
shadows under every object, the overall mood calm and reassuring, suitable for a banking customer audience,
with a second smaller panel on the right showing the same person closing the laptop and walking away happily,
and a small envelope icon in the corner to hint that a confirmation email has arrived."""


class Ticket(BaseModel):
    category: str
    priority: int


def triage(ticket_text: str) -> str:
    response = client.chat.completions.create(
        model=TRIAGE_MODEL,
        messages=[
            {"role": "system", "content": "Classify the ticket as billing, bug or question."},
            {"role": "user", "content": ticket_text},
        ],
        temperature=0,
    )
    return response.choices[0].message.content


def draft_reply(ticket_text: str, history: str) -> str:
    response = client.chat.completions.create(
        model="o1-mini",
        messages=[
            {"role": "system", "content": "You are a patient support agent. Answer in the customer's language."},
            {"role": "user", "content": f"Conversation so far:\n{history}\n\nNew message:\n{ticket_text}"},
        ],
        temperature=0.3,
        max_tokens=2000,
    )
    return response.choices[0].message.content


def extract_ticket(ticket_text: str) -> Ticket:
    completion = client.beta.chat.completions.parse(
        model="gpt-4-turbo",
        messages=[{"role": "user", "content": ticket_text}],
        response_format=Ticket,
    )
    return completion.choices[0].message.parsed


def describe_screenshot(url: str) -> str:
    response = client.chat.completions.create(
        model="gpt-3.5-turbo",
        messages=[
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": "What error does this screenshot show?"},
                    {"type": "image_url", "image_url": {"url": url}},
                ],
            }
        ],
    )
    return response.choices[0].message.content


def summarize_thread(thread: str) -> str:
    response = client.chat.completions.create(
        model="gpt-4",
        max_tokens=8192,
        messages=[
            {
                "role": "system",
                "content": "Summarize the support thread below for the next agent on shift. Keep the customer's "
                "account number, the products involved, every step already tried and its outcome, and what "
                "the customer is waiting for. Write short bullet points, most recent first, and flag anything "
                "that sounds like a legal or data-protection request so it can be escalated the same day.",
            },
            {"role": "user", "content": thread},
        ],
    )
    return response.choices[0].message.content


def long_report(ticket_ids: list[str]) -> str:
    response = client.chat.completions.create(
        model="gpt-4o-2024-08-06",
        max_tokens=100000,
        messages=[{"role": "user", "content": "Write the weekly report for tickets " + ", ".join(ticket_ids)}],
    )
    return response.choices[0].message.content


def weekly_digest(summaries: str) -> str:
    response = client.chat.completions.create(
        model="gpt-4-turbo-preview",
        messages=[{"role": "user", "content": summaries}],
    )  # noqa: OAI201
    return response.choices[0].message.content


def autocomplete(prefix: str) -> str:
    completion = client.completions.create(model="text-davinci-003", prompt=prefix, max_tokens=64)
    return completion.choices[0].text


def suggest_subject(body: str) -> str:
    completion = client.completions.create(model="gpt-4o-mini", prompt=f"Subject line for: {body}")
    return completion.choices[0].text


def illustrate_article() -> str:
    image = client.images.generate(model="dall-e-2", prompt=ARTICLE_ILLUSTRATION, size="1024x1024")
    return image.data[0].url


def quick_answer(question: str) -> str:
    response = client.chat.completions.create(
        model="gpt-4o",
        messages=[{"role": "user", "content": question}],
    )
    return response.choices[0].message.content
