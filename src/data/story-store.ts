import { type GoodFiles, buildCatalog } from "../core/build-catalog.js";
import { type DataProblem, formatProblem } from "../core/errors.js";
import type { Catalog } from "../core/story.js";
import type { Logger } from "../logger.js";
import { dataFingerprint, readSnapshot, writeSnapshot } from "./catalog-snapshot.js";
import { goodFilesFromCatalog } from "./good-files-from-catalog.js";
import { prepareIndexes } from "./prepare-indexes.js";
import { readDataFiles } from "./read-data-files.js";

/** Holds the story data the commands read, and swaps in new data without losing the last good version. */
export interface StoryStore {
  catalog(): Catalog;
  /** Problems found by the latest load: each names the file, the field and what was expected. */
  problems(): readonly DataProblem[];
  reload(): Promise<readonly DataProblem[]>;
  /** Settles when the latest load has been saved for the next start (at once when there is nothing to save). */
  saved?(): Promise<void>;
}

export class NoStoryError extends Error {
  override name = "NoStoryError";
}

export interface StoreOptions {
  /** Where the loaded, indexed data is kept between runs; unset, nothing is cached. */
  cacheDir?: string;
  /** Save a snapshot only from this many quotes on (small data loads in moments). */
  snapshotFromQuotes?: number;
}

export const DEFAULT_CACHE_DIR = ".cache/storyline";

const SNAPSHOT_FROM_QUOTES = 20_000;

export async function openStoryStore(dataDir: string, log: Logger, options: StoreOptions = { cacheDir: DEFAULT_CACHE_DIR }): Promise<StoryStore> {
  let catalog: Catalog = { stories: [] };
  let good: GoodFiles | undefined = new Map();
  let problems: DataProblem[] = [];
  let saving: Promise<void> = Promise.resolve();
  const cacheDir = options.cacheDir;

  const count = (from: Catalog, key: "articles" | "quotes" | "conditions" | "status") => from.stories.reduce((n, s) => n + s[key].length, 0);
  const reportProblems = () => {
    for (const problem of problems) log.warn({ file: problem.file, path: problem.path }, `Skipped data: ${formatProblem(problem)}`);
  };
  const loaded = (from: string) =>
    log.info(
      { stories: catalog.stories.length, articles: count(catalog, "articles"), quotes: count(catalog, "quotes"), skipped: problems.length, from },
      "Story data loaded",
    );

  /**
   * Reads and validates every file. Large data is not kept twice, as parsed files and as the
   * catalog: when a reload needs the last good files (also after a start from a snapshot),
   * they are rebuilt from the catalog. The file texts are garbage as soon as this returns.
   */
  const buildFromFiles = async () => {
    const files = await readDataFiles(dataDir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") throw new NoStoryError(`No story data: ${dataDir}/stories does not exist. Set DATA_DIR to the folder that holds stories/.`);
      throw error;
    });
    const result = buildCatalog(files, good ?? goodFilesFromCatalog(catalog, dataDir));
    const large = count(result.catalog, "quotes") >= (options.snapshotFromQuotes ?? SNAPSHOT_FROM_QUOTES);
    return { catalog: result.catalog, problems: result.problems, good: large ? undefined : result.good };
  };

  const load = async () => {
    // Taken before reading, so data that changes while it is read never matches this fingerprint later.
    const fingerprint = cacheDir ? await dataFingerprint(dataDir).catch(() => undefined) : undefined;
    const result = await buildFromFiles();
    problems = result.problems;
    reportProblems();
    if (result.catalog.stories.length === 0) {
      if (catalog.stories.length > 0) {
        log.error("No valid story after reload; still serving the last good data");
        return problems;
      }
      throw new NoStoryError(`No valid story in ${dataDir}/stories${problems.length ? ` (${problems.length} problem(s) above)` : ""}.`);
    }
    // Indexed before it is served, so no command waits on (or stalls for) a large index build.
    const indexes = await prepareIndexes(result.catalog, log);
    catalog = result.catalog;
    good = result.good;
    loaded("files");
    if (cacheDir && fingerprint && result.good === undefined) {
      const snapshot = { fingerprint, catalog, problems, indexes };
      saving = saving
        .then(() => writeSnapshot(cacheDir, dataDir, snapshot))
        .catch((error: Error) => log.warn({ err: error }, "Could not save the data snapshot; the next start will read every file"));
    }
    return problems;
  };

  const fromSnapshot = async () => {
    if (!cacheDir) return false;
    const snapshot = await readSnapshot(cacheDir, dataDir, dataFingerprint(dataDir).catch(() => undefined));
    if (!snapshot || snapshot.catalog.stories.length === 0) return false;
    await prepareIndexes(snapshot.catalog, log, snapshot.indexes);
    catalog = snapshot.catalog;
    problems = snapshot.problems;
    reportProblems();
    // The parsed files are not in the snapshot; a reload rebuilds them from the catalog if it needs them.
    good = undefined;
    loaded("snapshot");
    return true;
  };

  if (!(await fromSnapshot())) await load();
  return { catalog: () => catalog, problems: () => problems, reload: load, saved: () => saving };
}
