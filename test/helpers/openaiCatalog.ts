/** The built-in OpenAI catalog file (openai.json), validated once, with lookup by ID, for the catalog-data tests. */
import assert from 'node:assert/strict';
import { CatalogFile, type ModelEntry } from '../../server/src/catalog/schema';
import openaiJson from '../../server/src/catalog/data/openai.json';

export const openaiCatalog = CatalogFile.parse(openaiJson);
export const openaiById = new Map<string, ModelEntry>(openaiCatalog.models.map((m) => [m.id, m]));

export function openaiEntry(id: string): ModelEntry {
  const e = openaiById.get(id);
  assert.ok(e, `catalog has no entry for ${id}`);
  return e;
}
