import { type GoodFiles, buildCatalogSteps } from "../core/build-catalog.js";
import { type DataProblem, formatProblem } from "../core/errors.js";
import type { Catalog } from "../core/story.js";
import type { Logger } from "../logger.js";
import { applyArticleChanges } from "./apply-article-changes.js";
import { dataFingerprint, type Snapshot, writeSnapshot } from "./catalog-snapshot.js";
import { type DataFileEntry, listDataFiles } from "./data-files.js";
import { diffListings, diffPaths, listingByPath } from "./file-changes.js";
import { goodFilesFromCatalogSteps } from "./good-files-from-catalog.js";
import { indexCodeVersion } from "./index-code-version.js";
import { prepareIndexes } from "./prepare-indexes.js";
import { readEntries } from "./read-data-files.js";
import { runPaced } from "./run-paced.js";
import { settleAfterReloads } from "./settle-after-reloads.js";
import { startFromSnapshot } from "./start-from-snapshot.js";

/** Holds the story data the commands read, and swaps in new data without losing the last good version. */
export interface StoryStore {
  catalog(): Catalog;
  /** Problems found by the latest load: each names the file, the field and what was expected. */
  problems(): readonly DataProblem[];
  /** With `changed`, the paths of the only files that changed (as the watcher saw them); without, every file is listed. */
  reload(changed?: readonly string[]): Promise<readonly DataProblem[]>;
  /** Settles when the latest load has been saved for the next start (at once when there is nothing to save). */
  saved?(): Promise<void>;
  /** Stops the timer that tidies up after live reloads. */
  close?(): void;
}

export class NoStoryError extends Error {
  override name = "NoStoryError";
}

export interface StoreOptions {
  /** Where the loaded, indexed data is kept between runs; unset, nothing is cached. */
  cacheDir?: string;
  /** Save a snapshot only from this many quotes on (small data loads in moments). */
  snapshotFromQuotes?: number;
  /**
   * false: every reload reads every file and rebuilds every index (the behaviour before live
   * reloads became incremental; kept for the benchmark that compares the two).
   */
  incremental?: boolean;
  /** After live reloads, how long the data must stay unchanged before the index is rebuilt whole and saved. */
  settleAfterMs?: number;
  /** Tests only: stands for the version of the indexing code in the snapshot's key. */
  codeVersion?: string;
}

export const DEFAULT_CACHE_DIR = ".cache/storyline";

const SNAPSHOT_FROM_QUOTES = 20_000;
const SETTLE_AFTER_MS = 60_000;

const count = (from: Catalog, key: "articles" | "quotes" | "conditions" | "status") => from.stories.reduce((n, s) => n + s[key].length, 0);

/** Lists the data files; a missing stories/ folder is a NoStoryError that says what to set. */
function listStoryFiles(dataDir: string): Promise<DataFileEntry[]> {
  return listDataFiles(dataDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") throw new NoStoryError(`No story data: ${dataDir}/stories does not exist. Set DATA_DIR to the folder that holds stories/.`);
    throw error;
  });
}

export async function openStoryStore(dataDir: string, log: Logger, options: StoreOptions = { cacheDir: DEFAULT_CACHE_DIR }): Promise<StoryStore> {
  let catalog: Catalog = { stories: [] };
  let good: GoodFiles | undefined = new Map();
  let problems: DataProblem[] = [];
  /** The listing the catalog was built from. */
  let listing = new Map<string, DataFileEntry>();
  let saving: Promise<void> = Promise.resolve();
  const cacheDir = options.cacheDir;
  const codeVersion = options.codeVersion ?? indexCodeVersion();
  const snapshotFrom = options.snapshotFromQuotes ?? SNAPSHOT_FROM_QUOTES;

  const report = (list: readonly DataProblem[]) => {
    for (const problem of list) log.warn({ file: problem.file, path: problem.path }, `Skipped data: ${formatProblem(problem)}`);
  };
  const loaded = (from: string) =>
    log.info(
      { stories: catalog.stories.length, articles: count(catalog, "articles"), quotes: count(catalog, "quotes"), skipped: problems.length, from },
      "Story data loaded",
    );
  const list = () => listStoryFiles(dataDir);
  const save = (entries: readonly DataFileEntry[], indexes: Snapshot["indexes"]) => {
    if (!cacheDir || count(catalog, "quotes") < snapshotFrom) return;
    const snapshot = { fingerprint: dataFingerprint(dataDir, entries, codeVersion), catalog, problems, indexes };
    saving = saving
      .then(() => writeSnapshot(cacheDir, dataDir, snapshot))
      .catch((error: Error) => log.warn({ err: error }, "Could not save the data snapshot; the next start will read every file"));
  };

  /**
   * Reads and validates every file. Large data is not kept twice, as parsed files and as the
   * catalog: when a reload needs the last good files (also after a start from a snapshot or
   * a live reload), they are rebuilt from the catalog. The file texts are garbage as soon as this returns.
   */
  const load = async () => {
    // The listing is taken before reading, so data that changes while it is read never matches its fingerprint later.
    const entries = await list();
    const files = await readEntries(entries);
    // In slices: a full reload (a changed story.json) happens while the bot answers.
    const lastGood = good ?? (await runPaced(goodFilesFromCatalogSteps(catalog, dataDir)));
    const result = await runPaced(buildCatalogSteps(files, lastGood));
    problems = result.problems;
    report(problems);
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
    listing = listingByPath(entries);
    good = count(catalog, "quotes") >= snapshotFrom ? undefined : result.good;
    loaded("files");
    save(entries, indexes);
    return problems;
  };

  // After live reloads, once the data is quiet: the index rebuilt whole and saved.
  const settler = settleAfterReloads({
    quietMs: options.settleAfterMs ?? SETTLE_AFTER_MS,
    log,
    current: () => ({ catalog, entries: [...listing.values()] }),
    save,
  });

  /**
   * A live reload: only new, changed and removed article files are read, and only their
   * quotes are indexed; the rest of the catalog and its index are reused. A story.json that
   * changed, or a story folder that came or went, rebuilds everything as `load` does.
   */
  const update = async (paths?: readonly string[]) => {
    const partial = paths ? diffPaths(dataDir, listing, paths) : undefined;
    const whole = partial ? undefined : await list();
    const changes = partial?.changes ?? diffListings(listing, whole!);
    if (changes.stories || [...changes.articles.keys()].some((dir) => !catalog.stories.some((s) => s.id === dir))) return load();
    if (changes.articles.size === 0) return problems;
    const started = performance.now();
    const applied = await applyArticleChanges(catalog.stories, changes.articles, log);
    const { touched, problems: found } = applied;
    catalog = { stories: applied.stories };
    if (whole) listing = listingByPath(whole);
    else {
      for (const slot of changes.articles.values()) for (const file of slot.removed) listing.delete(file);
      for (const entry of partial!.entries) listing.set(entry.path, entry);
    }
    good = undefined;
    problems = [...problems.filter((p) => !touched.has(p.file)), ...found];
    report(found);
    log.info({ files: touched.size, skipped: found.length, ms: Math.round(performance.now() - started), quotes: count(catalog, "quotes") }, "Story data updated");
    settler.schedule();
    return problems;
  };

  const fromSnapshot = async () => {
    const start = cacheDir && (await startFromSnapshot({ cacheDir, dataDir, codeVersion, list, log }));
    if (!start) return false;
    catalog = start.catalog;
    problems = start.problems;
    listing = listingByPath(start.entries);
    report(problems);
    // The parsed files are not in the snapshot; a reload rebuilds them from the catalog if it needs them.
    good = undefined;
    loaded("snapshot");
    return true;
  };

  if (!(await fromSnapshot())) await load();
  // A reload spans many turns of the event loop; two at once would each build on the same
  // catalog and the later would drop the other's changes, so each waits for the one before.
  let reloading: Promise<unknown> = Promise.resolve();
  const reload = (paths?: readonly string[]) => {
    const run = reloading.then(() => (options.incremental === false ? load() : update(paths)));
    reloading = run.catch(() => undefined);
    return run;
  };
  return {
    catalog: () => catalog,
    problems: () => problems,
    reload,
    saved: () => saving,
    close: settler.close,
  };
}

