/** The catalog data files alone, inlined as esbuild inlines them into the server. */
import openai from '../server/src/catalog/data/openai.json';
import azure from '../server/src/catalog/data/azure.json';

export const files: unknown[] = [openai, azure];
