import { newestFirstOrderSteps, type QuoteIndexData } from "../core/search/quote-finder.js";
import { indexStorySteps, quoteIndexData } from "../core/story-index.js";
import type { Catalog } from "../core/story.js";
import type { Logger } from "../logger.js";
import { buildTermIndexInParallel } from "./parallel-term-index.js";
import { runPaced } from "./run-paced.js";

/** Below this, a second thread costs more to start and feed than it saves. */
const PARALLEL_FROM_QUOTES = 100_000;

/**
 * Indexes every story before the commands need it, a chunk at a time with the event loop
 * free in between (the Discord gateway's heartbeat must keep running during a reload);
 * with `saved`, from indexes kept in a snapshot. Returns the indexes, to be saved.
 */
export async function prepareIndexes(
  catalog: Catalog,
  log: Logger,
  saved?: readonly (QuoteIndexData | undefined)[],
  options: { parallelFrom?: number } = {},
): Promise<QuoteIndexData[]> {
  const indexes: QuoteIndexData[] = [];
  for (const [i, story] of catalog.stories.entries()) {
    const started = performance.now();
    let data = saved?.[i];
    if (!data && story.quotes.length >= (options.parallelFrom ?? PARALLEL_FROM_QUOTES)) {
      const order = await runPaced(newestFirstOrderSteps(story.quotes));
      data = await buildTermIndexInParallel(story, order).then(
        (built) => ({ order, ...built }),
        (error: unknown) => {
          // Slower on one core, but the bot still starts.
          log.warn({ err: error, story: story.id }, "Indexing on a second thread failed; indexing on this one");
          return undefined;
        },
      );
    }
    await runPaced(indexStorySteps(story, data));
    indexes.push(quoteIndexData(story)!);
    log.debug({ story: story.id, quotes: story.quotes.length, ms: Math.round(performance.now() - started), from: saved ? "snapshot" : "built" }, "Search index ready");
  }
  return indexes;
}
