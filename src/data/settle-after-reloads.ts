import { quoteIndexData, quotesOutsideMainIndex } from "../core/story-index.js";
import type { Catalog } from "../core/story.js";
import type { Logger } from "../logger.js";
import type { Snapshot } from "./catalog-snapshot.js";
import type { DataFileEntry } from "./data-files.js";
import { prepareIndexes } from "./prepare-indexes.js";

/** Quotes added or removed since a story's index was built whole, past which it is rebuilt whole at once (in the background). */
const REBUILD_FROM_CHANGED_QUOTES = 20_000;

export interface SettleAfterReloads {
  /** After a live reload: (re)starts the wait for quiet data. */
  schedule(): void;
  close(): void;
}

/**
 * Live reloads leave a story's index in two parts (see updateStoryIndexSteps). Once the data
 * has been quiet for `quietMs`, or the second part has grown large, the index is rebuilt whole
 * in the background, a slice at a time, and handed to `save` for the next start. One rebuild
 * runs at a time (at a million quotes one takes most of a minute); a change meanwhile asks for another.
 */
export function settleAfterReloads(options: {
  quietMs: number;
  log: Logger;
  /** The catalog served now (the same object until a reload replaces it), and the listing it was built from. */
  current(): { catalog: Catalog; entries: readonly DataFileEntry[] };
  save(entries: readonly DataFileEntry[], indexes: Snapshot["indexes"]): void;
}): SettleAfterReloads {
  const { log } = options;
  let timer: NodeJS.Timeout | undefined;
  let settlingNow = false;
  let settleAgain = false;

  const settle = async () => {
    if (settlingNow) {
      settleAgain = true;
      return;
    }
    settlingNow = true;
    const { catalog: settling, entries } = options.current();
    try {
      // Stories indexed whole keep their index; the others are rebuilt. On this thread only:
      // nobody waits for it, and a second thread would take the core the answers run on
      // (answers during the rebuild at a million quotes: p99 250 ms with it, 90 ms without).
      const indexes = await prepareIndexes(settling, log, settling.stories.map(quoteIndexData), { parallelFrom: Infinity });
      // A reload while this ran serves newer data already; its own settling saves that.
      if (options.current().catalog === settling) options.save(entries, indexes);
    } catch (error) {
      log.warn({ err: error }, "Could not rebuild the search index after live reloads; answers still use the updated index");
    } finally {
      settlingNow = false;
      if (settleAgain) {
        settleAgain = false;
        schedule();
      }
    }
  };

  const schedule = () => {
    clearTimeout(timer);
    const grown = options.current().catalog.stories.some((s) => quotesOutsideMainIndex(s) >= REBUILD_FROM_CHANGED_QUOTES);
    timer = setTimeout(() => void settle(), grown ? 0 : options.quietMs);
    timer.unref();
  };

  return { schedule, close: () => clearTimeout(timer) };
}
