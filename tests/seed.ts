import { buildCatalog } from "../src/core/build-catalog.js";
import { readDataFiles } from "../src/data/read-data-files.js";
import type { Catalog } from "../src/core/story.js";

/** The real seed story in data/, as the bot serves it. */
export async function loadSeed(): Promise<Catalog> {
  const result = buildCatalog(await readDataFiles("data"));
  if (result.problems.length > 0) throw new Error(`seed data is invalid: ${JSON.stringify(result.problems)}`);
  return result.catalog;
}
