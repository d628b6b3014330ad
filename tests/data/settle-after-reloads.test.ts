import { afterEach, describe, expect, it, vi } from "vitest";
import { generateCorpus } from "../../bench/corpus/generate-story.js";
import type { ArticleFile } from "../../src/core/schema.js";
import { indexStory, quoteIndexData, quotesOutsideMainIndex, updateStoryIndexSteps } from "../../src/core/story-index.js";
import { runSteps } from "../../src/core/steps.js";
import type { Catalog, Story } from "../../src/core/story.js";
import { updateStory } from "../../src/core/update-story.js";
import type { Snapshot } from "../../src/data/catalog-snapshot.js";
import type { DataFileEntry } from "../../src/data/data-files.js";
import { settleAfterReloads } from "../../src/data/settle-after-reloads.js";
import { createLogger } from "../../src/logger.js";
import { catalogOf } from "../builders.js";

const log = createLogger({ level: "silent", pretty: false });
afterEach(() => {
  vi.useRealTimers();
});

/** A story as a live reload leaves it: its new article's quotes in a second index beside the main one. */
function reloadedStory(quotes: number, seed: number): Story {
  const generated = generateCorpus({ quotes, seed });
  const story = generated.story;
  const articles = [...generated.articles()];
  const before = catalogOf(story, articles).stories[0]!;
  indexStory(before);
  const speaker = before.quotes[0]!.speaker.id;
  const added: ArticleFile = { ...articles[0]!, id: `2099-01-01-new-${seed}`, date: "2099-01-01", quotes: [{ speaker, text: "Brand new words.", kind: "direct" }] };
  const result = updateStory(before, { removed: new Set(), added: [{ file: `new-${seed}.json`, data: added }] });
  runSteps(updateStoryIndexSteps(before, result.story, { added: result.addedQuotes, removed: result.removedQuotes }));
  expect(quotesOutsideMainIndex(result.story)).toBe(1);
  return result.story;
}

const listing = (name: string): DataFileEntry[] => [{ path: name } as DataFileEntry];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("after live reloads, once the data is quiet", () => {
  it("rebuilds the story's index whole and hands it, with the listing it belongs to, to be saved", async () => {
    const story = reloadedStory(400, 1);
    const entries = listing("a");
    const catalog: Catalog = { stories: [story] };
    const saves: { entries: readonly DataFileEntry[]; indexes: Snapshot["indexes"] }[] = [];
    const settler = settleAfterReloads({ quietMs: 20, log, current: () => ({ catalog, entries }), save: (e, indexes) => saves.push({ entries: e, indexes }) });
    settler.schedule();
    expect(saves).toEqual([]);
    await vi.waitFor(() => expect(saves).toHaveLength(1), { timeout: 5_000 });
    expect(quotesOutsideMainIndex(story)).toBe(0);
    expect(saves[0]!.entries).toBe(entries);
    expect(saves[0]!.indexes).toEqual([quoteIndexData(story)]);
    settler.close();
  });

  it("waits for quiet again after each reload", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const story = reloadedStory(300, 2);
    let saves = 0;
    const settler = settleAfterReloads({ quietMs: 100, log, current: () => ({ catalog: { stories: [story] }, entries: listing("a") }), save: () => saves++ });
    settler.schedule();
    vi.advanceTimersByTime(60);
    settler.schedule();
    vi.advanceTimersByTime(60);
    vi.useRealTimers();
    // 120 ms after the first reload, 60 after the second: nothing may have started.
    await pause(100);
    expect(saves).toBe(0);
    expect(quotesOutsideMainIndex(story)).toBe(1);
    settler.close();
  });

  it("does not save data a reload replaced while it was rebuilt, and rebuilds the newer data next", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const older: Catalog = { stories: [reloadedStory(300, 3)] };
    const newer: Catalog = { stories: [reloadedStory(300, 4)] };
    const entriesOf = new Map([
      [older, listing("older")],
      [newer, listing("newer")],
    ]);
    let served = older;
    const saved: (readonly DataFileEntry[])[] = [];
    const settler = settleAfterReloads({ quietMs: 10, log, current: () => ({ catalog: served, entries: entriesOf.get(served)! }), save: (entries) => saved.push(entries) });
    settler.schedule();
    vi.advanceTimersByTime(10);
    // The rebuild of the older data has begun; a reload lands and the data is quiet again before it ends.
    served = newer;
    settler.schedule();
    vi.advanceTimersByTime(10);
    vi.useRealTimers();
    await vi.waitFor(() => expect(saved).toHaveLength(1), { timeout: 5_000 });
    expect(saved[0]).toBe(entriesOf.get(newer));
    expect(quotesOutsideMainIndex(newer.stories[0]!)).toBe(0);
    await pause(50);
    expect(saved).toHaveLength(1);
    settler.close();
  });

  it("does nothing once closed", async () => {
    const story = reloadedStory(300, 5);
    let saves = 0;
    const settler = settleAfterReloads({ quietMs: 10, log, current: () => ({ catalog: { stories: [story] }, entries: listing("a") }), save: () => saves++ });
    settler.schedule();
    settler.close();
    await pause(80);
    expect(saves).toBe(0);
    expect(quotesOutsideMainIndex(story)).toBe(1);
  });
});
