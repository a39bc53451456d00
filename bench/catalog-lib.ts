/**
 * What the catalog benchmark loads in a fresh process: the catalog module with its data
 * and zod (bundled the way the server and CLI bundle them). Kept apart from bench/catalog.ts
 * so that its load is what gets timed; bench/zod-lib.ts and bench/catalog-data.ts load the
 * two big parts alone to split the figure.
 */
export { Catalog } from '../server/src/catalog/catalog';
