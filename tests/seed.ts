import { buildCatalog } from "../src/core/build-catalog.js";
import { readDataFiles } from "../src/data/read-data-files.js";
import type { Catalog } from "../src/core/story.js";

/**
 * A copy of the seed story as it was when these tests were written: the tests count its
 * quotes and quote its text, so they read this fixture, never the live data/ folder that
 * ingesting a new article changes.
 */
export const SEED_DIR = "tests/fixtures/seed-data";

/** The seed story, as the bot serves it. */
export async function loadSeed(): Promise<Catalog> {
  const result = buildCatalog(await readDataFiles(SEED_DIR));
  if (result.problems.length > 0) throw new Error(`seed data is invalid: ${JSON.stringify(result.problems)}`);
  return result.catalog;
}
