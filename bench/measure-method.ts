import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { buildCatalog } from "../src/core/build-catalog.js";
import { searchQuotes } from "../src/core/search-quotes.js";
import { indexStory, type StoryIndex } from "../src/core/story-index.js";
import type { Catalog, Story } from "../src/core/story.js";
import { readDataFiles } from "../src/data/read-data-files.js";
import { openStoryStore } from "../src/data/story-store.js";
import { createLogger } from "../src/logger.js";
import { miniSearchIndex } from "./baselines/minisearch-alone.js";
import { naiveFuseIndex } from "./baselines/naive-fuse.js";
import { hitRate } from "./measure/hit-rate.js";
import { summarise } from "./measure/percentiles.js";
import { autocompleteQueries, qualityQueries, quoteQueries } from "./measure/queries.js";
import type { MethodResult } from "./report.js";

/**
 * One method on one corpus, in a process of its own so memory and start-up are its alone.
 * Prints one JSON line: a MethodResult. Run by run-bench.ts, not by hand.
 */
const { values } = parseArgs({
  options: {
    dir: { type: "string" },
    method: { type: "string" },
    cache: { type: "string" },
    queries: { type: "string", default: "600" },
    quality: { type: "string", default: "300" },
    seed: { type: "string", default: "7" },
    budget: { type: "string", default: "60" },
  },
});
const method = values.method as MethodResult["method"];
const seed = Number(values.seed);
const budgetMs = Number(values.budget) * 1000;
const SLOW_QUERY_MS = 5000;

const start = performance.now();
// How long the event loop is held up at a stretch while loading: what a gateway heartbeat would wait.
const stalls = monitorEventLoopDelay({ resolution: 20 });
stalls.enable();
let catalog: Catalog;
let saved: Promise<void> = Promise.resolve();
/** The index each method answers from; the baselines are not registered as the story's own, so production code has no hook for them. */
let indexOf: (story: Story) => StoryIndex = indexStory;
if (method === "storyline" || method === "storyline-warm") {
  const store = await openStoryStore(values.dir!, createLogger({ level: "silent", pretty: false }), { cacheDir: values.cache! });
  catalog = store.catalog();
  saved = store.saved?.() ?? saved;
} else {
  catalog = buildCatalog(await readDataFiles(values.dir!)).catalog;
  const build: (story: Story) => StoryIndex = method === "fuse" ? naiveFuseIndex : miniSearchIndex;
  const built = new Map(catalog.stories.map((story) => [story, build(story)]));
  indexOf = (story) => built.get(story)!;
}
// Since the process started, as a person restarting the bot waits for it.
const readyMs = performance.now();
const loadMs = readyMs - start;
stalls.disable();
(globalThis as { gc?: () => void }).gc?.();
const memory = process.memoryUsage();
// A cold start saves its snapshot after it is ready; let that finish so it does not pause the queries measured.
const saveStalls = monitorEventLoopDelay({ resolution: 20 });
saveStalls.enable();
const saveStarted = performance.now();
await saved;
saveStalls.disable();
const saveMs = performance.now() - saveStarted;
(globalThis as { gc?: () => void }).gc?.();
const afterSave = process.memoryUsage();
const story = catalog.stories[0]!;
const index = indexOf(story);
// Every method answers through the same search code as /quote (without its embed), each from its own index.
const ask = (request: { query?: string; speaker?: string }) => searchQuotes(story, request, { limit: 5 }, index);
const complete = (typed: string) => (typed.trim() ? index.people.complete(typed, 25) : index.quotedPeople.slice(0, 25));

const result: MethodResult = {
  method,
  quotes: story.quotes.length,
  readyMs,
  loadMs,
  heapMb: memory.heapUsed / 1e6,
  rssMb: memory.rss / 1e6,
  maxStallMs: stalls.max / 1e6,
  notes:
    saveMs > 100
      ? [`snapshot saved in ${(saveMs / 1000).toFixed(1)} s after ready, longest stall ${(saveStalls.max / 1e9).toFixed(2)} s, RSS after saving ${(afterSave.rss / 1e6).toFixed(0)} MB`]
      : [],
};

/** Times each call until the list or the time budget runs out; one call past 5 s stops the method. */
async function timeEach<T>(items: readonly T[], call: (item: T) => unknown, budget = budgetMs): Promise<number[]> {
  const samples: number[] = [];
  const began = performance.now();
  for (const item of items) {
    const t = performance.now();
    await call(item);
    const took = performance.now() - t;
    samples.push(took);
    if (took > SLOW_QUERY_MS) {
      result.skipped = `one query took ${(took / 1000).toFixed(1)} s (over 5 s)`;
      break;
    }
    if (performance.now() - began > budget) {
      result.notes.push(`time budget reached after ${samples.length} of ${items.length}`);
      break;
    }
  }
  return samples;
}

const quotes = quoteQueries(story, Number(values.queries), seed);
// Autocomplete answers in well under a millisecond; more samples keep its p99 from being one GC pause.
const typed = autocompleteQueries(story, 3 * Number(values.queries), seed);
const quality = qualityQueries(story, Number(values.quality), seed);

// Warm up the JIT on queries that are not measured, as a running bot would be; a method too
// slow to answer within 5 s is not warmed up for minutes first.
const warmUp = await timeEach(quoteQueries(story, 200, seed + 100), (q) => ask(q.options), 20_000);
for (const a of autocompleteQueries(story, 200, seed + 100)) complete(a.typed);
result.notes = result.notes.filter((note) => note.startsWith("snapshot"));
const quoteSamples = result.skipped ? warmUp.slice(-1) : await timeEach(quotes, (q) => ask(q.options));
result.quote = summarise(quoteSamples);
if (!result.skipped) {
  result.autocomplete = summarise(await timeEach(typed, (a) => complete(a.typed)));
  const found: { expected: string; found: string[] }[] = [];
  await timeEach(quality, (q) => {
    found.push({ expected: q.expected, found: searchQuotes(story, { query: q.query }, {}, index).quotes.slice(0, 5).map((x) => x.id) });
  });
  result.hits = hitRate(found);
}
process.stdout.write(`${JSON.stringify(result)}\n`);
