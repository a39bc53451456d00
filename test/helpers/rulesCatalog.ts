/**
 * The rules' fixture catalog (test/fixtures/rules/catalog.json): small, stable facts for
 * exact-message table tests, independent of the built-in catalog's evolving data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Catalog } from '../../server/src/catalog/catalog';
import { Settings } from '../../server/src/config/schema';
import type { SettingsInput } from '../../server/src/config/schema';
import type { CatalogLike } from '../../server/src/rules/catalogApi';
import type { RunContext } from '../../server/src/rules/run';

const root = join(__dirname, '..', '..', '..');

let shared: CatalogLike | undefined;

/** The product's own Catalog class over the fixture file (real lookup, suggestions, lifecycle). */
export function fixtureCatalog(): CatalogLike {
  return (shared ??= Catalog.fromFiles([JSON.parse(readFileSync(join(root, 'test/fixtures/rules/catalog.json'), 'utf8'))], ['test/fixtures/rules/catalog.json']));
}

export function fixtureContext(settings: SettingsInput = {}, asOf = '2024-12-17', tokens: 'sync' | 'if-loaded' = 'sync'): RunContext {
  return { catalog: fixtureCatalog(), settings: Settings.parse(settings), asOf, tokens };
}
