import { type GoodFiles, buildCatalogSteps, parseFile } from "../core/build-catalog.js";
import { type DataProblem, formatProblem } from "../core/errors.js";
import { type ArticleFile, articleSchema } from "../core/schema.js";
import { quoteIndexData, quotesOutsideMainIndex, updateStoryIndexSteps } from "../core/story-index.js";
import type { Catalog } from "../core/story.js";
import { updateStorySteps } from "../core/update-story.js";
import type { Logger } from "../logger.js";
import { dataFingerprint, discard, readSnapshot, writeSnapshot } from "./catalog-snapshot.js";
import { type DataFileEntry, listDataFiles } from "./data-files.js";
import { diffListings, diffPaths, listingByPath } from "./file-changes.js";
import { goodFilesFromCatalogSteps } from "./good-files-from-catalog.js";
import { indexCodeVersion } from "./index-code-version.js";
import { prepareIndexes } from "./prepare-indexes.js";
import { runPaced } from "./run-paced.js";
import { displayPath, readEntries } from "./read-data-files.js";

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
/** Quotes added or removed since a story's index was built whole, past which it is rebuilt whole at once (in the background). */
const REBUILD_FROM_CHANGED_QUOTES = 20_000;

const count = (from: Catalog, key: "articles" | "quotes" | "conditions" | "status") => from.stories.reduce((n, s) => n + s[key].length, 0);

/** Lists the data files; a missing stories/ folder is a NoStoryError that says what to set. */
function listStoryFiles(dataDir: string): Promise<DataFileEntry[]> {
  return listDataFiles(dataDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") throw new NoStoryError(`No story data: ${dataDir}/stories does not exist. Set DATA_DIR to the folder that holds stories/.`);
    throw error;
  });
}

/** Reads and validates changed article files; a bad file that was served says the last good version stays. */
async function readArticles(changed: readonly DataFileEntry[], served: (file: string) => boolean) {
  const added: { file: string; data: ArticleFile }[] = [];
  const problems: DataProblem[] = [];
  const files: string[] = [];
  for (const file of await readEntries(changed)) {
    files.push(file.file);
    const parsed = parseFile(file, articleSchema);
    if (parsed.ok) added.push({ file: file.file, data: parsed.value });
    else problems.push(...parsed.problems.map((p) => (served(file.file) ? { ...p, message: `${p.message} (still serving the last good version)` } : p)));
  }
  return { added, files, problems };
}

export async function openStoryStore(dataDir: string, log: Logger, options: StoreOptions = { cacheDir: DEFAULT_CACHE_DIR }): Promise<StoryStore> {
  let catalog: Catalog = { stories: [] };
  let good: GoodFiles | undefined = new Map();
  let problems: DataProblem[] = [];
  /** The listing the catalog was built from. */
  let listing = new Map<string, DataFileEntry>();
  let saving: Promise<void> = Promise.resolve();
  let settleTimer: NodeJS.Timeout | undefined;
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
  const save = (entries: readonly DataFileEntry[], indexes: Parameters<typeof writeSnapshot>[2]["indexes"]) => {
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
    const touched = new Set<string>();
    const found: DataProblem[] = [];
    const stories = [...catalog.stories];
    for (const [dir, { changed, removed }] of changes.articles) {
      const at = stories.findIndex((s) => s.id === dir);
      const story = stories[at]!;
      const { added, files, problems: unreadable } = await readArticles(changed, (file) => story.articles.some((a) => a.file === file));
      for (const file of files) touched.add(file);
      found.push(...unreadable);
      const gone = new Set(removed.map(displayPath));
      for (const file of gone) touched.add(file);
      // In slices, so answers to other users keep flowing while a large story takes its new articles.
      const result = await runPaced(updateStorySteps(story, { removed: gone, added }));
      found.push(...result.problems);
      const change = { added: result.addedQuotes, removed: result.removedQuotes };
      if (!(await runPaced(updateStoryIndexSteps(story, result.story, change)))) await prepareIndexes({ stories: [result.story] }, log);
      stories[at] = result.story;
    }
    catalog = { stories };
    if (whole) listing = listingByPath(whole);
    else {
      for (const slot of changes.articles.values()) for (const file of slot.removed) listing.delete(file);
      for (const entry of partial!.entries) listing.set(entry.path, entry);
    }
    good = undefined;
    problems = [...problems.filter((p) => !touched.has(p.file)), ...found];
    report(found);
    log.info({ files: touched.size, skipped: found.length, ms: Math.round(performance.now() - started), quotes: count(catalog, "quotes") }, "Story data updated");
    scheduleSettle();
    return problems;
  };

  /**
   * Live reloads leave a story's index in two parts (see updateStoryIndexSteps). Once the data has
   * been quiet for a while, or the second part has grown large, the index is rebuilt whole in
   * the background, a slice at a time, and the snapshot saved for the next start.
   */
  const scheduleSettle = () => {
    clearTimeout(settleTimer);
    const grown = catalog.stories.some((s) => quotesOutsideMainIndex(s) >= REBUILD_FROM_CHANGED_QUOTES);
    settleTimer = setTimeout(() => void settle([...listing.values()]), grown ? 0 : (options.settleAfterMs ?? SETTLE_AFTER_MS));
    settleTimer.unref();
  };
  let settlingNow = false;
  let settleAgain = false;
  const settle = async (entries: readonly DataFileEntry[]) => {
    // One rebuild at a time (at a million quotes one takes most of a minute); a later change asks for another.
    if (settlingNow) {
      settleAgain = true;
      return;
    }
    settlingNow = true;
    const settling = catalog;
    try {
      // Stories indexed whole keep their index; the others are rebuilt. On this thread only:
      // nobody waits for it, and a second thread would take the core the answers run on
      // (answers during the rebuild at a million quotes: p99 250 ms with it, 90 ms without).
      const indexes = await prepareIndexes(settling, log, settling.stories.map(quoteIndexData), { parallelFrom: Infinity });
      // A reload while this ran serves newer data already; its own settling saves that.
      if (catalog === settling) save(entries, indexes);
    } catch (error) {
      log.warn({ err: error }, "Could not rebuild the search index after live reloads; answers still use the updated index");
    } finally {
      settlingNow = false;
      if (settleAgain) {
        settleAgain = false;
        scheduleSettle();
      }
    }
  };

  const fromSnapshot = async () => {
    if (!cacheDir) return false;
    const entries = list();
    const read = await readSnapshot(cacheDir, dataDir, entries.then((e) => dataFingerprint(dataDir, e, codeVersion)).catch(() => undefined));
    if ("broken" in read) log.warn({ reason: read.broken }, "The data snapshot was damaged and is deleted; reading every file");
    if (!("snapshot" in read) || read.snapshot.catalog.stories.length === 0) return false;
    const { snapshot } = read;
    try {
      await prepareIndexes(snapshot.catalog, log, snapshot.indexes);
    } catch (error) {
      await discard(cacheDir, dataDir, "unusable index");
      log.warn({ err: error }, "The data snapshot's index is unusable and is deleted; reading every file");
      return false;
    }
    catalog = snapshot.catalog;
    problems = snapshot.problems;
    listing = listingByPath(await entries);
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
    close: () => clearTimeout(settleTimer),
  };
}

