"""Answers help-center questions with LangChain: retrieval over the articles, a chat model to write."""
import os

from langchain.chat_models import init_chat_model
from langchain_anthropic import ChatAnthropic
from langchain_openai import AzureChatOpenAI, ChatOpenAI, OpenAIEmbeddings

# Written when the project started; OpenAI has since retired this snapshot.
writer = ChatOpenAI(model="gpt-3.5-turbo-0613", temperature=0.2)

# `dimensions` goes to the embeddings endpoint as written: ada-002 rejects it.
embeddings = OpenAIEmbeddings(model="text-embedding-ada-002", dimensions=512)

# The EU deployment: its api_version predates the o1 series.
reviewer = AzureChatOpenAI(azure_deployment="reasoning", api_version="2024-06-01")

# A fallback for long answers, picked by provider prefix.
fallback = init_chat_model("openai:gpt-4-32k", temperature=0)

# Another provider's model: not this catalog's to judge.
summarizer = ChatAnthropic(model="claude-3-5-sonnet-latest")

# Chosen per environment at run time: nothing to check here.
experimental = ChatOpenAI(model=os.environ["EXPERIMENT_MODEL"])
