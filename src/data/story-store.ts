import { type GoodFiles, buildCatalog } from "../core/build-catalog.js";
import { type DataProblem, formatProblem } from "../core/errors.js";
import { readDataDir } from "../core/read-data-dir.js";
import type { Catalog } from "../core/story.js";
import type { Logger } from "../logger.js";

/** Holds the story data the commands read, and swaps in new data without losing the last good version. */
export interface StoryStore {
  catalog(): Catalog;
  /** Problems found by the latest load: each names the file, the field and what was expected. */
  problems(): readonly DataProblem[];
  reload(): Promise<readonly DataProblem[]>;
}

export class NoStoryError extends Error {
  override name = "NoStoryError";
}

export async function openStoryStore(dataDir: string, log: Logger): Promise<StoryStore> {
  let catalog: Catalog = { stories: [] };
  let good: GoodFiles = new Map();
  let problems: DataProblem[] = [];

  const load = async () => {
    const files = await readDataDir(dataDir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") throw new NoStoryError(`No story data: ${dataDir}/stories does not exist. Set DATA_DIR to the folder that holds stories/.`);
      throw error;
    });
    const result = buildCatalog(files, good);
    problems = result.problems;
    for (const problem of problems) log.warn({ file: problem.file, path: problem.path }, `Skipped data: ${formatProblem(problem)}`);
    if (result.catalog.stories.length === 0) {
      if (catalog.stories.length > 0) {
        log.error("No valid story after reload; still serving the last good data");
        return problems;
      }
      throw new NoStoryError(`No valid story in ${dataDir}/stories${problems.length ? ` (${problems.length} problem(s) above)` : ""}.`);
    }
    catalog = result.catalog;
    good = result.good;
    const count = (key: "articles" | "quotes" | "conditions" | "status") => catalog.stories.reduce((n, s) => n + s[key].length, 0);
    log.info(
      { stories: catalog.stories.length, articles: count("articles"), quotes: count("quotes"), skipped: problems.length },
      "Story data loaded",
    );
    return problems;
  };

  await load();
  return { catalog: () => catalog, problems: () => problems, reload: load };
}
