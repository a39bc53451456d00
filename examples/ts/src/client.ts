import OpenAI from "openai";

/** One client for the whole web app; the key comes from the environment. */
export const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
