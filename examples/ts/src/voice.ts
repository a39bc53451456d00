import { createReadStream } from "node:fs";
import OpenAI from "openai";

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

/** Transcribes a voicemail left on the support line. */
export async function transcribeVoicemail(path: string): Promise<string> {
  const transcription = await openai.audio.transcriptions.create({
    model: "whisper-1",
    file: createReadStream(path),
  });
  return transcription.text;
}

/** Reads the answer back to the caller. */
export async function speakAnswer(text: string): Promise<ArrayBuffer> {
  const speech = await openai.audio.speech.create({
    model: "whisper-1",
    voice: "alloy",
    input: text,
  });
  return speech.arrayBuffer();
}
