import type { DataProblem } from "../core/errors.js";
import type { Catalog } from "../core/story.js";
import type { Logger } from "../logger.js";
import { dataFingerprint, discard, readSnapshot } from "./catalog-snapshot.js";
import type { DataFileEntry } from "./data-files.js";
import { prepareIndexes } from "./prepare-indexes.js";

/**
 * The catalog saved by an earlier run with the same data and code, indexed and ready to
 * serve; undefined when there is none, or it is stale or damaged (a damaged one is deleted
 * and said so), and the caller reads the files. The listing is taken while the snapshot is read.
 */
export async function startFromSnapshot(options: {
  cacheDir: string;
  dataDir: string;
  codeVersion: string;
  list(): Promise<DataFileEntry[]>;
  log: Logger;
}): Promise<{ catalog: Catalog; problems: DataProblem[]; entries: DataFileEntry[] } | undefined> {
  const { cacheDir, dataDir, codeVersion, log } = options;
  const entries = options.list();
  const read = await readSnapshot(cacheDir, dataDir, entries.then((e) => dataFingerprint(dataDir, e, codeVersion)).catch(() => undefined));
  if ("broken" in read) log.warn({ reason: read.broken }, "The data snapshot was damaged and is deleted; reading every file");
  if (!("snapshot" in read) || read.snapshot.catalog.stories.length === 0) return undefined;
  const { snapshot } = read;
  try {
    await prepareIndexes(snapshot.catalog, log, snapshot.indexes);
  } catch (error) {
    await discard(cacheDir, dataDir, "unusable index");
    log.warn({ err: error }, "The data snapshot's index is unusable and is deleted; reading every file");
    return undefined;
  }
  return { catalog: snapshot.catalog, problems: snapshot.problems, entries: await entries };
}
