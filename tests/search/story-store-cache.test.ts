import { mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/corpus/generate-story.js";
import { writeCorpus } from "../../bench/corpus/write-corpus.js";
import { buildCatalog } from "../../src/core/build-catalog.js";
import { searchQuotes } from "../../src/core/search-quotes.js";
import { indexStorySteps } from "../../src/core/story-index.js";
import { goodFilesFromCatalog } from "../../src/data/good-files-from-catalog.js";
import { readDataFiles } from "../../src/data/read-data-files.js";
import { openStoryStore } from "../../src/data/story-store.js";
import { createLogger } from "../../src/logger.js";
import { dataFiles } from "../builders.js";
import { catalogOf } from "./corpus.js";
import { SEED_DIR } from "../seed.js";

const log = createLogger({ level: "silent", pretty: false });
const temporary: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "storyline-store-"));
  temporary.push(dir);
  return dir;
};
afterAll(async () => {
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("reading the data folder", () => {
  it("gives each story.json, then its articles by name, whatever the batch size", async () => {
    expect((await readDataFiles(SEED_DIR)).map((f) => [f.file, f.storyDir, f.kind])).toEqual([
      [`${SEED_DIR}/stories/ukraine-peace-talks/story.json`, "ukraine-peace-talks", "story"],
      [`${SEED_DIR}/stories/ukraine-peace-talks/articles/2025-02-09-trump-says-he-spoke-with-putin.json`, "ukraine-peace-talks", "article"],
    ]);
    const dir = await tempDir();
    await writeCorpus(generateCorpus({ quotes: 300 }), dir);
    const whole = await readDataFiles(dir);
    expect(whole.map((f) => f.kind)).toEqual(["story", ...Array(whole.length - 1).fill("article")]);
    const articles = whole.slice(1).map((f) => f.file);
    expect(articles).toEqual([...articles].sort());
    expect(await readDataFiles(dir, 4)).toEqual(whole);
  });
});

describe("the snapshot of loaded data", () => {
  it("serves the same answers after a restart, without reading the files again", async () => {
    const data = await tempDir();
    const cacheDir = await tempDir();
    await writeCorpus(generateCorpus({ quotes: 600, seed: 5 }), data);
    const cold = await openStoryStore(data, log, { cacheDir, snapshotFromQuotes: 100 });
    await cold.saved?.();
    const warm = await openStoryStore(data, log, { cacheDir, snapshotFromQuotes: 100 });
    const [before, after] = [cold.catalog().stories[0]!, warm.catalog().stories[0]!];
    expect(after).not.toBe(before);
    expect(after.quotes.map((q) => [q.id, q.text, q.speaker.name, q.date, q.article.id])).toEqual(
      before.quotes.map((q) => [q.id, q.text, q.speaker.name, q.date, q.article.id]),
    );
    expect(after.quotes[0]!.article).toBe(after.articles.find((a) => a.id === after.quotes[0]!.article.id));
    const word = before.quotes[10]!.text.split(" ")[1]!;
    for (const request of [{ query: word }, { speaker: before.quotes[3]!.speaker.name }, { query: `${word}x` }]) {
      expect(searchQuotes(after, request).quotes.map((q) => q.id)).toEqual(searchQuotes(before, request).quotes.map((q) => q.id));
    }
  });

  it("is not used once a file has changed", async () => {
    const data = await tempDir();
    const cacheDir = await tempDir();
    await writeCorpus(generateCorpus({ quotes: 200, seed: 6 }), data);
    const first = await openStoryStore(data, log, { cacheDir, snapshotFromQuotes: 100 });
    await first.saved?.();
    const story = first.catalog().stories[0]!;
    const file = story.articles[0]!.file;
    const article = JSON.parse(await import("node:fs/promises").then((fs) => fs.readFile(file, "utf8")));
    article.quotes[0].text = "A brand new sentence about pelicans.";
    await writeFile(file, JSON.stringify(article));
    await utimes(file, new Date(), new Date(Date.now() + 5000));
    const second = await openStoryStore(data, log, { cacheDir, snapshotFromQuotes: 100 });
    expect(searchQuotes(second.catalog().stories[0]!, { query: "pelicans" }).quotes).toHaveLength(1);
  });
});

describe("the last good files after a start from a snapshot", () => {
  it("are rebuilt from the catalog, and rebuild the same catalog", () => {
    const corpus = generateCorpus({ quotes: 300, seed: 8 });
    const files = dataFiles(corpus.story, [...corpus.articles()]);
    const { catalog } = buildCatalog(files);
    const broken = files.map((f) => ({ ...f, text: "{" }));
    const again = buildCatalog(broken, goodFilesFromCatalog(catalog, "data"));
    expect(again.problems.every((p) => p.message.endsWith("(still serving the last good version)"))).toBe(true);
    const shape = (c: typeof catalog) =>
      c.stories[0]!.quotes.map((q) => [q.id, q.speaker.id, q.text, q.kind, q.context, q.date, q.article.file]).concat(
        c.stories[0]!.conditions.map((x) => [x.id, x.party.id, x.holder?.id, x.text, x.date]),
        c.stories[0]!.status.map((x) => [x.id, x.topic.id, x.state, x.detail, x.date]),
      );
    expect(shape(again.catalog)).toEqual(shape(catalog));
  });

  it("keep serving a file that breaks after a warm start", async () => {
    const data = await tempDir();
    const cacheDir = await tempDir();
    await writeCorpus(generateCorpus({ quotes: 200, seed: 4 }), data);
    await (await openStoryStore(data, log, { cacheDir, snapshotFromQuotes: 100 })).saved?.();
    const store = await openStoryStore(data, log, { cacheDir, snapshotFromQuotes: 100 });
    const quotes = store.catalog().stories[0]!.quotes.length;
    await writeFile(store.catalog().stories[0]!.articles[0]!.file, "{ broken");
    const problems = await store.reload();
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/still serving the last good version/);
    expect(store.catalog().stories[0]!.quotes).toHaveLength(quotes);
  });
});

describe("indexing a large story", () => {
  it("gives the event loop a turn every few thousand quotes", () => {
    const story = catalogOf(12_000, 3);
    let pauses = 0;
    const steps = indexStorySteps(story);
    while (!steps.next().done) pauses++;
    expect(pauses).toBeGreaterThanOrEqual(12_000 / 5_000);
  });
});
