import type { QuoteIndexData } from "../core/search/quote-finder.js";
import { indexStorySteps, quoteIndexData } from "../core/story-index.js";
import type { Catalog } from "../core/story.js";
import type { Logger } from "../logger.js";

/**
 * Indexes every story before the commands need it, a chunk at a time with the event loop
 * free in between (the Discord gateway's heartbeat must keep running during a reload);
 * with `saved`, from indexes kept in a snapshot. Returns the indexes, to be saved.
 */
export async function prepareIndexes(catalog: Catalog, log: Logger, saved?: readonly QuoteIndexData[]): Promise<QuoteIndexData[]> {
  const indexes: QuoteIndexData[] = [];
  for (const [i, story] of catalog.stories.entries()) {
    const started = performance.now();
    const steps = indexStorySteps(story, saved?.[i]);
    let step = steps.next();
    while (!step.done) {
      await pause();
      step = steps.next();
    }
    indexes.push(quoteIndexData(story)!);
    log.debug({ story: story.id, quotes: story.quotes.length, ms: Math.round(performance.now() - started), from: saved ? "snapshot" : "built" }, "Search index ready");
  }
  return indexes;
}

function pause(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
